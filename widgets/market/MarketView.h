#pragma once
// The Market view (see README.md): local prices, trades, fair sharing of the savings, and the
// ledger feed. Fed by MarketSnapshot; computes nothing itself.

#include "engine/model/Market.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace swarmergy::widgets {

class KpiTile;

class MarketView : public QWidget {
    Q_OBJECT
public:
    explicit MarketView(QWidget* parent = nullptr);

    void setMarket(model::MarketSnapshotPtr market);
    void setRucheIndex(int index);
    int rucheIndex() const { return rucheIndex_; }

    // What is shown, for tests.
    QString ledgerText() const;
    QTableWidget* rucheTable() const { return ruches_; }
    QTableWidget* alveoleTable() const { return alveoles_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillRuches();
    void fillAlveoles();
    void updateSummary();

    model::MarketSnapshotPtr market_;
    int rucheIndex_ = 0;

    QLabel* title_ = nullptr;
    QLabel* explanation_ = nullptr;
    KpiTile* savingsTile_ = nullptr;
    KpiTile* tradedTile_ = nullptr;
    KpiTile* ledgerTile_ = nullptr;
    QLabel* ledger_ = nullptr;
    QTableWidget* ruches_ = nullptr;
    QLabel* alveolesTitle_ = nullptr;
    QTableWidget* alveoles_ = nullptr;
};

}  // namespace swarmergy::widgets
