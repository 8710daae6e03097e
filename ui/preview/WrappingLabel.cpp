#include "WrappingLabel.h"

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
    const int height = QLabel::heightForWidth(width);
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

} // namespace studio
