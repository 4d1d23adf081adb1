#pragma once
// Small drawing routines shared by the flow views: a text pill on a link, an arrow head,
// a ring gauge. They take everything they need as arguments and allocate nothing big,
// so a view can call them hundreds of times per paint.

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QPointF>
#include <QString>

namespace swarmergy::widgets {

// Rounded label centred on `centre`: white fill, thin border in `accent`, text in `textColour`.
// Returns the rectangle painted (for hit tests or to avoid overlaps).
QRectF drawPill(QPainter& painter, QPointF centre, const QString& text, const QColor& accent,
                const QColor& textColour);

// Filled triangular arrow head at `tip`, pointing along from -> tip.
void drawArrowHead(QPainter& painter, QPointF from, QPointF tip, qreal size, const QColor& colour);

// Ring gauge around a circle: a grey track and an arc filled to `fraction` (0..1), from 12 o'clock
// clockwise, the way a phone shows battery level.
void drawRingGauge(QPainter& painter, QPointF centre, qreal radius, qreal width, double fraction,
                   const QColor& colour);

// Point at `distance` from `from` towards `to`.
QPointF pointTowards(QPointF from, QPointF to, qreal distance);

}  // namespace swarmergy::widgets
