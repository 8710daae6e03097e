#include "LocalImageLoader.h"

#include <QFileInfo>
#include <QImageReader>

#include <algorithm>

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
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && size.width() > maxWidth)
        reader.setScaledSize(QSize(maxWidth, std::max(1, size.height() * maxWidth / size.width())));
    loaded.image = reader.read(); // the first frame of an animation
    if (loaded.image.isNull())
        loaded.problem = reader.errorString();
    return loaded;
}

} // namespace studio
