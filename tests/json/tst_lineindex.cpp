#include "json/LineIndex.h"

#include <QTest>

using namespace studio;

class LineIndexTest : public QObject
{
    Q_OBJECT

private slots:
    void position_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("start") << QByteArray("abc") << 0 << 1 << 1;
        QTest::newRow("end of first line") << QByteArray("abc\ndef") << 3 << 1 << 4;
        QTest::newRow("second line") << QByteArray("abc\ndef") << 5 << 2 << 2;
        QTest::newRow("after final newline") << QByteArray("abc\n") << 4 << 2 << 1;
        QTest::newRow("two-byte characters count once") << QByteArray("\"é\": 1") << 4 << 1 << 4;
        QTest::newRow("four-byte emoji counts once")
            << QByteArray("\"\xF0\x9F\xA7\xA0\"x") << 5 << 1 << 3;
        QTest::newRow("crlf keeps the carriage return on the line")
            << QByteArray("a\r\nb") << 3 << 2 << 1;
        QTest::newRow("offset past the end clamps") << QByteArray("ab") << 99 << 1 << 3;
    }

    void position()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string bytes = text.toStdString();
        const LineIndex index(bytes);
        const SourcePosition position = index.position(static_cast<std::size_t>(offset));
        QCOMPARE(position.line, line);
        QCOMPARE(position.column, column);
    }

    void offset_isTheInverseOfPosition()
    {
        const std::string text = "{\n  \"name\": \"Café ☕\",\n  \"x\": 1\n}\n";
        const LineIndex index(text);
        for (std::size_t offset = 0; offset <= text.size(); ++offset) {
            // Only offsets at character starts have a position of their own.
            if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
                continue;
            QCOMPARE(index.offset(index.position(offset)), offset);
        }
    }

    // A minified document is one long line: every column is still the count of characters
    // before the offset on its line, with multi-byte characters anywhere before it, also
    // across the index's internal checkpoints.
    void position_onOneLongLine_countsEveryCharacterBeforeTheOffset()
    {
        std::string text = "[";
        for (int i = 0; i < 3000; ++i)
            text += i % 7 == 0 ? R"({"name":"Café ☕ 🧠"},)" : R"({"id":"plain"},)";
        text += "{}]\n[\"é\"]";
        const LineIndex index(text);
        int column = 1;
        int checked = 0;
        for (std::size_t offset = 0; offset < text.size() && text[offset] != '\n'; ++offset) {
            if ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
                continue; // inside a character
            if (offset % 97 == 0 || offset > text.size() - 40) {
                QCOMPARE(index.position(offset), (SourcePosition{1, column}));
                QCOMPARE(index.offset({1, column}), offset);
                ++checked;
            }
            ++column;
        }
        QVERIFY(checked > 500);
        const std::size_t secondLine = text.find('\n') + 1;
        QCOMPARE(index.position(text.size() - 4), (SourcePosition{2, 3})); // the é
        QCOMPARE(index.offset({2, 3}), text.size() - 4);
        QCOMPARE(index.offset({2, 99}), text.size());
        QCOMPARE(index.offset({1, 1'000'000}), secondLine - 1);
    }

    void offset_ofAColumnPastTheLineEnd_isTheLineEnd()
    {
        const std::string text = "ab\ncd";
        const LineIndex index(text);
        QCOMPARE(index.offset({1, 9}), std::size_t(2));
        QCOMPARE(index.offset({2, 9}), std::size_t(5));
        QCOMPARE(index.offset({1, 0}), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(LineIndexTest)
#include "tst_lineindex.moc"
