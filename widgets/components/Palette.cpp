#include "widgets/components/Palette.h"

#include <QGuiApplication>
#include <algorithm>

namespace swarmergy::widgets::palette {

QColor background() { return QColor(0xF6, 0xF7, 0xF9); }
QColor surface() { return QColor(0xFF, 0xFF, 0xFF); }
QColor border() { return QColor(0xD9, 0xDD, 0xE3); }
QColor text() { return QColor(0x22, 0x2B, 0x36); }
QColor mutedText() { return QColor(0x6B, 0x75, 0x82); }
QColor idleFlow() { return QColor(0xC4, 0xCA, 0xD2); }

QColor importFlow() { return QColor(0xD5, 0x6A, 0x1F); }   // Okabe-Ito vermillion, softened
QColor exportFlow() { return QColor(0x10, 0x8A, 0x74); }   // bluish green
QColor pv() { return QColor(0xE0, 0xA1, 0x00); }           // orange-yellow
QColor load() { return QColor(0x6E, 0x5A, 0xA8); }         // muted purple
QColor battery() { return QColor(0x2B, 0x7B, 0xB9); }      // blue
QColor hydrogen() { return QColor(0x3F, 0xA7, 0xC9); }     // sky blue
QColor grid() { return QColor(0x4A, 0x55, 0x68); }         // slate
QColor alarm() { return QColor(0xC6, 0x28, 0x28); }
QColor price() { return QColor(0x8C, 0x6D, 0x46); }
QColor neighbour() { return QColor(0x7A, 0x8B, 0x3C); }  // olive

QFont baseFont(qreal pointSizeDelta, bool bold) {
    QFont font = QGuiApplication::font();
    const qreal base = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;
    font.setPointSizeF(std::max<qreal>(7.0, std::max<qreal>(9.0, base) + pointSizeDelta));
    font.setBold(bold);
    return font;
}

QColor withAlpha(QColor colour, int alpha) {
    colour.setAlpha(std::clamp(alpha, 0, 255));
    return colour;
}

}  // namespace swarmergy::widgets::palette
