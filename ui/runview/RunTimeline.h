#pragma once

#include "RecordOutcome.h"

#include <QList>
#include <QString>
#include <QWidget>

namespace studio {

struct RunRecord;

// The run on the conversation's time axis: each request is a mark spanning the stretch of
// conversation it carried (RunRecord::windowStart..windowEnd), coloured by what the app made
// of it, with a legend above and the time axis below. A vertical cursor shows where the
// replay stands. Click or Left/Right/Home/End select a request; hovering tells what it was.
//
// Marks are numbered in the order they were appended, which is the order of the run view's
// request list.
class RunTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit RunTimeline(QWidget *parent = nullptr);

    void clear();
    void appendRecords(const QList<RunRecord> &records);
    // The axis spans at least this much conversation (it grows to the last window's end).
    void setConversationLength(double seconds);
    // The "now" cursor; a negative value hides it.
    void setPosition(double seconds);
    double position() const { return m_position; }
    void setSelectedIndex(int index); // -1: none; does not emit recordSelected
    int selectedIndex() const { return m_selected; }

    int markCount() const { return int(m_marks.size()); }
    RecordOutcome markOutcome(int index) const { return m_marks.at(index).outcome; }
    QColor markColour(int index) const;
    // Where mark `index` is drawn, in widget coordinates.
    QRectF markRect(int index) const;
    // The mark under `point`, or the nearest one within a few pixels; -1 when none.
    int indexAt(const QPointF &point) const;
    double axisEnd() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user picked request `index` (click or keyboard).
    void recordSelected(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Mark
    {
        double start = 0;
        double end = 0;
        RecordOutcome outcome = RecordOutcome::Silent;
        QString tooltip;
    };

    QRectF trackRect() const;
    double xFor(double seconds) const;
    void paintLegend(QPainter &painter) const;
    void paintAxis(QPainter &painter) const;
    void paintCursor(QPainter &painter) const;
    void pick(int index);

    QList<Mark> m_marks;
    int m_counts[kOutcomeCount] = {}; // per RecordOutcome, for the legend
    double m_length = 0;
    double m_lastEnd = 0;
    double m_position = -1;
    int m_selected = -1;
};

} // namespace studio
