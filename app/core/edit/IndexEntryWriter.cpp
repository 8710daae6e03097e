#include "IndexEntryWriter.h"

#include "IndexEntries.h"
#include "json/JsonParser.h"
#include "json/LineIndex.h"

namespace studio {

namespace {

IndexEntryWrite refuse(std::string reason)
{
    IndexEntryWrite result;
    result.error = std::move(reason);
    return result;
}

std::string position(std::string_view text, std::size_t offset)
{
    const auto where = LineIndex(text).position(offset);
    return "line " + std::to_string(where.line) + ", column " + std::to_string(where.column);
}

} // namespace

IndexEntryWrite IndexEntryWriter::write(std::string_view indexText, std::string_view entryText,
                                        const std::optional<std::string> &originalId)
{
    const JsonParseResult entry = parseJson(entryText, {.recordSourceMap = false});
    if (!entry.ok())
        return refuse("the entry does not parse (" + position(entryText, entry.error->offset) +
                      ": " + entry.error->message +
                      "); saving it would break the whole index, so fix it first");
    if (!entry.value.is_object())
        return refuse("the entry is not a JSON object");
    const auto idIt = entry.value.find("id");
    const std::string id =
        idIt != entry.value.end() && idIt->is_string() ? idIt->get<std::string>() : std::string();

    const IndexListing listing = IndexEntries::list(indexText);
    if (!listing.ok())
        return refuse(listing.error + "; fix community-plugins.json first");

    const IndexEntry *target = nullptr;
    if (originalId) {
        for (const auto &candidate : listing.entries) {
            if (candidate.id != *originalId)
                continue;
            if (target)
                return refuse("the index holds several entries with the id '" + *originalId +
                              "'; make the ids unique first");
            target = &candidate;
        }
        if (!target)
            return refuse("the entry '" + *originalId +
                          "' is no longer in the index (it changed on disk); save the "
                          "entry as a new file or reopen the index");
    }
    for (const auto &other : listing.entries) {
        if (&other != target && !id.empty() && other.id == id)
            return refuse("the id '" + id + "' is already used by the entry at " +
                          position(indexText, other.span.begin) + "; choose another id");
    }

    IndexEntryWrite result;
    result.text = std::string(indexText);
    if (target) {
        const std::string bytes = IndexEntries::reindent(entryText, target->indent);
        result.text.replace(target->span.begin, target->span.length(), bytes);
        result.entryIndex = target->position;
        result.changed = {target->span.begin, target->span.begin + bytes.size()};
    } else if (listing.entries.empty()) {
        const JsonParseResult index = parseJson(indexText);
        const SourceSpan array = index.sourceMap.find(std::string())->value;
        const std::string newline =
            indexText.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
        const std::string bytes =
            "[" + newline + "  " + IndexEntries::reindent(entryText, "  ") + newline + "]";
        result.text.replace(array.begin, array.length(), bytes);
        result.changed = {array.begin, array.begin + bytes.size()};
    } else {
        const IndexEntry &last = listing.entries.back();
        const std::string newline =
            indexText.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
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

} // namespace studio
