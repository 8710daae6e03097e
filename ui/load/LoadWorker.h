#pragma once

#include "simulation/load/LoadPlan.h"
#include "simulation/load/LoadStats.h"
#include "simulation/load/LoadSummary.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace studio {

class HttpClient;
class LoadRun;

// One load run on the thread it was moved to: its own HttpClient and LoadRun are made there,
// so every request is scheduled and answered on that thread. What leaves it is a second's
// figures (with the whole run's so far) once a second, and at the end the summary and the
// JSON report, made while the run is still at hand.
class LoadWorker : public QObject
{
    Q_OBJECT

public:
    explicit LoadWorker(LoadPlan plan);
    ~LoadWorker() override;

public slots:
    void start();
    void stop();
    // Drops the run and its client (abandoning what is in flight), on the worker's thread.
    void shutdown();

signals:
    void secondElapsed(const studio::LoadSecond &second, const studio::LoadSummary &soFar);
    // `skipReason`: why the app would not call at all (nothing was sent), else empty.
    void finished(const studio::LoadSummary &summary, const QByteArray &reportJson,
                  const QString &skipReason);

private:
    void runFinished();

    LoadPlan m_plan;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<LoadRun> m_run;
};

} // namespace studio
