#include "IndexEntries.h"

#include "json/JsonPointer.h"
#include "json/LineIndex.h"

namespace studio {

namespace {

std::string stringMember(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string leadingIndent(std::string_view text, std::size_t offset)
{
    const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    const std::size_t lineStart = newline == std::string_view::npos ? 0 : newline + 1;
    std::size_t end = lineStart;
    while (end < offset && (text[end] == ' ' || text[end] == '\t'))
        ++end;
    return std::string(text.substr(lineStart, end - lineStart));
}

} // namespace

IndexListing IndexEntries::list(std::string_view indexText)
{
    IndexListing listing;
    const JsonParseResult parsed = parseJson(indexText);
    if (!parsed.ok()) {
        const auto position = LineIndex(indexText).position(parsed.error->offset);
        listing.error = "the index does not parse (line " + std::to_string(position.line) +
                        ", column " + std::to_string(position.column) + ": " +
                        parsed.error->message + ")";
        return listing;
    }
    if (!parsed.value.is_array()) {
        listing.error = "the index is not a JSON array of entries";
        return listing;
    }
    for (std::size_t i = 0; i < parsed.value.size(); ++i) {
        const JsonLocation *location = parsed.sourceMap.find(json_pointer::append("", i));
        if (!location)
            continue;
        const Json &value = parsed.value[i];
        IndexEntry entry;
        entry.position = i;
        entry.id = stringMember(value, "id");
        entry.name = stringMember(value, "name");
        entry.author = stringMember(value, "author");
        entry.image = stringMember(value, "image");
        entry.span = location->value;
        entry.indent = leadingIndent(indexText, location->value.begin);
        entry.text = dedent(indexText.substr(entry.span.begin, entry.span.length()), entry.indent);
        listing.entries.push_back(std::move(entry));
    }
    return listing;
}

std::string IndexEntries::dedent(std::string_view entryText, std::string_view indent)
{
    std::string result;
    result.reserve(entryText.size());
    std::size_t i = 0;
    while (i < entryText.size()) {
        const char c = entryText[i++];
        result += c;
        if (c != '\n')
            continue;
        std::size_t taken = 0;
        while (taken < indent.size() && i < entryText.size() && entryText[i] == indent[taken]) {
            ++i;
            ++taken;
        }
    }
    return result;
}

std::string IndexEntries::reindent(std::string_view entryText, std::string_view indent)
{
    std::string result;
    result.reserve(entryText.size() + entryText.size() / 16);
    for (const char c : entryText) {
        result += c;
        if (c == '\n')
            result += indent;
    }
    return result;
}

} // namespace studio
