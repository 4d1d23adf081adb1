#include "widgets/flow/EssaimView.h"

#include "widgets/components/Format.h"
#include "widgets/components/PaintHelpers.h"
#include "widgets/components/Palette.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace swarmergy::widgets {

namespace {

constexpr double kIdleKw = 0.005;
constexpr qreal kHeaderHeight = 44;
constexpr qreal kLegendHeight = 40;
constexpr int kMaxLabelledRuches = 40;   // beyond, names and kW go to tooltips only
constexpr int kRucheesPerInnerRing = 60;

double gridExchangeKw(const model::RucheSnapshot& ruche) { return ruche.flows.importKw - ruche.flows.exportKw; }

QColor exchangeColour(double netImportKw) {
    if (std::abs(netImportKw) < kIdleKw) return palette::idleFlow();
    return netImportKw > 0 ? palette::importFlow() : palette::exportFlow();
}

// Thickness of a link from its load factor: 1.5 px idle to 8 px at capacity.
qreal widthForLoad(double flowKw, double capacityKw, qreal maxWidth) {
    if (capacityKw <= 0) return std::abs(flowKw) > kIdleKw ? maxWidth * 0.5 : 1.0;
    const double load = std::clamp(std::abs(flowKw) / capacityKw, 0.0, 1.0);
    return 1.0 + (maxWidth - 1.0) * std::sqrt(load);
}

// Order of the ruches around the ring: a depth-first walk of the line graph, so ruches joined
// by a line sit next to each other and their link is a short chord that crosses no grid spoke.
std::vector<int> ringOrder(const model::EssaimSnapshot& essaim) {
    const int count = int(essaim.ruches.size());
    std::vector<std::vector<int>> neighbours(static_cast<std::size_t>(count));
    for (const model::LineSnapshot& line : essaim.lines) {
        if (line.fromRuche < 0 || line.toRuche < 0 || line.fromRuche >= count || line.toRuche >= count) continue;
        neighbours[std::size_t(line.fromRuche)].push_back(line.toRuche);
        neighbours[std::size_t(line.toRuche)].push_back(line.fromRuche);
    }
    std::vector<int> order;
    order.reserve(std::size_t(count));
    std::vector<char> seen(static_cast<std::size_t>(count), 0);
    std::vector<int> stack;
    for (int root = 0; root < count; ++root) {
        if (seen[std::size_t(root)]) continue;
        stack.push_back(root);
        while (!stack.empty()) {
            const int at = stack.back();
            stack.pop_back();
            if (seen[std::size_t(at)]) continue;
            seen[std::size_t(at)] = 1;
            order.push_back(at);
            // Push in reverse so the lowest-numbered neighbour is visited first.
            const auto& next = neighbours[std::size_t(at)];
            for (auto it = next.rbegin(); it != next.rend(); ++it)
                if (!seen[std::size_t(*it)]) stack.push_back(*it);
        }
    }
    return order;
}

// Quadratic Bézier helpers for the bowed ruche-to-ruche links.
QPointF bezierPoint(QPointF a, QPointF control, QPointF b, qreal t) {
    return (1 - t) * (1 - t) * a + 2 * (1 - t) * t * control + t * t * b;
}

}  // namespace

EssaimView::EssaimView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(360, 300);
}

void EssaimView::setSnapshot(model::EssaimSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    const int count = snapshot_ ? int(snapshot_->ruches.size()) : 0;
    if (count != laidOutCount_) relayout();
    if (selected_ >= count) selected_ = -1;
    update();
}

void EssaimView::setSelectedRuche(int index) {
    selected_ = index;
    update();
}

QRectF EssaimView::graphArea() const {
    return QRectF(rect()).adjusted(16, kHeaderHeight + 8, -16, -kLegendHeight - 8);
}

// Ruches on one circle when few; on concentric rings when many, each ring holding a share
// proportional to its circumference so neighbours keep the same spacing.
void EssaimView::relayout() {
    const int count = snapshot_ ? int(snapshot_->ruches.size()) : 0;
    laidOutCount_ = count;
    centres_.assign(std::size_t(count), QPointF());
    const QRectF area = graphArea();
    gridCentre_ = area.center();
    if (count == 0) return;
    const qreal outer = std::max<qreal>(20, std::min(area.width(), area.height()) / 2 - 34);
    const int rings = count <= kRucheesPerInnerRing ? 1 : std::min(6, int(std::ceil(count / 120.0)) + 1);
    std::vector<qreal> radii(static_cast<std::size_t>(rings));
    qreal radiusSum = 0;
    for (int ring = 0; ring < rings; ++ring) {
        radii[std::size_t(ring)] = rings == 1 ? outer : outer * (0.45 + 0.55 * ring / (rings - 1));
        radiusSum += radii[std::size_t(ring)];
    }
    const std::vector<int> order = ringOrder(*snapshot_);
    int placed = 0;
    qreal spacing = 1e9;
    for (int ring = 0; ring < rings; ++ring) {
        const qreal radius = radii[std::size_t(ring)];
        const int onRing = ring == rings - 1 ? count - placed : int(std::round(count * radius / radiusSum));
        const qreal offset = ring % 2 ? M_PI / std::max(1, onRing) : 0;   // stagger rings
        for (int k = 0; k < onRing; ++k) {
            const qreal angle = -M_PI / 2 + offset + 2 * M_PI * k / onRing;
            centres_[std::size_t(order[std::size_t(placed + k)])] =
                gridCentre_ + QPointF(std::cos(angle), std::sin(angle)) * radius;
        }
        if (onRing > 0) spacing = std::min(spacing, 2 * M_PI * radius / onRing);
        placed += onRing;
    }
    nodeRadius_ = std::clamp(spacing * 0.32, 3.0, 30.0);
    rebuildSprites();
}

void EssaimView::rebuildSprites() {
    const qreal ratio = devicePixelRatioF();
    const int side = int(std::ceil(2 * nodeRadius_ + 4));
    const QColor accents[3] = {palette::idleFlow(), palette::importFlow(), palette::exportFlow()};
    for (int kind = 0; kind < 3; ++kind) {
        QPixmap sprite(QSize(side, side) * ratio);
        sprite.setDevicePixelRatio(ratio);
        sprite.fill(Qt::transparent);
        QPainter p(&sprite);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(accents[kind].darker(115), 1.2));
        p.setBrush(kind == 0 ? palette::surface() : palette::withAlpha(accents[kind], 90));
        p.drawEllipse(QPointF(side / 2.0, side / 2.0), nodeRadius_, nodeRadius_);
        p.end();
        sprites_[kind] = sprite;
    }
}

// Hundreds of ruches: thin cosmetic strokes grouped by colour (one drawLines call each),
// arrow heads gathered in one path, nodes blitted from sprites. Same information as the
// detailed paint (direction, import/export colour, H2 level), minus text.
void EssaimView::paintDense(QPainter& p) const {
    const bool islanded = !snapshot_->gridConnected;
    for (auto& bucket : scratch_) bucket.clear();
    for (std::size_t i = 0; i < snapshot_->ruches.size(); ++i) {
        const model::RucheSnapshot& ruche = snapshot_->ruches[i];
        if (!ruche.hasGate) continue;
        const double netImportKw = gridExchangeKw(ruche);
        const int kind = std::abs(netImportKw) < kIdleKw ? 0 : netImportKw > 0 ? 1 : 2;
        scratch_[kind].emplace_back(gridCentre_, centres_[i]);
    }
    const QColor spokeColours[3] = {palette::idleFlow(), palette::importFlow(), palette::exportFlow()};
    // Five hundred long antialiased hairlines cost ~20 ms in the raster engine; aliased ones
    // under 1 ms, and at this density the eye cannot tell (bench/gui_paint measures it).
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int kind = 0; kind < 3; ++kind) {
        // An opaque tint rather than alpha: blending is what makes long lines slow.
        const QColor tint = QColor::fromRgbF(0.55f * spokeColours[kind].redF() + 0.45f * palette::background().redF(),
                                             0.55f * spokeColours[kind].greenF() + 0.45f * palette::background().greenF(),
                                             0.55f * spokeColours[kind].blueF() + 0.45f * palette::background().blueF());
        QPen pen(islanded ? palette::alarm() : tint, 0,
                 islanded ? Qt::DashLine : Qt::SolidLine);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawLines(scratch_[kind].data(), int(scratch_[kind].size()));
    }
    p.setRenderHint(QPainter::Antialiasing, true);

    for (auto& bucket : scratch_) bucket.clear();
    QPainterPath arrows;
    const int count = int(centres_.size());
    for (const model::LineSnapshot& line : snapshot_->lines) {
        if (line.fromRuche < 0 || line.toRuche < 0 || line.fromRuche >= count || line.toRuche >= count) continue;
        const QPointF a = centres_[std::size_t(line.fromRuche)];
        const QPointF b = centres_[std::size_t(line.toRuche)];
        const bool idle = std::abs(line.flowKw) < kIdleKw;
        const bool loaded = line.capacityKw > 0 && std::abs(line.flowKw) > 0.5 * line.capacityKw;
        scratch_[idle ? 0 : loaded ? 2 : 1].emplace_back(a, b);
        if (idle) continue;
        const QPointF from = line.flowKw > 0 ? a : b;
        const QPointF to = line.flowKw > 0 ? b : a;
        const QPointF tip = pointTowards(to, from, nodeRadius_ + 1);
        const QPointF unit = (from - tip) / std::max<qreal>(1e-6, QLineF(tip, from).length());
        const QPointF normal(-unit.y(), unit.x());
        const qreal size = std::max<qreal>(4, nodeRadius_);
        arrows.moveTo(tip);
        arrows.lineTo(tip + unit * size + normal * size * 0.5);
        arrows.lineTo(tip + unit * size - normal * size * 0.5);
        arrows.closeSubpath();
    }
    // Idle thin grey, normal 1.5 px, above half capacity 3 px.
    const qreal widths[3] = {1.0, 1.5, 3.0};
    for (int kind = 0; kind < 3; ++kind) {
        QPen pen(kind == 0 ? palette::idleFlow() : palette::neighbour(), widths[kind]);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawLines(scratch_[kind].data(), int(scratch_[kind].size()));
    }
    p.fillPath(arrows, palette::neighbour().darker(120));

    const qreal half = sprites_[0].width() / sprites_[0].devicePixelRatio() / 2.0;
    for (std::size_t i = 0; i < centres_.size(); ++i) {
        const model::RucheSnapshot& ruche = snapshot_->ruches[i];
        const double netImportKw = gridExchangeKw(ruche);
        const int kind = std::abs(netImportKw) < kIdleKw ? 0 : netImportKw > 0 ? 1 : 2;
        const QPointF c = centres_[i];
        p.drawPixmap(QPointF(c.x() - half, c.y() - half), sprites_[kind]);
        if (ruche.stores.h2TankKwh > 0) {
            const qreal h = std::max<qreal>(8, nodeRadius_ * 1.4), w = std::max<qreal>(3, nodeRadius_ * 0.45);
            const QRectF tank(c.x() + nodeRadius_ + 2, c.y() - h / 2, w, h);
            const double level = std::clamp(ruche.stores.h2LevelKwh / ruche.stores.h2TankKwh, 0.0, 1.0);
            p.fillRect(tank, palette::withAlpha(palette::hydrogen(), 60));
            p.fillRect(QRectF(tank.left(), tank.bottom() - h * level, w, h * level), palette::hydrogen());
        }
    }
    if (selected_ >= 0 || hovered_ >= 0) {
        p.setPen(QPen(palette::text(), 2.5));
        p.setBrush(Qt::NoBrush);
        for (int index : {selected_, hovered_})
            if (index >= 0 && index < count) p.drawEllipse(centres_[std::size_t(index)], nodeRadius_ + 2, nodeRadius_ + 2);
    }
}

void EssaimView::resizeEvent(QResizeEvent* event) {
    relayout();
    QWidget::resizeEvent(event);
}

int EssaimView::rucheAt(QPointF position) const {
    const qreal reach = std::max<qreal>(nodeRadius_ + 3, 6);
    int best = -1;
    qreal bestDistance = reach;
    for (std::size_t i = 0; i < centres_.size(); ++i) {
        const qreal distance = QLineF(position, centres_[i]).length();
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = int(i);
        }
    }
    return best;
}

QPointF EssaimView::rucheCentre(int index) const {
    if (index < 0 || index >= int(centres_.size())) return {};
    return centres_[std::size_t(index)];
}

bool EssaimView::detailLabelsShown() const {
    return snapshot_ && int(snapshot_->ruches.size()) <= kMaxLabelledRuches;
}

QStringList EssaimView::lineLabels() const {
    QStringList labels;
    if (!snapshot_) return labels;
    for (const model::LineSnapshot& line : snapshot_->lines)
        labels << QString::fromStdString(line.id) + QStringLiteral(": ") + formatPowerKw(std::abs(line.flowKw));
    return labels;
}

QString EssaimView::bannerText() const {
    if (snapshot_ && !snapshot_->gridConnected) return tr("Islanded: the national grid is disconnected");
    return {};
}

void EssaimView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette::background());
    paintHeader(painter);
    if (!snapshot_ || snapshot_->ruches.empty()) {
        painter.setPen(palette::mutedText());
        painter.setFont(palette::baseFont(2));
        painter.drawText(rect(), Qt::AlignCenter,
                         snapshot_ ? tr("This essaim has no ruche.") : tr("No data yet: waiting for the first snapshot."));
        return;
    }
    if (detailLabelsShown()) {
        paintGridLinks(painter);
        paintRucheLines(painter);
        paintRuches(painter);
    } else {
        paintDense(painter);
    }
    paintGridNode(painter);
    paintLegend(painter);
}

void EssaimView::paintHeader(QPainter& p) const {
    const QRectF band(0, 0, width(), kHeaderHeight);
    const bool islanded = snapshot_ && !snapshot_->gridConnected;
    p.fillRect(band, islanded ? palette::alarm() : palette::surface());
    p.setPen(QPen(palette::border(), 1));
    p.drawLine(band.bottomLeft(), band.bottomRight());
    p.setPen(islanded ? Qt::white : palette::text());
    p.setFont(palette::baseFont(2, true));
    QString title = tr("Essaim");
    if (snapshot_) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(snapshot_->simTimeUtc, Qt::UTC);
        title = tr("Essaim · %n ruche(s) · %1", nullptr, int(snapshot_->ruches.size()))
                    .arg(formatSimTimeUtc(time));
    }
    p.drawText(band.adjusted(18, 0, -18, 0), Qt::AlignVCenter | Qt::AlignLeft, title);
    if (!snapshot_) return;
    p.setFont(palette::baseFont(0, true));
    QString right;
    if (islanded) {
        right = bannerText();
    } else {
        double importKw = 0, exportKw = 0;
        for (const model::RucheSnapshot& ruche : snapshot_->ruches) {
            importKw += ruche.flows.importKw;
            exportKw += ruche.flows.exportKw;
        }
        right = tr("Grid import %1 · export %2").arg(formatPowerKw(importKw), formatPowerKw(exportKw));
    }
    p.drawText(band.adjusted(18, 0, -18, 0), Qt::AlignVCenter | Qt::AlignRight, right);
}

void EssaimView::paintGridLinks(QPainter& p) const {
    const bool islanded = !snapshot_->gridConnected;
    const bool dense = snapshot_->ruches.size() > std::size_t(kMaxLabelledRuches);
    const qreal maxWidth = dense ? 2.5 : 7.0;
    for (std::size_t i = 0; i < snapshot_->ruches.size(); ++i) {
        const model::RucheSnapshot& ruche = snapshot_->ruches[i];
        if (!ruche.hasGate) continue;
        const QPointF end = pointTowards(centres_[i], gridCentre_, nodeRadius_ + 2);
        if (islanded) {
            p.setPen(QPen(palette::alarm(), dense ? 1.0 : 2.0, Qt::DashLine));
            p.drawLine(gridCentre_, end);
            continue;
        }
        const double netImportKw = gridExchangeKw(ruche);
        const double limitKw = netImportKw > 0 ? ruche.importLimitKw : ruche.exportLimitKw;
        QColor colour = exchangeColour(netImportKw);
        if (dense) colour = palette::withAlpha(colour, 110);
        p.setPen(QPen(colour, widthForLoad(netImportKw, limitKw, maxWidth), Qt::SolidLine, Qt::FlatCap));
        p.drawLine(gridCentre_, end);
        if (std::abs(netImportKw) < kIdleKw || dense) continue;
        const QPointF from = netImportKw > 0 ? gridCentre_ : end;
        const QPointF to = netImportKw > 0 ? end : gridCentre_;
        drawArrowHead(p, from, pointTowards(from, to, QLineF(from, to).length() * 0.62), 10, colour);
    }
}

void EssaimView::paintRucheLines(QPainter& p) const {
    const bool labelled = detailLabelsShown();
    const int count = int(centres_.size());
    p.setFont(palette::baseFont(-1, true));
    for (const model::LineSnapshot& line : snapshot_->lines) {
        if (line.fromRuche < 0 || line.toRuche < 0 || line.fromRuche >= count || line.toRuche >= count) continue;
        const QPointF a = centres_[std::size_t(line.fromRuche)];
        const QPointF b = centres_[std::size_t(line.toRuche)];
        const bool idle = std::abs(line.flowKw) < kIdleKw;
        const QColor colour = idle ? palette::idleFlow() : palette::neighbour();
        // Bow the link away from the grid node so it never lies on top of a grid spoke.
        QPointF outward = (a + b) / 2 - gridCentre_;
        const qreal outwardLength = QLineF(QPointF(), outward).length();
        outward = outwardLength > 1 ? outward / outwardLength : QPointF(-(b - a).y(), (b - a).x()) / std::max<qreal>(1, QLineF(a, b).length());
        const QPointF control = (a + b) / 2 + outward * (labelled ? 0.18 * QLineF(a, b).length() : 0.0);
        p.setPen(QPen(colour, widthForLoad(line.flowKw, line.capacityKw, labelled ? 8.0 : 3.0), Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        if (labelled) {
            QPainterPath path(a);
            path.quadTo(control, b);
            p.drawPath(path);
        } else {
            p.drawLine(a, b);
        }
        if (idle) continue;
        const qreal t = line.flowKw > 0 ? 0.72 : 0.28;   // arrow near the receiving end
        const qreal back = line.flowKw > 0 ? t - 0.05 : t + 0.05;
        drawArrowHead(p, bezierPoint(a, control, b, back), bezierPoint(a, control, b, t), labelled ? 12 : 6, colour.darker(110));
        if (labelled) drawPill(p, bezierPoint(a, control, b, 0.5), formatPowerKw(std::abs(line.flowKw)), colour, colour.darker(140));
    }
}

void EssaimView::paintRuches(QPainter& p) const {
    const bool labelled = detailLabelsShown();
    p.setFont(palette::baseFont(-1, true));
    for (std::size_t i = 0; i < centres_.size(); ++i) {
        const model::RucheSnapshot& ruche = snapshot_->ruches[i];
        const QPointF c = centres_[i];
        const double netImportKw = gridExchangeKw(ruche);
        const QColor accent = exchangeColour(netImportKw);
        const bool highlighted = int(i) == selected_ || int(i) == hovered_;
        p.setPen(QPen(highlighted ? palette::text() : accent.darker(115), highlighted ? 3 : 1.5));
        p.setBrush(std::abs(netImportKw) < kIdleKw ? palette::surface() : palette::withAlpha(accent, 70).lighter(100));
        p.drawEllipse(c, nodeRadius_, nodeRadius_);
        if (ruche.stores.h2TankKwh > 0) {
            // SeasonStore: a small tank beside the node, filled to its level.
            const qreal h = std::max<qreal>(8, nodeRadius_ * 1.4), w = std::max<qreal>(4, nodeRadius_ * 0.45);
            const QRectF tank(c.x() + nodeRadius_ + 3, c.y() - h / 2, w, h);
            const double level = std::clamp(ruche.stores.h2LevelKwh / ruche.stores.h2TankKwh, 0.0, 1.0);
            p.setPen(QPen(palette::hydrogen().darker(120), 1));
            p.setBrush(palette::surface());
            p.drawRoundedRect(tank, 2, 2);
            p.fillRect(QRectF(tank.left() + 1, tank.bottom() - 1 - (h - 2) * level, w - 2, (h - 2) * level), palette::hydrogen());
        }
        if (!labelled) continue;
        p.setPen(palette::text());
        const QRectF nameBox(c.x() - 80, c.y() + nodeRadius_ + 2, 160, 34);
        p.drawText(nameBox, Qt::AlignHCenter | Qt::AlignTop,
                   QString::fromStdString(ruche.id) + QLatin1Char('\n') +
                       (ruche.hasGate ? (netImportKw >= 0 ? tr("import %1") : tr("export %1")).arg(formatPowerKw(std::abs(netImportKw)))
                                      : tr("no gate")));
    }
}

void EssaimView::paintGridNode(QPainter& p) const {
    const bool islanded = !snapshot_->gridConnected;
    const qreal r = std::clamp(nodeRadius_ * 1.4, 18.0, 34.0);
    p.setPen(QPen(islanded ? palette::alarm() : palette::grid(), 3));
    p.setBrush(palette::surface());
    p.drawEllipse(gridCentre_, r, r);
    p.setPen(islanded ? palette::alarm() : palette::grid());
    p.setFont(palette::baseFont(islanded ? 6 : -1, true));
    p.drawText(QRectF(gridCentre_.x() - r, gridCentre_.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
               islanded ? QStringLiteral("✕") : tr("Grid"));
    p.setPen(palette::text());
    p.drawText(QRectF(gridCentre_.x() - 90, gridCentre_.y() + r + 2, 180, 18), Qt::AlignHCenter | Qt::AlignTop,
               tr("National grid"));
}

void EssaimView::paintLegend(QPainter& p) const {
    const qreal y = height() - kLegendHeight / 2;
    qreal x = 18;
    p.setFont(palette::baseFont(-1));
    const QFontMetricsF metrics(p.font());
    auto item = [&](const QColor& colour, const QString& text, bool dashed) {
        p.setPen(QPen(colour, 4, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(x, y), QPointF(x + 24, y));
        p.setPen(palette::mutedText());
        p.drawText(QPointF(x + 30, y + metrics.ascent() / 2 - 1), text);
        x += 30 + metrics.horizontalAdvance(text) + 22;
    };
    item(palette::importFlow(), tr("Import from grid"), false);
    item(palette::exportFlow(), tr("Export to grid"), false);
    item(palette::neighbour(), tr("Line between ruches (thickness: flow / capacity)"), false);
    item(palette::hydrogen(), tr("SeasonStore H₂ level"), false);
    if (!snapshot_->gridConnected) item(palette::alarm(), tr("Disconnected"), true);
}

QString EssaimView::rucheTooltip(int index) const {
    const model::RucheSnapshot& ruche = snapshot_->ruches[std::size_t(index)];
    const model::RucheFlows& f = ruche.flows;
    QString tip = QStringLiteral("<b>%1</b> · %2").arg(QString::fromStdString(ruche.id).toHtmlEscaped(),
                                                      tr("%n alvéole(s)", nullptr, ruche.alveoleCount));
    tip += QStringLiteral("<br>") + tr("Load %1 · PV %2").arg(formatPowerKw(f.loadKw), formatPowerKw(f.pvUsedKw));
    if (ruche.hasGate) tip += QStringLiteral("<br>") + tr("Grid import %1 · export %2").arg(formatPowerKw(f.importKw), formatPowerKw(f.exportKw));
    if (ruche.stores.hiveCapacityKwh > 0)
        tip += QStringLiteral("<br>") + tr("HiveStore %1").arg(formatPercent(ruche.stores.hiveSocKwh / ruche.stores.hiveCapacityKwh));
    if (ruche.stores.h2TankKwh > 0)
        tip += QStringLiteral("<br>") + tr("SeasonStore H₂ %1 (%2)").arg(formatPercent(ruche.stores.h2LevelKwh / ruche.stores.h2TankKwh),
                                                                         formatEnergyKwh(ruche.stores.h2LevelKwh));
    if (f.shedKw > kIdleKw) tip += QStringLiteral("<br><b>") + tr("Shedding %1").arg(formatPowerKw(f.shedKw)) + QStringLiteral("</b>");
    return tip + QStringLiteral("<br><i>") + tr("Click to open this ruche") + QStringLiteral("</i>");
}

bool EssaimView::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const int index = snapshot_ ? rucheAt(help->pos()) : -1;
    if (index >= 0) {
        QToolTip::showText(help->globalPos(), rucheTooltip(index), this);
    } else if (snapshot_ && QLineF(help->pos(), gridCentre_).length() < 30) {
        QToolTip::showText(help->globalPos(), bannerText().isEmpty() ? tr("National grid: connected") : bannerText(), this);
    } else {
        QToolTip::hideText();
    }
    return true;
}

void EssaimView::mouseMoveEvent(QMouseEvent* event) {
    const int index = rucheAt(event->position());
    if (index != hovered_) {
        hovered_ = index;
        setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void EssaimView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const int index = rucheAt(event->position());
        if (index >= 0) {
            selected_ = index;
            update();
            Q_EMIT rucheActivated(index);
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void EssaimView::leaveEvent(QEvent* event) {
    hovered_ = -1;
    update();
    QWidget::leaveEvent(event);
}

void EssaimView::changeEvent(QEvent* event) {
    // Every string is built at paint time through tr(), so a repaint is the retranslation.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) update();
    QWidget::changeEvent(event);
}

}  // namespace swarmergy::widgets
