#include "SimulationRun.h"

#include "AppRequestFactory.h"
#include "BreakerCount.h"
#include "LatestWins.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"
#include "simulation/faults/FaultSchedule.h"
#include "simulation/judge/RateLimitedJudge.h"
#include "simulation/payload/PayloadProfile.h"

#include <QUuid>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <thread>

namespace studio {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;
constexpr qint64 kLongWaitMs = 250;
constexpr qint64 kEarlyWakeMs = 100;
// QTimer counts whole milliseconds; the last stretch before a batch is due is slept precisely
// (blocking the run's thread for at most this long per batch).
constexpr qint64 kFinalStretchNs = 1'500'000;

qint64 secondsToNs(double seconds)
{
    return std::llround(seconds * 1e9);
}

// "30", "42.5", "0.125": seconds as people write them.
QString seconds(double value)
{
    QString text = QString::number(value, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

std::vector<Delivery> deliveriesOf(const SimulationPlan &plan)
{
    std::vector<FaultSchedule::Request> requests;
    requests.reserve(std::size_t(plan.requestCount()));
    for (int index = 0; index < plan.requestCount(); ++index)
        requests.push_back({secondsToNs(plan.sendAtSeconds(index)), plan.windowStartSeconds(index)});
    FaultSchedule::Options options;
    options.plan = plan.faults;
    options.seed = plan.faultSeed;
    // The network's delay is real time; the schedule runs on the conversation's clock.
    options.slowNetworkNs =
        plan.speed.isFast() ? 0 : std::llround(plan.faults.slowNetworkMs * 1e6 * plan.speed.factor);
    options.transcript = plan.trigger == AppTrigger::TranscriptProcessed;
    return FaultSchedule::apply(requests, options);
}

} // namespace

SimulationRun::SimulationRun(SimulationPlan plan, HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_deliveries(deliveriesOf(m_plan))
    , m_client(client)
    , m_clock(m_plan.speed.isFast() ? 1.0 : m_plan.speed.factor)
    , m_breaker(m_plan.contract->transport().breakerFailures,
                m_plan.contract->transport().breakerOpenMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationRun::dispatchDue);
    for (const Delivery &copy : m_deliveries) {
        if (copy.originalOf >= 0 && !m_idempotencyKeys.contains(copy.originalOf))
            m_idempotencyKeys.insert(copy.originalOf,
                                     QUuid::createUuid().toByteArray(QUuid::Id128));
    }
}

SimulationRun::~SimulationRun()
{
    const QList<HttpReply *> replies = m_inFlight.keys();
    m_inFlight.clear();
    for (HttpReply *reply : replies) {
        reply->disconnect(this);
        delete reply; // abandons the exchange
    }
}

double SimulationRun::conversationSeconds() const
{
    const qint64 position = m_plan.speed.isFast() ? m_fastPositionNs : m_clock.conversationNs();
    return double(position) / 1e9;
}

RunInfo SimulationRun::runInfo() const
{
    RunInfo info;
    info.pluginId = m_plan.plugin.id;
    info.pluginName = m_plan.plugin.name;
    info.trigger = PluginUnderTest::triggerName(m_plan.trigger);
    info.uid = m_plan.uid;
    info.source = m_plan.source;
    info.startedAt = m_startedAt;
    info.faults = m_plan.faults.spec();
    info.faultSeed = m_plan.faultSeed;
    info.contract = QString::fromLatin1(m_plan.contract->name());
    if (m_plan.trigger == AppTrigger::MemoryCreation) {
        info.profile = PayloadProfiles::name(m_plan.profile);
    } else if (m_plan.trigger == AppTrigger::AudioBytes) {
        info.batching = m_plan.audioChunking();
        info.speed = m_plan.speed.reportedFactor();
    } else {
        info.batching = m_plan.batching.describe();
        info.speed = m_plan.speed.reportedFactor();
    }
    return info;
}

double SimulationRun::sendAtSeconds(int index) const
{
    if (index < 0 || index >= requestCount())
        return 0;
    return double(delivery(index).atNs) / 1e9;
}

qint64 SimulationRun::sendAtNs(int index) const
{
    return delivery(index).atNs;
}

qint64 SimulationRun::lastSentAtNs() const
{
    return m_next > 0 ? sendAtNs(m_next - 1) : 0;
}

QString SimulationRun::label(int index) const
{
    const int request = delivery(index).request;
    const QStringList faults = delivery(index).faultNames(m_plan.faults.slowNetworkMs);
    const QString faulted =
        faults.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(faults.join(QStringLiteral(", ")));
    if (m_plan.trigger == AppTrigger::MemoryCreation)
        return QStringLiteral("memory") + faulted;
    if (m_plan.trigger == AppTrigger::AudioBytes) {
        const AudioChunk &chunk = m_plan.chunks.at(request);
        return QStringLiteral("chunk %1 (%2-%3 s, %4 bytes)")
                   .arg(request + 1)
                   .arg(seconds(chunk.start), seconds(chunk.end))
                   .arg(chunk.pcm.size()) +
               faulted;
    }
    const TranscriptBatch &batch = m_plan.batches.at(request);
    if (m_plan.batching.mode == BatchingOptions::Mode::PerSegment)
        return QStringLiteral("segment %1 (%2-%3 s)")
                   .arg(batch.firstSegment + 1)
                   .arg(seconds(batch.windowStart), seconds(batch.windowEnd)) +
               faulted;
    return QStringLiteral("window %1-%2 s").arg(seconds(batch.windowStart), seconds(batch.windowEnd)) +
           faulted;
}

void SimulationRun::start()
{
    if (m_state == State::Idle)
        begin(false);
}

void SimulationRun::begin(bool paused)
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start(paused);
    m_fastDueNs = 0;
    setState(paused ? State::Paused : State::Running);
    if (const std::optional<QString> reason = m_plan.appSkipReason())
        skipUntil(requestCount(), *reason + QStringLiteral("; nothing sent"));
    dispatchDue();
    finishIfDone();
}

void SimulationRun::pause()
{
    if (m_state != State::Running)
        return;
    m_clock.pause();
    m_timer.stop();
    setState(State::Paused);
}

void SimulationRun::resume()
{
    if (m_state == State::Idle) {
        start();
        return;
    }
    if (m_state != State::Paused)
        return;
    m_clock.resume();
    if (m_plan.speed.isFast() && m_inFlight.isEmpty())
        m_fastDueNs = m_clock.runNs();
    setState(State::Running);
    dispatchDue();
    finishIfDone();
}

void SimulationRun::step()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Idle)
        begin(true);
    else
        pause();
    if (m_state == State::Finished || m_next >= requestCount())
        return;
    // A step is the user's "now": the conversation clock jumps to the batch's send time,
    // and the batch is due at once, so its record shows no scheduling error.
    const qint64 now = m_clock.runNs();
    m_clock.jumpTo(sendAtNs(m_next));
    offer(m_next, now);
    finishIfDone(); // the last batch, held back by the circuit breaker
}

bool SimulationRun::seek(double conversationSeconds)
{
    if (m_state == State::Finished || !std::isfinite(conversationSeconds) ||
        conversationSeconds < 0)
        return false;
    const qint64 target = secondsToNs(conversationSeconds);
    // The app never sends a segment twice: no going back before what already went out.
    if (m_next > 0 && target < lastSentAtNs())
        return false;
    int first = m_next;
    while (first < requestCount() && sendAtNs(first) < target)
        ++first;
    jump(first, target);
    return true;
}

bool SimulationRun::seekToBatch(int index)
{
    if (m_state == State::Finished || index < m_next || index >= requestCount())
        return false;
    const double windowStart =
        std::min(m_plan.windowStartSeconds(delivery(index).request), sendAtSeconds(index));
    jump(index, std::max(secondsToNs(windowStart), lastSentAtNs()));
    return true;
}

void SimulationRun::jump(int firstToSend, qint64 conversationNs)
{
    skipUntil(firstToSend, QStringLiteral("skipped by a seek to %1 s; not sent")
                               .arg(seconds(double(conversationNs) / 1e9)));
    m_clock.jumpTo(conversationNs);
    m_fastPositionNs = conversationNs;
    if (m_plan.speed.isFast() && m_inFlight.isEmpty())
        m_fastDueNs = m_clock.runNs();
    dispatchDue();
    finishIfDone();
}

void SimulationRun::stop()
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Idle) {
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_clock.start(true);
        setState(State::Paused);
    }
    m_stopping = true;
    m_timer.stop();
    skipUntil(requestCount(), QStringLiteral("the run was stopped; not sent"));
    if (m_waiting)
        dropWaiting(QStringLiteral("the run was stopped; not sent"));
    // Each aborted reply still finishes (cancelled) and its record says so.
    const QList<HttpReply *> replies = m_inFlight.keys();
    for (HttpReply *reply : replies)
        reply->abort();
    finishIfDone();
}

void SimulationRun::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SimulationRun::skipUntil(int index, const QString &reason)
{
    while (m_next < index) {
        const int skipped = m_next++;
        emit batchSkipped(skipped, reason);
    }
}

void SimulationRun::dispatchDue()
{
    if (m_state != State::Running || m_stopping)
        return;
    sendWaiting();
    if (m_plan.speed.isFast()) {
        // A request the circuit breaker holds back completes at once: the next one is due.
        while (m_state == State::Running && !m_stopping && m_inFlight.isEmpty() &&
               m_next < requestCount())
            send(m_next, m_fastDueNs);
        return;
    }
    while (m_state == State::Running && !m_stopping && m_next < requestCount()) {
        const qint64 due = m_clock.runNsAt(sendAtNs(m_next));
        const qint64 early = due - m_clock.runNs();
        if (early > kFinalStretchNs)
            break;
        if (early > 0)
            std::this_thread::sleep_for(std::chrono::nanoseconds(early));
        offer(m_next, due);
    }
    armTimer();
}

void SimulationRun::armTimer()
{
    if (m_state != State::Running || m_next >= requestCount() || m_plan.speed.isFast()) {
        m_timer.stop();
        return;
    }
    const qint64 remainingNs = m_clock.runNsAt(sendAtNs(m_next)) - m_clock.runNs();
    // Rounded down: the timer wakes within the final stretch and dispatchDue() sleeps out the
    // rest, so a batch leaves neither early nor a millisecond late.
    qint64 remainingMs = remainingNs <= 0 ? 0 : remainingNs / kNsPerMs;
    // After a long sleep the thread wakes late (measured: tens of milliseconds on a loaded
    // machine, after the silences between conversations). A long wait therefore ends a little
    // early, and a short, fresh timer waits out the rest.
    if (remainingMs > kLongWaitMs)
        remainingMs -= kEarlyWakeMs;
    m_timer.start(int(std::min<qint64>(remainingMs, INT_MAX)));
}

HttpRequest SimulationRun::requestFor(int index) const
{
    const Delivery &sent = delivery(index);
    HttpRequest request;
    if (m_plan.trigger == AppTrigger::MemoryCreation)
        request = AppRequestFactory::memoryCreation(m_plan, m_plan.memory.value_or(Memory{}));
    else if (m_plan.trigger == AppTrigger::AudioBytes)
        request = AppRequestFactory::audioBytes(m_plan, m_plan.chunks.at(sent.request));
    else if (sent.session > 0)
        request = AppRequestFactory::transcriptProcessed(
            m_plan.restarted(), m_plan.batchInSession(sent.request, sent.sessionStartSeconds));
    else
        request = AppRequestFactory::transcriptProcessed(m_plan, m_plan.batches.at(sent.request));
    if (const auto recorded = m_plan.recordedBodies.constFind(index);
        recorded != m_plan.recordedBodies.cend())
        request.body = recorded.value();
    return request;
}

RunRecord SimulationRun::recordFor(int index, const HttpRequest &request) const
{
    const Delivery &sent = delivery(index);
    RunRecord record;
    record.index = index;
    record.label = label(index);
    record.faults = sent.faultNames(m_plan.faults.slowNetworkMs);
    if (sent.originalOf >= 0)
        record.duplicateOf = sent.originalOf;
    if (m_plan.trigger == AppTrigger::MemoryCreation) {
        const QList<TranscriptSegment> segments =
            m_plan.memory ? m_plan.memory->transcriptSegments : QList<TranscriptSegment>{};
        record.windowEnd = segments.isEmpty() ? 0 : segments.last().end;
        record.segmentCount = int(segments.size());
    } else if (m_plan.trigger == AppTrigger::AudioBytes) {
        record.windowStart = m_plan.chunks.at(sent.request).start;
        record.windowEnd = m_plan.chunks.at(sent.request).end;
    } else {
        const TranscriptBatch &batch = m_plan.batches.at(sent.request);
        record.windowStart = batch.windowStart;
        record.windowEnd = batch.windowEnd;
        record.segmentCount = int(batch.segments.size());
    }
    record.payloadBytes = request.body.size();
    return record;
}

void SimulationRun::offer(int index, qint64 dueRunNs)
{
    // A chunk lost on the way never reaches the app's buffer, so it drops none waiting there.
    if (delivery(index).lost()) {
        lose(index, dueRunNs);
        return;
    }
    if (!latestWins() || (m_inFlight.isEmpty() && !m_waiting)) {
        send(index, dueRunNs);
        return;
    }
    if (m_waiting) {
        const int inFlight = m_inFlight.isEmpty() ? -1 : m_inFlight.cbegin()->record.index;
        dropWaiting(LatestWins::droppedReason(inFlight, index));
    }
    m_waiting = Waiting{index, dueRunNs};
    m_next = std::max(m_next, index + 1);
}

void SimulationRun::sendWaiting()
{
    if (!m_waiting || !m_inFlight.isEmpty())
        return;
    const Waiting waiting = *m_waiting;
    m_waiting.reset();
    send(waiting.index, waiting.dueRunNs);
}

void SimulationRun::dropWaiting(const QString &reason)
{
    const Waiting waiting = *m_waiting;
    m_waiting.reset();
    const HttpRequest request = requestFor(waiting.index);
    RunRecord record = recordFor(waiting.index, request);
    record.result.request = request;
    record.scheduledMs = waiting.dueRunNs / kNsPerMs;
    record.sentMs = m_clock.runNs() / kNsPerMs;
    record.sentAt = QDateTime::currentDateTimeUtc();
    record.notSentReason = reason;
    complete(record);
}

void SimulationRun::lose(int index, qint64 dueRunNs)
{
    const HttpRequest request = requestFor(index);
    RunRecord record = recordFor(index, request);
    record.result.request = request;
    record.scheduledMs = dueRunNs / kNsPerMs;
    record.sentMs = m_clock.runNs() / kNsPerMs;
    record.sentAt = QDateTime::currentDateTimeUtc();
    record.notSentReason = QStringLiteral("lost on the way (the gap fault); not sent");
    m_fastPositionNs = sendAtNs(index);
    m_next = std::max(m_next, index + 1);
    complete(record);
    finishIfDone(); // the last request was lost on the way
}

void SimulationRun::send(int index, qint64 dueRunNs)
{
    if (delivery(index).lost()) {
        lose(index, dueRunNs);
        return;
    }
    HttpRequest request = requestFor(index);
    Pending pending;
    pending.record = recordFor(index, request);
    RunRecord &record = pending.record;
    pending.conversationMs = sendAtNs(index) / kNsPerMs;
    m_fastPositionNs = sendAtNs(index);
    m_next = std::max(m_next, index + 1);

    const qint64 sentNs = m_clock.runNs();
    record.scheduledMs = dueRunNs / kNsPerMs;
    record.sentMs = sentNs / kNsPerMs;
    record.sentAt = QDateTime::currentDateTimeUtc();
    const CircuitBreaker::Admission admission =
        m_breaker.admit(request.url, pending.conversationMs);
    if (!admission.allowed) {
        holdBack(record, request, admission);
        return;
    }
    pending.probe = admission.probe;
    // A delivery the app sends twice carries one key both times, as the backend's retries do.
    const int original = delivery(index).originalOf >= 0 ? delivery(index).originalOf : index;
    QByteArray deliveryId = m_idempotencyKeys.value(original);
    if (!deliveryId.isEmpty())
        request.headers.append({QByteArrayLiteral("X-Omi-Idempotency-Key"), deliveryId});
    else
        deliveryId = QUuid::createUuid().toByteArray(QUuid::Id128);
    AppRequestFactory::sign(request, m_plan, record.sentAt.toSecsSinceEpoch(), deliveryId);
    HttpReply *reply = m_client->send(request);
    m_inFlight.insert(reply, pending);
    connect(reply, &HttpReply::finished, this,
            [this, reply](const HttpResult &result) { onAnswered(reply, result); });
    emit batchSent(index, double(dueRunNs) / kNsPerMs, double(sentNs) / kNsPerMs);
}

void SimulationRun::onAnswered(HttpReply *reply, const HttpResult &result)
{
    const auto found = m_inFlight.find(reply);
    if (found == m_inFlight.end())
        return;
    const Pending pending = found.value();
    m_inFlight.erase(found);

    RunRecord record = pending.record;
    record.result = result;
    JudgeContext context;
    context.trigger = m_plan.trigger;
    context.plugin = m_plan.plugin;
    context.uid = m_plan.uid;
    // The app judges the answer when it arrives, on the conversation's clock.
    context.nowMs = pending.conversationMs + qint64(result.timings.totalMs);
    context.user = m_plan.user;
    context.rules = m_plan.contract->judgeRules();
    record.verdict = judgeRateLimited(result, context, m_rateLimiter);
    // The app's breaker counts a failure when it happens: where the replayed conversation
    // stands as the answer (or the timeout) comes; as fast as possible, the conversation
    // waits at the batch's send time.
    countAnswer(m_breaker, record, std::llround(conversationSeconds() * 1000.0), pending.probe);
    complete(record);
    dispatchDue();
    finishIfDone();
}

void SimulationRun::holdBack(RunRecord record, const HttpRequest &request,
                             const CircuitBreaker::Admission &admission)
{
    record.result.request = request;
    const QString failures = QStringLiteral("%1 failures in a row, the last at %2 s")
                                 .arg(admission.failures)
                                 .arg(seconds(double(admission.lastFailureMs) / 1000.0));
    record.notSentReason =
        admission.openUntilMs
            ? QStringLiteral("circuit open until %1 s (%2)")
                  .arg(seconds(double(*admission.openUntilMs) / 1000.0), failures)
            : QStringLiteral("circuit open until the probe is answered (%1)").arg(failures);
    complete(record);
}

void SimulationRun::complete(const RunRecord &record)
{
    const auto position =
        std::upper_bound(m_records.begin(), m_records.end(), record.index,
                         [](int index, const RunRecord &other) { return index < other.index; });
    const qsizetype at = position - m_records.begin();
    m_records.insert(at, record);
    compareWithOriginal(record.index);
    // A copy: a receiver may make the run complete another record, moving this one.
    const RunRecord completed = m_records.at(at);
    emit recordCompleted(completed);
    if (m_plan.speed.isFast() && m_inFlight.isEmpty())
        m_fastDueNs = m_clock.runNs();
}

void SimulationRun::compareWithOriginal(int index)
{
    const auto at = [this](int wanted) {
        const auto found = std::lower_bound(
            m_records.begin(), m_records.end(), wanted,
            [](const RunRecord &record, int value) { return record.index < value; });
        return found != m_records.end() && found->index == wanted ? found : m_records.end();
    };
    const auto pairOf = [&](int duplicate) {
        const auto copy = at(duplicate);
        const auto original = copy == m_records.end() || !copy->duplicateOf
                                  ? m_records.end()
                                  : at(*copy->duplicateOf);
        if (original == m_records.end() || !copy->sent() || !original->sent())
            return;
        copy->sameAnswerAsOriginal = copy->result.status == original->result.status &&
                                     copy->result.error == original->result.error &&
                                     copy->result.body == original->result.body;
    };
    pairOf(index);
    // The original answered after its copy: the copies after it are compared now.
    for (int next = index + 1;
         next < requestCount() && delivery(next).originalOf == index; ++next)
        pairOf(next);
}

void SimulationRun::finishIfDone()
{
    if (m_state == State::Finished || m_state == State::Idle)
        return;
    if (m_next < requestCount() || !m_inFlight.isEmpty() || m_waiting)
        return;
    m_timer.stop();
    m_clock.pause();
    setState(State::Finished);
    emit finished(summary());
}

} // namespace studio
