#pragma once

#include "integration/IntegrationCall.h"
#include "json/JsonParser.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace studio {

class IntegrationEmulator;

// The window's `plugin-studio emulate-api`: the app's integration API on 127.0.0.1 for the
// open app, so that an app under development calls the studio back (conversations,
// memories, notifications) while the studio simulates the app. No widgets.
//
// The app id and key stay the same from one start to the next (the settings keep them), as
// the app under development is configured with them; the user is the simulator's uid, so
// the webhook's calls and the app's calls back are about the same person. While it runs it
// follows the open document: an action added or removed is enforced from the next call.
class ApiEmulatorController : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Running,
        Failed // errorString() says why
    };

    // What the emulator needs of the open document.
    struct App
    {
        bool isApp = false; // an apps-2026 document; a 2024 plugin has no integration API
        QString name;
        QSet<QString> actions;
        bool operator==(const App &) const = default;
    };
    static App appOf(const Json &document, bool isApp);

    explicit ApiEmulatorController(QObject *parent = nullptr);
    ~ApiEmulatorController() override;

    void setApp(const App &app);
    const App &app() const { return m_app; }
    void setUid(const QString &uid);
    QString uid() const { return m_uid; }

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    QString errorString() const { return m_error; }
    QString baseUrl() const; // while running
    quint16 port() const;    // while running, else the port it will take
    QString appId() const { return m_appId; }
    QString apiKey() const { return m_key; }
    int callCount() const { return m_calls; }
    // What an app reads its configuration from: OMI_API_BASE_URL, OMI_APP_ID, OMI_API_KEY.
    QString environmentLines() const;

public slots:
    // With this port (0: any free one) and key (empty: keep the current one); the settings
    // remember both. Running already: a restart, whose state starts empty.
    void start(quint16 port, const QString &key = {});
    void stop();
    // A new key, for a key that leaked; the running emulator takes it at once.
    void regenerateKey();

signals:
    void stateChanged();
    void called(const studio::IntegrationCall &call);

private:
    void fail(const QString &error);

    App m_app;
    QString m_uid;
    QString m_appId;
    QString m_key;
    quint16 m_port;
    State m_state = State::Stopped;
    QString m_error;
    int m_calls = 0;
    std::unique_ptr<IntegrationEmulator> m_emulator;
};

} // namespace studio
