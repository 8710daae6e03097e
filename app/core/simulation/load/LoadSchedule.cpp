#include "LoadSchedule.h"

#include <cmath>

namespace studio {

LoadSchedule::LoadSchedule(const LoadPlan &plan)
    : m_plan(plan)
    , m_roundNs(plan.roundNs())
{
    if (plan.durationSeconds)
        m_endNs = std::llround(*plan.durationSeconds * 1e9);
    if (plan.requestsPerRound() == 0)
        return;
    for (int user = 0; user < plan.users; ++user)
        push({plan.startNs(user) + plan.offsetNs(0), user, 0, 0});
}

void LoadSchedule::push(const Due &due)
{
    // Without a duration each user plays once; with one, nothing is due after it.
    if (m_endNs ? due.dueNs >= *m_endNs : due.round > 0)
        return;
    m_heap.push(due);
}

LoadSchedule::Due LoadSchedule::take()
{
    const Due due = m_heap.top();
    m_heap.pop();
    if (due.index + 1 < m_plan.requestsPerRound()) {
        const qint64 roundStart = m_plan.startNs(due.user) + qint64(due.round) * m_roundNs;
        push({roundStart + m_plan.offsetNs(due.index + 1), due.user, due.round, due.index + 1});
    } else {
        const int round = due.round + 1;
        push({m_plan.startNs(due.user) + qint64(round) * m_roundNs + m_plan.offsetNs(0), due.user,
              round, 0});
    }
    return due;
}

} // namespace studio
