#include "ConversationTimeline.h"

#include "SegmentTableModel.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace studio {

namespace {

constexpr int kMargin = 6;

QColor colourOf(ConversationTimeline::Mark mark, const QPalette &palette)
{
    switch (mark) {
    case ConversationTimeline::Mark::Pending:
        return palette.color(QPalette::PlaceholderText);
    case ConversationTimeline::Mark::Sent:
        return QColor(0x3d, 0x8b, 0xfd);
    case ConversationTimeline::Mark::Answered:
        return QColor(0x2e, 0x9d, 0x4f);
    case ConversationTimeline::Mark::Failed:
        return QColor(0xd9, 0x36, 0x36);
    case ConversationTimeline::Mark::Skipped:
        return palette.color(QPalette::Mid);
    }
    return palette.color(QPalette::Text);
}

} // namespace

ConversationTimeline::ConversationTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("conversationTimeline"));
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("The conversation: a tick per batch. Click to seek there; the batches "
                  "passed over are not sent."));
}

QSize ConversationTimeline::sizeHint() const
{
    return {400, 30};
}

QSize ConversationTimeline::minimumSizeHint() const
{
    return {120, 30};
}

void ConversationTimeline::setBatches(const QList<double> &sendAt, double length)
{
    m_sendAt = sendAt;
    m_marks = QList<Mark>(sendAt.size(), Mark::Pending);
    m_length = std::max(length, sendAt.isEmpty() ? 0.0 : sendAt.last());
    m_position = 0;
    update();
}

void ConversationTimeline::setMark(int batch, Mark mark)
{
    if (batch < 0 || batch >= m_marks.size())
        return;
    m_marks[batch] = mark;
    update();
}

void ConversationTimeline::setPosition(double seconds)
{
    m_position = std::clamp(seconds, 0.0, std::max(m_length, 0.0));
    update();
}

void ConversationTimeline::resetMarks()
{
    std::fill(m_marks.begin(), m_marks.end(), Mark::Pending);
    m_position = 0;
    update();
}

QRect ConversationTimeline::track() const
{
    return rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
}

double ConversationTimeline::secondsAt(int x) const
{
    const QRect bar = track();
    if (m_length <= 0 || bar.width() <= 0)
        return 0;
    return std::clamp(double(x - bar.left()) / bar.width(), 0.0, 1.0) * m_length;
}

int ConversationTimeline::xOf(double seconds) const
{
    const QRect bar = track();
    if (m_length <= 0)
        return bar.left();
    return bar.left() + int(std::clamp(seconds / m_length, 0.0, 1.0) * bar.width());
}

void ConversationTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect bar = track();
    const QPalette &colours = palette();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colours.color(QPalette::Base));
    painter.drawRoundedRect(bar, 4, 4);
    if (m_length > 0) {
        QRect done = bar;
        done.setRight(xOf(m_position));
        QColor reached = QColor(0x3d, 0x8b, 0xfd);
        reached.setAlpha(50);
        painter.setBrush(reached);
        painter.drawRoundedRect(done, 4, 4);
    }
    // Many batches draw as thin lines: colour still shows where they went wrong.
    for (int i = 0; i < m_sendAt.size(); ++i) {
        painter.setPen(QPen(colourOf(m_marks.at(i), colours), 2));
        const int x = xOf(m_sendAt.at(i));
        painter.drawLine(x, bar.top() + 4, x, bar.bottom() - 4);
    }
    painter.setPen(QPen(colours.color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(bar, 4, 4);
    if (m_length > 0) {
        painter.setPen(QPen(colours.color(QPalette::Text), 2));
        const int x = xOf(m_position);
        painter.drawLine(x, rect().top() + 1, x, rect().bottom() - 1);
    }
}

void ConversationTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_length <= 0)
        return QWidget::mousePressEvent(event);
    emit seekRequested(secondsAt(event->position().toPoint().x()));
}

bool ConversationTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_length > 0) {
        const auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(),
                           tr("%1 \u2014 click to seek here")
                               .arg(SegmentTableModel::clock(secondsAt(help->pos().x()))),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace studio
