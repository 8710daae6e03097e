#include "BoundedImageReader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>

namespace studio {

namespace {

DecodedImage failure(const QString &name, QString problem)
{
    DecodedImage result;
    result.error = u'\'' + name + QStringLiteral("' ") + problem;
    result.problem = std::move(problem);
    return result;
}

} // namespace

DecodedImage BoundedImageReader::read(const QString &path, const ImageFit &fit)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(info.fileName(), QObject::tr("does not exist"));
    if (!info.isFile())
        return failure(info.fileName(), QObject::tr("is not a file"));
    if (info.size() > kMaxFileBytes)
        return failure(info.fileName(), QObject::tr("is %1; images over %2 are not opened")
                                            .arg(QLocale().formattedDataSize(info.size()),
                                                 QLocale().formattedDataSize(kMaxFileBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(info.fileName(), QObject::tr("cannot be read: %1").arg(file.errorString()));
    return read(&file, info.fileName(), fit);
}

DecodedImage BoundedImageReader::read(QIODevice *device, const QString &name, const ImageFit &fit)
{
    QImageReader reader(device);
    reader.setAllocationLimit(kAllocationLimitMb);
    reader.setAutoTransform(true);
    DecodedImage result;
    result.format = reader.format();
    if (result.format.isEmpty())
        return failure(
            name, QObject::tr("is not an image the studio can read (PNG, JPEG, WebP, GIF, BMP)"));
    result.size = reader.size();
    // Refuse by the declared size, before a single pixel is decoded.
    if (result.size.isValid() &&
        static_cast<qint64>(result.size.width()) * result.size.height() > kMaxPixels)
        return failure(name, QObject::tr("declares %1 x %2 pixels; images over %3 megapixels are "
                                         "not decoded")
                                 .arg(result.size.width())
                                 .arg(result.size.height())
                                 .arg(kMaxPixels / 1000000));
    if (fit.box.isValid() && result.size.isValid()) {
        const QSize fitted = result.size.scaled(fit.box, fit.mode).expandedTo(QSize(1, 1));
        const bool larger = fitted.width() > result.size.width();
        if (!(fit.shrinkOnly && larger) && fitted != result.size)
            reader.setScaledSize(fitted);
    }
    result.image = reader.read();
    if (result.image.isNull())
        return failure(name, QObject::tr("could not be decoded: %1").arg(reader.errorString()));
    if (!result.size.isValid())
        result.size = result.image.size();
    return result;
}

DecodedImage BoundedImageReader::read(const QByteArray &bytes, const QString &name,
                                      const ImageFit &fit)
{
    if (bytes.size() > kMaxFileBytes)
        return failure(name, QObject::tr("is %1; images over %2 are not opened")
                                 .arg(QLocale().formattedDataSize(bytes.size()),
                                      QLocale().formattedDataSize(kMaxFileBytes)));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return read(&buffer, name, fit);
}

} // namespace studio
