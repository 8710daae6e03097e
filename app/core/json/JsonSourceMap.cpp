#include "JsonSourceMap.h"

#include "JsonPointer.h"

namespace studio {

void JsonSourceMap::insert(std::string pointer, JsonLocation location)
{
    m_locations.insert_or_assign(std::move(pointer), location);
}

const JsonLocation *JsonSourceMap::find(const std::string &pointer) const
{
    const auto it = m_locations.find(pointer);
    return it == m_locations.end() ? nullptr : &it->second;
}

const JsonLocation *JsonSourceMap::findNearest(std::string pointer) const
{
    while (true) {
        if (const auto *location = find(pointer))
            return location;
        if (pointer.empty())
            return nullptr;
        pointer = json_pointer::parent(pointer);
    }
}

} // namespace studio
