#include "IndexSplicer.h"

#include "IndexEntries.h"
#include "json/LineIndex.h"

namespace studio {

namespace {

IndexSplice refuse(std::string reason)
{
    IndexSplice result;
    result.error = std::move(reason);
    return result;
}

std::string position(std::string_view text, std::size_t offset)
{
    const auto where = LineIndex(text).position(offset);
    return "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
}

std::string newlineOf(std::string_view text)
{
    return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::string stringMember(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The entry the new text replaces, nullptr when it is appended, or an error.
struct TargetLookup
{
    const IndexEntry *entry = nullptr;
    std::string error;
};

TargetLookup findTarget(const IndexListing &listing, const IndexSpliceTarget &target)
{
    TargetLookup lookup;
    if (!target.replaces)
        return lookup;
    for (const auto &candidate : listing.entries) {
        if (candidate.id != *target.replaces)
            continue;
        if (lookup.entry) {
            lookup.error = "the index holds several entries with the id '" + *target.replaces +
                           "'; make the ids unique first";
            return lookup;
        }
        lookup.entry = &candidate;
    }
    if (!lookup.entry && !target.appendWhenMissing)
        lookup.error = "the entry '" + *target.replaces +
                       "' is no longer in the index (it changed on disk); save the entry as a "
                       "new file or reopen the index";
    return lookup;
}

} // namespace

IndexSplice IndexSplicer::splice(std::string_view indexText, std::string_view entryText,
                                 const IndexSpliceTarget &target)
{
    const JsonParseResult entry = parseJson(entryText, {.recordSourceMap = false});
    if (!entry.ok())
        return refuse("the entry does not parse (" + position(entryText, entry.error->offset) +
                      ": " + entry.error->message +
                      "); saving it would break the whole index, so fix it first");
    if (!entry.value.is_object())
        return refuse("the entry is not a JSON object");
    const std::string id = stringMember(entry.value, "id");

    const IndexListing listing = IndexEntries::list(indexText);
    if (!listing.ok())
        return refuse(listing.error + "; fix community-plugins.json first");
    const TargetLookup lookup = findTarget(listing, target);
    if (!lookup.error.empty())
        return refuse(lookup.error);
    const IndexEntry *replaced = lookup.entry;

    if (replaced && target.sameAuthorOnly) {
        const std::string author = stringMember(entry.value, "author");
        if (replaced->author != author)
            return refuse("the id '" + id + "' is taken by the entry of '" + replaced->author +
                          "' at line " +
                          std::to_string(LineIndex(indexText).position(replaced->span.begin).line) +
                          "; choose another id");
    }
    for (const auto &other : listing.entries) {
        if (&other != replaced && !id.empty() && other.id == id)
            return refuse("the id '" + id + "' is already used by the entry at " +
                          position(indexText, other.span.begin) + "; choose another id");
    }

    IndexSplice result;
    result.text = std::string(indexText);
    const std::string newline = newlineOf(indexText);
    if (replaced) {
        const std::string bytes = IndexEntries::reindent(entryText, replaced->indent);
        result.text.replace(replaced->span.begin, replaced->span.length(), bytes);
        result.action = IndexSplice::Action::Updated;
        result.entryIndex = replaced->position;
        result.changed = {replaced->span.begin, replaced->span.begin + bytes.size()};
    } else if (listing.entries.empty()) {
        const JsonParseResult index = parseJson(indexText);
        const SourceSpan array = index.sourceMap.find(std::string())->value;
        const std::string bytes =
            "[" + newline + "  " + IndexEntries::reindent(entryText, "  ") + newline + "]";
        result.text.replace(array.begin, array.length(), bytes);
        result.changed = {array.begin, array.begin + bytes.size()};
    } else {
        const IndexEntry &last = listing.entries.back();
        const std::string bytes =
            "," + newline + last.indent + IndexEntries::reindent(entryText, last.indent);
        result.text.insert(last.span.end, bytes);
        result.entryIndex = last.position + 1;
        result.changed = {last.span.end, last.span.end + bytes.size()};
    }

    const JsonParseResult check = parseJson(result.text, {.recordSourceMap = false});
    if (!check.ok() || !check.value.is_array() || result.entryIndex >= check.value.size() ||
        check.value[result.entryIndex] != entry.value)
        return refuse("the index would not parse back to the same entry; nothing was written");
    return result;
}

IndexSplice IndexSplicer::upsert(std::string_view indexText, const Json &entry)
{
    if (!entry.is_object())
        return refuse("the entry is not a JSON object");
    const std::string id = stringMember(entry, "id");
    if (id.empty())
        return refuse("the entry has no id");

    // The canonical text in the file's own indentation and line endings.
    const std::string newline = newlineOf(indexText);
    std::string text;
    for (const char c : entryText(entry, entryStyle(indexText))) {
        if (c == '\n')
            text += newline;
        else
            text += c;
    }
    return splice(indexText, text,
                  {.replaces = id, .appendWhenMissing = true, .sameAuthorOnly = true});
}

JsonStyle IndexSplicer::entryStyle(std::string_view indexText)
{
    JsonStyle style;
    const IndexListing listing = IndexEntries::list(indexText);
    for (const IndexEntry &entry : listing.entries) {
        // The first member's line, inside the entry (whose own indent is already off).
        const std::size_t lineStart = entry.text.find('\n');
        if (lineStart == std::string::npos)
            continue;
        std::size_t end = lineStart + 1;
        while (end < entry.text.size() && (entry.text[end] == ' ' || entry.text[end] == '\t'))
            ++end;
        if (end > lineStart + 1 && end < entry.text.size() && entry.text[end] == '"') {
            style.indentWidth = int(end - lineStart - 1);
            style.indentChar = entry.text[end - 1];
        }
        break;
    }
    return style;
}

} // namespace studio
