#include "edit/IndexEntries.h"
#include "edit/IndexSplicer.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(std::string)

namespace {

// Hand formatting the real file has: an inline array, odd spacing. Both must survive.
const std::string kIndex = R"([
  {
    "id": "alpha",
    "name": "Alpha",
    "author": "@a",
    "capabilities": ["chat"],
    "chat_prompt": "Hi"
  },
  {
    "id": "beta",
    "name":   "Beta",
    "author": "@b",
    "image": "/plugins/logos/beta.png"
  }
]
)";

const std::string kBetaDedented = R"({
  "id": "beta",
  "name":   "Beta",
  "author": "@b",
  "image": "/plugins/logos/beta.png"
})";

} // namespace

class IndexEntriesTest : public QObject
{
    Q_OBJECT

private slots:
    void list_givesEachEntryWithItsFieldsAndDedentedText()
    {
        const IndexListing listing = IndexEntries::list(kIndex);
        QVERIFY2(listing.ok(), listing.error.c_str());
        QCOMPARE(listing.entries.size(), std::size_t(2));
        const IndexEntry &beta = listing.entries[1];
        QCOMPARE(beta.position, std::size_t(1));
        QCOMPARE(beta.id, std::string("beta"));
        QCOMPARE(beta.name, std::string("Beta"));
        QCOMPARE(beta.author, std::string("@b"));
        QCOMPARE(beta.image, std::string("/plugins/logos/beta.png"));
        QCOMPARE(beta.indent, std::string("  "));
        QCOMPARE(beta.text, kBetaDedented);
        QCOMPARE(kIndex.substr(beta.span.begin, beta.span.length()),
                 IndexEntries::reindent(beta.text, beta.indent));
    }

    void list_saysWhyABrokenIndexCannotBeListed_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("errorPart");
        QTest::newRow("syntax") << std::string("[\n  {\"id\": \"a\",}\n]") << std::string("line 2");
        QTest::newRow("not an array") << std::string("{}") << std::string("not a JSON array");
    }

    void list_saysWhyABrokenIndexCannotBeListed()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, errorPart);
        const IndexListing listing = IndexEntries::list(text);
        QVERIFY(!listing.ok());
        QVERIFY2(listing.error.find(errorPart) != std::string::npos, listing.error.c_str());
    }

    void dedent_onlyTakesTheIndentThatIsThere()
    {
        QCOMPARE(IndexEntries::dedent("{\n    \"a\": 1,\n \"b\": 2\n  }", "  "),
                 std::string("{\n  \"a\": 1,\n\"b\": 2\n}"));
    }

    void write_changesOnlyTheEntryBytesAndKeepsTheUserText()
    {
        std::string edited = kBetaDedented;
        edited.replace(edited.find("\"Beta\""), 6, "\"Beta 2\"");
        const IndexSplice write =
            IndexSplicer::splice(kIndex, edited, {.replaces = std::string("beta")});
        QVERIFY2(write.ok(), write.error.c_str());
        QCOMPARE(write.entryIndex, std::size_t(1));
        std::string expected = kIndex;
        expected.replace(expected.find("\"Beta\""), 6, "\"Beta 2\"");
        QCOMPARE(write.text, expected);
        const auto entryBegin = kIndex.find("{\n    \"id\": \"beta\"");
        QCOMPARE(write.changed.begin, entryBegin);
        QCOMPARE(write.text.substr(0, entryBegin), kIndex.substr(0, entryBegin));
        QCOMPARE(write.text.substr(write.changed.end), kIndex.substr(kIndex.find("\n]\n")));
    }

    void write_findsTheEntryByItsOriginalIdAfterARename()
    {
        std::string edited = kBetaDedented;
        edited.replace(edited.find("\"beta\""), 6, "\"gamma\"");
        const IndexSplice write =
            IndexSplicer::splice(kIndex, edited, {.replaces = std::string("beta")});
        QVERIFY2(write.ok(), write.error.c_str());
        QVERIFY(write.text.find("\"gamma\"") != std::string::npos);
        QVERIFY(write.text.find("\"beta\"") == std::string::npos);
    }

    void write_appendsANewEntryAtTheIndexIndentation()
    {
        const std::string entry = "{\n  \"id\": \"gamma\"\n}";
        const IndexSplice write = IndexSplicer::splice(kIndex, entry, {.replaces = std::nullopt});
        QVERIFY2(write.ok(), write.error.c_str());
        QCOMPARE(write.entryIndex, std::size_t(2));
        const auto end = kIndex.rfind('}') + 1;
        QCOMPARE(write.text,
                 kIndex.substr(0, end) + ",\n  {\n    \"id\": \"gamma\"\n  }" + kIndex.substr(end));
    }

    void write_appendsToAnEmptyIndex()
    {
        const IndexSplice write =
            IndexSplicer::splice("[]\n", "{\n  \"id\": \"a\"\n}", {.replaces = std::nullopt});
        QVERIFY2(write.ok(), write.error.c_str());
        QCOMPARE(write.text, std::string("[\n  {\n    \"id\": \"a\"\n  }\n]\n"));
    }

    void write_refusesWhatWouldBreakTheIndex_data()
    {
        QTest::addColumn<std::string>("index");
        QTest::addColumn<std::string>("entry");
        QTest::addColumn<bool>("isNew");
        QTest::addColumn<std::string>("errorPart");

        QTest::newRow("entry does not parse") << kIndex << std::string("{\"id\": \"beta\",}")
                                              << false << std::string("does not parse");
        QTest::newRow("entry is not an object")
            << kIndex << std::string("[]") << false << std::string("not a JSON object");
        QTest::newRow("id of another entry")
            << kIndex << std::string("{\"id\": \"alpha\"}") << false
            << std::string("already used by the entry at line 2");
        QTest::newRow("new entry with a taken id")
            << kIndex << std::string("{\"id\": \"beta\"}") << true << std::string("already used");
        QTest::newRow("entry gone from the index")
            << std::string("[]") << std::string("{\"id\": \"beta\"}") << false
            << std::string("no longer in the index");
        QTest::newRow("index broken on disk")
            << std::string("[") << std::string("{\"id\": \"beta\"}") << false
            << std::string("fix community-plugins.json first");
    }

    void write_refusesWhatWouldBreakTheIndex()
    {
        QFETCH(std::string, index);
        QFETCH(std::string, entry);
        QFETCH(bool, isNew);
        QFETCH(std::string, errorPart);

        const IndexSplice write = IndexSplicer::splice(
            index, entry, {.replaces = isNew ? std::nullopt : std::optional<std::string>("beta")});
        QVERIFY(!write.ok());
        QVERIFY(write.text.empty());
        QVERIFY2(write.error.find(errorPart) != std::string::npos, write.error.c_str());
    }
};

QTEST_GUILESS_MAIN(IndexEntriesTest)
#include "tst_indexentries.moc"
