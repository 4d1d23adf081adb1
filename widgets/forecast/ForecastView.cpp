#include "widgets/forecast/ForecastView.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace swarmergy::widgets {

namespace {

// Hours from the origin on the x axis: readable whatever the step length.
QList<QPointF> points(const std::vector<double>& values, int stepMinutes) {
    QList<QPointF> out;
    out.reserve(qsizetype(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        out.append(QPointF(double(i) * stepMinutes / 60.0, values[i]));
    return out;
}

}  // namespace

ForecastView::ForecastView(app::ForecastControl* control, QWidget* parent)
    : QWidget(parent), control_(control) {
    ruche_ = new QComboBox(this);
    target_ = new QComboBox(this);
    target_->addItem(QString(), int(app::ForecastTarget::Load));
    target_->addItem(QString(), int(app::ForecastTarget::Pv));
    rucheLabel_ = new QLabel(this);
    targetLabel_ = new QLabel(this);
    warning_ = new QLabel(this);
    warning_->setWordWrap(true);
    warning_->setStyleSheet(QStringLiteral("background:#fff3cd;color:#664d03;padding:6px;border:1px solid #ffecb5;"));
    warning_->setVisible(false);
    skill_ = new QLabel(this);
    trainingText_ = new QLabel(this);
    train_ = new QPushButton(this);
    cancel_ = new QPushButton(this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);

    chart_ = new QChart();
    upper_ = new QLineSeries(chart_);
    lower_ = new QLineSeries(chart_);
    band_ = new QAreaSeries(upper_, lower_);
    band_->setColor(QColor(66, 133, 244, 70));
    band_->setBorderColor(QColor(66, 133, 244, 0));
    median_ = new QLineSeries();
    actual_ = new QLineSeries();
    median_->setColor(QColor(25, 90, 200));
    actual_->setColor(QColor(20, 20, 20));
    chart_->addSeries(band_);
    chart_->addSeries(median_);
    chart_->addSeries(actual_);
    axisX_ = new QValueAxis(chart_);
    axisY_ = new QValueAxis(chart_);
    chart_->addAxis(axisX_, Qt::AlignBottom);
    chart_->addAxis(axisY_, Qt::AlignLeft);
    for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(band_), static_cast<QAbstractSeries*>(median_),
                               static_cast<QAbstractSeries*>(actual_)}) {
        s->attachAxis(axisX_);
        s->attachAxis(axisY_);
    }
    chartView_ = new QChartView(chart_, this);
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setMinimumHeight(240);

    auto* choices = new QHBoxLayout();
    choices->addWidget(rucheLabel_);
    choices->addWidget(ruche_, 1);
    choices->addWidget(targetLabel_);
    choices->addWidget(target_, 1);
    auto* training = new QHBoxLayout();
    training->addWidget(train_);
    training->addWidget(progress_, 1);
    training->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(warning_);
    layout->addWidget(chartView_, 1);
    layout->addWidget(skill_);
    layout->addLayout(training);
    layout->addWidget(trainingText_);

    connect(ruche_, &QComboBox::currentIndexChanged, this, [this] { showSeries(); });
    connect(target_, &QComboBox::currentIndexChanged, this, [this] { showSeries(); });
    connect(train_, &QPushButton::clicked, this, [this] {
        if (control_)
            control_->trainNow();
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (control_)
            control_->cancelTraining();
    });
    retranslate();
    showTraining();
}

void ForecastView::setSnapshot(app::ForecastSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    if (snapshot_) {
        running_ = snapshot_->training.running;
        share_ = snapshot_->training.progress;
    }
    fillRuches();
    showSeries();
    showWarnings();
    showTraining();
}

void ForecastView::setTrainingProgress(bool running, double share) {
    running_ = running;
    share_ = std::clamp(share, 0.0, 1.0);
    showTraining();
}

void ForecastView::selectRuche(int index) { ruche_->setCurrentIndex(index); }

void ForecastView::selectTarget(app::ForecastTarget target) { target_->setCurrentIndex(target_->findData(int(target))); }

const app::RucheForecastData* ForecastView::currentRuche() const {
    if (!snapshot_)
        return nullptr;
    const int index = ruche_->currentIndex();
    if (index < 0 || index >= int(snapshot_->ruches.size()))
        return nullptr;
    return &snapshot_->ruches[std::size_t(index)];
}

app::ForecastTarget ForecastView::currentTarget() const {
    return app::ForecastTarget(target_->currentData().toInt());
}

void ForecastView::fillRuches() {
    // Keep the operator's choice across snapshots when the ruche is still there.
    const QString previous = ruche_->currentText();
    const QSignalBlocker block(ruche_);
    ruche_->clear();
    if (snapshot_)
        for (const auto& r : snapshot_->ruches)
            ruche_->addItem(QString::fromStdString(r.rucheId));
    const int keep = ruche_->findText(previous);
    ruche_->setCurrentIndex(keep >= 0 ? keep : (ruche_->count() ? 0 : -1));
}

void ForecastView::showSeries() {
    const auto* ruche = currentRuche();
    if (!ruche) {
        upper_->clear();
        lower_->clear();
        median_->clear();
        actual_->clear();
        skill_->setText(tr("No forecast yet."));
        return;
    }
    const auto& s = ruche->series(currentTarget());
    upper_->replace(points(s.p90Kw, ruche->stepMinutes));
    lower_->replace(points(s.p10Kw, ruche->stepMinutes));
    median_->replace(points(s.p50Kw, ruche->stepMinutes));
    actual_->replace(points(s.actualKw, ruche->stepMinutes));

    double top = 0.1;
    for (const auto* v : {&s.p90Kw, &s.p50Kw, &s.actualKw})
        for (double x : *v)
            top = std::max(top, x);
    axisX_->setRange(0, std::max<double>(1, double(s.p50Kw.size()) * ruche->stepMinutes / 60.0));
    axisY_->setRange(0, top * 1.1);

    if (s.maeSeasonalNaiveKw > 0)
        skill_->setText(tr("MAE %1 kW (model) vs %2 kW (seasonal naive): skill %3 %, band coverage %4 %")
                            .arg(s.maeModelKw, 0, 'f', 2)
                            .arg(s.maeSeasonalNaiveKw, 0, 'f', 2)
                            .arg(100 * s.skill, 0, 'f', 0)
                            .arg(100 * s.coverage, 0, 'f', 0));
    else
        skill_->setText(tr("Skill not evaluated yet."));
}

void ForecastView::showWarnings() {
    QStringList lines;
    if (snapshot_) {
        for (const auto& r : snapshot_->ruches)
            for (const auto* s : {&r.load, &r.pv})
                if (s->fromBaseline)
                    lines << tr("%1 %2: baseline forecast in use (%3)")
                                 .arg(QString::fromStdString(r.rucheId),
                                      s == &r.load ? tr("load") : tr("PV"),
                                      QString::fromStdString(s->warning));
        for (const auto& w : snapshot_->warnings)
            lines << QString::fromStdString(w);
    }
    lines.removeDuplicates();
    warning_->setText(lines.join(QLatin1Char('\n')));
    warning_->setVisible(!lines.isEmpty());
}

void ForecastView::showTraining() {
    progress_->setValue(int(std::lround(100 * share_)));
    progress_->setVisible(running_);
    cancel_->setVisible(running_);
    cancel_->setEnabled(running_);
    train_->setEnabled(!running_ && control_ != nullptr);
    if (running_) {
        trainingText_->setText(tr("Training… %1 %").arg(int(std::lround(100 * share_))));
        return;
    }
    if (!snapshot_ || snapshot_->training.modelVersion == 0) {
        trainingText_->setText(snapshot_ && !snapshot_->training.message.empty()
                                   ? QString::fromStdString(snapshot_->training.message)
                                   : tr("No model trained yet."));
        return;
    }
    const auto& t = snapshot_->training;
    trainingText_->setText(tr("Models version %1, trained in %2 s; validation MAE load %3 kW, PV %4 kW. %5")
                               .arg(t.modelVersion)
                               .arg(t.trainSeconds, 0, 'f', 1)
                               .arg(t.validationMaeLoadKw, 0, 'f', 2)
                               .arg(t.validationMaePvKw, 0, 'f', 2)
                               .arg(QString::fromStdString(t.message)));
}

void ForecastView::retranslate() {
    rucheLabel_->setText(tr("Ruche"));
    targetLabel_->setText(tr("Target"));
    target_->setItemText(0, tr("Load"));
    target_->setItemText(1, tr("PV"));
    train_->setText(tr("Train now"));
    cancel_->setText(tr("Cancel"));
    upper_->setName(tr("90 %"));
    lower_->setName(tr("10 %"));
    band_->setName(tr("10-90 % band"));
    median_->setName(tr("Forecast (median)"));
    actual_->setName(tr("Measured"));
    axisX_->setTitleText(tr("Hours from origin"));
    axisY_->setTitleText(tr("Power (kW)"));
    chart_->setTitle(tr("Forecast vs measured"));
    showSeries();
    showWarnings();
    showTraining();
}

void ForecastView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
