#pragma once
// The ledger explorer: SwarmLedger's latest blocks and who sealed them, transactions with
// their decoded calls and events, accounts and NRG balances (an alvéole's NRG history as a
// chart), authority health, and the vote to add or remove an authority. Reads LedgerSnapshot
// and asks LedgerControl; never touches sockets or the chain itself.

#include "app/services/LedgerSnapshot.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineEdit;
class QLineSeries;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTableWidget;
class QDateTimeAxis;
class QValueAxis;

namespace swarmergy::widgets {

class LedgerAccountsModel;

class LedgerExplorerView : public QWidget {
    Q_OBJECT
public:
    explicit LedgerExplorerView(app::LedgerControl* control, QWidget* parent = nullptr);
    ~LedgerExplorerView() override;

    void setSnapshot(app::LedgerSnapshotPtr snapshot);
    void showAccountHistory(const QString& address);   // what selecting an account does

    // For tests: what is shown.
    QString summaryText() const;
    QTableWidget* blocksTable() const { return blocks_; }
    QTableWidget* transactionsTable() const { return transactions_; }
    QTableWidget* authoritiesTable() const { return authorities_; }
    QTableView* accountsTable() const { return accounts_; }
    QLineSeries* historySeries() const { return history_; }
    QLineEdit* voteAddress() const { return voteAddress_; }
    QString voteStatus() const;
    // Proposes the vote typed in the address field; `confirm` false skips the dialog (tests).
    void proposeVote(bool authorise, bool confirm = true);

Q_SIGNALS:
    void historyShown(int points);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeAccountsPage();
    QWidget* makeAuthoritiesPage();
    void fillBlocks();
    void fillTransactions();
    void fillAuthorities();
    void retranslate();

    app::LedgerControl* control_;
    app::LedgerSnapshotPtr snapshot_;
    QLabel* summary_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* blocks_ = nullptr;
    QTableWidget* transactions_ = nullptr;
    QTableWidget* authorities_ = nullptr;
    QTableWidget* votes_ = nullptr;
    QTableView* accounts_ = nullptr;
    LedgerAccountsModel* accountsModel_ = nullptr;
    QSortFilterProxyModel* accountsProxy_ = nullptr;
    QLineEdit* accountFilter_ = nullptr;
    QChart* historyChart_ = nullptr;
    QLineSeries* history_ = nullptr;
    QDateTimeAxis* historyTime_ = nullptr;
    QValueAxis* historyValue_ = nullptr;
    QLabel* historyTitle_ = nullptr;
    QLineEdit* voteAddress_ = nullptr;
    QPushButton* voteAdd_ = nullptr;
    QPushButton* voteRemove_ = nullptr;
    QLabel* voteStatus_ = nullptr;
    QLabel* voteTitle_ = nullptr;
    QString historyAddress_;
    int historyGeneration_ = 0;
};

}  // namespace swarmergy::widgets
