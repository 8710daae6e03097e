#include "IndexFixtures.h"
#include "edit/IndexSplicer.h"

#include <QTest>

using namespace studio;

namespace {

// A hand-formatted index: its quirks (inline array, spacing) must survive untouched.
const std::string kIndex = R"([
  {
    "id": "alpha",
    "name": "Alpha",
    "author": "@a",
    "description": "First.",
    "image": "/plugins/logos/alpha.png",
    "capabilities": ["chat"],
    "chat_prompt": "Hi",
    "deleted": false
  },
  {
    "id": "beta",
    "name":   "Beta",
    "author": "@b",
    "description": "Second.",
    "image": "/plugins/logos/beta.png",
    "capabilities": [
      "memories"
    ],
    "memory_prompt": "Sum up.",
    "deleted": false
  }
]
)";

using test::gammaEntry;

const std::string kGammaIndented = R"({
    "id": "gamma",
    "name": "Gamma",
    "author": "@c",
    "description": "Third.",
    "image": "/plugins/logos/gamma.png",
    "capabilities": [
      "chat"
    ],
    "chat_prompt": "Yo",
    "deleted": false
  })";

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

} // namespace

class IndexSplicerUpsertTest : public QObject
{
    Q_OBJECT

private slots:
    void insert_appendsTheEntryAndKeepsEveryOtherByte()
    {
        const IndexSplice patch = IndexSplicer::upsert(kIndex, gammaEntry());
        QVERIFY2(patch.ok(), patch.error.c_str());
        QCOMPARE(patch.action, IndexSplice::Action::Inserted);
        QCOMPARE(patch.entryIndex, std::size_t(2));
        const auto lastBrace = kIndex.rfind('}') + 1;
        const std::string expected =
            kIndex.substr(0, lastBrace) + ",\n  " + kGammaIndented + kIndex.substr(lastBrace);
        QCOMPARE(patch.text, expected);
        QCOMPARE(patch.changed.begin, lastBrace);
        QCOMPARE(patch.changed.end, lastBrace + 4 + kGammaIndented.size());
    }

    void update_replacesOnlyThatEntry()
    {
        Json beta = Json::parse(
            R"({"id": "beta", "name": "Beta 2", "author": "@b", "description": "Second.",
            "image": "/plugins/logos/beta.png", "capabilities": ["memories"], "memory_prompt": "Sum up.", "deleted": false})");
        const IndexSplice patch = IndexSplicer::upsert(kIndex, beta);
        QVERIFY2(patch.ok(), patch.error.c_str());
        QCOMPARE(patch.action, IndexSplice::Action::Updated);
        QCOMPARE(patch.entryIndex, std::size_t(1));
        const auto betaStart = kIndex.find("{\n    \"id\": \"beta\"");
        const auto betaEnd = kIndex.rfind('}') + 1;
        const std::string newBeta = R"({
    "id": "beta",
    "name": "Beta 2",
    "author": "@b",
    "description": "Second.",
    "image": "/plugins/logos/beta.png",
    "capabilities": [
      "memories"
    ],
    "memory_prompt": "Sum up.",
    "deleted": false
  })";
        QCOMPARE(patch.text, kIndex.substr(0, betaStart) + newBeta + kIndex.substr(betaEnd));
    }

    void update_ofAnUnchangedEntry_inCanonicalForm_changesNothing()
    {
        const std::string canonical = "[\n  " + kGammaIndented + "\n]\n";
        const IndexSplice patch = IndexSplicer::upsert(canonical, gammaEntry());
        QVERIFY(patch.ok());
        QCOMPARE(patch.text, canonical);
    }

    void anotherAuthorsId_isRefused()
    {
        Json stolen = gammaEntry();
        stolen["id"] = "alpha";
        const IndexSplice patch = IndexSplicer::upsert(kIndex, stolen);
        QVERIFY(!patch.ok());
        QVERIFY(patch.text.empty());
        QVERIFY2(
            QString::fromStdString(patch.error).contains(u"taken by the entry of '@a' at line 2"),
            patch.error.c_str());
    }

    void brokenIndex_isRefusedWithItsPosition()
    {
        const std::string broken =
            replaceAll(kIndex, "\"deleted\": false\n  },", "\"deleted\": false,\n  },");
        const IndexSplice patch = IndexSplicer::upsert(broken, gammaEntry());
        QVERIFY(!patch.ok());
        QVERIFY2(QString::fromStdString(patch.error).contains(u"line 11, column 3: trailing comma"),
                 patch.error.c_str());
    }

    void indexThatIsNotAnArray_isRefused()
    {
        const IndexSplice patch = IndexSplicer::upsert(R"({"id": "x"})", gammaEntry());
        QVERIFY(!patch.ok());
        QVERIFY(QString::fromStdString(patch.error).contains(u"not a JSON array"));
    }

    void entryWithoutId_isRefused()
    {
        QVERIFY(!IndexSplicer::upsert(kIndex, Json::parse(R"({"name": "x"})")).ok());
        QVERIFY(!IndexSplicer::upsert(kIndex, Json::array()).ok());
    }

    void duplicateIdsAlreadyInTheIndex_areRefused()
    {
        const std::string twice = "[" + gammaEntry().dump() + "," + gammaEntry().dump() + "]";
        const IndexSplice patch = IndexSplicer::upsert(twice, gammaEntry());
        QVERIFY(!patch.ok());
        QVERIFY(QString::fromStdString(patch.error).contains(u"several entries"));
    }

    void emptyIndex_getsItsFirstEntry()
    {
        const IndexSplice patch = IndexSplicer::upsert("[]\n", gammaEntry());
        QVERIFY(patch.ok());
        QCOMPARE(patch.text, "[\n  " + kGammaIndented + "\n]\n");
    }

    void crlfIndex_staysCrlf()
    {
        const std::string crlf = replaceAll(kIndex, "\n", "\r\n");
        const IndexSplice patch = IndexSplicer::upsert(crlf, gammaEntry());
        QVERIFY(patch.ok());
        QCOMPARE(patch.text.find("\n"), patch.text.find("\r\n") + 1);
        QCOMPARE(replaceAll(patch.text, "\r\n", "\n"),
                 IndexSplicer::upsert(kIndex, gammaEntry()).text);
        QVERIFY(replaceAll(patch.text, "\r\n", "").find('\n') == std::string::npos);
    }

    void fourSpaceIndex_keepsItsIndentation()
    {
        const std::string wide =
            "[\n    {\n        \"id\": \"alpha\",\n        \"author\": \"@a\"\n    }\n]";
        const IndexSplice patch =
            IndexSplicer::upsert(wide, Json::parse(R"({"id": "b", "author": "@b"})"));
        QVERIFY(patch.ok());
        QCOMPARE(
            patch.text,
            std::string("[\n    {\n        \"id\": \"alpha\",\n        \"author\": \"@a\"\n    },\n"
                        "    {\n        \"id\": \"b\",\n        \"author\": \"@b\"\n    }\n]"));
    }
};

QTEST_GUILESS_MAIN(IndexSplicerUpsertTest)
#include "tst_indexsplicer.moc"
