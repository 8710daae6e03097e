#pragma once

#include "contract/apps2026/ChatToolCall.h"
#include "contract/apps2026/ChatToolsManifest.h"
#include "simulation/report/RunInfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <string>

namespace studio {

class HttpClient;
class HttpReply;
class RunRecorder;
class SimulationController;

// One call of a tool as the backend made it, and what the chat model received.
struct ToolCallOutcome
{
    ChatTool tool;
    RunInfo info; // the app, the uid, the manifest the tool came from, when it went
    HttpResult result;
    chat_tool_call::ToolAnswer answer;
};

// The Tools page without its widgets: the open app's chat tools manifest, fetched as the
// backend fetches it (or read from a file the user opens), parsed with its located findings,
// and each tool called as the chat calls it. The uid and the signing secret are the Simulate
// tab's target (SimulationController), so calls agree with simulations. Every finished call
// goes to the run history (RunRecorder, when given).
//
// Nothing here blocks: the manifest and the calls travel on the HttpClient's thread, a file
// is read on a worker; a result for a load that was started again meanwhile is dropped.
class ToolsController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Empty,   // nothing loaded yet
        Loading, // fetching or reading
        Loaded,  // manifest() holds the tools and the findings
        Failed,  // no manifest: error() says why
    };

    ToolsController(SimulationController *simulation, RunRecorder *recorder,
                    QObject *parent = nullptr);
    ~ToolsController() override;

    // The open app document (its last text that parsed): its id, name and where its tools are.
    void setApp(const Json &app);
    const ChatToolsSource &source() const { return m_source; }
    QString appId() const; // the document's id, else ChatToolsSource::kPlaceholderAppId
    bool hasPlaceholderId() const { return m_source.appId.isEmpty(); }
    QString appName() const { return m_appName; }

    // A URL to fetch instead of the app's (empty: the app's own).
    void setUrlOverride(const QString &url);
    QString urlOverride() const { return m_urlOverride; }
    // The override, else chat_tools_manifest_url, else <app_home_url>/.well-known/omi-tools.json.
    QString manifestUrl() const;

    State state() const { return m_state; }
    QString error() const { return m_error; }
    // Where the manifest shown came from (or is coming from): a URL or a file's path.
    QString loadedFrom() const { return m_loadedFrom; }
    bool loadedFromFile() const { return m_fromFile; }
    const ChatToolsManifest &manifest() const { return m_manifest; }
    const ChatTool *tool(const std::string &name) const { return m_manifest.tool(name); }

    // Calls a tool with arguments the chat model could send. False, with refused(), when a
    // call is going, the tool is unknown or the arguments do not fit its schema.
    bool call(const std::string &toolName, const Json &arguments);
    bool isCalling() const { return !m_call.isNull(); }
    // Milliseconds since the call going started.
    qint64 callElapsedMs() const { return m_callClock.isValid() ? m_callClock.elapsed() : 0; }

public slots:
    // Again from where the manifest came from: the same file, else manifestUrl().
    void reload();
    void fetch();
    void openFile(const QString &path);
    // Abandons the call going: nothing is shown or kept of it.
    void stop();

signals:
    void stateChanged();
    void callStarted(const studio::HttpRequest &request);
    void callFinished(const studio::ToolCallOutcome &outcome);
    void callStopped();
    void refused(const QString &reason);

private:
    void beginLoad(const QString &from, bool file);
    void parsed(int load, const std::string &text);
    void failed(int load, const QString &error);
    void finishCall(const ChatTool &tool, const RunInfo &info, const HttpResult &result);

    SimulationController *m_simulation;
    RunRecorder *m_recorder;
    HttpClient *m_client;
    ChatToolsSource m_source;
    QString m_appName;
    QString m_urlOverride;
    State m_state = State::Empty;
    QString m_error;
    QString m_loadedFrom;
    bool m_fromFile = false;
    int m_load = 0; // a result of an older load is dropped
    QString m_loadHomeUrl; // the app_home_url endpoints resolve against, as of the load
    ChatToolsManifest m_manifest;
    QPointer<HttpReply> m_call;
    QElapsedTimer m_callClock;
};

} // namespace studio

Q_DECLARE_METATYPE(studio::ToolCallOutcome)
