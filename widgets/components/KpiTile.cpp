#include "widgets/components/KpiTile.h"

#include "widgets/components/Palette.h"

#include <QPainter>
#include <QPainterPath>

namespace swarmergy::widgets {

KpiTile::KpiTile(QWidget* parent) : QWidget(parent), valueText_(QStringLiteral("—")), accent_(palette::grid()) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void KpiTile::setTitle(const QString& title) {
    if (title == title_) return;
    title_ = title;
    update();
}

void KpiTile::setValueText(const QString& valueText) {
    if (valueText == valueText_) return;
    valueText_ = valueText;
    update();
}

void KpiTile::setHint(const QString& hint) {
    if (hint == hint_) return;
    hint_ = hint;
    setToolTip(hint);
    update();
}

void KpiTile::setAccent(const QColor& accent) {
    accent_ = accent;
    update();
}

QSize KpiTile::sizeHint() const { return {180, 76}; }
QSize KpiTile::minimumSizeHint() const { return {120, 76}; }

void KpiTile::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);

    QPainterPath outline;
    outline.addRoundedRect(card, 8, 8);
    painter.fillPath(outline, palette::surface());
    painter.setPen(QPen(palette::border(), 1));
    painter.drawPath(outline);

    // Accent bar on the left edge, clipped by the rounded card.
    painter.save();
    painter.setClipPath(outline);
    painter.fillRect(QRectF(card.left(), card.top(), 5, card.height()), accent_);
    painter.restore();

    const QRectF content = card.adjusted(16, 8, -10, -8);
    painter.setPen(palette::mutedText());
    painter.setFont(palette::baseFont(-1));
    painter.drawText(content, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                     painter.fontMetrics().elidedText(title_, Qt::ElideRight, int(content.width())));

    painter.setPen(palette::text());
    painter.setFont(palette::baseFont(6, true));
    painter.drawText(content, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine, valueText_);
}

}  // namespace swarmergy::widgets
