#include "MainWindow.h"

#include "AboutDialog.h"
#include "ContractChoice.h"
#include "ExternalChangeHandler.h"
#include "HistoryActions.h"
#include "IndexProblemsDock.h"
#include "InstructionsRecovery.h"
#include "PluginLocationActions.h"
#include "SessionController.h"
#include "SimulateTab.h"
#include "StatusMessages.h"
#include "StatusPanel.h"
#include "SubmissionExport.h"
#include "ThemeManager.h"
#include "WindowLayout.h"
#include "actions/ActionRegistry.h"
#include "actions/FocusedEditCommands.h"
#include "actions/ShortcutsDialog.h"
#include "actions/WindowKeysFirst.h"
#include "diagnostics/IndexFindings.h"
#include "document/DocumentSession.h"
#include "document/IndexValidation.h"
#include "document/InstructionsDocument.h"
#include "document/ManifestDocument.h"
#include "document/QuickFix.h"
#include "document/SessionAutosave.h"
#include "document/ValidationScheduler.h"
#include "edit/JsonEdit.h"
#include "editor/DiagnosticMarks.h"
#include "editor/EditorPalette.h"
#include "editor/FindBar.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "json/LineIndex.h"
#include "logo/ImageInspector.h"
#include "logo/LogoImportDialog.h"
#include "logo/LogoInstaller.h"
#include "preview/StorePreview.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "problems/SeverityIcon.h"
#include "project/EntryListModel.h"
#include "project/EntryPicker.h"
#include "servers/BuiltInServer.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace studio {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_theme(new ThemeManager(this))
    , m_actions(new ActionRegistry(this))
    , m_session(new DocumentSession(this))
    , m_recovery(autosaveSession(m_session, Autosave::defaultDirectory(), this))
    , m_controller(new SessionController(*m_session, *m_recovery, m_settings, this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/plugin-studio.png")));
    m_recovery->setDelay(m_settings.autosaveDelayMs());
    createViews();
    createDocks();
    createMenus();
    new WindowKeysFirst(*m_actions, this);
    new FocusedEditCommands(*m_actions, this);
    m_location = new PluginLocationActions(*m_actions, *m_session, this);
    connect(m_location, &PluginLocationActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connectActions();
    connectDocument();
    connectInstructions();
    m_export = new SubmissionExport(*m_session, *m_instructionsDocument, this);
    connect(m_export, &SubmissionExport::notice, this, &MainWindow::notice);
    m_externalChanges = new ExternalChangeHandler(*m_session, *m_instructions, *m_image,
                                                  *m_status->messages(), this);
    const SimulateTab::Parts simulate = SimulateTab::install(*this);
    statusBar()->addPermanentWidget(new ContractChoice(*m_session, statusBar()));
    m_simulate = simulate.workspace;
    m_builtInServer = simulate.builtInServer;
    m_listenPage = simulate.listenPage;
    m_toolsPage = simulate.toolsPage;
    m_indexProblems = IndexProblemsDock::install(*this);
    WindowLayout::sizeToCurrentPage(*m_tabs);
    applyTheme(m_settings.theme());
    restoreLayout();
    documentChanged();
    sourceChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::start(const QString &path)
{
    m_builtInServer->startIfWanted();
    m_controller->openInitial(path);
    QTimer::singleShot(0, this, [this] {
        m_controller->offerRecovery();
        m_instructionsRecovery->offerPending();
    });
}

bool MainWindow::isInstructionsFinding(const Diagnostic &diagnostic) const
{
    return !diagnostic.file.empty() &&
           QString::fromStdString(diagnostic.file) == m_instructionsDocument->filePath();
}

void MainWindow::showDiagnostic(const Diagnostic &diagnostic)
{
    if (isInstructionsFinding(diagnostic)) {
        m_tabs->setCurrentWidget(m_instructions);
        m_instructions->showDiagnostic(diagnostic);
        m_status->showDiagnostic(diagnostic);
        return;
    }
    m_tabs->setCurrentWidget(m_splitter);
    // A finding in another file has no span in this text.
    if (diagnostic.file.empty())
        m_editor->selectSpan(diagnostic.span);
    if (!m_form->focusField(diagnostic.pointer))
        m_editor->setFocus(Qt::OtherFocusReason);
    m_status->showDiagnostic(diagnostic);
}

void MainWindow::applyFix(const Diagnostic &diagnostic)
{
    const bool instructions = isInstructionsFinding(diagnostic);
    // The fix's offsets are into the text the findings describe.
    const bool current =
        instructions
            ? m_instructions->diagnosticsRevision() == m_instructionsDocument->revision()
            : m_session->validation()->latestRevision() == m_session->document()->revision();
    if (!current) {
        statusBar()->showMessage(
            tr("The text changed since this problem was found; try again once it is checked."),
            8000);
        return;
    }
    const QString refused = instructions
                                ? QuickFix::applyInFile(*m_instructionsDocument, diagnostic)
                                : QuickFix::apply(*m_session->document(), diagnostic);
    statusBar()->showMessage(refused.isEmpty()
                                 ? tr("Fixed: %1. Undo takes it back.")
                                       .arg(QString::fromStdString(diagnostic.fix->title))
                                 : tr("Not fixed: %1").arg(refused),
                             8000);
}

void MainWindow::importLogo(const QString &path)
{
    const DocumentSource &source = m_session->source();
    if (!source.hasRepository()) {
        QMessageBox::information(this, tr("Import Logo"),
                                 tr("The logo is saved into the plugin repository, as "
                                    "/plugins/logos/<id>.png. Open the repository first, or save "
                                    "this manifest inside one."));
        return;
    }
    QString picture = path;
    if (picture.isEmpty()) {
        picture = QFileDialog::getOpenFileName(
            this, tr("Choose a Picture for the Logo"), QDir::homePath(),
            tr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp);;All files (*)"));
        if (picture.isEmpty())
            return;
    }
    LogoImportDialog dialog(LogoInstaller::targetPath(m_session->document()->manifest().id),
                            m_settings.logoSize(), this);
    dialog.setObjectName(QStringLiteral("logoImportDialog"));
    dialog.loadFile(picture);
    if (dialog.exec() != QDialog::Accepted || !dialog.conversion().ok())
        return;
    m_settings.setLogoSize(dialog.logoSize());
    const QString error = LogoInstaller::install(*m_session->document(), source.repositoryRoot,
                                                 dialog.conversion().png);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Logo Not Saved"), error);
        return;
    }
    m_image->reload();
    notice(tr("Logo saved; Undo takes back the file and the manifest together."));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeAgreed) {
        m_askingToClose = true;
        m_controller->confirmClose([this] {
            m_closeAgreed = true;
            if (!m_askingToClose)
                close(); // agreed once a save was written
        });
        m_askingToClose = false;
    }
    if (!m_closeAgreed) {
        event->ignore();
        return;
    }
    m_closeAgreed = false;
    saveLayout();
    event->accept();
}

void MainWindow::createViews()
{
    m_form = new ManifestForm(this);
    m_form->setObjectName(QStringLiteral("manifestForm"));
    m_form->setDocument(m_session->document());

    auto *editorPane = new QWidget(this);
    m_editor = new JsonEditor(editorPane);
    m_editor->setObjectName(QStringLiteral("jsonEditor"));
    m_editor->setDocument(m_session->document());
    m_editor->setHistoryActions(m_actions->action(ActionId::Undo),
                                m_actions->action(ActionId::Redo));
    m_editor->releaseKeys(m_actions->shortcuts());
    m_marks = new DiagnosticMarks(m_editor);
    m_marks->setAnnotationsVisible(m_settings.showInlineMessages());
    m_marks->setFixMarker(SeverityIcon::fixImage(14));
    m_findBar = new FindBar(m_editor, editorPane);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("formTextSplitter"));
    m_splitter->addWidget(m_form);
    m_splitter->addWidget(editorPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_instructionsDocument = new InstructionsDocument(this);
    m_instructions = new InstructionsEditor(*m_instructionsDocument, this);
    m_instructions->setObjectName(QStringLiteral("instructionsEditor"));
    m_instructions->setRemoteImagesAllowed(m_settings.remoteImagesAllowed());

    // The manifest and its setup instructions are two files of one plugin: one tab each.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("documentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_splitter, tr("Manifest"));
    m_tabs->addTab(m_instructions, tr("Setup Instructions"));
    setCentralWidget(m_tabs);

    m_status = new StatusPanel(statusBar());
}

void MainWindow::createDocks()
{
    const auto dock = [this](const QString &title, const char *name, QWidget *content,
                             Qt::DockWidgetArea area, ActionId toggle) {
        auto *widget = new QDockWidget(title, this);
        widget->setObjectName(QString::fromLatin1(name));
        widget->setWidget(content);
        addDockWidget(area, widget);
        QAction *action = m_actions->action(toggle);
        connect(action, &QAction::toggled, widget, &QDockWidget::setVisible);
        connect(widget, &QDockWidget::visibilityChanged, action,
                [widget, action] { action->setChecked(!widget->isHidden()); });
        action->setChecked(true);
        return widget;
    };
    m_entries = new EntryListModel(this);
    m_picker = new EntryPicker(m_entries, this);
    m_entriesDock =
        dock(tr("Entries"), "entriesDock", m_picker, Qt::LeftDockWidgetArea, ActionId::ShowEntries);

    m_problems = new ProblemsModel(this);
    m_problemsView = new ProblemsView(m_problems, this);
    m_problemsDock = dock(tr("Problems"), "problemsDock", m_problemsView, Qt::BottomDockWidgetArea,
                          ActionId::ShowProblems);

    m_image = new ImageInspector(this);
    m_imageDock =
        dock(tr("Image"), "imageDock", m_image, Qt::RightDockWidgetArea, ActionId::ShowImage);
    m_preview = new StorePreview(this);
    m_preview->setObjectName(QStringLiteral("storePreview"));
    m_preview->setDark(m_settings.storePreviewDark());
    connect(m_preview, &StorePreview::darkChanged, this,
            [this](bool dark) { m_settings.setStorePreviewDark(dark); });
    m_previewDock = dock(tr("Store Preview"), "previewDock", m_preview, Qt::RightDockWidgetArea,
                         ActionId::ShowPreview);

    // The side docks own the corners, so the problems list spans only the centre.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // Where the docks go depends on the window's width (restoreLayout).
    m_layout =
        new WindowLayout(*this, *m_splitter,
                         {m_entriesDock, m_previewDock, m_imageDock, m_problemsDock}, m_settings);
}

void MainWindow::createMenus()
{
    const auto a = [this](ActionId id) { return m_actions->action(id); };
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({a(ActionId::NewPlugin), a(ActionId::Open), a(ActionId::OpenRepository)});
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addActions({a(ActionId::Save), a(ActionId::SaveAll), a(ActionId::SaveAs)});
    file->addSeparator();
    file->addAction(a(ActionId::ExportSubmission));
    file->addSeparator();
    file->addActions({a(ActionId::Close), a(ActionId::Quit)});

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({a(ActionId::Undo), a(ActionId::Redo)});
    edit->addSeparator();
    edit->addActions({a(ActionId::Cut), a(ActionId::Copy), a(ActionId::Paste)});
    edit->addSeparator();
    edit->addActions({a(ActionId::Find), a(ActionId::FindNext), a(ActionId::FindPrevious),
                      a(ActionId::Replace)});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({a(ActionId::ShowEntries), a(ActionId::ShowProblems), a(ActionId::ShowImage),
                      a(ActionId::ShowPreview), a(ActionId::ShowIndexProblems)});
    view->addSeparator();
    view->addAction(a(ActionId::InlineMessages));
    QMenu *theme = view->addMenu(tr("&Theme"));
    theme->addActions({a(ActionId::ThemeSystem), a(ActionId::ThemeLight), a(ActionId::ThemeDark)});

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions({a(ActionId::NextProblem), a(ActionId::PreviousProblem)});
    QMenu *plugin = menuBar()->addMenu(tr("&Plugin"));
    plugin->addActions({a(ActionId::ImportLogo), a(ActionId::ExportSubmission)});
    plugin->addSeparator();
    plugin->addActions({a(ActionId::RevealInFileManager), a(ActionId::CopyValidateCommand),
                        a(ActionId::CopySimulateCommand)});
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addActions({a(ActionId::KeyboardShortcuts), a(ActionId::About)});

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addActions({a(ActionId::NewPlugin), a(ActionId::OpenRepository), a(ActionId::Save)});
    tools->addSeparator();
    tools->addActions({a(ActionId::Undo), a(ActionId::Redo)});
    tools->addSeparator();
    tools->addActions({a(ActionId::ImportLogo), a(ActionId::ExportSubmission)});
    updateRecentMenu();
}

void MainWindow::connectActions()
{
    const auto on = [this](ActionId id, auto slot) {
        connect(m_actions->action(id), &QAction::triggered, this, slot);
    };
    on(ActionId::NewPlugin, [this] { m_controller->newPlugin(); });
    on(ActionId::Open, [this] { m_controller->open(); });
    on(ActionId::OpenRepository, [this] { m_controller->openRepository(); });
    on(ActionId::Save, [this] { savePlugin(); });
    on(ActionId::SaveAll, [this] { savePlugin(); });
    on(ActionId::SaveAs, [this] { m_controller->saveAs(); });
    on(ActionId::ExportSubmission, [this] { m_export->start(); });
    on(ActionId::Close, [this] { m_controller->closeDocument(); });
    on(ActionId::Quit, [this] { close(); });
    on(ActionId::Find, [this] { m_findBar->activate(); });
    on(ActionId::FindNext, [this] { m_findBar->findNext(); });
    on(ActionId::FindPrevious, [this] { m_findBar->findPrevious(); });
    on(ActionId::Replace, [this] { m_findBar->activateReplace(); });
    on(ActionId::NextProblem, [this] { m_problemsView->activateNext(); });
    on(ActionId::PreviousProblem, [this] { m_problemsView->activatePrevious(); });
    on(ActionId::ImportLogo, [this] { importLogo(); });
    on(ActionId::ClearRecent, [this] {
        m_settings.clearRecentFiles();
        updateRecentMenu();
    });
    on(ActionId::KeyboardShortcuts, [this] {
        ShortcutsDialog dialog(*m_actions, this);
        dialog.exec();
    });
    on(ActionId::About, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    QAction *inlineMessages = m_actions->action(ActionId::InlineMessages);
    inlineMessages->setChecked(m_settings.showInlineMessages());
    connect(inlineMessages, &QAction::toggled, this, [this](bool visible) {
        m_settings.setShowInlineMessages(visible);
        m_marks->setAnnotationsVisible(visible);
    });
    for (const auto &[id, theme] : {std::pair{ActionId::ThemeSystem, Theme::System},
                                    std::pair{ActionId::ThemeLight, Theme::Light},
                                    std::pair{ActionId::ThemeDark, Theme::Dark}}) {
        m_actions->action(id)->setChecked(m_settings.theme() == theme);
        connect(m_actions->action(id), &QAction::triggered, this, [this, theme = theme] {
            m_settings.setTheme(theme);
            applyTheme(theme);
        });
    }
    connect(m_controller, &SessionController::message, this,
            [this](const QString &text) { notice(text); });
    connect(m_controller, &SessionController::recentFilesChanged, this,
            &MainWindow::updateRecentMenu);
    // Said while autosave keeps failing; the next record written takes it away.
    connect(m_recovery, &Autosave::failed, this, [this](const QString &reason) {
        m_status->messages()->show(QStringLiteral("autosave"),
                                   tr("Autosave failed: %1").arg(reason));
    });
    connect(m_recovery, &Autosave::written, this,
            [this] { m_status->messages()->clear(QStringLiteral("autosave")); });
}

void MainWindow::connectHistory()
{
    m_history = new QUndoGroup(this);
    m_history->addStack(m_session->document()->undoStack());
    m_history->addStack(m_instructionsDocument->undoStack());
    new HistoryActions(m_actions->action(ActionId::Undo), m_actions->action(ActionId::Redo),
                       *m_history, *m_session, *m_controller);
    const auto follow = [this] {
        m_history->setActiveStack(m_tabs->currentWidget() == m_instructions
                                      ? m_instructionsDocument->undoStack()
                                      : m_session->document()->undoStack());
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, follow);
    follow();
}

void MainWindow::connectDocument()
{
    ManifestDocument *document = m_session->document();
    connectHistory();
    connect(document, &ManifestDocument::changed, this, &MainWindow::documentChanged);
    connect(document, &ManifestDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document, &ManifestDocument::editRefused, this,
            [this](const QString &reason) { notice(tr("Not changed: %1").arg(reason)); });
    connect(m_session, &DocumentSession::sourceChanged, this, &MainWindow::sourceChanged);
    connect(m_session, &DocumentSession::entriesChanged, this, &MainWindow::entriesChanged);
    connect(m_session->indexValidation(), &IndexValidation::reportReady, m_entries,
            [this](const ValidationReport &report) {
                m_entries->setCounts(IndexFindings::countsByEntry(report));
            });
    connect(m_session->validation(), &ValidationScheduler::reportReady, this,
            &MainWindow::reportReady);
    connect(m_problemsView, &ProblemsView::diagnosticActivated, this, &MainWindow::showDiagnostic);
    connect(m_problemsView, &ProblemsView::fixRequested, this, &MainWindow::applyFix);
    connect(m_marks, &DiagnosticMarks::fixRequested, this, &MainWindow::applyFix);
    connect(m_editor, &JsonEditor::cursorMoved, m_status, &StatusPanel::setCursor);
    // The form, the store preview and the image show the contract the document is checked
    // under.
    const auto followContract = [this] {
        m_form->setContract(m_session->contract());
        m_preview->setContract(m_session->contract());
        updateStorePreview(); // the logo is found where the contract says
        m_image->showImageOf(*m_session);
    };
    connect(m_session, &DocumentSession::contractChanged, this, followContract);
    followContract();
    connect(m_form, &ManifestForm::chooseImageRequested, this, [this] { importLogo(); });
    connect(m_form, &ManifestForm::jumpToOffsetRequested, this, [this](std::size_t offset) {
        m_editor->selectSpan({offset, offset + 1});
        m_editor->setFocus(Qt::OtherFocusReason);
    });
    connect(m_image, &ImageInspector::importRequested, this, [this] { importLogo(); });
    connect(m_image, &ImageInspector::imageDropped, this,
            [this](const QString &path) { importLogo(path); });
    connect(m_picker, &EntryPicker::entryChosen, this, [this](std::size_t position) {
        m_controller->chooseEntry(position);
        // Refused (the user stayed): the list shows the entry still being edited.
        m_picker->setCurrentPosition(m_session->source().isIndexEntry()
                                         ? static_cast<int>(m_session->source().entryPosition)
                                         : -1);
    });
    connect(m_picker, &EntryPicker::newPluginRequested, m_controller,
            &SessionController::newPlugin);
}

void MainWindow::restoreLayout()
{
    m_layout->restore([this] {
        if (!restoreGeometry(m_settings.windowGeometry())) {
            // First run: most of the screen, never more than it.
            const QRect available = screen()->availableGeometry();
            resize(std::min(1500, available.width()), std::min(940, available.height()));
        }
    });
}

void MainWindow::saveLayout()
{
    m_settings.setWindowGeometry(saveGeometry());
    m_layout->save();
    m_settings.setRemoteImagesAllowed(m_instructions->remoteImagesAllowed());
}

void MainWindow::documentChanged()
{
    const ManifestDocument *document = m_session->document();
    QString detail;
    if (!document->parses()) {
        const SourcePosition where =
            LineIndex(document->text()).position(document->parse().error->offset);
        detail = tr("at %1:%2").arg(where.line).arg(where.column);
    }
    m_status->setParseState(document->parses(), detail);
    m_image->showImageOf(*m_session);
    listUnsavedEntry();
    updateStorePreview();
    updateInstructions();
}

void MainWindow::sourceChanged()
{
    const DocumentSource &source = m_session->source();
    listUnsavedEntry();
    m_picker->setCurrentPosition(source.isIndexEntry() ? static_cast<int>(source.entryPosition)
                                                       : -1);
    m_entries->clearLiveCounts(); // the next report brings the new entry's
    m_status->clearDiagnostic();
    m_image->showImageOf(*m_session);
    updateInstructions();
    updateTitle();
}

void MainWindow::entriesChanged()
{
    m_entries->setEntries(m_session->entries(), m_session->repositoryRoot());
    listUnsavedEntry();
    m_picker->setRepositoryName(
        m_session->hasRepository()
            ? tr("<b>%1</b>").arg(QFileInfo(m_session->repositoryRoot()).fileName().toHtmlEscaped())
            : QString());
    const DocumentSource &source = m_session->source();
    m_picker->setCurrentPosition(source.isIndexEntry() ? static_cast<int>(source.entryPosition)
                                                       : -1);
}

// A new entry shows in the list from its first moment, before Save writes it to the index.
void MainWindow::listUnsavedEntry()
{
    const DocumentSource &source = m_session->source();
    if (!source.isIndexEntry() || source.entryId) {
        m_entries->setUnsavedEntry(std::nullopt);
        return;
    }
    const PluginManifest &manifest = m_session->document()->manifest();
    IndexEntry entry;
    entry.position = source.entryPosition;
    entry.id = manifest.id;
    entry.name = manifest.name;
    entry.author = manifest.author;
    entry.image = manifest.image;
    m_entries->setUnsavedEntry(std::move(entry));
}

void MainWindow::reportReady()
{
    const ValidationReport &report = m_session->validation()->latestReport();
    m_marks->setDiagnostics(report.diagnostics);
    m_form->setDiagnostics(report.diagnostics);
    m_image->setDiagnostics(report.diagnostics);
    refreshProblems();
    const DocumentSource &source = m_session->source();
    if (source.isIndexEntry())
        m_entries->setLiveCounts(m_entries->rowOfPosition(source.entryPosition),
                                 static_cast<int>(report.count(Severity::Error)),
                                 static_cast<int>(report.count(Severity::Warning)));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_session->source().displayName() + QStringLiteral("[*] \u2014 Plugin Studio"));
    setWindowModified(m_session->document()->isModified());
    updateSaveActions();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        QAction *open = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(open, &QAction::triggered, this, [this, path] { m_controller->openPath(path); });
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_actions->action(ActionId::ClearRecent));
    m_actions->action(ActionId::ClearRecent)->setEnabled(!files.isEmpty());
}

void MainWindow::applyTheme(Theme theme)
{
    m_theme->apply(theme);
    const EditorPalette palette =
        m_theme->isDark() ? EditorPalette::dark() : EditorPalette::light();
    m_editor->applyPalette(palette);
    m_marks->applyPalette(palette);
    m_instructions->setDark(m_theme->isDark());
}

void MainWindow::updateStorePreview()
{
    m_preview->setManifest(m_session->document()->manifest(), m_session->filesFolder());
}

void MainWindow::connectInstructions()
{
    InstructionsDocument *document = m_instructionsDocument;
    m_controller->setLeavingGuard(
        [this](const QString &action) { return confirmInstructionsLeaving(action); });
    m_instructionsRecovery = new InstructionsRecovery(*document, *m_session, *m_controller, this);
    m_instructionsRecovery->setDelay(m_settings.autosaveDelayMs());
    connect(m_instructionsRecovery, &InstructionsRecovery::message, this,
            [this](const QString &text) { notice(text); });
    connect(m_instructions, &InstructionsEditor::diagnosticsChanged, this,
            &MainWindow::refreshProblems);
    connect(m_instructions, &InstructionsEditor::storeHtmlChanged, m_preview,
            &StorePreview::setInstructionsHtml);
    connect(document, &TextDocument::modifiedChanged, this, &MainWindow::updateInstructionsTab);
    // An error of the instructions' file lasts until the file is saved, opened again or
    // another state is shown.
    const QString instructionsError = QStringLiteral("instructions-error");
    connect(document, &InstructionsDocument::saved, this,
            [this, instructionsError](const QString &path) {
                m_status->messages()->clear(instructionsError);
                notice(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
                m_session->validation()->validateNow(); // the validator reads the saved file
            });
    connect(document, &InstructionsDocument::stateChanged, this,
            [this, instructionsError] { m_status->messages()->clear(instructionsError); });
    connect(document, &InstructionsDocument::opened, this,
            [this, instructionsError] { m_status->messages()->clear(instructionsError); });
    connect(document, &InstructionsDocument::errorOccurred, this,
            [this, instructionsError](const QString &message) {
                m_status->messages()->show(instructionsError, message);
            });
    // A refused edit says why through editRefused.
    connect(m_instructions, &InstructionsEditor::pathRequested, this, [this](const QString &path) {
        m_session->document()->edit(
            tr("Set Instructions Path"),
            {JsonEdit::set("/external_integration/setup_instructions_file_path",
                           path.toStdString())});
    });
    MarkdownEditor *markdown = m_instructions->editor();
    markdown->setHistoryActions(m_actions->action(ActionId::Undo),
                                m_actions->action(ActionId::Redo));
    markdown->showFixes(SeverityIcon::fixImage(14));
    connect(markdown->marks(), &DiagnosticMarks::fixRequested, this, &MainWindow::applyFix);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // Find and Save follow the tab the user works in.
        const bool manifestTab = m_tabs->currentWidget() == m_splitter;
        m_actions->action(ActionId::Find)->setEnabled(manifestTab);
        m_actions->action(ActionId::Replace)->setEnabled(manifestTab);
    });
    updateInstructionsTab();
}

void MainWindow::updateInstructions()
{
    m_instructions->setPlugin(m_session->document()->manifest(),
                              m_session->source().repositoryRoot);
}

// The validator's findings, except those about the instructions' saved file: the
// instructions editor checks its live text instead.
void MainWindow::refreshProblems()
{
    const ValidationReport report = m_session->validation()->latestReport().withFileFindings(
        m_instructionsDocument->filePath().toStdString(), m_instructions->diagnostics());
    m_problems->setReport(report);
    m_status->setReport(report);
}

void MainWindow::notice(const QString &text)
{
    m_status->messages()->notice(text);
}

void MainWindow::updateInstructionsTab()
{
    const int index = m_tabs->indexOf(m_instructions);
    m_tabs->setTabText(index, m_instructionsDocument->isModified() ? tr("Setup Instructions*")
                                                                   : tr("Setup Instructions"));
    updateSaveActions();
}

bool MainWindow::confirmInstructionsLeaving(const QString &action)
{
    if (!m_instructionsDocument->isModified())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Setup Instructions"),
                    tr("Save the changes to %1 before %2?")
                        .arg(QFileInfo(m_instructionsDocument->filePath()).fileName(), action),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("instructionsUnsavedPrompt"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return m_instructionsDocument->save();
    case QMessageBox::Discard:
        m_instructionsDocument->reload();
        return true;
    default:
        return false;
    }
}

// One Save for the plugin, whichever tab has focus: the manifest, then its instructions.
void MainWindow::savePlugin()
{
    const bool manifestDirty = m_session->document()->isModified();
    const bool instructionsDirty = m_instructionsDocument->isModified();
    const auto saveInstructions = [this, manifestDirty] {
        if (!m_instructionsDocument->save() || !manifestDirty)
            return;
        statusBar()->showMessage(tr("Saved %1 and %2.")
                                     .arg(m_session->source().displayName(),
                                          QFileInfo(m_instructionsDocument->filePath()).fileName()),
                                 8000);
    };
    // An unchanged manifest is left alone unless it is all there is to save.
    if (!manifestDirty && instructionsDirty) {
        saveInstructions();
        return;
    }
    m_controller->save([saveInstructions, instructionsDirty](bool saved) {
        if (saved && instructionsDirty)
            saveInstructions();
    });
}

int MainWindow::unsavedFiles() const
{
    return (m_session->document()->isModified() ? 1 : 0) +
           (m_instructionsDocument->isModified() ? 1 : 0);
}

void MainWindow::updateSaveActions()
{
    m_actions->action(ActionId::SaveAll)->setEnabled(unsavedFiles() > 1);
}

} // namespace studio
