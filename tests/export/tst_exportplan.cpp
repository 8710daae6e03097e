#include "GitRepository.h"
#include "IndexFixtures.h"
#include "TestFiles.h"
#include "export/ExportPlan.h"
#include "export/IndexWriter.h"
#include "export/LineDiff.h"
#include "manifest/SubmissionJson.h"
#include "validation/DocumentValidator.h"

#include <QTest>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

const std::string &kIndex = test::kAlphaIndex;

Json betaEntry()
{
    Json entry =
        Json::parse(R"({"id": "beta", "name": "Beta", "author": "@b", "description": "Second.",
        "image": "/plugins/logos/beta.png", "capabilities": ["external_integration"],
        "external_integration": {"triggers_on": "memory_creation", "setup_completed_url": null,
            "setup_instructions_file_path": "/plugins/instructions/beta/README.md"},
        "deleted": false})");
    // Outside the raw string: moc reads "//" in a multi-line raw string as a comment.
    entry["external_integration"]["webhook_url"] = "https://beta.example.com/hook";
    return entry;
}

ExportRequest requestFor(const TemporaryRepository &repository, Json entry)
{
    ExportRequest request;
    request.entry = std::move(entry);
    request.indexPath = repository.indexPath();
    request.repositoryRoot = repository.root();
    ValidationOptions options;
    options.repositoryRoot = repository.root();
    request.report = DocumentValidator::validate(request.entry.dump(2), options);
    return request;
}

} // namespace

class ExportPlanTest : public QObject
{
    Q_OBJECT

private slots:
    void prepare_newEntry_diffAppendsItToTheIndex();
    void prepare_existingEntry_isUpToDateWithAnEmptyDiff();
    void prepare_savedEntryInAGitCheckout_diffsAgainstTheBase();
    void prepare_outsideGit_diffsAgainstTheIndexAsOpened();
    void prepare_gitMissing_fallsBackToTheIndexAsOpenedAndSaysWhy();
    void prepare_withoutGitOrOpenedBytes_diffsAgainstTheDisk();
    void prepare_marksTheChangedWordsOfChangedLines();
    void prepare_idOfAnotherAuthor_namesTheCollision();
    void prepare_unreadableIndex_saysWhy();
    void prepare_collectsErrorsWithCodeAndLine();
    void prepare_listsTheFilesOfThePullRequest();
    void prepare_listsTheAssetsOfTheInstructions();
    void prepare_withoutRepository_leavesExistenceUnknown();
    void replaceIfUnchanged_writesThePatchedIndex();
    void replaceIfUnchanged_fileEditedMeanwhile_writesNothing();
};

void ExportPlanTest::prepare_newEntry_diffAppendsItToTheIndex()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));

    QVERIFY2(plan.canPatchIndex(), plan.indexProblem.c_str());
    QCOMPARE(plan.entryId, std::string("beta"));
    QCOMPARE(plan.submissionJson, submissionJson(betaEntry()));
    QCOMPARE(plan.indexOriginal, kIndex);
    QCOMPARE(plan.indexAction, IndexSplice::Action::Inserted);
    QCOMPARE(plan.entryIndex, std::size_t(1));
    QCOMPARE(plan.indexRepositoryPath, std::string("/community-plugins.json"));
    const std::string expectedDiff = R"(--- a/community-plugins.json
+++ b/community-plugins.json
@@ -10,5 +10,22 @@
     ],
     "chat_prompt": "Hi",
     "deleted": false
+  },
+  {
+    "id": "beta",
+    "name": "Beta",
+    "author": "@b",
+    "description": "Second.",
+    "image": "/plugins/logos/beta.png",
+    "capabilities": [
+      "external_integration"
+    ],
+    "external_integration": {
+      "triggers_on": "memory_creation",
+      "webhook_url": "https:)"
                                     R"(//beta.example.com/hook",
+      "setup_completed_url": null,
+      "setup_instructions_file_path": "/plugins/instructions/beta/README.md"
+    },
+    "deleted": false
   }
 ]
)";
    QCOMPARE(plan.diff.text, expectedDiff);
    QCOMPARE(plan.diff.removedLines, 0);
    QCOMPARE(plan.diff.addedLines, 17);
    QCOMPARE(plan.diff.hunkCount, 1);
}

void ExportPlanTest::prepare_existingEntry_isUpToDateWithAnEmptyDiff()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    const Json alpha = Json::parse(kIndex)[0];
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, alpha));
    QVERIFY(plan.canPatchIndex());
    QCOMPARE(plan.indexAction, IndexSplice::Action::Updated);
    QVERIFY(plan.indexUpToDate());
    QVERIFY(plan.diff.isEmpty());
}

void ExportPlanTest::prepare_savedEntryInAGitCheckout_diffsAgainstTheBase()
{
    if (!test::gitAvailable())
        QSKIP("git is not installed");
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    QVERIFY(test::initGitRepository(repository.root()));
    QString base;
    QVERIFY(test::commitAll(repository.root(), QStringLiteral("alpha"), &base));
    // Saved: the file on disk already holds the new entry.
    repository.writeIndex(IndexSplicer::upsert(kIndex, betaEntry()).text);

    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));
    QVERIFY(plan.indexUpToDate());
    QCOMPARE(plan.base.kind, DiffBase::Kind::GitBase);
    QCOMPARE(plan.base.description, "the last commit, HEAD (" + base.left(7).toStdString() + ")");
    QVERIFY(plan.base.gitUnavailable.empty());
    QCOMPARE(plan.diff.addedLines, 17);
    QCOMPARE(plan.diff.removedLines, 0);
    QVERIFY(plan.diff.text.find("+    \"id\": \"beta\",\n") != std::string::npos);
}

void ExportPlanTest::prepare_outsideGit_diffsAgainstTheIndexAsOpened()
{
    TemporaryRepository repository;
    repository.writeIndex(IndexSplicer::upsert(kIndex, betaEntry()).text);
    ExportRequest request = requestFor(repository, betaEntry());
    request.base.openedIndex = kIndex;

    const ExportPlan plan = ExportPlan::prepare(request);
    QVERIFY(plan.indexUpToDate());
    QCOMPARE(plan.base.kind, DiffBase::Kind::AsOpened);
    QCOMPARE(plan.base.description, std::string("community-plugins.json as it was when opened"));
    QCOMPARE(plan.base.gitUnavailable, std::string("the folder is not a git checkout"));
    QCOMPARE(plan.diff.addedLines, 17);
}

void ExportPlanTest::prepare_gitMissing_fallsBackToTheIndexAsOpenedAndSaysWhy()
{
    TemporaryRepository repository;
    repository.writeIndex(IndexSplicer::upsert(kIndex, betaEntry()).text);
    ExportRequest request = requestFor(repository, betaEntry());
    request.base.openedIndex = kIndex;
    request.base.git.program = QStringLiteral("/nonexistent/bin/git");

    const ExportPlan plan = ExportPlan::prepare(request);
    QCOMPARE(plan.base.kind, DiffBase::Kind::AsOpened);
    QCOMPARE(plan.base.gitUnavailable, std::string("git could not be started: is it installed?"));
    QCOMPARE(plan.diff.addedLines, 17);
}

void ExportPlanTest::prepare_withoutGitOrOpenedBytes_diffsAgainstTheDisk()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    ExportRequest request = requestFor(repository, betaEntry());
    request.base.useGit = false;

    const ExportPlan plan = ExportPlan::prepare(request);
    QCOMPARE(plan.base.kind, DiffBase::Kind::OnDisk);
    QCOMPARE(plan.base.text, kIndex);
    QVERIFY(plan.base.gitUnavailable.empty());
    QVERIFY(!plan.indexUpToDate());
    QCOMPARE(plan.diff.addedLines, 17);
}

void ExportPlanTest::prepare_marksTheChangedWordsOfChangedLines()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    Json alpha = Json::parse(kIndex)[0];
    alpha["description"] = "First of all.";

    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, alpha));
    QCOMPARE(plan.diff.addedLines, 1);
    QCOMPARE(plan.diff.removedLines, 1);
    QCOMPARE(plan.wordMarks.size(), std::size_t(1)); // "First." gained words, lost none
    const auto lines = LineDiff::splitLines(plan.diff.text);
    const std::string_view added = lines[plan.wordMarks[0].line];
    QVERIFY(added.starts_with("+    \"description\""));
    const ByteRange range = plan.wordMarks[0].ranges.at(0);
    QCOMPARE(added.substr(range.begin, range.end - range.begin), std::string_view("of all"));
}

void ExportPlanTest::prepare_idOfAnotherAuthor_namesTheCollision()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    Json entry = betaEntry();
    entry["id"] = "alpha";
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, entry));
    QVERIFY(!plan.canPatchIndex());
    QVERIFY2(plan.indexProblem.find("'alpha' is taken by the entry of '@a'") != std::string::npos,
             plan.indexProblem.c_str());
    QVERIFY(plan.diff.isEmpty());
}

void ExportPlanTest::prepare_unreadableIndex_saysWhy()
{
    TemporaryRepository repository;
    ExportRequest request = requestFor(repository, betaEntry());
    const ExportPlan missing = ExportPlan::prepare(request);
    QVERIFY(!missing.canPatchIndex());
    QVERIFY2(missing.indexProblem.find("no such file") != std::string::npos,
             missing.indexProblem.c_str());

    repository.writeIndex("[ {\"id\": ");
    const ExportPlan broken = ExportPlan::prepare(request);
    QVERIFY2(broken.indexProblem.find("does not parse (line 1") != std::string::npos,
             broken.indexProblem.c_str());
}

void ExportPlanTest::prepare_collectsErrorsWithCodeAndLine()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    Json entry = betaEntry();
    entry.erase("description");
    entry["capabilities"] = Json::array({"external_integration", "chat"});
    const ExportRequest request = requestFor(repository, entry);
    QVERIFY(request.report.hasErrors());

    const ExportPlan plan = ExportPlan::prepare(request);
    QVERIFY(plan.hasErrors());
    QCOMPARE(plan.errors.size(), request.report.count(Severity::Error));
    for (std::size_t i = 0; i < plan.errors.size(); ++i) {
        QVERIFY(plan.errors[i].code.starts_with("PS"));
        QVERIFY(!plan.errors[i].message.empty());
    }
    const auto missingDescription =
        std::find_if(plan.errors.begin(), plan.errors.end(), [](const ExportBlocker &b) {
            return b.message.find("description") != std::string::npos;
        });
    QVERIFY(missingDescription != plan.errors.end());
    QCOMPARE(missingDescription->line, 1); // a missing key is reported on the entry's brace
    // Errors hold the export back but the patch is still worked out, for when the user insists.
    QVERIFY(plan.canPatchIndex());
}

void ExportPlanTest::prepare_listsTheFilesOfThePullRequest()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    repository.write(QStringLiteral("plugins/logos/beta.png"), studio::test::pngBytes(512, 512));
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));

    QCOMPARE(plan.files.size(), std::size_t(3));
    QCOMPARE(plan.files[0].role, SubmissionFile::Role::Index);
    QCOMPARE(plan.files[0].repositoryPath, std::string("/community-plugins.json"));
    QCOMPARE(plan.files[0].exists, std::optional<bool>(true));
    QCOMPARE(plan.files[1].role, SubmissionFile::Role::Logo);
    QCOMPARE(plan.files[1].repositoryPath, std::string("/plugins/logos/beta.png"));
    QCOMPARE(plan.files[1].exists, std::optional<bool>(true));
    QCOMPARE(plan.files[2].role, SubmissionFile::Role::Instructions);
    QCOMPARE(plan.files[2].repositoryPath, std::string("/plugins/instructions/beta/README.md"));
    QCOMPARE(plan.files[2].exists, std::optional<bool>(false));

    Json chatOnly = Json::parse(kIndex)[0];
    chatOnly["image"] = "plugins/logos/alpha.png";
    const ExportPlan withoutInstructions = ExportPlan::prepare(requestFor(repository, chatOnly));
    QCOMPARE(withoutInstructions.files.size(), std::size_t(2));
    QVERIFY(!withoutInstructions.files[1].problem.empty());
    QVERIFY(!withoutInstructions.files[1].exists.has_value());
}

void ExportPlanTest::prepare_listsTheAssetsOfTheInstructions()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    repository.write(QStringLiteral("plugins/instructions/beta/README.md"),
                     "# Setup\n\n![Step one](assets/step-1.png)\n\nSee [the form](assets/form.pdf) "
                     "and ![again](assets/step-1.png).\n");
    repository.write(QStringLiteral("plugins/instructions/beta/assets/step-1.png"),
                     studio::test::pngBytes(64, 64));
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));

    QCOMPARE(plan.files.size(), std::size_t(5));
    QCOMPARE(plan.files[2].exists, std::optional<bool>(true));
    QCOMPARE(plan.files[3].role, SubmissionFile::Role::InstructionsAsset);
    QCOMPARE(plan.files[3].repositoryPath,
             std::string("/plugins/instructions/beta/assets/step-1.png"));
    QCOMPARE(plan.files[3].exists, std::optional<bool>(true));
    QCOMPARE(plan.files[4].repositoryPath,
             std::string("/plugins/instructions/beta/assets/form.pdf"));
    QCOMPARE(plan.files[4].exists, std::optional<bool>(false));
}

void ExportPlanTest::prepare_withoutRepository_leavesExistenceUnknown()
{
    ExportRequest request;
    request.entry = betaEntry();
    const ExportPlan plan = ExportPlan::prepare(request);
    QVERIFY(!plan.indexPath.has_value());
    QVERIFY(!plan.canPatchIndex());
    QVERIFY(plan.indexProblem.empty());
    QCOMPARE(plan.files.size(), std::size_t(3));
    for (const SubmissionFile &file : plan.files)
        QVERIFY(!file.exists.has_value());
}

void ExportPlanTest::replaceIfUnchanged_writesThePatchedIndex()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));
    const IndexWriteResult result = IndexWriter::replaceIfUnchanged(
        repository.indexPath(), plan.indexOriginal, plan.indexPatched);
    QCOMPARE(result.status, IndexWriteResult::Status::Written);
    QCOMPARE(studio::test::readFile(repository.indexPath()).toStdString(), plan.indexPatched);
}

void ExportPlanTest::replaceIfUnchanged_fileEditedMeanwhile_writesNothing()
{
    TemporaryRepository repository;
    repository.writeIndex(kIndex);
    const ExportPlan plan = ExportPlan::prepare(requestFor(repository, betaEntry()));
    const std::string edited = kIndex + " ";
    repository.writeIndex(edited);
    const IndexWriteResult result = IndexWriter::replaceIfUnchanged(
        repository.indexPath(), plan.indexOriginal, plan.indexPatched);
    QCOMPARE(result.status, IndexWriteResult::Status::ChangedOnDisk);
    QCOMPARE(studio::test::readFile(repository.indexPath()).toStdString(), edited);

    const IndexWriteResult gone = IndexWriter::replaceIfUnchanged(
        repository.path(QStringLiteral("nowhere/community-plugins.json")), plan.indexOriginal,
        plan.indexPatched);
    QCOMPARE(gone.status, IndexWriteResult::Status::Failed);
    QVERIFY(gone.error.find("no such file") != std::string::npos);
}

QTEST_APPLESS_MAIN(ExportPlanTest)
#include "tst_exportplan.moc"
