#include "GitRepository.h"
#include "IndexFixtures.h"
#include "TestFiles.h"
#include "edit/IndexSplicer.h"
#include "manifest/SubmissionJson.h"
#include "submission/DiffView.h"
#include "submission/ExportBlockersView.h"
#include "submission/ExportDialog.h"
#include "submission/SubmissionFilesView.h"
#include "validation/DocumentValidator.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

using test::gammaEntry;
const std::string &kIndex = test::kAlphaBetaIndex;

// A repository holding the index and the logo of every entry, so the only diagnostics are
// the ones a test puts there.
struct Fixture
{
    TemporaryRepository repository;

    Fixture()
    {
        repository.writeIndex(kIndex);
        for (const char *name : {"alpha", "beta", "gamma"})
            repository.write(QStringLiteral("plugins/logos/%1.png").arg(QLatin1String(name)),
                             studio::test::pngBytes(512, 512));
    }

    ExportRequest request(const Json &entry, bool withIndex = true) const
    {
        ExportRequest request;
        request.entry = entry;
        if (withIndex)
            request.indexPath = repository.indexPath();
        request.repositoryRoot = repository.root();
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        request.report = DocumentValidator::validate(entry.dump(2), options);
        return request;
    }
};

bool waitUntilReady(ExportDialog &dialog)
{
    QSignalSpy ready(&dialog, &ExportDialog::planReady);
    return dialog.isReady() || ready.wait();
}

QPushButton *button(const ExportDialog &dialog, const char *name)
{
    return dialog.findChild<QPushButton *>(QLatin1String(name));
}

} // namespace

class ExportDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheExactSubmissionJson();
    void showsTheColouredDiffOfTheIndex();
    void errors_refuseSavingUntilExportAnyway();
    void updateIndex_changesOnlyTheEntryBytes();
    void updateIndex_fileEditedMeanwhile_writesNothingAndRefreshes();
    void idOfAnotherAuthor_isShownAsAReason();
    void saveSubmissionTo_writesTheJson();
    void copyJson_putsTheJsonOnTheClipboard();
    void copyDiff_putsTheDiffOnTheClipboard();
    void files_markWhichExist();
    void withoutIndex_offersNoUpdate();
    void savedEntryInAGitCheckout_showsTheDiffAgainstTheBase();
    void outsideGit_diffsAgainstTheIndexAsOpened();
    void gitMissing_fallsBackToTheIndexAsOpenedAndSaysWhy();
    void gitFailing_fallsBackWithGitsMessage();
    void changedLine_marksTheChangedWords();
};

void ExportDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void ExportDialogTest::showsTheExactSubmissionJson()
{
    Fixture fixture;
    // Keys out of order: the submission puts them in the index's order.
    Json entry = gammaEntry();
    Json shuffled = Json::object();
    for (const char *key :
         {"deleted", "chat_prompt", "name", "id", "author", "capabilities", "description", "image"})
        shuffled[key] = entry[key];
    ExportDialog dialog(fixture.request(shuffled));
    QVERIFY(waitUntilReady(dialog));

    const auto *json = dialog.findChild<QPlainTextEdit *>(QStringLiteral("submissionText"));
    QCOMPARE(json->toPlainText(), QString::fromStdString(submissionJson(shuffled)));
    QVERIFY(json->toPlainText().startsWith(
        QStringLiteral("{\n  \"id\": \"gamma\",\n  \"name\": \"Gamma\",")));
}

void ExportDialogTest::showsTheColouredDiffOfTheIndex()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));

    const auto *diff = dialog.findChild<DiffView *>(QStringLiteral("indexDiff"));
    const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("--- a/community-plugins.json"));
    QCOMPARE(lines.value(1), QStringLiteral("+++ b/community-plugins.json"));
    QCOMPARE(lines.value(2), QStringLiteral("@@ -22,5 +22,17 @@"));
    const qsizetype added = lines.indexOf(QStringLiteral("+    \"id\": \"gamma\","));
    QVERIFY(added > 0);
    QCOMPARE(lines.value(added - 1), QStringLiteral("+  {"));
    QCOMPARE(lines.value(added - 2), QStringLiteral("+  },"));
    QCOMPARE(lines.value(added - 3), QStringLiteral("     \"deleted\": false"));

    QCOMPARE(diff->lineKind(0), DiffView::LineKind::FileHeader);
    QCOMPARE(diff->lineKind(2), DiffView::LineKind::Hunk);
    QCOMPARE(diff->lineKind(static_cast<int>(added)), DiffView::LineKind::Added);
    QCOMPARE(diff->lineKind(static_cast<int>(added - 3)), DiffView::LineKind::Context);
    // Added lines are painted on their own background, context lines are not.
    const auto background = [diff](qsizetype line) {
        return diff->document()
            ->findBlockByNumber(static_cast<int>(line))
            .blockFormat()
            .background();
    };
    QVERIFY(background(added).style() != Qt::NoBrush);
    QCOMPARE(background(added - 3).style(), Qt::NoBrush);

    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportSummary"))
                ->text()
                .contains(QStringLiteral("as entry #2")));
}

void ExportDialogTest::errors_refuseSavingUntilExportAnyway()
{
    Fixture fixture;
    Json entry = gammaEntry();
    entry.erase("description");
    entry["capabilities"] = Json::array({"chat", "memories"});
    const ExportRequest request = fixture.request(entry);
    QVERIFY(request.report.hasErrors());
    ExportDialog dialog(request);
    QVERIFY(waitUntilReady(dialog));

    QVERIFY(!dialog.exportAllowed());
    QVERIFY(!button(dialog, "saveButton")->isEnabled());
    QVERIFY(!button(dialog, "updateIndexButton")->isEnabled());
    QVERIFY(button(dialog, "copyJsonButton")->isEnabled());

    // The reasons are listed: code, line and message of every error.
    const QString errors =
        dialog.findChild<QTextBrowser *>(QStringLiteral("blockingErrors"))->toPlainText();
    for (const Diagnostic &diagnostic : request.report.diagnostics) {
        if (diagnostic.severity() != Severity::Error)
            continue;
        const QString row =
            QStringLiteral("%1\n%2\n%3")
                .arg(QString::fromUtf8(diagnostic.code().data(),
                                       static_cast<qsizetype>(diagnostic.code().size())))
                .arg(diagnostic.start.line)
                .arg(QString::fromStdString(diagnostic.message));
        QVERIFY2(errors.contains(row), qPrintable(errors));
    }
    QVERIFY(errors.contains(QStringLiteral("'description'")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("blockersHeadline"))
                ->text()
                .startsWith(QStringLiteral("Refused")));

    // A save asked for anyway is refused and writes nothing.
    const QString target = fixture.repository.path(QStringLiteral("gamma.json"));
    QSignalSpy finished(&dialog, &ExportDialog::actionFinished);
    dialog.saveSubmissionTo(target);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!QFileInfo::exists(target));

    auto *anyway = dialog.findChild<QCheckBox *>(QStringLiteral("exportAnyway"));
    QVERIFY(anyway->isVisibleTo(&dialog));
    QTest::mouseClick(anyway, Qt::LeftButton, {}, QPoint(8, anyway->height() / 2));
    QVERIFY(anyway->isChecked());
    QVERIFY(dialog.exportAllowed());
    QVERIFY(button(dialog, "saveButton")->isEnabled());
    QVERIFY(button(dialog, "updateIndexButton")->isEnabled());
}

void ExportDialogTest::updateIndex_changesOnlyTheEntryBytes()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    QSignalSpy finished(&dialog, &ExportDialog::actionFinished);
    QSignalSpy updated(&dialog, &ExportDialog::indexUpdated);

    QTest::mouseClick(button(dialog, "updateIndexButton"), Qt::LeftButton);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.first().first().toString(), fixture.repository.indexPath());

    const std::string written =
        studio::test::readFile(fixture.repository.indexPath()).toStdString();
    const IndexSplice patch = IndexSplicer::upsert(kIndex, gammaEntry());
    QCOMPARE(written, patch.text);
    // Every byte outside the entry's span is the original's.
    QCOMPARE(written.substr(0, patch.changed.begin), kIndex.substr(0, patch.changed.begin));
    QCOMPARE(written.substr(patch.changed.end), kIndex.substr(patch.changed.begin));

    // The dialog then shows the index as it now is: nothing left to update.
    QTRY_VERIFY(dialog.isReady());
    QVERIFY(dialog.plan()->indexUpToDate());
    QVERIFY(!button(dialog, "updateIndexButton")->isEnabled());
    QVERIFY(dialog.findChild<DiffView *>(QStringLiteral("indexDiff"))->toPlainText().isEmpty());
}

void ExportDialogTest::updateIndex_fileEditedMeanwhile_writesNothingAndRefreshes()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    const std::string edited = kIndex + "\n";
    fixture.repository.writeIndex(edited);

    QSignalSpy finished(&dialog, &ExportDialog::actionFinished);
    QSignalSpy ready(&dialog, &ExportDialog::planReady);
    dialog.updateIndex();
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("changed on disk")));
    QCOMPARE(studio::test::readFile(fixture.repository.indexPath()).toStdString(), edited);

    QVERIFY(ready.count() > 0 || ready.wait());
    QCOMPARE(dialog.plan()->indexOriginal, edited);
    QVERIFY(button(dialog, "updateIndexButton")->isEnabled());
}

void ExportDialogTest::idOfAnotherAuthor_isShownAsAReason()
{
    Fixture fixture;
    Json entry = gammaEntry();
    entry["id"] = "beta";
    ExportDialog dialog(fixture.request(entry));
    QVERIFY(waitUntilReady(dialog));

    const auto *problem = dialog.findChild<QLabel *>(QStringLiteral("indexProblem"));
    QVERIFY(problem->isVisibleTo(&dialog));
    QVERIFY2(problem->text().contains(QStringLiteral("'beta' is taken by the entry of '@b'")),
             qPrintable(problem->text()));
    QVERIFY(!button(dialog, "updateIndexButton")->isEnabled());
    QVERIFY(button(dialog, "updateIndexButton")->toolTip().contains(QStringLiteral("taken by")));
    QVERIFY(button(dialog, "saveButton")->isEnabled());
}

void ExportDialogTest::saveSubmissionTo_writesTheJson()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    const QString target = fixture.repository.path(QStringLiteral("out/gamma.json"));
    QDir().mkpath(QFileInfo(target).absolutePath());

    QSignalSpy finished(&dialog, &ExportDialog::actionFinished);
    dialog.saveSubmissionTo(target);
    QVERIFY(finished.wait());
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(studio::test::readFile(target).toStdString(), submissionJson(gammaEntry()));
    // The index is left alone by a save.
    QCOMPARE(studio::test::readFile(fixture.repository.indexPath()).toStdString(), kIndex);

    dialog.saveSubmissionTo(fixture.repository.path(QStringLiteral("no/such/folder/x.json")));
    QVERIFY(finished.wait());
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("cannot write")));
}

void ExportDialogTest::copyJson_putsTheJsonOnTheClipboard()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    QApplication::clipboard()->clear();
    QTest::mouseClick(button(dialog, "copyJsonButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(),
             QString::fromStdString(submissionJson(gammaEntry())));
}

void ExportDialogTest::copyDiff_putsTheDiffOnTheClipboard()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    QApplication::clipboard()->clear();
    QTest::mouseClick(button(dialog, "copyDiffButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(dialog.plan()->diff.text));
    QVERIFY(QApplication::clipboard()->text().startsWith(
        QStringLiteral("--- a/community-plugins.json\n")));
}

void ExportDialogTest::files_markWhichExist()
{
    Fixture fixture;
    Json entry = Json::parse(R"({"id": "hooked", "name": "Hooked", "author": "@h",
        "description": "Calls out.", "image": "/plugins/logos/gamma.png",
        "capabilities": ["external_integration"], "external_integration": {
        "triggers_on": "memory_creation", "setup_completed_url": null,
        "setup_instructions_file_path": "/plugins/instructions/hooked/README.md"}, "deleted": false})");
    entry["external_integration"]["webhook_url"] = "https://hooked.example.com/hook";
    ExportDialog dialog(fixture.request(entry));
    QVERIFY(waitUntilReady(dialog));

    const auto *files = dialog.findChild<SubmissionFilesView *>(QStringLiteral("submissionFiles"));
    QCOMPARE(files->topLevelItemCount(), 3);
    const auto row = [files](int i) { return files->topLevelItem(i); };
    QCOMPARE(row(0)->text(SubmissionFilesView::PathColumn),
             QStringLiteral("/community-plugins.json"));
    QVERIFY(row(0)->text(SubmissionFilesView::StatusColumn).contains(QStringLiteral("present")));
    QCOMPARE(row(1)->text(SubmissionFilesView::PathColumn),
             QStringLiteral("/plugins/logos/gamma.png"));
    QVERIFY(row(1)->text(SubmissionFilesView::StatusColumn).contains(QStringLiteral("present")));
    QCOMPARE(row(2)->text(SubmissionFilesView::PathColumn),
             QStringLiteral("/plugins/instructions/hooked/README.md"));
    QVERIFY(row(2)->text(SubmissionFilesView::StatusColumn).contains(QStringLiteral("missing")));
}

void ExportDialogTest::withoutIndex_offersNoUpdate()
{
    Fixture fixture;
    ExportDialog dialog(fixture.request(gammaEntry(), false));
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(!button(dialog, "updateIndexButton")->isEnabled());
    QVERIFY(!button(dialog, "copyDiffButton")->isEnabled());
    QVERIFY(button(dialog, "saveButton")->isEnabled());
    const auto *diff = dialog.findChild<DiffView *>(QStringLiteral("indexDiff"));
    QVERIFY(diff->toPlainText().isEmpty());
    QVERIFY(diff->placeholderText().contains(QStringLiteral("No index")));
}

namespace {

QString baseLine(const ExportDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("diffBase"))->text();
}

QString summaryLine(const ExportDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("exportSummary"))->text();
}

// gamma saved into the fixture's index: the file on disk holds it already.
std::string saveGamma(const Fixture &fixture)
{
    const std::string saved = IndexSplicer::upsert(kIndex, gammaEntry()).text;
    fixture.repository.writeIndex(saved);
    return saved;
}

} // namespace

void ExportDialogTest::savedEntryInAGitCheckout_showsTheDiffAgainstTheBase()
{
    if (!test::gitAvailable())
        QSKIP("git is not installed");
    Fixture fixture;
    const QString root = fixture.repository.root();
    QVERIFY(test::initGitRepository(root));
    QString base;
    QVERIFY(test::commitAll(root, QStringLiteral("The index before gamma"), &base));
    saveGamma(fixture);

    ExportDialog dialog(fixture.request(gammaEntry()));
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(dialog.plan()->indexUpToDate());
    QVERIFY(!button(dialog, "updateIndexButton")->isEnabled());
    QVERIFY2(!summaryLine(dialog).contains(QStringLiteral("nothing to update")),
             qPrintable(summaryLine(dialog)));
    QVERIFY(summaryLine(dialog).contains(QStringLiteral("adds 12 lines")));
    QCOMPARE(baseLine(dialog),
             QStringLiteral("The diff is against the last commit, HEAD (%1), the base of the pull "
                            "request.")
                 .arg(base.left(7)));
    const QString diff = dialog.findChild<DiffView *>(QStringLiteral("indexDiff"))->toPlainText();
    QVERIFY(diff.contains(QStringLiteral("+    \"id\": \"gamma\",")));
    QVERIFY(button(dialog, "copyDiffButton")->isEnabled());
}

void ExportDialogTest::outsideGit_diffsAgainstTheIndexAsOpened()
{
    Fixture fixture;
    saveGamma(fixture);
    ExportRequest request = fixture.request(gammaEntry());
    request.base.openedIndex = kIndex;

    ExportDialog dialog(request);
    QVERIFY(waitUntilReady(dialog));
    QCOMPARE(dialog.plan()->base.kind, DiffBase::Kind::AsOpened);
    QCOMPARE(baseLine(dialog),
             QStringLiteral("The diff is against community-plugins.json as it was when opened: git "
                            "could not give the pull request's base (the folder is not a git "
                            "checkout)."));
    QVERIFY(dialog.findChild<DiffView *>(QStringLiteral("indexDiff"))
                ->toPlainText()
                .contains(QStringLiteral("+    \"id\": \"gamma\",")));
    QVERIFY(!summaryLine(dialog).contains(QStringLiteral("nothing to update")));
}

void ExportDialogTest::gitMissing_fallsBackToTheIndexAsOpenedAndSaysWhy()
{
    Fixture fixture;
    saveGamma(fixture);
    ExportRequest request = fixture.request(gammaEntry());
    request.base.openedIndex = kIndex;
    request.base.git.program = QStringLiteral("/nonexistent/bin/git");

    ExportDialog dialog(request);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(baseLine(dialog).endsWith(
        QStringLiteral("git could not give the pull request's base (git could not be started: "
                       "is it installed?).")));
    QCOMPARE(dialog.plan()->diff.addedLines, 12);
}

void ExportDialogTest::gitFailing_fallsBackWithGitsMessage()
{
    Fixture fixture;
    saveGamma(fixture);
    QTemporaryDir tools;
    ExportRequest request = fixture.request(gammaEntry());
    request.base.openedIndex = kIndex;
    request.base.git.program =
        test::fakeGit(tools.path(), "echo 'fatal: detected dubious ownership' >&2\nexit 128\n");

    ExportDialog dialog(request);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY2(baseLine(dialog).contains(QStringLiteral("(fatal: detected dubious ownership)")),
             qPrintable(baseLine(dialog)));
    QCOMPARE(dialog.plan()->base.kind, DiffBase::Kind::AsOpened);
}

void ExportDialogTest::changedLine_marksTheChangedWords()
{
    Fixture fixture;
    Json alpha = Json::parse(kIndex)[0];
    alpha["description"] = "First, and finest.";
    ExportDialog dialog(fixture.request(alpha));
    QVERIFY(waitUntilReady(dialog));

    const auto *diff = dialog.findChild<DiffView *>(QStringLiteral("indexDiff"));
    const QStringList lines = diff->toPlainText().split(QLatin1Char('\n'));
    const auto added = static_cast<int>(
        lines.indexOf(QStringLiteral("+    \"description\": \"First, and finest.\",")));
    QVERIFY(added > 0);
    QCOMPARE(diff->lineKind(added - 1), DiffView::LineKind::Removed);
    // ", and finest" is new; "First" and the quotes around are not.
    const auto marks = diff->wordMarks(added);
    QCOMPARE(marks.size(), qsizetype(1));
    QCOMPARE(lines[added].mid(marks[0].first, marks[0].second - marks[0].first),
             QStringLiteral(", and finest"));
    QVERIFY(diff->wordMarks(added - 1).isEmpty()); // nothing of the old line is gone

    // The marked words are painted on a stronger shade than the rest of their line.
    const QTextBlock block = diff->document()->findBlockByNumber(added);
    const auto backgroundAt = [&block](int position) {
        for (const QTextLayout::FormatRange &range : block.textFormats()) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.background();
        }
        return QBrush();
    };
    const QBrush word = backgroundAt(marks[0].first + 1);
    QVERIFY(word.style() != Qt::NoBrush);
    QVERIFY(word.color() != block.blockFormat().background().color());
    QCOMPARE(backgroundAt(6).style(), Qt::NoBrush); // "description", unchanged
}

QTEST_MAIN(ExportDialogTest)
#include "tst_exportdialog.moc"
