#include "widgets/components/PaintHelpers.h"

#include "widgets/components/Palette.h"

#include <QLineF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace swarmergy::widgets {

QRectF drawPill(QPainter& painter, QPointF centre, const QString& text, const QColor& accent,
                const QColor& textColour) {
    const QFontMetricsF metrics(painter.font());
    const qreal width = metrics.horizontalAdvance(text) + 14;
    const qreal height = metrics.height() + 6;
    const QRectF pill(centre.x() - width / 2, centre.y() - height / 2, width, height);
    painter.setPen(QPen(accent, 1.2));
    painter.setBrush(palette::surface());
    painter.drawRoundedRect(pill, height / 2, height / 2);
    painter.setPen(textColour);
    painter.drawText(pill, Qt::AlignCenter, text);
    return pill;
}

void drawArrowHead(QPainter& painter, QPointF from, QPointF tip, qreal size, const QColor& colour) {
    const QLineF axis(tip, from);
    if (axis.length() < 1e-6) return;
    const QPointF unit = (from - tip) / axis.length();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = tip + unit * size;
    const QPointF points[3] = {tip, base + normal * (size * 0.55), base - normal * (size * 0.55)};
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(points, 3);
}

void drawRingGauge(QPainter& painter, QPointF centre, qreal radius, qreal width, double fraction,
                   const QColor& colour) {
    const QRectF box(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette::withAlpha(palette::idleFlow(), 160), width, Qt::SolidLine, Qt::FlatCap));
    painter.drawEllipse(box);
    const double clamped = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
    if (clamped <= 0) return;
    // Qt angles are in 1/16 degree, counter-clockwise from 3 o'clock.
    painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
    painter.drawArc(box, 90 * 16, -int(std::lround(clamped * 360 * 16)));
}

QPointF pointTowards(QPointF from, QPointF to, qreal distance) {
    const QLineF line(from, to);
    if (line.length() < 1e-6) return from;
    return from + (to - from) * (distance / line.length());
}

}  // namespace swarmergy::widgets
