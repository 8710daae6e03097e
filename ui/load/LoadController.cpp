#include "LoadController.h"

#include "LoadWorker.h"

#include <QThread>

namespace studio {

LoadController::LoadController(QObject *parent)
    : QObject(parent)
{}

LoadController::~LoadController()
{
    join();
}

bool LoadController::start(LoadPlan plan, const LoadThresholds &thresholds)
{
    if (isRunning()) {
        emit refused(tr("A load run is going: stop it first."));
        return false;
    }
    if (const std::optional<QString> problem = plan.problem()) {
        emit refused(*problem);
        return false;
    }
    join();
    m_plan = plan;
    m_thresholds = thresholds;
    m_summary.reset();
    m_acceptance = {};
    m_skipReason.clear();
    m_report.clear();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("load run"));
    m_worker = new LoadWorker(std::move(plan));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &LoadWorker::start);
    connect(m_worker, &LoadWorker::secondElapsed, this, &LoadController::secondElapsed,
            Qt::QueuedConnection);
    connect(m_worker, &LoadWorker::finished, this, &LoadController::runFinished,
            Qt::QueuedConnection);
    setState(State::Running);
    m_thread->start();
    emit started();
    return true;
}

void LoadController::stop()
{
    if (m_state != State::Running)
        return;
    QMetaObject::invokeMethod(m_worker, &LoadWorker::stop, Qt::QueuedConnection);
    setState(State::Stopping);
}

void LoadController::runFinished(const LoadSummary &summary, const QByteArray &report,
                                 const QString &skipReason)
{
    join();
    m_summary = summary;
    m_report = report;
    m_skipReason = skipReason;
    m_acceptance = LoadAcceptance::evaluate(summary, m_thresholds);
    setState(State::Finished);
    emit finished(summary, m_acceptance);
}

void LoadController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LoadController::join()
{
    if (!m_thread)
        return;
    if (m_thread->isRunning())
        QMetaObject::invokeMethod(m_worker, &LoadWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker; // its thread is over: nothing of it runs any more
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

} // namespace studio
