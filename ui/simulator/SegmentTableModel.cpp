#include "SegmentTableModel.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cmath>

namespace studio {

SegmentTableModel::SegmentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Speaker:
        return tr("Speaker");
    case Text:
        return tr("Text");
    default:
        return {};
    }
}

QString SegmentTableModel::clock(double seconds)
{
    const auto total = qint64(std::floor(std::max(0.0, seconds)));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 rest = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_segments.size())
        return {};
    const int row = index.row();
    const TranscriptSegment &segment = m_segments.at(row);
    const bool highlighted = row >= m_first && row < m_first + m_count;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return clock(segment.start);
        case Speaker:
            return segment.isUser ? tr("%1 (user)").arg(segment.speaker) : segment.speaker;
        case Text:
            return segment.text;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1 to %2 s").arg(segment.start, 0, 'f', 1).arg(segment.end, 0, 'f', 1);
    case Qt::BackgroundRole:
        // Translucent, so it reads on the light and the dark palette alike.
        return highlighted ? QBrush(QColor(0x3d, 0x8b, 0xfd, 90)) : QVariant();
    case Qt::ForegroundRole:
        if (!highlighted && m_reached >= 0 && row >= m_reached)
            return QBrush(QColor(0x8a, 0x8a, 0x8a));
        return {};
    case kHighlightedRole:
        return highlighted;
    default:
        return {};
    }
}

void SegmentTableModel::setSegments(const QList<TranscriptSegment> &segments)
{
    beginResetModel();
    m_segments = segments;
    m_first = -1;
    m_count = 0;
    m_reached = -1;
    endResetModel();
}

void SegmentTableModel::setHighlight(int first, int count)
{
    const int oldFirst = m_first;
    const int oldLast = m_first + m_count - 1;
    const int oldReached = m_reached;
    m_first = first;
    m_count = count;
    m_reached = std::max(m_reached, first + count);
    refreshRows(std::min({oldFirst < 0 ? first : oldFirst, first, std::max(oldReached, 0)}),
                std::max({oldLast, first + count - 1, m_reached}));
}

void SegmentTableModel::beginRun()
{
    m_first = -1;
    m_count = 0;
    m_reached = 0;
    refreshRows(0, int(m_segments.size()) - 1);
}

void SegmentTableModel::resetProgress()
{
    m_first = -1;
    m_count = 0;
    m_reached = -1;
    refreshRows(0, int(m_segments.size()) - 1);
}

void SegmentTableModel::refreshRows(int first, int last)
{
    first = std::max(first, 0);
    last = std::min(last, int(m_segments.size()) - 1);
    if (first <= last)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

} // namespace studio
