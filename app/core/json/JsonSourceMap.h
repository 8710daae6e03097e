#pragma once

#include "SourceLocation.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace studio {

// Where a JSON value sits in its text: the value itself and, for object members, its key.
struct JsonLocation
{
    SourceSpan value;
    std::optional<SourceSpan> key;
};

// JSON pointer -> location of every value of a parsed document.
class JsonSourceMap
{
public:
    void insert(std::string pointer, JsonLocation location);
    const JsonLocation *find(const std::string &pointer) const;

    // The location of the pointer or, when it names a value that is absent (a missing
    // member), of its nearest present ancestor.
    const JsonLocation *findNearest(std::string pointer) const;

    std::size_t size() const { return m_locations.size(); }
    bool empty() const { return m_locations.empty(); }

private:
    std::unordered_map<std::string, JsonLocation> m_locations;
};

} // namespace studio
