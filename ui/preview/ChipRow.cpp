#include "ChipRow.h"

#include <QPainter>

namespace studio {

namespace {

constexpr int kPaddingX = 12;
constexpr int kPaddingY = 5;
constexpr int kSpacing = 8;

} // namespace

ChipRow::ChipRow(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ChipRow::setLabels(const QStringList &labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    updateGeometry();
    update();
}

QList<QRect> ChipRow::chipRects(int width) const
{
    QList<QRect> rects;
    const int height = fontMetrics().height() + 2 * kPaddingY;
    int x = 0;
    int y = 0;
    for (const QString &label : m_labels) {
        const int chipWidth = fontMetrics().horizontalAdvance(label) + 2 * kPaddingX;
        if (x > 0 && x + chipWidth > width) {
            x = 0;
            y += height + kSpacing;
        }
        rects << QRect(x, y, chipWidth, height);
        x += chipWidth + kSpacing;
    }
    return rects;
}

int ChipRow::heightForWidth(int width) const
{
    const auto rects = chipRects(width);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 1;
}

QSize ChipRow::sizeHint() const
{
    const auto rects = chipRects(QWIDGETSIZE_MAX);
    return rects.isEmpty() ? QSize(0, 0)
                           : QSize(rects.last().right() + 1, rects.last().bottom() + 1);
}

QSize ChipRow::minimumSizeHint() const
{
    return {0, heightForWidth(width())};
}

void ChipRow::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const auto rects = chipRects(width());
    for (qsizetype i = 0; i < rects.size(); ++i) {
        const QRectF chip = QRectF(rects[i]).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(rects[i], Qt::AlignCenter, m_labels[i]);
    }
}

} // namespace studio
