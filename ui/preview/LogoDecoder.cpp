#include "LogoDecoder.h"

#include <QFileInfo>
#include <QImageReader>

namespace studio {

DecodedLogo LogoDecoder::decode(const QString &path, std::optional<FileStamp> known)
{
    DecodedLogo result;
    result.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = tr("does not exist in the repository");
        return result;
    }
    if (!info.isFile()) {
        result.error = tr("is a folder, not an image file");
        return result;
    }
    result.stamp = {info.size(), info.lastModified()};
    if (known && *known == result.stamp) {
        result.unchanged = true;
        return result;
    }

    QImageReader reader(path);
    reader.setAllocationLimit(kAllocationLimitMb);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    result.originalSize = size;
    // Say why before Qt refuses with a bare "Unable to read image data".
    const int bitsPerPixel =
        qMax(32, int(QImage::toPixelFormat(reader.imageFormat()).bitsPerPixel()));
    const qint64 decodedBytes = qint64(size.width()) * size.height() * bitsPerPixel / 8;
    if (size.isValid() && decodedBytes > qint64(kAllocationLimitMb) * 1024 * 1024) {
        result.error = tr("is %1x%2 px: decoding it takes %3 MB, more than the preview "
                          "allows (%4 MB); every phone would have to decode it too")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(decodedBytes / (1024 * 1024))
                           .arg(kAllocationLimitMb);
        return result;
    }
    if (size.isValid() && (size.width() > kDecodeBound || size.height() > kDecodeBound))
        reader.setScaledSize(size.scaled(kDecodeBound, kDecodeBound, Qt::KeepAspectRatio));
    result.image = reader.read();
    if (!result.originalSize.isValid())
        result.originalSize = result.image.size();
    if (result.image.isNull())
        result.error = tr("cannot be decoded as an image (%1)").arg(reader.errorString());
    return result;
}

} // namespace studio
