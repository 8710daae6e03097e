#include "JsonObjectBuilder.h"

namespace studio {

namespace {

// Up to this many members a search is cheaper than keeping a hash of the names.
constexpr std::size_t kSmallObject = 16;

} // namespace

std::optional<std::size_t> JsonObjectBuilder::positionOf(const std::string &name) const
{
    const Members &all = members();
    if (all.size() > kSmallObject) {
        const auto it = m_positions.find(name);
        return it == m_positions.end() ? std::nullopt : std::optional(it->second);
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].first == name)
            return i;
    }
    return std::nullopt;
}

void JsonObjectBuilder::set(std::string name, Json value)
{
    Members &all = members();
    if (const auto position = positionOf(name)) {
        all[*position].second = std::move(value);
        return;
    }
    if (all.size() > kSmallObject)
        m_positions.emplace(name, all.size());
    all.emplace_back(std::move(name), std::move(value));
    if (all.size() == kSmallObject + 1) {
        for (std::size_t i = 0; i < all.size(); ++i)
            m_positions.emplace(all[i].first, i);
    }
}

} // namespace studio
