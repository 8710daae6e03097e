#pragma once

#include <QString>

namespace studio {

// photos[]: an image taken during the conversation (OpenGlass), base64-encoded.
struct MemoryPhoto
{
    QString base64;
    QString description;
    bool operator==(const MemoryPhoto &) const = default;
};

} // namespace studio
