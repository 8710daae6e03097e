#include "JsonTextLayout.h"

#include "json/JsonPointer.h"

#include <algorithm>

namespace studio {

namespace {

bool isIndentChar(char c)
{
    return c == ' ' || c == '\t';
}

std::optional<std::size_t> arrayIndex(std::string_view token)
{
    if (token.empty() || (token.size() > 1 && token[0] == '0'))
        return std::nullopt;
    std::size_t index = 0;
    for (const char c : token) {
        if (c < '0' || c > '9')
            return std::nullopt;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index;
}

} // namespace

JsonTextLayout::JsonTextLayout(std::string_view text, const JsonParseResult &parsed)
    : m_text(text)
    , m_parsed(parsed)
    , m_newline(text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n")
{
    m_unit = detectUnit();
}

std::string JsonTextLayout::lineIndent(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    const std::size_t newline =
        offset == 0 ? std::string_view::npos : m_text.rfind('\n', offset - 1);
    const std::size_t lineStart = newline == std::string_view::npos ? 0 : newline + 1;
    std::size_t end = lineStart;
    while (end < m_text.size() && isIndentChar(m_text[end]))
        ++end;
    return std::string(m_text.substr(lineStart, end - lineStart));
}

bool JsonTextLayout::startsLine(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    while (offset > 0 && isIndentChar(m_text[offset - 1]))
        --offset;
    return offset == 0 || m_text[offset - 1] == '\n';
}

std::vector<JsonTextLayout::Item> JsonTextLayout::items(const std::string &pointer) const
{
    std::vector<Item> result;
    const Json *container = resolve(pointer);
    if (!container)
        return result;
    const auto add = [&](std::string itemPointer) {
        const JsonLocation *location = m_parsed.sourceMap.find(itemPointer);
        if (!location)
            return;
        const std::size_t begin = location->key ? location->key->begin : location->value.begin;
        result.push_back(
            {std::move(itemPointer), {begin, location->value.end}, location->key, location->value});
    };
    if (container->is_object()) {
        for (const auto &member : container->items())
            add(json_pointer::append(pointer, member.key()));
    } else if (container->is_array()) {
        for (std::size_t i = 0; i < container->size(); ++i)
            add(json_pointer::append(pointer, i));
    }
    std::sort(result.begin(), result.end(),
              [](const Item &a, const Item &b) { return a.span.begin < b.span.begin; });
    return result;
}

std::string JsonTextLayout::keySeparator() const
{
    for (const auto &item : items(std::string())) {
        if (item.key)
            return std::string(m_text.substr(item.key->end, item.value.begin - item.key->end));
    }
    return ": ";
}

const Json *JsonTextLayout::resolve(std::string_view pointer) const
{
    const Json *current = &m_parsed.value;
    for (const auto &token : json_pointer::tokens(pointer)) {
        if (current->is_object()) {
            const auto it = current->find(token);
            if (it == current->end())
                return nullptr;
            current = &*it;
        } else if (current->is_array()) {
            const auto index = arrayIndex(token);
            if (!index || *index >= current->size())
                return nullptr;
            current = &(*current)[*index];
        } else {
            return nullptr;
        }
    }
    return current;
}

std::string JsonTextLayout::render(const Json &value, std::string_view indent, bool compact) const
{
    constexpr auto replaceInvalid = Json::error_handler_t::replace;
    if (compact || !value.is_structured() || value.empty())
        return value.dump(-1, ' ', false, replaceInvalid);
    const char indentChar = m_unit.empty() ? ' ' : m_unit.front();
    const std::string text =
        value.dump(static_cast<int>(m_unit.size()), indentChar, false, replaceInvalid);
    std::string result;
    result.reserve(text.size() + text.size() / 4);
    for (const char c : text) {
        if (c == '\n') {
            result += m_newline;
            result += indent;
        } else {
            result += c;
        }
    }
    return result;
}

std::string JsonTextLayout::detectUnit() const
{
    // The first member or element on a line of its own, against the line of its container.
    const Json &root = m_parsed.value;
    if (!root.is_structured())
        return "  ";
    const JsonLocation *rootLocation = m_parsed.sourceMap.find(std::string());
    for (const auto &item : items(std::string())) {
        if (!rootLocation || !startsLine(item.span.begin))
            continue;
        const std::string outer = lineIndent(rootLocation->value.begin);
        const std::string inner = lineIndent(item.span.begin);
        if (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0)
            return inner.substr(outer.size());
    }
    return "  ";
}

} // namespace studio
