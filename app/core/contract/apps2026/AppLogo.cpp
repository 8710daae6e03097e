#include "AppLogo.h"

#include <QDir>

namespace studio::app_logo {

bool isRelativeName(std::string_view image)
{
    const QString name = QString::fromUtf8(image.data(), qsizetype(image.size())).trimmed();
    return !name.isEmpty() && !name.startsWith(u'/') && !name.contains(QLatin1String("://"));
}

std::optional<QString> fileBeside(std::string_view image, const QString &folder)
{
    if (!isRelativeName(image) || folder.isEmpty())
        return std::nullopt;
    const QString name = QString::fromUtf8(image.data(), qsizetype(image.size())).trimmed();
    return QDir::cleanPath(QDir(folder).absoluteFilePath(name));
}

} // namespace studio::app_logo
