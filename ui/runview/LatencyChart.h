#pragma once

#include "RecordOutcome.h"

#include <QList>
#include <QPair>
#include <QtCharts/QChartView>

#include <optional>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace studio {

class LatencyPointsItem;
struct RunRecord;

// Latency of every answered request against the conversation time it was sent at (the end
// of its window): a point per request coloured by outcome as on the timeline, and the
// p50/p95/p99 of all latencies so far as horizontal lines (nearest rank, as RunSummary
// computes them). Requests that got no answer have no latency and no point. Records come in
// batches; each batch updates the chart once.
//
// The points are painted by one item (LatencyPointsItem) rather than a QScatterSeries,
// which makes a graphics item per point: a thousand points stalled the window for 0.2 to
// 1.2 s. Hovering and clicking a point are hit-tested here.
class LatencyChart : public QChartView
{
    Q_OBJECT

public:
    explicit LatencyChart(QWidget *parent = nullptr);

    void clear();
    // `firstIndex` is the run-view index of records.first(); points remember it.
    void appendRecords(const QList<RunRecord> &records, int firstIndex);
    void setConversationLength(double seconds);

    int pointCount() const;
    // (conversation seconds, latency ms) of the points of one outcome, in the order added.
    const QList<QPointF> &points(RecordOutcome outcome) const;
    // The line for percentile 50, 95 or 99; nullptr for any other.
    QLineSeries *percentileSeries(int percentile) const;
    std::optional<double> percentileMs(int percentile) const;
    // The run-view index of the record drawn as point `pointIndex` of `outcome`.
    int recordIndexAt(RecordOutcome outcome, int pointIndex) const;
    // The record drawn nearest to `viewPosition` (within a few pixels), or -1.
    int recordIndexNear(const QPoint &viewPosition) const;
    // Where point `pointIndex` of `outcome` is drawn, in viewport coordinates.
    QPoint viewPositionOf(RecordOutcome outcome, int pointIndex) const;

signals:
    void recordClicked(int index);

protected:
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Percentile
    {
        int rank;
        QLineSeries *series;
    };
    struct PointInfo
    {
        int recordIndex;
        QString tooltip;
    };

    void applyPalette();
    void updateRanges();
    void updatePercentiles();
    // The outcome and point index nearest to `viewPosition`; {-1, -1} when none is close.
    QPair<int, int> pointNear(const QPoint &viewPosition) const;

    QValueAxis *m_timeAxis;
    QValueAxis *m_latencyAxis;
    LatencyPointsItem *m_points = nullptr;
    QList<PointInfo> m_info[kOutcomeCount]; // per outcome, in the order of the points
    QList<Percentile> m_percentiles;
    QList<double> m_sortedLatencies;
    double m_length = 0;
    double m_lastTime = 0;
};

} // namespace studio
