#include "SetupCheckRun.h"

#include "AppRequestFactory.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"

namespace studio {

SetupCheckRun::SetupCheckRun(const PluginUnderTest &plugin, const QString &setupCompletedUrl,
                             const QString &uid, const TransportOptions &transport,
                             HttpClient *client, QObject *parent)
    : QObject(parent)
    , m_plugin(plugin)
    , m_url(setupCompletedUrl)
    , m_uid(uid)
    , m_transport(transport)
    , m_client(client)
{}

SetupCheckRun::~SetupCheckRun()
{
    if (m_reply) {
        m_reply->disconnect(this);
        delete m_reply.data(); // abandons the exchange
    }
}

RunInfo SetupCheckRun::runInfo() const
{
    RunInfo info;
    info.pluginId = m_plugin.id;
    info.pluginName = m_plugin.name;
    info.trigger = QString::fromLatin1(kTriggerName);
    info.uid = m_uid;
    info.source = m_url;
    info.contract = QString::fromLatin1(m_contract->name());
    info.startedAt = m_startedAt;
    return info;
}

ResponseVerdict SetupCheckRun::responseVerdict(const SetupVerdict &verdict)
{
    ResponseVerdict response;
    response.kind = verdict.ready ? ResponseVerdict::Kind::Silent : ResponseVerdict::Kind::Ignored;
    response.reason = verdict.reason;
    return response;
}

void SetupCheckRun::start()
{
    if (m_reply || m_finished)
        return;
    m_startedAt = QDateTime::currentDateTimeUtc();
    const HttpRequest request = AppRequestFactory::setupCheck(m_url, m_uid, m_transport, *m_contract);
    m_record = RunRecord{};
    m_record.label = QStringLiteral("setup check");
    m_record.sentAt = m_startedAt;
    m_reply = m_client->send(request);
    connect(m_reply, &HttpReply::finished, this, &SetupCheckRun::onAnswered);
}

void SetupCheckRun::onAnswered(const HttpResult &result)
{
    m_reply = nullptr;
    m_finished = true;
    m_record.result = result;
    m_verdict = SetupCheckJudge::judge(result);
    m_record.verdict = responseVerdict(m_verdict);
    emit finished(m_record, m_verdict);
}

} // namespace studio
