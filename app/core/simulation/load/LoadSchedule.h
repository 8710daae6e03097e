#pragma once

#include "LoadPlan.h"
#include "simulation/faults/Delivery.h"

#include <queue>

#include <optional>
#include <vector>

namespace studio {

// Every user's requests merged into one timeline, without listing them: a heap holds each
// user's next request, so a long run costs O(log users) per request and memory per user.
// Under faults (the base plan's) each user's round is delivered as FaultSchedule makes it,
// drawn from the plan's seed, the user and the round: only the rounds under way are held.
class LoadSchedule
{
public:
    struct Due
    {
        qint64 dueNs = 0; // on the run clock
        int user = 0;
        int round = 0; // 0 for the first replay of the conversation
        int index = 0; // the delivery within the round: the request's index without faults
        Delivery delivery; // which request it carries, and its faults
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

    void startRound(int user, int round);
    int roundLength(int user) const;
    Due dueAt(int user, int round, int index) const;
    void push(const Due &due);

    const LoadPlan &m_plan;
    qint64 m_roundNs;
    std::optional<qint64> m_endNs;
    bool m_faulted;
    std::vector<std::vector<Delivery>> m_rounds; // under faults: each user's round under way
    std::priority_queue<Due, std::vector<Due>, Later> m_heap;
};

} // namespace studio
