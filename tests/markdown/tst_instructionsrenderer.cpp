#include "TestFiles.h"
#include "markdown/InstructionsRenderer.h"

#include <QTest>
#include <QUrl>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

InstructionsRenderOptions optionsFor(const TemporaryRepository &repository, const std::string &id,
                                     const std::string &folder)
{
    InstructionsRenderOptions options;
    options.context.pluginId = id;
    options.context.instructionsPath = "/plugins/instructions/" + folder + "/README.md";
    options.context.repositoryRoot = repository.root();
    return options;
}

QString fileUrl(const TemporaryRepository &repository, const QString &relative)
{
    return QUrl::fromLocalFile(repository.path(relative)).toString(QUrl::FullyEncoded);
}

} // namespace

// The app's way of showing instructions: assets in the id's folder, a uid on every link,
// no remote fetches unless allowed; and the GitHub features, in Qt's rich text.
class InstructionsRendererTest : public QObject
{
    Q_OBJECT

private slots:
    void gfmFeature_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("table") << QStringLiteral("| A | B |\n|---|:-:|\n| 1 | 2 |\n")
                               << QStringList{QStringLiteral("<table>"),
                                              QStringLiteral("<th>A</th>"),
                                              QStringLiteral("<td align=\"center\">2</td>")};
        QTest::newRow("task list as Qt checkboxes")
            << QStringLiteral("- [x] New meetings are filed\n- [ ] Edits are synced\n")
            << QStringList{QStringLiteral("<li class=\"checked\">New meetings are filed</li>"),
                           QStringLiteral("<li class=\"unchecked\">Edits are synced</li>")};
        QTest::newRow("strikethrough") << QStringLiteral("~~Old workspaces~~ are gone\n")
                                       << QStringList{QStringLiteral("<del>Old workspaces</del>")};
        QTest::newRow("autolink gets the uid")
            << QStringLiteral("Visit https://a.example/status today\n")
            << QStringList{QStringLiteral("<a href=\"https://a.example/status?uid=%3Cuid%3E\" "
                                          "title=\"https://a.example/"
                                          "status?uid=&lt;uid&gt;\">https://a.example/status</a>")};
        QTest::newRow("fenced code")
            << QStringLiteral("```bash\ncurl -X POST <url>\n```\n")
            << QStringList{QStringLiteral(
                   "<pre><code class=\"language-bash\">curl -X POST &lt;url&gt;\n</code></pre>")};
        QTest::newRow("style sheet")
            << QStringLiteral("x\n")
            << QStringList{QStringLiteral("<style>"), QStringLiteral(".uid {")};
    }

    void gfmFeature()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, expected);
        TemporaryRepository repository;
        const QString html =
            InstructionsRenderer::render(markdown.toStdString(), optionsFor(repository, "p", "p"))
                .html;
        for (const QString &part : expected)
            QVERIFY2(html.contains(part), qPrintable(html));
    }

    void assetImage_resolvesInTheIdFolderOnDisk()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/notion-crm/assets/step_4.png"),
                         test::pngBytes(8, 8));
        const auto rendered =
            InstructionsRenderer::render("![Step 4](assets/step_4.png \"Copy it\")\n",
                                         optionsFor(repository, "notion-crm", "notion-crm"));
        const QString url = fileUrl(
            repository, QStringLiteral("plugins/instructions/notion-crm/assets/step_4.png"));
        QVERIFY2(rendered.html.contains(u"<img src=\"" + url +
                                        u"\" alt=\"Step 4\" title=\"Copy it\" />"),
                 qPrintable(rendered.html));
        QCOMPARE(rendered.localImages, QStringList{url});
    }

    void assetImage_dotSlashIsShownToo()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/a b.png"),
                         test::pngBytes(8, 8));
        const auto rendered = InstructionsRenderer::render("![a](./assets/a%20b.png)\n",
                                                           optionsFor(repository, "p", "p"));
        QCOMPARE(rendered.localImages,
                 QStringList{
                     fileUrl(repository, QStringLiteral("plugins/instructions/p/assets/a b.png"))});
    }

    void assetImage_missing_showsWhereTheAppLooks()
    {
        TemporaryRepository repository;
        const auto rendered =
            InstructionsRenderer::render("![Explanation GIF](assets/explanation.gif)\n",
                                         optionsFor(repository, "notion-crm", "notion-crm"));
        QVERIFY2(rendered.html.contains(
                     u"image not found: /plugins/instructions/notion-crm/assets/explanation.gif"),
                 qPrintable(rendered.html));
        QVERIFY(!rendered.html.contains(u"<img"));
        QVERIFY(rendered.localImages.isEmpty());
    }

    void assetImage_folderNotId_isNotFoundLikeInTheApp()
    {
        // The file is beside the markdown, but the app looks in the id's folder.
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/heavenorhell/assets/a.png"),
                         test::pngBytes(8, 8));
        const auto rendered = InstructionsRenderer::render(
            "![a](assets/a.png)\n", optionsFor(repository, "heaven-or-hell", "heavenorhell"));
        QVERIFY2(rendered.html.contains(
                     u"image not found: /plugins/instructions/heaven-or-hell/assets/a.png"),
                 qPrintable(rendered.html));
    }

    void assetImage_unknownRepository_saysSo()
    {
        InstructionsRenderOptions options;
        options.context.pluginId = "p";
        options.context.instructionsPath = "/plugins/instructions/p/README.md";
        const auto rendered = InstructionsRenderer::render("![a](assets/a.png)\n", options);
        QVERIFY(rendered.html.contains(
            u"repository folder is unknown: /plugins/instructions/p/assets/a.png"));
    }

    void assetLink_opensTheLocalFile()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/form.pdf"), "%PDF-1.4");
        const auto rendered = InstructionsRenderer::render("[the form](assets/form.pdf)\n",
                                                           optionsFor(repository, "p", "p"));
        const QString url =
            fileUrl(repository, QStringLiteral("plugins/instructions/p/assets/form.pdf"));
        QVERIFY2(rendered.html.contains(
                     u"<a href=\"" + url +
                     u"\" title=\"/plugins/instructions/p/assets/form.pdf?uid=&lt;uid&gt;\">the "
                     u"form</a>"),
                 qPrintable(rendered.html));
    }

    void uid_appendedWithQuestionMarkOrAmpersand_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("shown");
        QTest::newRow("no query") << "https://a.example/setup"
                                  << "https://a.example/setup?uid=u-42"
                                  << "?uid=u-42";
        QTest::newRow("query") << "https://a.example/setup?step=2"
                               << "https://a.example/setup?step=2&amp;uid=u-42"
                               << "&amp;uid=u-42";
        QTest::newRow("mail") << "mailto:help@a.example"
                              << "mailto:help@a.example?uid=u-42"
                              << "?uid=u-42";
    }

    void uid_appendedWithQuestionMarkOrAmpersand()
    {
        QFETCH(QString, destination);
        QFETCH(QString, href);
        QFETCH(QString, shown);
        TemporaryRepository repository;
        InstructionsRenderOptions options = optionsFor(repository, "p", "p");
        options.uid = "u-42";
        const QString html =
            InstructionsRenderer::render("[setup](" + destination.toStdString() + ")\n", options)
                .html;
        QVERIFY2(html.contains(u"<a href=\"" + href + u"\""), qPrintable(html));
        QVERIFY2(html.contains(u"</a><span class=\"uid\">" + shown + u"</span>"), qPrintable(html));
    }

    void uid_markerCanBeHidden()
    {
        TemporaryRepository repository;
        InstructionsRenderOptions options = optionsFor(repository, "p", "p");
        options.showUid = false;
        const QString html =
            InstructionsRenderer::render("[setup](https://a.example)\n", options).html;
        QVERIFY(html.contains(u"href=\"https://a.example?uid=%3Cuid%3E\""));
        QVERIFY(!html.contains(u"<span class=\"uid\">"));
    }

    void fragmentLink_staysInThePage()
    {
        TemporaryRepository repository;
        const QString html = InstructionsRenderer::render("[Troubleshooting](#troubleshooting)\n",
                                                          optionsFor(repository, "p", "p"))
                                 .html;
        QVERIFY2(html.contains(u"<a href=\"#troubleshooting\">Troubleshooting</a></p>"),
                 qPrintable(html));
    }

    void brokenLinks_loseTheirTargetAndSayWhy_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("reason");
        QTest::newRow("javascript") << "[x](javascript:alert(1))"
                                    << "malformed link: a javascript: link runs a script";
        QTest::newRow("empty") << "[x]()"
                               << "malformed link: the link has no destination";
        QTest::newRow("relative") << "[x](docs/setup.md)"
                                  << "the app does not resolve this link";
        QTest::newRow("missing asset") << "[x](assets/none.pdf)"
                                       << "file not found: /plugins/instructions/p/assets/none.pdf";
    }

    void brokenLinks_loseTheirTargetAndSayWhy()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, reason);
        TemporaryRepository repository;
        const QString html = InstructionsRenderer::render(markdown.toStdString() + "\n",
                                                          optionsFor(repository, "p", "p"))
                                 .html;
        QVERIFY2(html.contains(u"<a href=\"\">x</a>"), qPrintable(html));
        QVERIFY2(html.contains(reason.toHtmlEscaped()), qPrintable(html));
        QVERIFY(!html.contains(u"javascript:alert"));
    }

    void remoteImage_isAPlaceholderByDefault()
    {
        TemporaryRepository repository;
        const auto rendered = InstructionsRenderer::render(
            "![shot](https://cdn.example/shot.png)\n", optionsFor(repository, "p", "p"));
        QVERIFY2(rendered.html.contains(u"remote image not loaded: https://cdn.example/shot.png"),
                 qPrintable(rendered.html));
        QVERIFY(!rendered.html.contains(u"<img"));
        QVERIFY(rendered.remoteImages.isEmpty());
    }

    void remoteImage_shownWhenAllowed()
    {
        TemporaryRepository repository;
        InstructionsRenderOptions options = optionsFor(repository, "p", "p");
        options.loadRemoteImages = true;
        const auto rendered =
            InstructionsRenderer::render("![shot](https://cdn.example/shot.png)\n", options);
        QVERIFY(
            rendered.html.contains(u"<img src=\"https://cdn.example/shot.png\" alt=\"shot\" />"));
        QCOMPARE(rendered.remoteImages,
                 QStringList{QStringLiteral("https://cdn.example/shot.png")});
    }

    void linkedImage_keepsBothRewrites()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/a.png"),
                         test::pngBytes(8, 8));
        const QString html =
            InstructionsRenderer::render("[![a](assets/a.png)](https://a.example)\n",
                                         optionsFor(repository, "p", "p"))
                .html;
        QVERIFY2(html.contains(u"<a href=\"https://a.example?uid=%3Cuid%3E\" "
                               u"title=\"https://a.example?uid=&lt;uid&gt;\"><img src=\"file://"),
                 qPrintable(html));
    }

    // The alt text of an image is gathered without recursion: emphasis can nest deep.
    void imageAlt_fromDeeplyNestedEmphasis()
    {
        std::string opening, closing;
        for (int i = 0; i < 300; ++i) {
            opening += "*a ";
            closing += " a*";
        }
        InstructionsRenderOptions options;
        options.loadRemoteImages = true;
        const QString html =
            InstructionsRenderer::render(
                "![" + opening + "b" + closing + "](https://x.example/i.png)\n", options)
                .html;
        std::string alt;
        for (int i = 0; i < 300; ++i)
            alt += "a ";
        alt += "b";
        for (int i = 0; i < 300; ++i)
            alt += " a";
        QVERIFY(html.contains(QString::fromStdString("alt=\"" + alt + "\"")));
    }

    void imageInsideAnImage_isPartOfItsAltText()
    {
        // Found by fuzz_instructions_render: the inner image was freed with the outer one,
        // then replaced in its turn.
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/a.png"),
                         test::pngBytes(8, 8));
        InstructionsRenderOptions options = optionsFor(repository, "p", "p");
        options.loadRemoteImages = true;
        const auto rendered = InstructionsRenderer::render(
            "![outer ![inner](assets/a.png)](https://t.example/x.png)\n", options);
        QVERIFY2(
            rendered.html.contains(u"<img src=\"https://t.example/x.png\" alt=\"outer inner\" />"),
            qPrintable(rendered.html));
        QCOMPARE(rendered.remoteImages, QStringList{QStringLiteral("https://t.example/x.png")});
        QVERIFY(rendered.localImages.isEmpty());
    }

    void imageOnItsOwnLine_staysOnItsOwnLine()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/a.gif"),
                         test::gifBytes(8, 8));
        const QString html = InstructionsRenderer::render(
                                 "2. Copy the USER ID.\n   ![GIF](assets/a.gif)\n   Then go on.\n",
                                 optionsFor(repository, "p", "p"))
                                 .html;
        QVERIFY2(html.contains(u"Copy the USER ID.<br />\n<img src="), qPrintable(html));
        QVERIFY2(html.contains(u" /><br />\nThen go on."), qPrintable(html));
        const QString inline_ =
            InstructionsRenderer::render("Tap ![icon](assets/a.gif) to start.\n",
                                         optionsFor(repository, "p", "p"))
                .html;
        QVERIFY2(inline_.contains(u"Tap <img src="), qPrintable(inline_));
    }

    void sourceAnchors_listTheBlocksLines()
    {
        TemporaryRepository repository;
        InstructionsRenderOptions options = optionsFor(repository, "p", "p");
        options.sourceAnchors = true;
        const auto rendered = InstructionsRenderer::render(
            "# Title\n\ntext\n\n- a\n- b\n\n```\ncode\n```\n", options);
        QCOMPARE(rendered.anchorLines, (std::vector<int>{1, 3, 5, 6, 8}));
        QVERIFY(rendered.html.contains(u"<h1><a name=\"line-1\"></a>Title</h1>"));
        QVERIFY(!rendered.html.contains(u"data-sourcepos"));
    }

    void emptyDocument_saysTheAppShowsABlankPage()
    {
        TemporaryRepository repository;
        const QString html =
            InstructionsRenderer::render("  \n", optionsFor(repository, "p", "p")).html;
        QVERIFY(html.contains(u"The instructions are empty"));
    }

    void hostileBlock_isLeftOutWithANoteAndTheRestShown()
    {
        std::string quotes;
        for (int i = 0; i < 100; ++i)
            quotes += "> ";
        InstructionsRenderOptions options;
        const QString html =
            InstructionsRenderer::render("# Title\n\n" + quotes + "deep\n\nThe end.\n", options)
                .html;
        QVERIFY(html.contains(u"line 3 not shown: block quotes or list levels nested 150 deep"));
        QVERIFY(html.contains(u"Title"));
        QVERIFY(html.contains(u"The end."));
        QVERIFY(!html.contains(u"<blockquote>"));
    }

    void userText_isEscapedInPlaceholders()
    {
        TemporaryRepository repository;
        const QString html = InstructionsRenderer::render("![a](https://x.example/<b>.png)\n",
                                                          optionsFor(repository, "p", "p"))
                                 .html;
        QVERIFY(!html.contains(u"<b>"));
    }
};

QTEST_GUILESS_MAIN(InstructionsRendererTest)
#include "tst_instructionsrenderer.moc"
