#include "LatencyChart.h"

#include "LatencyPointsItem.h"
#include "RunFormat.h"
#include "RunRecordModel.h"
#include "simulation/report/RunRecord.h"
#include "simulation/report/RunSummary.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <iterator>

namespace studio {

namespace {

QString pointTooltip(const RunRecord &record, double latency)
{
    return QStringLiteral("<b>#%1 %2</b><br>status %3, %4<br>%5")
        .arg(record.index + 1)
        .arg(record.label.toHtmlEscaped(), RunRecordModel::statusText(record).toHtmlEscaped(),
             runformat::duration(latency), outcomeName(outcomeOf(record)));
}

// A round marker with a thin ring of the chart's background, so overlapping points stay
// apart. Drawn at twice the marker size for high-density screens.
QImage markerImage(const QColor &colour, const QColor &background)
{
    constexpr int kSide = 16;
    QImage image(kSide, kSide, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(background, 1.5));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(1, 1, kSide - 2, kSide - 2));
    return image;
}

// About five to ten labelled ticks over `span` seconds, at a round step.
double timeStep(double span)
{
    static const double steps[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                   600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    for (const double step : steps) {
        if (span / step <= 8)
            return step;
    }
    return steps[std::size(steps) - 1];
}

} // namespace

LatencyChart::LatencyChart(QWidget *parent)
    : QChartView(parent)
    , m_timeAxis(new QValueAxis)
    , m_latencyAxis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 8, 4));
    // Height is what a small screen lacks: the legend goes to the side and the units into
    // the labels, so the plot keeps most of its few pixels.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f s"));
    // Ticks at round times from 0, whatever the conversation's length.
    m_timeAxis->setTickType(QValueAxis::TicksDynamic);
    m_timeAxis->setTickAnchor(0);
    m_latencyAxis->setLabelFormat(QStringLiteral("%.0f ms"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_latencyAxis, Qt::AlignLeft);
    for (const int rank : {50, 95, 99}) {
        auto *line = new QLineSeries;
        line->setName(QStringLiteral("p%1").arg(rank));
        chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_latencyAxis);
        m_percentiles.append({rank, line});
    }
    setChart(chart);
    m_points = new LatencyPointsItem(chart, m_timeAxis, m_latencyAxis);
    connect(chart, &QChart::plotAreaChanged, this, [this] { m_points->relayout(); });
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(120);
    applyPalette();
    clear();
}

void LatencyChart::clear()
{
    m_points->clear();
    for (QList<PointInfo> &info : m_info)
        info.clear();
    m_sortedLatencies.clear();
    m_lastTime = 0;
    updateRanges();
}

void LatencyChart::appendRecords(const QList<RunRecord> &records, int firstIndex)
{
    QList<QPointF> added[kOutcomeCount];
    for (int i = 0; i < records.size(); ++i) {
        const RunRecord &record = records.at(i);
        const std::optional<double> latency = record.latencyMs();
        if (!latency)
            continue;
        const int outcome = int(outcomeOf(record));
        added[outcome].append(QPointF(record.windowEnd, *latency));
        m_info[outcome].append({firstIndex + i, pointTooltip(record, *latency)});
        m_sortedLatencies.insert(
            std::upper_bound(m_sortedLatencies.begin(), m_sortedLatencies.end(), *latency),
            *latency);
        m_lastTime = std::max(m_lastTime, record.windowEnd);
    }
    for (int i = 0; i < kOutcomeCount; ++i) {
        if (!added[i].isEmpty())
            m_points->append(i, added[i]);
    }
    updateRanges();
}

void LatencyChart::setConversationLength(double seconds)
{
    m_length = std::max(0.0, seconds);
    updateRanges();
}

int LatencyChart::pointCount() const
{
    int count = 0;
    for (int i = 0; i < 4; ++i)
        count += int(m_points->values(i).size());
    return count;
}

const QList<QPointF> &LatencyChart::points(RecordOutcome outcome) const
{
    return m_points->values(int(outcome));
}

QLineSeries *LatencyChart::percentileSeries(int percentile) const
{
    for (const Percentile &line : m_percentiles) {
        if (line.rank == percentile)
            return line.series;
    }
    return nullptr;
}

std::optional<double> LatencyChart::percentileMs(int percentile) const
{
    if (m_sortedLatencies.isEmpty())
        return std::nullopt;
    return RunSummary::percentile(m_sortedLatencies, percentile);
}

int LatencyChart::recordIndexAt(RecordOutcome outcome, int pointIndex) const
{
    return m_info[int(outcome)].at(pointIndex).recordIndex;
}

void LatencyChart::updateRanges()
{
    const double right = std::max({m_length, m_lastTime, 1.0});
    // Axis and step change in the order that never asks for thousands of ticks in between:
    // each tick is a graphics item.
    const double step = timeStep(right);
    if (step >= m_timeAxis->tickInterval()) {
        m_timeAxis->setTickInterval(step);
        m_timeAxis->setRange(0, right * 1.02);
    } else {
        m_timeAxis->setRange(0, right * 1.02);
        m_timeAxis->setTickInterval(step);
    }
    const double top = m_sortedLatencies.isEmpty() ? 100.0 : m_sortedLatencies.last();
    m_latencyAxis->setRange(0, std::max(10.0, top * 1.15));
    m_latencyAxis->applyNiceNumbers();
    updatePercentiles();
    m_points->relayout();
}

void LatencyChart::updatePercentiles()
{
    // The lines span the whole time axis.
    const double right = std::max({m_length, m_lastTime, 1.0});
    for (const Percentile &line : m_percentiles) {
        const std::optional<double> value = percentileMs(line.rank);
        if (!value) {
            line.series->clear();
            line.series->setName(QStringLiteral("p%1").arg(line.rank));
            continue;
        }
        line.series->replace(QList<QPointF>{{0, *value}, {right, *value}});
        line.series->setName(
            QStringLiteral("p%1 %2").arg(line.rank).arg(runformat::duration(*value)));
    }
}

QPoint LatencyChart::viewPositionOf(RecordOutcome outcome, int pointIndex) const
{
    const QPointF inChart = m_points->positionOf(points(outcome).at(pointIndex));
    return mapFromScene(chart()->mapToScene(inChart));
}

QPair<int, int> LatencyChart::pointNear(const QPoint &viewPosition) const
{
    constexpr double kReach = 6.0; // pixels
    const QPointF target = chart()->mapFromScene(mapToScene(viewPosition));
    QPair<int, int> best{-1, -1};
    double bestDistance = kReach * kReach;
    for (int outcome = 0; outcome < 4; ++outcome) {
        const QList<QPointF> &values = m_points->values(outcome);
        for (int i = 0; i < values.size(); ++i) {
            const QPointF delta = m_points->positionOf(values[i]) - target;
            const double distance = delta.x() * delta.x() + delta.y() * delta.y();
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = {outcome, i};
            }
        }
    }
    return best;
}

int LatencyChart::recordIndexNear(const QPoint &viewPosition) const
{
    const auto [outcome, point] = pointNear(viewPosition);
    return outcome < 0 ? -1 : m_info[outcome].at(point).recordIndex;
}

void LatencyChart::mouseMoveEvent(QMouseEvent *event)
{
    const auto [outcome, point] = pointNear(event->position().toPoint());
    if (outcome >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), m_info[outcome].at(point).tooltip,
                           this);
    else
        QToolTip::hideText();
    QChartView::mouseMoveEvent(event);
}

void LatencyChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int index = recordIndexNear(event->position().toPoint());
        if (index >= 0)
            emit recordClicked(index);
    }
    QChartView::mousePressEvent(event);
}

void LatencyChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void LatencyChart::applyPalette()
{
    const QPalette &colours = palette();
    const bool dark = isDarkPalette(colours);
    QChart *chart = this->chart();
    chart->setBackgroundBrush(colours.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    for (QValueAxis *axis : {m_timeAxis, m_latencyAxis}) {
        axis->setLabelsColor(colours.color(QPalette::Text));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    for (const RecordOutcome outcome : allOutcomes())
        m_points->setMarker(
            int(outcome), markerImage(outcomeColour(outcome, dark), colours.color(QPalette::Base)));
    const QColor lineColours[] = {dark ? QColor(0x7e, 0xd3, 0x8f) : QColor(0x2e, 0x8b, 0x47),
                                  dark ? QColor(0xd9, 0x9b, 0xf0) : QColor(0x8e, 0x44, 0xad),
                                  dark ? QColor(0xff, 0x9e, 0x80) : QColor(0xc0, 0x39, 0x2b)};
    for (int i = 0; i < m_percentiles.size(); ++i)
        m_percentiles[i].series->setPen(
            QPen(lineColours[i], 1.5, i == 0 ? Qt::SolidLine : Qt::DashLine));
    setBackgroundBrush(colours.color(QPalette::Base));
}

} // namespace studio
