#include "LogoConverter.h"

#include <QBuffer>
#include <QImageWriter>

namespace studio {

namespace {

bool isOpaque(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            if (qAlpha(line[x]) != 255)
                return false;
        }
    }
    return true;
}

} // namespace

LogoConversion LogoConverter::convert(const QImage &source, int size)
{
    LogoConversion result;
    if (source.isNull() || size <= 0) {
        result.error = QObject::tr("there is no image to convert");
        return result;
    }
    const int side = std::min(source.width(), source.height());
    const QRect square((source.width() - side) / 2, (source.height() - side) / 2, side, side);
    QImage cropped = source.copy(square);
    const int target = std::min(size, side);
    if (target < size)
        result.note = QObject::tr("The picture is only %1 px across, so the logo stays at %1 px; "
                                  "scaling it up would only blur it.")
                          .arg(side);
    // Transparency is kept only when the picture uses it: an opaque logo as 24-bit RGB
    // is a quarter smaller.
    const QImage scaled =
        cropped.scaled(target, target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const bool transparent = scaled.hasAlphaChannel() && !isOpaque(scaled);
    result.logo =
        scaled.convertToFormat(transparent ? QImage::Format_ARGB32 : QImage::Format_RGB888);
    QBuffer buffer(&result.png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.setQuality(0); // for PNG: the strongest compression, still lossless
    if (!writer.write(result.logo))
        result.error = QObject::tr("the PNG could not be encoded: %1").arg(writer.errorString());
    return result;
}

} // namespace studio
