#include "ToolsController.h"

#include "http/HttpClient.h"
#include "http/HttpReply.h"
#include "io/TextFile.h"
#include "runs/RunRecorder.h"
#include "simulator/SimulationController.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

// A manifest's text, parsed; or why there is none.
struct LoadResult
{
    QString error;
    ChatToolsManifest manifest;
};

LoadResult parseText(const std::string &text, const QString &homeUrl)
{
    return {{}, ChatToolsManifest::parse(text, homeUrl)};
}

QString textOf(const Json &app, const char *key)
{
    const auto value = app.is_object() ? app.find(key) : app.end();
    return value != app.end() && value->is_string()
               ? QString::fromStdString(value->get<std::string>()).trimmed()
               : QString();
}

} // namespace

ToolsController::ToolsController(SimulationController *simulation, RunRecorder *recorder,
                                 QObject *parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_recorder(recorder)
    , m_client(new HttpClient(this))
{
    qRegisterMetaType<ToolCallOutcome>();
}

ToolsController::~ToolsController() = default;

void ToolsController::setApp(const Json &app)
{
    m_source = ChatToolsSource::of(app);
    m_appName = textOf(app, "name");
}

QString ToolsController::appId() const
{
    return m_source.appId.isEmpty() ? QString::fromLatin1(ChatToolsSource::kPlaceholderAppId)
                                    : m_source.appId;
}

void ToolsController::setUrlOverride(const QString &url)
{
    m_urlOverride = url.trimmed();
}

QString ToolsController::manifestUrl() const
{
    return m_urlOverride.isEmpty() ? m_source.manifestUrl : m_urlOverride;
}

void ToolsController::reload()
{
    if (m_fromFile && !m_loadedFrom.isEmpty())
        openFile(m_loadedFrom);
    else
        fetch();
}

void ToolsController::beginLoad(const QString &from, bool file)
{
    ++m_load;
    m_loadedFrom = from;
    m_fromFile = file;
    m_loadHomeUrl = m_source.homeUrl;
    m_error.clear();
    m_state = State::Loading;
    emit stateChanged();
}

void ToolsController::fetch()
{
    const QString url = manifestUrl();
    if (url.isEmpty()) {
        beginLoad({}, false);
        failed(m_load, tr("The app has no chat_tools_manifest_url and no app_home_url to find "
                          ".well-known/omi-tools.json under: type the manifest's URL, or open "
                          "a file."));
        return;
    }
    beginLoad(url, false);
    const int load = m_load;
    HttpReply *reply = m_client->send(chat_tool_call::manifestRequest(url));
    connect(reply, &HttpReply::finished, this, [this, load, url](const HttpResult &result) {
        if (!result.succeeded()) {
            failed(load, tr("GET %1: %2; the backend gets no tools from this app.")
                             .arg(url, chat_tool_call::failureText(result)));
            return;
        }
        if (result.status != 200) {
            failed(load, tr("GET %1 answered HTTP %2; the backend takes the manifest only with "
                            "200, so it gets no tools.")
                             .arg(url)
                             .arg(result.status));
            return;
        }
        parsed(load, result.body.toStdString());
    });
}

void ToolsController::openFile(const QString &path)
{
    beginLoad(path, true);
    const int load = m_load;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, load] {
        watcher->deleteLater();
        LoadResult result = watcher->result();
        if (!result.error.isEmpty()) {
            failed(load, result.error);
            return;
        }
        if (load != m_load)
            return;
        m_manifest = std::move(result.manifest);
        m_state = State::Loaded;
        emit stateChanged();
    });
    watcher->setFuture(QtConcurrent::run([path, home = m_loadHomeUrl] {
        const TextFileRead read = TextFile::read(path);
        if (!read.ok)
            return LoadResult{QString::fromStdString(read.error), {}};
        return parseText(read.bytes, home);
    }));
}

// Parsed on a worker: a manifest may be as large as the client takes (megabytes).
void ToolsController::parsed(int load, const std::string &text)
{
    if (load != m_load)
        return;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, load] {
        watcher->deleteLater();
        if (load != m_load)
            return;
        m_manifest = watcher->result().manifest;
        m_state = State::Loaded;
        emit stateChanged();
    });
    watcher->setFuture(QtConcurrent::run(parseText, text, m_loadHomeUrl));
}

void ToolsController::failed(int load, const QString &error)
{
    if (load != m_load)
        return;
    m_manifest = {};
    m_error = error;
    m_state = State::Failed;
    emit stateChanged();
}

bool ToolsController::call(const std::string &toolName, const Json &arguments)
{
    const auto refuse = [this](const QString &reason) {
        emit refused(reason);
        return false;
    };
    if (isCalling())
        return refuse(tr("A call is going; stop it first."));
    const ChatTool *found = m_manifest.tool(toolName);
    if (!found)
        return refuse(tr("The manifest offers no tool '%1'.").arg(QString::fromStdString(toolName)));
    if (const std::string wrong = chat_tool_call::checkArguments(*found, arguments); !wrong.empty())
        return refuse(QString::fromStdString(wrong));

    RunInfo info;
    info.pluginId = appId();
    info.pluginName = m_appName;
    info.uid = m_simulation->uid();
    info.source = m_loadedFrom;
    info.startedAt = QDateTime::currentDateTimeUtc();
    const chat_tool_call::CallContext context{
        info.uid, info.pluginId, m_simulation->target().signingSecret,
        info.startedAt.toSecsSinceEpoch(),
        QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()};
    const HttpRequest request = chat_tool_call::request(*found, arguments, context);
    m_callClock.start();
    m_call = m_client->send(request);
    connect(m_call, &HttpReply::finished, this,
            [this, tool = *found, info](const HttpResult &result) { finishCall(tool, info, result); });
    emit callStarted(request);
    return true;
}

void ToolsController::finishCall(const ChatTool &tool, const RunInfo &info, const HttpResult &result)
{
    m_call.clear();
    m_callClock.invalidate();
    const ToolCallOutcome outcome{tool, info, result, chat_tool_call::answer(tool, result)};
    if (m_recorder)
        m_recorder->keepToolCall(outcome.tool, outcome.info, outcome.result, outcome.answer);
    emit callFinished(outcome);
}

void ToolsController::stop()
{
    if (!m_call)
        return;
    // The reply goes without a word: the backend would still be waiting, nothing is known.
    HttpReply *reply = m_call;
    m_call.clear();
    m_callClock.invalidate();
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    emit callStopped();
}

} // namespace studio
