#include "RunTimeline.h"

#include "RunFormat.h"
#include "RunRecordModel.h"
#include "simulation/report/RunRecord.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace studio {

namespace {

constexpr int kMargin = 8;
constexpr int kLegendHeight = 18;
constexpr int kTrackHeight = 24;
constexpr int kAxisHeight = 18;
constexpr double kMinimumMarkWidth = 3.0;
constexpr double kPickSlack = 4.0; // pixels either side of a mark that still pick it

// A step between axis labels that gives them room: 1, 2, 5, 10 ... seconds or minutes.
double tickStep(double span, double pixels)
{
    static const double steps[] = {1,   2,   5,    10,   15,   30,    60,    120,   300,
                                   600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const double wanted = span / std::max(1.0, pixels / 70.0);
    for (const double step : steps) {
        if (step >= wanted)
            return step;
    }
    return steps[std::size(steps) - 1];
}

QString markTooltip(const RunRecord &record)
{
    const std::optional<double> latency = record.latencyMs();
    return QStringLiteral("<b>#%1 %2</b><br>%3 – %4 of the conversation<br>%5%6<br>%7: %8")
        .arg(record.index + 1)
        .arg(record.label.toHtmlEscaped(), runformat::conversationTime(record.windowStart),
             runformat::conversationTime(record.windowEnd),
             RunRecordModel::statusText(record).toHtmlEscaped(),
             latency ? QString(QStringLiteral(", ") + runformat::duration(*latency)) : QString(),
             outcomeName(outcomeOf(record)), record.outcomeReason().toHtmlEscaped());
}

} // namespace

RunTimeline::RunTimeline(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Run timeline"));
}

void RunTimeline::clear()
{
    m_marks.clear();
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    m_lastEnd = 0;
    m_selected = -1;
    m_position = -1;
    update();
}

void RunTimeline::appendRecords(const QList<RunRecord> &records)
{
    m_marks.reserve(m_marks.size() + records.size());
    for (const RunRecord &record : records) {
        const RecordOutcome outcome = outcomeOf(record);
        m_marks.append({record.windowStart, std::max(record.windowStart, record.windowEnd), outcome,
                        markTooltip(record)});
        ++m_counts[int(outcome)];
        m_lastEnd = std::max(m_lastEnd, record.windowEnd);
    }
    update();
}

void RunTimeline::setConversationLength(double seconds)
{
    m_length = std::max(0.0, seconds);
    update();
}

void RunTimeline::setPosition(double seconds)
{
    m_position = seconds;
    update();
}

void RunTimeline::setSelectedIndex(int index)
{
    m_selected = index >= 0 && index < m_marks.size() ? index : -1;
    update();
}

QColor RunTimeline::markColour(int index) const
{
    return outcomeColour(m_marks.at(index).outcome, isDarkPalette(palette()));
}

double RunTimeline::axisEnd() const
{
    const double end = std::max(m_length, m_lastEnd);
    return end > 0 ? end : 1.0;
}

QRectF RunTimeline::trackRect() const
{
    return QRectF(kMargin, kMargin + kLegendHeight, std::max(1, width() - 2 * kMargin),
                  kTrackHeight);
}

double RunTimeline::xFor(double seconds) const
{
    const QRectF track = trackRect();
    return track.left() + track.width() * std::clamp(seconds / axisEnd(), 0.0, 1.0);
}

QRectF RunTimeline::markRect(int index) const
{
    const Mark &mark = m_marks.at(index);
    const QRectF track = trackRect();
    double left = xFor(mark.start);
    double right = xFor(mark.end);
    // Neighbouring windows share an edge: a hairline gap keeps them apart.
    if (right - left > kMinimumMarkWidth + 2) {
        left += 0.5;
        right -= 0.5;
    }
    if (right - left < kMinimumMarkWidth) {
        const double centre = (left + right) / 2;
        left = centre - kMinimumMarkWidth / 2;
        right = centre + kMinimumMarkWidth / 2;
    }
    return QRectF(left, track.top() + 2, right - left, track.height() - 4);
}

int RunTimeline::indexAt(const QPointF &point) const
{
    const QRectF track = trackRect();
    if (point.y() < track.top() - kPickSlack || point.y() > track.bottom() + kPickSlack)
        return -1;
    // Later marks are drawn on top, so they win where marks overlap.
    int nearest = -1;
    double nearestDistance = kPickSlack;
    for (int i = int(m_marks.size()) - 1; i >= 0; --i) {
        const QRectF rect = markRect(i);
        if (point.x() >= rect.left() && point.x() <= rect.right())
            return i;
        const double distance =
            std::min(std::abs(point.x() - rect.left()), std::abs(point.x() - rect.right()));
        if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = i;
        }
    }
    return nearest;
}

QSize RunTimeline::sizeHint() const
{
    return {600, minimumSizeHint().height()};
}

QSize RunTimeline::minimumSizeHint() const
{
    return {200, 2 * kMargin + kLegendHeight + kTrackHeight + kAxisHeight};
}

void RunTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colours = palette();
    const bool dark = isDarkPalette(colours);
    const QRectF track = trackRect();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colours.color(QPalette::Base));
    painter.drawRoundedRect(track, 4, 4);

    QColor brushes[kOutcomeCount];
    for (const RecordOutcome outcome : allOutcomes())
        brushes[int(outcome)] = outcomeColour(outcome, dark);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < m_marks.size(); ++i) {
        painter.setBrush(brushes[int(m_marks[i].outcome)]);
        painter.drawRect(markRect(i));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_selected >= 0) {
        const QRectF rect = markRect(m_selected).adjusted(-2, -3, 2, 3);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(colours.color(QPalette::Text), 2));
        painter.drawRoundedRect(rect, 2, 2);
    }
    painter.setPen(QPen(colours.color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(track, 4, 4);

    paintLegend(painter);
    paintAxis(painter);
    paintCursor(painter);
    if (hasFocus() && m_selected < 0) {
        painter.setPen(QPen(colours.color(QPalette::Highlight), 1, Qt::DotLine));
        painter.drawRoundedRect(track.adjusted(-2, -2, 2, 2), 5, 5);
    }
}

void RunTimeline::paintLegend(QPainter &painter) const
{
    const bool dark = isDarkPalette(palette());
    const QFontMetrics metrics(font());
    double x = kMargin;
    const double y = kMargin;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRectF(x, y, width(), kLegendHeight - 4), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Conversation"));
    x += metrics.horizontalAdvance(tr("Conversation")) + 16;
    for (const RecordOutcome outcome : allOutcomes()) {
        // Only a run under a circuit breaker holds requests back.
        if (outcome == RecordOutcome::NotSent && m_counts[int(outcome)] == 0)
            continue;
        const QString text =
            QStringLiteral("%1 %2").arg(outcomeName(outcome)).arg(m_counts[int(outcome)]);
        painter.setPen(Qt::NoPen);
        painter.setBrush(outcomeColour(outcome, dark));
        painter.drawRoundedRect(QRectF(x, y + 3, 10, 10), 2, 2);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x + 14, y, width(), kLegendHeight - 4),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        x += 14 + metrics.horizontalAdvance(text) + 14;
    }
}

void RunTimeline::paintAxis(QPainter &painter) const
{
    const QRectF track = trackRect();
    const double span = axisEnd();
    const double step = tickStep(span, track.width());
    const QFontMetrics metrics(font());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    double lastRight = -1e9;
    for (double t = 0; t <= span + 1e-9; t += step) {
        const double x = xFor(t);
        painter.drawLine(QPointF(x, track.bottom()), QPointF(x, track.bottom() + 3));
        const QString label = runformat::conversationTime(t);
        const double labelWidth = metrics.horizontalAdvance(label);
        const double left = std::clamp(x - labelWidth / 2, 0.0, width() - labelWidth);
        if (left < lastRight + 6)
            continue;
        painter.drawText(QPointF(left, track.bottom() + 4 + metrics.ascent()), label);
        lastRight = left + labelWidth;
    }
}

void RunTimeline::paintCursor(QPainter &painter) const
{
    if (m_position < 0)
        return;
    const QRectF track = trackRect();
    const double x = xFor(m_position);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(QPointF(x, track.top() - 4), QPointF(x, track.bottom() + 4));
}

void RunTimeline::pick(int index)
{
    if (index < 0 || index >= m_marks.size())
        return;
    const bool changed = index != m_selected;
    setSelectedIndex(index);
    if (changed)
        emit recordSelected(index);
}

void RunTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        pick(indexAt(event->position()));
    QWidget::mousePressEvent(event);
}

void RunTimeline::keyPressEvent(QKeyEvent *event)
{
    if (m_marks.isEmpty())
        return QWidget::keyPressEvent(event);
    const int last = int(m_marks.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Left:
        pick(m_selected < 0 ? last : std::max(0, m_selected - 1));
        break;
    case Qt::Key_Right:
        pick(m_selected < 0 ? 0 : std::min(last, m_selected + 1));
        break;
    case Qt::Key_Home:
        pick(0);
        break;
    case Qt::Key_End:
        pick(last);
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

bool RunTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = indexAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_marks.at(index).tooltip, this,
                               markRect(index).toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace studio
