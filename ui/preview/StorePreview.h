#pragma once

#include <QWidget>

class QAbstractButton;
class QLabel;
class QScrollArea;

namespace studio {

class Contract;
class LogoLoader;
class PluginDetailPage;
class PluginListTile;
struct LogoImage;
struct PluginManifest;

// A live preview of the plugin as the app's store shows it: the list tile and the plugin's
// page, light or dark. setManifest is cheap enough to call on every keystroke: it only sets
// texts, and the logo is decoded off the GUI thread.
class StorePreview : public QWidget
{
    Q_OBJECT

public:
    explicit StorePreview(QWidget *parent = nullptr);

    // `folder`: where the document's files resolve (DocumentSession::filesFolder).
    void setManifest(const PluginManifest &manifest, const QString &folder);
    // The store of the contract's app: an app's category, its capability and trigger words.
    void setContract(const Contract &contract);
    void setDark(bool dark); // the app's store in light or dark
    bool isDark() const { return m_dark; }
    // The setup-instructions section, rendered; empty brings the placeholder back.
    void setInstructionsHtml(const QString &html);

    const PluginListTile *listTile() const { return m_tile; }
    const PluginDetailPage *detailPage() const { return m_detail; }
    // The page the store is drawn on; its palette is the store's theme.
    const QWidget *storeSurface() const { return m_surface; }
    const LogoLoader *logoLoader() const { return m_logos; }

signals:
    void darkChanged(bool dark);

private:
    QWidget *buildToolbar();
    QWidget *buildSurface();
    QLabel *addCaption(const QString &text);
    void showLogo(const LogoImage &logo);

    bool m_dark = true;
    LogoLoader *m_logos;
    QAbstractButton *m_lightButton = nullptr;
    QAbstractButton *m_darkButton = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_surface = nullptr;
    QLabel *m_hiddenBanner = nullptr;
    PluginListTile *m_tile = nullptr;
    PluginDetailPage *m_detail = nullptr;
};

} // namespace studio
