#pragma once
// The essaim as a graph: every ruche a node (on a circle, or on concentric rings when there
// are many), the national grid in the middle linked to every ruche's SwarmGate, the lines
// between ruches with their live flow (arrow, kW, colour, thickness = flow / capacity), the
// SeasonStore tank as a small gauge beside its ruche, and islanding shown loudly.
// Layout is computed when the size or the ruche count changes, never per paint, so 500 ruches
// paint in a few milliseconds.

#include "engine/model/Snapshot.h"

#include <QLineF>
#include <QPixmap>
#include <QPointF>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace swarmergy::widgets {

class EssaimView : public QWidget {
    Q_OBJECT
public:
    explicit EssaimView(QWidget* parent = nullptr);

    void setSnapshot(model::EssaimSnapshotPtr snapshot);
    void setSelectedRuche(int index);   // -1: none
    int selectedRuche() const { return selected_; }

    // Geometry, for hit tests and tests: widget coordinates.
    int rucheAt(QPointF position) const;   // -1 when no ruche is there
    QPointF rucheCentre(int index) const;  // null point for an unknown index
    QPointF gridCentre() const { return gridCentre_; }
    qreal nodeRadius() const { return nodeRadius_; }

    // Texts as painted: "L1: 12.3 kW" per ruche-to-ruche line, the banner ("" when connected).
    QStringList lineLabels() const;
    QString bannerText() const;
    bool detailLabelsShown() const;   // kW and names are painted only when they fit

    QSize sizeHint() const override { return {900, 700}; }

Q_SIGNALS:
    void rucheActivated(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();
    QRectF graphArea() const;
    QString rucheTooltip(int index) const;
    void paintHeader(QPainter& painter) const;
    void paintGridLinks(QPainter& painter) const;
    void paintRucheLines(QPainter& painter) const;
    void paintRuches(QPainter& painter) const;
    void paintGridNode(QPainter& painter) const;
    void paintLegend(QPainter& painter) const;
    void paintDense(QPainter& painter) const;   // many ruches: batched strokes, node sprites
    void rebuildSprites();

    model::EssaimSnapshotPtr snapshot_;
    std::vector<QPointF> centres_;   // per ruche, recomputed by relayout()
    QPointF gridCentre_;
    qreal nodeRadius_ = 10;
    int laidOutCount_ = -1;
    int selected_ = -1;
    int hovered_ = -1;
    // Dense mode: one pre-rendered node per state (idle, import, export), blitted per ruche,
    // and scratch buffers reused by every paint (no allocation storm at 10 Hz).
    QPixmap sprites_[3];
    mutable std::vector<QLineF> scratch_[3];
};

}  // namespace swarmergy::widgets
