// Not a test: the whole index in the real studio window, and the export's diff against the
// pull request's base with its changed words marked, grabbed to PNG files.
//
//   index_screens REPOSITORY OUTDIR light|dark WIDTHxHEIGHT
//
// REPOSITORY is a plugin repository in a git checkout with its index committed, which the
// scenes may change. Writes OUTDIR/index-problems-<size>-<theme>.png and
// OUTDIR/export-words-<size>-<theme>.png.
#include "document/DocumentSession.h"
#include "document/IndexValidation.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "edit/JsonEdit.h"
#include "manifest/PluginManifest.h"
#include "problems/IndexProblemsView.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "project/EntryPicker.h"
#include "settings/StudioSettings.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"
#include "submission/DiffView.h"
#include "submission/ExportDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QPainter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <iostream>
#include <optional>

using namespace studio;

namespace {

QString g_out;
QString g_suffix;

void save(const QPixmap &pixmap, const char *scene)
{
    const QString path =
        QDir(g_out).filePath(QStringLiteral("%1-%2.png").arg(QString::fromLatin1(scene), g_suffix));
    pixmap.save(path);
    std::cout << path.toStdString() << std::endl;
}

template <typename Condition> void waitFor(Condition condition, const char *what)
{
    if (!QTest::qWaitFor(condition, 20000))
        std::cerr << "index_screens: timed out waiting for " << what << '\n';
}

// The window with the dialog over its centre, as the screen shows them.
QPixmap windowWithDialog(QWidget &window, QWidget &dialog)
{
    QPixmap shot = window.grab();
    const QPixmap top = dialog.grab();
    QPainter painter(&shot);
    const QPoint at((shot.width() - top.width()) / 2, (shot.height() - top.height()) / 2);
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 60));
    painter.fillRect(QRect(at + QPoint(4, 6), top.size()), QColor(0, 0, 0, 70));
    painter.drawPixmap(at, top);
    return shot;
}

int firstErrorRow(const ProblemsModel &model, std::size_t notInEntry)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const Diagnostic *diagnostic = model.diagnostic(row);
        if (diagnostic->severity() == Severity::Error && diagnostic->entryIndex &&
            *diagnostic->entryIndex != notInEntry)
            return row;
    }
    return 0;
}

// A rename (the name's last word becomes "Pro") and a longer description, so the diff has
// words to mark on both sides.
std::vector<JsonEdit> edits(const PluginManifest &manifest)
{
    QString name = QString::fromStdString(manifest.name);
    const qsizetype space = name.lastIndexOf(u' ');
    name = (space > 0 ? name.left(space) : name) + QStringLiteral(" Pro");
    QString description = QString::fromStdString(manifest.description);
    const qsizetype end = description.endsWith(u'.') ? description.size() - 1 : description.size();
    description.insert(end, QStringLiteral(", with a weekly summary"));
    return {JsonEdit::set("/name", name.toStdString()),
            JsonEdit::set("/description", description.toStdString())};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Plugin Studio"));
    QApplication::setOrganizationName(QStringLiteral("Plugin Studio"));
    if (argc != 5) {
        std::cerr << "usage: index_screens REPOSITORY OUTDIR light|dark WIDTHxHEIGHT\n";
        return 2;
    }
    const QString repository = QString::fromLocal8Bit(argv[1]);
    g_out = QString::fromLocal8Bit(argv[2]);
    const QString theme = QString::fromLocal8Bit(argv[3]);
    const QString size = QString::fromLocal8Bit(argv[4]);
    g_suffix = size + u'-' + theme;
    const QStringList wh = size.split(u'x');
    const int width = wh.value(0).toInt();
    const int height = wh.value(1).toInt();
    StudioSettings().setTheme(StudioSettings::themeFromName(theme));

    MainWindow window;
    window.resize(width, height);
    window.show();
    DocumentSession *session = window.session();
    if (!session->openRepository(repository).isEmpty())
        return 2;
    IndexProblemsView *view = window.indexProblems();
    waitFor([&] { return view->model()->rowCount() > 0 && !view->isChecking(); },
            "the whole index");

    // The whole index in front, only the entries with errors listed, and one error of
    // another entry gone to: its entry open, its span selected.
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("indexProblemsDock"));
    dock->raise();
    window.resizeDocks({dock}, {height * 2 / 5}, Qt::Vertical);
    window.entryPicker()->setErrorsOnly(true);
    const int row = firstErrorRow(*view->model(), session->source().entryPosition);
    view->problems()->activateRow(row);
    waitFor(
        [&] { return session->validation()->latestRevision() == session->document()->revision(); },
        "the entry's validation");
    QTest::qWait(800); // logos, painting
    save(window.grab(), "index-problems");

    // A description edited and saved, then exported: the diff against the git base, the
    // changed words marked.
    window.entryPicker()->setErrorsOnly(false);
    session->openEntry(0);
    session->document()->edit(QStringLiteral("Rename"), edits(session->document()->manifest()));
    std::optional<QString> saveError;
    session->save([&saveError](const QString &error) { saveError = error; });
    waitFor([&] { return saveError.has_value(); }, "the save");
    if (saveError.value_or(QStringLiteral("never saved")) != QString())
        return 2;
    // The export shows the entry's own findings: wait for the report of this very text.
    waitFor(
        [&] { return session->validation()->latestRevision() == session->document()->revision(); },
        "the saved entry's validation");
    ExportRequest request;
    request.entry = session->document()->parse().value;
    request.indexPath = session->indexPath();
    request.repositoryRoot = session->repositoryRoot();
    request.report = session->validation()->latestReport();
    request.base.openedIndex = session->openedIndexText();
    ExportDialog dialog(std::move(request), &window);
    dialog.resize(std::min(1100, width - 60), std::min(700, height - 50));
    dialog.show();
    waitFor([&] { return dialog.isReady(); }, "the export plan");
    if (auto *tabs = dialog.findChild<QTabWidget *>())
        tabs->setCurrentIndex(1);
    QTest::qWait(600);
    save(windowWithDialog(window, dialog), "export-words");
    return 0;
}
