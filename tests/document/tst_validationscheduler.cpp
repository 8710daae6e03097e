#include "TestFiles.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

const std::string kManifest =
    "{\n  \"id\": \"notes\",\n  \"name\": \"Notes\",\n  \"author\": \"@a\",\n"
    "  \"description\": \"d\",\n  \"image\": \"/plugins/logos/notes.png\",\n"
    "  \"capabilities\": [\"chat\"],\n  \"chat_prompt\": \"Hi\",\n  \"deleted\": false\n}\n";

bool hasRule(const ValidationReport &report, RuleId rule)
{
    return std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                       [rule](const Diagnostic &diagnostic) { return diagnostic.rule == rule; });
}

} // namespace

class ValidationSchedulerTest : public QObject
{
    Q_OBJECT

private slots:
    void edits_areValidatedOnceTheTypingPauses()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        for (const char *name : {"", "N", "Na"})
            document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", name)},
                          QStringLiteral("/name"));
        QVERIFY(reports.wait(5000));
        // Three edits in a row, one validation, of the final text.
        QCOMPARE(reports.count(), 1);
        QCOMPARE(scheduler.latestRevision(), document.revision());
        QVERIFY(!hasRule(scheduler.latestReport(), RuleId::EmptyText));
    }

    void report_spansMatchTheCurrentText()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "")});
        QVERIFY(reports.wait(5000));
        const auto &diagnostics = scheduler.latestReport().diagnostics;
        const auto empty =
            std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic &d) { return d.rule == RuleId::EmptyText; });
        QVERIFY(empty != diagnostics.end());
        QCOMPARE(document.text().substr(empty->span.begin, empty->span.length()),
                 std::string("\"\""));
    }

    void staleResults_areDropped()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        scheduler.setDelay(0);
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        scheduler.validateNow();
        // The text changes while the first run is under way: its result must not be shown.
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "")});
        QTRY_VERIFY_WITH_TIMEOUT(
            !reports.isEmpty() && scheduler.latestRevision() == document.revision(), 5000);
        // Every report shown describes the edited text (the name is empty), none the old one.
        for (const auto &arguments : reports)
            QVERIFY(hasRule(arguments.at(0).value<ValidationReport>(), RuleId::EmptyText));
    }

    void whenCurrent_afterAnEdit_waitsForTheEditsReport_withoutThePause()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        scheduler.setDelay(60 * 1000); // the typing pause never ends in this test
        scheduler.validateNow();
        QTRY_VERIFY_WITH_TIMEOUT(scheduler.isCurrent(), 5000);
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "")});
        QVERIFY(!scheduler.isCurrent());

        std::vector<ValidationReport> delivered;
        QObject context;
        scheduler.whenCurrent(&context,
                              [&delivered](const ValidationReport &r) { delivered.push_back(r); });
        QVERIFY(delivered.empty());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), std::size_t(1), 5000);
        QVERIFY(hasRule(delivered.front(), RuleId::EmptyText));
        QCOMPARE(scheduler.latestRevision(), document.revision());
    }

    void whenCurrent_withACurrentReport_answersAtOnce()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        scheduler.validateNow();
        QTRY_VERIFY_WITH_TIMEOUT(scheduler.isCurrent(), 5000);
        const int runs = scheduler.runCount();
        int calls = 0;
        QObject context;
        scheduler.whenCurrent(&context, [&calls](const ValidationReport &) { ++calls; });
        QCOMPARE(calls, 1);
        QCOMPARE(scheduler.runCount(), runs);
    }

    void whenCurrent_editsWhileWaiting_deliverOnlyTheLatestText()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        scheduler.setDelay(0);
        std::vector<ValidationReport> delivered;
        QObject context;
        scheduler.whenCurrent(&context,
                              [&delivered](const ValidationReport &r) { delivered.push_back(r); });
        // Typed while the first run is under way: the old text's report is not delivered.
        document.edit(QStringLiteral("Edit name"), {JsonEdit::set("/name", "")});
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), std::size_t(1), 5000);
        QVERIFY(hasRule(delivered.front(), RuleId::EmptyText));
    }

    void whenCurrent_contextGone_callsNothing()
    {
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        int calls = 0;
        {
            QObject context;
            scheduler.whenCurrent(&context, [&calls](const ValidationReport &) { ++calls; });
        }
        QVERIFY(reports.wait(5000));
        QCOMPARE(calls, 0);
    }

    void repositoryOptions_turnOnTheFileChecks()
    {
        test::TemporaryRepository repository;
        repository.writeIndex("[]");
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        options.siblings.push_back({"notes", "@someone"});
        scheduler.setOptions(options);
        scheduler.validateNow();
        QVERIFY(reports.wait(5000));
        QVERIFY(hasRule(scheduler.latestReport(), RuleId::MissingImage));
        QVERIFY(hasRule(scheduler.latestReport(), RuleId::DuplicateId));
    }

    void report_namesTheFilesItLookedAt_andSaysWhenTheyChange()
    {
        test::TemporaryRepository repository;
        ManifestDocument document;
        document.load(kManifest);
        ValidationScheduler scheduler(&document);
        QSignalSpy files(&scheduler, &ValidationScheduler::referencedFilesChanged);
        ValidationOptions options;
        options.repositoryRoot = repository.root();
        scheduler.setOptions(options);
        scheduler.validateNow();
        QVERIFY(files.wait(5000));
        QCOMPARE(scheduler.referencedFiles(),
                 QStringList{repository.path(QStringLiteral("plugins/logos/notes.png"))});
        QSignalSpy reports(&scheduler, &ValidationScheduler::reportReady);
        scheduler.validateNow(); // the same files: nothing to say
        QVERIFY(reports.wait(5000));
        QCOMPARE(files.count(), 1);
        document.edit(QStringLiteral("Edit"), {JsonEdit::set("/image", "/plugins/logos/n.png")});
        QVERIFY(files.wait(5000));
        QCOMPARE(scheduler.referencedFiles(),
                 QStringList{repository.path(QStringLiteral("plugins/logos/n.png"))});
    }
};

QTEST_MAIN(ValidationSchedulerTest)
#include "tst_validationscheduler.moc"
