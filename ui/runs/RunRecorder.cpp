#include "RunRecorder.h"

#include "HistoryJobs.h"
#include "simulator/SimulationController.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

RunRecorder::RunRecorder(SimulationController *controller, QString historyPath, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_path(std::move(historyPath))
{
    connect(controller, &SimulationController::runFinished, this, &RunRecorder::runFinished);
    connect(controller, &SimulationController::setupChecked, this, &RunRecorder::setupChecked);
}

void RunRecorder::runFinished()
{
    const SimulationRun *run = m_controller->run();
    if (!run)
        return;
    // Copies (the records are shared, not copied); the report is rendered on the worker.
    keep([plan = run->plan(), info = run->runInfo(), records = run->records()] {
        return StoredRun::ofSimulation(plan, info, records, RunThresholds{});
    });
}

void RunRecorder::setupChecked(const RunRecord &record, const SetupVerdict &verdict)
{
    Q_UNUSED(verdict);
    const PluginUnderTest &plugin = m_controller->plugin();
    const QString url = m_controller->setupUrl();
    const TransportOptions transport = m_controller->transport();
    // The check is gone by now; its header is what SetupCheckRun::runInfo() gives.
    RunInfo info;
    info.pluginId = plugin.id;
    info.pluginName = plugin.name;
    info.trigger = QString::fromLatin1(SetupCheckRun::kTriggerName);
    info.uid = m_controller->uid();
    info.source = url;
    info.startedAt = record.sentAt.isValid() ? record.sentAt : QDateTime::currentDateTimeUtc();
    const RunSettings settings =
        RunSettings::ofSetupCheck(plugin, url, info.uid, transport, RunThresholds{});
    keep([settings, info, record] { return StoredRun::ofSetupCheck(settings, info, {record}); });
}

void RunRecorder::keepCaught(const CaughtRequest &caught, const QString &baseUrl,
                             const QByteArray &answer)
{
    keep([caught, baseUrl, answer] { return StoredRun::ofCaught(caught, baseUrl, answer); });
}

void RunRecorder::keepToolCall(const ChatTool &tool, const RunInfo &info, const HttpResult &result,
                               const chat_tool_call::ToolAnswer &answer)
{
    keep([tool, info, result, answer] { return StoredRun::ofToolCall(tool, info, result, answer); });
}

void RunRecorder::keep(std::function<StoredRun()> build)
{
    ++m_pending;
    auto *watcher = new QFutureWatcher<HistoryJobs::Recorded>(this);
    connect(watcher, &QFutureWatcher<HistoryJobs::Recorded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_pending;
        const HistoryJobs::Recorded result = watcher->result();
        if (!result.id.ok()) {
            emit failed(tr("The run was not kept in the history: %1").arg(result.id.error()));
            return;
        }
        if (!result.pruneError.isEmpty())
            emit failed(tr("The history keeps more than its limits: %1").arg(result.pruneError));
        emit recorded(result.id.value());
    });
    watcher->setFuture(QtConcurrent::run(
        [path = m_path, build = std::move(build)] { return HistoryJobs::record(path, build()); }));
}

} // namespace studio
