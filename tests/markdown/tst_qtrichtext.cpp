#include "markdown/QtRichText.h"

#include <QTest>

using namespace studio;

class QtRichTextTest : public QObject
{
    Q_OBJECT

private slots:
    void taskLists_becomeQtCheckedItems()
    {
        const QString html = QStringLiteral(
            "<ul>\n<li data-sourcepos=\"1:1-1:9\"><input type=\"checkbox\" checked=\"\" "
            "disabled=\"\" /> done</li>\n"
            "<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n<li>plain</li>\n</ul>");
        const QString adapted = QtRichText::adaptTaskLists(html);
        QVERIFY2(adapted.contains(u"<li class=\"checked\" data-sourcepos=\"1:1-1:9\">done</li>"),
                 qPrintable(adapted));
        QVERIFY2(adapted.contains(u"<li class=\"unchecked\">todo</li>"), qPrintable(adapted));
        QVERIFY(adapted.contains(u"<li>plain</li>"));
        QVERIFY(!adapted.contains(u"<input"));
    }

    void sourceAnchors_replaceSourcePositions()
    {
        const QString html = QStringLiteral(
            "<h1 data-sourcepos=\"1:1-1:7\">Title</h1>\n<ul data-sourcepos=\"3:1-4:5\">\n"
            "<li class=\"checked\" data-sourcepos=\"3:1-3:9\">a</li>\n</ul>\n"
            "<table data-sourcepos=\"6:1-8:9\">\n<tr data-sourcepos=\"6:1-6:9\">\n"
            "<th align=\"left\" data-sourcepos=\"6:2-6:4\">x</th></tr></table>\n"
            "<pre data-sourcepos=\"10:1-12:3\"><code class=\"language-c\">int x;\n</code></pre>\n"
            "<p data-sourcepos=\"14:1-14:4\">text <br data-sourcepos=\"14:2-14:3\" /></p>");
        std::vector<int> lines;
        const QString anchored = QtRichText::addSourceAnchors(html, lines);
        QVERIFY2(!anchored.contains(u"data-sourcepos"), qPrintable(anchored));
        QVERIFY(anchored.contains(u"<h1><a name=\"line-1\"></a>Title</h1>"));
        QVERIFY(anchored.contains(u"<ul>\n"));
        QVERIFY(anchored.contains(u"<li class=\"checked\"><a name=\"line-3\"></a>a</li>"));
        QVERIFY(anchored.contains(u"<th align=\"left\"><a name=\"line-6\"></a>x</th>"));
        QVERIFY(anchored.contains(u"<pre><a name=\"line-10\"></a><code class=\"language-c\">"));
        QVERIFY(anchored.contains(u"<p><a name=\"line-14\"></a>text <br /></p>"));
        QCOMPARE(lines, (std::vector<int>{1, 3, 6, 10, 14}));
    }

    void sourceAnchors_leaveEscapedTextAlone()
    {
        // What a user writes is escaped by the renderer, so it never looks like an attribute.
        const QString html = QStringLiteral(
            "<p data-sourcepos=\"1:1-1:30\">&lt;p data-sourcepos=&quot;9:1-9:1&quot;&gt;</p>");
        std::vector<int> lines;
        QCOMPARE(QtRichText::addSourceAnchors(html, lines),
                 QStringLiteral(
                     "<p><a name=\"line-1\"></a>&lt;p data-sourcepos=&quot;9:1-9:1&quot;&gt;</p>"));
        QCOMPARE(lines, std::vector<int>{1});
    }
};

QTEST_GUILESS_MAIN(QtRichTextTest)
#include "tst_qtrichtext.moc"
