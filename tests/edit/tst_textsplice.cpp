#include "edit/TextSplice.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(studio::TextSplice)

class TextSpliceTest : public QObject
{
    Q_OBJECT

private slots:
    void between_isTheSmallestSpliceThatTurnsBeforeIntoAfter_data()
    {
        QTest::addColumn<std::string>("before");
        QTest::addColumn<std::string>("after");
        QTest::addColumn<int>("offset");
        QTest::addColumn<std::string>("removed");
        QTest::addColumn<std::string>("inserted");

        QTest::newRow("identical")
            << std::string("abc") << std::string("abc") << 3 << std::string() << std::string();
        QTest::newRow("typed at the end") << std::string("\"Coach\"") << std::string("\"Coachx\"")
                                          << 6 << std::string() << std::string("x");
        QTest::newRow("deleted in the middle") << std::string("abcdef") << std::string("abef") << 2
                                               << std::string("cd") << std::string();
        QTest::newRow("replaced") << std::string("[1, 2, 3]") << std::string("[1, 7, 3]") << 4
                                  << std::string("2") << std::string("7");
        QTest::newRow("repeated letter")
            << std::string("aaa") << std::string("aaaa") << 3 << std::string() << std::string("a");
        QTest::newRow("from empty")
            << std::string() << std::string("{}") << 0 << std::string() << std::string("{}");
        // e-acute (C3 A9) to e-grave (C3 A8) share their first byte: the splice must still
        // cover whole characters.
        QTest::newRow("utf-8 character replaced")
            << std::string("caf\xC3\xA9!") << std::string("caf\xC3\xA8!") << 3
            << std::string("\xC3\xA9") << std::string("\xC3\xA8");
        QTest::newRow("utf-8 shared tail")
            << std::string("\xC3\xA9\xC3\xA9") << std::string("\xC2\xA9\xC3\xA9") << 0
            << std::string("\xC3\xA9") << std::string("\xC2\xA9");
    }

    void between_isTheSmallestSpliceThatTurnsBeforeIntoAfter()
    {
        QFETCH(std::string, before);
        QFETCH(std::string, after);
        QFETCH(int, offset);
        QFETCH(std::string, removed);
        QFETCH(std::string, inserted);

        const TextSplice splice = TextSplice::between(before, after);
        QCOMPARE(splice.offset, std::size_t(offset));
        QCOMPARE(splice.removed, removed);
        QCOMPARE(splice.inserted, inserted);

        std::string text = before;
        QVERIFY(splice.applyTo(text));
        QCOMPARE(text, after);
        QVERIFY(splice.inverted().applyTo(text));
        QCOMPARE(text, before);
    }

    void applyTo_refusesATextThatDoesNotHoldTheRemovedBytes()
    {
        std::string text = "hello";
        const TextSplice wrongBytes{1, "x", "y"};
        const TextSplice pastTheEnd{9, "", "y"};
        QVERIFY(!wrongBytes.applyTo(text));
        QVERIFY(!pastTheEnd.applyTo(text));
        QCOMPARE(text, std::string("hello"));
    }

    void merged_coversBothEditsAsOne_data()
    {
        QTest::addColumn<std::string>("original");
        QTest::addColumn<TextSplice>("first");
        QTest::addColumn<TextSplice>("second");
        QTest::addColumn<TextSplice>("expected");

        QTest::newRow("typing on") << std::string("ab") << TextSplice{2, "", "c"}
                                   << TextSplice{3, "", "d"} << TextSplice{2, "", "cd"};
        QTest::newRow("backspaces") << std::string("abcd") << TextSplice{3, "d", ""}
                                    << TextSplice{2, "c", ""} << TextSplice{2, "cd", ""};
        QTest::newRow("repeated letter") << std::string("ab") << TextSplice{1, "", "b"}
                                         << TextSplice{2, "", "c"} << TextSplice{1, "", "bc"};
        QTest::newRow("typed over a selection")
            << std::string("a123b") << TextSplice{1, "123", ""} << TextSplice{1, "", "x"}
            << TextSplice{1, "123", "x"};
        QTest::newRow("typed then erased") << std::string("ab") << TextSplice{2, "", "c"}
                                           << TextSplice{2, "c", ""} << TextSplice{2, "", ""};
        QTest::newRow("apart, bytes between kept")
            << std::string("0123456789") << TextSplice{1, "1", "x"} << TextSplice{8, "8", "y"}
            << TextSplice{1, "12345678", "x234567y"};
        QTest::newRow("second before first")
            << std::string("0123456789") << TextSplice{8, "", "zz"} << TextSplice{0, "0", ""}
            << TextSplice{0, "01234567", "1234567zz"};
    }

    void merged_coversBothEditsAsOne()
    {
        QFETCH(std::string, original);
        QFETCH(TextSplice, first);
        QFETCH(TextSplice, second);
        QFETCH(TextSplice, expected);

        std::string text = original;
        QVERIFY(first.applyTo(text));
        QVERIFY(second.applyTo(text));
        const TextSplice merged = TextSplice::merged(first, second, text);
        QCOMPARE(merged.offset, expected.offset);
        QCOMPARE(merged.removed, expected.removed);
        QCOMPARE(merged.inserted, expected.inserted);
        QVERIFY(merged.inverted().applyTo(text));
        QCOMPARE(text, original);
    }
};

QTEST_GUILESS_MAIN(TextSpliceTest)
#include "tst_textsplice.moc"
