#pragma once

#include "simulation/load/LoadPlan.h"
#include "simulation/load/LoadStats.h"
#include "simulation/load/LoadSummary.h"

#include <QByteArray>
#include <QObject>

#include <optional>

class QThread;

namespace studio {

class LoadWorker;

// A load run for the window, without widgets. The run goes on a thread of its own (a
// LoadWorker with its own HttpClient), so thousands of requests a second never reach the
// GUI thread: only each second's figures and the final summary come back, as queued
// signals. One run at a time; stopping it, or destroying the controller (the window closing),
// ends the run and joins its thread.
class LoadController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        Stopping,
        Finished
    };

    explicit LoadController(QObject *parent = nullptr);
    ~LoadController() override;

    // Starts the plan; false, with refused(), when it cannot run or a run is going.
    bool start(LoadPlan plan, const LoadThresholds &thresholds);
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running || m_state == State::Stopping; }
    const LoadPlan &plan() const { return m_plan; }

    // The last run's, once it finished.
    const std::optional<LoadSummary> &summary() const { return m_summary; }
    const LoadAcceptance &acceptance() const { return m_acceptance; }
    QString skipReason() const { return m_skipReason; }
    // The JSON report (LoadReportWriter), empty until the run finished.
    const QByteArray &reportJson() const { return m_report; }

public slots:
    // Sends nothing more; the requests in flight end cancelled, then finished() comes.
    void stop();

signals:
    void started();
    void secondElapsed(const studio::LoadSecond &second, const studio::LoadSummary &soFar);
    void finished(const studio::LoadSummary &summary, const studio::LoadAcceptance &acceptance);
    void refused(const QString &reason);
    void stateChanged(studio::LoadController::State state);

private:
    void runFinished(const LoadSummary &summary, const QByteArray &report,
                     const QString &skipReason);
    void setState(State state);
    // Ends the worker on its thread, then the thread.
    void join();

    State m_state = State::Idle;
    LoadPlan m_plan;
    LoadThresholds m_thresholds;
    QThread *m_thread = nullptr;
    LoadWorker *m_worker = nullptr;
    std::optional<LoadSummary> m_summary;
    LoadAcceptance m_acceptance;
    QString m_skipReason;
    QByteArray m_report;
};

} // namespace studio
