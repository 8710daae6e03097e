#include "LoadRun.h"

#include "http/HttpClient.h"
#include "http/HttpReply.h"
#include "simulation/engine/AppRequestFactory.h"
#include "simulation/engine/BreakerCount.h"
#include "simulation/engine/LatestWins.h"
#include "simulation/judge/RateLimitedJudge.h"

#include <QUuid>

#include <algorithm>
#include <climits>
#include <cmath>

namespace studio {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;
constexpr int kTickMs = 1000;

QString seconds(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

LoadRun::LoadRun(LoadPlan plan, HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_skipReason(m_plan.base.appSkipReason())
    , m_client(client)
    , m_schedule(m_plan)
    , m_breaker(m_plan.base.contract->transport().breakerFailures,
                m_plan.base.contract->transport().breakerOpenMs)
    , m_users(std::size_t(std::max(m_plan.users, 0)))
{
    m_userPlans.reserve(m_users.size());
    for (int user = 0; user < m_plan.users; ++user)
        m_userPlans.push_back(m_plan.planOf(user));
    if (m_plan.base.trigger == AppTrigger::MemoryCreation) {
        const QByteArray body =
            AppRequestFactory::memoryBody(m_plan.base, m_plan.base.memory.value_or(Memory{}));
        m_memoryRequests.reserve(m_userPlans.size());
        for (const SimulationPlan &userPlan : m_userPlans)
            m_memoryRequests.push_back(AppRequestFactory::memoryCreationWithBody(userPlan, body));
    }
    if (latestWins())
        m_buffers.resize(m_users.size());
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LoadRun::dispatchDue);
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &LoadRun::tick);
}

LoadRun::~LoadRun()
{
    const QList<HttpReply *> replies = m_inFlight.keys();
    m_inFlight.clear();
    for (HttpReply *reply : replies) {
        reply->disconnect(this);
        delete reply; // abandons the exchange
    }
}

LoadSummary LoadRun::summary() const
{
    const double wall = m_finished  ? m_wallSeconds
                        : m_started ? double(m_clock.nsecsElapsed()) / 1e9
                                    : 0.0;
    return m_stats.summary(m_plan.users, wall, m_left);
}

RunInfo LoadRun::runInfo() const
{
    const SimulationPlan &base = m_plan.base;
    RunInfo info;
    info.contract = QString::fromLatin1(base.contract->name());
    info.pluginId = base.plugin.id;
    info.pluginName = base.plugin.name;
    info.trigger = PluginUnderTest::triggerName(base.trigger);
    if (base.trigger == AppTrigger::MemoryCreation)
        info.profile = PayloadProfiles::name(base.profile);
    else if (base.trigger == AppTrigger::AudioBytes)
        info.batching = base.audioChunking();
    else
        info.batching = base.batching.describe();
    info.uid = m_plan.uidOf(0);
    info.source = base.source;
    info.startedAt = m_startedAt;
    info.faults = m_plan.base.faults.spec();
    info.faultSeed = m_plan.base.faultSeed;
    info.speed = base.speed.reportedFactor();
    return info;
}

void LoadRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    if (skipReason()) {
        finishIfDone();
        return;
    }
    m_ticker.start(kTickMs);
    dispatchDue();
    finishIfDone();
}

void LoadRun::stop()
{
    if (!m_started || m_finished)
        return;
    m_timer.stop();
    m_left += qint64(m_waiting.size()) + m_buffered;
    m_waiting.clear();
    for (AudioBuffer &buffer : m_buffers)
        buffer.waiting.reset();
    m_buffered = 0;
    while (!m_schedule.isEmpty()) {
        m_schedule.take();
        ++m_left;
    }
    // Each aborted reply still finishes (cancelled) and is counted so.
    const QList<HttpReply *> replies = m_inFlight.keys();
    for (HttpReply *reply : replies)
        reply->abort();
    finishIfDone();
}

void LoadRun::dispatchDue()
{
    if (m_finished || skipReason())
        return;
    while (!m_schedule.isEmpty() && m_schedule.peek().dueNs <= m_clock.nsecsElapsed()) {
        const LoadSchedule::Due due = m_schedule.take();
        if (due.delivery.lost())
            lose(due);
        else
            offer(due);
    }
    armTimer();
    finishIfDone(); // the last request was lost on the way
}

void LoadRun::offer(const LoadSchedule::Due &due)
{
    if (!latestWins()) {
        sendOrQueue({due, due.dueNs});
        return;
    }
    AudioBuffer &buffer = m_buffers[std::size_t(due.user)];
    if (buffer.outChunk < 0) {
        buffer.outChunk = due.delivery.request;
        sendOrQueue({due, due.dueNs});
        return;
    }
    if (buffer.waiting)
        drop(*buffer.waiting, LatestWins::droppedReason(buffer.outChunk, due.delivery.request));
    else
        ++m_buffered;
    buffer.waiting = due;
}

void LoadRun::sendOrQueue(const Offer &offer)
{
    if (m_plan.maxInFlight > 0 && m_inFlight.size() >= m_plan.maxInFlight)
        m_waiting.push_back(offer);
    else
        send(offer);
}

void LoadRun::release(int user)
{
    if (!latestWins())
        return;
    AudioBuffer &buffer = m_buffers[std::size_t(user)];
    buffer.outChunk = -1;
    if (!buffer.waiting)
        return;
    const LoadSchedule::Due waiting = *buffer.waiting;
    buffer.waiting.reset();
    --m_buffered;
    buffer.outChunk = waiting.delivery.request;
    sendOrQueue({waiting, m_clock.nsecsElapsed()});
}

void LoadRun::drop(const LoadSchedule::Due &due, const QString &reason)
{
    LoadRecord load = recordOf(due);
    const qint64 now = m_clock.nsecsElapsed();
    load.record.sentMs = now / kNsPerMs;
    load.record.sentAt = QDateTime::currentDateTimeUtc();
    load.record.notSentReason = reason;
    load.waitedMs = (now - due.dueNs) / kNsPerMs;
    unpair(due);
    ++m_users[std::size_t(due.user)].dropped;
    m_stats.countCompleted(load.record);
    emit recordCompleted(load);
    keep(std::move(load));
}

void LoadRun::armTimer()
{
    if (m_schedule.isEmpty()) {
        m_timer.stop();
        return;
    }
    const qint64 remainingNs = m_schedule.peek().dueNs - m_clock.nsecsElapsed();
    // Rounded up: the timer never wakes before the request is due.
    const qint64 remainingMs = remainingNs <= 0 ? 0 : (remainingNs + kNsPerMs - 1) / kNsPerMs;
    m_timer.start(int(std::min<qint64>(remainingMs, INT_MAX)));
}

qint64 LoadRun::conversationMs(const LoadSchedule::Due &due) const
{
    // The user's app clock: its rounds follow each other on the conversation's time.
    const double speed = m_plan.base.speed.factor;
    const double roundMs = double(m_plan.roundNs()) / kNsPerMs * speed;
    const double offsetMs = double(due.delivery.atNs) / kNsPerMs * speed;
    return std::llround(double(due.round) * roundMs + offsetMs);
}

QString LoadRun::label(const LoadRecord &load) const
{
    QString what = QStringLiteral("memory");
    if (m_plan.base.trigger == AppTrigger::TranscriptProcessed) {
        const TranscriptBatch &batch = m_plan.base.batches.at(load.record.index);
        what = QStringLiteral("window %1-%2 s")
                   .arg(seconds(batch.windowStart), seconds(batch.windowEnd));
    } else if (m_plan.base.trigger == AppTrigger::AudioBytes) {
        const AudioChunk &chunk = m_plan.base.chunks.at(load.record.index);
        what = QStringLiteral("chunk %1 (%2-%3 s)")
                   .arg(load.record.index + 1)
                   .arg(seconds(chunk.start), seconds(chunk.end));
    }
    if (!load.record.faults.isEmpty())
        what += QStringLiteral(" [%1]").arg(load.record.faults.join(QStringLiteral(", ")));
    return QStringLiteral("%1, round %2, %3")
        .arg(m_plan.uidOf(load.user))
        .arg(load.round + 1)
        .arg(what);
}

HttpRequest LoadRun::requestFor(const LoadSchedule::Due &due) const
{
    const SimulationPlan &plan = m_userPlans[std::size_t(due.user)];
    const Delivery &delivery = due.delivery;
    if (plan.trigger == AppTrigger::MemoryCreation)
        return m_memoryRequests[std::size_t(due.user)];
    if (plan.trigger == AppTrigger::AudioBytes)
        return AppRequestFactory::audioBytes(plan, plan.chunks.at(delivery.request));
    if (delivery.session > 0)
        return AppRequestFactory::transcriptProcessed(
            plan.restarted(), plan.batchInSession(delivery.request, delivery.sessionStartSeconds));
    return AppRequestFactory::transcriptProcessed(plan, plan.batches.at(delivery.request));
}

QByteArray LoadRun::idempotencyKey(const LoadSchedule::Due &due) const
{
    const int original = due.delivery.originalOf >= 0 ? due.delivery.originalOf : due.index;
    return QStringLiteral("%1-%2-%3")
        .arg(m_plan.uidOf(due.user))
        .arg(due.round + 1)
        .arg(original + 1)
        .toLatin1();
}

bool LoadRun::paired(const LoadSchedule::Due &due)
{
    return due.delivery.copied || due.delivery.originalOf >= 0;
}

void LoadRun::unpair(const LoadSchedule::Due &due)
{
    if (!paired(due))
        return;
    // The pair answered first is done with; otherwise it finds this mark when it is answered.
    const QByteArray key = idempotencyKey(due);
    if (!m_awaitingPair.remove(key)) {
        Answer unanswered;
        unanswered.unanswered = true;
        m_awaitingPair.insert(key, unanswered);
    }
}

void LoadRun::send(const Offer &offer)
{
    const LoadSchedule::Due &due = offer.due;
    const SimulationPlan &plan = m_userPlans[std::size_t(due.user)];
    HttpRequest request = requestFor(due);
    Pending pending;
    pending.due = due;
    pending.readyNs = offer.readyNs;
    pending.sentNs = m_clock.nsecsElapsed();
    pending.sentAt = QDateTime::currentDateTimeUtc();
    pending.payloadBytes = request.body.size();
    const CircuitBreaker::Admission admission = m_breaker.admit(request.url, appClockMs());
    if (!admission.allowed) {
        holdBack(due, admission);
        release(due.user);
        return;
    }
    pending.probe = admission.probe;
    // A delivery the app sends twice carries one key both times, as the backend's retries do.
    const bool twice = paired(due);
    if (twice)
        request.headers.append({QByteArrayLiteral("X-Omi-Idempotency-Key"), idempotencyKey(due)});
    if (!plan.signingSecret.isEmpty())
        AppRequestFactory::sign(request, plan, pending.sentAt.toSecsSinceEpoch(),
                                twice ? idempotencyKey(due)
                                      : QUuid::createUuid().toByteArray(QUuid::Id128));
    m_stats.countSent(double(pending.sentNs - pending.readyNs) / kNsPerMs, kLateAfterMs);
    ++m_users[std::size_t(due.user)].sent;

    HttpReply *reply = m_client->send(request);
    m_inFlight.insert(reply, pending);
    connect(reply, &HttpReply::finished, this,
            [this, reply](const HttpResult &result) { onAnswered(reply, result); });
    emit requestSent(due.user, due.round, due.index);
}

LoadRecord LoadRun::recordOf(const LoadSchedule::Due &due) const
{
    const SimulationPlan &plan = m_userPlans[std::size_t(due.user)];
    LoadRecord load;
    load.user = due.user;
    load.round = due.round;
    RunRecord &record = load.record;
    record.index = due.delivery.request;
    if (plan.trigger == AppTrigger::TranscriptProcessed) {
        const TranscriptBatch &batch = plan.batches.at(due.delivery.request);
        record.windowStart = batch.windowStart;
        record.windowEnd = batch.windowEnd;
        record.segmentCount = int(batch.segments.size());
    } else if (plan.trigger == AppTrigger::AudioBytes) {
        const AudioChunk &chunk = plan.chunks.at(due.delivery.request);
        record.windowStart = chunk.start;
        record.windowEnd = chunk.end;
        record.payloadBytes = chunk.pcm.size(); // what it carries, sent or not
    }
    record.scheduledMs = due.dueNs / kNsPerMs;
    record.faults = due.delivery.faultNames(plan.faults.slowNetworkMs);
    if (due.delivery.originalOf >= 0)
        record.duplicateOf = due.delivery.request; // the same request, delivered again
    return load;
}

void LoadRun::lose(const LoadSchedule::Due &due)
{
    LoadRecord load = recordOf(due);
    load.record.sentMs = m_clock.nsecsElapsed() / kNsPerMs;
    load.record.sentAt = QDateTime::currentDateTimeUtc();
    load.record.notSentReason = QStringLiteral("lost on the way (the gap fault); not sent");
    m_stats.countCompleted(load.record);
    emit recordCompleted(load);
    keep(std::move(load));
}

qint64 LoadRun::appClockMs() const
{
    return std::llround(double(m_clock.nsecsElapsed()) / kNsPerMs * m_plan.base.speed.factor);
}

void LoadRun::holdBack(const LoadSchedule::Due &due, const CircuitBreaker::Admission &admission)
{
    LoadRecord load = recordOf(due);
    load.record.sentMs = m_clock.nsecsElapsed() / kNsPerMs;
    load.record.sentAt = QDateTime::currentDateTimeUtc();
    load.record.notSentReason =
        QStringLiteral("the app's circuit breaker is open (%1 failures in a row); not sent")
            .arg(admission.failures);
    ++m_users[std::size_t(due.user)].failed;
    unpair(due);
    m_stats.countHeldBack();
    emit recordCompleted(load);
    keep(std::move(load));
}

void LoadRun::compareDuplicate(const LoadSchedule::Due &due, RunRecord &record)
{
    if (!due.delivery.copied && due.delivery.originalOf < 0)
        return;
    const HttpResult &result = record.result;
    const Answer answer{result.status, result.error, qHash(result.body), result.body.size()};
    const QByteArray key = idempotencyKey(due);
    const auto first = m_awaitingPair.constFind(key);
    if (first == m_awaitingPair.cend()) {
        m_awaitingPair.insert(key, answer);
        return;
    }
    if (first->unanswered) {
        m_awaitingPair.erase(first);
        return;
    }
    const bool same = first->status == answer.status && first->error == answer.error &&
                      first->bodyHash == answer.bodyHash && first->bodySize == answer.bodySize;
    m_awaitingPair.erase(first);
    // A pair cut short by a stop says nothing about the plugin.
    if (first->error == HttpError::Cancelled || answer.error == HttpError::Cancelled)
        return;
    m_stats.countDuplicateAnswer(same);
    if (due.delivery.originalOf >= 0)
        record.sameAnswerAsOriginal = same;
}

void LoadRun::onAnswered(HttpReply *reply, const HttpResult &result)
{
    const auto found = m_inFlight.find(reply);
    if (found == m_inFlight.end())
        return;
    const Pending pending = found.value();
    m_inFlight.erase(found);
    const LoadSchedule::Due &due = pending.due;
    const SimulationPlan &plan = m_userPlans[std::size_t(due.user)];

    LoadRecord load = recordOf(due);
    RunRecord &record = load.record;
    record.sentMs = pending.sentNs / kNsPerMs;
    record.sentAt = pending.sentAt;
    record.payloadBytes = pending.payloadBytes;
    record.result = result;
    load.waitedMs = (pending.readyNs - due.dueNs) / kNsPerMs;

    JudgeContext context;
    context.trigger = plan.trigger;
    context.plugin = plan.plugin;
    context.uid = plan.uid;
    context.nowMs = conversationMs(due) + qint64(result.timings.totalMs);
    context.user = plan.user;
    context.rules = plan.contract->judgeRules();
    record.verdict = judgeRateLimited(result, context, m_rateLimiter);
    countAnswer(m_breaker, record, appClockMs(), pending.probe);
    compareDuplicate(due, record);

    m_stats.countCompleted(record);
    UserTotals &totals = m_users[std::size_t(due.user)];
    ++totals.completed;
    totals.failed += record.requestFailed() || record.answerInvalid() ? 1 : 0;
    totals.notifications += record.verdict.notifications.size();
    emit recordCompleted(load);
    keep(std::move(load));

    while (!m_waiting.empty() &&
           (m_plan.maxInFlight == 0 || m_inFlight.size() < m_plan.maxInFlight)) {
        const Offer waiting = m_waiting.front();
        m_waiting.pop_front();
        send(waiting);
    }
    // The user's own waiting chunk queues behind the others held by the cap.
    release(due.user);
    finishIfDone();
}

void LoadRun::keep(LoadRecord load)
{
    const RunRecord &record = load.record;
    // A request the breaker held back is kept as a failure; one a fault lost, or the app's
    // latest-wins buffer dropped, is not.
    const bool failed = record.requestFailed() || record.answerInvalid() ||
                        (!record.sent() && !record.lostByFault() && !LatestWins::dropped(record));
    if (m_kept.size() >= kKeptFirst && !(failed && m_keptFailures < kKeptFailures)) {
        ++m_leftOut;
        return;
    }
    m_keptFailures += m_kept.size() >= kKeptFirst ? 1 : 0;
    // Only the records kept are labelled: no text is made for the others.
    load.record.label = label(load);
    // The report shows neither body: only the figures stay.
    load.record.result.body.clear();
    load.record.result.request.body.clear();
    m_kept.append(std::move(load));
}

void LoadRun::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double length = double(now - m_lastTickNs) / 1e9;
    m_lastTickNs = now;
    emit secondElapsed(
        m_stats.closeSecond(double(now) / 1e9, length, inFlightCount(), waitingCount()));
}

void LoadRun::finishIfDone()
{
    if (m_finished || !m_started)
        return;
    if (!skipReason() &&
        (!m_schedule.isEmpty() || !m_inFlight.isEmpty() || !m_waiting.empty() || m_buffered > 0))
        return;
    m_timer.stop();
    m_ticker.stop();
    m_finished = true;
    m_wallSeconds = double(m_clock.nsecsElapsed()) / 1e9;
    emit finished(summary());
}

} // namespace studio
