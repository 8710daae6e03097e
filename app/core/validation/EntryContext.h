#pragma once

#include "json/JsonParser.h"
#include "json/JsonPointer.h"

#include <string>

namespace studio {

class RepositoryFiles;

// One manifest under validation: its JSON, where it sits in the document, and the
// repository its paths resolve against (null when unknown: file checks are skipped).
struct EntryContext
{
    const Json &entry;
    std::string pointer;
    const RepositoryFiles *repository = nullptr;

    std::string at(std::string_view key) const { return json_pointer::append(pointer, key); }
    const Json *member(std::string_view key) const
    {
        if (!entry.is_object())
            return nullptr;
        const auto it = entry.find(key);
        return it == entry.end() ? nullptr : &*it;
    }
    std::string stringMember(std::string_view key) const
    {
        const Json *value = member(key);
        return value && value->is_string() ? value->get<std::string>() : std::string();
    }
};

} // namespace studio
