#include "BoundedImageReader.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>

namespace studio {

namespace {

DecodedImage failure(QString error)
{
    DecodedImage result;
    result.error = std::move(error);
    return result;
}

} // namespace

DecodedImage BoundedImageReader::read(const QString &path, QSize scaledTo)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QObject::tr("'%1' does not exist").arg(info.fileName()));
    if (!info.isFile())
        return failure(QObject::tr("'%1' is not a file").arg(info.fileName()));
    if (info.size() > kMaxFileBytes)
        return failure(QObject::tr("'%1' is %2; images over %3 are not opened")
                           .arg(info.fileName(), QLocale().formattedDataSize(info.size()),
                                QLocale().formattedDataSize(kMaxFileBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QObject::tr("cannot read '%1': %2").arg(info.fileName(), file.errorString()));
    return read(&file, info.fileName(), scaledTo);
}

DecodedImage BoundedImageReader::read(QIODevice *device, const QString &name, QSize scaledTo)
{
    QImageReader reader(device);
    reader.setAllocationLimit(kAllocationLimitMb);
    reader.setAutoTransform(true);
    DecodedImage result;
    result.format = reader.format();
    if (result.format.isEmpty())
        return failure(
            QObject::tr("'%1' is not an image the studio can read (PNG, JPEG, WebP, GIF, BMP)")
                .arg(name));
    result.size = reader.size();
    // Refuse by the declared size, before a single pixel is decoded.
    if (result.size.isValid() &&
        static_cast<qint64>(result.size.width()) * result.size.height() > kMaxPixels)
        return failure(QObject::tr("'%1' declares %2 x %3 pixels; images over %4 megapixels are "
                                   "not decoded")
                           .arg(name)
                           .arg(result.size.width())
                           .arg(result.size.height())
                           .arg(kMaxPixels / 1000000));
    if (scaledTo.isValid() && result.size.isValid())
        reader.setScaledSize(result.size.scaled(scaledTo, Qt::KeepAspectRatioByExpanding));
    result.image = reader.read();
    if (result.image.isNull())
        return failure(
            QObject::tr("'%1' could not be decoded: %2").arg(name, reader.errorString()));
    if (!result.size.isValid())
        result.size = result.image.size();
    return result;
}

} // namespace studio
