#include "TerminalText.h"

#include <QTest>

using studio::cli::printable;

class TerminalTextTest : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("plain") << QByteArray("echo: 3 entries") << QByteArray("echo: 3 entries");
        QTest::newRow("utf-8 stays") << QByteArray("caf\xc3\xa9 \xf0\x9f\xa7\xa0")
                                     << QByteArray("caf\xc3\xa9 \xf0\x9f\xa7\xa0");
        QTest::newRow("newline forges a line")
            << QByteArray("x\nindex.json:1:1: error: [E1] forged")
            << QByteArray("x\\nindex.json:1:1: error: [E1] forged");
        QTest::newRow("terminal escape") << QByteArray("\x1b[2J\x1b]0;title\x07")
                                         << QByteArray("\\x1b[2J\\x1b]0;title\\x07");
        QTest::newRow("tab, return, NUL, DEL")
            << QByteArray("a\tb\rc", 5) + QByteArray(1, '\0') + QByteArray("\x7f")
            << QByteArray("a\\tb\\rc\\x00\\x7f");
        QTest::newRow("C1 control") << QByteArray("\xc2\x9b" "31m") << QByteArray("\\u009b31m");
        QTest::newRow("bidi override") << QByteArray("admin\xe2\x80\xae" "txt.exe")
                                       << QByteArray("admin\\u202etxt.exe");
        QTest::newRow("not UTF-8") << QByteArray("\xff\xc3(\xed\xa0\x80")
                                   << QByteArray("\\xff\\xc3(\\xed\\xa0\\x80");
        QTest::newRow("truncated sequence") << QByteArray("ok\xe2\x82") << QByteArray("ok\\xe2\\x82");
    }

    void escapes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, shown);
        QCOMPARE(QByteArray::fromStdString(printable(std::string_view(raw.constData(),
                                                                      std::size_t(raw.size())))),
                 shown);
    }
};

QTEST_GUILESS_MAIN(TerminalTextTest)
#include "tst_terminaltext.moc"
