#pragma once

#include "LocalImageLoader.h"
#include "diagnostics/Diagnostic.h"
#include "document/InstructionsDocument.h"
#include "manifest/PluginManifest.h"
#include "markdown/InstructionsAssets.h"
#include "markdown/InstructionsContext.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace studio {

class MarkdownEditor;
class PreviewBrowser;
class RemoteImageLoader;
class RenderScheduler;
struct PreviewResult;

// The setup instructions of the plugin being edited, a view of their document: the
// markdown source beside a preview rendered the way the app shows it, which follows the
// editor's scroll position, or why there is no file to show. Rendering, checks and image
// decoding run off the GUI thread. The document (InstructionsDocument) owns the file, the
// text and its history; this view opens it at the manifest's setup_instructions_file_path
// and offers to create a missing file from the template.
class InstructionsEditor : public QWidget
{
    Q_OBJECT

public:
    using State = InstructionsDocument::State;

    explicit InstructionsEditor(InstructionsDocument &document, QWidget *parent = nullptr);
    ~InstructionsEditor() override;

    InstructionsDocument *document() const { return &m_document; }
    State state() const { return m_document.state(); }

    // The plugin whose instructions these are. The document opens the file when its path
    // changes (save it or accept losing the changes first); other changes (the id) only
    // re-render and re-check.
    void setPlugin(const PluginManifest &manifest, const QString &repositoryRoot);
    // Writes the template for this plugin (creating its folder) and opens it, without asking.
    bool createFromTemplate();
    // Checks and renders again, or opens a file that was missing: files the instructions
    // name may have appeared or changed on disk.
    void recheckFiles();

    void setUid(const QString &uid);
    void setRemoteImagesAllowed(bool allowed);
    bool remoteImagesAllowed() const;
    void setDark(bool dark);

    // The latest results for the current text, and the document's revision they describe
    // (a finding's spans and fix are offsets into that text).
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    quint64 diagnosticsRevision() const { return m_diagnosticsRevision; }
    const std::vector<InstructionsAsset> &assets() const { return m_assets; }
    // The instructions as the app's store shows them, for the store preview.
    const QString &storeHtml() const { return m_storeHtml; }

    // Problem activation: selects a finding's span in the markdown.
    void showDiagnostic(const Diagnostic &diagnostic);

    MarkdownEditor *editor() const { return m_editor; }
    PreviewBrowser *preview() const { return m_preview; }
    const RenderScheduler *scheduler() const { return m_scheduler; }
    const RemoteImageLoader *remoteImages() const { return m_remote; }

signals:
    // The checks' findings for the current text, located in the markdown (Diagnostic::file).
    void diagnosticsChanged(const std::vector<studio::Diagnostic> &diagnostics);
    void assetsChanged(const std::vector<studio::InstructionsAsset> &assets);
    void storeHtmlChanged(const QString &html);
    // The preview shows the current text.
    void rendered();
    // The user asked to use the conventional path for a plugin without one; the manifest's
    // setup_instructions_file_path should be set to it.
    void pathRequested(const QString &repositoryPath);

private:
    QWidget *buildToolbar();
    QWidget *buildMessagePage();
    // The editor, or the message of why there is no file to edit.
    void showState();
    void stateChanged(State state);
    void requestRender();
    void onRendered(const PreviewResult &result);
    void askToCreate();

    InstructionsDocument &m_document;
    InstructionsContext m_context;
    PluginManifest m_manifest;
    bool m_hasPlugin = false; // setPlugin was called
    QString m_uid = QStringLiteral("<uid>");
    bool m_dark = false;

    std::vector<Diagnostic> m_diagnostics;
    quint64 m_diagnosticsRevision = 0;
    std::vector<InstructionsAsset> m_assets;
    QString m_storeHtml;
    QHash<QString, LocalImageLoader::Stamp> m_imageStamps; // images the preview holds

    QLabel *m_pathLabel = nullptr;
    QLineEdit *m_uidEdit = nullptr;
    QCheckBox *m_remoteBox = nullptr;
    QPushButton *m_saveButton = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_actionButton = nullptr;
    MarkdownEditor *m_editor = nullptr;
    PreviewBrowser *m_preview = nullptr;
    RenderScheduler *m_scheduler = nullptr;
    RemoteImageLoader *m_remote = nullptr;
};

} // namespace studio
