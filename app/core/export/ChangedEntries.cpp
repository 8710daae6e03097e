#include "ChangedEntries.h"

#include <nlohmann/json.hpp>

#include <map>

namespace studio {

namespace {

using Json = nlohmann::json;

Json parsedArray(std::string_view text)
{
    Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    return value.is_array() ? value : Json::array();
}

std::string idOf(const Json &entry)
{
    if (!entry.is_object())
        return {};
    const auto id = entry.find("id");
    return id != entry.end() && id->is_string() ? id->get<std::string>() : std::string();
}

} // namespace

std::optional<ChangedEntries> changedEntries(std::string_view indexText,
                                             const std::optional<std::string_view> &baseText)
{
    const Json index = Json::parse(indexText, nullptr, /*allow_exceptions=*/false);
    if (!index.is_array())
        return std::nullopt;
    const Json base = baseText ? parsedArray(*baseText) : Json::array();

    std::multimap<std::string, const Json *> baseById;
    for (const Json &entry : base)
        baseById.emplace(idOf(entry), &entry);

    ChangedEntries changed;
    for (std::size_t position = 0; position < index.size(); ++position) {
        const Json &entry = index[position];
        const std::string id = idOf(entry);
        const auto [first, last] = baseById.equal_range(id);
        bool same = false;
        for (auto candidate = first; candidate != last && !same; ++candidate)
            same = *candidate->second == entry;
        if (same)
            continue;
        changed.indices.push_back(position);
        changed.ids.push_back(id.empty() ? "#" + std::to_string(position) : id);
    }
    return changed;
}

} // namespace studio
