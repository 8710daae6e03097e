#include "TestFiles.h"
#include "UiTestSupport.h"
#include "diagnostics/IndexFindings.h"
#include "document/DocumentSession.h"
#include "document/IndexReportAsTyped.h"
#include "document/IndexValidation.h"
#include "document/ManifestDocument.h"
#include "document/ValidationScheduler.h"
#include "edit/IndexEntries.h"
#include "edit/IndexSplicer.h"
#include "json/LineIndex.h"
#include "validation/DocumentValidator.h"

#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

std::string entry(const std::string &id, const std::string &image)
{
    return "  {\n    \"id\": \"" + id + "\",\n    \"name\": \"" + id +
           "\",\n    \"author\": \"@a\",\n    \"description\": \"Does " + id +
           ".\",\n    \"image\": \"/plugins/logos/" + image +
           ".png\",\n    \"capabilities\": [\n      \"chat\"\n    ],\n"
           "    \"chat_prompt\": \"Be " + id + ".\",\n    \"deleted\": false\n  }";
}

// Three entries; the second's logo is missing on disk.
const std::string kIndex = "[\n" + entry("alpha", "alpha") + ",\n" + entry("beta", "nothing") +
                           ",\n" + entry("gamma", "gamma") + "\n]\n";

std::vector<Diagnostic> findingsOf(const ValidationReport &report, std::size_t position)
{
    std::vector<Diagnostic> found;
    for (const Diagnostic &diagnostic : report.diagnostics) {
        if (diagnostic.entryIndex == position)
            found.push_back(diagnostic);
    }
    return found;
}

bool has(const ValidationReport &report, RuleId rule, const std::string &pointer)
{
    return std::any_of(report.diagnostics.begin(), report.diagnostics.end(),
                       [&](const Diagnostic &d) { return d.rule == rule && d.pointer == pointer; });
}

} // namespace

class IndexReportAsTypedTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        m_repository = std::make_unique<test::TemporaryRepository>();
        m_repository->writeIndex(kIndex);
        for (const char *logo : {"alpha", "gamma"})
            m_repository->write(QStringLiteral("plugins/logos/%1.png").arg(QLatin1String(logo)),
                                test::pngBytes(512, 512));
    }

    // The entry's findings land where validating the index, once the entry is saved into
    // it, finds them: same places, spans and positions, whatever the edit did to its size.
    void withEntry_placesTheEntrysFindings_whereTheSavedIndexHasThem()
    {
        const IndexListing listing = IndexEntries::list(kIndex);
        QVERIFY(listing.ok());
        const IndexEntry &beta = listing.entries.at(1);
        std::string edited = beta.text;
        edited.replace(edited.find("\"Does beta.\""), 12,
                       "\"Does beta, at length: a description\\nover lines.\"");
        edited.replace(edited.find("\"name\": \"beta\""), 14, "\"name\": \"\"");
        edited.replace(edited.find("\"chat\""), 6, "\"chta\",\n    \"memories\"");
        edited.insert(edited.rfind('}'), "  ,\"colour\": 1\n");
        const IndexSplice saved = IndexSplicer::splice(kIndex, edited, {.replaces = "beta"});
        QVERIFY2(saved.ok(), saved.error.c_str());

        ValidationOptions options = inRepository();
        const ValidationReport expected = DocumentValidator::validate(saved.text, options);
        options.siblings = {{"alpha", "@a"}, {"gamma", "@a"}};
        const ValidationReport entryReport = DocumentValidator::validate(edited, options);
        EntryPlacement placement;
        placement.position = 1;
        placement.begin = beta.span.begin;
        placement.start = LineIndex(kIndex).position(beta.span.begin);
        placement.indent = beta.indent.size();
        const ValidationReport merged = IndexFindings::withEntry(
            DocumentValidator::validate(kIndex, inRepository()),
            entryReport, edited, placement);

        const auto want = findingsOf(expected, 1);
        const auto got = findingsOf(merged, 1);
        QVERIFY(want.size() >= 4); // the empty name, the typo, the unknown key, the logo
        QCOMPARE(got.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            QCOMPARE(got[i].code(), want[i].code());
            QCOMPARE(got[i].pointer, want[i].pointer);
            QCOMPARE(got[i].span, want[i].span);
            QCOMPARE(got[i].start, want[i].start);
            QCOMPARE(got[i].end, want[i].end);
            QCOMPARE(got[i].entryId, want[i].entryId);
        }
        QCOMPARE(merged.entryCount, std::size_t(3));
        // Still in document order: entry by entry.
        std::size_t last = 0;
        for (const Diagnostic &diagnostic : merged.diagnostics) {
            QVERIFY(diagnostic.entryIndex.value_or(0) >= last);
            last = diagnostic.entryIndex.value_or(0);
        }
    }

    void withEntry_aNewEntry_isCountedAfterTheOthers()
    {
        const std::string text = "{\n  \"id\": \"delta\"\n}";
        const ValidationReport merged = IndexFindings::withEntry(
            DocumentValidator::validate(kIndex, inRepository()),
            DocumentValidator::validate(text, inRepository()), text,
            {.position = 3, .begin = kIndex.rfind('}') + 1, .start = {30, 4}, .indent = 2});
        QCOMPARE(merged.entryCount, std::size_t(4));
        QVERIFY(has(merged, RuleId::MissingField, "/3/name"));
        const auto counts = IndexFindings::countsByEntry(merged);
        QCOMPARE(counts.size(), std::size_t(4));
        QVERIFY(counts[3].errors > 0);
        for (const Diagnostic &diagnostic : findingsOf(merged, 3))
            QVERIFY(diagnostic.start.line >= 30);
    }

    void fixingTheOpenEntry_takesItsProblemOut_beforeSave()
    {
        DocumentSession session;
        IndexReportAsTyped asTyped(session);
        QSignalSpy changed(&asTyped, &IndexReportAsTyped::reportChanged);
        QVERIFY(session.openRepository(m_repository->root(), QStringLiteral("beta")).isEmpty());
        QTRY_VERIFY(asTyped.hasOpenEntry() && !session.indexValidation()->isRunning());
        QVERIFY(has(asTyped.report(), RuleId::MissingImage, "/1/image"));

        session.document()->edit(QStringLiteral("Edit"),
                                 {JsonEdit::set("/image", "/plugins/logos/gamma.png")});
        QTRY_VERIFY(!has(asTyped.report(), RuleId::MissingImage, "/1/image"));
        QVERIFY(!has(session.indexValidation()->report(), RuleId::MissingImage, "/0/image"));
        QVERIFY(has(session.indexValidation()->report(), RuleId::MissingImage, "/1/image"));
        QCOMPARE(asTyped.report().entryCount, std::size_t(3));
        QCOMPARE(test::readFile(m_repository->indexPath()).toStdString(), kIndex);

        // A typo typed in: there before Save too.
        session.document()->edit(QStringLiteral("Edit"),
                                 {JsonEdit::set("/capabilities/0", "chta")});
        QTRY_VERIFY(has(asTyped.report(), RuleId::UnknownCapability, "/1/capabilities/0"));
    }

    void anotherEntryOpened_showsTheIndexsFindingsOfIt_untilItsOwnReport()
    {
        DocumentSession session;
        QVERIFY(session.openRepository(m_repository->root(), QStringLiteral("beta")).isEmpty());
        QTRY_VERIFY(!session.indexValidation()->isRunning() && session.validation()->isCurrent());
        session.document()->edit(QStringLiteral("Edit"),
                                 {JsonEdit::set("/image", "/plugins/logos/gamma.png")});
        QTRY_VERIFY(session.validation()->isCurrent());
        IndexReportAsTyped asTyped(session);
        QVERIFY(!has(asTyped.report(), RuleId::MissingImage, "/1/image"));

        QVERIFY(session.openEntry(0).isEmpty()); // the edits of beta are dropped
        QVERIFY(!asTyped.hasOpenEntry());
        QVERIFY(has(asTyped.report(), RuleId::MissingImage, "/1/image"));
        QTRY_VERIFY(asTyped.hasOpenEntry());
        QVERIFY(has(asTyped.report(), RuleId::MissingImage, "/1/image"));
    }

private:
    ValidationOptions inRepository() const
    {
        ValidationOptions options;
        options.repositoryRoot = m_repository->root();
        return options;
    }

    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<test::TemporaryRepository> m_repository;
};

QTEST_MAIN(IndexReportAsTypedTest)
#include "tst_indexreportastyped.moc"
