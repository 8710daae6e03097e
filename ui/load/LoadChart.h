#pragma once

#include <QList>
#include <QPointF>
#include <QtCharts/QChartView>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace studio {

// One live figure of a load run against the run's seconds: a line per named quantity
// (sent and completed, p50/p95/p99, an error kind...), a point added to each every second.
// A line is made the first time its name comes (an error kind seen for the first time). On a
// chart of counts a second without a value is a zero (before the line came too), so lines
// stay comparable; on a chart of measures (latencies) it has no point. Themed as the run
// view's latency chart: the window's palette, light or dark.
class LoadChart : public QChartView
{
    Q_OBJECT

public:
    enum class Kind
    {
        Counts,
        Measures
    };

    // `unit`: how the values axis labels read, e.g. "%.0f ms".
    LoadChart(const QString &title, const QString &unit, Kind kind, QWidget *parent = nullptr);

    void clear();
    // The value of line `name` at run second `atSeconds`.
    void addPoint(const QString &name, double atSeconds, double value);
    // Ends a second: on a chart of counts, lines that got no value in it get a zero.
    void endSecond(double atSeconds);

    QStringList lineNames() const;
    QList<QPointF> points(const QString &name) const;
    // How many seconds the chart shows.
    int secondCount() const { return m_seconds; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineSeries *line(const QString &name);
    void applyPalette();
    void updateRanges();

    Kind m_kind;
    QValueAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QList<QLineSeries *> m_lines;
    QList<double> m_secondTimes; // every second ended, for lines made late
    double m_lastTime = 0;
    double m_maxValue = 0;
    int m_seconds = 0;
};

} // namespace studio
