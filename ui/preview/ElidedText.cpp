#include "ElidedText.h"

#include <QEvent>
#include <QPainter>
#include <QTextLayout>

namespace studio {

ElidedText::ElidedText(int maxLines, QWidget *parent)
    : QWidget(parent)
    , m_maxLines(qMax(1, maxLines))
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ElidedText::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_cache.fill({});
    updateGeometry();
    update();
}

bool ElidedText::isElided() const
{
    return layoutLines(contentsRect().width()).elided;
}

const ElidedText::Lines &ElidedText::layoutLines(int width) const
{
    for (const CachedLayout &cached : m_cache) {
        if (cached.width == width)
            return cached.lines;
    }
    CachedLayout &slot = m_cache[m_next];
    m_next = (m_next + 1) % m_cache.size();
    slot = {width, {}};
    Lines &result = slot.lines;
    if (m_text.isEmpty() || width <= 0)
        return result;
    QString flat = m_text;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QTextLayout layout(flat, font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (result.lines.size() == m_maxLines - 1) {
            // The last line takes the rest of the text, cut with an ellipsis if it overflows.
            const QString rest = flat.mid(line.textStart());
            const QString elided = fontMetrics().elidedText(rest, Qt::ElideRight, width);
            result.elided = elided != rest;
            result.lines << elided;
            break;
        }
        // Drop the spaces a wrap leaves at the end of a line; leading ones are the author's.
        QString text = flat.mid(line.textStart(), line.textLength());
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        result.lines << text;
    }
    layout.endLayout();
    return result;
}

int ElidedText::heightForWidth(int width) const
{
    const QMargins margins = contentsMargins();
    const auto lines = layoutLines(width - margins.left() - margins.right()).lines.size();
    return static_cast<int>(qMax<qsizetype>(1, lines)) * fontMetrics().lineSpacing() +
           margins.top() + margins.bottom();
}

QSize ElidedText::sizeHint() const
{
    const int width = qMin(fontMetrics().horizontalAdvance(m_text), 320) + 1;
    return {width, heightForWidth(width)};
}

QSize ElidedText::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 4, fontMetrics().lineSpacing()};
}

void ElidedText::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    const QRect area = contentsRect();
    const int lineHeight = fontMetrics().lineSpacing();
    int y = area.top();
    for (const QString &line : layoutLines(area.width()).lines) {
        painter.drawText(QRect(area.left(), y, area.width(), lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, line);
        y += lineHeight;
    }
}

void ElidedText::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_cache.fill({});
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace studio
