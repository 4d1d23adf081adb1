#include "widgets/ledger/LedgerAccountsModel.h"

#include <QLocale>

namespace swarmergy::widgets {

void LedgerAccountsModel::setSnapshot(app::LedgerSnapshotPtr snapshot) {
    const bool sameRows = snapshot_ && snapshot && snapshot_->accounts.size() == snapshot->accounts.size();
    if (sameRows) {
        snapshot_ = std::move(snapshot);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    snapshot_ = std::move(snapshot);
    endResetModel();
}

int LedgerAccountsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !snapshot_ ? 0 : int(snapshot_->accounts.size());
}

int LedgerAccountsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LedgerAccountsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !snapshot_ || index.row() >= rowCount())
        return {};
    const auto& row = snapshot_->accounts[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() >= Balance)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Label: return QString::fromStdString(row.label);
    case Address: return QString::fromStdString(row.address);
    case Balance:
        if (role == SortRole)
            return row.nrg;
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(row.nrgBalance) + QStringLiteral(" NRG");
        return QLocale().toString(row.nrg, 'f', 3) + QStringLiteral("\u00a0NRG");
    case Nonce: return role == SortRole ? QVariant(qulonglong(row.nonce)) : QVariant(QLocale().toString(qulonglong(row.nonce)));
    }
    return {};
}

QVariant LedgerAccountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label: return tr("Account");
    case Address: return tr("Address");
    case Balance: return tr("Balance");
    case Nonce: return tr("Transactions sent");
    }
    return {};
}

}  // namespace swarmergy::widgets
