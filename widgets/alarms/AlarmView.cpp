#include "widgets/alarms/AlarmView.h"

#include "widgets/components/Palette.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

namespace swarmergy::widgets {

namespace {

constexpr double kManageableAlarmsPerDay = 150;   // ISA-18.2's guidance for one operator
constexpr int kShelveHours[] = {1, 4, 8, 24};

QString utcTime(std::int64_t seconds) {
    return seconds ? QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString();
}

QColor priorityColour(app::AlarmPriority priority) {
    switch (priority) {
    case app::AlarmPriority::Urgent: return palette::alarm();
    case app::AlarmPriority::High: return palette::importFlow();
    case app::AlarmPriority::Medium: return palette::pv();
    case app::AlarmPriority::Low: return palette::mutedText();
    }
    return palette::mutedText();
}

QTableWidget* makeTable(QWidget* parent, int columns) {
    auto* table = new QTableWidget(0, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

}  // namespace

AlarmView::AlarmView(app::AlarmControl* control, QWidget* parent) : QWidget(parent), control_(control) {
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    rate_ = new QLabel(this);
    rate_->setObjectName(QStringLiteral("alarmRate"));
    header->addWidget(rate_, 1);
    acknowledge_ = new QPushButton(this);
    shelveFor_ = new QComboBox(this);
    shelve_ = new QPushButton(this);
    unshelve_ = new QPushButton(this);
    for (auto* w : std::initializer_list<QWidget*>{acknowledge_, shelveFor_, shelve_, unshelve_})
        header->addWidget(w);
    layout->addLayout(header);
    status_ = new QLabel(this);
    layout->addWidget(status_);
    detection_ = new QLabel(this);
    detection_->setObjectName(QStringLiteral("liveDetection"));
    detection_->setWordWrap(true);
    detection_->hide();
    layout->addWidget(detection_);

    auto* split = new QSplitter(Qt::Vertical, this);
    alarms_ = makeTable(split, 6);
    auto* journalPage = new QWidget(split);
    auto* journalLayout = new QVBoxLayout(journalPage);
    journalLayout->setContentsMargins(0, 0, 0, 0);
    journalTitle_ = new QLabel(journalPage);
    journal_ = makeTable(journalPage, 5);
    journalLayout->addWidget(journalTitle_);
    journalLayout->addWidget(journal_);
    split->addWidget(alarms_);
    split->addWidget(journalPage);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(acknowledge_, &QPushButton::clicked, this, &AlarmView::acknowledgeSelected);
    connect(shelve_, &QPushButton::clicked, this, &AlarmView::shelveSelected);
    connect(unshelve_, &QPushButton::clicked, this, &AlarmView::unshelveSelected);
    connect(alarms_, &QTableWidget::itemSelectionChanged, this, &AlarmView::updateButtons);
    auto* ackShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    connect(ackShortcut, &QShortcut::activated, this, &AlarmView::acknowledgeSelected);
    retranslate();
    updateButtons();
}

void AlarmView::setSnapshot(app::AlarmSnapshotPtr snapshot) {
    const int selected = selectedAlarmId();
    snapshot_ = std::move(snapshot);
    fillAlarms();
    fillJournal();
    if (selected)
        selectAlarm(selected);
    retranslate();
    updateButtons();
}

void AlarmView::fillAlarms() {
    std::vector<app::AlarmRow> rows = snapshot_ ? snapshot_->standing : std::vector<app::AlarmRow>{};
    // Most urgent first, then unacknowledged before acknowledged, then newest.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        const bool aUnack = a.state == app::AlarmState::Unacknowledged || a.state == app::AlarmState::ReturnedUnacknowledged;
        const bool bUnack = b.state == app::AlarmState::Unacknowledged || b.state == app::AlarmState::ReturnedUnacknowledged;
        if (aUnack != bUnack) return aUnack;
        return a.lastChangeUtc > b.lastChangeUtc;
    });
    const QSignalBlocker block(alarms_);
    alarms_->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const auto& a = rows[std::size_t(r)];
        const QStringList cells = {priorityText(a.priority), stateText(a.state), QString::fromStdString(a.subject),
                                   QString::fromStdString(a.type), utcTime(a.firstRaisedUtc),
                                   QString::fromStdString(a.message)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(Qt::UserRole, a.id);
            item->setToolTip(cells[c]);
            alarms_->setItem(r, c, item);
        }
        alarms_->item(r, 0)->setForeground(priorityColour(a.priority));
        QFont font = alarms_->item(r, 1)->font();
        font.setBold(a.state == app::AlarmState::Unacknowledged || a.state == app::AlarmState::ReturnedUnacknowledged);
        alarms_->item(r, 1)->setFont(font);
    }
}

void AlarmView::fillJournal() {
    const int count = snapshot_ ? int(snapshot_->journal.size()) : 0;
    journal_->setRowCount(count);
    for (int r = 0; r < count; ++r) {
        const auto& e = snapshot_->journal[std::size_t(r)];
        const QStringList cells = {utcTime(e.timeUtc), QString::number(e.alarmId), QString::fromStdString(e.subject),
                                   QString::fromStdString(e.event), QString::fromStdString(e.operatorName)};
        for (int c = 0; c < cells.size(); ++c)
            journal_->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
}

int AlarmView::selectedAlarmId() const {
    const auto items = alarms_->selectedItems();
    return items.isEmpty() ? 0 : items.front()->data(Qt::UserRole).toInt();
}

void AlarmView::selectAlarm(int alarmId) {
    for (int r = 0; r < alarms_->rowCount(); ++r) {
        if (alarms_->item(r, 0)->data(Qt::UserRole).toInt() == alarmId) {
            alarms_->selectRow(r);
            return;
        }
    }
}

void AlarmView::updateButtons() {
    const int id = selectedAlarmId();
    app::AlarmState state = app::AlarmState::Normal;
    if (snapshot_)
        for (const auto& a : snapshot_->standing)
            if (a.id == id)
                state = a.state;
    const bool unacknowledged = state == app::AlarmState::Unacknowledged || state == app::AlarmState::ReturnedUnacknowledged;
    acknowledge_->setEnabled(id && unacknowledged);
    shelve_->setEnabled(id && state != app::AlarmState::Shelved);
    unshelve_->setEnabled(id && state == app::AlarmState::Shelved);
}

void AlarmView::report(const std::string& error, const QString& done) {
    status_->setText(error.empty() ? done : tr("Refused: %1").arg(QString::fromStdString(error)));
}

void AlarmView::acknowledgeSelected() {
    const int id = selectedAlarmId();
    if (!id || !control_)
        return;
    report(control_->acknowledge(id), tr("Alarm %1 acknowledged.").arg(id));
}

void AlarmView::shelveSelected() {
    const int id = selectedAlarmId();
    if (!id || !control_ || !snapshot_)
        return;
    const int hours = kShelveHours[std::max(0, shelveFor_->currentIndex())];
    const std::int64_t until = snapshot_->nowUtc + std::int64_t(hours) * 3600;
    report(control_->shelve(id, until), tr("Alarm %1 shelved until %2 UTC.").arg(id).arg(utcTime(until)));
}

void AlarmView::unshelveSelected() {
    const int id = selectedAlarmId();
    if (!id || !control_)
        return;
    report(control_->unshelve(id), tr("Alarm %1 back on the list.").arg(id));
}

QString AlarmView::rateText() const { return rate_->text(); }

QString AlarmView::statusText() const { return status_->text(); }

QString AlarmView::detectionText() const { return detection_->isHidden() ? QString() : detection_->text(); }

// The demo's ground truth: which planted faults the detectors caught, and how fast.
void AlarmView::describeDetection() {
    const auto* live = snapshot_ ? &snapshot_->liveDetection : nullptr;
    if (!live || (!live->planting && live->note.empty())) {
        detection_->hide();
        return;
    }
    QStringList parts;
    int planted = 0, detected = 0;
    for (const auto& figures : live->perType) {
        planted += figures.planted;
        detected += figures.detected;
        QString part = tr("%1 %2/%3").arg(QString::fromStdString(figures.type)).arg(figures.detected).arg(figures.planted);
        if (figures.detected > 0)
            part += QStringLiteral(" (") + tr("%1 h to detect").arg(QLocale().toString(figures.meanHoursToDetect, 'f', 1)) +
                    QStringLiteral(")");
        parts << part;
    }
    QString text = tr("Planted faults (demo ground truth): %1 of %2 detected").arg(detected).arg(planted);
    if (!parts.isEmpty())
        text += QStringLiteral(" · ") + parts.join(QStringLiteral(", "));
    text += QStringLiteral(" · ") + tr("%n alarm(s) with no planted cause", nullptr, live->unexplainedAlarms);
    if (!live->note.empty())
        text += QStringLiteral("\n") + QString::fromStdString(live->note);
    detection_->setText(text);
    detection_->show();
}

QString AlarmView::priorityText(app::AlarmPriority priority) const {
    switch (priority) {
    case app::AlarmPriority::Urgent: return tr("Urgent");
    case app::AlarmPriority::High: return tr("High");
    case app::AlarmPriority::Medium: return tr("Medium");
    case app::AlarmPriority::Low: return tr("Low");
    }
    return {};
}

QString AlarmView::stateText(app::AlarmState state) const {
    switch (state) {
    case app::AlarmState::Normal: return tr("Normal");
    case app::AlarmState::Unacknowledged: return tr("Unacknowledged");
    case app::AlarmState::Acknowledged: return tr("Acknowledged");
    case app::AlarmState::ReturnedUnacknowledged: return tr("Returned, unacknowledged");
    case app::AlarmState::Shelved: return tr("Shelved");
    case app::AlarmState::Suppressed: return tr("Suppressed");
    }
    return {};
}

void AlarmView::retranslate() {
    acknowledge_->setText(tr("&Acknowledge"));
    acknowledge_->setToolTip(tr("Acknowledge the selected alarm (Ctrl+K)"));
    shelve_->setText(tr("&Shelve"));
    shelve_->setToolTip(tr("Hide the selected alarm until the chosen time; it comes back if its condition persists"));
    unshelve_->setText(tr("&Unshelve"));
    const int shelveIndex = shelveFor_->currentIndex();
    shelveFor_->clear();
    for (int hours : kShelveHours)
        shelveFor_->addItem(tr("for %n hour(s)", nullptr, hours));
    shelveFor_->setCurrentIndex(std::max(0, shelveIndex));
    alarms_->setHorizontalHeaderLabels({tr("Priority"), tr("State"), tr("Subject"), tr("Type"), tr("Raised (UTC)"), tr("Message")});
    journal_->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("Alarm"), tr("Subject"), tr("Event"), tr("Operator")});
    journalTitle_->setText(tr("Event journal"));
    if (!snapshot_) {
        rate_->setText(tr("No alarm source."));
        return;
    }
    const double rate = snapshot_->alarmsPerOperatorPerDay;
    rate_->setText(tr("%n standing alarm(s) · %1 alarms per operator per day (manageable: up to %2) · %3 suppressed by cause",
                      nullptr, int(snapshot_->standing.size()))
                       .arg(QLocale().toString(rate, 'f', 1))
                       .arg(int(kManageableAlarmsPerDay))
                       .arg(snapshot_->suppressedTotal));
    describeDetection();
    rate_->setStyleSheet(rate > kManageableAlarmsPerDay ? QStringLiteral("color:%1;font-weight:bold").arg(palette::alarm().name())
                                                        : QString());
}

void AlarmView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
