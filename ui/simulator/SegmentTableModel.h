#pragma once

#include "transcript/TranscriptSegment.h"

#include <QAbstractTableModel>
#include <QList>

namespace studio {

// The segments of a transcript as a table (time, speaker, text). The segments of the
// window going out are highlighted; segments the run has not reached yet are greyed.
class SegmentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Speaker,
        Text,
        ColumnCount
    };
    static constexpr int kHighlightedRole = Qt::UserRole + 1;

    explicit SegmentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSegments(const QList<TranscriptSegment> &segments);
    const QList<TranscriptSegment> &segments() const { return m_segments; }
    // Rows [first, first + count) are the window going out; everything before was reached.
    void setHighlight(int first, int count);
    // A run starts: nothing reached yet, everything greyed.
    void beginRun();
    // No highlight, nothing greyed: the transcript as loaded.
    void resetProgress();
    int highlightFirst() const { return m_first; }
    int highlightCount() const { return m_count; }

    // "1:05", "1:02:07"
    static QString clock(double seconds);

private:
    void refreshRows(int first, int last);

    QList<TranscriptSegment> m_segments;
    int m_first = -1;
    int m_count = 0;
    int m_reached = -1; // rows before it were sent or passed; -1: no run yet
};

} // namespace studio
