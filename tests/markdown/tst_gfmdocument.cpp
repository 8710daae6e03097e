#include "markdown/GfmDocument.h"

#include <QFuture>
#include <QTest>
#include <QtConcurrent>

#include <string>
#include <vector>

using namespace studio;

namespace {

QString render(const char *markdown)
{
    return QString::fromStdString(GfmDocument(markdown).renderHtml());
}

} // namespace

// cmark-gfm with GitHub's extensions: each GitHub-flavoured feature the instructions use.
class GfmDocumentTest : public QObject
{
    Q_OBJECT

private slots:
    void feature_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("table with alignment")
            << QStringLiteral("| Field | From |\n|:---|---:|\n| Title | memory |\n")
            << QStringList{QStringLiteral("<table>"),
                           QStringLiteral("<th align=\"left\">Field</th>"),
                           QStringLiteral("<td align=\"right\">memory</td>")};
        QTest::newRow("task list")
            << QStringLiteral("- [x] filed\n- [ ] synced\n")
            << QStringList{
                   QStringLiteral("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> filed"),
                   QStringLiteral("<input type=\"checkbox\" disabled=\"\" /> synced")};
        QTest::newRow("strikethrough")
            << QStringLiteral("~~old~~ and ~single~\n")
            << QStringList{QStringLiteral("<del>old</del>"), QStringLiteral("<del>single</del>")};
        QTest::newRow("autolink www and url")
            << QStringLiteral("see www.example.com or https://example.org/a?b=1.\n")
            << QStringList{
                   QStringLiteral("<a href=\"http://www.example.com\">www.example.com</a>"),
                   QStringLiteral(
                       "<a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>.")};
        QTest::newRow("autolink email")
            << QStringLiteral("write to help@example.com\n")
            << QStringList{
                   QStringLiteral("<a href=\"mailto:help@example.com\">help@example.com</a>")};
        QTest::newRow("fenced code keeps its language and escapes")
            << QStringLiteral("```json\n{\"a\": \"<b>\"}\n```\n")
            << QStringList{QStringLiteral("<pre><code class=\"language-json\">{&quot;a&quot;: "
                                          "&quot;&lt;b&gt;&quot;}\n</code></pre>")};
        QTest::newRow("tag filter neutralises scripts")
            << QStringLiteral("<script>alert(1)</script>\n\ntext <iframe src=x></iframe>\n")
            << QStringList{QStringLiteral("&lt;script>"), QStringLiteral("&lt;iframe")};
        QTest::newRow("raw html kept") << QStringLiteral("Start: `x` <br/>\n")
                                       << QStringList{QStringLiteral("<code>x</code> <br/>")};
    }

    void feature()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, expected);
        const QString html = render(markdown.toUtf8().constData());
        for (const QString &part : expected)
            QVERIFY2(html.contains(part), qPrintable(html));
    }

    void sourcePositions_onBlocksOnlyWhenAsked()
    {
        GfmDocument document("# Title\n\ntext\n");
        QVERIFY(!QString::fromStdString(document.renderHtml()).contains(u"data-sourcepos"));
        const QString html = QString::fromStdString(document.renderHtml(true));
        QVERIFY2(html.contains(u"<h1 data-sourcepos=\"1:1-1:7\">"), qPrintable(html));
        QVERIFY2(html.contains(u"<p data-sourcepos=\"3:1-3:4\">"), qPrintable(html));
    }

    void invalidUtf8_isReplacedNotRejected()
    {
        const QString html = render("caf\xE9 ok\n");
        QVERIFY(html.contains(u"\uFFFD ok"));
    }

    // Parses on several threads at once give what one parse gives: extensions register
    // their inline characters in a global table of cmark-gfm, so parses must not overlap.
    void parallelParses_agreeWithASingleOne()
    {
        const std::string markdown =
            "~~gone~~ www.example.com | a |\n\n| a | b |\n|---|---|\n| ~~x~~ | y@z.com |\n";
        const std::string expected = GfmDocument(markdown).renderHtml();
        std::vector<int> runs(400);
        const QList<std::string> results = QtConcurrent::blockingMapped<QList<std::string>>(
            runs, [&markdown](int) { return GfmDocument(markdown).renderHtml(); });
        for (const std::string &html : results)
            QCOMPARE(QString::fromStdString(html), QString::fromStdString(expected));
    }
};

QTEST_GUILESS_MAIN(GfmDocumentTest)
#include "tst_gfmdocument.moc"
