#include "WrappingLabel.h"

#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace studio {

WrappingLabel::WrappingLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

int WrappingLabel::heightForWidth(int width) const
{
    // QLabel offers no hook on text or font changes, so the cache checks them itself;
    // comparing an implicitly shared string is cheap next to laying it out.
    if (text() != m_cachedText || font() != m_cachedFont || textFormat() != m_cachedFormat) {
        m_cachedText = text();
        m_cachedFont = font();
        m_cachedFormat = textFormat();
        m_cache.fill({});
    }
    for (const Entry &entry : m_cache) {
        if (entry.width == width)
            return entry.height;
    }
    const int height = textFormat() == Qt::PlainText ? plainHeight(width)
                                                     : QLabel::heightForWidth(width);
    m_cache[m_next] = {width, height};
    m_next = (m_next + 1) % m_cache.size();
    return height;
}

QSize WrappingLabel::minimumSizeHint() const
{
    const QMargins margins = contentsMargins();
    return {fontMetrics().averageCharWidth() * 8 + margins.left() + margins.right(),
            fontMetrics().lineSpacing() + margins.top() + margins.bottom()};
}

void WrappingLabel::paintEvent(QPaintEvent *event)
{
    if (textFormat() != Qt::PlainText) {
        QLabel::paintEvent(event);
        return;
    }
    const QRect area = contentsRect();
    QTextLayout layout(text(), font());
    layOut(layout, area.width());
    QPainter painter(this);
    painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled,
                                   foregroundRole()));
    layout.draw(&painter, area.topLeft());
}

int WrappingLabel::plainHeight(int width) const
{
    const QMargins margins = contentsMargins();
    QTextLayout layout(text(), font());
    const qreal height = layOut(layout, width - margins.left() - margins.right());
    return static_cast<int>(std::ceil(height)) + margins.top() + margins.bottom();
}

// As the app's text wraps: at word boundaries, and inside a word wider than the line
// (a long name beside the logo) rather than cutting it off.
qreal WrappingLabel::layOut(QTextLayout &layout, int width) const
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    const qreal leading = fontMetrics().leading();
    qreal y = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(width, 1));
        line.setPosition({0, y});
        y += line.height() + leading;
    }
    layout.endLayout();
    return std::max<qreal>(y - leading, fontMetrics().height());
}

} // namespace studio
