#include "PillButton.h"

#include <QPainter>

namespace studio {

PillButton::PillButton(Style style, QWidget *parent)
    : QAbstractButton(parent)
    , m_style(style)
{
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

QSize PillButton::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.horizontalAdvance(text()) + 36, metrics.height() + 16};
}

void PillButton::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF pill = QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75);
    const qreal radius = pill.height() / 2;
    const QColor accent = palette().color(QPalette::Highlight);
    if (m_style == Style::Filled) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(isDown() ? accent.darker(120) : accent);
        painter.drawRoundedRect(pill, radius, radius);
        painter.setPen(palette().color(QPalette::HighlightedText));
    } else {
        painter.setPen(QPen(palette().color(QPalette::PlaceholderText), 1.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(pill, radius, radius);
        painter.setPen(palette().color(QPalette::Text));
    }
    painter.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace studio
