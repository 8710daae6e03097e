#include "ImageFacts.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace studio {

std::string_view imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Webp:
        return "WebP";
    case ImageFormat::Gif:
        return "GIF";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::Unknown:
        break;
    }
    return "unknown";
}

ImageFormat imageFormatForExtension(std::string_view extension)
{
    std::string lower(extension);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "png")
        return ImageFormat::Png;
    if (lower == "jpg" || lower == "jpeg")
        return ImageFormat::Jpeg;
    if (lower == "webp")
        return ImageFormat::Webp;
    if (lower == "gif")
        return ImageFormat::Gif;
    if (lower == "bmp")
        return ImageFormat::Bmp;
    return ImageFormat::Unknown;
}

std::string pathExtension(std::string_view path)
{
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return {};
    return std::string(path.substr(dot + 1));
}

bool isStoreImageFormat(ImageFormat format)
{
    return format == ImageFormat::Png || format == ImageFormat::Jpeg || format == ImageFormat::Webp;
}

} // namespace studio
