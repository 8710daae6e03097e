#pragma once

#include "CircuitBreaker.h"
#include "ReplayClock.h"
#include "SimulationPlan.h"
#include "simulation/faults/Delivery.h"
#include "simulation/judge/ProactiveRateLimiter.h"
#include "simulation/report/RunInfo.h"
#include "simulation/report/RunRecord.h"
#include "simulation/report/RunSummary.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>
#include <vector>

namespace studio {

class HttpClient;
class HttpReply;

// One simulated session of the app calling a plugin: a memory_creation call, or the
// transcript_processed calls of a conversation replayed in real time, at a speed factor or
// as fast as possible (see ReplaySpeed). Each answer is judged as the app judges it
// (AppResponseJudge) and becomes a RunRecord.
//
// Scheduling runs on the owner's event loop and never blocks: a precise single-shot timer
// is armed for the next batch's due time, measured on the run clock from the start (see
// ReplayClock), never from the previous answer, so a slow plugin does not delay later
// batches and any number of requests may be in flight. Every record carries when the batch
// was due and when it went out.
//
// Control: pause() stops the clock (answers still arrive), resume() goes on, step() sends
// the next batch now and stays paused (the conversation clock jumps to its send time),
// seek() jumps the conversation clock forward: batches it passes over are not sent, and
// batchSkipped() says so. stop() abandons what is left and cancels what is in flight.
//
// audio_bytes plans follow the app's latest-wins buffer instead: at most one request is in
// flight. A chunk that falls due meanwhile waits; when a newer one falls due before the
// answer, the waiting one is dropped (a record marked not sent, saying why), so the newest
// chunk always goes. As fast as possible, each chunk goes when the previous one is answered
// and none is dropped.
//
// A plan the app would not send at all (a deleted plugin, a discarded memory) sends
// nothing: every batch is reported skipped with the app's reason, then the run finishes.
//
// Under a contract with a circuit breaker (apps-2026) the run keeps the app's breaker for
// the webhook URL on the conversation clock (see CircuitBreaker): a request due while it is
// open is not sent and completes at once as a record marked not sent, with the reason; the
// probe's record says it was the probe. Signed plans are signed as each request goes out.
//
// A plan with faults (SimulationPlan::faults) is delivered as the app would under them (see
// FaultSchedule): a request index is then a delivery's, in the order sent; a lost one
// completes as a record marked not sent; a duplicate and its original carry the same
// X-Omi-Idempotency-Key (the delivery id when signed), and the duplicate's record says
// whether the plugin answered both alike. Each record lists its faults.
//
// The HttpClient must outlive the run. Destroying a run abandons its exchanges.
class SimulationRun : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,     // not started
        Running,  // sending on schedule
        Paused,   // the clock stands still; nothing is sent unless stepped
        Finished, // everything sent or skipped, and every answer in
    };
    Q_ENUM(State)

    SimulationRun(SimulationPlan plan, HttpClient *client, QObject *parent = nullptr);
    ~SimulationRun() override;

    const SimulationPlan &plan() const { return m_plan; }
    State state() const { return m_state; }
    // Requests the run makes: the plan's, as delivered under its faults.
    int requestCount() const { return int(m_deliveries.size()); }
    int nextIndex() const { return m_next; } // the next batch to go out; requestCount() when none
    int inFlightCount() const { return int(m_inFlight.size()); }
    // Where the replayed conversation stands.
    double conversationSeconds() const;
    // Completed requests, in the order they were sent.
    const QList<RunRecord> &records() const { return m_records; }
    RunSummary summary() const { return RunSummary::of(m_records); }
    RunInfo runInfo() const;

    // When request `index` is due, in conversation seconds.
    double sendAtSeconds(int index) const;
    // "memory", "window 30-60 s", "segment 12 (40.2-43.1 s)", "chunk 2 (4-8 s, 128000 bytes)"
    QString label(int index) const;

public slots:
    void start();
    void pause();
    void resume();
    // Sends the next batch now and stays paused (starts the run paused when it is idle).
    void step();
    // Jumps the conversation clock forward to `conversationSeconds`: batches due before it
    // are skipped. Refused (false) when it would go back before a batch already sent.
    bool seek(double conversationSeconds);
    // Jumps to the start of batch `index`'s window: the batches before it are skipped.
    // Refused (false) for a batch already sent or out of range.
    bool seekToBatch(int index);
    // Sends nothing more and cancels the requests in flight (their records say so).
    void stop();

signals:
    void stateChanged(studio::SimulationRun::State state);
    // Batch `index` went out; both times are on the run clock, in milliseconds.
    void batchSent(int index, double scheduledMs, double sentMs);
    void batchSkipped(int index, const QString &reason);
    void recordCompleted(const studio::RunRecord &record);
    void finished(const studio::RunSummary &summary);

private:
    // An audio chunk due while the previous one is still in flight.
    struct Waiting
    {
        int index = 0;
        qint64 dueRunNs = 0;
    };

    struct Pending
    {
        RunRecord record;
        qint64 conversationMs = 0; // the app's clock when it sent the batch
        bool probe = false;        // the circuit breaker's one request after it was open
    };

    void begin(bool paused);
    void setState(State state);
    void dispatchDue();
    void armTimer();
    void send(int index, qint64 dueRunNs);
    // Sends batch `index` now, or under latest-wins makes it the one waiting.
    void offer(int index, qint64 dueRunNs);
    void sendWaiting();
    void dropWaiting(const QString &reason);
    bool latestWins() const { return m_plan.trigger == AppTrigger::AudioBytes; }
    RunRecord recordFor(int index, const HttpRequest &request) const;
    void onAnswered(HttpReply *reply, const HttpResult &result);
    void holdBack(RunRecord record, const HttpRequest &request,
                  const CircuitBreaker::Admission &admission);
    void complete(const RunRecord &record);
    void skipUntil(int index, const QString &reason);
    void jump(int firstToSend, qint64 conversationNs);
    void finishIfDone();
    HttpRequest requestFor(int index) const;
    const Delivery &delivery(int index) const { return m_deliveries[std::size_t(index)]; }
    // A lost delivery (the gap fault): a record marked not sent.
    void lose(int index, qint64 dueRunNs);
    // Once a duplicate and its original are both in: whether they were answered alike.
    void compareWithOriginal(int index);
    qint64 sendAtNs(int index) const;
    qint64 lastSentAtNs() const;

    SimulationPlan m_plan;
    std::vector<Delivery> m_deliveries;
    // The idempotency key of each delivery that has a duplicate, by its index.
    QHash<int, QByteArray> m_idempotencyKeys;
    HttpClient *m_client;
    ReplayClock m_clock;
    QTimer m_timer;
    ProactiveRateLimiter m_rateLimiter;
    CircuitBreaker m_breaker;
    State m_state = State::Idle;
    int m_next = 0;
    bool m_stopping = false;
    qint64 m_fastDueNs = 0;      // fast mode: when the next batch became due (run clock)
    qint64 m_fastPositionNs = 0; // fast mode: where the conversation stands
    QHash<HttpReply *, Pending> m_inFlight;
    std::optional<Waiting> m_waiting;
    QList<RunRecord> m_records;
    QDateTime m_startedAt;
};

} // namespace studio
