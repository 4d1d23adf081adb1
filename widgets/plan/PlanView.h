#pragma once
// The Plan view: SwarmBrain's current dispatch plan against what happened, per ruche
// (grid import/export, HiveStore SoC, H2 level, local price), the plan's quality and worth
// (objective, proven bound and gap, savings against everyone alone with the grid), the
// islanding state, and the recommendations to households. Fed by PlanSnapshot; no solver here.

#include "engine/model/Plan.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableWidget;
class QValueAxis;
class QDateTimeAxis;

namespace swarmergy::widgets {

class KpiTile;

enum class PlanQuantity { Grid, HiveSoc, H2Level, Price, H2Year };

class PlanView : public QWidget {
    Q_OBJECT
public:
    explicit PlanView(QWidget* parent = nullptr);

    void setPlan(model::PlanSnapshotPtr plan);
    void setRucheIndex(int index);
    void setQuantity(PlanQuantity quantity);

    // What is shown, for tests: the KPI texts, the recommendation lines, the series sizes.
    QStringList kpiTexts() const;
    QStringList recommendationTexts() const;
    QLineSeries* plannedSeries() const { return planned_; }
    QLineSeries* actualSeries() const { return actual_; }
    QString bannerText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuildChart();
    void plotYear();
    void rebuildRecommendations();
    void updateKpis();
    QString recommendationText(const model::Recommendation& r) const;
    QString triggerText(model::PlanTrigger trigger) const;

    model::PlanSnapshotPtr plan_;
    int rucheIndex_ = 0;
    PlanQuantity quantity_ = PlanQuantity::Grid;

    QLabel* title_ = nullptr;
    QLabel* banner_ = nullptr;
    QComboBox* rucheChoice_ = nullptr;
    QComboBox* quantityChoice_ = nullptr;
    KpiTile* costTile_ = nullptr;
    KpiTile* gapTile_ = nullptr;
    KpiTile* savingsTile_ = nullptr;
    KpiTile* shedTile_ = nullptr;
    QChart* chart_ = nullptr;
    QChartView* chartView_ = nullptr;
    QLineSeries* planned_ = nullptr;
    QLineSeries* actual_ = nullptr;
    QDateTimeAxis* timeAxis_ = nullptr;
    QValueAxis* valueAxis_ = nullptr;
    QTableWidget* recommendations_ = nullptr;
    QLabel* recommendationsTitle_ = nullptr;
};

}  // namespace swarmergy::widgets
