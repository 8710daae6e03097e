// Not a test: puts the real studio window into each state worth looking at, one after the
// other, for packaging/screenshots.sh. For every scene it prints "scene NAME" and waits for
// a line on stdin, while the script grabs the screen; "quit" on stdin ends it. Given an
// output folder it grabs the screen itself (dialogs included) as OUTPUT/NAME-SUFFIX.png.
//
//   studio_screens REPOSITORY light|dark [OUTPUT SUFFIX]
//
// REPOSITORY is a plugin repository the scenes may change (a copy of samples/repo, with a
// drafts/ folder holding a manifest with problems).
#include "actions/ActionRegistry.h"
#include "actions/ShortcutsDialog.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "editor/FindBar.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "http/HttpClient.h"
#include "http/HttpReply.h"
#include "instructions/InstructionsEditor.h"
#include "load/LoadChart.h"
#include "load/LoadController.h"
#include "load/LoadPage.h"
#include "load/LoadSettingsForm.h"
#include "logo/LogoImportDialog.h"
#include "logo/LogoInstaller.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "project/NewPluginDialog.h"
#include "project/NewPluginFiles.h"
#include "servers/ApiCallModel.h"
#include "servers/ApiEmulatorController.h"
#include "servers/ApiEmulatorPage.h"
#include "servers/BuiltInServer.h"
#include "settings/StudioSettings.h"
#include "shell/AboutDialog.h"
#include "shell/ExternalChangePrompt.h"
#include "shell/MainWindow.h"
#include "shell/StatusMessages.h"
#include "shell/StatusPanel.h"
#include "shell/WindowLayout.h"
#include "server/HttpServer.h"
#include "simulator/MemoryDraft.h"
#include "simulator/SimulateWorkspace.h"
#include "simulator/SimulationController.h"
#include "submission/ExportDialog.h"
#include "tools/ToolForm.h"
#include "tools/ToolsController.h"
#include "tools/ToolsPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <atomic>
#include <iostream>
#include <memory>
#include <string>

namespace {

QString g_output;
QString g_suffix;

// Lets validation, logo decoding and painting settle, then grabs the screen or hands it to
// the script.
bool scene(const char *name)
{
    QTest::qWait(1500);
    if (!g_output.isEmpty()) {
        const QString path =
            QStringLiteral("%1/%2-%3.png").arg(g_output, QString::fromLatin1(name), g_suffix);
        QGuiApplication::primaryScreen()->grabWindow(0).save(path);
        std::cout << path.toStdString() << std::endl;
        return true;
    }
    std::cout << "scene " << name << std::endl;
    std::string line;
    return std::getline(std::cin, line) && line != "quit";
}

// The sample app's chat tools, served by `server`: a tool of every parameter type, a GET
// tool, and a required parameter the schema does not declare (a warning, located).
QByteArray taskTools(const studio::HttpServer &server)
{
    using studio::Json;
    const auto type = [](const char *name) { return Json{{"type", name}}; };
    Json add = {{"name", "add_task"},
                {"description", "Adds a task to the user's list"},
                {"endpoint", server.url("/tools/add_task").toStdString()},
                {"method", "POST"},
                {"status_message", "Adding the task..."},
                {"parameters",
                 {{"properties",
                   {{"title", {{"type", "string"}, {"description", "What to do"}}},
                    {"priority", {{"type", "string"}, {"enum", {"low", "normal", "high"}}}},
                    {"estimate_minutes", type("integer")},
                    {"remind", type("boolean")},
                    {"tags", type("array")}}},
                  {"required", {"title", "priority", "project"}}}}};
    Json list = {{"name", "list_tasks"},
                 {"description", "Lists the open tasks, most urgent first"},
                 {"endpoint", server.url("/tools/list_tasks").toStdString()},
                 {"method", "GET"},
                 {"parameters", {{"properties", {{"limit", type("integer")}}}}}};
    return QByteArray::fromStdString(Json{{"tools", {add, list}}}.dump(2));
}

void raise(studio::MainWindow &window, const char *dock)
{
    if (auto *widget = window.findChild<QDockWidget *>(QString::fromLatin1(dock)))
        widget->raise();
}

// The App API page after the app called back: a notification, a conversation, a memory,
// and a call for an action the app does not hold.
void appApiScene(studio::MainWindow &window)
{
    using namespace studio;
    auto *page = window.findChild<ApiEmulatorPage *>(QStringLiteral("apiEmulatorPage"));
    if (!page)
        return;
    window.tabs()->setCurrentWidget(window.simulate());
    window.simulate()->showPage(page);
    page->portBox()->setValue(0);
    page->start();
    ApiEmulatorController *api = page->controller();
    if (!api->isRunning())
        return;
    HttpClient client;
    const auto call = [&](const char *method, const QString &path, const QByteArray &body) {
        HttpRequest request;
        request.method = method;
        request.url = api->baseUrl() + u"/v2/integrations/" + api->appId() + u'/' + path +
                      (path.contains(u'?') ? u'&' : u'?') + u"uid=" + api->uid();
        request.headers.append(
            {QByteArrayLiteral("Authorization"), "Bearer " + api->apiKey().toUtf8()});
        request.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        request.body = body;
        QSignalSpy finished(client.send(request), &HttpReply::finished);
        (void)finished.wait(10000);
    };
    call("POST", QStringLiteral("user/memories"),
         R"({"text": "Share three moodboards with the team by Friday", "memories":
             [{"content": "Task: Share three moodboards with the team by Friday",
               "tags": ["task"]}]})");
    call("POST",
         QStringLiteral("notification?message=Kept%203%20tasks%3A%20analytics%2C%20"
                        "moodboards%2C%20review%20meeting"),
         {});
    call("POST", QStringLiteral("user/conversations"),
         QByteArrayLiteral("{\"text\": \"Design review\\nWe picked the second moodboard and "
                           "will ship the new landing page on Friday.\", "
                           "\"text_source\": \"other_text\"}"));
    call("GET", QStringLiteral("memories"), {});
    (void)QTest::qWaitFor([page] { return page->model()->rowCount() == 4; }, 5000);
    page->table()->selectRow(1);
    scene("app-api");
}

// The Load page after a short run of the open plugin against a server on 127.0.0.1 that
// answers in 5 to 65 ms and fails now and then, so that every chart has a shape.
void loadScene(studio::MainWindow &window)
{
    using namespace studio;
    auto *page = window.findChild<LoadPage *>(QStringLiteral("loadPage"));
    if (!page)
        return;
    HttpServer server;
    auto served = std::make_shared<std::atomic<int>>(0);
    server.setRoute("/hook", [served](const HttpServerRequest &) {
        const int n = ++*served;
        HttpAnswer answer = n % 17 == 0   ? HttpAnswer::json(500, R"({"detail": "busy"})")
                            : n % 29 == 0 ? HttpAnswer::json(503, R"({"detail": "later"})")
                                          : HttpAnswer::json(200, R"({"message": "Noted."})");
        answer.delayMs = 5 + (n * 37) % 61;
        return answer;
    });
    SimulationController *simulation = window.simulate()->controller();
    const SimulationTarget before = simulation->target();
    SimulationTarget target = before;
    target.urlOverride = server.url("/hook");
    simulation->setTarget(target);
    window.tabs()->setCurrentWidget(window.simulate());
    window.simulate()->showPage(page);
    (void)QTest::qWaitFor([&window] { return window.simulate()->memoryDraft()->isChecked(); },
                          10000);
    LoadSettingsForm *form = page->settings();
    form->setSource(LoadSettingsForm::Source::Memory);
    form->usersBox()->setValue(60);
    form->rampBox()->setValue(3);
    form->durationBox()->setValue(8);
    form->speedBox()->setValue(300);
    form->seedEdit()->setText(QStringLiteral("42"));
    form->maxP95Box()->setValue(100);
    form->maxErrorRateBox()->setValue(10);
    QSignalSpy finished(page->controller(), &LoadController::finished);
    page->start();
    (void)finished.wait(30000);
    // On a small screen the page scrolls: the charts are what this view is for.
    QTest::qWait(300); // the summary laid out
    for (QWidget *parent = page->parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(parent)) {
            const int chartTop = page->latencyChart()->mapTo(page, QPoint()).y();
            if (chartTop + page->latencyChart()->height() > scroll->viewport()->height())
                scroll->verticalScrollBar()->setValue(chartTop -
                                                      page->startButton()->height() * 2);
            break;
        }
    }
    scene("load");
    simulation->setTarget(before);
    window.tabs()->setCurrentIndex(0);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 3 && argc != 5) {
        std::cerr << "usage: studio_screens REPOSITORY light|dark [OUTPUT SUFFIX]\n";
        return 2;
    }
    if (argc == 5) {
        g_output = QString::fromLocal8Bit(argv[3]);
        g_suffix = QString::fromLocal8Bit(argv[4]);
    }
    const QString repository = QString::fromLocal8Bit(argv[1]);
    studio::StudioSettings().setTheme(
        studio::StudioSettings::themeFromName(QString::fromLocal8Bit(argv[2])));

    studio::MainWindow window;
    window.setGeometry(window.screen()->availableGeometry());
    window.show();
    window.builtInServer()->start(); // as when the studio opens
    studio::DocumentSession *session = window.session();
    if (!session->openRepository(repository).isEmpty())
        return 2;

    // The docks as the window arranges them for its width (WindowLayout).
    if (!scene("studio"))
        return 0;

    session->openEntry(1); // an external integration with auth steps
    raise(window, "imageDock");
    window.form()->focusField("/external_integration/auth_steps/0/name");
    if (!scene("integration"))
        return 0;

    // Its setup instructions, rendered as the app shows them, also in the store preview.
    raise(window, "previewDock");
    window.tabs()->setCurrentWidget(window.instructions());
    if (!scene("instructions"))
        return 0;
    window.tabs()->setCurrentIndex(0);

    // An edited description: the export shows the one-entry diff it makes to the index.
    session->document()->edit(
        QStringLiteral("Edit Description"),
        {studio::JsonEdit::set("/description", "Files every meeting in your notes workspace: "
                                               "title, summary, action items with owners, "
                                               "decisions and the full transcript.")});
    studio::ExportRequest request;
    request.entry = session->document()->parse().value;
    request.indexPath = session->indexPath();
    request.repositoryRoot = repository;
    request.report = session->validation()->latestReport();
    studio::ExportDialog exportDialog(std::move(request), &window);
    exportDialog.show();
    if (auto *tabs = exportDialog.findChild<QTabWidget *>())
        tabs->setCurrentIndex(1);
    if (!scene("export"))
        return 0;
    exportDialog.hide();
    session->document()->markSaved(); // no unsaved-changes question on the way out

    const QString draft = QDir(repository).filePath(QStringLiteral("drafts/note-taker.json"));
    if (session->openManifestFile(draft).isEmpty()) {
        window.editor()->setCursorOffset(0);
        if (!scene("problems"))
            return 0;
    }

    session->openRepository(repository, QStringLiteral("focus-guardian"));
    raise(window, "previewDock");
    // A comma deleted in the text: the form keeps the last good values and says why.
    const std::string &text = session->document()->text();
    const std::size_t comma = text.find("\",\n", text.find("\"author\""));
    session->document()->applyTyping({comma + 1, ",", {}});
    window.editor()->setFocus();
    window.editor()->setCursorOffset(comma + 1);
    if (!scene("syntax-error"))
        return 0;
    session->document()->markSaved(); // no unsaved-changes question on the way out
    session->openEntry(0);

    studio::LogoImportDialog logo(studio::LogoInstaller::targetPath("socratic-coach"), 512,
                                  &window);
    logo.loadFile(QDir(repository).filePath(QStringLiteral("plugins/logos/meeting-notes.png")));
    logo.show();
    if (!scene("logo-import"))
        return 0;
    logo.hide();

    studio::NewPluginDialog plugin(
        QFileInfo(repository).fileName() + QStringLiteral("/community-plugins.json"), &window);
    plugin.show();
    QTest::keyClicks(plugin.findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("Standup Summary"));
    if (!scene("new-plugin"))
        return 0;
    plugin.hide();

    // Created: listed at once, unsaved, with its placeholder logo in the store preview.
    studio::NewPluginFiles::write(repository, plugin.request());
    session->newPlugin(plugin.request(), true);
    // Beside each other on a large screen; on a small one they share a column: the list.
    raise(window,
          window.width() < studio::WindowLayout::kNarrowWidth ? "entriesDock" : "previewDock");
    if (!scene("new-entry"))
        return 0;
    session->document()->markSaved(); // no unsaved-changes question on the way out

    // Help > Keyboard Shortcuts, made from the actions themselves.
    session->openEntry(0);
    studio::ShortcutsDialog shortcuts(*window.actions(), &window);
    shortcuts.show();
    if (!scene("shortcuts"))
        return 0;
    shortcuts.hide();

    // Help > About: the build and the libraries it runs on.
    studio::AboutDialog about(&window);
    about.show();
    if (!scene("about"))
        return 0;
    about.hide();

    // Replace in the JSON text.
    window.editor()->setFocus();
    window.editor()->setCursorOffset(0);
    window.actions()->action(studio::ActionId::Replace)->trigger();
    if (auto *bar = window.findChild<studio::FindBar *>()) {
        QTest::keyClicks(bar->field(), QStringLiteral("socratic"));
        QTest::keyClicks(bar->replaceField(), QStringLiteral("Curious"));
    }
    if (!scene("replace"))
        return 0;

    // A mistyped capability: its fix in the problems list and a light bulb in the margin.
    session->document()->edit(QStringLiteral("Edit"),
                              {studio::JsonEdit::set("/capabilities/0", "memorie")});
    (void)QTest::qWaitFor([session] {
        return session->validation()->latestRevision() == session->document()->revision();
    });
    auto *problems =
        qobject_cast<const studio::ProblemsModel *>(window.problemsView()->table()->model());
    for (int row = 0; problems && row < problems->rowCount(); ++row) {
        if (problems->diagnostic(row)->fix)
            window.problemsView()->table()->selectRow(row);
    }
    QMenu fixMenu;
    fixMenu.addActions(window.problemsView()->table()->actions());
    QTableView *table = window.problemsView()->table();
    fixMenu.popup(table->viewport()->mapToGlobal(
        table->visualRect(table->currentIndex().siblingAtColumn(1)).center()));
    scene("quick-fix");
    fixMenu.hide();
    session->document()->markSaved();
    // Another program changed the entry while it has unsaved edits: the question, with the
    // difference shown.
    session->openEntry(1);
    session->document()->edit(
        QStringLiteral("Edit Description"),
        {studio::JsonEdit::set("/description", "Files every meeting in your notes "
                                               "workspace, with its action items.")});
    std::string theirs = session->entries().at(1).text;
    theirs.replace(theirs.find("\"Meeting Notes\""), 15, "\"Meeting Notes Sync\"");
    const auto question = studio::ExternalChangePrompt::create(
        &window, session->source().displayName(), session->document()->text(), theirs);
    question->show();
    for (QAbstractButton *button : question->buttons()) {
        if (question->buttonRole(button) == QMessageBox::ActionRole)
            button->click(); // "Show Details..."
    }
    if (!scene("file-changed"))
        return 0;
    question->hide();
    session->document()->markSaved();

    loadScene(window);

    // The open manifest deleted by another program: its text stays, the status bar says so
    // until it is saved again.
    session->openManifestFile(draft);
    QFile::remove(draft);
    (void)QTest::qWaitFor(
        [&window] {
            return window.statusPanel()->messages()->currentText().contains(u"deleted on disk");
        },
        10000);
    window.editor()->setCursorOffset(0);
    if (!scene("file-deleted"))
        return 0;

    // A current app (apps-2026) opened like a plugin: its contract in the status bar.
    const QString appDocument = QDir(repository).filePath(QStringLiteral("../app/app.json"));
    if (QFile::exists(appDocument) && session->openPath(appDocument).isEmpty()) {
        window.editor()->setCursorOffset(0);
        raise(window, "previewDock"); // its logo, found beside app.json
        if (!scene("app"))
            return 0;
        // The app's own rows: payments, chat messages, the MCP server.
        window.form()->focusField("/external_integration/chat_messages_enabled");
        if (!scene("app-integration"))
            return 0;

        // Its chat tools, fetched from an app on 127.0.0.1 and one of them called.
        studio::HttpServer tools;
        tools.setRoute("/.well-known/omi-tools.json",
                       studio::HttpAnswer::json(200, taskTools(tools)));
        tools.setRoute("/tools/add_task",
                       studio::HttpAnswer::json(
                           200, "{\"result\": \"Added \\\"Send the Q3 report to Dana\\\" (high), due Friday.\"}"));
        studio::ToolsPage *page = window.toolsPage();
        page->urlEdit()->setText(tools.url("/.well-known/omi-tools.json"));
        page->reloadButton()->click();
        window.tabs()->setCurrentWidget(window.simulate());
        window.simulate()->showPage(page);
        (void)QTest::qWaitFor(
            [page] { return page->controller()->state() == studio::ToolsController::State::Loaded; },
            10000);
        page->chooseTool("add_task");
        studio::ToolForm *form = page->form();
        form->setValue("title", QStringLiteral("Send the Q3 report to Dana"));
        form->setValue("priority", QStringLiteral("high"));
        form->setValue("estimate_minutes", QStringLiteral("30"));
        form->setValue("remind", QStringLiteral("true"));
        form->setValue("tags", QStringLiteral("[\"work\", \"reports\"]"));
        page->call();
        (void)QTest::qWaitFor([page] { return !page->controller()->isCalling(); }, 10000);
        if (!scene("tools"))
            return 0;
        appApiScene(window);
    }
    return 0;
}
