#pragma once
// The fleet of alvéoles as one table: a filter box (id or ruche), a ruche combo, a count,
// and a QTableView over FleetFilterProxy. Built for 50,000 rows: no widget per row, fixed
// row height, no content-based column sizing, and re-sorting by a live column at most once
// a second while snapshots arrive at 10 Hz. Sort and selection survive snapshot updates.

#include "engine/model/Snapshot.h"

#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace swarmergy::widgets {

class FleetTableModel;

// Filters by text (alvéole or ruche id, case-insensitive) and by ruche; sorts on raw numbers.
class FleetFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FleetFilterProxy(QObject* parent = nullptr);
    void setFleetModel(FleetTableModel* model);
    void setTextFilter(const QString& text);
    void setRucheFilter(int rucheIndex);   // -1: every ruche
    QString textFilter() const { return text_; }
    int rucheFilter() const { return ruche_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    FleetTableModel* fleet_ = nullptr;
    QString text_;
    int ruche_ = -1;
};

class FleetView : public QWidget {
    Q_OBJECT
public:
    explicit FleetView(QWidget* parent = nullptr);

    void setSnapshot(model::EssaimSnapshotPtr snapshot);

    FleetTableModel* fleetModel() const { return model_; }
    FleetFilterProxy* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    QLineEdit* filterEdit() const { return filter_; }
    QComboBox* rucheCombo() const { return ruches_; }
    QString countText() const;

    // Ids of the selected alvéoles, in view order.
    QStringList selectedIds() const;
    void selectId(const QString& id);

Q_SIGNALS:
    void alveoleActivated(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void refillRucheCombo();
    void updateCount();
    void resortSoon();
    void resortNow();

    FleetTableModel* model_ = nullptr;
    FleetFilterProxy* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QComboBox* ruches_ = nullptr;
    QLabel* count_ = nullptr;
    QTimer* resortTimer_ = nullptr;
    QElapsedTimer sinceResort_;
    QStringList selectionBeforeReset_;
    QStringList comboNames_;
};

}  // namespace swarmergy::widgets
