#pragma once

#include "diagnostics/Diagnostic.h"
#include "settings/StudioSettings.h"

#include <QMainWindow>

class QDockWidget;
class QMenu;
class QSplitter;
class QTabWidget;
class QUndoGroup;

namespace studio {

class ActionRegistry;
class DiagnosticMarks;
class DocumentSession;
class EntryListModel;
class EntryPicker;
class ExternalChangeHandler;
class FindBar;
class ImageInspector;
class IndexProblemsView;
class InstructionsDocument;
class InstructionsEditor;
class InstructionsRecovery;
class JsonEditor;
class ManifestForm;
class PluginLocationActions;
class ProblemsModel;
class ProblemsView;
class Autosave;
class BuiltInServer;
class ListenPage;
class ToolsPage;
class SessionController;
class SimulateWorkspace;
class StatusPanel;
class StorePreview;
class SubmissionExport;
class ThemeManager;
class WindowLayout;

// The studio window. It assembles the views around one document (form and JSON text side
// by side, entries on the left, problems below, image and store preview on the right, or
// beside the entries as tabs on a narrow screen: WindowLayout) and routes between them; the
// document, validation, files and dialogs live in their own classes.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the built-in plugin server (unless the user stopped it last time), opens PATH
    // (or the last file, or the samples), then offers to restore lost edits.
    void start(const QString &path);

    DocumentSession *session() const { return m_session; }
    SessionController *controller() const { return m_controller; }
    Autosave *recovery() const { return m_recovery; }
    InstructionsRecovery *instructionsRecovery() const { return m_instructionsRecovery; }
    ActionRegistry *actions() const { return m_actions; }
    ManifestForm *form() const { return m_form; }
    JsonEditor *editor() const { return m_editor; }
    DiagnosticMarks *marks() const { return m_marks; }
    ProblemsView *problemsView() const { return m_problemsView; }
    IndexProblemsView *indexProblems() const { return m_indexProblems; }
    ImageInspector *imageInspector() const { return m_image; }
    EntryPicker *entryPicker() const { return m_picker; }
    StatusPanel *statusPanel() const { return m_status; }
    ThemeManager *theme() const { return m_theme; }
    StorePreview *storePreview() const { return m_preview; }
    InstructionsEditor *instructions() const { return m_instructions; }
    InstructionsDocument *instructionsDocument() const { return m_instructionsDocument; }
    QTabWidget *tabs() const { return m_tabs; }
    SimulateWorkspace *simulate() const { return m_simulate; }
    BuiltInServer *builtInServer() const { return m_builtInServer; }
    ListenPage *listenPage() const { return m_listenPage; }
    ToolsPage *toolsPage() const { return m_toolsPage; }
    ExternalChangeHandler *externalChanges() const { return m_externalChanges; }
    PluginLocationActions *location() const { return m_location; }
    SubmissionExport *submissionExport() const { return m_export; }
    WindowLayout *windowLayout() const { return m_layout; }

    // Shows a diagnostic where the user looks: its span selected in the text, its field
    // focused in the form.
    void showDiagnostic(const Diagnostic &diagnostic);
    // Applies the diagnostic's one-click fix as one undoable step of the document it is in
    // (the manifest, or the setup instructions).
    void applyFix(const Diagnostic &diagnostic);
    // The logo tool on `path`, or on a picture the user picks when empty.
    void importLogo(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createViews();
    void createDocks();
    void createMenus();
    void connectActions();
    void connectDocument();
    // Undo and Redo act on the document of the tab in front.
    void connectHistory();
    void restoreLayout();
    void saveLayout();

    void documentChanged();
    void sourceChanged();
    void entriesChanged();
    void listUnsavedEntry();
    void reportReady();
    void updateTitle();
    void updateRecentMenu();
    void applyTheme(Theme theme);

    void updateStorePreview();

    // The setup instructions: their own file, beside the manifest.
    void connectInstructions();
    // A timed message about something done (StatusMessages).
    void notice(const QString &text);
    void updateInstructions();
    void refreshProblems();
    void updateInstructionsTab();
    bool confirmInstructionsLeaving(const QString &action);
    bool isInstructionsFinding(const Diagnostic &diagnostic) const;
    // Saves the plugin's changed files: the manifest, then (once it is written) the
    // instructions.
    void savePlugin();
    int unsavedFiles() const;
    void updateSaveActions();

    StudioSettings m_settings;
    ThemeManager *m_theme;
    ActionRegistry *m_actions;
    DocumentSession *m_session;
    Autosave *m_recovery;
    SessionController *m_controller;

    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QUndoGroup *m_history = nullptr;
    InstructionsDocument *m_instructionsDocument = nullptr;
    InstructionsEditor *m_instructions = nullptr;
    InstructionsRecovery *m_instructionsRecovery = nullptr;
    StorePreview *m_preview = nullptr;
    ManifestForm *m_form = nullptr;
    JsonEditor *m_editor = nullptr;
    DiagnosticMarks *m_marks = nullptr;
    FindBar *m_findBar = nullptr;
    ProblemsModel *m_problems = nullptr;
    ProblemsView *m_problemsView = nullptr;
    EntryListModel *m_entries = nullptr;
    EntryPicker *m_picker = nullptr;
    ImageInspector *m_image = nullptr;
    StatusPanel *m_status = nullptr;
    QDockWidget *m_entriesDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_imageDock = nullptr;
    QDockWidget *m_previewDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    SimulateWorkspace *m_simulate = nullptr;
    BuiltInServer *m_builtInServer = nullptr;
    ListenPage *m_listenPage = nullptr;
    ToolsPage *m_toolsPage = nullptr;
    ExternalChangeHandler *m_externalChanges = nullptr;
    IndexProblemsView *m_indexProblems = nullptr;
    PluginLocationActions *m_location = nullptr;
    SubmissionExport *m_export = nullptr;
    WindowLayout *m_layout = nullptr;
    bool m_closeAgreed = false; // the user agreed to close, maybe after a save was written
    bool m_askingToClose = false;
};

} // namespace studio
