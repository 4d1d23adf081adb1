#pragma once
// History of one ruche or one alvéole over time (Grafana-like): load, PV, net exchange,
// SoC and import price, read through app::TelemetrySeries on a worker thread
// (QtConcurrent) so a slow query never freezes the console. Answers to an older request
// are dropped. Zoom: rubber band or wheel (time axis); pan: arrow keys or middle-button drag;
// a legend click hides or shows a series.

#include "app/services/TelemetrySeries.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QWidget>
#include <QFuture>

class QChart;
class QComboBox;
class QDateTimeAxis;
class QDateTimeEdit;
class QLabel;
class QLineSeries;
class QPushButton;
class QTimer;
class QValueAxis;

namespace swarmergy::widgets {

class ZoomableChartView;

enum class ChartSeries { Load, Pv, NetExchange, Soc, Price };
enum class TimeRange { Last24Hours, Last7Days, Last30Days, Custom };

class TimeSeriesChartView : public QWidget {
    Q_OBJECT
public:
    // `series` must outlive the view; it is called from worker threads (its contract says it may).
    explicit TimeSeriesChartView(const app::TelemetrySeries* series, QWidget* parent = nullptr);
    ~TimeSeriesChartView() override;

    void setSource(app::SeriesScope scope, const QString& id);
    void setTimeRange(TimeRange range);
    void setCustomRange(const QDateTime& fromUtc, const QDateTime& toUtc);
    TimeRange timeRange() const { return range_; }

    // The request whose answer is on screen, and how many requests were started.
    app::SeriesRequest shownRequest() const { return shownRequest_; }
    int requestsStarted() const { return generation_; }
    QLineSeries* series(ChartSeries which) const;
    QChart* chart() const;
    QString statusText() const;
    bool isSeriesVisible(ChartSeries which) const;
    void toggleSeries(ChartSeries which);   // what a legend click does

    // Step up to 2 days, hourly up to 10 days, daily beyond: a few hundred points at most.
    static app::SeriesResolution resolutionForSpan(std::int64_t spanSeconds);

public Q_SLOTS:
    void refresh();     // new data was stored: re-query, at most once every 2 s
    void resetZoom();

Q_SIGNALS:
    void dataShown(int pointCount);   // a fresh answer has been drawn
    void queryFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Answer;
    void startQuery();
    void showAnswer(const Answer& answer);
    void retranslate();
    void updateCustomEditorsVisibility();
    void fitAxes();

    const app::TelemetrySeries* telemetry_;
    app::SeriesScope scope_ = app::SeriesScope::Ruche;
    QString id_;
    TimeRange range_ = TimeRange::Last24Hours;
    QDateTime customFrom_;
    QDateTime customTo_;
    int generation_ = 0;
    app::SeriesRequest shownRequest_;
    QList<QFuture<void>> inFlight_;
    QElapsedTimer sinceQuery_;
    QTimer* throttle_ = nullptr;

    ZoomableChartView* chartView_ = nullptr;
    QList<QLineSeries*> series_;   // indexed by ChartSeries
    QDateTimeAxis* timeAxis_ = nullptr;
    QValueAxis* powerAxis_ = nullptr;
    QValueAxis* energyAxis_ = nullptr;
    QValueAxis* priceAxis_ = nullptr;
    QComboBox* rangeCombo_ = nullptr;
    QDateTimeEdit* fromEdit_ = nullptr;
    QDateTimeEdit* toEdit_ = nullptr;
    QPushButton* resetZoomButton_ = nullptr;
    QPushButton* refreshButton_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* title_ = nullptr;
    int statusCode_ = 0;   // which status message (re-rendered on language change)
    QString errorMessage_;
    int shownPoints_ = 0;
};

}  // namespace swarmergy::widgets
