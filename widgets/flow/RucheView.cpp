#include "widgets/flow/RucheView.h"

#include "widgets/components/Format.h"
#include "widgets/components/KpiTile.h"
#include "widgets/components/PaintHelpers.h"
#include "widgets/components/Palette.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace swarmergy::widgets {

namespace {

constexpr double kIdleKw = 0.005;   // below this a link is drawn idle (rounding noise of the solver)
constexpr qreal kHeaderHeight = 46;

QColor nodeColour(RucheNode node) {
    switch (node) {
    case RucheNode::Pv: return palette::pv();
    case RucheNode::Loads: return palette::load();
    case RucheNode::MicroStores: return palette::battery();
    case RucheNode::HiveStore: return palette::battery().darker(125);
    case RucheNode::Grid: return palette::grid();
    case RucheNode::SeasonStore: return palette::hydrogen();
    case RucheNode::OtherRuches: return palette::neighbour();
    }
    return palette::grid();
}

// Link colour: the grid link says import or export; the others keep their node's colour.
QColor linkColour(const ShownFlow& flow) {
    if (flow.islanded) return palette::alarm();
    if (std::abs(flow.powerKw) < kIdleKw) return palette::idleFlow();
    if (flow.node == RucheNode::Grid) return flow.powerKw > 0 ? palette::importFlow() : palette::exportFlow();
    return nodeColour(flow.node);
}

// Where each node sits, as a fraction of the diagram area: sun on top, grid left,
// homes right, stores below, like Home Assistant's energy card.
QPointF nodeAnchor(RucheNode node) {
    switch (node) {
    case RucheNode::Pv: return {0.50, 0.20};
    case RucheNode::SeasonStore: return {0.17, 0.17};
    case RucheNode::OtherRuches: return {0.83, 0.17};
    case RucheNode::Grid: return {0.10, 0.55};
    case RucheNode::Loads: return {0.90, 0.55};
    case RucheNode::MicroStores: return {0.32, 0.86};
    case RucheNode::HiveStore: return {0.68, 0.86};
    }
    return {0.5, 0.5};
}

void drawSun(QPainter& p, QPointF c, qreal r, const QColor& colour) {
    p.setPen(QPen(colour, r * 0.12, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    for (int ray = 0; ray < 8; ++ray) {
        const qreal angle = ray * M_PI / 4;
        const QPointF dir(std::cos(angle), std::sin(angle));
        p.drawLine(c + dir * r * 0.62, c + dir * r * 0.9);
    }
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(c, r * 0.4, r * 0.4);
}

void drawHouse(QPainter& p, QPointF c, qreal r, const QColor& colour) {
    QPainterPath house;
    house.moveTo(c + QPointF(-0.75 * r, -0.05 * r));
    house.lineTo(c + QPointF(0, -0.8 * r));
    house.lineTo(c + QPointF(0.75 * r, -0.05 * r));
    house.lineTo(c + QPointF(0.55 * r, -0.05 * r));
    house.lineTo(c + QPointF(0.55 * r, 0.7 * r));
    house.lineTo(c + QPointF(-0.55 * r, 0.7 * r));
    house.lineTo(c + QPointF(-0.55 * r, -0.05 * r));
    house.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPath(house);
    p.setBrush(palette::surface());
    p.drawRect(QRectF(c + QPointF(-0.15 * r, 0.25 * r), QSizeF(0.3 * r, 0.45 * r)));
}

void drawBattery(QPainter& p, QPointF c, qreal r, const QColor& colour, double fraction) {
    const QRectF body(c.x() - 0.42 * r, c.y() - 0.6 * r, 0.84 * r, 1.3 * r);
    p.setPen(QPen(colour, r * 0.1));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(body, r * 0.1, r * 0.1);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRect(QRectF(c.x() - 0.18 * r, c.y() - 0.78 * r, 0.36 * r, 0.16 * r));
    const qreal level = std::clamp(fraction, 0.0, 1.0) * (body.height() - 0.2 * r);
    p.drawRect(QRectF(body.left() + 0.1 * r, body.bottom() - 0.1 * r - level, body.width() - 0.2 * r, level));
}

void drawPylon(QPainter& p, QPointF c, qreal r, const QColor& colour) {
    p.setPen(QPen(colour, r * 0.1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    const QPointF top = c + QPointF(0, -0.8 * r);
    p.drawLine(top, c + QPointF(-0.5 * r, 0.75 * r));
    p.drawLine(top, c + QPointF(0.5 * r, 0.75 * r));
    p.drawLine(c + QPointF(-0.7 * r, -0.4 * r), c + QPointF(0.7 * r, -0.4 * r));
    p.drawLine(c + QPointF(-0.55 * r, 0.0), c + QPointF(0.55 * r, 0.0));
    p.drawLine(c + QPointF(-0.35 * r, 0.0), c + QPointF(0.4 * r, 0.75 * r));
    p.drawLine(c + QPointF(0.35 * r, 0.0), c + QPointF(-0.4 * r, 0.75 * r));
}

void drawNeighbours(QPainter& p, QPointF c, qreal r, const QColor& colour) {
    const QPointF a = c + QPointF(0, -0.5 * r), b = c + QPointF(-0.5 * r, 0.4 * r), d = c + QPointF(0.5 * r, 0.4 * r);
    p.setPen(QPen(colour, r * 0.1));
    p.drawLine(a, b);
    p.drawLine(b, d);
    p.drawLine(d, a);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    for (QPointF point : {a, b, d}) p.drawEllipse(point, r * 0.22, r * 0.22);
}

void drawHydrogen(QPainter& p, QPointF c, qreal r, const QColor& colour) {
    QFont font = palette::baseFont(0, true);
    font.setPixelSize(std::max(8, int(r * 0.8)));
    p.setFont(font);
    p.setPen(colour);
    p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QStringLiteral("H₂"));
}

void drawIcon(QPainter& p, const ShownFlow& flow, QPointF c, qreal r) {
    const QColor colour = nodeColour(flow.node);
    switch (flow.node) {
    case RucheNode::Pv: drawSun(p, c, r, colour); break;
    case RucheNode::Loads: drawHouse(p, c, r, colour); break;
    case RucheNode::MicroStores:
    case RucheNode::HiveStore: drawBattery(p, c, r, colour, flow.gaugeFraction); break;
    case RucheNode::Grid: drawPylon(p, c, r, flow.islanded ? palette::alarm() : colour); break;
    case RucheNode::SeasonStore: drawHydrogen(p, c, r, colour); break;
    case RucheNode::OtherRuches: drawNeighbours(p, c, r, colour); break;
    }
}

}  // namespace

// The painted diagram; RucheView owns the data and hands a copy of the few items here.
class RucheFlowCanvas : public QWidget {
public:
    explicit RucheFlowCanvas(QWidget* parent) : QWidget(parent) {
        setMinimumSize(480, 320);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    void setContent(const QList<ShownFlow>& flows, const QString& header, const QString& status,
                    const QString& busCaption) {
        flows_ = flows;
        header_ = header;
        status_ = status;
        busCaption_ = busCaption;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.fillRect(rect(), palette::background());
        paintHeader(painter);
        if (flows_.isEmpty()) {
            painter.setPen(palette::mutedText());
            painter.setFont(palette::baseFont(2));
            painter.drawText(rect(), Qt::AlignCenter, status_);
            return;
        }
        const QRectF area = diagramArea();
        const QPointF bus = area.center();
        const qreal radius = nodeRadius(area);
        const qreal maxKw = largestFlowKw();
        for (const ShownFlow& flow : flows_) paintLink(painter, flow, nodeCentre(flow.node, area), bus, radius, maxKw);
        paintBus(painter, bus, radius);
        for (const ShownFlow& flow : flows_) paintNode(painter, flow, nodeCentre(flow.node, area), radius);
        for (const ShownFlow& flow : flows_) paintLinkLabel(painter, flow, nodeCentre(flow.node, area), bus, radius);
    }

    bool event(QEvent* event) override {
        if (event->type() != QEvent::ToolTip) return QWidget::event(event);
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF area = diagramArea();
        const qreal radius = nodeRadius(area);
        for (const ShownFlow& flow : flows_) {
            if (QLineF(help->pos(), nodeCentre(flow.node, area)).length() <= radius * 1.2) {
                QString tip = QStringLiteral("<b>%1</b><br>%2").arg(flow.name.toHtmlEscaped(), flow.label.toHtmlEscaped());
                if (!flow.detail.isEmpty()) tip += QStringLiteral("<br>") + flow.detail.toHtmlEscaped();
                QToolTip::showText(help->globalPos(), tip, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }

private:
    QRectF diagramArea() const {
        return QRectF(rect()).adjusted(24, kHeaderHeight + 16, -24, -42);
    }
    static qreal nodeRadius(const QRectF& area) {
        return std::clamp(std::min(area.width(), area.height()) * 0.075, 24.0, 52.0);
    }
    static QPointF nodeCentre(RucheNode node, const QRectF& area) {
        const QPointF anchor = nodeAnchor(node);
        return {area.left() + anchor.x() * area.width(), area.top() + anchor.y() * area.height()};
    }
    qreal largestFlowKw() const {
        qreal largest = 0;
        for (const ShownFlow& flow : flows_) largest = std::max<qreal>(largest, std::abs(flow.powerKw));
        return largest;
    }

    void paintHeader(QPainter& p) {
        const QRectF band(0, 0, width(), kHeaderHeight);
        p.fillRect(band, palette::surface());
        p.setPen(QPen(palette::border(), 1));
        p.drawLine(band.bottomLeft(), band.bottomRight());
        p.setPen(palette::text());
        p.setFont(palette::baseFont(2, true));
        p.drawText(band.adjusted(18, 0, -18, 0), Qt::AlignVCenter | Qt::AlignLeft, header_);
        if (flows_.isEmpty() || status_.isEmpty()) return;
        p.setFont(palette::baseFont(0, true));
        const qreal textWidth = QFontMetricsF(p.font()).horizontalAdvance(status_);
        const QRectF chip(band.right() - textWidth - 42, band.center().y() - 13, textWidth + 24, 26);
        p.setPen(Qt::NoPen);
        p.setBrush(palette::alarm());
        p.drawRoundedRect(chip, 13, 13);
        p.setPen(Qt::white);
        p.drawText(chip, Qt::AlignCenter, status_);
    }

    void paintBus(QPainter& p, QPointF bus, qreal radius) {
        const QRectF box(bus.x() - radius * 1.1, bus.y() - radius * 0.55, radius * 2.2, radius * 1.1);
        p.setPen(QPen(palette::grid(), 2));
        p.setBrush(palette::surface());
        p.drawRoundedRect(box, radius * 0.3, radius * 0.3);
        p.setPen(palette::text());
        p.setFont(palette::baseFont(0, true));
        p.drawText(box, Qt::AlignCenter, busCaption_);
    }

    void paintLink(QPainter& p, const ShownFlow& flow, QPointF node, QPointF bus, qreal radius, qreal maxKw) {
        const QPointF start = pointTowards(node, bus, radius + 4);
        const QPointF end = pointTowards(bus, node, radius * 0.75);
        const QColor colour = linkColour(flow);
        const bool idle = std::abs(flow.powerKw) < kIdleKw;
        // Thickness tells the share of the largest flow in this ruche: 2 px idle to 9 px.
        const qreal share = maxKw > kIdleKw ? std::abs(flow.powerKw) / maxKw : 0.0;
        const qreal width = idle ? 2.0 : 2.5 + 6.5 * std::sqrt(share);
        QPen pen(colour, width, flow.islanded ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        p.setPen(pen);
        p.drawLine(start, end);
        if (idle || flow.islanded) return;
        // Two chevrons along the link show the direction of the energy.
        const bool intoBus = flow.powerKw > 0;
        const QPointF from = intoBus ? start : end;
        const QPointF to = intoBus ? end : start;
        const qreal length = QLineF(from, to).length();
        for (qreal at : {0.25, 0.80}) {
            const QPointF tip = pointTowards(from, to, length * at + 6);
            drawArrowHead(p, from, tip, 9 + width, colour);
        }
    }

    void paintLinkLabel(QPainter& p, const ShownFlow& flow, QPointF node, QPointF bus, qreal radius) {
        const QPointF start = pointTowards(node, bus, radius + 4);
        const QPointF end = pointTowards(bus, node, radius * 0.75);
        const QPointF middle = (start + end) / 2;
        p.setFont(palette::baseFont(1, true));
        const QColor colour = linkColour(flow);
        drawPill(p, middle, flow.label, colour,
                 std::abs(flow.powerKw) < kIdleKw && !flow.islanded ? palette::mutedText() : colour.darker(115));
    }

    void paintNode(QPainter& p, const ShownFlow& flow, QPointF centre, qreal radius) {
        const QColor colour = flow.islanded ? palette::alarm() : nodeColour(flow.node);
        p.setPen(QPen(palette::withAlpha(colour, 90), 2));
        p.setBrush(palette::surface());
        p.drawEllipse(centre, radius, radius);
        if (flow.gaugeFraction >= 0) drawRingGauge(p, centre, radius - 4, 6, flow.gaugeFraction, colour);
        drawIcon(p, flow, centre, radius * 0.5);

        p.setPen(palette::text());
        p.setFont(palette::baseFont(0, true));
        // The PV node sits straight above the bus: its caption goes above it, off the link.
        const bool captionAbove = flow.node == RucheNode::Pv;
        const qreal captionTop = captionAbove ? centre.y() - radius - 44 : centre.y() + radius + 4;
        const QRectF nameBox(centre.x() - 130, captionTop, 260, 20);
        p.drawText(nameBox, Qt::AlignHCenter | Qt::AlignTop, flow.name);
        if (flow.detail.isEmpty()) return;
        p.setPen(flow.warning ? palette::alarm() : palette::mutedText());
        p.setFont(palette::baseFont(-1));
        p.drawText(nameBox.translated(0, 19), Qt::AlignHCenter | Qt::AlignTop, flow.detail);
    }

    QList<ShownFlow> flows_;
    QString header_;
    QString status_;
    QString busCaption_;
};

RucheView::RucheView(QWidget* parent) : QWidget(parent) {
    canvas_ = new RucheFlowCanvas(this);
    selfSufficiencyTile_ = new KpiTile(this);
    selfConsumptionTile_ = new KpiTile(this);
    peakImportTile_ = new KpiTile(this);
    costTile_ = new KpiTile(this);
    selfSufficiencyTile_->setAccent(palette::exportFlow());
    selfConsumptionTile_->setAccent(palette::pv());
    peakImportTile_->setAccent(palette::importFlow());
    costTile_->setAccent(palette::price());

    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(12);
    for (KpiTile* tile : {selfSufficiencyTile_, selfConsumptionTile_, peakImportTile_, costTile_}) tiles->addWidget(tile);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 12);
    layout->setSpacing(12);
    layout->addWidget(canvas_, 1);
    auto* tileRow = new QHBoxLayout;
    tileRow->setContentsMargins(12, 0, 12, 0);
    tileRow->addLayout(tiles);
    layout->addLayout(tileRow);

    QPalette background = palette();
    background.setColor(QPalette::Window, palette::background());
    setPalette(background);
    setAutoFillBackground(true);
    retranslateTiles();
    rebuild();
}

void RucheView::setSnapshot(model::EssaimSnapshotPtr snapshot) {
    snapshot_ = std::move(snapshot);
    rebuild();
}

void RucheView::setRucheIndex(int index) {
    if (index == rucheIndex_) return;
    rucheIndex_ = index;
    rebuild();
}

QString RucheView::flowLabel(RucheNode node) const {
    for (const ShownFlow& flow : flows_) {
        if (flow.node == node) return flow.label;
    }
    return {};
}

QStringList RucheView::flowLabels() const {
    QStringList labels;
    for (const ShownFlow& flow : flows_) labels << flow.name + QStringLiteral(": ") + flow.label;
    return labels;
}

QStringList RucheView::kpiTexts() const {
    QStringList texts;
    for (const KpiTile* tile : {selfSufficiencyTile_, selfConsumptionTile_, peakImportTile_, costTile_})
        texts << tile->title() + QStringLiteral(": ") + tile->valueText();
    return texts;
}

void RucheView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        retranslateTiles();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void RucheView::retranslateTiles() {
    selfSufficiencyTile_->setTitle(tr("Self-sufficiency today"));
    selfSufficiencyTile_->setHint(tr("Share of the served load not imported from the national grid, since midnight."));
    selfConsumptionTile_->setTitle(tr("Self-consumption today"));
    selfConsumptionTile_->setHint(tr("Share of the PV production used inside the essaim rather than exported."));
    peakImportTile_->setTitle(tr("Peak import today"));
    peakImportTile_->setHint(tr("Highest average import over one step since midnight."));
    costTile_->setTitle(tr("Grid cost today"));
    costTile_->setHint(tr("Imports minus exports at the grid tariff since midnight (cu)."));
}

void RucheView::updateTiles(const model::RucheSnapshot* ruche) {
    if (!ruche) {
        for (KpiTile* tile : {selfSufficiencyTile_, selfConsumptionTile_, peakImportTile_, costTile_})
            tile->setValueText(QStringLiteral("—"));
        return;
    }
    selfSufficiencyTile_->setValueText(formatPercent(ruche->today.selfSufficiency));
    selfConsumptionTile_->setValueText(formatPercent(ruche->today.selfConsumption));
    peakImportTile_->setValueText(formatPowerKw(ruche->today.peakImportKw));
    costTile_->setValueText(formatMoney(ruche->today.costToday));
}

namespace {

QString storeDetail(double levelKwh, double capacityKwh) {
    return RucheView::tr("%1 · %2 of %3")
        .arg(formatPercent(levelKwh / capacityKwh), formatEnergyKwh(levelKwh), formatEnergyKwh(capacityKwh));
}

int linesTouching(const model::EssaimSnapshot& essaim, int rucheIndex) {
    return int(std::count_if(essaim.lines.begin(), essaim.lines.end(), [rucheIndex](const model::LineSnapshot& line) {
        return line.fromRuche == rucheIndex || line.toRuche == rucheIndex;
    }));
}

QList<ShownFlow> flowsOf(const model::EssaimSnapshot& essaim, int rucheIndex) {
    const model::RucheSnapshot& ruche = essaim.ruches[std::size_t(rucheIndex)];
    const model::RucheFlows& f = ruche.flows;
    const model::StoreLevels& s = ruche.stores;
    QList<ShownFlow> flows;
    auto add = [&flows](RucheNode node, const QString& name, double powerKw, const QString& detail, double gauge) {
        flows.append(ShownFlow{node, name, powerKw, formatPowerKw(std::abs(powerKw)), detail, gauge, false});
    };

    const double curtailedKw = f.pvAvailableKw - f.pvUsedKw;
    add(RucheNode::Pv, RucheView::tr("PV"), f.pvUsedKw,
        curtailedKw > kIdleKw ? RucheView::tr("curtailed %1").arg(formatPowerKw(curtailedKw)) : QString(), -1);
    add(RucheNode::Loads, RucheView::tr("Loads"), -(f.loadKw - f.shedKw),
        f.shedKw > kIdleKw ? RucheView::tr("shed %1").arg(formatPowerKw(f.shedKw))
                           : RucheView::tr("%n alvéole(s)", nullptr, ruche.alveoleCount),
        -1);
    flows.back().warning = f.shedKw > kIdleKw;
    if (s.microCapacityKwh > 0)
        add(RucheNode::MicroStores, RucheView::tr("MicroStores"), f.microDischargeKw - f.microChargeKw,
            storeDetail(s.microSocKwh, s.microCapacityKwh), s.microSocKwh / s.microCapacityKwh);
    if (s.hiveCapacityKwh > 0)
        add(RucheNode::HiveStore, RucheView::tr("HiveStore"), f.hiveDischargeKw - f.hiveChargeKw,
            storeDetail(s.hiveSocKwh, s.hiveCapacityKwh), s.hiveSocKwh / s.hiveCapacityKwh);
    if (ruche.hasGate) {
        add(RucheNode::Grid, RucheView::tr("National grid"), f.importKw - f.exportKw,
            RucheView::tr("buy %1 · sell %2").arg(formatPricePerKwh(essaim.importPrice), formatPricePerKwh(essaim.exportPrice)),
            -1);
        if (!essaim.gridConnected) {
            flows.back().islanded = true;
            flows.back().label = RucheView::tr("Disconnected");
            flows.back().detail = RucheView::tr("islanded");
        }
    }
    if (s.h2TankKwh > 0)
        add(RucheNode::SeasonStore, RucheView::tr("SeasonStore (H₂)"), f.fuelCellKw - f.electrolyzerKw,
            storeDetail(s.h2LevelKwh, s.h2TankKwh), s.h2LevelKwh / s.h2TankKwh);
    const int lineCount = linesTouching(essaim, rucheIndex);
    if (lineCount > 0 || f.linesInKw > 0 || f.linesOutKw > 0)
        add(RucheNode::OtherRuches, RucheView::tr("Other ruches"), f.linesInKw - f.linesOutKw,
            RucheView::tr("%n line(s)", nullptr, lineCount), -1);
    return flows;
}

QString simTimeText(const model::EssaimSnapshot& essaim) {
    const QDateTime time = QDateTime::fromSecsSinceEpoch(essaim.simTimeUtc, Qt::UTC);
    return formatSimTimeUtc(time);
}

}  // namespace

void RucheView::rebuild() {
    flows_.clear();
    status_.clear();
    header_ = tr("Ruche");
    const model::RucheSnapshot* ruche = nullptr;
    if (!snapshot_) {
        status_ = tr("No data yet: waiting for the first snapshot of the simulation.");
    } else if (rucheIndex_ < 0 || rucheIndex_ >= int(snapshot_->ruches.size())) {
        status_ = tr("Ruche %1 does not exist in this essaim (it has %n ruche(s)).", nullptr, int(snapshot_->ruches.size()))
                      .arg(rucheIndex_ + 1);
    } else {
        ruche = &snapshot_->ruches[std::size_t(rucheIndex_)];
        flows_ = flowsOf(*snapshot_, rucheIndex_);
        header_ = tr("Ruche %1 · %n alvéole(s) · %2", nullptr, ruche->alveoleCount)
                      .arg(QString::fromStdString(ruche->id), simTimeText(*snapshot_));
        if (!snapshot_->gridConnected) status_ = tr("Islanded: grid disconnected");
    }
    updateTiles(ruche);
    canvas_->setContent(flows_, header_, status_, tr("Ruche bus"));
}

}  // namespace swarmergy::widgets
