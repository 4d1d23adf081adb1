#include "widgets/fleet/FleetView.h"

#include "widgets/fleet/FleetTableModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace swarmergy::widgets {

namespace {
constexpr int kResortIntervalMs = 1000;   // live columns re-sort at most once a second
}

FleetFilterProxy::FleetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    // Sorting is driven by FleetView (throttled), not by every dataChanged of a 10 Hz stream.
    setDynamicSortFilter(false);
    setSortRole(FleetTableModel::SortRole);
}

void FleetFilterProxy::setFleetModel(FleetTableModel* model) {
    fleet_ = model;
    setSourceModel(model);
}

void FleetFilterProxy::setTextFilter(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == text_) return;
    text_ = trimmed;
    invalidateFilter();
}

void FleetFilterProxy::setRucheFilter(int rucheIndex) {
    if (rucheIndex == ruche_) return;
    ruche_ = rucheIndex;
    invalidateFilter();
}

bool FleetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const model::AlveoleRow* row = fleet_ ? fleet_->rowAt(sourceRow) : nullptr;
    if (!row) return false;
    if (ruche_ >= 0 && row->rucheIndex != ruche_) return false;
    if (text_.isEmpty()) return true;
    return QString::fromStdString(row->id).contains(text_, Qt::CaseInsensitive) ||
           fleet_->rucheName(row->rucheIndex).contains(text_, Qt::CaseInsensitive);
}

bool FleetFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const int column = left.column();
    const model::AlveoleRow* a = fleet_->rowAt(left.row());
    const model::AlveoleRow* b = fleet_->rowAt(right.row());
    if (!a || !b) return false;
    if (column == FleetTableModel::Id) return a->id < b->id;
    if (column == FleetTableModel::Ruche) {
        const int byName = QString::compare(fleet_->rucheName(a->rucheIndex), fleet_->rucheName(b->rucheIndex), Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a->id < b->id;
    }
    const double x = fleet_->numericValue(left.row(), column);
    const double y = fleet_->numericValue(right.row(), column);
    // Rows without a value (no battery) go last in ascending order.
    if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
    return x != y ? x < y : a->id < b->id;   // ties by id: a stable order while values move
}

FleetView::FleetView(QWidget* parent) : QWidget(parent) {
    model_ = new FleetTableModel(this);
    proxy_ = new FleetFilterProxy(this);
    proxy_->setFleetModel(model_);

    filter_ = new QLineEdit(this);
    filter_->setClearButtonEnabled(true);
    ruches_ = new QComboBox(this);
    ruches_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    count_ = new QLabel(this);

    table_ = new QTableView(this);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(FleetTableModel::Id, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setShowGrid(false);
    table_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights and preset column widths: nothing ever measures 50,000 rows.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(26);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    const int widths[FleetTableModel::ColumnCount] = {110, 120, 95, 95, 95, 95, 100, 115, 90, 115, 115};
    for (int column = 0; column < FleetTableModel::ColumnCount; ++column) table_->setColumnWidth(column, widths[column]);

    resortTimer_ = new QTimer(this);
    resortTimer_->setSingleShot(true);
    connect(resortTimer_, &QTimer::timeout, this, &FleetView::resortNow);

    auto* bar = new QHBoxLayout;
    bar->addWidget(filter_, 1);
    bar->addWidget(ruches_);
    bar->addWidget(count_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setTextFilter(text);
        updateCount();
    });
    connect(ruches_, &QComboBox::currentIndexChanged, this, [this](int comboIndex) {
        proxy_->setRucheFilter(ruches_->itemData(comboIndex).isValid() ? ruches_->itemData(comboIndex).toInt() : -1);
        updateCount();
    });
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const model::AlveoleRow* row = model_->rowAt(proxy_->mapToSource(index).row());
        if (row) Q_EMIT alveoleActivated(QString::fromStdString(row->id));
    });
    // A reset (new row set) drops the selection: carry it over by id.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { selectionBeforeReset_ = selectedIds(); });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        for (const QString& id : std::as_const(selectionBeforeReset_)) selectId(id);
        selectionBeforeReset_.clear();
    });
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this] { sinceResort_.restart(); });
    retranslate();
}

void FleetView::setSnapshot(model::EssaimSnapshotPtr snapshot) {
    const int resetsBefore = model_->resetCount();
    model_->setSnapshot(std::move(snapshot));
    if (model_->rucheNames() != comboNames_) refillRucheCombo();
    // After a reset the proxy has re-sorted already; otherwise values moved under a stale order.
    if (model_->resetCount() == resetsBefore) resortSoon();
    updateCount();
}

void FleetView::resortSoon() {
    const int column = proxy_->sortColumn();
    if (column < 0 || column == FleetTableModel::Id || column == FleetTableModel::Ruche) return;   // ids do not move
    if (!sinceResort_.isValid() || sinceResort_.elapsed() >= kResortIntervalMs) {
        resortNow();
    } else if (!resortTimer_->isActive()) {
        resortTimer_->start(int(kResortIntervalMs - sinceResort_.elapsed()));
    }
}

void FleetView::resortNow() {
    sinceResort_.restart();
    // Same column and order: the proxy re-sorts and keeps persistent indexes (the selection).
    proxy_->sort(proxy_->sortColumn(), proxy_->sortOrder());
}

void FleetView::refillRucheCombo() {
    comboNames_ = model_->rucheNames();
    const QVariant current = ruches_->currentData();
    const QSignalBlocker blocker(ruches_);
    ruches_->clear();
    ruches_->addItem(tr("All ruches"));
    for (int i = 0; i < comboNames_.size(); ++i) ruches_->addItem(comboNames_[i], i);
    const int restored = current.isValid() ? ruches_->findData(current) : 0;
    ruches_->setCurrentIndex(std::max(0, restored));
    proxy_->setRucheFilter(restored > 0 ? current.toInt() : -1);
}

QString FleetView::countText() const { return count_->text(); }

void FleetView::updateCount() {
    count_->setText(tr("%1 of %Ln alvéole(s)", nullptr, model_->rowCount()).arg(QLocale().toString(proxy_->rowCount())));
}

QStringList FleetView::selectedIds() const {
    QStringList ids;
    if (!table_->selectionModel()) return ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) {
        if (const model::AlveoleRow* row = model_->rowAt(proxy_->mapToSource(index).row()))
            ids << QString::fromStdString(row->id);
    }
    return ids;
}

void FleetView::selectId(const QString& id) {
    const int sourceRow = model_->rowOfId(id);
    if (sourceRow < 0) return;
    const QModelIndex index = proxy_->mapFromSource(model_->index(sourceRow, 0));
    if (!index.isValid()) return;   // filtered out
    table_->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void FleetView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void FleetView::retranslate() {
    filter_->setPlaceholderText(tr("Filter by alvéole or ruche id…"));
    filter_->setToolTip(tr("Shows the alvéoles whose id or ruche contains this text (case-insensitive)."));
    ruches_->setToolTip(tr("Show one ruche only"));
    if (ruches_->count() > 0) ruches_->setItemText(0, tr("All ruches"));
    table_->setToolTip(tr("Double-click an alvéole to open its history."));
    model_->retranslate();
    updateCount();
}

}  // namespace swarmergy::widgets
