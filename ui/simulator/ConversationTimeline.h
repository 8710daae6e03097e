#pragma once

#include <QList>
#include <QWidget>

namespace studio {

// The conversation as a bar: a tick where each batch goes out, coloured by what became of
// it, and a cursor where the replay stands. A click asks to seek there.
class ConversationTimeline : public QWidget
{
    Q_OBJECT

public:
    enum class Mark
    {
        Pending,
        Sent,
        Answered,
        Failed,
        Skipped
    };

    explicit ConversationTimeline(QWidget *parent = nullptr);

    void setBatches(const QList<double> &sendAt, double length);
    void setMark(int batch, Mark mark);
    void setPosition(double seconds);
    void resetMarks();
    double length() const { return m_length; }
    double position() const { return m_position; }
    Mark mark(int batch) const { return m_marks.value(batch, Mark::Pending); }

    // The conversation second under x, and back.
    double secondsAt(int x) const;
    int xOf(double seconds) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(double seconds);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect track() const;

    QList<double> m_sendAt;
    QList<Mark> m_marks;
    double m_length = 0;
    double m_position = 0;
};

} // namespace studio
