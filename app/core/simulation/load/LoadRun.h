#pragma once

#include "LoadPlan.h"
#include "LoadRecord.h"
#include "LoadSchedule.h"
#include "LoadStats.h"
#include "http/HttpExchange.h"
#include "simulation/engine/CircuitBreaker.h"
#include "simulation/judge/ProactiveRateLimiter.h"
#include "simulation/report/RunInfo.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <deque>
#include <optional>
#include <vector>

namespace studio {

class HttpClient;
class HttpReply;

// Many users of the app calling one plugin at once (see LoadPlan), in the open model: each
// request goes out when it is due whether or not earlier ones were answered, as the app's
// users do not wait for each other. A request that cannot go out on time is sent as soon as
// it can and counted late, with how late, never moved in the schedule: when the cap on
// requests in flight is reached it waits for one to end, and when the studio's own event
// loop falls behind its timer fires late. Either way sentMs - scheduledMs says by how much.
//
// Each answer is judged as the app judges it for that user (the proactive rate limit is per
// user); the figures of every request go into constant-size counters and histograms
// (LoadStats), and the run keeps whole records only of its first kKeptFirst requests and of
// up to kKeptFailures failed ones, so a long run's memory does not grow with its requests.
//
// Under faults (the base plan's; see FaultSchedule) each user's rounds are delivered as the
// app would deliver them: a lost request is a record marked not sent, a duplicate and its
// original carry one X-Omi-Idempotency-Key and are compared when both are answered
// (LoadSummary::run.duplicatesAnsweredDifferently), and every record lists its faults.
//
// An audio_bytes plan streams each user's recording through the app's latest-wins buffer,
// one buffer per user (see SimulationRun): at most one request of a user is out (in flight,
// or held by the cap on requests in flight); a chunk that falls due meanwhile waits, and when
// a newer one of the same user falls due first the waiting one is dropped, a record marked
// not sent (LatestWins::droppedReason) that is no failure of the plugin
// (LoadSummary::dropped). Users never wait for each other. A chunk's wait in its buffer is
// the app's, not counted late (LoadRecord::waitedMs); a lost chunk (the gap fault) never
// enters the buffer.
//
// Under a contract with a circuit breaker (apps-2026) the run keeps the backend's one breaker
// for the webhook URL, shared by every user as the backend shares it, on the app's clock (the
// run clock at the replay's speed): a request due while it is open is not sent and counts
// as held back (an error of kind "circuit-open").
//
// Scheduling runs on the owner's event loop and never blocks. Connections are the plan's
// transport's: one per request for plugins-2024, a pool for apps-2026.
class LoadRun : public QObject
{
    Q_OBJECT

public:
    // A request sent later than this after it was due counts as late: timers wake within a
    // millisecond or two, so more means the studio could not send it on time.
    static constexpr double kLateAfterMs = 10;
    static constexpr int kKeptFirst = 100;
    static constexpr int kKeptFailures = 1000;

    // Per user, for the report.
    struct UserTotals
    {
        qint64 sent = 0;
        qint64 completed = 0;
        qint64 failed = 0; // a failed request or an answer the app cannot use
        qint64 notifications = 0;
        qint64 dropped = 0; // audio chunks its latest-wins buffer dropped
    };

    LoadRun(LoadPlan plan, HttpClient *client, QObject *parent = nullptr);
    ~LoadRun() override;

    const LoadPlan &plan() const { return m_plan; }
    bool isFinished() const { return m_finished; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    int waitingCount() const { return int(m_waiting.size()); } // held by the cap
    // Audio: chunks waiting in their users' latest-wins buffers for an answer.
    int bufferedCount() const { return m_buffered; }
    const std::vector<UserTotals> &users() const { return m_users; }
    // The records kept whole, in the order they completed.
    const QList<LoadRecord> &keptRecords() const { return m_kept; }
    qint64 recordsLeftOut() const { return m_leftOut; }
    LoadSummary summary() const;
    RunInfo runInfo() const;
    // Why the app would not call at all (a deleted plugin, a discarded memory): nothing is
    // sent and the run finishes at once.
    const std::optional<QString> &skipReason() const { return m_skipReason; }

public slots:
    void start();
    // Sends nothing more and cancels the requests in flight; what was still due counts as
    // left (LoadSummary::left).
    void stop();

signals:
    void requestSent(int user, int round, int index);
    void recordCompleted(const studio::LoadRecord &record);
    void secondElapsed(const studio::LoadSecond &second);
    void finished(const studio::LoadSummary &summary);

private:
    // A request the app sends: due on the schedule, and ready to go when the app sends it (its
    // due time, or for an audio chunk that waited in its user's buffer, the answer it waited
    // for).
    struct Offer
    {
        LoadSchedule::Due due;
        qint64 readyNs = 0;
    };

    struct Pending
    {
        LoadSchedule::Due due;
        qint64 readyNs = 0;
        qint64 sentNs = 0;
        QDateTime sentAt;
        qint64 payloadBytes = 0;
        bool probe = false; // the circuit breaker's one request after it was open
    };

    // An audio user's latest-wins buffer: the chunk out (-1: none) and the one waiting for
    // its answer.
    struct AudioBuffer
    {
        int outChunk = -1;
        std::optional<LoadSchedule::Due> waiting;
    };

    void dispatchDue();
    void armTimer();
    bool latestWins() const { return m_plan.base.trigger == AppTrigger::AudioBytes; }
    // A request due: audio through its user's buffer, then sent or held by the cap.
    void offer(const LoadSchedule::Due &due);
    void sendOrQueue(const Offer &offer);
    // The user's request out was answered or held back: its waiting chunk goes now.
    void release(int user);
    // A chunk a newer one replaced in its user's buffer: a record marked not sent.
    void drop(const LoadSchedule::Due &due, const QString &reason);
    void send(const Offer &offer);
    // A lost delivery (the gap fault): a record marked not sent.
    void lose(const LoadSchedule::Due &due);
    // A request the circuit breaker holds back: a record marked not sent, saying why.
    void holdBack(const LoadSchedule::Due &due, const CircuitBreaker::Admission &admission);
    // The app's clock for the breaker: the run clock at the replay's speed.
    qint64 appClockMs() const;
    HttpRequest requestFor(const LoadSchedule::Due &due) const;
    // The key a duplicate and its original share ("load-7-3-2-5": uid, round, delivery).
    QByteArray idempotencyKey(const LoadSchedule::Due &due) const;
    // A delivery the app sends twice (an original or its duplicate): one key for both.
    static bool paired(const LoadSchedule::Due &due);
    // A paired delivery that will never be answered: its pair is compared with nothing.
    void unpair(const LoadSchedule::Due &due);
    LoadRecord recordOf(const LoadSchedule::Due &due) const;
    // Once a duplicate and its original are both answered: alike or not.
    void compareDuplicate(const LoadSchedule::Due &due, RunRecord &record);
    void onAnswered(HttpReply *reply, const HttpResult &result);
    void keep(LoadRecord record);
    void tick();
    void finishIfDone();
    // "load-7-3, round 2, window 4-5 s"
    QString label(const LoadRecord &load) const;
    qint64 conversationMs(const LoadSchedule::Due &due) const;

    LoadPlan m_plan;
    std::optional<QString> m_skipReason;
    std::vector<SimulationPlan> m_userPlans;
    // A memory run's request per user, the same for every round: made once, its body shared
    // by every user (the users' requests differ in their URL only).
    std::vector<HttpRequest> m_memoryRequests;
    HttpClient *m_client;
    LoadSchedule m_schedule;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QTimer m_ticker;
    qint64 m_lastTickNs = 0;
    QDateTime m_startedAt;
    bool m_started = false;
    bool m_finished = false;
    double m_wallSeconds = 0;
    qint64 m_left = 0;
    ProactiveRateLimiter m_rateLimiter; // keyed by uid: each user's own limit
    CircuitBreaker m_breaker;
    LoadStats m_stats;
    std::vector<UserTotals> m_users;
    QHash<HttpReply *, Pending> m_inFlight;
    std::deque<Offer> m_waiting;        // held by the cap on requests in flight
    std::vector<AudioBuffer> m_buffers; // audio: one per user
    int m_buffered = 0;                 // audio chunks waiting in the users' buffers
    // The first answer of each duplicated delivery whose pair is still out.
    struct Answer
    {
        int status = 0;
        HttpError error = HttpError::None;
        size_t bodyHash = 0;
        qsizetype bodySize = 0;
        bool unanswered = false; // dropped or held back: its pair is compared with nothing
    };
    QHash<QByteArray, Answer> m_awaitingPair;
    QList<LoadRecord> m_kept;
    int m_keptFailures = 0;
    qint64 m_leftOut = 0;
};

} // namespace studio
