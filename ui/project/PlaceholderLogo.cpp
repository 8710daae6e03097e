#include "PlaceholderLogo.h"

#include <QBuffer>
#include <QFont>
#include <QPainter>

#include <array>

namespace studio {

QImage PlaceholderLogo::render(const QString &name, const QString &id, int size)
{
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(colour(id));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font;
    font.setBold(true);
    font.setPixelSize(size * 2 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(image.rect(), Qt::AlignCenter, initials(name.isEmpty() ? id : name));
    return image;
}

QByteArray PlaceholderLogo::png(const QString &name, const QString &id)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    render(name, id).save(&buffer, "PNG");
    return bytes;
}

QString PlaceholderLogo::initials(const QString &name)
{
    QString letters;
    bool wordStart = true;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber()) {
            wordStart = true;
            continue;
        }
        if (wordStart && letters.size() < 2)
            letters += c.toUpper();
        wordStart = false;
    }
    return letters.isEmpty() ? QStringLiteral("?") : letters;
}

QColor PlaceholderLogo::colour(const QString &id)
{
    // Deep tones that keep white initials readable, in the store's light and dark themes.
    static constexpr std::array<QRgb, 8> kTones = {0x2e7d32, 0x1565c0, 0x6a1b9a, 0xc62828,
                                                   0xef6c00, 0x00838f, 0x4527a0, 0xad1457};
    return QColor::fromRgb(kTones[qHash(id) % kTones.size()]);
}

} // namespace studio
