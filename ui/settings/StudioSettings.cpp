#include "StudioSettings.h"

#include <QDir>

namespace studio {

namespace {

// The keys, all of them: nothing else in the studio names a setting.
namespace key {
const QString windowGeometry = QStringLiteral("window/geometry");
const QString windowState = QStringLiteral("window/state");
const QString narrowWindowState = QStringLiteral("window/state-narrow");
const QString splitterState = QStringLiteral("window/splitter");
const QString narrowSplitterState = QStringLiteral("window/splitter-narrow");
const QString recentFiles = QStringLiteral("files/recent");
const QString lastRepository = QStringLiteral("files/lastRepository");
const QString lastEntryId = QStringLiteral("files/lastEntryId");
const QString theme = QStringLiteral("appearance/theme");
const QString inlineMessages = QStringLiteral("editor/inlineMessages");
const QString logoSize = QStringLiteral("logo/size");
const QString storePreviewDark = QStringLiteral("preview/storeDark");
const QString remoteImages = QStringLiteral("instructions/remoteImages");
const QString autosaveDelay = QStringLiteral("recovery/autosaveDelayMs");
// A map from plugin id to URL: ids may hold characters QSettings reads as groups.
const QString simulationUrls = QStringLiteral("simulate/urlOverrides");
// Same shape, only for the secrets the user asked the studio to remember.
const QString simulationSecrets = QStringLiteral("simulate/signingSecrets");
const QString simulationUid = QStringLiteral("simulate/uid");
const QString simulationSessionId = QStringLiteral("simulate/sessionId");
const QString simulationFreshSession = QStringLiteral("simulate/freshSession");
const QString simulationProfile = QStringLiteral("simulate/profile");
const QString simulationTimeout = QStringLiteral("simulate/timeoutMs");
const QString simulationMaxTime = QStringLiteral("simulate/maxTimeMs");
const QString builtInAutoStart = QStringLiteral("servers/builtInAutoStart");
const QString builtInPort = QStringLiteral("servers/builtInPort");
const QString listenPort = QStringLiteral("listen/port");
const QString apiEmulatorPort = QStringLiteral("apiEmulator/port");
const QString apiEmulatorAppId = QStringLiteral("apiEmulator/appId");
const QString apiEmulatorKey = QStringLiteral("apiEmulator/key");
const QString listenFolder = QStringLiteral("listen/folder");
const QString listenAnswer = QStringLiteral("listen/answer");
QString simulationRecent(const QString &kind)
{
    return QStringLiteral("simulate/recent/") + kind;
}
} // namespace key

QString perPlugin(const QSettings &settings, const QString &key, const QString &pluginId)
{
    return settings.value(key).toMap().value(pluginId).toString();
}

void setPerPlugin(QSettings &settings, const QString &key, const QString &pluginId,
                  const QString &value)
{
    QVariantMap values = settings.value(key).toMap();
    if (value.isEmpty())
        values.remove(pluginId);
    else
        values.insert(pluginId, value);
    if (values.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, values);
}

std::optional<quint16> portValue(const QSettings &settings, const QString &key)
{
    bool ok = false;
    const uint port = settings.value(key).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return quint16(port);
}

void setPortValue(QSettings &settings, const QString &key, std::optional<quint16> port)
{
    if (port)
        settings.setValue(key, uint(*port));
    else
        settings.remove(key);
}

} // namespace

StudioSettings::StudioSettings() = default;

QByteArray StudioSettings::windowGeometry() const
{
    return m_settings.value(key::windowGeometry).toByteArray();
}

void StudioSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key::windowGeometry, geometry);
}

QByteArray StudioSettings::windowState(LayoutWidth width) const
{
    return m_settings
        .value(width == LayoutWidth::Narrow ? key::narrowWindowState : key::windowState)
        .toByteArray();
}

void StudioSettings::setWindowState(const QByteArray &state, LayoutWidth width)
{
    m_settings.setValue(width == LayoutWidth::Narrow ? key::narrowWindowState : key::windowState,
                        state);
}

QByteArray StudioSettings::splitterState(LayoutWidth width) const
{
    return m_settings
        .value(width == LayoutWidth::Narrow ? key::narrowSplitterState : key::splitterState)
        .toByteArray();
}

void StudioSettings::setSplitterState(const QByteArray &state, LayoutWidth width)
{
    m_settings.setValue(
        width == LayoutWidth::Narrow ? key::narrowSplitterState : key::splitterState, state);
}

QStringList StudioSettings::recentFiles() const
{
    return m_settings.value(key::recentFiles).toStringList();
}

void StudioSettings::addRecentFile(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList files = recentFiles();
    files.removeAll(clean);
    files.prepend(clean);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings.setValue(key::recentFiles, files);
}

void StudioSettings::moveRecentFolder(const QString &from, const QString &to)
{
    const QString oldRoot = QDir::cleanPath(from);
    const QString newRoot = QDir::cleanPath(to);
    const auto moved = [&](const QString &path) -> QString {
        if (path == oldRoot)
            return newRoot;
        if (path.startsWith(oldRoot + u'/'))
            return newRoot + path.mid(oldRoot.size());
        return path;
    };
    QStringList files = recentFiles();
    for (QString &path : files)
        path = moved(path);
    m_settings.setValue(key::recentFiles, files);
    if (const QString repository = lastRepository(); !repository.isEmpty())
        setLastRepository(moved(repository));
}

void StudioSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(QDir::cleanPath(path));
    m_settings.setValue(key::recentFiles, files);
}

void StudioSettings::clearRecentFiles()
{
    m_settings.remove(key::recentFiles);
}

Theme StudioSettings::theme() const
{
    return themeFromName(m_settings.value(key::theme).toString());
}

void StudioSettings::setTheme(Theme theme)
{
    m_settings.setValue(key::theme, themeName(theme));
}

QString StudioSettings::lastRepository() const
{
    return m_settings.value(key::lastRepository).toString();
}

void StudioSettings::setLastRepository(const QString &path)
{
    m_settings.setValue(key::lastRepository, path);
}

QString StudioSettings::lastEntryId() const
{
    return m_settings.value(key::lastEntryId).toString();
}

void StudioSettings::setLastEntryId(const QString &id)
{
    m_settings.setValue(key::lastEntryId, id);
}

bool StudioSettings::showInlineMessages() const
{
    return m_settings.value(key::inlineMessages, true).toBool();
}

void StudioSettings::setShowInlineMessages(bool show)
{
    m_settings.setValue(key::inlineMessages, show);
}

int StudioSettings::logoSize() const
{
    const int size = m_settings.value(key::logoSize, kDefaultLogoSize).toInt();
    return size >= 64 && size <= 4096 ? size : kDefaultLogoSize;
}

void StudioSettings::setLogoSize(int pixels)
{
    m_settings.setValue(key::logoSize, pixels);
}

int StudioSettings::autosaveDelayMs() const
{
    const int delay = m_settings.value(key::autosaveDelay, kDefaultAutosaveDelayMs).toInt();
    return delay > 0 ? delay : kDefaultAutosaveDelayMs;
}

void StudioSettings::setAutosaveDelayMs(int milliseconds)
{
    m_settings.setValue(key::autosaveDelay, milliseconds);
}

QString StudioSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme StudioSettings::themeFromName(const QString &name)
{
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return Theme::System;
}

bool StudioSettings::storePreviewDark() const
{
    return m_settings.value(key::storePreviewDark, true).toBool();
}

void StudioSettings::setStorePreviewDark(bool dark)
{
    m_settings.setValue(key::storePreviewDark, dark);
}

bool StudioSettings::remoteImagesAllowed() const
{
    return m_settings.value(key::remoteImages, false).toBool();
}

void StudioSettings::setRemoteImagesAllowed(bool allowed)
{
    m_settings.setValue(key::remoteImages, allowed);
}

QString StudioSettings::simulationUrlOverride(const QString &pluginId) const
{
    return perPlugin(m_settings, key::simulationUrls, pluginId);
}

void StudioSettings::setSimulationUrlOverride(const QString &pluginId, const QString &url)
{
    setPerPlugin(m_settings, key::simulationUrls, pluginId, url);
}

QString StudioSettings::simulationSigningSecret(const QString &pluginId) const
{
    return perPlugin(m_settings, key::simulationSecrets, pluginId);
}

void StudioSettings::setSimulationSigningSecret(const QString &pluginId, const QString &secret)
{
    setPerPlugin(m_settings, key::simulationSecrets, pluginId, secret);
}

QString StudioSettings::simulationUid() const
{
    return m_settings.value(key::simulationUid).toString();
}

void StudioSettings::setSimulationUid(const QString &uid)
{
    m_settings.setValue(key::simulationUid, uid);
}

QString StudioSettings::simulationSessionId() const
{
    return m_settings.value(key::simulationSessionId).toString();
}

void StudioSettings::setSimulationSessionId(const QString &sessionId)
{
    m_settings.setValue(key::simulationSessionId, sessionId);
}

bool StudioSettings::simulationFreshSession() const
{
    return m_settings.value(key::simulationFreshSession, false).toBool();
}

void StudioSettings::setSimulationFreshSession(bool fresh)
{
    m_settings.setValue(key::simulationFreshSession, fresh);
}

QString StudioSettings::simulationProfile() const
{
    return m_settings.value(key::simulationProfile).toString();
}

void StudioSettings::setSimulationProfile(const QString &profile)
{
    m_settings.setValue(key::simulationProfile, profile);
}

int StudioSettings::simulationTimeoutMs() const
{
    return m_settings.value(key::simulationTimeout, 0).toInt();
}

void StudioSettings::setSimulationTimeoutMs(int milliseconds)
{
    m_settings.setValue(key::simulationTimeout, milliseconds);
}

int StudioSettings::simulationMaxTimeMs() const
{
    return m_settings.value(key::simulationMaxTime, 0).toInt();
}

void StudioSettings::setSimulationMaxTimeMs(int milliseconds)
{
    m_settings.setValue(key::simulationMaxTime, milliseconds);
}

QStringList StudioSettings::recentSimulationFiles(const QString &kind) const
{
    return m_settings.value(key::simulationRecent(kind)).toStringList();
}

void StudioSettings::addRecentSimulationFile(const QString &kind, const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList files = recentSimulationFiles(kind);
    files.removeAll(clean);
    files.prepend(clean);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings.setValue(key::simulationRecent(kind), files);
}

bool StudioSettings::builtInServerAutoStart() const
{
    return m_settings.value(key::builtInAutoStart, true).toBool();
}

void StudioSettings::setBuiltInServerAutoStart(bool start)
{
    m_settings.setValue(key::builtInAutoStart, start);
}

std::optional<quint16> StudioSettings::builtInServerPort() const
{
    return portValue(m_settings, key::builtInPort);
}

void StudioSettings::setBuiltInServerPort(std::optional<quint16> port)
{
    setPortValue(m_settings, key::builtInPort, port);
}

std::optional<quint16> StudioSettings::listenPort() const
{
    return portValue(m_settings, key::listenPort);
}

void StudioSettings::setListenPort(std::optional<quint16> port)
{
    setPortValue(m_settings, key::listenPort, port);
}

QString StudioSettings::listenFolder() const
{
    return m_settings.value(key::listenFolder).toString();
}

void StudioSettings::setListenFolder(const QString &folder)
{
    m_settings.setValue(key::listenFolder, folder);
}

QByteArray StudioSettings::listenAnswer() const
{
    return m_settings.value(key::listenAnswer, QByteArrayLiteral("{}")).toByteArray();
}

void StudioSettings::setListenAnswer(const QByteArray &answer)
{
    m_settings.setValue(key::listenAnswer, answer);
}

std::optional<quint16> StudioSettings::apiEmulatorPort() const
{
    return portValue(m_settings, key::apiEmulatorPort);
}

void StudioSettings::setApiEmulatorPort(std::optional<quint16> port)
{
    setPortValue(m_settings, key::apiEmulatorPort, port);
}

QString StudioSettings::apiEmulatorAppId() const
{
    return m_settings.value(key::apiEmulatorAppId).toString();
}

void StudioSettings::setApiEmulatorAppId(const QString &id)
{
    m_settings.setValue(key::apiEmulatorAppId, id);
}

QString StudioSettings::apiEmulatorKey() const
{
    return m_settings.value(key::apiEmulatorKey).toString();
}

void StudioSettings::setApiEmulatorKey(const QString &key)
{
    m_settings.setValue(key::apiEmulatorKey, key);
}

} // namespace studio
