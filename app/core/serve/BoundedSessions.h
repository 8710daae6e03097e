#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <deque>

namespace studio {

// What a plugin keeps per key (a session's segments, a uid's setup), bounded on both axes:
// at most maxKeys keys, the oldest key dropped first, and at most maxItems items per key,
// the oldest item dropped first. A server that runs for days stays the same size.
template <typename Item>
class BoundedSessions
{
public:
    BoundedSessions(int maxKeys, int maxItems)
        : m_maxKeys(maxKeys)
        , m_maxItems(maxItems)
    {}

    // Appends to the key's items; returns how many it holds now.
    int append(const QString &key, const QList<Item> &items)
    {
        std::deque<Item> &kept = itemsOf(key);
        for (const Item &item : items) {
            kept.push_back(item);
            if (int(kept.size()) > m_maxItems)
                kept.pop_front();
        }
        return int(kept.size());
    }

    bool contains(const QString &key) const { return m_items.contains(key); }
    void insert(const QString &key) { itemsOf(key); }

private:
    std::deque<Item> &itemsOf(const QString &key)
    {
        auto found = m_items.find(key);
        if (found != m_items.end())
            return *found;
        if (m_order.size() >= std::size_t(m_maxKeys)) {
            m_items.remove(m_order.front());
            m_order.pop_front();
        }
        m_order.push_back(key);
        return *m_items.insert(key, {});
    }

    int m_maxKeys;
    int m_maxItems;
    QHash<QString, std::deque<Item>> m_items;
    std::deque<QString> m_order; // keys, oldest first
};

} // namespace studio
