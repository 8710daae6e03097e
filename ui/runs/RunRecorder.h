#pragma once

#include "history/HistoryLocation.h"
#include "history/StoredRun.h"
#include "simulation/judge/SetupCheckJudge.h"

#include <QObject>
#include <QString>

#include <functional>

namespace studio {

class SimulationController;

// Keeps every run of the window in the run history the command line shares: when the
// controller's run or setup check ends, the Listen page catches a request or the Tools page
// calls a tool, the run is built (report included) and recorded on a worker thread with its
// own connection, then the history is pruned to its limits. The run itself never waits on the database, and a
// history that cannot be used (corrupt, locked, read-only) costs a failed() message,
// nothing more.
class RunRecorder : public QObject
{
    Q_OBJECT

public:
    explicit RunRecorder(SimulationController *controller,
                         QString historyPath = HistoryLocation::defaultPath(),
                         QObject *parent = nullptr);

    const QString &historyPath() const { return m_path; }
    // A request the Listen page caught at `baseUrl` and answered with `answer`, kept as
    // `plugin-studio listen` keeps it (StoredRun::ofCaught).
    void keepCaught(const CaughtRequest &caught, const QString &baseUrl, const QByteArray &answer);
    // A call of an app's chat tool from the Tools page, kept as StoredRun::ofToolCall.
    void keepToolCall(const ChatTool &tool, const RunInfo &info, const HttpResult &result,
                      const chat_tool_call::ToolAnswer &answer);
    // Recordings handed to a worker and not yet back.
    int pending() const { return m_pending; }

signals:
    void recorded(qint64 id);
    // What failed and where, in a sentence for the status bar.
    void failed(const QString &message);

private:
    void runFinished();
    void setupChecked(const RunRecord &record, const SetupVerdict &verdict);
    void keep(std::function<StoredRun()> build);

    SimulationController *m_controller;
    QString m_path;
    int m_pending = 0;
};

} // namespace studio
