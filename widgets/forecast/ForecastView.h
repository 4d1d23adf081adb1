#pragma once
// The forecast view of SwarmBrain: for the chosen ruche and target (load or PV), the 10-90 %
// quantile band, the median forecast and the measured values on one chart; the skill against
// the seasonal-naive forecast; a warning banner when a model is missing or damaged and the
// baseline answers instead; "Train now" with a progress bar and Cancel.

#include "app/services/ForecastSnapshot.h"

#include <QWidget>

class QAreaSeries;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QValueAxis;

namespace swarmergy::widgets {

class ForecastView : public QWidget {
    Q_OBJECT
public:
    explicit ForecastView(app::ForecastControl* control, QWidget* parent = nullptr);

    void setSnapshot(app::ForecastSnapshotPtr snapshot);
    // Live training progress between snapshots (0..1); running false hides Cancel.
    void setTrainingProgress(bool running, double share);

    void selectRuche(int index);
    void selectTarget(app::ForecastTarget target);

    // For tests.
    QAreaSeries* bandSeries() const { return band_; }
    QLineSeries* medianSeries() const { return median_; }
    QLineSeries* actualSeries() const { return actual_; }
    QLabel* warningBanner() const { return warning_; }
    QLabel* skillLabel() const { return skill_; }
    QPushButton* trainButton() const { return train_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QComboBox* rucheCombo() const { return ruche_; }
    QComboBox* targetCombo() const { return target_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillRuches();
    void showSeries();
    void showWarnings();
    void showTraining();
    void retranslate();
    const app::RucheForecastData* currentRuche() const;
    app::ForecastTarget currentTarget() const;

    app::ForecastControl* control_;
    app::ForecastSnapshotPtr snapshot_;
    QComboBox* ruche_ = nullptr;
    QComboBox* target_ = nullptr;
    QLabel* rucheLabel_ = nullptr;
    QLabel* targetLabel_ = nullptr;
    QLabel* warning_ = nullptr;
    QLabel* skill_ = nullptr;
    QLabel* trainingText_ = nullptr;
    QPushButton* train_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QChart* chart_ = nullptr;
    QChartView* chartView_ = nullptr;
    QLineSeries* upper_ = nullptr;
    QLineSeries* lower_ = nullptr;
    QAreaSeries* band_ = nullptr;
    QLineSeries* median_ = nullptr;
    QLineSeries* actual_ = nullptr;
    QValueAxis* axisX_ = nullptr;
    QValueAxis* axisY_ = nullptr;
    bool running_ = false;
    double share_ = 0;
};

}  // namespace swarmergy::widgets
