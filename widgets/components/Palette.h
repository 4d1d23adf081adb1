#pragma once
// One calm palette for every view (muted, colour-blind-friendlier hues after the
// Okabe-Ito set, https://jfly.uni-koeln.de/color/): an operator learns once that orange
// means "bought from the grid" and teal "sold to it", whatever screen they look at.

#include <QColor>
#include <QFont>

namespace swarmergy::widgets::palette {

QColor background();     // canvas behind diagrams
QColor surface();        // cards, tiles, nodes
QColor border();         // hairlines around cards
QColor text();           // primary text
QColor mutedText();      // captions, units, idle flows
QColor idleFlow();       // a link that carries ~0 kW

QColor importFlow();     // energy bought / received
QColor exportFlow();     // energy sold / sent
QColor pv();
QColor load();
QColor battery();        // MicroStore and HiveStore
QColor hydrogen();       // SeasonStore
QColor grid();           // national grid node
QColor alarm();          // islanded, shedding
QColor price();
QColor neighbour();     // other ruches, lines

// Base font for painted views: the application font, never smaller than 9 pt.
QFont baseFont(qreal pointSizeDelta = 0, bool bold = false);

// Same colour with another alpha (0..255), for fills behind strokes.
QColor withAlpha(QColor colour, int alpha);

}  // namespace swarmergy::widgets::palette
