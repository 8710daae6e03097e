#include "edit/TypingRun.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(studio::TextSplice)

class TypingRunTest : public QObject
{
    Q_OBJECT

private slots:
    void continues_groupsKeystrokesLikeATextEditor_data()
    {
        QTest::addColumn<TextSplice>("previous");
        QTest::addColumn<TextSplice>("next");
        QTest::addColumn<bool>("continues");

        QTest::newRow("next character")
            << TextSplice{5, "", "ab"} << TextSplice{7, "", "c"} << true;
        QTest::newRow("multi-byte character")
            << TextSplice{5, "", "a"} << TextSplice{6, "", "\xC3\xA9"} << true;
        QTest::newRow("cursor moved away")
            << TextSplice{5, "", "ab"} << TextSplice{20, "", "c"} << false;
        QTest::newRow("paste") << TextSplice{5, "", "a"} << TextSplice{6, "", "pasted"} << false;
        QTest::newRow("new line") << TextSplice{5, "", "a"} << TextSplice{6, "", "\n"} << false;
        QTest::newRow("after a new line")
            << TextSplice{5, "", "\n"} << TextSplice{6, "", "a"} << false;
        QTest::newRow("indentation after a new line")
            << TextSplice{5, "", "\n"} << TextSplice{6, "", "    "} << true;
        QTest::newRow("typing on a new line")
            << TextSplice{5, "", "\n    "} << TextSplice{10, "", "a"} << false;
        QTest::newRow("backspace run") << TextSplice{5, "x", ""} << TextSplice{4, "y", ""} << true;
        QTest::newRow("delete run") << TextSplice{5, "x", ""} << TextSplice{5, "y", ""} << true;
        QTest::newRow("backspace elsewhere")
            << TextSplice{5, "x", ""} << TextSplice{1, "y", ""} << false;
        QTest::newRow("typing over a selection")
            << TextSplice{5, "selected", ""} << TextSplice{5, "", "a"} << true;
        QTest::newRow("typing after a replacement")
            << TextSplice{5, "old", "a"} << TextSplice{6, "", "b"} << true;
        QTest::newRow("erasing what was typed")
            << TextSplice{5, "", "ab"} << TextSplice{6, "b", ""} << false;
        QTest::newRow("replacement") << TextSplice{5, "", "a"} << TextSplice{6, "x", "y"} << false;
    }

    void continues_groupsKeystrokesLikeATextEditor()
    {
        QFETCH(TextSplice, previous);
        QFETCH(TextSplice, next);
        QFETCH(bool, continues);
        QCOMPARE(TypingRun::continues(previous, next), continues);
    }
};

QTEST_GUILESS_MAIN(TypingRunTest)
#include "tst_typingrun.moc"
