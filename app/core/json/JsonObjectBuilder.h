#pragma once

#include "JsonParser.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace studio {

// Builds a JSON object member by member, as the parser reads it, in time linear in its
// members: ordered_json's own insertion searches every member, which makes an object with
// many keys quadratic to read. A repeated name keeps its first place and takes the last
// value, as assigning to ordered_json does.
class JsonObjectBuilder
{
public:
    bool contains(const std::string &name) const { return positionOf(name).has_value(); }
    void set(std::string name, Json value);
    Json take() { return std::move(m_object); }

private:
    // The members as the vector ordered_json keeps them in: its own operator[] and emplace
    // search by name.
    using Members = Json::object_t::Container;
    Members &members() { return m_object.get_ref<Json::object_t &>(); }
    const Members &members() const { return m_object.get_ref<const Json::object_t &>(); }
    std::optional<std::size_t> positionOf(const std::string &name) const;

    Json m_object = Json::object();
    // Name -> position among the members, kept only once the object is large: small objects,
    // nearly all of them, are searched member by member without allocating.
    std::unordered_map<std::string, std::size_t> m_positions;
};

} // namespace studio
