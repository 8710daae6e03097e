#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace studio {

// The two clocks of a replay, in nanoseconds:
// - the run clock: time the run has been running, from its start, pauses excluded (while
//   paused it stands still);
// - the conversation clock: where the replayed conversation stands. It runs `factor` times
//   as fast as the run clock and can jump (a seek, a step).
// A batch due at conversation time T goes out at runNsAt(T) on the run clock; because
// both clocks are anchored at the start (or the last jump), never at the previous send,
// scheduling errors do not add up over a long replay.
class ReplayClock
{
public:
    explicit ReplayClock(double factor = 1.0);

    void start(bool paused = false);
    void pause();
    void resume();
    bool isStarted() const { return m_started; }
    bool isRunning() const { return m_running; }
    double factor() const { return m_factor; }

    qint64 runNs() const;
    qint64 conversationNs() const;
    // The conversation clock stands at `conversationNs` from now on.
    void jumpTo(qint64 conversationNs);
    // When, on the run clock, the conversation reaches `conversationNs` at the current pace.
    qint64 runNsAt(qint64 conversationNs) const;

private:
    QElapsedTimer m_timer;
    qint64 m_accumulatedNs = 0; // run time before the last resume
    qint64 m_resumedAtNs = 0;   // m_timer's reading at the last resume
    bool m_started = false;
    bool m_running = false;
    double m_factor;
    qint64 m_anchorRunNs = 0;
    qint64 m_anchorConversationNs = 0;
};

} // namespace studio
