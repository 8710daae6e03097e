#include "CliRunner.h"
#include "GitRepository.h"
#include "SaveAndWait.h"
#include "TestFiles.h"
#include "UiTestSupport.h"
#include "actions/ActionRegistry.h"
#include "diagnostics/IndexFindings.h"
#include "document/DocumentSession.h"
#include "document/IndexValidation.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "form/ManifestForm.h"
#include "json/LineIndex.h"
#include "editor/JsonEditor.h"
#include "problems/IndexProblemsView.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "project/EntryListModel.h"
#include "project/EntryPicker.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"
#include "submission/DiffView.h"
#include "submission/ExportDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <functional>

using namespace studio;

namespace {

// What a finding is called in both the CLI's JSON and the view: code and position.
using Place = std::tuple<std::string, int, int>;

struct CliFindings
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    std::vector<Place> places;
};

CliFindings validateWithTheCli(const QString &root)
{
    const test::CliRun run = test::runCli(
        {QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), root});
    CliFindings findings;
    const JsonParseResult parsed = parseJson(run.out.toStdString());
    if (!parsed.ok() || run.crashed) {
        qWarning() << "the CLI's output does not parse:" << run.errText();
        return findings;
    }
    const Json &summary = parsed.value["summary"];
    findings.errors = summary["errors"].get<std::size_t>();
    findings.warnings = summary["warnings"].get<std::size_t>();
    findings.infos = summary["infos"].get<std::size_t>();
    for (const Json &diagnostic : parsed.value["diagnostics"])
        findings.places.emplace_back(diagnostic["code"].get<std::string>(),
                                     diagnostic["line"].get<int>(),
                                     diagnostic["column"].get<int>());
    std::sort(findings.places.begin(), findings.places.end());
    return findings;
}

std::vector<Place> placesIn(const ProblemsModel &model)
{
    std::vector<Place> places;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Diagnostic *diagnostic = model.diagnostic(row);
        places.emplace_back(std::string(diagnostic->code()), diagnostic->start.line,
                            diagnostic->start.column);
    }
    std::sort(places.begin(), places.end());
    return places;
}

QStringList shownIds(const EntryPicker &picker)
{
    QStringList ids;
    const QAbstractItemModel *model = picker.list()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(EntryListModel::IdRole).toString();
    return ids;
}

} // namespace

// The whole index in the window: every entry's findings as the CLI reports them, the entry
// list's "only entries with errors", going to another entry's problem, and the export's
// diff against the pull request's base after a save.
class IndexProblemsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        QSettings().clear();
        m_repository = std::make_unique<QTemporaryDir>();
        test::copySampleRepository(m_repository->path());
        // Two entries with an error each: a logo and a README gone.
        QVERIFY(QFile::remove(path("plugins/logos/live-fact-checker.png")));
        QVERIFY(QFile::remove(path("plugins/instructions/meeting-notes/README.md")));
    }

    void cleanup()
    {
        m_window.reset();
        m_repository.reset();
    }

    void wholeIndex_listsEveryEntrysFindings_asTheCommandLineDoes()
    {
        open();
        const CliFindings cli = validateWithTheCli(m_repository->path());
        QCOMPARE(cli.errors, std::size_t(2));
        QVERIFY(cli.warnings > 0);

        const ProblemsModel &model = *view()->model();
        QCOMPARE(model.count(Severity::Error), cli.errors);
        QCOMPARE(model.count(Severity::Warning), cli.warnings);
        QCOMPARE(model.count(Severity::Info), cli.infos);
        QCOMPARE(placesIn(model), cli.places);
        QStringList entries;
        for (int row = 0; row < model.rowCount(); ++row)
            entries << model.index(row, ProblemsModel::EntryColumn).data().toString();
        entries.removeDuplicates();
        QCOMPARE(entries.join(u','),
                 QStringLiteral("meeting-notes,live-fact-checker,focus-guardian"));
        QVERIFY(view()->summaryText().contains(
            QStringLiteral("Of the 4 entries of community-plugins.json, 2 have errors")));
        // The dock's tab says the counts even while the entry's own problems are in front.
        QCOMPARE(dock()->windowTitle(),
                 QStringLiteral("Whole Index (%1)")
                     .arg(ProblemsModel::countsText(cli.errors, cli.warnings, cli.infos)));
    }

    void corpusIndex_hasTheCommandLinesCounts()
    {
        // The real index, when a copy of it is at hand (not in a fresh clone).
        const QString corpus = qEnvironmentVariable("STUDIO_CORPUS_DIR");
        if (corpus.isEmpty())
            QSKIP("STUDIO_CORPUS_DIR is not set");
        const QString copy = m_repository->filePath(QStringLiteral("corpus"));
        test::copyTree(corpus, copy);
        open(copy, 60000);
        const CliFindings cli = validateWithTheCli(copy);
        const ProblemsModel &model = *view()->model();
        QCOMPARE(model.count(Severity::Error), cli.errors);
        QCOMPARE(model.count(Severity::Warning), cli.warnings);
        QCOMPARE(model.count(Severity::Info), cli.infos);
        QCOMPARE(placesIn(model), cli.places);
        qInfo("corpus: %zu errors, %zu warnings, %zu notes in %zu entries; whole-index "
              "validation took %lld ms",
              cli.errors, cli.warnings, cli.infos,
              m_window->session()->indexValidation()->report().entryCount,
              static_cast<long long>(m_window->session()->indexValidation()->lastDurationMs()));
    }

    void errorsOnly_listsTheEntriesWithErrors_andTheOneBeingEdited()
    {
        open();
        EntryPicker *picker = m_window->entryPicker();
        QTRY_COMPARE(picker->errorsOnlyBox()->text(), QStringLiteral("With errors (2)"));
        QCheckBox *box = picker->errorsOnlyBox();
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QCOMPARE(shownIds(*picker).join(u','),
                 QStringLiteral("socratic-coach,meeting-notes,live-fact-checker"));
        m_window->controller()->chooseEntry(2);
        QCOMPARE(shownIds(*picker).join(u','), QStringLiteral("meeting-notes,live-fact-checker"));
    }

    void activatingAnotherEntrysProblem_opensItAndSelectsTheSpan()
    {
        open();
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        const int row = rowOf(RuleId::MissingImage, "/2/image");
        QVERIFY(row >= 0);
        QTableView *table = view()->problems()->table();
        dock()->raise();
        table->scrollTo(table->model()->index(row, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(row, 1)).center());
        QTest::keyClick(table, Qt::Key_Return);

        QCOMPARE(document()->manifest().id, std::string("live-fact-checker"));
        QCOMPARE(m_window->session()->source().entryPosition, std::size_t(2));
        QTRY_COMPARE(editor()->selectedText(),
                     QStringLiteral("\"/plugins/logos/live-fact-checker.png\""));
        const Diagnostic *inEntry = IndexFindings::sameInEntry(
            m_window->session()->validation()->latestReport(), *view()->model()->diagnostic(row));
        QVERIFY(inEntry);
        QCOMPARE(editor()->selectedSpan(), inEntry->span);
        QCOMPARE(m_window->entryPicker()->list()->currentIndex().data(EntryListModel::IdRole),
                 QVariant(QStringLiteral("live-fact-checker")));
    }

    void activatingAProblem_withUnsavedEdits_asksFirst()
    {
        open();
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/name", "Edited")});
        QTRY_VERIFY(!view()->findChild<QLabel *>(QStringLiteral("indexProblemsNote"))->isHidden());
        const int row = rowOf(RuleId::MissingImage, "/2/image");

        test::answerNextMessageBox(QMessageBox::Cancel);
        view()->problems()->activateRow(row);
        QCOMPARE(document()->manifest().id, std::string("socratic-coach"));
        QVERIFY(document()->isModified());

        test::answerNextMessageBox(QMessageBox::Discard);
        view()->problems()->activateRow(row);
        QCOMPARE(document()->manifest().id, std::string("live-fact-checker"));
        QTRY_COMPARE(editor()->selectedText(),
                     QStringLiteral("\"/plugins/logos/live-fact-checker.png\""));
    }

    void saving_refreshesTheWholeIndex()
    {
        open();
        QCOMPARE(view()->model()->count(Severity::Error), std::size_t(2));
        m_window->controller()->chooseEntry(2);
        document()->edit(QStringLiteral("Edit"),
                         {JsonEdit::set("/image", "/plugins/logos/focus-guardian.png")});
        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());
        QTRY_COMPARE(view()->model()->count(Severity::Error), std::size_t(1));
        QVERIFY(!view()->isChecking());
        QCOMPARE(placesIn(*view()->model()), validateWithTheCli(m_repository->path()).places);
    }

    void fixingTheOpenEntry_takesItsProblemOutOfTheWholeIndex_beforeSave()
    {
        open();
        const QString dockTitleBefore = dock()->windowTitle();
        QVERIFY(rowOf(RuleId::MissingImage, "/2/image") >= 0);
        m_window->controller()->chooseEntry(2);
        QTRY_VERIFY(m_window->session()->validation()->isCurrent());
        QVERIFY(rowOf(RuleId::MissingImage, "/2/image") >= 0);

        // Typed into the form's logo field, as a user fixes it.
        auto *logo = m_window->form()->findChild<QLineEdit *>(QStringLiteral("/image"));
        logo->selectAll();
        QTest::keyClicks(logo, QStringLiteral("/plugins/logos/focus-guardian.png"));
        QTest::keyClick(logo, Qt::Key_Return);
        QTRY_COMPARE(rowOf(RuleId::MissingImage, "/2/image"), -1);
        QCOMPARE(view()->model()->count(Severity::Error), std::size_t(1));
        QVERIFY(view()->summaryText().contains(QStringLiteral("1 have errors")));
        QVERIFY(dock()->windowTitle() != dockTitleBefore);
        QVERIFY(document()->isModified());
        QCOMPARE(view()->findChild<QLabel *>(QStringLiteral("indexProblemsNote"))->text(),
                 QStringLiteral("The open entry has unsaved edits: its problems here are from "
                                "its text as typed."));

        // A new mistake shows there as typed too, at its place in the index.
        document()->edit(QStringLiteral("Edit"), {JsonEdit::set("/capabilities/0", "chta")});
        QTRY_VERIFY(rowOf(RuleId::UnknownCapability, "/2/capabilities/0") >= 0);
        const Diagnostic typo =
            *view()->model()->diagnostic(rowOf(RuleId::UnknownCapability, "/2/capabilities/0"));
        // Where the saved index has the entry's first capability (the lines before it kept
        // their count).
        const std::string &index = m_window->session()->indexText();
        const std::size_t capabilities =
            index.find("\"capabilities\"", m_window->session()->entries().at(2).span.begin);
        const std::size_t first = index.find('"', index.find('[', capabilities));
        QCOMPARE(typo.start, LineIndex(index).position(first));

        // Undone: the problem is back, as the file still has it.
        document()->undoStack()->undo();
        document()->undoStack()->undo();
        QTRY_VERIFY(rowOf(RuleId::MissingImage, "/2/image") >= 0);
        QCOMPARE(view()->model()->count(Severity::Error), std::size_t(2));
    }

    void exportAfterSave_inAGitCheckout_showsTheDiffAgainstTheBase()
    {
        if (!test::gitAvailable())
            QSKIP("git is not installed");
        QVERIFY(test::initGitRepository(m_repository->path()));
        QString base;
        QVERIFY(test::commitAll(m_repository->path(), QStringLiteral("Sample plugins"), &base));
        open();
        document()->edit(QStringLiteral("Edit"),
                         {JsonEdit::set("/description", "Asks one good question at a time.")});
        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());

        const auto [summary, baseLine, diff] = exportAndRead();
        QVERIFY2(!summary.contains(QStringLiteral("nothing to update")), qPrintable(summary));
        QCOMPARE(baseLine, QStringLiteral("The diff is against the last commit, HEAD (%1), the "
                                          "base of the pull request.")
                               .arg(base.left(7)));
        QVERIFY2(diff.contains(QStringLiteral(
                     "+    \"description\": \"Asks one good question at a time.\",")),
                 qPrintable(diff));
    }

    void exportAfterSave_outsideGit_diffsAgainstTheIndexAsOpened()
    {
        open();
        document()->edit(QStringLiteral("Edit"),
                         {JsonEdit::set("/description", "Asks one good question at a time.")});
        QVERIFY(test::saveAndWait(*m_window->session()).isEmpty());

        const auto [summary, baseLine, diff] = exportAndRead();
        QVERIFY2(baseLine.startsWith(QStringLiteral(
                     "The diff is against community-plugins.json as it was when opened")),
                 qPrintable(baseLine));
        QVERIFY(diff.contains(
            QStringLiteral("+    \"description\": \"Asks one good question at a time.\",")));
    }

    void exportRightAfterSwitching_judgesTheEntryNowOpen()
    {
        open();
        // The entry the list opened first has no errors; live-fact-checker lacks its logo.
        QTRY_VERIFY(m_window->session()->validation()->isCurrent());
        QCOMPARE(exportErrorsRightAfterChoosing(2),
                 (QStringList{QStringLiteral("live-fact-checker"), QStringLiteral("PS151")}));
        QCOMPARE(exportErrorsRightAfterChoosing(0),
                 QStringList{QStringLiteral("socratic-coach")});
        QCOMPARE(exportErrorsRightAfterChoosing(1),
                 (QStringList{QStringLiteral("meeting-notes"), QStringLiteral("PS161")}));
    }

    void exportRightAfterTyping_judgesTheTextAsTyped()
    {
        open();
        m_window->controller()->chooseEntry(2);
        QTRY_VERIFY(m_window->session()->validation()->isCurrent());
        document()->edit(QStringLiteral("Edit"),
                         {JsonEdit::set("/image", "/plugins/logos/focus-guardian.png")});
        QStringList codes;
        QVERIFY(exportAndRead([&codes](ExportDialog &dialog) {
            for (const ExportBlocker &error : dialog.plan()->errors)
                codes << QString::fromStdString(error.code);
        }));
        QCOMPARE(codes, QStringList{});
    }

private:
    QString path(const char *relative) const
    {
        return m_repository->filePath(QString::fromLatin1(relative));
    }

    void open(const QString &root = {}, int timeoutMs = 10000)
    {
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->session()
                    ->openRepository(root.isEmpty() ? m_repository->path() : root)
                    .isEmpty());
        QVERIFY(test::showActive(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(view()->model()->rowCount() > 0 && !view()->isChecking(),
                                 timeoutMs);
    }

    // Opens the export dialog as the menu does and reads it once its plan is ready.
    std::tuple<QString, QString, QString> exportAndRead()
    {
        std::tuple<QString, QString, QString> read;
        exportAndRead([&read](ExportDialog &dialog) {
            read = {dialog.findChild<QLabel *>(QStringLiteral("exportSummary"))->text(),
                    dialog.findChild<QLabel *>(QStringLiteral("diffBase"))->text(),
                    dialog.findChild<DiffView *>(QStringLiteral("indexDiff"))->toPlainText()};
        });
        return read;
    }

    // Triggers the export as the menu does, at once, and hands its dialog to `read` once the
    // plan is ready. False when no dialog became ready.
    bool exportAndRead(const std::function<void(ExportDialog &)> &read)
    {
        bool done = false;
        test::whenModalShown([&read, &done](QWidget *modal) {
            auto *dialog = qobject_cast<ExportDialog *>(modal);
            if (!dialog || !dialog->isReady())
                return false;
            read(*dialog);
            done = true;
            dialog->close();
            return true;
        });
        m_window->actions()->action(ActionId::ExportSubmission)->trigger();
        if (!QTest::qWaitFor([&done] { return done; }, 10000))
            qWarning("the export dialog never became ready");
        return done;
    }

    // The codes of the errors holding the export back, as the dialog made its plan.
    QStringList exportErrorsRightAfterChoosing(std::size_t position)
    {
        QStringList codes;
        m_window->controller()->chooseEntry(position);
        const bool ready = exportAndRead([&codes](ExportDialog &dialog) {
            codes << QString::fromStdString(dialog.plan()->entryId);
            for (const ExportBlocker &error : dialog.plan()->errors)
                codes << QString::fromStdString(error.code);
        });
        return ready ? codes : QStringList{QStringLiteral("no dialog")};
    }

    int rowOf(RuleId rule, const std::string &pointer) const
    {
        const ProblemsModel *model = view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->diagnostic(row)->rule == rule && model->diagnostic(row)->pointer == pointer)
                return row;
        }
        return -1;
    }

    IndexProblemsView *view() const { return m_window->indexProblems(); }
    QDockWidget *dock() const
    {
        return m_window->findChild<QDockWidget *>(QStringLiteral("indexProblemsDock"));
    }
    ManifestDocument *document() const { return m_window->session()->document(); }
    JsonEditor *editor() const { return m_window->editor(); }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<QTemporaryDir> m_repository;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(IndexProblemsTest)
#include "tst_indexproblems.moc"
