#include "widgets/charts/TimeSeriesChartView.h"

#include "widgets/components/Format.h"
#include "widgets/components/Palette.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace swarmergy::widgets {

namespace {

constexpr int kRefreshIntervalMs = 2000;
constexpr std::int64_t kDaySeconds = 24 * 3600;

enum Status { Idle, Loading, Shown, Empty, Failed };

std::int64_t spanOf(TimeRange range) {
    switch (range) {
    case TimeRange::Last24Hours: return kDaySeconds;
    case TimeRange::Last7Days: return 7 * kDaySeconds;
    case TimeRange::Last30Days: return 30 * kDaySeconds;
    case TimeRange::Custom: return 0;
    }
    return kDaySeconds;
}

// Pans and zooms the time axis only: the y axes keep the whole range, so a zoomed window
// still shows levels on the same scale as the full view.
}  // namespace

class ZoomableChartView : public QChartView {
public:
    ZoomableChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent) {
        setRubberBand(QChartView::HorizontalRubberBand);
        setRenderHint(QPainter::Antialiasing);
        setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void wheelEvent(QWheelEvent* event) override {
        const qreal factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
        const QRectF plot = chart()->plotArea();
        const qreal anchor = std::clamp((event->position().x() - plot.left()) / std::max<qreal>(1, plot.width()), 0.0, 1.0);
        // Zoom around the time under the cursor: keep it at the same place on screen.
        QRectF zoomed = plot;
        zoomed.setWidth(plot.width() * factor);
        zoomed.moveLeft(plot.left() + anchor * plot.width() * (1 - factor));
        chart()->zoomIn(zoomed);
        event->accept();
    }
    void keyPressEvent(QKeyEvent* event) override {
        const qreal step = chart()->plotArea().width() / 10;
        switch (event->key()) {
        case Qt::Key_Left: chart()->scroll(-step, 0); break;
        case Qt::Key_Right: chart()->scroll(step, 0); break;
        case Qt::Key_Plus: chart()->zoom(1.25); break;
        case Qt::Key_Minus: chart()->zoom(0.8); break;
        default: QChartView::keyPressEvent(event); return;
        }
        event->accept();
    }
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() == Qt::MiddleButton) {
            panFrom_ = event->position();
            panning_ = true;
            setCursor(Qt::ClosedHandCursor);
            event->accept();
            return;
        }
        QChartView::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent* event) override {
        if (panning_) {
            chart()->scroll(panFrom_.x() - event->position().x(), 0);
            panFrom_ = event->position();
            event->accept();
            return;
        }
        QChartView::mouseMoveEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent* event) override {
        if (panning_ && event->button() == Qt::MiddleButton) {
            panning_ = false;
            unsetCursor();
            event->accept();
            return;
        }
        QChartView::mouseReleaseEvent(event);
    }

private:
    QPointF panFrom_;
    bool panning_ = false;
};

struct TimeSeriesChartView::Answer {
    int generation = 0;
    app::SeriesRequest request;
    std::vector<app::SeriesPoint> points;
    QString error;
};

app::SeriesResolution TimeSeriesChartView::resolutionForSpan(std::int64_t spanSeconds) {
    if (spanSeconds <= 2 * kDaySeconds) return app::SeriesResolution::Step;
    if (spanSeconds <= 10 * kDaySeconds) return app::SeriesResolution::Hour;
    return app::SeriesResolution::Day;
}

TimeSeriesChartView::TimeSeriesChartView(const app::TelemetrySeries* series, QWidget* parent)
    : QWidget(parent), telemetry_(series) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(palette::surface());
    chart->setBackgroundRoundness(6);
    chart->setMargins(QMargins(8, 8, 8, 8));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(palette::baseFont(0));
    chartView_ = new ZoomableChartView(chart, this);

    const QColor colours[] = {palette::load(), palette::pv(), palette::exportFlow(), palette::battery(), palette::price()};
    for (const QColor& colour : colours) {
        auto* line = new QLineSeries(chart);
        line->setPen(QPen(colour, 2));
        chart->addSeries(line);
        series_.append(line);
    }
    series_[int(ChartSeries::Soc)]->setPen(QPen(palette::battery(), 2, Qt::DashLine));
    series_[int(ChartSeries::Price)]->setPen(QPen(palette::price(), 1.5, Qt::DotLine));

    timeAxis_ = new QDateTimeAxis(chart);
    powerAxis_ = new QValueAxis(chart);
    energyAxis_ = new QValueAxis(chart);
    priceAxis_ = new QValueAxis(chart);
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(powerAxis_, Qt::AlignLeft);
    chart->addAxis(energyAxis_, Qt::AlignRight);
    chart->addAxis(priceAxis_, Qt::AlignRight);
    for (QValueAxis* axis : {powerAxis_, energyAxis_, priceAxis_}) {
        axis->setLabelsFont(palette::baseFont(-1));
        axis->setTitleFont(palette::baseFont(-1, true));
        axis->setGridLineColor(palette::border());
    }
    energyAxis_->setGridLineVisible(false);
    priceAxis_->setGridLineVisible(false);
    powerAxis_->setLabelFormat(QStringLiteral("%.1f"));
    energyAxis_->setLabelFormat(QStringLiteral("%.0f"));
    priceAxis_->setLabelFormat(QStringLiteral("%.2f"));
    timeAxis_->setLabelsFont(palette::baseFont(-1));
    timeAxis_->setTitleFont(palette::baseFont(-1, true));
    timeAxis_->setGridLineColor(palette::border());
    for (ChartSeries which : {ChartSeries::Load, ChartSeries::Pv, ChartSeries::NetExchange}) {
        series_[int(which)]->attachAxis(timeAxis_);
        series_[int(which)]->attachAxis(powerAxis_);
    }
    series_[int(ChartSeries::Soc)]->attachAxis(timeAxis_);
    series_[int(ChartSeries::Soc)]->attachAxis(energyAxis_);
    series_[int(ChartSeries::Price)]->attachAxis(timeAxis_);
    series_[int(ChartSeries::Price)]->attachAxis(priceAxis_);

    // A legend click toggles its series, and the marker fades to say it is hidden.
    for (QLegendMarker* marker : chart->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            const int index = series_.indexOf(static_cast<QLineSeries*>(marker->series()));
            if (index >= 0) toggleSeries(ChartSeries(index));
        });
    }

    rangeCombo_ = new QComboBox(this);
    fromEdit_ = new QDateTimeEdit(this);
    toEdit_ = new QDateTimeEdit(this);
    for (QDateTimeEdit* edit : {fromEdit_, toEdit_}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    resetZoomButton_ = new QPushButton(this);
    refreshButton_ = new QPushButton(this);
    title_ = new QLabel(this);
    title_->setFont(palette::baseFont(1, true));
    status_ = new QLabel(this);
    status_->setStyleSheet(QStringLiteral("color: %1").arg(palette::mutedText().name()));

    auto* bar = new QHBoxLayout;
    bar->addWidget(title_);
    bar->addStretch(1);
    bar->addWidget(rangeCombo_);
    bar->addWidget(fromEdit_);
    bar->addWidget(toEdit_);
    bar->addWidget(resetZoomButton_);
    bar->addWidget(refreshButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(bar);
    layout->addWidget(chartView_, 1);
    layout->addWidget(status_);

    throttle_ = new QTimer(this);
    throttle_->setSingleShot(true);
    connect(throttle_, &QTimer::timeout, this, &TimeSeriesChartView::startQuery);
    connect(rangeCombo_, &QComboBox::currentIndexChanged, this, [this](int index) { setTimeRange(TimeRange(index)); });
    auto customEdited = [this] { setCustomRange(fromEdit_->dateTime(), toEdit_->dateTime()); };
    connect(fromEdit_, &QDateTimeEdit::editingFinished, this, customEdited);
    connect(toEdit_, &QDateTimeEdit::editingFinished, this, customEdited);
    connect(resetZoomButton_, &QPushButton::clicked, this, &TimeSeriesChartView::resetZoom);
    connect(refreshButton_, &QPushButton::clicked, this, &TimeSeriesChartView::startQuery);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    customFrom_ = now.addDays(-1);
    customTo_ = now;
    fromEdit_->setDateTime(customFrom_);
    toEdit_->setDateTime(customTo_);
    retranslate();
    updateCustomEditorsVisibility();
}

TimeSeriesChartView::~TimeSeriesChartView() {
    // Workers call telemetry_; let them finish before the owner may destroy it.
    for (QFuture<void>& future : inFlight_) future.waitForFinished();
}

QLineSeries* TimeSeriesChartView::series(ChartSeries which) const { return series_.value(int(which)); }
QChart* TimeSeriesChartView::chart() const { return chartView_->chart(); }
QString TimeSeriesChartView::statusText() const { return status_->text(); }
bool TimeSeriesChartView::isSeriesVisible(ChartSeries which) const { return series(which)->isVisible(); }

void TimeSeriesChartView::toggleSeries(ChartSeries which) {
    QLineSeries* line = series(which);
    line->setVisible(!line->isVisible());
    // Hiding a series also hides its legend marker; keep it, faded, so it can be clicked back.
    for (QLegendMarker* marker : chart()->legend()->markers(line)) {
        marker->setVisible(true);
        QColor label = palette::text();
        label.setAlphaF(line->isVisible() ? 1.0 : 0.35);
        marker->setLabelBrush(label);
        QColor swatch = line->pen().color();
        swatch.setAlphaF(line->isVisible() ? 1.0 : 0.25);
        marker->setBrush(swatch);
        marker->setPen(QPen(swatch));
    }
}

void TimeSeriesChartView::setSource(app::SeriesScope scope, const QString& id) {
    scope_ = scope;
    id_ = id;
    retranslate();
    startQuery();
}

void TimeSeriesChartView::setTimeRange(TimeRange range) {
    range_ = range;
    if (rangeCombo_->currentIndex() != int(range)) {
        const QSignalBlocker blocker(rangeCombo_);
        rangeCombo_->setCurrentIndex(int(range));
    }
    updateCustomEditorsVisibility();
    startQuery();
}

void TimeSeriesChartView::setCustomRange(const QDateTime& fromUtc, const QDateTime& toUtc) {
    customFrom_ = fromUtc;
    customTo_ = toUtc;
    {
        const QSignalBlocker a(fromEdit_), b(toEdit_);
        fromEdit_->setDateTime(fromUtc);
        toEdit_->setDateTime(toUtc);
    }
    if (range_ != TimeRange::Custom) {
        setTimeRange(TimeRange::Custom);
        return;
    }
    startQuery();
}

void TimeSeriesChartView::updateCustomEditorsVisibility() {
    const bool custom = range_ == TimeRange::Custom;
    fromEdit_->setVisible(custom);
    toEdit_->setVisible(custom);
}

void TimeSeriesChartView::refresh() {
    if (!sinceQuery_.isValid() || sinceQuery_.elapsed() >= kRefreshIntervalMs) {
        startQuery();
    } else if (!throttle_->isActive()) {
        throttle_->start(int(kRefreshIntervalMs - sinceQuery_.elapsed()));
    }
}

void TimeSeriesChartView::startQuery() {
    throttle_->stop();
    if (!telemetry_ || id_.isEmpty()) return;
    sinceQuery_.restart();
    const int generation = ++generation_;
    app::SeriesRequest request;
    request.scope = scope_;
    request.id = id_.toStdString();
    const TimeRange range = range_;
    if (range == TimeRange::Custom) {
        request.fromUtc = customFrom_.toSecsSinceEpoch();
        request.toUtc = customTo_.toSecsSinceEpoch();
    }
    const app::TelemetrySeries* telemetry = telemetry_;
    auto work = [telemetry, request, range, generation]() mutable {
        Answer answer;
        answer.generation = generation;
        try {
            if (range != TimeRange::Custom) {
                // "Last 24 h" means the last 24 h of simulated time that is stored.
                const auto stored = telemetry->storedRange();
                request.toUtc = stored.second + 1;
                request.fromUtc = request.toUtc - spanOf(range);
            }
            if (request.toUtc <= request.fromUtc) throw std::runtime_error("the end of the range is not after its start");
            request.resolution = resolutionForSpan(request.toUtc - request.fromUtc);
            answer.request = request;
            answer.points = telemetry->query(request);
        } catch (const std::exception& error) {
            answer.request = request;
            answer.error = QString::fromUtf8(error.what());
        }
        return answer;
    };
    auto* watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Answer answer = watcher->result();
        inFlight_.removeIf([&](const QFuture<void>& f) { return f.isFinished(); });
        if (answer.generation != generation_) return;   // a newer request is on its way: stale
        showAnswer(answer);
    });
    const QFuture<Answer> future = QtConcurrent::run(work);
    inFlight_.append(QFuture<void>(future));
    watcher->setFuture(future);
    if (statusCode_ != Shown) statusCode_ = Loading;
    retranslate();
}

void TimeSeriesChartView::showAnswer(const Answer& answer) {
    shownRequest_ = answer.request;
    if (!answer.error.isEmpty()) {
        errorMessage_ = answer.error;
        statusCode_ = Failed;
        retranslate();
        Q_EMIT queryFailed(answer.error);
        return;
    }
    QList<QPointF> load, pv, net, soc, price;
    for (QList<QPointF>* list : {&load, &pv, &net, &soc, &price}) list->reserve(qsizetype(answer.points.size()));
    for (const app::SeriesPoint& point : answer.points) {
        const qreal x = qreal(point.timeUtc) * 1000.0;
        load.append({x, point.loadKw});
        pv.append({x, point.pvKw});
        net.append({x, point.netExchangeKw});
        soc.append({x, point.socKwh});
        price.append({x, point.importPrice});
    }
    series_[int(ChartSeries::Load)]->replace(load);
    series_[int(ChartSeries::Pv)]->replace(pv);
    series_[int(ChartSeries::NetExchange)]->replace(net);
    series_[int(ChartSeries::Soc)]->replace(soc);
    series_[int(ChartSeries::Price)]->replace(price);
    shownPoints_ = int(answer.points.size());
    statusCode_ = answer.points.empty() ? Empty : Shown;
    fitAxes();
    retranslate();
    Q_EMIT dataShown(shownPoints_);
}

void TimeSeriesChartView::fitAxes() {
    chart()->zoomReset();
    timeAxis_->setRange(QDateTime::fromSecsSinceEpoch(shownRequest_.fromUtc, Qt::UTC),
                        QDateTime::fromSecsSinceEpoch(shownRequest_.toUtc, Qt::UTC));
    const std::int64_t span = shownRequest_.toUtc - shownRequest_.fromUtc;
    timeAxis_->setFormat(span <= 2 * kDaySeconds ? QStringLiteral("HH:mm") : QStringLiteral("dd MMM"));
    timeAxis_->setTickCount(span <= 2 * kDaySeconds ? 7 : 8);
    auto fit = [this](QValueAxis* axis, std::initializer_list<ChartSeries> which, bool includeZero) {
        qreal low = includeZero ? 0 : std::numeric_limits<qreal>::max(), high = includeZero ? 0 : -low;
        for (ChartSeries s : which) {
            for (const QPointF& point : series(s)->points()) {
                low = std::min(low, point.y());
                high = std::max(high, point.y());
            }
        }
        if (!(high > low)) { low = includeZero ? 0 : low - 1; high = low + 1; }
        const qreal pad = (high - low) * 0.05;
        axis->setRange(low - (low < 0 ? pad : 0), high + pad);
        axis->applyNiceNumbers();
    };
    fit(powerAxis_, {ChartSeries::Load, ChartSeries::Pv, ChartSeries::NetExchange}, true);
    fit(energyAxis_, {ChartSeries::Soc}, true);
    fit(priceAxis_, {ChartSeries::Price}, true);
}

void TimeSeriesChartView::resetZoom() {
    chart()->zoomReset();
    fitAxes();
}

void TimeSeriesChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TimeSeriesChartView::retranslate() {
    series_[int(ChartSeries::Load)]->setName(tr("Load (kW)"));
    series_[int(ChartSeries::Pv)]->setName(tr("PV (kW)"));
    series_[int(ChartSeries::NetExchange)]->setName(tr("Net exchange (kW, > 0 export)"));
    series_[int(ChartSeries::Soc)]->setName(tr("Battery SoC (kWh)"));
    series_[int(ChartSeries::Price)]->setName(tr("Import price (cu/kWh)"));
    timeAxis_->setTitleText(tr("Time (UTC)"));
    powerAxis_->setTitleText(tr("Power (kW)"));
    energyAxis_->setTitleText(tr("Stored energy (kWh)"));
    priceAxis_->setTitleText(tr("Price (cu/kWh)"));
    {
        const QSignalBlocker blocker(rangeCombo_);
        const int current = int(range_);
        rangeCombo_->clear();
        rangeCombo_->addItems({tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"), tr("Custom range")});
        rangeCombo_->setCurrentIndex(current);
    }
    rangeCombo_->setToolTip(tr("Time range shown; the resolution follows it (15-minute steps, hours or days)."));
    fromEdit_->setToolTip(tr("Start of the range (UTC)"));
    toEdit_->setToolTip(tr("End of the range (UTC)"));
    resetZoomButton_->setText(tr("Reset zoom"));
    resetZoomButton_->setToolTip(tr("Show the whole range again (wheel or drag to zoom, arrow keys to pan)."));
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(tr("Read the history again from the telemetry store."));
    title_->setText(id_.isEmpty() ? tr("History")
                                  : (scope_ == app::SeriesScope::Ruche ? tr("History of ruche %1") : tr("History of alvéole %1")).arg(id_));
    const QString resolution = shownRequest_.resolution == app::SeriesResolution::Step ? tr("15-minute steps")
                               : shownRequest_.resolution == app::SeriesResolution::Hour ? tr("hourly averages")
                                                                                          : tr("daily averages");
    switch (statusCode_) {
    case Idle: status_->setText(tr("Choose a ruche or an alvéole to see its history.")); break;
    case Loading: status_->setText(tr("Loading history…")); break;
    case Empty: status_->setText(tr("Nothing is stored for this range yet.")); break;
    case Failed: status_->setText(tr("Could not read the history: %1").arg(errorMessage_)); break;
    case Shown:
        status_->setText(tr("%n point(s) · %1 · wheel or drag to zoom, arrows to pan, click the legend to hide a series",
                            nullptr, shownPoints_).arg(resolution));
        break;
    }
}

}  // namespace swarmergy::widgets
