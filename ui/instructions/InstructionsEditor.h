#pragma once

#include "LocalImageLoader.h"
#include "diagnostics/Diagnostic.h"
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

class InstructionsFileFollower;
class MarkdownEditor;
class PreviewBrowser;
class RemoteImageLoader;
class RenderScheduler;
struct PreviewResult;

// The setup instructions of the plugin being edited: the markdown source beside a preview
// rendered the way the app shows it, which follows the editor's scroll position. Rendering,
// checks and image decoding run off the GUI thread. The file is opened from the manifest's
// setup_instructions_file_path, or created from a template when it does not exist yet, and
// saved atomically.
class InstructionsEditor : public QWidget
{
    Q_OBJECT

public:
    enum class State
    {
        NoPath,       // the plugin has no instructions path (or no external integration)
        NoRepository, // the repository folder is unknown: nothing to open
        Missing,      // the path names a file that does not exist yet
        Unreadable,   // it exists but cannot be read (a folder, too big ...)
        Open,
    };
    Q_ENUM(State)

    explicit InstructionsEditor(QWidget *parent = nullptr);
    ~InstructionsEditor() override;

    // The plugin whose instructions these are. The file is (re)opened when its path
    // changes: save() or accept losing the changes first (isDirty()). Other changes (the
    // id) only re-render and re-check.
    void setPlugin(const PluginManifest &manifest, const QString &repositoryRoot);
    State state() const { return m_state; }
    QString filePath() const; // on disk; empty when unknown
    const std::string &repositoryPath() const { return m_context.instructionsPath; }

    bool isDirty() const;
    // true: the text is unsaved work even without an edit (its file was deleted on disk, or
    // another program's version was turned down) until it is saved or reopened. false: the
    // text is what the file holds.
    void setUnsaved(bool unsaved);
    // Writes the text atomically; false (and errorOccurred) when it could not.
    bool save();
    // Writes the template for this plugin (creating its folder) and opens it, without asking.
    bool createFromTemplate();
    // Re-reads the file, dropping unsaved changes.
    void reload();
    // Checks and renders again, or opens a file that was missing: files the instructions
    // name may have appeared or changed on disk.
    void recheckFiles();
    // Follows the open file on disk (changes made by other programs).
    InstructionsFileFollower *diskFollower() const { return m_follower; }
    // Puts recovered text in place of the open file's, as one undoable edit left unsaved.
    bool restoreText(const QString &text);
    QString text() const;

    void setUid(const QString &uid);
    void setRemoteImagesAllowed(bool allowed);
    bool remoteImagesAllowed() const;
    void setDark(bool dark);

    // The latest results for the current text.
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    const std::vector<InstructionsAsset> &assets() const { return m_assets; }
    // The instructions as the app's store shows them, for the store preview.
    const QString &storeHtml() const { return m_storeHtml; }
    QString lastError() const { return m_lastError; }

    // Problem activation: selects a finding's span in the markdown.
    void showDiagnostic(const Diagnostic &diagnostic);

    MarkdownEditor *editor() const { return m_editor; }
    PreviewBrowser *preview() const { return m_preview; }
    const RenderScheduler *scheduler() const { return m_scheduler; }
    const RemoteImageLoader *remoteImages() const { return m_remote; }

signals:
    void stateChanged(studio::InstructionsEditor::State state);
    // A file was (re)read into the editor.
    void opened(const QString &path);
    void dirtyChanged(bool dirty);
    void saved(const QString &path);
    void errorOccurred(const QString &message);
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
    void open();
    void setState(State state, const QString &message = {});
    void requestRender();
    void onRendered(const PreviewResult &result);
    void onTextChanged();
    void askToCreate();
    void fail(const QString &message);
    void updateDirty();

    InstructionsContext m_context;
    PluginManifest m_manifest;
    State m_state = State::NoPath;
    quint64 m_revision = 0;
    QString m_uid = QStringLiteral("<uid>");
    bool m_dark = false;
    bool m_loading = false; // the text is being replaced by the file's
    bool m_unsaved = false; // unsaved work without an edit (see setUnsaved)
    bool m_dirty = false;   // as last announced

    std::vector<Diagnostic> m_diagnostics;
    std::vector<InstructionsAsset> m_assets;
    QString m_storeHtml;
    QString m_lastError;
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
    InstructionsFileFollower *m_follower = nullptr;
};

} // namespace studio
