#include "RenderScheduler.h"

#include <QtConcurrent>

namespace studio {

RenderScheduler::RenderScheduler(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<PreviewResult>::finished, this,
            &RenderScheduler::onFinished);
}

RenderScheduler::~RenderScheduler()
{
    // The job owns copies of everything it reads; waiting keeps the pool quiet on exit.
    m_watcher.waitForFinished();
}

void RenderScheduler::request(PreviewRequest request)
{
    if (m_busy) {
        m_pending = std::move(request); // replaces any older pending text
        return;
    }
    start(std::move(request));
}

void RenderScheduler::start(PreviewRequest request)
{
    m_busy = true;
    ++m_started;
    m_watcher.setFuture(
        QtConcurrent::run([request = std::move(request)] { return PreviewJob::run(request); }));
}

void RenderScheduler::onFinished()
{
    const PreviewResult result = m_watcher.result();
    m_busy = false;
    if (m_pending) {
        PreviewRequest next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
    emit finished(result);
}

} // namespace studio
