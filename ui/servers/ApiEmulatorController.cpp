#include "ApiEmulatorController.h"

#include "integration/IntegrationEmulator.h"
#include "settings/StudioSettings.h"

namespace studio {

ApiEmulatorController::App ApiEmulatorController::appOf(const Json &document, bool isApp)
{
    const IntegrationEmulator::Settings settings = IntegrationEmulator::settingsOf(document);
    return {isApp, settings.appName, settings.actions};
}

ApiEmulatorController::ApiEmulatorController(QObject *parent)
    : QObject(parent)
{
    const StudioSettings settings;
    m_port = settings.apiEmulatorPort().value_or(IntegrationEmulator::kDefaultPort);
    m_appId = settings.apiEmulatorAppId();
    m_key = settings.apiEmulatorKey();
}

ApiEmulatorController::~ApiEmulatorController() = default;

void ApiEmulatorController::setApp(const App &app)
{
    if (app == m_app)
        return;
    m_app = app;
    if (m_emulator)
        m_emulator->setApp(app.name, app.actions);
    emit stateChanged();
}

void ApiEmulatorController::setUid(const QString &uid)
{
    if (uid == m_uid)
        return;
    m_uid = uid;
    if (m_emulator)
        m_emulator->setUid(uid);
    emit stateChanged();
}

QString ApiEmulatorController::baseUrl() const
{
    return isRunning() ? m_emulator->baseUrl() : QString();
}

quint16 ApiEmulatorController::port() const
{
    return isRunning() ? m_emulator->port() : m_port;
}

QString ApiEmulatorController::environmentLines() const
{
    return QStringLiteral("OMI_API_BASE_URL=%1\nOMI_APP_ID=%2\nOMI_API_KEY=%3\n")
        .arg(baseUrl(), m_appId, m_key);
}

void ApiEmulatorController::start(quint16 port, const QString &key)
{
    m_emulator.reset();
    m_port = port;
    StudioSettings settings;
    settings.setApiEmulatorPort(port);
    if (!key.trimmed().isEmpty())
        m_key = key.trimmed();
    if (m_key.isEmpty())
        m_key = IntegrationEmulator::newApiKey();
    if (m_appId.isEmpty())
        m_appId = IntegrationEmulator::newAppId();
    settings.setApiEmulatorKey(m_key);
    settings.setApiEmulatorAppId(m_appId);
    if (!m_app.isApp) {
        fail(tr("Only an app (apps-2026) has the integration API; `plugin-studio migrate` "
                "makes an app of a 2024 plugin."));
        return;
    }

    IntegrationEmulator::Settings emulated;
    emulated.appId = m_appId;
    emulated.apiKey = m_key;
    emulated.uid = m_uid;
    emulated.appName = m_app.name;
    emulated.actions = m_app.actions;
    auto emulator = std::make_unique<IntegrationEmulator>(emulated);
    HttpServerOptions options;
    options.port = port;
    options.keptRequests = 0; // each call is shown, then forgotten here
    if (!emulator->start(options)) {
        fail(emulator->errorString());
        return;
    }
    connect(emulator.get(), &IntegrationEmulator::called, this,
            [this](const IntegrationCall &call) {
                ++m_calls;
                emit called(call);
            });
    m_emulator = std::move(emulator);
    m_calls = 0;
    m_state = State::Running;
    m_error.clear();
    emit stateChanged();
}

void ApiEmulatorController::stop()
{
    m_emulator.reset();
    m_state = State::Stopped;
    m_error.clear();
    emit stateChanged();
}

void ApiEmulatorController::regenerateKey()
{
    m_key = IntegrationEmulator::newApiKey();
    StudioSettings().setApiEmulatorKey(m_key);
    if (m_emulator)
        m_emulator->setApiKey(m_key);
    emit stateChanged();
}

void ApiEmulatorController::fail(const QString &error)
{
    m_emulator.reset();
    m_state = State::Failed;
    m_error = error;
    emit stateChanged();
}

} // namespace studio
