// Not a test: puts the real studio window into each state worth looking at, one after the
// other, for packaging/screenshots.sh. For every scene it prints "scene NAME" and waits for
// a line on stdin, while the script grabs the screen; "quit" on stdin ends it.
//
//   studio_screens REPOSITORY light|dark
//
// REPOSITORY is a plugin repository the scenes may change (a copy of samples/repo, with a
// drafts/ folder holding a manifest with problems).
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "editor/JsonEditor.h"
#include "form/ManifestForm.h"
#include "instructions/InstructionsEditor.h"
#include "logo/LogoImportDialog.h"
#include "logo/LogoInstaller.h"
#include "project/NewPluginDialog.h"
#include "servers/BuiltInServer.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "submission/ExportDialog.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QScreen>
#include <QTabWidget>
#include <QTest>

#include <iostream>
#include <string>

namespace {

// Lets validation, logo decoding and painting settle, then hands the screen to the script.
bool scene(const char *name)
{
    QTest::qWait(1500);
    std::cout << "scene " << name << std::endl;
    std::string line;
    return std::getline(std::cin, line) && line != "quit";
}

void raise(studio::MainWindow &window, const char *dock)
{
    if (auto *widget = window.findChild<QDockWidget *>(QString::fromLatin1(dock)))
        widget->raise();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 3) {
        std::cerr << "usage: studio_screens REPOSITORY light|dark\n";
        return 2;
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

    raise(window, "previewDock");
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
    exportDialog.resize(1100, 680);
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
    scene("new-plugin");
    return 0;
}
