#pragma once
// The alarm console (ISA-18.2): standing alarms by priority with their state, acknowledge and
// shelve with an expiry, the event journal, and the alarm rate per operator per day against
// the 150 a day that one operator can handle.

#include "app/services/AlarmSnapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace swarmergy::widgets {

class AlarmView : public QWidget {
    Q_OBJECT
public:
    explicit AlarmView(app::AlarmControl* control, QWidget* parent = nullptr);

    void setSnapshot(app::AlarmSnapshotPtr snapshot);

    // Operator actions on the selected alarm (what the buttons and shortcuts do).
    void acknowledgeSelected();
    void shelveSelected();      // for the duration chosen in the combo box
    void unshelveSelected();
    void selectAlarm(int alarmId);

    // For tests.
    QTableWidget* alarmTable() const { return alarms_; }
    QTableWidget* journalTable() const { return journal_; }
    QString rateText() const;
    QString statusText() const;
    QString detectionText() const;
    int selectedAlarmId() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillAlarms();
    void fillJournal();
    void updateButtons();
    void report(const std::string& error, const QString& done);
    void retranslate();
    void describeDetection();
    QString priorityText(app::AlarmPriority priority) const;
    QString stateText(app::AlarmState state) const;

    app::AlarmControl* control_;
    app::AlarmSnapshotPtr snapshot_;
    QLabel* rate_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* detection_ = nullptr;   // the live demo's planted faults and how they were detected
    QTableWidget* alarms_ = nullptr;
    QTableWidget* journal_ = nullptr;
    QPushButton* acknowledge_ = nullptr;
    QPushButton* shelve_ = nullptr;
    QPushButton* unshelve_ = nullptr;
    QComboBox* shelveFor_ = nullptr;
    QLabel* journalTitle_ = nullptr;
};

}  // namespace swarmergy::widgets
