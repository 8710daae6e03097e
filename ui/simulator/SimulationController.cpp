#include "SimulationController.h"

#include "http/HttpClient.h"
#include "simulation/engine/SetupCheckRun.h"
#include "simulation/judge/AppTriggerRules.h"
#include "simulation/payload/AppUrls.h"

#include <QUuid>

namespace studio {

SimulationController::SimulationController(QObject *parent)
    : QObject(parent)
    , m_client(new HttpClient(this))
{
    loadTarget();
}

SimulationController::~SimulationController()
{
    // Runs abandon their exchanges before the client that carries them goes.
    delete m_run;
    delete m_setupCheck;
}

void SimulationController::setManifest(const PluginManifest &manifest)
{
    const bool otherPlugin = manifest.id != m_manifest.id;
    m_manifest = manifest;
    m_plugin = PluginUnderTest::fromManifest(manifest);
    if (otherPlugin)
        loadTarget();
    emit manifestChanged();
}

QString SimulationController::setupUrl() const
{
    return m_plugin.setupCompletedUrl.value_or(QString()).trimmed();
}

QList<SimulationController::AuthLink> SimulationController::authLinks() const
{
    QList<AuthLink> links;
    if (!m_manifest.externalIntegration)
        return links;
    for (const AuthStep &step : m_manifest.externalIntegration->authSteps) {
        const QString url = QString::fromStdString(step.url).trimmed();
        if (!url.isEmpty())
            links.append({QString::fromStdString(step.name), AppUrls::authStepLink(url, uid())});
    }
    return links;
}

std::optional<AppTrigger> SimulationController::declaredTrigger() const
{
    return PluginUnderTest::triggerFromName(m_plugin.triggersOn);
}

void SimulationController::setTarget(const SimulationTarget &target)
{
    if (target == m_target)
        return;
    m_target = target;
    m_settings.setSimulationUrlOverride(m_plugin.id, target.urlOverride.trimmed());
    m_settings.setSimulationUid(target.uid);
    m_settings.setSimulationSessionId(target.sessionId);
    m_settings.setSimulationFreshSession(target.freshSessionPerRun);
    m_settings.setSimulationProfile(PayloadProfiles::name(target.profile));
    m_settings.setSimulationTimeoutMs(target.timeoutMs);
    m_settings.setSimulationMaxTimeMs(target.maxTimeMs);
    m_settings.setSimulationSigningSecret(m_plugin.id,
                                          target.rememberSecret ? target.signingSecret : QString());
    emit targetChanged();
}

void SimulationController::loadTarget()
{
    SimulationTarget target;
    target.urlOverride = m_settings.simulationUrlOverride(m_plugin.id);
    target.uid = m_settings.simulationUid();
    target.sessionId = m_settings.simulationSessionId();
    target.freshSessionPerRun = m_settings.simulationFreshSession();
    target.profile =
        PayloadProfiles::fromName(m_settings.simulationProfile()).value_or(PayloadProfile::Backend);
    if (const int timeout = m_settings.simulationTimeoutMs(); timeout > 0)
        target.timeoutMs = timeout;
    if (const int maxTime = m_settings.simulationMaxTimeMs(); maxTime > 0)
        target.maxTimeMs = maxTime;
    target.signingSecret = m_settings.simulationSigningSecret(m_plugin.id);
    target.rememberSecret = !target.signingSecret.isEmpty();
    m_target = target;
    emit targetChanged();
}

QString SimulationController::webhookUrl() const
{
    const QString override = m_target.urlOverride.trimmed();
    return override.isEmpty() ? m_plugin.webhookUrl.trimmed() : override;
}

QString SimulationController::uid() const
{
    const QString uid = m_target.uid.trimmed();
    return uid.isEmpty() ? QString::fromLatin1(SimulationPlan::kDefaultUid) : uid;
}

TransportOptions SimulationController::transport() const
{
    // The contract's timeouts, unless the user set another than the default.
    TransportOptions transport = TransportOptions::of(*m_contract);
    if (m_target.timeoutMs != SimulationTarget::kAppTimeoutMs) {
        transport.timeoutMs = m_target.timeoutMs;
        transport.connectTimeoutMs = m_target.timeoutMs;
    }
    transport.maxTimeMs = m_target.maxTimeMs;
    return transport;
}

void SimulationController::applyTarget(SimulationPlan &plan, bool keepBatching) const
{
    plan.useContract(*m_contract, keepBatching);
    plan.webhookUrl = webhookUrl();
    plan.uid = uid();
    plan.transport = transport();
    // A secret typed for an app is not used for a document whose contract never signed.
    if (m_contract->signsWebhooks())
        plan.signingSecret = m_target.signingSecret;
}

SimulationPlan SimulationController::memoryPlan(const Memory &memory, const QString &source) const
{
    SimulationPlan plan = SimulationPlan::forMemory(m_plugin, memory, m_target.profile);
    applyTarget(plan, false);
    plan.source = source;
    return plan;
}

SimulationPlan SimulationController::audioPlan(const PcmAudio &audio, const QString &source) const
{
    SimulationPlan plan = SimulationPlan::forAudio(m_plugin, audio);
    applyTarget(plan, false);
    plan.source = source;
    return plan;
}

SimulationPlan SimulationController::transcriptPlan(const QList<TranscriptSegment> &segments,
                                                    const BatchingOptions &batching,
                                                    const ReplaySpeed &speed,
                                                    const QString &source) const
{
    SimulationPlan plan = SimulationPlan::forTranscript(m_plugin, segments, batching, speed);
    applyTarget(plan, true); // the panel's window, which follows the contract
    plan.sessionId = m_target.sessionId.trimmed();
    plan.source = source;
    return plan;
}

bool SimulationController::prepare(SimulationPlan &plan)
{
    if (plan.webhookUrl.trimmed().isEmpty()) {
        emit refused(tr("There is no webhook URL to call: fill in the manifest's webhook_url or "
                        "type one to use instead (e.g. http://localhost:8000/hook)."));
        return false;
    }
    if (plan.requestCount() == 0) {
        emit refused(plan.trigger == AppTrigger::MemoryCreation ? tr("There is no memory to send.")
                     : plan.trigger == AppTrigger::AudioBytes   ? tr("There is no audio to send.")
                                                              : tr("The transcript has no segment to send."));
        return false;
    }
    if (plan.trigger == AppTrigger::AudioBytes &&
        !plan.contract->triggers().contains(QStringLiteral("audio_bytes"))) {
        emit refused(tr("The 2024 app had no audio trigger: audio_bytes is today's apps' "
                        "(apps-2026)."));
        return false;
    }
    // A plugin that accumulates by session sees each run as a new conversation.
    if (plan.trigger == AppTrigger::TranscriptProcessed && m_target.freshSessionPerRun)
        plan.sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (plan.trigger == AppTrigger::TranscriptProcessed)
        m_lastSessionId = plan.effectiveSessionId();

    // The author may test an endpoint the app would not call; say so, and send anyway.
    if (!plan.plugin.deleted) {
        PluginUnderTest asSent = plan.plugin;
        asSent.webhookUrl = plan.webhookUrl;
        if (const auto reason = AppTriggerRules::pluginSkipReason(asSent, plan.trigger))
            emit notice(tr("The app would not call this plugin: %1. Sent anyway, to test the "
                           "endpoint.")
                            .arg(*reason));
    }

    discardRun();
    m_run = new SimulationRun(std::move(plan), m_client, this);
    m_sent = m_answered = m_skipped = 0;
    m_pausedMs = 0;
    m_finishedElapsedMs = -1;
    m_pausedSince.invalidate();
    m_elapsed.start();
    SimulationRun *run = m_run;
    connect(run, &SimulationRun::batchSent, this, [this](int index) {
        ++m_sent;
        emit batchSent(index);
    });
    connect(run, &SimulationRun::batchSkipped, this, [this](int index, const QString &reason) {
        ++m_skipped;
        emit batchSkipped(index, reason);
    });
    connect(run, &SimulationRun::recordCompleted, this, [this](const RunRecord &record) {
        ++m_answered;
        emit recordCompleted(record);
    });
    connect(run, &SimulationRun::stateChanged, this, &SimulationController::trackState);
    connect(run, &SimulationRun::finished, this, &SimulationController::runFinished);
    emit runStarted(run->plan());
    return true;
}

bool SimulationController::start(SimulationPlan plan)
{
    if (!prepare(plan))
        return false;
    m_run->start();
    return true;
}

bool SimulationController::resend(const RunRecord &record)
{
    if (!m_run) {
        emit refused(tr("There is no run to send that request from."));
        return false;
    }
    SimulationPlan plan = m_run->plan();
    if (plan.trigger == AppTrigger::TranscriptProcessed) {
        if (record.index < 0 || record.index >= plan.batches.size()) {
            emit refused(tr("That request is not one of this run's."));
            return false;
        }
        TranscriptBatch batch = plan.batches.at(record.index);
        batch.index = 0;
        batch.sendAt = 0; // now, not where it stood in the conversation
        plan.batches = {batch};
        plan.speed = ReplaySpeed::fast();
    } else if (plan.trigger == AppTrigger::AudioBytes) {
        // The one chunk, due now.
        plan.chunks = {{record.result.request.body, 0, 0}};
        plan.speed = ReplaySpeed::fast();
    }
    // The very bytes it carried, whatever the form holds now.
    plan.recordedBodies.clear();
    plan.recordedBodies.insert(0, record.result.request.body);
    return start(std::move(plan));
}

bool SimulationController::startStepping(SimulationPlan plan)
{
    if (!prepare(plan))
        return false;
    m_run->step();
    return true;
}

void SimulationController::discardRun()
{
    if (!m_run)
        return;
    SimulationRun *old = m_run;
    m_run = nullptr;
    old->disconnect(this);
    old->stop();
    old->deleteLater();
}

void SimulationController::trackState(SimulationRun::State state)
{
    if (state == SimulationRun::State::Paused) {
        m_pausedSince.start();
    } else if (m_pausedSince.isValid()) {
        m_pausedMs += m_pausedSince.elapsed();
        m_pausedSince.invalidate();
    }
    if (state == SimulationRun::State::Finished)
        m_finishedElapsedMs = m_elapsed.elapsed() - m_pausedMs;
    emit stateChanged(state);
}

bool SimulationController::isActive() const
{
    return m_run && m_run->state() != SimulationRun::State::Finished;
}

SimulationProgress SimulationController::progress() const
{
    SimulationProgress progress;
    if (!m_run)
        return progress;
    const SimulationPlan &plan = m_run->plan();
    progress.total = m_run->requestCount();
    progress.sent = m_sent;
    progress.answered = m_answered;
    progress.skipped = m_skipped;
    if (m_finishedElapsedMs >= 0) {
        progress.elapsedMs = m_finishedElapsedMs;
    } else if (m_elapsed.isValid()) {
        const qint64 paused =
            m_pausedMs + (m_pausedSince.isValid() ? m_pausedSince.elapsed() : qint64(0));
        progress.elapsedMs = std::max<qint64>(0, m_elapsed.elapsed() - paused);
    }
    progress.conversationSeconds = m_run->conversationSeconds();
    if (plan.trigger == AppTrigger::TranscriptProcessed && !plan.batches.isEmpty())
        progress.conversationLength = plan.batches.last().sendAt;
    const int left = progress.total - progress.done();
    if (m_run->state() == SimulationRun::State::Finished || left <= 0) {
        progress.remainingMs = 0;
    } else if (plan.trigger == AppTrigger::TranscriptProcessed && !plan.speed.isFast()) {
        // On schedule: the rest of the conversation at the replay's speed.
        const double seconds =
            std::max(0.0, progress.conversationLength - progress.conversationSeconds);
        progress.remainingMs = qint64(seconds * 1000.0 / plan.speed.factor);
    } else if (progress.done() > 0) {
        // As fast as possible: the pace so far.
        progress.remainingMs = progress.elapsedMs * left / progress.done();
    }
    return progress;
}

void SimulationController::checkSetup()
{
    const QString url = setupUrl();
    if (url.isEmpty()) {
        emit refused(tr("The manifest has no setup_completed_url: the plugin needs no setup "
                        "and the app enables it at once."));
        return;
    }
    delete m_setupCheck;
    m_setupCheck = new SetupCheckRun(m_plugin, url, uid(), transport(), m_client, this);
    m_setupCheck->setContract(*m_contract);
    SetupCheckRun *check = m_setupCheck;
    connect(check, &SetupCheckRun::finished, this,
            [this, check](const RunRecord &record, const SetupVerdict &verdict) {
                if (m_setupCheck == check)
                    m_setupCheck = nullptr;
                check->deleteLater();
                emit setupChecked(record, verdict);
            });
    check->start();
}

void SimulationController::pause()
{
    if (m_run)
        m_run->pause();
}

void SimulationController::resume()
{
    if (m_run)
        m_run->resume();
}

void SimulationController::togglePause()
{
    if (!m_run)
        return;
    if (m_run->state() == SimulationRun::State::Running)
        m_run->pause();
    else if (m_run->state() == SimulationRun::State::Paused)
        m_run->resume();
}

void SimulationController::step()
{
    if (m_run)
        m_run->step();
}

bool SimulationController::seek(double conversationSeconds)
{
    return m_run && m_run->seek(conversationSeconds);
}

bool SimulationController::seekToBatch(int index)
{
    return m_run && m_run->seekToBatch(index);
}

void SimulationController::stop()
{
    if (m_run)
        m_run->stop();
}

} // namespace studio
