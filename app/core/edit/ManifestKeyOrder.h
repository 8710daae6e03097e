#pragma once

#include <optional>
#include <string_view>

namespace studio {

// Where a member belongs among its siblings in the real index's field order, so that a
// member the form adds lands where a reviewer expects it (name after id, deleted last).
class ManifestKeyOrder
{
public:
    // The rank of `key` inside the object at `objectPointer` of a manifest, or nothing for
    // a key that object does not define (such keys go last).
    static std::optional<std::size_t> rank(std::string_view objectPointer, std::string_view key);
};

} // namespace studio
