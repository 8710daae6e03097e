#include "markdown/MarkdownLimits.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(studio::MarkdownExclusion::Kind)

namespace {

std::string repeated(std::string_view unit, std::size_t times)
{
    std::string text;
    for (std::size_t i = 0; i < times; ++i)
        text += unit;
    return text;
}

} // namespace

// Which blocks of a markdown text the parser is spared, in one linear pass: the inputs of
// cmark's pathological tests are left out, real instructions never are.
class MarkdownLimitsTest : public QObject
{
    Q_OBJECT

private slots:
    void hostileBlock_isLeftOutAndTheRestKept_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<MarkdownExclusion::Kind>("kind");
        QTest::addColumn<QString>("reasonPart");

        using Kind = MarkdownExclusion::Kind;
        QTest::newRow("![[]() repeated") << QByteArray::fromStdString(repeated("![[]()", 50'000))
                                         << Kind::DenseBlock << "100,000 markdown marks";
        QTest::newRow("unclosed <? repeated")
            << QByteArray::fromStdString("a" + repeated("<?", 20'000)) << Kind::DenseBlock
            << "in one block of 39 KB";
        QTest::newRow("block quotes nested deep")
            << QByteArray::fromStdString(repeated("> ", 1000) + "a") << Kind::DeepNesting
            << "nested 1,500 deep (the limit is 32)";
        QTest::newRow("list markers nested deep, then lines")
            << QByteArray::fromStdString(repeated("- ", 100) + "x" + repeated("\n  x", 10))
            << Kind::DeepNesting << "list levels nested";
        QTest::newRow("indentation nests lists")
            << QByteArray::fromStdString(repeated(" ", 80) + "* a") << Kind::DeepNesting
            << "nested 41 deep";
        QTest::newRow("wide table header, short rows")
            << QByteArray::fromStdString(repeated("|a", 2000) + "\n" + repeated("|-", 2000) +
                                         repeated("\na", 100))
            << Kind::LargeBlock << "a table of 102 lines of up to 2,001 cells, 204,102";
        QTest::newRow("one paragraph of many lines")
            << QByteArray::fromStdString("word" + repeated("\nword", 39'999)) << Kind::LargeBlock
            << "a block of 40,000 lines";
    }

    void hostileBlock_isLeftOutAndTheRestKept()
    {
        QFETCH(QByteArray, block);
        QFETCH(MarkdownExclusion::Kind, kind);
        QFETCH(QString, reasonPart);
        const std::string before = "# Setup\n\nOpen [the page](https://a.example).\n\n";
        const std::string after = "\n\nThen [the form](https://b.example).\n";
        const std::string text = before + block.toStdString() + after;

        const auto exclusions = MarkdownLimits::exclusions(text);
        QCOMPARE(exclusions.size(), std::size_t(1));
        const MarkdownExclusion &excluded = exclusions.front();
        QCOMPARE(excluded.kind, kind);
        // Exactly the block's lines: what comes before and after is parsed as written.
        QCOMPARE(excluded.span, (SourceSpan{before.size(), before.size() + block.size()}));
        QVERIFY2(QString::fromStdString(excluded.reason).contains(reasonPart),
                 excluded.reason.c_str());
    }

    // Plain inline links cost cmark little: a paragraph of thousands is parsed, while the
    // same number of reference links (whose destinations are elsewhere) is not.
    void plainLinks_doNotCountButOtherBracketsDo()
    {
        std::string plain, references;
        for (int i = 0; i < 20'000; ++i) {
            plain += "[step " + std::to_string(i) + "](https://example.com/" + std::to_string(i) +
                     ") ![s](assets/s.png) ";
            references += "[step " + std::to_string(i) + "][r] ";
        }
        QVERIFY(MarkdownLimits::exclusions(plain).empty());
        const auto excluded =
            MarkdownLimits::exclusions(references + "\n\n[r]: https://r.example\n");
        QCOMPARE(excluded.size(), std::size_t(1));
        QCOMPARE(excluded[0].kind, MarkdownExclusion::Kind::DenseBlock);
    }

    void realInstructions_areNotLimited()
    {
        std::string text;
        for (int step = 0; step < 300; ++step)
            text += "## Step " + std::to_string(step) +
                    "\n\n1. Open **Settings** > _Integrations_ and paste `the key` from "
                    "[your account](https://example.com/account).\n   ![Screen](assets/s.png)\n"
                    "   > Note: keep it <secret>!\n\n| Field | Value |\n|---|---|\n| a | b |\n\n"
                    "```json\n{\"items\": [1, 2, 3], \"snake_case\": true}\n```\n\n";
        QVERIFY(text.size() > 50'000);
        QVERIFY(MarkdownLimits::exclusions(text).empty());
    }

    void tooMuchInAll_leavesOutTheRestFromTheBlockThatPassesTheLimit()
    {
        // Many small blocks, each harmless: past the cost of all of them, the rest goes.
        std::string text;
        std::size_t cutAt = 0;
        for (int i = 0; i < 50'000; ++i) {
            if (i == 40'000)
                cutAt = text.size();
            text += "*a* _b_ `c` [d]\n\n"; // 8 marks and a line: a cost of 10
        }
        const auto exclusions = MarkdownLimits::exclusions(text);
        QCOMPARE(exclusions.size(), std::size_t(1));
        QCOMPARE(exclusions[0].kind, MarkdownExclusion::Kind::Rest);
        QCOMPARE(exclusions[0].span, (SourceSpan{cutAt, text.size()}));
        QVERIFY(QString::fromStdString(exclusions[0].reason).contains(u"more markdown in all"));
    }

    // The email autolinks cost cmark-gfm ten times what other marks do.
    void emailSigns_weighMore()
    {
        std::string text;
        for (int i = 0; i < 50'000; ++i)
            text += "mail x@y.example\n\n"; // a line and an '@': a cost of 12
        const auto exclusions = MarkdownLimits::exclusions(text);
        QCOMPARE(exclusions.size(), std::size_t(1));
        QCOMPARE(exclusions[0].kind, MarkdownExclusion::Kind::Rest);
        QCOMPARE(exclusions[0].span.begin, std::size_t(33'333) * 18);
    }

    // cmark ends lines at \r too: a text with old Mac line endings has its blocks found.
    void carriageReturns_endLines()
    {
        const std::string text = "ok\r\r" + repeated("> ", 100) + "a\rb\r\rok\r";
        const auto exclusions = MarkdownLimits::exclusions(text);
        QCOMPARE(exclusions.size(), std::size_t(1));
        QCOMPARE(exclusions[0].span, (SourceSpan{4, text.size() - 5}));
    }
};

QTEST_GUILESS_MAIN(MarkdownLimitsTest)
#include "tst_markdownlimits.moc"
