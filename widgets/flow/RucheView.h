#pragma once
// Live flow diagram of ONE ruche, in the spirit of Home Assistant's energy dashboard:
// PV, loads, MicroStores, HiveStore, the national grid, the SeasonStore (H2) and the other
// ruches around the ruche's bus, each link labelled with its power and an arrow for its
// direction, ring gauges for store levels, and a row of KPI tiles underneath.
// The view only reads the immutable snapshot it was handed (ARCHITECTURE.md, data flow).

#include "engine/model/Snapshot.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace swarmergy::widgets {

class KpiTile;
class RucheFlowCanvas;

enum class RucheNode { Pv, Loads, MicroStores, HiveStore, Grid, SeasonStore, OtherRuches };

// One node and its link to the bus, as painted.
struct ShownFlow {
    RucheNode node = RucheNode::Pv;
    QString name;          // translated node name, "PV"
    double powerKw = 0;    // > 0 flows into the bus, < 0 out of it
    QString label;         // text on the link, "12.3 kW"
    QString detail;        // second line under the node ("SoC 62.0 %", "shed 1.00 kW"), may be empty
    double gaugeFraction = -1;   // store level 0..1, < 0 without gauge
    bool islanded = false;       // grid link cut
    bool warning = false;        // something an operator must see (load shed)
};

class RucheView : public QWidget {
    Q_OBJECT
public:
    explicit RucheView(QWidget* parent = nullptr);

    void setSnapshot(model::EssaimSnapshotPtr snapshot);
    void setRucheIndex(int index);
    int rucheIndex() const { return rucheIndex_; }

    // What the view shows now, so tests (and accessibility) read the same text as the screen.
    QList<ShownFlow> shownFlows() const { return flows_; }
    QString flowLabel(RucheNode node) const;    // "" when that node is not shown
    QStringList flowLabels() const;             // "PV: 12.3 kW", one per shown node
    QStringList kpiTexts() const;               // "Self-sufficiency: 42.0 %", one per tile
    QString headerText() const { return header_; }
    QString statusText() const { return status_; }   // "Islanded", "No data yet", ... or ""

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void retranslateTiles();
    void updateTiles(const model::RucheSnapshot* ruche);

    model::EssaimSnapshotPtr snapshot_;
    int rucheIndex_ = 0;
    QList<ShownFlow> flows_;
    QString header_;
    QString status_;
    RucheFlowCanvas* canvas_ = nullptr;
    KpiTile* selfSufficiencyTile_ = nullptr;
    KpiTile* selfConsumptionTile_ = nullptr;
    KpiTile* peakImportTile_ = nullptr;
    KpiTile* costTile_ = nullptr;
};

}  // namespace swarmergy::widgets
