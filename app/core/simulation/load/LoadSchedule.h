#pragma once

#include "LoadPlan.h"

#include <QList>
#include <queue>

#include <optional>
#include <vector>

namespace studio {

// Every user's requests merged into one timeline, without listing them: a heap holds each
// user's next request, so a long run costs O(log users) per request and memory per user.
class LoadSchedule
{
public:
    struct Due
    {
        qint64 dueNs = 0; // on the run clock
        int user = 0;
        int round = 0; // 0 for the first replay of the conversation
        int index = 0; // the request within the round
    };

    explicit LoadSchedule(const LoadPlan &plan);

    bool isEmpty() const { return m_heap.empty(); }
    // The next request due, the earliest first (ties: the lower user).
    const Due &peek() const { return m_heap.top(); }
    Due take();

private:
    struct Later
    {
        bool operator()(const Due &a, const Due &b) const
        {
            return a.dueNs != b.dueNs ? a.dueNs > b.dueNs : a.user > b.user;
        }
    };

    void push(const Due &due);

    const LoadPlan &m_plan;
    qint64 m_roundNs;
    std::optional<qint64> m_endNs;
    std::priority_queue<Due, std::vector<Due>, Later> m_heap;
};

} // namespace studio
