#include "LoadChart.h"

#include "runview/RecordOutcome.h"

#include <QEvent>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace studio {

namespace {

// Line colours that read on both themes, in the order lines come.
QColor lineColour(int index, bool dark)
{
    static const QColor light[] = {QColor(0x1f, 0x6f, 0xb4), QColor(0x2e, 0x8b, 0x47),
                                   QColor(0xc0, 0x39, 0x2b), QColor(0x8e, 0x44, 0xad),
                                   QColor(0xd3, 0x84, 0x00), QColor(0x16, 0x8a, 0x8a)};
    static const QColor night[] = {QColor(0x7c, 0xb7, 0xf0), QColor(0x7e, 0xd3, 0x8f),
                                   QColor(0xff, 0x9e, 0x80), QColor(0xd9, 0x9b, 0xf0),
                                   QColor(0xf5, 0xc1, 0x5c), QColor(0x6f, 0xd6, 0xd6)};
    const int count = int(std::size(light));
    return dark ? night[index % count] : light[index % count];
}

// A round step giving about five ticks up to `top`.
double niceTop(double top)
{
    if (top <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(top)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (top <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

LoadChart::LoadChart(const QString &title, const QString &unit, Kind kind, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
    , m_timeAxis(new QValueAxis)
    , m_valueAxis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 6, 2));
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setAnimationOptions(QChart::NoAnimation);
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f s"));
    m_valueAxis->setLabelFormat(unit);
    m_valueAxis->setTickCount(5);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    applyPalette();
    clear();
}

void LoadChart::clear()
{
    for (QLineSeries *series : std::as_const(m_lines))
        series->clear();
    m_secondTimes.clear();
    m_lastTime = 0;
    m_maxValue = 0;
    m_seconds = 0;
    updateRanges();
}

QLineSeries *LoadChart::line(const QString &name)
{
    for (QLineSeries *series : std::as_const(m_lines)) {
        if (series->name() == name)
            return series;
    }
    auto *series = new QLineSeries;
    series->setName(name);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    m_lines.append(series);
    applyPalette();
    return series;
}

void LoadChart::addPoint(const QString &name, double atSeconds, double value)
{
    QLineSeries *series = line(name);
    if (series->count() == 0 && m_kind == Kind::Counts) {
        // A line that starts late: zero over the seconds before it.
        for (const double time : std::as_const(m_secondTimes))
            series->append(time, 0);
    }
    series->append(atSeconds, value);
    m_maxValue = std::max(m_maxValue, value);
}

void LoadChart::endSecond(double atSeconds)
{
    if (m_kind == Kind::Counts) {
        for (QLineSeries *series : std::as_const(m_lines)) {
            if (series->count() == 0 || series->at(series->count() - 1).x() < atSeconds)
                series->append(atSeconds, 0);
        }
    }
    m_secondTimes.append(atSeconds);
    m_lastTime = std::max(m_lastTime, atSeconds);
    ++m_seconds;
    updateRanges();
}

QStringList LoadChart::lineNames() const
{
    QStringList names;
    for (const QLineSeries *series : m_lines)
        names << series->name();
    return names;
}

QList<QPointF> LoadChart::points(const QString &name) const
{
    for (const QLineSeries *series : m_lines) {
        if (series->name() == name)
            return series->points();
    }
    return {};
}

void LoadChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void LoadChart::applyPalette()
{
    const QPalette &colours = palette();
    const bool dark = isDarkPalette(colours);
    QChart *chart = this->chart();
    chart->setBackgroundBrush(colours.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(colours.color(QPalette::Text));
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    for (QValueAxis *axis : {m_timeAxis, m_valueAxis}) {
        axis->setLabelsColor(colours.color(QPalette::Text));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    // The first line wider, so a line on top of it (completed over sent) leaves it seen.
    for (int i = 0; i < m_lines.size(); ++i)
        m_lines[i]->setPen(QPen(lineColour(i, dark), i == 0 ? 4.0 : 1.8));
    setBackgroundBrush(colours.color(QPalette::Base));
}

void LoadChart::updateRanges()
{
    m_timeAxis->setRange(0, std::max(5.0, std::ceil(m_lastTime)));
    m_valueAxis->setRange(0, niceTop(m_maxValue * 1.1));
}

} // namespace studio
