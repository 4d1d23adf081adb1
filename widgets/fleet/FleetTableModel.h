#pragma once
// Table model over the snapshot's shared vector of alvéole rows (50,000 rows are never
// copied: the model keeps the snapshot's shared_ptr). A new snapshot with the same row set
// (same ids in the same order) is one dataChanged signal, so the view repaints only what it
// shows; a reset happens only when the row set itself changes.

#include "engine/model/Snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace swarmergy::widgets {

class FleetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id, Ruche, LoadKw, PvKw, NetKw, SocPercent, StoredKwh, AnnualKwh, PvPeakKw, ImportTodayKwh, ExportTodayKwh,
        ColumnCount
    };
    // Raw value for sorting: double for numbers, QString for ids.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int RucheIndexRole = Qt::UserRole + 2;

    explicit FleetTableModel(QObject* parent = nullptr);

    void setSnapshot(model::EssaimSnapshotPtr snapshot);
    model::EssaimSnapshotPtr snapshot() const { return snapshot_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Fast paths for the proxy (no QVariant per comparison over 50,000 rows).
    const model::AlveoleRow* rowAt(int row) const;
    double numericValue(int row, int column) const;   // NaN for text columns
    QString rucheName(int rucheIndex) const;
    QStringList rucheNames() const { return rucheNames_; }
    int rowOfId(const QString& id) const;   // -1 when absent

    int resetCount() const { return resetCount_; }   // how many times the row set changed

    // Column titles changed language: tell the views.
    void retranslate();

private:
    bool sameRowSet(const model::EssaimSnapshot* next) const;
    QString displayText(const model::AlveoleRow& row, int column) const;
    void rebuildIndex();

    model::EssaimSnapshotPtr snapshot_;
    const std::vector<model::AlveoleRow>* rows_ = nullptr;   // points into snapshot_
    QStringList rucheNames_;
    QHash<QString, int> rowById_;
    int resetCount_ = 0;
};

}  // namespace swarmergy::widgets
