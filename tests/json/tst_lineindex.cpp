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
};

QTEST_GUILESS_MAIN(LineIndexTest)
#include "tst_lineindex.moc"
