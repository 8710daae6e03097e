#include "RoundLogoPreview.h"

#include <QPainter>
#include <QPainterPath>

namespace studio {

RoundLogoPreview::RoundLogoPreview(int diameter, QWidget *parent)
    : QWidget(parent)
    , m_diameter(diameter)
{
    setFixedSize(diameter, diameter);
}

void RoundLogoPreview::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void RoundLogoPreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF circle(0.5, 0.5, m_diameter - 1.0, m_diameter - 1.0);
    QPainterPath clip;
    clip.addEllipse(circle);
    if (m_image.isNull()) {
        painter.fillPath(clip, palette().color(QPalette::Mid));
        painter.setPen(QPen(palette().color(QPalette::Base), m_diameter / 16.0));
        const QRectF glyph = circle.adjusted(m_diameter * 0.3, m_diameter * 0.3, -m_diameter * 0.3,
                                             -m_diameter * 0.3);
        painter.drawRoundedRect(glyph, m_diameter / 20.0, m_diameter / 20.0);
        return;
    }
    // The store fills the circle: the image is cropped, never letterboxed.
    const qreal scale =
        std::max(circle.width() / m_image.width(), circle.height() / m_image.height());
    const QSizeF drawn(m_image.width() * scale, m_image.height() * scale);
    const QRectF target(circle.center().x() - drawn.width() / 2,
                        circle.center().y() - drawn.height() / 2, drawn.width(), drawn.height());
    painter.setClipPath(clip);
    painter.drawImage(target, m_image);
}

} // namespace studio
