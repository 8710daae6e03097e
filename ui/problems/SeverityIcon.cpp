#include "SeverityIcon.h"

#include <QObject>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace studio {

namespace {

QPixmap draw(Severity severity, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(0.5, 0.5, size - 1.0, size - 1.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(SeverityIcon::color(severity));
    if (severity == Severity::Warning) {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        painter.drawPath(triangle);
    } else {
        painter.drawEllipse(box);
    }
    QFont font;
    font.setBold(true);
    font.setPixelSize(static_cast<int>(size * (severity == Severity::Warning ? 0.62 : 0.72)));
    painter.setFont(font);
    painter.setPen(severity == Severity::Warning ? QColor(0x3a, 0x2a, 0x00) : QColor(Qt::white));
    QRectF textBox = box;
    if (severity == Severity::Warning)
        textBox.setTop(box.top() + size * 0.22);
    painter.drawText(textBox, Qt::AlignCenter,
                     severity == Severity::Info ? QStringLiteral("i") : QStringLiteral("!"));
    return pixmap;
}

} // namespace

QImage SeverityIcon::fixImage(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // The glass, then the screw base under it.
    painter.setPen(QPen(QColor(0x8a, 0x5a, 0x00), s / 16.0));
    painter.setBrush(QColor(0xff, 0xc8, 0x2e));
    painter.drawEllipse(QRectF(s * 0.18, s * 0.04, s * 0.64, s * 0.64));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x70, 0x70, 0x78));
    painter.drawRoundedRect(QRectF(s * 0.34, s * 0.66, s * 0.32, s * 0.14), s / 20.0, s / 20.0);
    painter.drawRoundedRect(QRectF(s * 0.38, s * 0.82, s * 0.24, s * 0.12), s / 20.0, s / 20.0);
    return image;
}

QIcon SeverityIcon::fixIcon()
{
    static QIcon cached;
    if (cached.isNull()) {
        for (const int size : {12, 16, 24, 32, 48})
            cached.addPixmap(QPixmap::fromImage(fixImage(size)));
    }
    return cached;
}

QIcon SeverityIcon::icon(Severity severity)
{
    static std::array<QIcon, 3> icons;
    QIcon &cached = icons[static_cast<std::size_t>(severity)];
    if (cached.isNull()) {
        for (const int size : {12, 16, 24, 32, 48})
            cached.addPixmap(draw(severity, size));
    }
    return cached;
}

QColor SeverityIcon::color(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QColor(0xd9, 0x36, 0x36);
    case Severity::Warning:
        return QColor(0xf0, 0xa8, 0x20);
    case Severity::Info:
        return QColor(0x2f, 0x7d, 0xe1);
    }
    return {};
}

QString SeverityIcon::name(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QObject::tr("Error");
    case Severity::Warning:
        return QObject::tr("Warning");
    case Severity::Info:
        return QObject::tr("Info");
    }
    return {};
}

} // namespace studio
