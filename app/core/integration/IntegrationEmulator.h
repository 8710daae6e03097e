#pragma once

#include "IntegrationCall.h"
#include "json/JsonParser.h"
#include "server/HttpServerOptions.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace studio {

class HttpServer;
class IntegrationState;
struct HttpAnswer;
struct HttpServerRequest;

// The app's integration API (/v2/integrations/{app_id}/..., routers/integration.py) on
// this machine, so an app's calls back into the app can be tried without a phone or a
// deployed backend: it creates conversations and memories, sends notifications and reads
// them back, for one app, one key and one user who has enabled it. Its checks, statuses and
// bodies are the backend's, 422s in FastAPI's words included (IntegrationRequests); what
// the backend's model would write (a conversation's title and overview, facts extracted
// from a text, tasks) it does not imitate, and each call's detail says so.
//
//   GET  /                                    {"app_id", "base_url", "uid"}
//   POST /v2/integrations/<app_id>/user/conversations   create_conversation
//   POST /v2/integrations/<app_id>/user/memories        create_facts
//   GET  /v2/integrations/<app_id>/memories             read_memories
//   GET  /v2/integrations/<app_id>/conversations        read_conversations
//   GET  /v2/integrations/<app_id>/tasks                read_tasks (always none)
//   POST /v2/integrations/<app_id>/notification?message=...   10 an hour per user
//
// Requests are handled on the server's thread; `called` reaches the emulator's thread.
class IntegrationEmulator : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = 8790;

    struct Settings
    {
        QString appId;
        QString apiKey;
        QString uid; // the one user who has enabled the app
        QString appName;
        QSet<QString> actions; // external_integration.actions: create_conversation, ...
        std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    };

    // The settings an apps-2026 app document gives: its name, its actions and its id when
    // it has one (else appId is empty). nullopt with `error` saying why: unreadable, not
    // JSON, not an object, or a 2024 plugin entry (to migrate first).
    static std::optional<Settings> settingsFor(const QString &appDocumentPath, QString &error);
    // What an app document's JSON gives, leniently (the window's open document, as typed):
    // its id, name and actions; anything of the wrong type reads as absent.
    static Settings settingsOf(const Json &app);
    static QString newAppId();  // a ULID, as the backend assigns an app's id
    static QString newApiKey(); // "omi_dev_" and 32 hex digits, as the backend makes keys

    explicit IntegrationEmulator(Settings settings, QObject *parent = nullptr);
    ~IntegrationEmulator() override;

    // False when it could not listen; errorString() says why.
    bool start(const HttpServerOptions &options = {});
    QString errorString() const { return m_error; }
    QString baseUrl() const; // "http://127.0.0.1:8790"; empty before start
    QString apiUrl() const;  // baseUrl() + "/v2/integrations/<app_id>"
    quint16 port() const;
    Settings settings() const; // as they are now (any thread)
    // What the window changes while the emulator runs, from the next call on (any thread):
    // the app's name and actions as its document is edited, the simulator's user, a new key.
    void setApp(const QString &appName, const QSet<QString> &actions);
    void setUid(const QString &uid);
    void setApiKey(const QString &apiKey);
    // The server it runs on, once started (for its refusals and its event loop's owner).
    HttpServer &server() { return *m_server; }

    // What the user has now, oldest first (any thread).
    QList<EmulatedConversation> conversations() const;
    QList<EmulatedMemory> memories() const;

signals:
    void called(const studio::IntegrationCall &call);

private:
    HttpAnswer answer(const HttpServerRequest &request, IntegrationCall &call);

    mutable QMutex m_settingsLock; // the server's thread reads them, the owner's changes them
    Settings m_settings;
    std::unique_ptr<IntegrationState> m_state;
    std::unique_ptr<HttpServer> m_server; // last: stops before the state goes
    QString m_error;
};

} // namespace studio
