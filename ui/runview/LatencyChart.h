#pragma once

#include "RecordOutcome.h"

#include <QList>
#include <QtCharts/QChartView>

#include <optional>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace studio {

struct RunRecord;

// Latency of every answered request against the conversation time it was sent at (the end
// of its window): one scatter series per outcome, coloured as on the timeline, and the
// p50/p95/p99 of all latencies so far as horizontal lines (nearest rank, as RunSummary
// computes them). Requests that got no answer have no latency and no point. Records come in
// batches; each batch updates the series once.
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
    QScatterSeries *scatterSeries(RecordOutcome outcome) const;
    // The line for percentile 50, 95 or 99; nullptr for any other.
    QLineSeries *percentileSeries(int percentile) const;
    std::optional<double> percentileMs(int percentile) const;
    // The run-view index of the record drawn at point `pointIndex` of `outcome`'s series.
    int recordIndexAt(RecordOutcome outcome, int pointIndex) const;

signals:
    void recordClicked(int index);

protected:
    void changeEvent(QEvent *event) override;

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
    void updatePercentiles();
    void updateRanges();
    void showTooltip(RecordOutcome outcome, const QPointF &point, bool entered);
    int pointIndexOf(RecordOutcome outcome, const QPointF &point) const;

    QScatterSeries *m_scatter[4] = {};
    QList<PointInfo> m_points[4]; // per outcome, in the order of the series' points
    QList<Percentile> m_percentiles;
    QValueAxis *m_timeAxis;
    QValueAxis *m_latencyAxis;
    QList<double> m_sortedLatencies;
    double m_length = 0;
    double m_lastTime = 0;
};

} // namespace studio
