#include "markdown/GfmDocument.h"
#include "markdown/LinkScanner.h"

#include <QTest>

using namespace studio;

namespace {

std::vector<MarkdownLink> scan(const std::string &markdown)
{
    const GfmDocument document(markdown);
    return LinkScanner::scan(document, markdown);
}

QString spanText(const std::string &markdown, const MarkdownLink &link)
{
    return QString::fromStdString(markdown.substr(link.span.begin, link.span.length()));
}

} // namespace

// Every link and image, located on its destination even where cmark's inline columns are
// off (continuation lines, autolinks, containers).
class LinkScannerTest : public QObject
{
    Q_OBJECT

private slots:
    void locate_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("index"); // which link of the text
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("spanText");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");

        QTest::newRow("inline link") << "Open [the page](https://a.example/x) now.\n"
                                     << 0 << "https://a.example/x"
                                     << "https://a.example/x" << 1 << 17;
        QTest::newRow("image") << "![Step](assets/step.png)\n"
                               << 0 << "assets/step.png"
                               << "assets/step.png" << 1 << 9;
        QTest::newRow("indented continuation line") << "first\n  more [ref](https://b.example) x\n"
                                                    << 0 << "https://b.example"
                                                    << "https://b.example" << 2 << 14;
        QTest::newRow("autolink in angle brackets on line 2")
            << "a\nwith <https://auto.example> b\n"
            << 0 << "https://auto.example"
            << "https://auto.example" << 2 << 7;
        QTest::newRow("www autolink") << "see www.example.com\n"
                                      << 0 << "http://www.example.com"
                                      << "www.example.com" << 1 << 5;
        QTest::newRow("email autolink") << "mail a@b.example\n"
                                        << 0 << "mailto:a@b.example"
                                        << "a@b.example" << 1 << 6;
        QTest::newRow("blockquote") << "> quote\n> see [q](https://q.example)\n"
                                    << 0 << "https://q.example"
                                    << "https://q.example" << 2 << 11;
        QTest::newRow("nested list") << "1. item\n   - nested ![i](assets/n.png)\n"
                                     << 0 << "assets/n.png"
                                     << "assets/n.png" << 2 << 18;
        QTest::newRow("table cell") << "| a | b |\n|---|---|\n| x | [t](https://t.example) |\n"
                                    << 0 << "https://t.example"
                                    << "https://t.example" << 3 << 11;
        QTest::newRow("destination on the next line") << "text [x](\nhttps://split.example) end\n"
                                                      << 0 << "https://split.example"
                                                      << "https://split.example" << 2 << 1;
        QTest::newRow("same URL twice: the second")
            << "[a](https://s.example) [b](https://s.example)\n"
            << 1 << "https://s.example"
            << "https://s.example" << 1 << 28;
        QTest::newRow("columns count characters") << "Éé ça [u](https://u.example)\n"
                                                  << 0 << "https://u.example"
                                                  << "https://u.example" << 1 << 11;
        QTest::newRow("empty destination") << "an [empty]() link\n"
                                           << 0 << ""
                                           << "()" << 1 << 11;
        QTest::newRow("reference link: the use")
            << "See [the guide][g].\n\n[g]: https://g.example\n"
            << 0 << "https://g.example"
            << "[the guide][g]" << 1 << 5;
    }

    void locate()
    {
        QFETCH(QString, markdown);
        QFETCH(int, index);
        QFETCH(QString, destination);
        QFETCH(QString, spanText);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string text = markdown.toStdString();
        const auto links = scan(text);
        QVERIFY(index < int(links.size()));
        const MarkdownLink &link = links[std::size_t(index)];
        QCOMPARE(QString::fromStdString(link.destination), destination);
        QCOMPARE(::spanText(text, link), spanText);
        QCOMPARE(link.start.line, line);
        QCOMPARE(link.start.column, column);
    }

    void scan_kindsInDocumentOrder()
    {
        const auto links = scan("![a](assets/a.png) [b](https://b.example)\n\n- [c](#c)\n");
        QCOMPARE(links.size(), std::size_t(3));
        QCOMPARE(links[0].kind, MarkdownLink::Kind::Image);
        QCOMPARE(links[1].kind, MarkdownLink::Kind::Link);
        QCOMPARE(QString::fromStdString(links[2].destination), QStringLiteral("#c"));
    }

    // Thousands of links with one destination in one paragraph: each is located on its own
    // destination, found by searching outwards from where cmark places the link.
    void scan_manyLinksInOneParagraph_eachOnItsOwnDestination()
    {
        const std::string link = "[step](https://s.example/setup) ";
        std::string markdown = "Intro line\n";
        for (int i = 0; i < 3000; ++i)
            markdown += (i % 100 == 99 ? "\n  " : "") + link;
        const auto links = scan(markdown);
        QCOMPARE(links.size(), std::size_t(3000));
        std::size_t searchFrom = 0;
        for (const MarkdownLink &found : links) {
            const std::size_t expected = markdown.find("https://s.example/setup", searchFrom);
            QCOMPARE(found.span.begin, expected);
            searchFrom = expected + 1;
        }
        // Continuation lines are indented, which cmark's columns leave out.
        QCOMPARE(links[2998].start, (SourcePosition{31, 3 + 99 * int(link.size()) + 7}));
        QCOMPARE(links[2999].start, (SourcePosition{32, 3 + 7}));
    }

    // Bare URLs become links without brackets, and cmark places them past their end: each is
    // still found on its own text, near where cmark puts it.
    void scan_manyAutolinksInOneParagraph_eachOnItsOwnText()
    {
        std::string markdown;
        for (int i = 0; i < 3000; ++i)
            markdown += "see https://a.example/" + std::to_string(i) + " and www.b.example/" +
                        std::to_string(i) + " then ";
        const auto links = scan(markdown + "\n");
        QCOMPARE(links.size(), std::size_t(6000));
        std::size_t searchFrom = 0;
        for (std::size_t i = 0; i < links.size(); ++i) {
            const std::string written = i % 2 == 0 ? "https://a.example/" + std::to_string(i / 2)
                                                   : "www.b.example/" + std::to_string(i / 2);
            const std::size_t expected = markdown.find(written + " ", searchFrom);
            QCOMPARE(links[i].span, (SourceSpan{expected, expected + written.size()}));
            searchFrom = expected + 1;
        }
    }

    // A link inside emphasis nested a thousand deep is found, with the paragraph's last line.
    void scan_linkInsideDeepEmphasis()
    {
        std::string markdown;
        for (int i = 0; i < 500; ++i)
            markdown += "*a **a ";
        markdown += "[deep](https://d.example)\nnext line";
        for (int i = 0; i < 500; ++i)
            markdown += " a** a*";
        const auto links = scan(markdown + "\n");
        QCOMPARE(links.size(), std::size_t(1));
        QCOMPARE(spanText(markdown, links[0]), QStringLiteral("https://d.example"));
        QCOMPARE(links[0].start, (SourcePosition{1, 3500 + 8}));
    }

    void scan_ignoresCodeAndRawHtml()
    {
        QVERIFY(
            scan("`[a](https://x)`\n\n```\n[b](https://y)\n```\n\n<a href=\"https://z\">z</a>\n")
                .empty());
    }
};

QTEST_GUILESS_MAIN(LinkScannerTest)
#include "tst_linkscanner.moc"
