#include "export/LineDiff.h"
#include "export/UnifiedDiff.h"

#include <QRandomGenerator>
#include <QTest>

#include <string>
#include <vector>

using namespace studio;

namespace {

std::string numberedLines(int from, int to)
{
    std::string text;
    for (int i = from; i <= to; ++i)
        text += "line " + std::to_string(i) + "\n";
    return text;
}

// Applies a unified diff to `oldText` the way patch(1) does, trusting the hunk headers, so
// a test can check that a diff really turns the old text into the new one.
std::string applyDiff(const std::string &oldText, const std::string &diff)
{
    const auto oldLines = LineDiff::splitLines(oldText);
    const auto diffLines = LineDiff::splitLines(diff);
    std::string result;
    std::size_t oldCursor = 0;
    for (std::size_t i = 2; i < diffLines.size(); ++i) {
        const std::string_view header = diffLines[i];
        if (!header.starts_with("@@ -"))
            return "<malformed: expected a hunk header>";
        std::size_t start = std::stoul(std::string(header.substr(4)));
        const bool emptyOldRange = header.substr(4, header.find(' ', 4) - 4).ends_with(",0");
        std::size_t firstOld = emptyOldRange ? start : start - 1;
        while (oldCursor < firstOld)
            result += oldLines[oldCursor++];
        for (++i; i < diffLines.size() && !diffLines[i].starts_with("@@"); ++i) {
            const std::string_view line = diffLines[i];
            std::string_view body = line.substr(1);
            const bool noNewline = i + 1 < diffLines.size() && diffLines[i + 1].starts_with("\\");
            if (noNewline)
                body.remove_suffix(1);
            if (line[0] == ' ' || line[0] == '-') {
                if (oldCursor >= oldLines.size() || oldLines[oldCursor] != body)
                    return "<context mismatch at old line " + std::to_string(oldCursor + 1) + ">";
                ++oldCursor;
            }
            if (line[0] == ' ' || line[0] == '+')
                result += body;
            if (noNewline)
                ++i;
        }
        --i;
    }
    while (oldCursor < oldLines.size())
        result += oldLines[oldCursor++];
    return result;
}

std::string randomText(QRandomGenerator &random, int lines)
{
    std::string text;
    for (int i = 0; i < lines; ++i)
        text += "l" + std::to_string(random.bounded(6)) + "\n";
    return text;
}

} // namespace

class UnifiedDiffTest : public QObject
{
    Q_OBJECT

private slots:
    void between_data();
    void between();
    void between_countsAddedAndRemovedLines();
    void between_identicalTexts_isEmpty();
    void between_randomEdits_applyBackToTheNewText();
    void between_largeRewrite_staysCorrect();
    void compute_putsDeletionsBeforeInsertions();
};

void UnifiedDiffTest::between_data()
{
    QTest::addColumn<QByteArray>("oldText");
    QTest::addColumn<QByteArray>("newText");
    QTest::addColumn<int>("context");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray ten = QByteArray::fromStdString(numberedLines(1, 10));
    QByteArray changed = ten;
    changed.replace("line 5\n", "line five\n");
    QTest::newRow("one line changed in the middle")
        << ten << changed << 3
        << QByteArray(
               "--- a\n+++ b\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n"
               " line 6\n line 7\n line 8\n");

    QTest::newRow("insertion at the start")
        << ten << QByteArray("line 0\n") + ten << 3
        << QByteArray("--- a\n+++ b\n@@ -1,3 +1,4 @@\n+line 0\n line 1\n line 2\n line 3\n");

    QByteArray shortened = ten;
    shortened.chop(QByteArray("line 10\n").size());
    QTest::newRow("deletion at the end")
        << ten << shortened << 3
        << QByteArray("--- a\n+++ b\n@@ -7,4 +7,3 @@\n line 7\n line 8\n line 9\n-line 10\n");

    const QByteArray twenty = QByteArray::fromStdString(numberedLines(1, 20));
    QByteArray farApart = twenty;
    farApart.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n");
    QTest::newRow("changes far apart make two hunks")
        << twenty << farApart << 3
        << QByteArray(
               "--- a\n+++ b\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n"
               " line 5\n@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n"
               "+line eighteen\n line 19\n line 20\n");

    QByteArray close = twenty;
    close.replace("line 5\n", "line five\n").replace("line 11\n", "line eleven\n");
    QTest::newRow("changes six lines apart share a hunk")
        << twenty << close << 3
        << QByteArray("--- a\n+++ b\n@@ -2,13 +2,13 @@\n line 2\n line 3\n line 4\n-line 5\n"
                      "+line five\n line 6\n line 7\n line 8\n line 9\n line 10\n-line 11\n"
                      "+line eleven\n line 12\n line 13\n line 14\n");

    QTest::newRow("new text without a final newline")
        << QByteArray("a\nb\n") << QByteArray("a\nb") << 3
        << QByteArray("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");

    QTest::newRow("from an empty text") << QByteArray() << QByteArray("a\nb\n") << 3
                                        << QByteArray("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");

    QTest::newRow("to an empty text") << QByteArray("a\nb\n") << QByteArray() << 3
                                      << QByteArray("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n");

    QTest::newRow("windows line endings are kept")
        << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\r\nB\r\nc\r\n") << 3
        << QByteArray("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n");

    QTest::newRow("no context") << ten << changed << 0
                                << QByteArray("--- a\n+++ b\n@@ -5 +5 @@\n-line 5\n+line five\n");

    QTest::newRow("pure insertion without context names the line before")
        << QByteArray("a\nb\n") << QByteArray("a\nx\nb\n") << 0
        << QByteArray("--- a\n+++ b\n@@ -1,0 +2 @@\n+x\n");

    const QByteArray index = "[\n  {\n    \"id\": \"one\"\n  }\n]\n";
    const QByteArray appended =
        "[\n  {\n    \"id\": \"one\"\n  },\n  {\n    \"id\": \"two\"\n  }\n]\n";
    // The shortest script keeps the old closing brace as the new entry's.
    QTest::newRow("an entry appended to an index")
        << index << appended << 3
        << QByteArray("--- a\n+++ b\n@@ -1,5 +1,8 @@\n [\n   {\n     \"id\": \"one\"\n+  },\n"
                      "+  {\n+    \"id\": \"two\"\n   }\n ]\n");
}

void UnifiedDiffTest::between()
{
    QFETCH(QByteArray, oldText);
    QFETCH(QByteArray, newText);
    QFETCH(int, context);
    QFETCH(QByteArray, expected);

    const UnifiedDiff diff = UnifiedDiff::between(oldText.toStdString(), newText.toStdString(),
                                                  {.contextLines = context});
    QCOMPARE(QByteArray::fromStdString(diff.text), expected);
    QCOMPARE(QByteArray::fromStdString(applyDiff(oldText.toStdString(), diff.text)), newText);
}

void UnifiedDiffTest::between_countsAddedAndRemovedLines()
{
    const UnifiedDiff diff = UnifiedDiff::between(
        "a\nb\nc\n", "a\nx\ny\nc\nd\n", {.oldName = "a/index.json", .newName = "b/index.json"});
    QCOMPARE(diff.addedLines, 3);
    QCOMPARE(diff.removedLines, 1);
    QCOMPARE(diff.hunkCount, 1);
    QVERIFY(diff.text.starts_with("--- a/index.json\n+++ b/index.json\n"));
}

void UnifiedDiffTest::between_identicalTexts_isEmpty()
{
    const UnifiedDiff diff = UnifiedDiff::between("same\n", "same\n");
    QVERIFY(diff.isEmpty());
    QCOMPARE(diff.hunkCount, 0);
    QCOMPARE(diff.addedLines + diff.removedLines, 0);
}

void UnifiedDiffTest::between_randomEdits_applyBackToTheNewText()
{
    QRandomGenerator random(20241124);
    for (int round = 0; round < 300; ++round) {
        const std::string oldText = randomText(random, random.bounded(30));
        const std::string newText = randomText(random, random.bounded(30));
        const UnifiedDiff diff =
            UnifiedDiff::between(oldText, newText, {.contextLines = 1 + random.bounded(4)});
        QCOMPARE(applyDiff(oldText, diff.text), newText);
    }
}

void UnifiedDiffTest::between_largeRewrite_staysCorrect()
{
    // More differing lines than the search explores: the middle is replaced wholesale.
    const std::string oldText = numberedLines(1, 3000);
    std::string newText;
    for (int i = 1; i <= 3000; ++i)
        newText += "row " + std::to_string(i) + "\n";
    const UnifiedDiff diff = UnifiedDiff::between(oldText, newText);
    QCOMPARE(diff.removedLines, 3000);
    QCOMPARE(diff.addedLines, 3000);
    QCOMPARE(applyDiff(oldText, diff.text), newText);
}

void UnifiedDiffTest::compute_putsDeletionsBeforeInsertions()
{
    const std::vector<std::string_view> oldLines{"a\n", "b\n", "c\n"};
    const std::vector<std::string_view> newLines{"a\n", "x\n", "y\n", "c\n"};
    using Kind = LineEdit::Kind;
    const std::vector<LineEdit> expected{{Kind::Equal, 0, 0},
                                         {Kind::Delete, 1, 1},
                                         {Kind::Insert, 2, 1},
                                         {Kind::Insert, 2, 2},
                                         {Kind::Equal, 2, 3}};
    QVERIFY(LineDiff::compute(oldLines, newLines) == expected);
}

QTEST_APPLESS_MAIN(UnifiedDiffTest)
#include "tst_unifieddiff.moc"
