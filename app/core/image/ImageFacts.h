#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace studio {

enum class ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Webp,
    Gif,
    Bmp
};

// What an image file's header says about it, read without decoding the pixels.
struct ImageFacts
{
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;
    int height = 0;
    std::int64_t fileSize = 0;
    std::optional<bool> hasAlpha; // unknown for formats whose header does not say
    std::string problem;          // why the header could not be read, if it could not

    bool isImage() const { return format != ImageFormat::Unknown && problem.empty(); }
    bool isSquare() const { return width == height; }
};

std::string_view imageFormatName(ImageFormat format);

// The format an extension promises ("png", "JPG" ...), Unknown for anything else.
ImageFormat imageFormatForExtension(std::string_view extension);

// The extension of a path's file name ("png" for "/a.b/logo.png"), empty when it has none.
std::string pathExtension(std::string_view path);

// The formats the app's store shows: PNG, JPEG and WebP.
bool isStoreImageFormat(ImageFormat format);

} // namespace studio
