#pragma once

#include "json/JsonParser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace studio {

// How a parsed JSON text is laid out: its newline, its indentation unit, where each member
// or element of a container sits. New text is written in the same style, so an inserted
// member looks as if the author had typed it.
class JsonTextLayout
{
public:
    struct Item
    {
        std::string pointer;
        SourceSpan span; // from the key (members) or the value (elements) to the value's end
        std::optional<SourceSpan> key; // members only
        SourceSpan value;
    };

    JsonTextLayout(std::string_view text, const JsonParseResult &parsed);

    const std::string &newline() const { return m_newline; }
    const std::string &unit() const { return m_unit; }

    // The whitespace that starts the line holding `offset`.
    std::string lineIndent(std::size_t offset) const;
    // True when only whitespace precedes `offset` on its line.
    bool startsLine(std::size_t offset) const;

    // The members or elements of the container at `pointer`, in text order.
    std::vector<Item> items(const std::string &pointer) const;
    // The text between a key and its value in this document (": " unless it says otherwise).
    std::string keySeparator() const;

    // The value at `pointer`, or null when it is absent.
    const Json *resolve(std::string_view pointer) const;

    // `value` as JSON text for a place whose line starts with `indent`: multi-line values
    // are indented one unit per level below it; `compact` keeps them on one line.
    std::string render(const Json &value, std::string_view indent, bool compact) const;

private:
    std::string detectUnit() const;

    std::string_view m_text;
    const JsonParseResult &m_parsed;
    std::string m_newline;
    std::string m_unit;
};

} // namespace studio
