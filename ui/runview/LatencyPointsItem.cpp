#include "LatencyPointsItem.h"

#include <QPainter>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>

namespace studio {

LatencyPointsItem::LatencyPointsItem(QChart *chart, QValueAxis *xAxis, QValueAxis *yAxis)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_xAxis(xAxis)
    , m_yAxis(yAxis)
{
    setZValue(10); // above the series and the grid
    setFlag(ItemClipsToShape, false);
    relayout();
}

void LatencyPointsItem::clear()
{
    for (QList<QPointF> &values : m_values)
        values.clear();
    update();
}

void LatencyPointsItem::append(int group, const QList<QPointF> &values)
{
    m_values[group].append(values);
    update();
}

void LatencyPointsItem::setMarker(int group, const QImage &marker)
{
    m_markers[group] = marker;
    update();
}

QPointF LatencyPointsItem::positionOf(const QPointF &value) const
{
    const double xSpan = m_xAxis->max() - m_xAxis->min();
    const double ySpan = m_yAxis->max() - m_yAxis->min();
    const double x = xSpan > 0 ? (value.x() - m_xAxis->min()) / xSpan : 0;
    const double y = ySpan > 0 ? (value.y() - m_yAxis->min()) / ySpan : 0;
    return {m_plotArea.left() + x * m_plotArea.width(),
            m_plotArea.bottom() - y * m_plotArea.height()};
}

void LatencyPointsItem::relayout()
{
    prepareGeometryChange();
    m_plotArea = m_chart->plotArea();
    update();
}

QRectF LatencyPointsItem::boundingRect() const
{
    // Markers on the edge of the plot area stick out by half their size.
    const qreal half = m_markerSize / 2 + 1;
    return m_plotArea.adjusted(-half, -half, half, half);
}

void LatencyPointsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const qreal half = m_markerSize / 2;
    for (int group = 0; group < kGroups; ++group) {
        const QImage &marker = m_markers[group];
        if (marker.isNull())
            continue;
        for (const QPointF &value : m_values[group]) {
            const QPointF at = positionOf(value);
            painter->drawImage(QRectF(at.x() - half, at.y() - half, m_markerSize, m_markerSize),
                               marker);
        }
    }
}

} // namespace studio
