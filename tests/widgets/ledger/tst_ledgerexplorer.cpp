// The ledger explorer shows the snapshot it is given (blocks and sealers, decoded
// transactions, accounts sorted by balance, authority health), charts an account's NRG
// history from the ledger service, and casts signer votes only for well-formed addresses.
#include "widgets/ledger/LedgerExplorerView.h"

#include <QLineEdit>
#include <QLineSeries>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace swarmergy;

namespace {

class FakeLedger : public app::LedgerControl {
public:
    std::vector<std::pair<std::int64_t, double>> nrgHistory(const std::string& address) const override {
        askedHistory = address;
        return {{1782000000, 1.0}, {1782000060, 2.5}, {1782000120, 4.0}};
    }
    std::string proposeSignerVote(const std::string& address, bool authorise) override {
        votes.emplace_back(address, authorise);
        return refuse;
    }
    mutable std::string askedHistory;
    std::vector<std::pair<std::string, bool>> votes;
    std::string refuse;
};

app::LedgerSnapshotPtr snapshot() {
    auto s = std::make_shared<app::LedgerSnapshot>();
    s->chainId = 24601;
    s->headNumber = 1234;
    s->tokenAddress = "0x00000000000000000000000000000000000000a1";
    s->totalSupplyNrg = "321.5";
    s->readingsMinted = 77;
    s->settlementIntervals = 12;
    s->blocks.push_back({1234, "0xaaaa", "0x1111111111111111111111111111111111111111", "authority-2", 1782000000, 3, true});
    s->blocks.push_back({1233, "0xbbbb", "0x2222222222222222222222222222222222222222", "authority-1", 1781999999, 0, false});
    s->transactions.push_back({"0xcccc", 1234, "0x01", "0x02", "transfer(0x02, 12.5 NRG)", "Transfer 0x01 → 0x02 12.5 NRG", true});
    s->accounts.push_back({"0x00000000000000000000000000000000000000b1", "a-0001", "2.000000000000000000", 2.0, 1});
    s->accounts.push_back({"0x00000000000000000000000000000000000000b2", "a-0002", "10.000000000000000000", 10.0, 0});
    s->accounts.push_back({"0x00000000000000000000000000000000000000b3", "a-0003", "9.000000000000000000", 9.0, 4});
    s->authorities.push_back({"0x1111111111111111111111111111111111111111", "authority-1", 1233, 1781999999, 2, true});
    s->authorities.push_back({"0x3333333333333333333333333333333333333333", "authority-3", 0, 0, 0, false});
    s->votes.push_back({"0x4444444444444444444444444444444444444444", true, 1, 2});
    return s;
}

}  // namespace

class TestLedgerExplorer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheSnapshot() {
        FakeLedger ledger;
        widgets::LedgerExplorerView view(&ledger);
        view.setSnapshot(snapshot());
        QVERIFY(view.summaryText().contains(QStringLiteral("24601")));
        QVERIFY(view.summaryText().contains(QStringLiteral("1,234")));
        QVERIFY(view.summaryText().contains(QStringLiteral("77 readings minted")));
        QCOMPARE(view.blocksTable()->rowCount(), 2);
        QVERIFY(view.blocksTable()->item(0, 2)->text().contains(QStringLiteral("authority-2")));
        QCOMPARE(view.blocksTable()->item(1, 3)->text(), QStringLiteral("out of turn"));
        QCOMPARE(view.transactionsTable()->item(0, 4)->text(), QStringLiteral("transfer(0x02, 12.5 NRG)"));
        QCOMPARE(view.authoritiesTable()->item(1, 2)->text(), QStringLiteral("OFFLINE"));
        QCOMPARE(view.authoritiesTable()->item(1, 3)->text(), QStringLiteral("not yet"));
        // Accounts sorted by balance, largest first, numerically (10 before 9 before 2).
        auto* accounts = view.accountsTable();
        QCOMPARE(accounts->model()->rowCount(), 3);
        QCOMPARE(accounts->model()->index(0, 0).data().toString(), QStringLiteral("a-0002"));
        QCOMPARE(accounts->model()->index(1, 0).data().toString(), QStringLiteral("a-0003"));
        QVERIFY(accounts->model()->index(0, 2).data().toString().contains(QStringLiteral("NRG")));
    }

    void chartsAnAccountsHistory() {
        FakeLedger ledger;
        widgets::LedgerExplorerView view(&ledger);
        view.setSnapshot(snapshot());
        QSignalSpy shown(&view, &widgets::LedgerExplorerView::historyShown);
        view.accountsTable()->selectRow(0);
        QVERIFY(shown.wait(5000));
        QCOMPARE(shown.last().at(0).toInt(), 3);
        QCOMPARE(ledger.askedHistory, std::string("0x00000000000000000000000000000000000000b2"));
        QCOMPARE(view.historySeries()->count(), 3);
        QCOMPARE(view.historySeries()->at(2).y(), 4.0);
    }

    void votesOnlyForWellFormedAddresses() {
        FakeLedger ledger;
        widgets::LedgerExplorerView view(&ledger);
        view.voteAddress()->setText(QStringLiteral("0x123"));
        view.proposeVote(true, false);
        QVERIFY(ledger.votes.empty());
        QVERIFY(view.voteStatus().contains(QStringLiteral("40 hexadecimal")));
        view.voteAddress()->setText(QStringLiteral(" 0x4444444444444444444444444444444444444444 "));
        view.proposeVote(false, false);
        QCOMPARE(ledger.votes.size(), std::size_t(1));
        QCOMPARE(ledger.votes[0].first, std::string("0x4444444444444444444444444444444444444444"));
        QCOMPARE(ledger.votes[0].second, false);
        QVERIFY(view.voteStatus().startsWith(QStringLiteral("Vote cast")));
        ledger.refuse = "already a signer";
        view.proposeVote(true, false);
        QVERIFY(view.voteStatus().contains(QStringLiteral("already a signer")));
    }

    void rendersWithoutANode() {
        widgets::LedgerExplorerView view(nullptr);
        view.resize(1200, 800);
        QVERIFY(view.summaryText().contains(QStringLiteral("No ledger")));
        view.voteAddress()->setText(QStringLiteral("0x4444444444444444444444444444444444444444"));
        view.proposeVote(true, false);
        QVERIFY(view.voteStatus().contains(QStringLiteral("no ledger node")));
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestLedgerExplorer)
#include "tst_ledgerexplorer.moc"
