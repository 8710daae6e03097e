#include "IndexPatcher.h"

#include "json/LineIndex.h"

namespace studio {

namespace {

struct Layout
{
    std::string elementIndent = "  "; // before each entry's '{'
    JsonStyle style;                  // indentation inside an entry
    std::string newline = "\n";
};

std::string leadingWhitespaceOfLine(std::string_view text, std::size_t offset)
{
    std::size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    std::size_t end = lineStart;
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
        ++end;
    return std::string(text.substr(lineStart, end - lineStart));
}

// Reads the indentation the file already uses, from its first entry with a member.
Layout detectLayout(std::string_view text, const JsonParseResult &parsed)
{
    Layout layout;
    if (text.find("\r\n") != std::string_view::npos)
        layout.newline = "\r\n";
    for (std::size_t i = 0; i < parsed.value.size(); ++i) {
        const JsonLocation *element = parsed.sourceMap.find("/" + std::to_string(i));
        if (!element)
            continue;
        layout.elementIndent = leadingWhitespaceOfLine(text, element->value.begin);
        const auto &entry = parsed.value[i];
        if (!entry.is_object() || entry.empty())
            break;
        const std::string firstKey = entry.begin().key();
        const JsonLocation *member =
            parsed.sourceMap.find("/" + std::to_string(i) + "/" + firstKey);
        if (!member || !member->key)
            break;
        const std::string memberIndent = leadingWhitespaceOfLine(text, member->key->begin);
        if (memberIndent.size() > layout.elementIndent.size() &&
            memberIndent.compare(0, layout.elementIndent.size(), layout.elementIndent) == 0) {
            layout.style.indentWidth =
                static_cast<int>(memberIndent.size() - layout.elementIndent.size());
            layout.style.indentChar = memberIndent.back();
        }
        break;
    }
    return layout;
}

// The entry's text, its continuation lines shifted to sit at the element's indentation.
std::string indentedEntry(const Json &entry, const Layout &layout)
{
    const std::string text = entryText(entry, layout.style);
    std::string result;
    result.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        if (c == '\n') {
            result += layout.newline;
            result += layout.elementIndent;
        } else {
            result += c;
        }
    }
    return result;
}

std::string stringMember(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

IndexPatch refuse(std::string reason)
{
    IndexPatch patch;
    patch.error = std::move(reason);
    return patch;
}

} // namespace

IndexPatch IndexPatcher::upsert(std::string_view indexText, const Json &entry)
{
    if (!entry.is_object())
        return refuse("the entry is not a JSON object");
    const std::string id = stringMember(entry, "id");
    if (id.empty())
        return refuse("the entry has no id");

    const JsonParseResult parsed = parseJson(indexText);
    if (!parsed.ok()) {
        const auto position = LineIndex(indexText).position(parsed.error->offset);
        return refuse("the index does not parse (line " + std::to_string(position.line) +
                      ", column " + std::to_string(position.column) + ": " + parsed.error->message +
                      "); fix it first");
    }
    if (!parsed.value.is_array())
        return refuse("the index is not a JSON array");

    std::optional<std::size_t> existing;
    for (std::size_t i = 0; i < parsed.value.size(); ++i) {
        if (stringMember(parsed.value[i], "id") != id)
            continue;
        if (existing)
            return refuse("the index already holds several entries with the id '" + id + "'");
        existing = i;
    }

    const Layout layout = detectLayout(indexText, parsed);
    const std::string entryBytes = indentedEntry(entry, layout);
    IndexPatch patch;
    std::string result(indexText);
    if (existing) {
        const Json &current = parsed.value[*existing];
        const std::string currentAuthor = stringMember(current, "author");
        const std::string newAuthor = stringMember(entry, "author");
        if (currentAuthor != newAuthor) {
            const auto line =
                LineIndex(indexText)
                    .position(parsed.sourceMap.find("/" + std::to_string(*existing))->value.begin)
                    .line;
            return refuse("the id '" + id + "' is taken by the entry of '" + currentAuthor +
                          "' at line " + std::to_string(line) + "; choose another id");
        }
        const SourceSpan span = parsed.sourceMap.find("/" + std::to_string(*existing))->value;
        result.replace(span.begin, span.length(), entryBytes);
        patch.action = IndexPatch::Action::Updated;
        patch.entryIndex = *existing;
        patch.changed = {span.begin, span.begin + entryBytes.size()};
    } else if (parsed.value.empty()) {
        const SourceSpan array = parsed.sourceMap.find("")->value;
        const std::string replacement =
            "[" + layout.newline + layout.elementIndent + entryBytes + layout.newline + "]";
        result.replace(array.begin, array.length(), replacement);
        patch.entryIndex = 0;
        patch.changed = {array.begin, array.begin + replacement.size()};
    } else {
        const std::size_t last = parsed.value.size() - 1;
        const SourceSpan lastSpan = parsed.sourceMap.find("/" + std::to_string(last))->value;
        const std::string insertion = "," + layout.newline + layout.elementIndent + entryBytes;
        result.insert(lastSpan.end, insertion);
        patch.entryIndex = last + 1;
        patch.changed = {lastSpan.end, lastSpan.end + insertion.size()};
    }

    const JsonParseResult check = parseJson(result, {.recordSourceMap = false});
    if (!check.ok() || !check.value.is_array() || patch.entryIndex >= check.value.size() ||
        check.value[patch.entryIndex] != canonicalEntry(entry))
        return refuse("the patched index would not parse back to the same entry");
    patch.ok = true;
    patch.text = std::move(result);
    return patch;
}

} // namespace studio
