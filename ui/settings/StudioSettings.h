#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

enum class Theme
{
    System,
    Light,
    Dark
};

// The two arrangements of the window's panels, each remembered on its own (WindowLayout).
enum class LayoutWidth
{
    Wide,
    Narrow
};

// Every setting of the studio, typed, with its key and default in one place. Reads and
// writes go straight to QSettings, so several windows and a crash lose nothing.
class StudioSettings
{
public:
    static constexpr int kMaxRecentFiles = 10;
    static constexpr int kDefaultLogoSize = 512;
    static constexpr int kDefaultAutosaveDelayMs = 1500;

    StudioSettings();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState(LayoutWidth width = LayoutWidth::Wide) const;
    void setWindowState(const QByteArray &state, LayoutWidth width = LayoutWidth::Wide);
    QByteArray splitterState(LayoutWidth width = LayoutWidth::Wide) const;
    void setSplitterState(const QByteArray &state, LayoutWidth width = LayoutWidth::Wide);

    // Most recent first; paths of repositories, indexes and manifest files.
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    // A folder moved (the sample working copy): recent paths in it follow, in their order.
    void moveRecentFolder(const QString &from, const QString &to);
    void clearRecentFiles();

    Theme theme() const;
    void setTheme(Theme theme);

    QString lastRepository() const;
    void setLastRepository(const QString &path);
    QString lastEntryId() const;
    void setLastEntryId(const QString &id);

    bool showInlineMessages() const;
    void setShowInlineMessages(bool show);

    // The store preview shows the app's dark store (its default) or the light one.
    bool storePreviewDark() const;
    void setStorePreviewDark(bool dark);
    // Remote images in the setup instructions' preview (off: a privacy default).
    bool remoteImagesAllowed() const;
    void setRemoteImagesAllowed(bool allowed);

    int logoSize() const;
    void setLogoSize(int pixels);

    int autosaveDelayMs() const;
    void setAutosaveDelayMs(int milliseconds);

    // The simulator's target. The webhook URL override is remembered per plugin id (empty:
    // the manifest's URL); uid, session id, profile, timeout and max time are shared by every
    // plugin.
    QString simulationUrlOverride(const QString &pluginId) const;
    void setSimulationUrlOverride(const QString &pluginId, const QString &url);
    // An app's signing secret, per plugin id, kept only when the user asks (in the clear, as
    // every setting is); empty removes it.
    QString simulationSigningSecret(const QString &pluginId) const;
    void setSimulationSigningSecret(const QString &pluginId, const QString &secret);
    QString simulationUid() const; // empty: the engine's default test uid
    void setSimulationUid(const QString &uid);
    QString simulationSessionId() const; // empty: the uid, as the backend sends it
    void setSimulationSessionId(const QString &sessionId);
    bool simulationFreshSession() const;
    void setSimulationFreshSession(bool fresh);
    QString simulationProfile() const; // a payload profile's name; empty: backend
    void setSimulationProfile(const QString &profile);
    int simulationTimeoutMs() const; // 0: the app's timeout
    void setSimulationTimeoutMs(int milliseconds);
    int simulationMaxTimeMs() const; // 0: the engine's default
    void setSimulationMaxTimeMs(int milliseconds);
    // Files the simulator opened, most recent first, per kind ("memory", "transcript").
    QStringList recentSimulationFiles(const QString &kind) const;
    void addRecentSimulationFile(const QString &kind, const QString &path);

    // The built-in plugin server of the window: whether it starts with the studio, and its
    // port (nullopt: the built-in plugins' default; 0: any free port).
    bool builtInServerAutoStart() const;
    void setBuiltInServerAutoStart(bool start);
    std::optional<quint16> builtInServerPort() const;
    void setBuiltInServerPort(std::optional<quint16> port);
    // The Listen page: its port (nullopt: the catcher's default), the folder the fixtures go
    // to (empty: the page's default) and the JSON every request is answered with.
    std::optional<quint16> listenPort() const;
    void setListenPort(std::optional<quint16> port);
    QString listenFolder() const;
    void setListenFolder(const QString &folder);
    QByteArray listenAnswer() const; // "{}" until set
    void setListenAnswer(const QByteArray &answer);
    // The App API page (the emulated integration API): its port (nullopt: the emulator's
    // default), and the app id and key an app under development is configured with, kept
    // so that they stay valid from one start of the studio to the next (empty: none yet).
    std::optional<quint16> apiEmulatorPort() const;
    void setApiEmulatorPort(std::optional<quint16> port);
    QString apiEmulatorAppId() const;
    void setApiEmulatorAppId(const QString &id);
    QString apiEmulatorKey() const;
    void setApiEmulatorKey(const QString &key);

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);

private:
    QSettings m_settings;
};

} // namespace studio
