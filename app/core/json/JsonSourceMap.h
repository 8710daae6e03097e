#pragma once

#include "SourceLocation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

// Where a JSON value sits in its text: the value itself and, for object members, its key.
struct JsonLocation
{
    SourceSpan value;
    std::optional<SourceSpan> key;
};

// JSON pointer -> location of every value of a parsed document.
//
// Kept as the document's tree, each value once with its member name, rather than as a table
// of pointers: a pointer repeats every name above its value, so storing one per value costs
// the square of the text when a long name has many values below it, and a large document's
// million pointers take longer to hash and free than the parse itself.
class JsonSourceMap
{
public:
    const JsonLocation *find(std::string_view pointer) const;

    // The location of the pointer or, when it names a value that is absent (a missing
    // member), of its nearest present ancestor.
    const JsonLocation *findNearest(std::string_view pointer) const;

    std::size_t size() const { return m_located; }
    bool empty() const { return m_located == 0; }

    // Building, for the parser, which meets values in text order: a value is added where it
    // starts, inside the innermost open container (none for the root), containers are
    // opened and closed around their members, and each value is located once it ends. A
    // repeated member name finds its last value, as a parsed object keeps.
    using ValueId = std::uint32_t;
    ValueId add(std::string_view memberName = {});
    void open(ValueId container, bool isObject);
    void close();
    void locate(ValueId value, JsonLocation location);
    // After a parse error: the containers still open keep the members read so far.
    void closeAll();

private:
    struct Value
    {
        JsonLocation location;
        std::size_t nameBegin = 0; // in m_names
        std::uint32_t nameLength = 0;
        std::uint32_t childCount = 0;
        ValueId childrenBegin = 0; // in m_children, once closed
        ValueId sortedBegin = 0;   // in m_sortedChildren, for large objects
        bool isObject = false;
        bool located = false;
    };

    std::string_view nameOf(const Value &value) const;
    std::optional<ValueId> child(const Value &container, std::string_view token) const;
    std::optional<ValueId> member(const Value &object, std::string_view name) const;
    // The values along the pointer, from the root, as far as they exist.
    template <typename Visit> void walk(std::string_view pointer, Visit visit) const;

    std::vector<Value> m_values;
    std::string m_names;
    std::vector<ValueId> m_children;       // each container's values, contiguous, in text order
    std::vector<ValueId> m_sortedChildren; // large objects' members again, by name
    std::vector<ValueId> m_pending;        // values of the containers still open
    std::vector<std::pair<ValueId, std::size_t>> m_open; // container, its first pending value
    std::size_t m_located = 0;
};

} // namespace studio
