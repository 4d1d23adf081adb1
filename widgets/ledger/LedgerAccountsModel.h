#pragma once
// Accounts of the ledger snapshot as a table model: up to every alvéole of the essaim
// (50,000 rows), so a model over the snapshot's vector rather than a widget per row.

#include "app/services/LedgerSnapshot.h"

#include <QAbstractTableModel>

namespace swarmergy::widgets {

class LedgerAccountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Address, Balance, Nonce, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    void setSnapshot(app::LedgerSnapshotPtr snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    app::LedgerSnapshotPtr snapshot_;
};

}  // namespace swarmergy::widgets
