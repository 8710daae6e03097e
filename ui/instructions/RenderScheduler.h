#pragma once

#include "PreviewJob.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace studio {

// Runs preview jobs on a worker thread, one at a time, so typing never waits for a render.
// Requests that arrive while a job runs collapse: only the newest is rendered next, once.
class RenderScheduler : public QObject
{
    Q_OBJECT

public:
    explicit RenderScheduler(QObject *parent = nullptr);
    ~RenderScheduler() override;

    void request(PreviewRequest request);
    bool isBusy() const { return m_busy; }
    // How many jobs were started: what the collapsing saves shows here.
    int startedJobs() const { return m_started; }

signals:
    // Each finished job, newest last; `result.revision` tells which text it is for.
    void finished(const studio::PreviewResult &result);

private:
    void start(PreviewRequest request);
    void onFinished();

    QFutureWatcher<PreviewResult> m_watcher;
    std::optional<PreviewRequest> m_pending;
    bool m_busy = false; // cleared only when the GUI thread has taken the result
    int m_started = 0;
};

} // namespace studio
