#pragma once

#include "SimulationProgress.h"
#include "SimulationTarget.h"
#include "manifest/PluginManifest.h"
#include "settings/StudioSettings.h"
#include "simulation/engine/SetupCheckRun.h"
#include "simulation/engine/SimulationRun.h"
#include "simulation/judge/SetupCheckJudge.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace studio {

class HttpClient;

// The simulator without its widgets: the plugin under test (from the open manifest), the
// target it is called at (remembered per plugin), and the runs. It builds each
// SimulationPlan from the target, owns the HttpClient and the SimulationRun, and reports
// what happens as signals, so the Simulate tab, the run views and tests all drive the same
// object. One run at a time: starting another stops the one going.
class SimulationController : public QObject
{
    Q_OBJECT

public:
    struct AuthLink
    {
        QString name;
        QString url; // with the uid appended, as the app opens it
    };

    explicit SimulationController(QObject *parent = nullptr);
    ~SimulationController() override;

    // The open plugin; loads the target remembered for its id.
    void setManifest(const PluginManifest &manifest);
    // The contract runs follow: what is sent, how, and how answers are judged.
    void setContract(const Contract &contract) { m_contract = &contract; }
    const Contract &contract() const { return *m_contract; }
    const PluginManifest &manifest() const { return m_manifest; }
    const PluginUnderTest &plugin() const { return m_plugin; }
    QString manifestWebhookUrl() const { return m_plugin.webhookUrl; }
    // The setup_completed_url, empty when the plugin needs no setup.
    QString setupUrl() const;
    QList<AuthLink> authLinks() const;
    // The trigger the manifest declares, when it names one the app knows.
    std::optional<AppTrigger> declaredTrigger() const;

    const SimulationTarget &target() const { return m_target; }
    // Remembers the target: the URL override for this plugin, the rest for every plugin.
    void setTarget(const SimulationTarget &target);
    // The override, else the manifest's URL; the uid is appended when a request goes out.
    QString webhookUrl() const;
    QString uid() const;
    // How requests travel: the target's timeout and max time, the app's defaults otherwise.
    TransportOptions transport() const;

    // Plans as the target says (the session id of a fresh-per-run target is drawn at start).
    SimulationPlan memoryPlan(const Memory &memory, const QString &source = {}) const;
    // audio_bytes: the recording in the app's 4 s chunks, in real time.
    SimulationPlan audioPlan(const PcmAudio &audio, const QString &source = {}) const;
    SimulationPlan transcriptPlan(const QList<TranscriptSegment> &segments,
                                  const BatchingOptions &batching, const ReplaySpeed &speed,
                                  const QString &source = {}) const;

    // Starts the plan (stopping the run going, if any). False, with refused(), when there
    // is nowhere to send it.
    bool start(SimulationPlan plan);
    // Like start(), but paused with the first batch sent: a step from nothing.
    bool startStepping(SimulationPlan plan);

    // Sends one request of the current run again, byte for byte, as a run of its own (the
    // inspector's Resend). False, with refused(), when it is not a request of this run.
    bool resend(const RunRecord &record);
    SimulationRun *run() const { return m_run; }
    bool isActive() const; // a run that is not finished
    SimulationProgress progress() const;
    // The session id the last run sent (a fresh uuid, the one typed, or the uid).
    QString lastSessionId() const { return m_lastSessionId; }

    void checkSetup();
    bool isCheckingSetup() const { return m_setupCheck != nullptr; }

public slots:
    void pause();
    void resume();
    void togglePause();
    void step();
    bool seek(double conversationSeconds);
    bool seekToBatch(int index);
    void stop();

signals:
    void manifestChanged();
    void targetChanged();
    void runStarted(const studio::SimulationPlan &plan);
    void batchSent(int index);
    void batchSkipped(int index, const QString &reason);
    void recordCompleted(const studio::RunRecord &record);
    void runFinished(const studio::RunSummary &summary);
    void stateChanged(studio::SimulationRun::State state);
    void setupChecked(const studio::RunRecord &record, const studio::SetupVerdict &verdict);
    // Nothing was sent, and why: no URL, nothing to send.
    void refused(const QString &reason);
    // Something the user should know about a run that goes ahead anyway (the app would not
    // call this plugin for this event, a deleted plugin...).
    void notice(const QString &message);

private:
    bool prepare(SimulationPlan &plan);
    void discardRun();
    void trackState(SimulationRun::State state);
    void loadTarget();
    // The contract, where and as whom, how, and the secret when the contract signs.
    void applyTarget(SimulationPlan &plan, bool keepBatching) const;

    StudioSettings m_settings;
    HttpClient *m_client;
    PluginManifest m_manifest;
    PluginUnderTest m_plugin;
    const Contract *m_contract = &Contract::plugins2024();
    SimulationTarget m_target;
    QPointer<SimulationRun> m_run;
    QPointer<SetupCheckRun> m_setupCheck;
    QString m_lastSessionId;
    int m_sent = 0;
    int m_answered = 0;
    int m_skipped = 0;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_pausedSince;
    qint64 m_pausedMs = 0;
    qint64 m_finishedElapsedMs = -1;
};

} // namespace studio
