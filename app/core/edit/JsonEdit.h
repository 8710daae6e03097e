#pragma once

#include "json/JsonParser.h"

#include <cstddef>
#include <string>

namespace studio {

// A change to a JSON document stated by what it means (set this value, remove that
// member), which JsonEditSplicer turns into the smallest text splice.
struct JsonEdit
{
    enum class Kind
    {
        Set,    // set `pointer` to `value`, creating the member and missing parents
        Remove, // remove the member or array element at `pointer`
        Append, // append `value` to the array at `pointer`, creating the array if missing
        Swap,   // swap the array element at `pointer` with its sibling at `otherIndex`
    };

    Kind kind = Kind::Set;
    std::string pointer;
    Json value;
    std::size_t otherIndex = 0;

    static JsonEdit set(std::string pointer, Json value)
    {
        return {Kind::Set, std::move(pointer), std::move(value), 0};
    }
    static JsonEdit remove(std::string pointer)
    {
        return {Kind::Remove, std::move(pointer), {}, 0};
    }
    static JsonEdit append(std::string arrayPointer, Json value)
    {
        return {Kind::Append, std::move(arrayPointer), std::move(value), 0};
    }
    static JsonEdit swap(std::string elementPointer, std::size_t otherIndex)
    {
        return {Kind::Swap, std::move(elementPointer), {}, otherIndex};
    }
};

} // namespace studio
