#include "widgets/ledger/LedgerExplorerView.h"

#include "widgets/components/Format.h"
#include "widgets/components/Palette.h"
#include "widgets/ledger/LedgerAccountsModel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace swarmergy::widgets {

namespace {

QTableWidget* makeTable(QWidget* parent, int columns) {
    auto* table = new QTableWidget(0, columns, parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells) {
    for (int column = 0; column < cells.size(); ++column) {
        auto* item = table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            table->setItem(row, column, item);
        }
        item->setText(cells[column]);
        item->setToolTip(cells[column]);
    }
}

QString shortHex(const std::string& hex) {
    const QString text = QString::fromStdString(hex);
    return text.size() > 14 ? text.left(8) + QChar(0x2026) + text.right(4) : text;
}

QString utcTime(std::int64_t seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

}  // namespace

LedgerExplorerView::LedgerExplorerView(app::LedgerControl* control, QWidget* parent)
    : QWidget(parent), control_(control) {
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("ledgerSummary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    tabs_ = new QTabWidget(this);
    blocks_ = makeTable(tabs_, 5);
    transactions_ = makeTable(tabs_, 6);
    tabs_->addTab(blocks_, QString());
    tabs_->addTab(transactions_, QString());
    tabs_->addTab(makeAccountsPage(), QString());
    tabs_->addTab(makeAuthoritiesPage(), QString());
    layout->addWidget(tabs_, 1);
    retranslate();
}

LedgerExplorerView::~LedgerExplorerView() = default;

QWidget* LedgerExplorerView::makeAccountsPage() {
    auto* page = new QSplitter(Qt::Vertical, tabs_);
    auto* top = new QWidget(page);
    auto* topLayout = new QVBoxLayout(top);
    accountFilter_ = new QLineEdit(top);
    accountFilter_->setClearButtonEnabled(true);
    accountsModel_ = new LedgerAccountsModel(this);
    accountsProxy_ = new QSortFilterProxyModel(this);
    accountsProxy_->setSourceModel(accountsModel_);
    accountsProxy_->setSortRole(LedgerAccountsModel::SortRole);
    accountsProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    accountsProxy_->setFilterKeyColumn(-1);
    accounts_ = new QTableView(top);
    accounts_->setModel(accountsProxy_);
    accounts_->setSortingEnabled(true);
    accounts_->sortByColumn(LedgerAccountsModel::Balance, Qt::DescendingOrder);
    accounts_->setSelectionBehavior(QAbstractItemView::SelectRows);
    accounts_->setSelectionMode(QAbstractItemView::SingleSelection);
    accounts_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    accounts_->verticalHeader()->hide();
    accounts_->horizontalHeader()->setStretchLastSection(true);
    topLayout->addWidget(accountFilter_);
    topLayout->addWidget(accounts_);
    connect(accountFilter_, &QLineEdit::textChanged, accountsProxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(accounts_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            showAccountHistory(accountsProxy_->index(current.row(), LedgerAccountsModel::Address).data().toString());
    });

    auto* bottom = new QWidget(page);
    auto* bottomLayout = new QVBoxLayout(bottom);
    historyTitle_ = new QLabel(bottom);
    historyChart_ = new QChart;
    historyChart_->legend()->hide();
    history_ = new QLineSeries(historyChart_);
    history_->setPen(QPen(palette::exportFlow(), 2));
    historyChart_->addSeries(history_);
    historyTime_ = new QDateTimeAxis(historyChart_);
    historyTime_->setFormat(QStringLiteral("dd/MM HH:mm"));
    historyValue_ = new QValueAxis(historyChart_);
    historyChart_->addAxis(historyTime_, Qt::AlignBottom);
    historyChart_->addAxis(historyValue_, Qt::AlignLeft);
    history_->attachAxis(historyTime_);
    history_->attachAxis(historyValue_);
    auto* chartView = new QChartView(historyChart_, bottom);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(200);
    bottomLayout->addWidget(historyTitle_);
    bottomLayout->addWidget(chartView, 1);
    page->addWidget(top);
    page->addWidget(bottom);
    return page;
}

QWidget* LedgerExplorerView::makeAuthoritiesPage() {
    auto* page = new QWidget(tabs_);
    auto* layout = new QVBoxLayout(page);
    authorities_ = makeTable(page, 5);
    layout->addWidget(authorities_, 2);
    voteTitle_ = new QLabel(page);
    QFont bold = voteTitle_->font();
    bold.setBold(true);
    voteTitle_->setFont(bold);
    layout->addWidget(voteTitle_);
    auto* voteRow = new QHBoxLayout;
    voteAddress_ = new QLineEdit(page);
    voteAddress_->setObjectName(QStringLiteral("voteAddress"));
    voteAddress_->setClearButtonEnabled(true);
    voteAdd_ = new QPushButton(page);
    voteRemove_ = new QPushButton(page);
    voteRow->addWidget(voteAddress_, 1);
    voteRow->addWidget(voteAdd_);
    voteRow->addWidget(voteRemove_);
    layout->addLayout(voteRow);
    voteStatus_ = new QLabel(page);
    voteStatus_->setWordWrap(true);
    layout->addWidget(voteStatus_);
    votes_ = makeTable(page, 3);
    layout->addWidget(votes_, 1);
    connect(voteAdd_, &QPushButton::clicked, this, [this] { proposeVote(true); });
    connect(voteRemove_, &QPushButton::clicked, this, [this] { proposeVote(false); });
    return page;
}

void LedgerExplorerView::setSnapshot(app::LedgerSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    accountsModel_->setSnapshot(snapshot_);
    fillBlocks();
    fillTransactions();
    fillAuthorities();
    retranslate();
}

void LedgerExplorerView::fillBlocks() {
    const int count = snapshot_ ? int(snapshot_->blocks.size()) : 0;
    blocks_->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const auto& b = snapshot_->blocks[std::size_t(row)];
        setRow(blocks_, row,
               {QLocale().toString(qulonglong(b.number)), utcTime(b.timestampUtc),
                QString::fromStdString(b.sealerName) + QStringLiteral(" (") + shortHex(b.sealer) + QLatin1Char(')'),
                b.inTurn ? tr("in turn") : tr("out of turn"), QLocale().toString(b.transactionCount)});
    }
    blocks_->resizeColumnsToContents();
}

void LedgerExplorerView::fillTransactions() {
    const int count = snapshot_ ? int(snapshot_->transactions.size()) : 0;
    transactions_->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const auto& t = snapshot_->transactions[std::size_t(row)];
        setRow(transactions_, row,
               {shortHex(t.hash), QLocale().toString(qulonglong(t.blockNumber)), shortHex(t.from), shortHex(t.to),
                QString::fromStdString(t.call), (t.succeeded ? QString() : tr("reverted: ")) + QString::fromStdString(t.events)});
    }
    transactions_->resizeColumnsToContents();
}

void LedgerExplorerView::fillAuthorities() {
    const int count = snapshot_ ? int(snapshot_->authorities.size()) : 0;
    authorities_->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const auto& a = snapshot_->authorities[std::size_t(row)];
        setRow(authorities_, row,
               {QString::fromStdString(a.name), QString::fromStdString(a.address),
                a.online ? tr("online") : tr("OFFLINE"),
                a.lastSealedBlock ? tr("#%1 at %2").arg(QLocale().toString(qulonglong(a.lastSealedBlock)), utcTime(a.lastSealedUtc))
                                  : tr("not yet"),
                QLocale().toString(a.peers)});
        if (auto* item = authorities_->item(row, 2))
            item->setForeground(a.online ? palette::exportFlow() : palette::alarm());
    }
    const int votes = snapshot_ ? int(snapshot_->votes.size()) : 0;
    votes_->setRowCount(votes);
    for (int row = 0; row < votes; ++row) {
        const auto& v = snapshot_->votes[std::size_t(row)];
        setRow(votes_, row, {QString::fromStdString(v.candidate), v.authorise ? tr("add") : tr("remove"),
                             tr("%1 of %2 needed").arg(v.votes).arg(v.needed)});
    }
}

void LedgerExplorerView::showAccountHistory(const QString& address) {
    historyAddress_ = address;
    historyTitle_->setText(tr("NRG balance of %1 over time").arg(address));
    if (!control_)
        return;
    const int generation = ++historyGeneration_;
    auto* watcher = new QFutureWatcher<std::vector<std::pair<std::int64_t, double>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != historyGeneration_)
            return;   // a newer selection is on its way
        QList<QPointF> points;
        double low = 0, high = 1;
        for (const auto& [time, nrg] : watcher->result()) {
            points.append({double(time) * 1000.0, nrg});
            low = std::min(low, nrg);
            high = std::max(high, nrg);
        }
        history_->replace(points);
        if (!points.isEmpty()) {
            historyTime_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(points.front().x()), QTimeZone::utc()),
                                   QDateTime::fromMSecsSinceEpoch(qint64(points.back().x()) + 1000, QTimeZone::utc()));
            historyValue_->setRange(low, high * 1.05);
        }
        Q_EMIT historyShown(int(points.size()));
    });
    const std::string key = address.toStdString();
    app::LedgerControl* control = control_;
    watcher->setFuture(QtConcurrent::run([control, key] { return control->nrgHistory(key); }));
}

void LedgerExplorerView::proposeVote(bool authorise, bool confirm) {
    const QString address = voteAddress_->text().trimmed();
    static const QRegularExpression addressPattern(QStringLiteral("^0x[0-9a-fA-F]{40}$"));
    if (!addressPattern.match(address).hasMatch()) {
        voteStatus_->setText(tr("Type an authority address: 0x followed by 40 hexadecimal digits."));
        return;
    }
    if (confirm) {
        const auto answer = QMessageBox::question(
            this, authorise ? tr("Propose a new authority?") : tr("Propose to remove an authority?"),
            authorise ? tr("This console's authority will vote to let %1 seal blocks. It becomes an authority "
                           "when a majority of the current authorities has voted.").arg(address)
                      : tr("This console's authority will vote to stop %1 from sealing blocks. It is removed "
                           "when a majority of the current authorities has voted.").arg(address),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    const std::string error = control_ ? control_->proposeSignerVote(address.toStdString(), authorise)
                                       : std::string("no ledger node is running");
    voteStatus_->setText(error.empty() ? tr("Vote cast for %1.").arg(address)
                                       : tr("Vote refused: %1").arg(QString::fromStdString(error)));
}

QString LedgerExplorerView::summaryText() const { return summary_->text(); }

QString LedgerExplorerView::voteStatus() const { return voteStatus_->text(); }

void LedgerExplorerView::retranslate() {
    tabs_->setTabText(0, tr("Blocks"));
    tabs_->setTabText(1, tr("Transactions"));
    tabs_->setTabText(2, tr("Accounts"));
    tabs_->setTabText(3, tr("Authorities"));
    blocks_->setHorizontalHeaderLabels({tr("Block"), tr("Time (UTC)"), tr("Sealed by"), tr("Turn"), tr("Transactions")});
    transactions_->setHorizontalHeaderLabels({tr("Hash"), tr("Block"), tr("From"), tr("To"), tr("Call"), tr("Events")});
    authorities_->setHorizontalHeaderLabels({tr("Authority"), tr("Address"), tr("State"), tr("Last block sealed"), tr("Peers")});
    votes_->setHorizontalHeaderLabels({tr("Candidate"), tr("Proposal"), tr("Votes")});
    accountFilter_->setPlaceholderText(tr("Filter by alvéole, label or address…"));
    voteTitle_->setText(tr("Vote on the authorities"));
    voteAddress_->setPlaceholderText(tr("Authority address (0x…)"));
    voteAdd_->setText(tr("Propose to &add"));
    voteRemove_->setText(tr("Propose to re&move"));
    voteAdd_->setToolTip(tr("Vote, as this console's authority, to let this address seal blocks"));
    voteRemove_->setToolTip(tr("Vote, as this console's authority, to stop this address from sealing blocks"));
    if (historyAddress_.isEmpty())
        historyTitle_->setText(tr("Select an account to see its NRG balance over time"));
    historyValue_->setTitleText(tr("NRG"));
    historyTime_->setTitleText(tr("Time (UTC)"));
    if (!snapshot_) {
        summary_->setText(tr("No ledger node is running."));
        return;
    }
    const auto& s = *snapshot_;
    summary_->setText(tr("Chain %1 · block #%2 · a block every %3 s · NRGcoin at %4 · supply %5 NRG · "
                         "%6 readings minted · %7 intervals settled")
                          .arg(s.chainId)
                          .arg(QLocale().toString(qulonglong(s.headNumber)))
                          .arg(QLocale().toString(s.blockPeriodSeconds, 'g', 3))
                          .arg(QString::fromStdString(s.tokenAddress))
                          .arg(QString::fromStdString(s.totalSupplyNrg))
                          .arg(QLocale().toString(qulonglong(s.readingsMinted)))
                          .arg(QLocale().toString(qulonglong(s.settlementIntervals))));
}

void LedgerExplorerView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
