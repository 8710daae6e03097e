#pragma once

#include "SimulationPlan.h"
#include "simulation/judge/SetupCheckJudge.h"
#include "simulation/report/RunInfo.h"
#include "simulation/report/RunRecord.h"

#include <QObject>
#include <QPointer>

namespace studio {

class HttpClient;
class HttpReply;

// The app's setup check, once: GET <setup_completed_url>?uid=<uid>, judged as the app judges
// it (SetupCheckJudge). The record's verdict is "silent" when the setup is completed (the
// app enables the plugin without a word) and "ignored" otherwise, with the app's refusal as
// the reason, so the same reports and pass/fail rules serve simulations and setup checks.
//
// The HttpClient must outlive the check. Destroying the check abandons the exchange.
class SetupCheckRun : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kTriggerName = "setup_check"; // RunInfo::trigger

    SetupCheckRun(const PluginUnderTest &plugin, const QString &setupCompletedUrl,
                  const QString &uid, const TransportOptions &transport, HttpClient *client,
                  QObject *parent = nullptr);
    ~SetupCheckRun() override;

    // Whose URL rule the check follows (before start); the 2024 index's by default.
    void setContract(const Contract &contract) { m_contract = &contract; }
    void start();
    bool isFinished() const { return m_finished; }
    const RunRecord &record() const { return m_record; }
    const SetupVerdict &verdict() const { return m_verdict; }
    RunInfo runInfo() const;

    // The verdict as a record's: the setup is completed, or the app's refusal and why.
    static ResponseVerdict responseVerdict(const SetupVerdict &verdict);

signals:
    void finished(const studio::RunRecord &record, const studio::SetupVerdict &verdict);

private:
    void onAnswered(const HttpResult &result);

    PluginUnderTest m_plugin;
    QString m_url;
    QString m_uid;
    const Contract *m_contract = &Contract::plugins2024();
    TransportOptions m_transport;
    HttpClient *m_client;
    QPointer<HttpReply> m_reply;
    RunRecord m_record;
    SetupVerdict m_verdict;
    QDateTime m_startedAt;
    bool m_finished = false;
};

} // namespace studio
