#pragma once
// Hand-built snapshots for the view tests and the paint bench: distinct, recognisable values
// (12.3 kW of PV, 18.75 kW of load...) so an assertion can tell which field a label shows.

#include "engine/model/Snapshot.h"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace swarmergy::fixtures {

inline model::RucheSnapshot tilleuls() {
    model::RucheSnapshot r;
    r.id = "Tilleuls";
    r.alveoleCount = 24;
    r.hasGate = true;
    r.importLimitKw = 60;
    r.exportLimitKw = 40;
    // Balanced: 12.3 + 2.5 - 18.75 + 1.2 + 3.1 + 0.4 - 0.75 = 0
    r.flows.loadKw = 18.75;
    r.flows.pvAvailableKw = 14.0;
    r.flows.pvUsedKw = 12.3;
    r.flows.microDischargeKw = 2.5;
    r.flows.hiveDischargeKw = 1.2;
    r.flows.importKw = 3.1;
    r.flows.linesInKw = 0.4;
    r.flows.linesOutKw = 0.75;
    r.stores = {29.8, 48.0, 120.0, 200.0, 1200.0, 3000.0};
    r.today = {0.834, 0.912, 7.65, 4.37};
    return r;
}

inline model::RucheSnapshot simpleRuche(const std::string& id, int index, double pvKw, double loadKw) {
    model::RucheSnapshot r;
    r.id = id;
    r.alveoleCount = 10 + index % 30;
    r.hasGate = true;
    r.importLimitKw = 50;
    r.exportLimitKw = 50;
    r.flows.loadKw = loadKw;
    r.flows.pvAvailableKw = pvKw;
    r.flows.pvUsedKw = pvKw;
    const double net = pvKw - loadKw;
    (net >= 0 ? r.flows.exportKw : r.flows.importKw) = std::abs(net);
    r.stores = {10.0 + index % 7, 40.0, 0, 0, 0, 0};
    r.today = {0.5, 0.7, 12.0, 2.0};
    return r;
}

inline std::shared_ptr<std::vector<model::AlveoleRow>> alveoleRows(int count, int rucheCount) {
    auto rows = std::make_shared<std::vector<model::AlveoleRow>>();
    rows->reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        model::AlveoleRow row;
        row.id = "A" + std::to_string(10000 + i);
        row.rucheIndex = i % rucheCount;
        // A scrambled but deterministic load so a numeric sort differs from the id order.
        row.loadKw = double((i * 7919) % 1000) / 100.0;
        row.pvKw = double((i * 104729) % 600) / 100.0;
        row.netKw = row.pvKw - row.loadKw;
        row.batteryCapacityKwh = i % 3 == 0 ? 0.0 : 10.0;
        row.socKwh = row.batteryCapacityKwh * double(i % 101) / 100.0;
        row.annualLoadKwh = 2000 + (i * 37) % 4000;
        row.pvPeakKw = double(i % 9);
        row.importTodayKwh = double(i % 13) * 1.5;
        row.exportTodayKwh = double(i % 11) * 0.75;
        rows->push_back(row);
    }
    return rows;
}

// Four ruches with distinct values; ruche 0 is "Tilleuls" above.
inline std::shared_ptr<model::EssaimSnapshot> smallEssaim(int alveoleCount = 60) {
    auto essaim = std::make_shared<model::EssaimSnapshot>();
    essaim->simTimeUtc = 1718972100;   // 2024-06-21 12:15 UTC
    essaim->stepIndex = 49;
    essaim->importPrice = 0.215;
    essaim->exportPrice = 0.08;
    essaim->ruches.push_back(tilleuls());
    essaim->ruches.push_back(simpleRuche("Chênes", 1, 41.0, 22.5));
    essaim->ruches.push_back(simpleRuche("Acacias", 2, 5.0, 31.2));
    model::RucheSnapshot islandish = simpleRuche("Saules", 3, 9.0, 9.0);
    islandish.hasGate = false;
    essaim->ruches.push_back(islandish);
    essaim->lines = {{"L1", 0, 1, -0.4, 50, 0.01}, {"L2", 0, 2, 0.75, 50, 0.02}, {"L3", 1, 3, 6.4, 30, 0.05},
                     {"L4", 2, 3, 0.0, 30, 0}};
    essaim->alveoles = alveoleRows(alveoleCount, 4);
    return essaim;
}

// Many ruches in a chain with lines between neighbours, for the 500-ruche paint.
inline std::shared_ptr<model::EssaimSnapshot> largeEssaim(int rucheCount, int alveoleCount = 1000) {
    auto essaim = std::make_shared<model::EssaimSnapshot>();
    essaim->simTimeUtc = 1718972100;
    for (int i = 0; i < rucheCount; ++i) {
        model::RucheSnapshot r = simpleRuche("R" + std::to_string(i + 1), i, double((i * 37) % 50), double((i * 53) % 45));
        if (i % 5 == 0) r.stores.h2TankKwh = 2000, r.stores.h2LevelKwh = 20.0 * (i % 100);
        essaim->ruches.push_back(r);
        if (i > 0) essaim->lines.push_back({"L" + std::to_string(i), i - 1, i, double((i * 13) % 21) - 10.0, 25, 0.1});
    }
    essaim->alveoles = alveoleRows(alveoleCount, rucheCount);
    return essaim;
}

}  // namespace swarmergy::fixtures
