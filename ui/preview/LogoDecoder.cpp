#include "LogoDecoder.h"

#include "imaging/BoundedImageReader.h"

#include <QFileInfo>

namespace studio {

DecodedLogo LogoDecoder::decode(const QString &path, std::optional<FileStamp> known)
{
    DecodedLogo result;
    result.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = tr("does not exist");
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

    const DecodedImage decoded =
        BoundedImageReader::read(path, {QSize(kDecodeBound, kDecodeBound), Qt::KeepAspectRatio});
    result.image = decoded.image;
    result.originalSize = decoded.size;
    if (!decoded.ok())
        result.error = decoded.problem; // the preview names the file itself
    return result;
}

} // namespace studio
