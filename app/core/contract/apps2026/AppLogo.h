#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace studio::app_logo {

// The one reading of an app's `image`: a file name relative to the app document, the logo
// uploaded with it. Nothing when `image` is not such a name (empty, a URL, an absolute or
// repository path) or the document's folder is unknown.
std::optional<QString> fileBeside(std::string_view image, const QString &folder);

// True when `image` names a file relative to the app document.
bool isRelativeName(std::string_view image);

} // namespace studio::app_logo
