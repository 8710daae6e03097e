#include "LoadWorker.h"

#include "http/HttpClient.h"
#include "simulation/load/LoadReportWriter.h"
#include "simulation/load/LoadRun.h"

namespace studio {

LoadWorker::LoadWorker(LoadPlan plan)
    : m_plan(std::move(plan))
{}

LoadWorker::~LoadWorker()
{
    shutdown();
}

void LoadWorker::start()
{
    m_client = std::make_unique<HttpClient>();
    m_run = std::make_unique<LoadRun>(m_plan, m_client.get());
    LoadRun *run = m_run.get();
    connect(run, &LoadRun::secondElapsed, this,
            [this, run](const LoadSecond &second) { emit secondElapsed(second, run->summary()); });
    connect(run, &LoadRun::finished, this, &LoadWorker::runFinished);
    run->start();
}

void LoadWorker::stop()
{
    if (m_run)
        m_run->stop();
}

void LoadWorker::shutdown()
{
    m_run.reset(); // before the client its replies belong to
    m_client.reset();
}

void LoadWorker::runFinished()
{
    // The report as `load --report` writes it, made here: the run's records stay on this thread.
    const std::string report =
        LoadReportWriter::build(*m_run).dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
    emit finished(m_run->summary(), QByteArray::fromStdString(report),
                  m_run->skipReason().value_or(QString()));
}

} // namespace studio
