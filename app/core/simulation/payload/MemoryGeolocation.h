#pragma once

#include <QString>

#include <optional>

namespace studio {

// geolocation: where the conversation happened.
struct MemoryGeolocation
{
    std::optional<QString> googlePlaceId;
    double latitude = 0;
    double longitude = 0;
    std::optional<QString> address;
    std::optional<QString> locationType;
    bool operator==(const MemoryGeolocation &) const = default;
};

} // namespace studio
