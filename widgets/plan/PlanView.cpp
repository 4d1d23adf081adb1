#include "widgets/plan/PlanView.h"

#include "widgets/components/Format.h"
#include "widgets/components/KpiTile.h"
#include "widgets/components/Palette.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QTableWidget>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace swarmergy::widgets {

namespace {

// Net grid exchange (export positive) of a ruche at step t of a plan's series.
double netGrid(const std::vector<double>& importKw, const std::vector<double>& exportKw, std::size_t t) {
    return (t < exportKw.size() ? exportKw[t] : 0.0) - (t < importKw.size() ? importKw[t] : 0.0);
}

}  // namespace

PlanView::PlanView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("planTitle"));
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title_->setFont(titleFont);
    rucheChoice_ = new QComboBox(this);
    rucheChoice_->setMinimumContentsLength(12);
    quantityChoice_ = new QComboBox(this);
    quantityChoice_->setMinimumContentsLength(16);
    header->addWidget(title_, 1);
    header->addWidget(rucheChoice_);
    header->addWidget(quantityChoice_);
    layout->addLayout(header);

    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("planBanner"));
    banner_->setStyleSheet(QStringLiteral("background:%1;color:white;padding:6px;border-radius:4px;font-weight:bold")
                               .arg(palette::alarm().name()));
    banner_->hide();
    layout->addWidget(banner_);

    auto* tiles = new QHBoxLayout;
    costTile_ = new KpiTile(this);
    costTile_->setAccent(palette::importFlow());
    gapTile_ = new KpiTile(this);
    gapTile_->setAccent(palette::neighbour());
    savingsTile_ = new KpiTile(this);
    savingsTile_->setAccent(palette::exportFlow());
    shedTile_ = new KpiTile(this);
    shedTile_->setAccent(palette::alarm());
    for (auto* tile : {costTile_, gapTile_, savingsTile_, shedTile_})
        tiles->addWidget(tile);
    layout->addLayout(tiles);

    chart_ = new QChart;
    chart_->legend()->setAlignment(Qt::AlignBottom);
    planned_ = new QLineSeries(chart_);
    actual_ = new QLineSeries(chart_);
    QPen plannedPen(palette::neighbour(), 2, Qt::DashLine);
    planned_->setPen(plannedPen);
    actual_->setPen(QPen(palette::importFlow(), 2.5));
    chart_->addSeries(planned_);
    chart_->addSeries(actual_);
    timeAxis_ = new QDateTimeAxis(chart_);
    timeAxis_->setFormat(QStringLiteral("HH:mm"));
    valueAxis_ = new QValueAxis(chart_);
    chart_->addAxis(timeAxis_, Qt::AlignBottom);
    chart_->addAxis(valueAxis_, Qt::AlignLeft);
    for (auto* series : {planned_, actual_}) {
        series->attachAxis(timeAxis_);
        series->attachAxis(valueAxis_);
    }
    chartView_ = new QChartView(chart_, this);
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setMinimumHeight(260);
    layout->addWidget(chartView_, 2);

    recommendationsTitle_ = new QLabel(this);
    recommendationsTitle_->setFont(titleFont);
    layout->addWidget(recommendationsTitle_);
    recommendations_ = new QTableWidget(0, 4, this);
    recommendations_->setObjectName(QStringLiteral("recommendations"));
    recommendations_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    recommendations_->setSelectionBehavior(QAbstractItemView::SelectRows);
    recommendations_->verticalHeader()->hide();
    recommendations_->horizontalHeader()->setStretchLastSection(true);
    recommendations_->setSortingEnabled(false);
    layout->addWidget(recommendations_, 1);

    connect(rucheChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setRucheIndex(index);
    });
    connect(quantityChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setQuantity(static_cast<PlanQuantity>(index));
    });
    retranslate();
}

void PlanView::setPlan(model::PlanSnapshotPtr plan) {
    plan_ = std::move(plan);
    if (plan_ && rucheChoice_->count() != int(plan_->ruches.size())) {
        const QSignalBlocker block(rucheChoice_);
        rucheChoice_->clear();
        for (const auto& ruche : plan_->ruches)
            rucheChoice_->addItem(QString::fromStdString(ruche.id));
        rucheIndex_ = std::clamp(rucheIndex_, 0, std::max(0, int(plan_->ruches.size()) - 1));
        rucheChoice_->setCurrentIndex(rucheIndex_);
    }
    updateKpis();
    rebuildChart();
    rebuildRecommendations();
}

void PlanView::setRucheIndex(int index) {
    rucheIndex_ = index;
    if (rucheChoice_->currentIndex() != index) {
        const QSignalBlocker block(rucheChoice_);
        rucheChoice_->setCurrentIndex(index);
    }
    rebuildChart();
}

void PlanView::setQuantity(PlanQuantity quantity) {
    quantity_ = quantity;
    if (quantityChoice_->currentIndex() != int(quantity)) {
        const QSignalBlocker block(quantityChoice_);
        quantityChoice_->setCurrentIndex(int(quantity));
    }
    rebuildChart();
}

void PlanView::updateKpis() {
    if (!plan_) {
        for (auto* tile : {costTile_, gapTile_, savingsTile_, shedTile_})
            tile->setValueText(QStringLiteral("—"));
        title_->setText(tr("No plan yet"));
        banner_->hide();
        return;
    }
    const auto& p = *plan_;
    const QDateTime start = QDateTime::fromSecsSinceEpoch(p.planStartUtc, QTimeZone::utc());
    title_->setText(tr("Plan from %1 · %n step(s) · %2", nullptr, p.steps)
                        .arg(formatSimTimeUtc(start), triggerText(p.trigger)));
    costTile_->setValueText(formatMoney(p.objectiveCu));
    costTile_->setHint(tr("solved in %1 s, %2; H₂ valued at %3").arg(QLocale().toString(p.solveSeconds, 'f', 2),
                                                    QString::fromStdString(p.status), formatPricePerKwh(p.h2TerminalValuePerKwh)));
    // Gaps are small numbers that matter to a tenth of a percent: two decimals.
    gapTile_->setValueText(QLocale().toString(p.gap * 100.0, 'f', 2) + QChar(0x00A0) + QLatin1Char('%'));
    gapTile_->setHint(tr("proven bound %1").arg(formatMoney(p.boundCu)));
    savingsTile_->setValueText(formatMoney(p.savingsCu()));
    savingsTile_->setHint(tr("alone with the grid: %1").arg(formatMoney(p.aloneCostCu)));
    double shedKwh = 0, curtailedKwh = 0;
    for (const auto& r : p.ruches) {
        shedKwh += r.plannedShedKwh;
        curtailedKwh += r.plannedCurtailedKwh;
    }
    shedTile_->setValueText(formatEnergyKwh(shedKwh));
    shedTile_->setHint(tr("curtailed PV %1").arg(formatEnergyKwh(curtailedKwh)));
    if (p.islanded) {
        banner_->setText(tr("Islanded: the national grid is disconnected. Planned shedding %1; "
                            "the stores serve priority loads for about %2 h.")
                             .arg(formatEnergyKwh(shedKwh), QLocale().toString(p.storesLastHours, 'f', 1)));
        banner_->show();
    } else {
        banner_->hide();
    }
}

void PlanView::rebuildChart() {
    planned_->clear();
    actual_->clear();
    if (!plan_ || rucheIndex_ < 0 || rucheIndex_ >= int(plan_->ruches.size()))
        return;
    const auto& p = *plan_;
    const auto& r = p.ruches[std::size_t(rucheIndex_)];
    const double stepMs = p.stepMinutes * 60'000.0;
    const double startMs = double(p.planStartUtc) * 1000.0;
    auto plotSeries = [&](QLineSeries* series, const std::vector<double>& values) {
        QList<QPointF> points;
        points.reserve(qsizetype(values.size()));
        for (std::size_t t = 0; t < values.size(); ++t)
            points.append({startMs + double(t) * stepMs, values[t]});
        series->replace(points);
    };
    auto netSeries = [](const std::vector<double>& imp, const std::vector<double>& exp) {
        std::vector<double> net(std::max(imp.size(), exp.size()));
        for (std::size_t t = 0; t < net.size(); ++t)
            net[t] = netGrid(imp, exp, t);
        return net;
    };
    switch (quantity_) {
    case PlanQuantity::Grid:
        plotSeries(planned_, netSeries(r.plannedImportKw, r.plannedExportKw));
        plotSeries(actual_, netSeries(r.actualImportKw, r.actualExportKw));
        break;
    case PlanQuantity::HiveSoc:
        plotSeries(planned_, r.plannedHiveSocKwh);
        plotSeries(actual_, r.actualHiveSocKwh);
        break;
    case PlanQuantity::H2Level:
        plotSeries(planned_, r.plannedH2LevelKwh);
        plotSeries(actual_, r.actualH2LevelKwh);
        break;
    case PlanQuantity::Price:
        plotSeries(planned_, r.priceCuPerKwh);
        break;
    case PlanQuantity::H2Year:
        plotYear();
        return;
    }
    timeAxis_->setFormat(QStringLiteral("HH:mm"));
    double low = 0, high = 1;
    for (auto* series : {planned_, actual_}) {
        for (const QPointF& point : series->points()) {
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
    }
    valueAxis_->setRange(low, high + (high - low) * 0.05);
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(startMs), QTimeZone::utc()),
                        QDateTime::fromMSecsSinceEpoch(qint64(startMs + p.steps * stepMs), QTimeZone::utc()));
    retranslate();
}

// The SeasonStore over the year: the seasonal plan's level and the actual one, day by day.
void PlanView::plotYear() {
    const auto& p = *plan_;
    const double dayMs = 86'400'000.0;
    const double startMs = double(p.seasonStartUtc) * 1000.0;
    auto plotDays = [&](QLineSeries* series, const std::vector<double>& values) {
        QList<QPointF> points;
        for (std::size_t d = 0; d < values.size(); ++d)
            points.append({startMs + double(d) * dayMs, values[d]});
        series->replace(points);
    };
    plotDays(planned_, p.seasonPlannedLevelKwh);
    plotDays(actual_, p.seasonActualLevelKwh);
    double high = 1;
    for (double v : p.seasonPlannedLevelKwh)
        high = std::max(high, v);
    for (double v : p.seasonActualLevelKwh)
        high = std::max(high, v);
    valueAxis_->setRange(0, high * 1.05);
    const double days = std::max<double>(1, double(p.seasonPlannedLevelKwh.size()));
    timeAxis_->setFormat(QStringLiteral("dd/MM"));
    timeAxis_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(startMs), QTimeZone::utc()),
                        QDateTime::fromMSecsSinceEpoch(qint64(startMs + days * dayMs), QTimeZone::utc()));
    retranslate();
}

QString PlanView::recommendationText(const model::Recommendation& r) const {
    QString appliance;
    if (r.appliance == "washing")
        appliance = tr("the washing machine");
    else if (r.appliance == "ev")
        appliance = tr("the electric vehicle's charge");
    else if (r.appliance == "dishwasher")
        appliance = tr("the dishwasher");
    else
        appliance = QString::fromStdString(r.appliance);
    const QTime at = QDateTime::fromSecsSinceEpoch(r.suggestedStartUtc, QTimeZone::utc()).time();
    return tr("Run %1 at %2 UTC: %3 cheaper").arg(appliance, at.toString(QStringLiteral("HH:mm")), formatMoney(r.savingCu));
}

void PlanView::rebuildRecommendations() {
    const auto count = plan_ ? int(plan_->recommendations.size()) : 0;
    recommendations_->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const auto& r = plan_->recommendations[std::size_t(row)];
        const QTime usual = QDateTime::fromSecsSinceEpoch(r.usualStartUtc, QTimeZone::utc()).time();
        recommendations_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(r.alveoleId)));
        recommendations_->setItem(row, 1, new QTableWidgetItem(usual.toString(QStringLiteral("HH:mm"))));
        recommendations_->setItem(row, 2, new QTableWidgetItem(formatMoney(r.savingCu)));
        recommendations_->setItem(row, 3, new QTableWidgetItem(recommendationText(r)));
    }
    recommendations_->resizeColumnsToContents();
    recommendations_->horizontalHeader()->setStretchLastSection(true);
}

QString PlanView::triggerText(model::PlanTrigger trigger) const {
    switch (trigger) {
    case model::PlanTrigger::Periodic: return tr("periodic re-plan");
    case model::PlanTrigger::GridDisconnected: return tr("re-planned: grid disconnected");
    case model::PlanTrigger::GridReconnected: return tr("re-planned: grid reconnected");
    case model::PlanTrigger::AssetFault: return tr("re-planned: asset fault");
    case model::PlanTrigger::ForecastError: return tr("re-planned: large forecast error");
    case model::PlanTrigger::Operator: return tr("re-planned on request");
    }
    return {};
}

void PlanView::retranslate() {
    costTile_->setTitle(tr("Plan cost"));
    gapTile_->setTitle(tr("Proven gap"));
    savingsTile_->setTitle(tr("Community savings"));
    shedTile_->setTitle(tr("Planned shedding"));
    recommendationsTitle_->setText(tr("Recommendations to households"));
    recommendations_->setHorizontalHeaderLabels(
        {tr("Alvéole"), tr("Usual start (UTC)"), tr("Saving"), tr("Recommendation")});
    recommendations_->resizeColumnsToContents();
    const QSignalBlocker block(quantityChoice_);
    const int current = quantityChoice_->currentIndex();
    quantityChoice_->clear();
    quantityChoice_->addItems({tr("Grid exchange (kW)"), tr("HiveStore charge (kWh)"), tr("H₂ level (kWh)"),
                               tr("Local price (cu/kWh)"), tr("H₂ over the year (kWh)")});
    quantityChoice_->setCurrentIndex(current < 0 ? int(quantity_) : current);
    quantityChoice_->setToolTip(tr("Quantity compared between plan and reality"));
    rucheChoice_->setToolTip(tr("Ruche shown in the chart"));
    planned_->setName(tr("Planned"));
    actual_->setName(tr("Actual"));
    static const char* const units[] = {QT_TR_NOOP("kW (> 0 export)"), QT_TR_NOOP("kWh"), QT_TR_NOOP("kWh"),
                                        QT_TR_NOOP("cu/kWh"), QT_TR_NOOP("kWh")};
    valueAxis_->setTitleText(tr(units[int(quantity_)]));
    timeAxis_->setTitleText(quantity_ == PlanQuantity::H2Year ? tr("Date (UTC)") : tr("Time (UTC)"));
    updateKpis();
}

QStringList PlanView::kpiTexts() const {
    return {costTile_->valueText(), gapTile_->valueText(), savingsTile_->valueText(), shedTile_->valueText()};
}

QStringList PlanView::recommendationTexts() const {
    QStringList texts;
    for (int row = 0; row < recommendations_->rowCount(); ++row)
        texts << recommendations_->item(row, 3)->text();
    return texts;
}

QString PlanView::bannerText() const { return banner_->isHidden() ? QString() : banner_->text(); }

void PlanView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
