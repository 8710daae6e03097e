#pragma once

#include "RecordOutcome.h"

#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPointF>

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace studio {

// The latency chart's points, in groups (one per outcome), each group drawn with its own
// marker image, all painted in one pass over the chart's plot area. Qt Charts' scatter
// series makes a graphics item per point and spends a second laying out a thousand of
// them; this item costs a loop of image blits.
class LatencyPointsItem : public QGraphicsItem
{
public:
    static constexpr int kGroups = kOutcomeCount;

    LatencyPointsItem(QChart *chart, QValueAxis *xAxis, QValueAxis *yAxis);

    void clear();
    void append(int group, const QList<QPointF> &values);
    const QList<QPointF> &values(int group) const { return m_values[group]; }
    void setMarker(int group, const QImage &marker);
    qreal markerSize() const { return m_markerSize; }

    // Where `value` is drawn, in the chart's coordinates.
    QPointF positionOf(const QPointF &value) const;
    // Call when the plot area or the axes' ranges changed.
    void relayout();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    QList<QPointF> m_values[kGroups];
    QImage m_markers[kGroups];
    QRectF m_plotArea;
    qreal m_markerSize = 8;
};

} // namespace studio
