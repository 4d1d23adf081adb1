#include "widgets/market/MarketView.h"

#include "widgets/components/Format.h"
#include "widgets/components/KpiTile.h"
#include "widgets/components/Palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace swarmergy::widgets {

namespace {

QTableWidget* makeTable(int columns, const QString& name, QWidget* parent) {
    auto* table = new QTableWidget(0, columns, parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem* cell(const QString& text, const QString& tip = {}) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    return item;
}

QTableWidgetItem* nameCell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return item;
}

QString timeText(std::int64_t utc) {
    return formatSimTimeUtc(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC));
}

}  // namespace

MarketView::MarketView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    layout->addWidget(title_);
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    layout->addWidget(explanation_);

    auto* tiles = new QHBoxLayout;
    savingsTile_ = new KpiTile(this);
    savingsTile_->setAccent(palette::exportFlow());
    tradedTile_ = new KpiTile(this);
    tradedTile_->setAccent(palette::neighbour());
    ledgerTile_ = new KpiTile(this);
    ledgerTile_->setAccent(palette::importFlow());
    for (auto* tile : {savingsTile_, tradedTile_, ledgerTile_})
        tiles->addWidget(tile);
    layout->addLayout(tiles);
    ledger_ = new QLabel(this);
    ledger_->setObjectName(QStringLiteral("ledgerFeed"));
    ledger_->setWordWrap(true);
    layout->addWidget(ledger_);

    ruches_ = makeTable(6, QStringLiteral("marketRuches"), this);
    layout->addWidget(ruches_, 1);
    alveolesTitle_ = new QLabel(this);
    alveolesTitle_->setFont(titleFont);
    layout->addWidget(alveolesTitle_);
    alveoles_ = makeTable(6, QStringLiteral("marketAlveoles"), this);
    alveoles_->setSortingEnabled(true);
    alveoles_->sortByColumn(0, Qt::AscendingOrder);
    layout->addWidget(alveoles_, 2);

    connect(ruches_, &QTableWidget::currentCellChanged, this, [this](int row, int, int, int) {
        if (row >= 0 && row != rucheIndex_)
            setRucheIndex(row);
    });
    retranslate();
}

void MarketView::setMarket(model::MarketSnapshotPtr market) {
    market_ = std::move(market);
    if (market_ && rucheIndex_ >= int(market_->ruches.size()))
        rucheIndex_ = 0;
    updateSummary();
    fillRuches();
    fillAlveoles();
}

void MarketView::setRucheIndex(int index) {
    rucheIndex_ = std::max(0, index);
    fillAlveoles();
}

QString MarketView::ledgerText() const { return ledger_->text(); }

void MarketView::updateSummary() {
    double savings = 0, traded = 0;
    if (market_) {
        for (const auto& r : market_->ruches) {
            savings += r.savingsCu;
            traded += r.tradedKwh;
        }
    }
    savingsTile_->setValueText(market_ ? formatMoney(savings) : QStringLiteral("—"));
    tradedTile_->setValueText(market_ ? formatEnergyKwh(traded) : QStringLiteral("—"));
    if (!market_ || !market_->ledger.attached) {
        ledgerTile_->setValueText(QStringLiteral("—"));
        ledger_->setText(tr("No ledger: the market is settled and shown here but not recorded."));
        return;
    }
    const auto& feed = market_->ledger;
    ledgerTile_->setValueText(QLocale().toString(qlonglong(feed.intervalsRecorded)));
    QString text = tr("SwarmLedger records the market of %n alvéole(s)", nullptr, feed.alveolesOnLedger);
    text += QStringLiteral(" · ") + tr("%1 hub readings relayed (they mint NRG), %2 skipped")
                                        .arg(QLocale().toString(qlonglong(feed.readingsRelayed)),
                                             QLocale().toString(qlonglong(feed.readingsSkipped)));
    if (feed.intervalsRecorded > 0)
        text += QStringLiteral(" · ") + tr("last interval recorded: %1").arg(timeText(feed.lastRecordedIntervalUtc));
    if (feed.backlogIntervals > 0)
        text += QStringLiteral(" · ") + tr("%n interval(s) waiting", nullptr, int(feed.backlogIntervals));
    if (feed.intervalsDropped > 0)
        text += QStringLiteral(" · ") + tr("%n interval(s) not recorded: the simulation ran faster than the ledger", nullptr,
                                           int(feed.intervalsDropped));
    if (!feed.lastError.empty())
        text += QStringLiteral("\n") + tr("Last ledger error: %1").arg(QString::fromStdString(feed.lastError));
    ledger_->setText(text);
}

void MarketView::fillRuches() {
    const int rows = market_ ? int(market_->ruches.size()) : 0;
    ruches_->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const auto& ruche = market_->ruches[std::size_t(r)];
        ruches_->setItem(r, 0, nameCell(QString::fromStdString(ruche.id)));
        ruches_->setItem(r, 1, cell(formatPricePerKwh(ruche.lastPriceCuPerKwh)));
        ruches_->setItem(r, 2, nameCell(ruche.lastPriceFromPlan ? tr("plan (marginal price)") : tr("grid tariff at the gate")));
        ruches_->setItem(r, 3, cell(formatEnergyKwh(ruche.tradedKwh)));
        ruches_->setItem(r, 4, cell(formatMoney(ruche.savingsCu)));
        ruches_->setItem(r, 5, nameCell(ruche.sharesExact ? tr("exact")
                                                          : tr("sampled, %1 permutations").arg(qulonglong(ruche.permutations))));
    }
    ruches_->resizeColumnsToContents();
    if (rows > 0) {
        const QSignalBlocker block(ruches_);
        ruches_->selectRow(rucheIndex_);
    }
}

void MarketView::fillAlveoles() {
    alveoles_->setSortingEnabled(false);
    const bool have = market_ && rucheIndex_ < int(market_->ruches.size());
    const auto* ruche = have ? &market_->ruches[std::size_t(rucheIndex_)] : nullptr;
    alveolesTitle_->setText(ruche ? tr("Alvéoles of %1, last %2 h").arg(QString::fromStdString(ruche->id)).arg(market_->windowHours)
                                  : tr("Alvéoles"));
    const int rows = ruche ? int(ruche->alveoles.size()) : 0;
    alveoles_->setRowCount(rows);
    for (int i = 0; i < rows; ++i) {
        const auto& a = ruche->alveoles[std::size_t(i)];
        alveoles_->setItem(i, 0, nameCell(QString::fromStdString(a.id)));
        alveoles_->setItem(i, 1, cell(formatEnergyKwh(a.soldKwh)));
        alveoles_->setItem(i, 2, cell(formatEnergyKwh(a.boughtKwh)));
        alveoles_->setItem(i, 3, cell(formatMoney(a.amountCu)));
        alveoles_->setItem(i, 4, cell(formatMoney(a.shareCu)));
        const double fraction = ruche->savingsCu > 1e-9 ? a.shareCu / ruche->savingsCu : 0.0;
        alveoles_->setItem(i, 5, cell(formatPercent(fraction)));
    }
    alveoles_->setSortingEnabled(true);
    alveoles_->resizeColumnsToContents();
}

void MarketView::retranslate() {
    title_->setText(tr("Local market"));
    explanation_->setText(tr("Every 15 minutes each alvéole's exchange with its ruche is settled at the ruche's price "
                             "(the plan's marginal price, kept between the grid's export and import tariffs). The "
                             "savings against everyone alone with the grid are shared by Shapley value: what each home "
                             "brings to the community on average."));
    savingsTile_->setTitle(tr("Community savings, 24 h"));
    savingsTile_->setHint(tr("against every alvéole alone with the grid"));
    tradedTile_->setTitle(tr("Sold to neighbours, 24 h"));
    tradedTile_->setHint(tr("energy the alvéoles delivered to their ruche"));
    ledgerTile_->setTitle(tr("Intervals on SwarmLedger"));
    ledgerTile_->setHint(tr("settlements recorded by the Settlement contract"));
    ruches_->setHorizontalHeaderLabels({tr("Ruche"), tr("Price"), tr("Price from"), tr("Sold, 24 h"), tr("Savings, 24 h"),
                                        tr("Sharing")});
    ruches_->horizontalHeaderItem(1)->setToolTip(tr("Price of the last settled interval, cu/kWh (1 cu = 1 NRG)"));
    alveoles_->setHorizontalHeaderLabels({tr("Alvéole"), tr("Sold"), tr("Bought"), tr("Net amount"), tr("Shapley share"),
                                          tr("Share of savings")});
    alveoles_->horizontalHeaderItem(3)->setToolTip(tr("Received minus paid at the ruche's prices, cu"));
    alveoles_->horizontalHeaderItem(4)->setToolTip(tr("Its fair part of the ruche's savings, cu"));
    updateSummary();
    fillAlveoles();
    fillRuches();
}

void MarketView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
