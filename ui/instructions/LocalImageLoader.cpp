#include "LocalImageLoader.h"

#include "imaging/BoundedImageReader.h"

#include <QFileInfo>

#include <limits>

namespace studio {

LocalImageLoader::Stamp LocalImageLoader::stampOf(const QString &path)
{
    const QFileInfo info(path);
    return {info.lastModified(), info.exists() ? info.size() : -1};
}

LocalImageLoader::Loaded LocalImageLoader::load(const QString &path, int maxWidth)
{
    Loaded loaded;
    loaded.stamp = stampOf(path);
    // The first frame of an animation, no wider than the page.
    const DecodedImage decoded = BoundedImageReader::read(path, widthFit(maxWidth));
    loaded.image = decoded.image;
    loaded.problem = decoded.error;
    return loaded;
}

ImageFit LocalImageLoader::widthFit(int maxWidth)
{
    return {QSize(maxWidth, std::numeric_limits<int>::max()), Qt::KeepAspectRatio, true};
}

} // namespace studio
