#include "export/UnifiedDiff.h"
#include "export/WordDiff.h"

#include <QTest>

#include <string>
#include <vector>

using namespace studio;

namespace {

std::vector<std::string> texts(std::string_view line, const std::vector<ByteRange> &ranges)
{
    std::vector<std::string> out;
    for (const ByteRange &range : ranges)
        out.emplace_back(line.substr(range.begin, range.end - range.begin));
    return out;
}

using Texts = std::vector<std::string>;

} // namespace

class WordDiffTest : public QObject
{
    Q_OBJECT

private slots:
    void tokens_cutWordsSpacesAndPunctuation()
    {
        const auto tokens = WordDiff::tokens(R"(  "id": "meeting-notes_2",)");
        const std::vector<std::string_view> expected = {
            "  ", "\"", "id", "\"", ":", " ", "\"", "meeting", "-", "notes_2", "\"", ","};
        QVERIFY(tokens == expected);
    }

    void tokens_keepAUtf8CharacterInsideItsWord()
    {
        const auto tokens = WordDiff::tokens("caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9");
        QCOMPARE(tokens.size(), std::size_t(3));
        QCOMPARE(tokens[0], std::string_view("caf\xc3\xa9"));
        QCOMPARE(tokens[2], std::string_view("r\xc3\xa9sum\xc3\xa9"));
    }

    void between_marksOnlyTheChangedWords()
    {
        const std::string oldLine = R"(    "description": "Files every meeting in your notes.",)";
        const std::string newLine =
            R"(    "description": "Files every call in your workspace notes.",)";
        const ChangedWords words = WordDiff::between(oldLine, newLine);
        QCOMPARE(texts(oldLine, words.removed), Texts({"meeting"}));
        QCOMPARE(texts(newLine, words.added), Texts({"call", "workspace"}));
    }

    void between_joinsChangedWordsSeparatedOnlyBySpaces()
    {
        const std::string oldLine = "a quick brown fox jumps";
        const std::string newLine = "a slow red fox jumps";
        const ChangedWords words = WordDiff::between(oldLine, newLine);
        QCOMPARE(texts(oldLine, words.removed), Texts({"quick brown"}));
        QCOMPARE(texts(newLine, words.added), Texts({"slow red"}));
    }

    void between_aRewrittenLine_marksNothing()
    {
        const ChangedWords words =
            WordDiff::between(R"("memory_prompt": "Summarise it",)", R"(}, {)");
        QVERIFY(words.isEmpty());
    }

    void between_veryLongLines_areNotDiffedWordByWord()
    {
        std::string oldLine;
        for (int i = 0; i < 2000; ++i)
            oldLine += "word" + std::to_string(i) + ' ';
        std::string newLine = oldLine;
        newLine.replace(0, 5, "other");
        QVERIFY(oldLine.size() > WordDiff::kMaxLineBytes);
        QVERIFY(WordDiff::between(oldLine, newLine).isEmpty());
    }

    void between_equalLines_marksNothing() { QVERIFY(WordDiff::between("same", "same").isEmpty()); }

    void between_aWordAdded_marksOnlyTheNewLine()
    {
        const std::string oldLine = R"("capabilities": ["chat"],)";
        const std::string newLine = R"("capabilities": ["chat", "memories"],)";
        const ChangedWords words = WordDiff::between(oldLine, newLine);
        QVERIFY(words.removed.empty());
        // One run, whichever quote the diff pairs with the old one.
        const Texts added = texts(newLine, words.added);
        QCOMPARE(added.size(), std::size_t(1));
        QVERIFY(added[0].find("memories") != std::string::npos);
        QVERIFY(added[0].find("chat") == std::string::npos);
    }

    void marks_pairTheRemovedAndAddedLinesOfAChange()
    {
        const std::string oldText =
            "[\n  {\n    \"name\": \"Alpha\",\n    \"author\": \"@a\"\n  }\n]\n";
        const std::string newText =
            "[\n  {\n    \"name\": \"Alpha Pro\",\n    \"author\": \"@a\"\n  }\n]\n";
        const UnifiedDiff diff = UnifiedDiff::between(oldText, newText);
        const auto marks = WordDiff::marks(diff.text);

        const auto lines = [&] {
            std::vector<std::string_view> all;
            std::string_view rest = diff.text;
            while (!rest.empty()) {
                const auto end = rest.find('\n');
                all.push_back(rest.substr(0, end));
                rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
            }
            return all;
        }();
        // "Alpha" lost nothing but gained a word: only the added line is marked.
        QCOMPARE(marks.size(), std::size_t(1));
        QCOMPARE(lines[marks[0].line], std::string_view("+    \"name\": \"Alpha Pro\","));
        QCOMPARE(texts(lines[marks[0].line], marks[0].ranges), Texts({"Pro"}));
    }

    void marks_ignoreFileHeadersAndPureAdditions()
    {
        const std::string diff = "--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n a\n+b\n c\n";
        QVERIFY(WordDiff::marks(diff).empty());
    }

    void marks_areInTheDiffLinesBytes_prefixIncluded()
    {
        const std::string diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-\"id\": \"alpha\"\n"
                                 "+\"id\": \"gamma\"\n";
        const auto marks = WordDiff::marks(diff);
        QCOMPARE(marks.size(), std::size_t(2));
        QCOMPARE(marks[0].line, std::size_t(3));
        QCOMPARE(marks[1].line, std::size_t(4));
        QCOMPARE(marks[0].ranges, std::vector<ByteRange>({{8, 13}}));
        QCOMPARE(marks[1].ranges, std::vector<ByteRange>({{8, 13}}));
    }

    void marks_unevenChange_pairsInOrder()
    {
        const std::string diff = "@@ -1,2 +1,1 @@\n-one two\n-three four\n+one 2\n";
        const auto marks = WordDiff::marks(diff);
        QCOMPARE(marks.size(), std::size_t(2));
        QCOMPARE(marks[0].line, std::size_t(1)); // "-one two" pairs with "+one 2"
        QCOMPARE(marks[1].line, std::size_t(3));
    }
};

QTEST_APPLESS_MAIN(WordDiffTest)
#include "tst_worddiff.moc"
