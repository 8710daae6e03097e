#include "diagnostics/IndexFindings.h"

#include <QTest>

using namespace studio;

namespace {

Diagnostic finding(RuleId rule, std::string pointer, std::optional<std::size_t> entry,
                   std::string message = "m", std::string file = {})
{
    Diagnostic diagnostic;
    diagnostic.rule = rule;
    diagnostic.pointer = std::move(pointer);
    diagnostic.entryIndex = entry;
    diagnostic.message = std::move(message);
    diagnostic.file = std::move(file);
    return diagnostic;
}

} // namespace

class IndexFindingsTest : public QObject
{
    Q_OBJECT

private slots:
    void countsByEntry_countsEachSeverityOfEachEntry()
    {
        ValidationReport report;
        report.entryCount = 3;
        report.diagnostics = {finding(RuleId::MissingField, "/0/name", 0),   // error
                              finding(RuleId::UnknownKey, "/0/x", 0),        // warning
                              finding(RuleId::MissingImage, "/2/image", 2),  // error
                              finding(RuleId::MissingField, "/2/author", 2), // error
                              finding(RuleId::FileChecksSkipped, "", std::nullopt)};
        const auto counts = IndexFindings::countsByEntry(report);
        QCOMPARE(counts.size(), std::size_t(3));
        QCOMPARE(counts[0].errors, std::size_t(1));
        QCOMPARE(counts[0].warnings, std::size_t(1));
        QCOMPARE(counts[1].total(), std::size_t(0));
        QCOMPARE(counts[2].errors, std::size_t(2));
        QCOMPARE(IndexFindings::entriesWithErrors(counts), std::size_t(2));
    }

    void pointerInEntry_dropsTheEntrysPosition()
    {
        QCOMPARE(IndexFindings::pointerInEntry(finding(RuleId::MissingImage, "/12/image", 12)),
                 std::string("/image"));
        QCOMPARE(IndexFindings::pointerInEntry(
                     finding(RuleId::UnknownKey, "/3/external_integration/a~1b", 3)),
                 std::string("/external_integration/a~1b"));
        QCOMPARE(IndexFindings::pointerInEntry(finding(RuleId::MissingField, "/4", 4)),
                 std::string());
        QCOMPARE(IndexFindings::pointerInEntry(finding(RuleId::SyntaxError, "", std::nullopt)),
                 std::string());
    }

    void sameInEntry_matchesRuleAndPlace_notTheWording()
    {
        ValidationReport entry;
        entry.diagnostics = {finding(RuleId::MissingImage, "/image", std::nullopt),
                             finding(RuleId::DuplicateId, "/id", std::nullopt, "worded for one")};
        const Diagnostic inIndex =
            finding(RuleId::DuplicateId, "/7/id", 7, "already used by entry #2");
        const Diagnostic *same = IndexFindings::sameInEntry(entry, inIndex);
        QVERIFY(same);
        QCOMPARE(same->message, std::string("worded for one"));
        QCOMPARE(IndexFindings::sameInEntry(entry, finding(RuleId::MissingImage, "/7/image", 7)),
                 &entry.diagnostics[0]);
    }

    void sameInEntry_goneOrElsewhere_isNull()
    {
        ValidationReport entry;
        entry.diagnostics = {finding(RuleId::MissingImage, "/image", std::nullopt)};
        QVERIFY(!IndexFindings::sameInEntry(entry, finding(RuleId::MissingField, "/1/image", 1)));
        QVERIFY(!IndexFindings::sameInEntry(entry, finding(RuleId::MissingImage, "/1/name", 1)));
        QVERIFY(!IndexFindings::sameInEntry(
            entry, finding(RuleId::MissingImage, "/1/image", 1, "m", "/r/README.md")));
    }

    void sameInEntry_inAnotherFile_prefersTheSameSpan()
    {
        Diagnostic first = finding(RuleId::InstructionsMissingImage,
                                   "/external_integration/setup_instructions_file_path",
                                   std::nullopt, "m", "/r/README.md");
        first.span = {10, 20};
        Diagnostic second = first;
        second.span = {40, 50};
        ValidationReport entry;
        entry.diagnostics = {first, second};
        Diagnostic inIndex = second;
        inIndex.entryIndex = 5;
        inIndex.pointer = "/5/external_integration/setup_instructions_file_path";
        QCOMPARE(IndexFindings::sameInEntry(entry, inIndex), &entry.diagnostics[1]);
    }
};

QTEST_APPLESS_MAIN(IndexFindingsTest)
#include "tst_indexfindings.moc"
