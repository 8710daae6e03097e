#include "StoreCard.h"

#include <QPainter>

namespace studio {

namespace {

constexpr qreal kRadius = 16.0;

} // namespace

StoreCard::StoreCard(QWidget *parent)
    : QFrame(parent)
{
    setContentsMargins(16, 14, 16, 14);
}

void StoreCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(QRectF(rect()), kRadius, kRadius);
}

} // namespace studio
