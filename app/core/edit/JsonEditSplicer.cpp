#include "JsonEditSplicer.h"

#include "JsonTextLayout.h"
#include "ManifestKeyOrder.h"
#include "json/JsonPointer.h"

#include <algorithm>

namespace studio {

namespace {

std::string describe(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string";
    case Json::value_t::boolean:
        return "a boolean";
    case Json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

JsonEditResult failure(std::string error)
{
    return {std::nullopt, std::move(error)};
}

// A splice of the whole region [begin, end) cut down to the bytes that really change.
JsonEditResult replaceRange(std::string_view text, std::size_t begin, std::size_t end,
                            std::string_view replacement)
{
    TextSplice splice = TextSplice::between(text.substr(begin, end - begin), replacement);
    if (splice.isEmpty())
        return {};
    splice.offset += begin;
    return {std::move(splice), {}};
}

bool isIndexToken(std::string_view token)
{
    return token == "-" || (!token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
               return c >= '0' && c <= '9';
           }));
}

class EditPlanner
{
public:
    EditPlanner(std::string_view text, const JsonParseResult &parsed)
        : m_text(text)
        , m_parsed(parsed)
        , m_layout(text, parsed)
    {}

    JsonEditResult set(const std::string &pointer, const Json &value) const
    {
        if (const JsonLocation *location = m_parsed.sourceMap.find(pointer)) {
            // A member on a line of its own gets a multi-line value; one inside a one-line
            // object stays on that line.
            const std::size_t itemBegin =
                location->key ? location->key->begin : location->value.begin;
            const std::string rendered = m_layout.render(value, m_layout.lineIndent(itemBegin),
                                                         !m_layout.startsLine(itemBegin));
            return replaceRange(m_text, location->value.begin, location->value.end, rendered);
        }
        if (pointer.empty())
            return failure("the document is empty");
        const std::string parentPointer = json_pointer::parent(pointer);
        const std::string token = json_pointer::lastToken(pointer);
        const Json *parent = m_layout.resolve(parentPointer);
        if (!parent) {
            // Create the missing parent holding just this value.
            Json created =
                isIndexToken(token) ? Json::array({value}) : Json::object({{token, value}});
            return set(parentPointer, created);
        }
        if (parent->is_object())
            return insertMember(parentPointer, token, value);
        if (parent->is_array() && (token == "-" || token == std::to_string(parent->size())))
            return appendElement(parentPointer, value);
        return failure("cannot set '" + pointer + "': '" + displayPointer(parentPointer) + "' is " +
                       describe(*parent));
    }

    JsonEditResult remove(const std::string &pointer) const
    {
        if (!m_parsed.sourceMap.find(pointer))
            return {}; // already absent
        if (pointer.empty())
            return failure("the document itself cannot be removed");
        const std::string parentPointer = json_pointer::parent(pointer);
        const auto items = m_layout.items(parentPointer);
        const auto it = std::find_if(items.begin(), items.end(),
                                     [&](const auto &item) { return item.pointer == pointer; });
        if (it == items.end())
            return failure("cannot find '" + pointer + "' in the text");
        const auto k = static_cast<std::size_t>(it - items.begin());
        if (items.size() == 1) {
            const SourceSpan container = m_parsed.sourceMap.find(parentPointer)->value;
            return replaceRange(m_text, container.begin + 1, container.end - 1, {});
        }
        if (k + 1 < items.size())
            return replaceRange(m_text, items[k].span.begin, items[k + 1].span.begin, {});
        return replaceRange(m_text, items[k - 1].span.end, items[k].span.end, {});
    }

    JsonEditResult append(const std::string &arrayPointer, const Json &value) const
    {
        const Json *array = m_layout.resolve(arrayPointer);
        if (!array)
            return set(arrayPointer, Json::array({value}));
        if (!array->is_array())
            return failure("cannot add to '" + displayPointer(arrayPointer) + "': it is " +
                           describe(*array));
        return appendElement(arrayPointer, value);
    }

    JsonEditResult swap(const std::string &pointer, std::size_t otherIndex) const
    {
        const std::string arrayPointer = json_pointer::parent(pointer);
        const Json *array = m_layout.resolve(arrayPointer);
        if (!array || !array->is_array())
            return failure("cannot move '" + pointer + "': it is not an array element");
        const JsonLocation *first = m_parsed.sourceMap.find(pointer);
        const JsonLocation *second =
            m_parsed.sourceMap.find(json_pointer::append(arrayPointer, otherIndex));
        if (!first || !second)
            return failure("cannot move '" + pointer + "': no element " +
                           std::to_string(otherIndex) + " to swap with");
        SourceSpan low = first->value;
        SourceSpan high = second->value;
        if (low.begin > high.begin)
            std::swap(low, high);
        if (low == high)
            return {};
        std::string replacement(m_text.substr(high.begin, high.length()));
        replacement += m_text.substr(low.end, high.begin - low.end);
        replacement += m_text.substr(low.begin, low.length());
        return replaceRange(m_text, low.begin, high.end, replacement);
    }

private:
    static std::string displayPointer(const std::string &pointer)
    {
        return pointer.empty() ? std::string("the document") : pointer;
    }

    // The position among `items` where a member `key` belongs in the manifest's order.
    static std::size_t memberPosition(const std::string &objectPointer,
                                      const std::vector<JsonTextLayout::Item> &items,
                                      std::string_view key)
    {
        const auto rank = ManifestKeyOrder::rank(objectPointer, key);
        if (!rank)
            return items.size();
        std::optional<std::size_t> after;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto other =
                ManifestKeyOrder::rank(objectPointer, json_pointer::lastToken(items[i].pointer));
            if (other && *other < *rank)
                after = i;
        }
        return after ? *after + 1 : 0;
    }

    JsonEditResult insertMember(const std::string &objectPointer, const std::string &key,
                                const Json &value) const
    {
        const auto items = m_layout.items(objectPointer);
        const std::size_t position = memberPosition(objectPointer, items, key);
        const std::string head = Json(key).dump(-1, ' ', false, Json::error_handler_t::replace) +
                                 m_layout.keySeparator();
        return insertItem(objectPointer, items, position, head, value);
    }

    JsonEditResult appendElement(const std::string &arrayPointer, const Json &value) const
    {
        const auto items = m_layout.items(arrayPointer);
        return insertItem(arrayPointer, items, items.size(), {}, value);
    }

    // Inserts `head` + `value` (a member or an element) as item number `position`.
    JsonEditResult insertItem(const std::string &containerPointer,
                              const std::vector<JsonTextLayout::Item> &items, std::size_t position,
                              const std::string &head, const Json &value) const
    {
        const std::string &newline = m_layout.newline();
        const SourceSpan container = m_parsed.sourceMap.find(containerPointer)->value;
        const std::string containerIndent = m_layout.lineIndent(container.begin);
        if (items.empty()) {
            const std::string itemIndent = containerIndent + m_layout.unit();
            const std::string body = newline + itemIndent + head +
                                     m_layout.render(value, itemIndent, false) + newline +
                                     containerIndent;
            return replaceRange(m_text, container.begin + 1, container.end - 1, body);
        }
        const bool multiLine = m_layout.startsLine(items.front().span.begin);
        if (!multiLine) {
            const std::string item = head + m_layout.render(value, {}, true);
            if (position == 0)
                return insertAt(items.front().span.begin, item + ", ");
            return insertAt(items[position - 1].span.end, ", " + item);
        }
        const std::string itemIndent = m_layout.lineIndent(items.front().span.begin);
        const std::string item = head + m_layout.render(value, itemIndent, false);
        if (position == 0)
            return insertAt(items.front().span.begin, item + "," + newline + itemIndent);
        return insertAt(items[position - 1].span.end, "," + newline + itemIndent + item);
    }

    static JsonEditResult insertAt(std::size_t offset, std::string text)
    {
        return {TextSplice{offset, {}, std::move(text)}, {}};
    }

    std::string_view m_text;
    const JsonParseResult &m_parsed;
    JsonTextLayout m_layout;
};

} // namespace

JsonEditResult JsonEditSplicer::apply(std::string_view text, const JsonParseResult &parsed,
                                      const JsonEdit &edit)
{
    if (!parsed.ok())
        return failure("the text does not parse; fix the syntax error first");
    const EditPlanner planner(text, parsed);
    switch (edit.kind) {
    case JsonEdit::Kind::Set:
        return planner.set(edit.pointer, edit.value);
    case JsonEdit::Kind::Remove:
        return planner.remove(edit.pointer);
    case JsonEdit::Kind::Append:
        return planner.append(edit.pointer, edit.value);
    case JsonEdit::Kind::Swap:
        return planner.swap(edit.pointer, edit.otherIndex);
    }
    return failure("unknown edit");
}

JsonEditsResult JsonEditSplicer::applyAll(std::string_view text, const std::vector<JsonEdit> &edits)
{
    JsonEditsResult result;
    result.text = std::string(text);
    for (const auto &edit : edits) {
        const JsonParseResult parsed = parseJson(result.text);
        JsonEditResult step = apply(result.text, parsed, edit);
        if (!step.ok()) {
            result.error = std::move(step.error);
            result.splices.clear();
            result.text = std::string(text);
            return result;
        }
        if (step.splice) {
            step.splice->applyTo(result.text);
            result.splices.push_back(std::move(*step.splice));
        }
    }
    return result;
}

} // namespace studio
