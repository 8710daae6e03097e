#include "JsonSourceMap.h"
#include "JsonPointer.h"

#include <algorithm>
#include <charconv>

namespace studio {

namespace {

// Objects up to this many members are searched member by member; larger ones by name.
constexpr std::uint32_t kSmallObject = 16;

// An array index as pointers write it: decimal, without leading zeros.
std::optional<std::size_t> arrayIndex(std::string_view token)
{
    if (token.empty() || (token.size() > 1 && token.front() == '0'))
        return std::nullopt;
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), index);
    if (error != std::errc() || end != token.data() + token.size())
        return std::nullopt;
    return index;
}

} // namespace

JsonSourceMap::ValueId JsonSourceMap::add(std::string_view memberName)
{
    Value value;
    value.nameBegin = m_names.size();
    value.nameLength = static_cast<std::uint32_t>(memberName.size());
    m_names.append(memberName);
    const auto id = static_cast<ValueId>(m_values.size());
    m_values.push_back(value);
    if (!m_open.empty())
        m_pending.push_back(id);
    return id;
}

void JsonSourceMap::open(ValueId container, bool isObject)
{
    m_values[container].isObject = isObject;
    m_open.emplace_back(container, m_pending.size());
}

void JsonSourceMap::close()
{
    const auto [id, first] = m_open.back();
    m_open.pop_back();
    Value &container = m_values[id];
    container.childrenBegin = static_cast<ValueId>(m_children.size());
    container.childCount = static_cast<std::uint32_t>(m_pending.size() - first);
    m_children.insert(m_children.end(), m_pending.begin() + std::ptrdiff_t(first), m_pending.end());
    m_pending.resize(first);
    if (container.isObject && container.childCount > kSmallObject) {
        // By name, and among equal names in text order: a lookup takes the last of them.
        container.sortedBegin = static_cast<ValueId>(m_sortedChildren.size());
        const auto begin = m_children.begin() + std::ptrdiff_t(container.childrenBegin);
        m_sortedChildren.insert(m_sortedChildren.end(), begin, begin + container.childCount);
        std::stable_sort(m_sortedChildren.begin() + std::ptrdiff_t(container.sortedBegin),
                         m_sortedChildren.end(), [this](ValueId a, ValueId b) {
                             return nameOf(m_values[a]) < nameOf(m_values[b]);
                         });
    }
}

void JsonSourceMap::closeAll()
{
    while (!m_open.empty())
        close();
}

void JsonSourceMap::locate(ValueId value, JsonLocation location)
{
    m_located += m_values[value].located ? 0 : 1;
    m_values[value].location = location;
    m_values[value].located = true;
}

std::string_view JsonSourceMap::nameOf(const Value &value) const
{
    return std::string_view(m_names).substr(value.nameBegin, value.nameLength);
}

std::optional<JsonSourceMap::ValueId> JsonSourceMap::member(const Value &object,
                                                            std::string_view name) const
{
    if (object.childCount <= kSmallObject) {
        for (std::size_t i = object.childCount; i > 0; --i) {
            const ValueId id = m_children[std::size_t(object.childrenBegin) + i - 1];
            if (nameOf(m_values[id]) == name)
                return id;
        }
        return std::nullopt;
    }
    const auto begin = m_sortedChildren.begin() + std::ptrdiff_t(object.sortedBegin);
    const auto end = begin + object.childCount;
    const auto after = std::upper_bound(begin, end, name, [this](std::string_view n, ValueId id) {
        return n < nameOf(m_values[id]);
    });
    if (after == begin || nameOf(m_values[*(after - 1)]) != name)
        return std::nullopt;
    return *(after - 1);
}

std::optional<JsonSourceMap::ValueId> JsonSourceMap::child(const Value &container,
                                                           std::string_view token) const
{
    if (container.isObject)
        return member(container, json_pointer::unescapeToken(token));
    const auto index = arrayIndex(token);
    if (!index || *index >= container.childCount)
        return std::nullopt;
    return m_children[std::size_t(container.childrenBegin) + *index];
}

template <typename Visit> void JsonSourceMap::walk(std::string_view pointer, Visit visit) const
{
    if (m_values.empty() || (!pointer.empty() && pointer.front() != '/'))
        return;
    ValueId current = 0;
    visit(m_values[current], pointer.empty());
    std::size_t at = 0;
    while (at < pointer.size()) {
        const std::size_t next = std::min(pointer.find('/', at + 1), pointer.size());
        const auto found = child(m_values[current], pointer.substr(at + 1, next - at - 1));
        if (!found)
            return;
        current = *found;
        at = next;
        visit(m_values[current], at == pointer.size());
    }
}

const JsonLocation *JsonSourceMap::find(std::string_view pointer) const
{
    const JsonLocation *found = nullptr;
    walk(pointer, [&](const Value &value, bool last) {
        if (last && value.located)
            found = &value.location;
    });
    return found;
}

const JsonLocation *JsonSourceMap::findNearest(std::string_view pointer) const
{
    const JsonLocation *nearest = nullptr;
    walk(pointer, [&](const Value &value, bool) {
        if (value.located)
            nearest = &value.location;
    });
    return nearest;
}

} // namespace studio
