#include "LatencyChart.h"

#include "RunFormat.h"
#include "RunRecordModel.h"
#include "simulation/report/RunRecord.h"
#include "simulation/report/RunSummary.h"

#include <QCursor>
#include <QEvent>
#include <QToolTip>
#include <QtCharts/QChart>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace studio {

namespace {

QString pointTooltip(const RunRecord &record, double latency)
{
    return QStringLiteral("<b>#%1 %2</b><br>status %3, %4<br>%5")
        .arg(record.index + 1)
        .arg(record.label.toHtmlEscaped(), RunRecordModel::statusText(record).toHtmlEscaped(),
             runformat::duration(latency), outcomeName(outcomeOf(record)));
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
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setTitleText(tr("conversation time (s)"));
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_latencyAxis->setTitleText(tr("latency (ms)"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_latencyAxis, Qt::AlignLeft);

    for (const RecordOutcome outcome : allOutcomes()) {
        auto *series = new QScatterSeries;
        series->setName(outcomeName(outcome));
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(8);
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_latencyAxis);
        connect(series, &QScatterSeries::hovered, this,
                [this, outcome](const QPointF &point, bool entered) {
                    showTooltip(outcome, point, entered);
                });
        connect(series, &QScatterSeries::clicked, this, [this, outcome](const QPointF &point) {
            const int pointIndex = pointIndexOf(outcome, point);
            if (pointIndex >= 0)
                emit recordClicked(m_points[int(outcome)].at(pointIndex).recordIndex);
        });
        m_scatter[int(outcome)] = series;
    }
    for (const int rank : {50, 95, 99}) {
        auto *line = new QLineSeries;
        line->setName(QStringLiteral("p%1").arg(rank));
        chart->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_latencyAxis);
        m_percentiles.append({rank, line});
    }
    // The timeline above already explains the colours: the legend names the lines only.
    for (QScatterSeries *series : m_scatter) {
        for (QLegendMarker *marker : chart->legend()->markers(series))
            marker->setVisible(false);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(120);
    applyPalette();
    clear();
}

void LatencyChart::clear()
{
    for (int i = 0; i < 4; ++i) {
        m_scatter[i]->clear();
        m_points[i].clear();
    }
    m_sortedLatencies.clear();
    m_lastTime = 0;
    updateRanges();
}

void LatencyChart::appendRecords(const QList<RunRecord> &records, int firstIndex)
{
    QList<QPointF> added[4];
    for (int i = 0; i < records.size(); ++i) {
        const RunRecord &record = records.at(i);
        const std::optional<double> latency = record.latencyMs();
        if (!latency)
            continue;
        const int outcome = int(outcomeOf(record));
        added[outcome].append(QPointF(record.windowEnd, *latency));
        m_points[outcome].append({firstIndex + i, pointTooltip(record, *latency)});
        m_sortedLatencies.insert(
            std::upper_bound(m_sortedLatencies.begin(), m_sortedLatencies.end(), *latency),
            *latency);
        m_lastTime = std::max(m_lastTime, record.windowEnd);
    }
    for (int i = 0; i < 4; ++i) {
        if (!added[i].isEmpty())
            m_scatter[i]->append(added[i]);
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
    for (const QScatterSeries *series : m_scatter)
        count += series->count();
    return count;
}

QScatterSeries *LatencyChart::scatterSeries(RecordOutcome outcome) const
{
    return m_scatter[int(outcome)];
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
    return m_points[int(outcome)].at(pointIndex).recordIndex;
}

void LatencyChart::updatePercentiles()
{
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

void LatencyChart::updateRanges()
{
    const double right = std::max({m_length, m_lastTime, 1.0});
    m_timeAxis->setRange(0, right * 1.02);
    const double top = m_sortedLatencies.isEmpty() ? 100.0 : m_sortedLatencies.last();
    m_latencyAxis->setRange(0, std::max(10.0, top * 1.15));
    m_latencyAxis->applyNiceNumbers();
    // The lines span the whole time axis, which may have grown.
    updatePercentiles();
}

int LatencyChart::pointIndexOf(RecordOutcome outcome, const QPointF &point) const
{
    const QScatterSeries *series = m_scatter[int(outcome)];
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < series->count(); ++i) {
        const QPointF candidate = series->at(i);
        const double distance =
            std::abs(candidate.x() - point.x()) * 1e-3 + std::abs(candidate.y() - point.y());
        if (best < 0 || distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void LatencyChart::showTooltip(RecordOutcome outcome, const QPointF &point, bool entered)
{
    if (!entered) {
        QToolTip::hideText();
        return;
    }
    const int pointIndex = pointIndexOf(outcome, point);
    if (pointIndex >= 0)
        QToolTip::showText(QCursor::pos(), m_points[int(outcome)].at(pointIndex).tooltip, this);
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
        axis->setTitleBrush(colours.color(QPalette::PlaceholderText));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
        QFont title = axis->titleFont();
        title.setPointSizeF(font().pointSizeF() * 0.9);
        title.setBold(false);
        axis->setTitleFont(title);
    }
    for (const RecordOutcome outcome : allOutcomes()) {
        QScatterSeries *series = m_scatter[int(outcome)];
        const QColor colour = outcomeColour(outcome, dark);
        series->setColor(colour);
        series->setBorderColor(colour.darker(dark ? 100 : 120));
    }
    const QColor lineColours[] = {dark ? QColor(0x7e, 0xd3, 0x8f) : QColor(0x2e, 0x8b, 0x47),
                                  dark ? QColor(0xd9, 0x9b, 0xf0) : QColor(0x8e, 0x44, 0xad),
                                  dark ? QColor(0xff, 0x9e, 0x80) : QColor(0xc0, 0x39, 0x2b)};
    for (int i = 0; i < m_percentiles.size(); ++i) {
        QPen pen(lineColours[i], 1.5, i == 0 ? Qt::SolidLine : Qt::DashLine);
        m_percentiles[i].series->setPen(pen);
    }
    setBackgroundBrush(colours.color(QPalette::Base));
}

} // namespace studio
