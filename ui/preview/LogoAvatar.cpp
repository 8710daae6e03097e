#include "LogoAvatar.h"

#include <QPainter>
#include <QPainterPath>

namespace studio {

LogoAvatar::LogoAvatar(int diameter, QWidget *parent)
    : QWidget(parent)
    , m_diameter(diameter)
{
    setFixedSize(diameter, diameter);
}

void LogoAvatar::setLogo(const LogoImage &logo)
{
    const bool sameImage = logo.state == LogoImage::State::Loaded &&
                           m_logo.state == LogoImage::State::Loaded &&
                           logo.image.cacheKey() == m_logo.image.cacheKey();
    m_logo = logo;
    if (!sameImage)
        m_cropped = {};
    setToolTip(logo.state == LogoImage::State::Loaded        ? logo.summary
               : logo.state == LogoImage::State::Placeholder ? logo.problem
                                                             : tr("Loading the logo…"));
    update();
}

QSize LogoAvatar::sizeHint() const
{
    return {m_diameter, m_diameter};
}

const QPixmap &LogoAvatar::croppedPixmap()
{
    const qreal ratio = devicePixelRatioF();
    const int side = qRound(m_diameter * ratio);
    if (m_cropped.isNull() || m_cropped.width() != side) {
        // Cover the circle: scale the short side to the diameter and centre the long one,
        // as the app's BoxFit.cover does.
        const QImage scaled = m_logo.image.scaled(side, side, Qt::KeepAspectRatioByExpanding,
                                                  Qt::SmoothTransformation);
        const QRect centre((scaled.width() - side) / 2, (scaled.height() - side) / 2, side, side);
        m_cropped = QPixmap::fromImage(scaled.copy(centre));
        m_cropped.setDevicePixelRatio(ratio);
    }
    return m_cropped;
}

void LogoAvatar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF circle(0.5, 0.5, m_diameter - 1.0, m_diameter - 1.0);
    QPainterPath clip;
    clip.addEllipse(circle);

    switch (m_logo.state) {
    case LogoImage::State::Loaded:
        painter.setClipPath(clip);
        painter.drawPixmap(QPointF(0, 0), croppedPixmap());
        break;
    case LogoImage::State::Loading:
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::Mid));
        painter.drawEllipse(circle);
        break;
    case LogoImage::State::Placeholder:
        paintPlaceholder(painter, circle);
        break;
    }
}

void LogoAvatar::paintPlaceholder(QPainter &painter, const QRectF &circle) const
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Mid));
    painter.drawEllipse(circle);

    // A picture glyph: a framed landscape with a sun, like the app's image icon.
    const qreal side = circle.width() * 0.44;
    const QRectF frame(circle.center().x() - side / 2, circle.center().y() - side * 0.4, side,
                       side * 0.8);
    const QColor ink = palette().color(QPalette::PlaceholderText);
    QPen pen(ink, qMax(1.5, circle.width() / 28.0));
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(frame, side * 0.1, side * 0.1);

    QPainterPath hills;
    hills.moveTo(frame.left(), frame.bottom() - frame.height() * 0.18);
    hills.lineTo(frame.left() + frame.width() * 0.38, frame.top() + frame.height() * 0.45);
    hills.lineTo(frame.left() + frame.width() * 0.62, frame.top() + frame.height() * 0.7);
    hills.lineTo(frame.left() + frame.width() * 0.76, frame.top() + frame.height() * 0.56);
    hills.lineTo(frame.right(), frame.bottom() - frame.height() * 0.18);
    painter.drawPath(hills);

    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    const qreal sun = frame.width() * 0.14;
    painter.drawEllipse(
        QPointF(frame.right() - frame.width() * 0.27, frame.top() + frame.height() * 0.3), sun / 2,
        sun / 2);
}

} // namespace studio
