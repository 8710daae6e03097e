#include "TestFiles.h"
#include "markdown/InstructionsChecker.h"

#include <QTest>

using namespace studio;
using studio::test::TemporaryRepository;

Q_DECLARE_METATYPE(studio::RuleId)

namespace {

const QByteArray kPng = studio::test::pngBytes(4, 4);

InstructionsContext contextFor(const TemporaryRepository &repository, const std::string &id,
                               const std::string &folder)
{
    InstructionsContext context;
    context.pluginId = id;
    context.instructionsPath = "/plugins/instructions/" + folder + "/README.md";
    context.repositoryRoot = repository.root();
    return context;
}

QString describe(const std::vector<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const auto &d : diagnostics)
        lines << QStringLiteral("%1 %2:%3 %4")
                     .arg(QLatin1String(d.code().data(), qsizetype(d.code().size())))
                     .arg(d.start.line)
                     .arg(d.start.column)
                     .arg(QString::fromStdString(d.message));
    return lines.join(u'\n');
}

} // namespace

class InstructionsCheckerTest : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<RuleId>("rule");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("empty document")
            << "" << RuleId::InstructionsEmpty << 1 << 1 << "blank page";
        QTest::newRow("white space only") << "  \n\n\t\n"
                                          << RuleId::InstructionsEmpty << 1 << 1 << "empty";
        QTest::newRow("a byte-order mark only") << QString(QChar(0xFEFF)) + u"\n"
                                                << RuleId::InstructionsEmpty << 1 << 1 << "empty";
        QTest::newRow("missing image") << "# Setup\n\n![Explanation GIF](assets/explanation.gif)\n"
                                       << RuleId::InstructionsMissingImage << 3 << 20
                                       << "/plugins/instructions/notion-crm/assets/explanation.gif";
        QTest::newRow("missing linked file")
            << "Fill [the form](assets/form.pdf).\n"
            << RuleId::InstructionsMissingFile << 1 << 17 << "the file 'assets/form.pdf'";
        QTest::newRow("empty link")
            << "1. Open [the page]() and sign in.\n"
            << RuleId::InstructionsMalformedLink << 1 << 19 << "no destination";
        QTest::newRow("white space in link")
            << "Open [it](<https://a.example/set up>).\n"
            << RuleId::InstructionsMalformedLink << 1 << 12 << "white space";
        QTest::newRow("javascript link") << "[click](javascript:alert(1))\n"
                                         << RuleId::InstructionsMalformedLink << 1 << 9 << "script";
        QTest::newRow("unknown scheme")
            << "text\n\nOpen [setup](htps://a.example/setup)\n"
            << RuleId::InstructionsMalformedLink << 3 << 14 << "unknown scheme 'htps:'";
        QTest::newRow("malformed image source")
            << "![shot](file:///C:/shot.png)\n"
            << RuleId::InstructionsMalformedLink << 1 << 9 << "malformed image source";
        QTest::newRow("plain http setup page")
            << "1. Open [Notion x Friend](http://a.example/setup-notion).\n"
            << RuleId::InstructionsPlainHttpLink << 1 << 27 << "https://a.example/setup-notion";
        QTest::newRow("plain http autolink")
            << "Go to http://a.example/setup now\n"
            << RuleId::InstructionsPlainHttpLink << 1 << 7 << "unencrypted";
        QTest::newRow("./assets is not rewritten")
            << "![x](./assets/step.png)\n"
            << RuleId::InstructionsUnresolvedLink << 1 << 6 << "write 'assets/step.png'";
        QTest::newRow("other relative image")
            << "![x](images/step.png)\n"
            << RuleId::InstructionsUnresolvedLink << 1 << 6 << "breaks";
        QTest::newRow("repository path")
            << "![x](/plugins/instructions/notion-crm/assets/step.png)\n"
            << RuleId::InstructionsUnresolvedLink << 1 << 6 << "assets/<name>";
        QTest::newRow("www without scheme") << "[site](www.example.com)\n"
                                            << RuleId::InstructionsUnresolvedLink << 1 << 8
                                            << "did you mean https://www.example.com";
    }

    void check()
    {
        QFETCH(QString, markdown);
        QFETCH(RuleId, rule);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/notion-crm/assets/step.png"), kPng);
        const auto diagnostics = InstructionsChecker::check(
            markdown.toStdString(), contextFor(repository, "notion-crm", "notion-crm"));
        QVERIFY2(diagnostics.size() == 1, qPrintable(describe(diagnostics)));
        const Diagnostic &found = diagnostics.front();
        QCOMPARE(found.rule, rule);
        QCOMPARE(found.start.line, line);
        QCOMPARE(found.start.column, column);
        QVERIFY2(QString::fromStdString(found.message).contains(messagePart),
                 found.message.c_str());
        QCOMPARE(QString::fromStdString(found.file),
                 repository.path(QStringLiteral("plugins/instructions/notion-crm/README.md")));
    }

    // The app decodes the file as UTF-8: what does not decode shows nothing at all.
    void notText_isOneErrorWhereItStarts_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("latin-1") << QByteArray("# Setup\n\nCaf\xe9 [x](http://a.example)\n") << 3
                                 << 4 << QStringLiteral("byte 0xe9 is not UTF-8");
        QTest::newRow("NUL") << QByteArray("# Setup\n\x00\x01\x02", 11) << 2 << 1
                             << QStringLiteral("NUL byte");
        QTest::newRow("lone surrogate bytes")
            << QByteArray("ok \xed\xa0\x80") << 1 << 4 << QStringLiteral("byte 0xed");
    }

    void notText_isOneErrorWhereItStarts()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        TemporaryRepository repository;
        const auto diagnostics = InstructionsChecker::check(
            std::string_view(markdown.constData(), std::size_t(markdown.size())),
            contextFor(repository, "notion-crm", "notion-crm"));
        QVERIFY2(diagnostics.size() == 1, qPrintable(describe(diagnostics)));
        QCOMPARE(diagnostics.front().rule, RuleId::InstructionsNotText);
        QCOMPARE(diagnostics.front().severity(), Severity::Error);
        QCOMPARE(diagnostics.front().start.line, line);
        QCOMPARE(diagnostics.front().start.column, column);
        QVERIFY2(QString::fromStdString(diagnostics.front().message).contains(messagePart),
                 diagnostics.front().message.c_str());
    }

    // A fix where it is certain: the destination rewritten so that it names a file that is
    // there, or written the way the app reads it. The markdown after the fix is given.
    void fixes_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("assets"); // files in the plugin's assets folder
        QTest::addColumn<RuleId>("rule");
        QTest::addColumn<QString>("fixed"); // empty: no fix offered

        const QStringList none;
        QTest::newRow("image name differing in case")
            << "# Setup\n\n![Step](assets/Step_4.png)\n"
            << QStringList{QStringLiteral("step_4.png")} << RuleId::InstructionsMissingImage
            << "# Setup\n\n![Step](assets/step_4.png)\n";
        QTest::newRow("linked file with a typo, query kept")
            << "Fill [the form](assets/from.pdf?v=2).\n"
            << QStringList{QStringLiteral("form.pdf")} << RuleId::InstructionsMissingFile
            << "Fill [the form](assets/form.pdf?v=2).\n";
        QTest::newRow("near name with a space, encoded")
            << "![s](assets/sub/step_4.png)\n"
            << QStringList{QStringLiteral("sub/step 4.png")} << RuleId::InstructionsMissingImage
            << "![s](assets/sub/step%204.png)\n";
        QTest::newRow("./assets written as the app reads it")
            << "![a](./assets/a.png)\n"
            << QStringList{QStringLiteral("a.png")} << RuleId::InstructionsUnresolvedLink
            << "![a](assets/a.png)\n";
        QTest::newRow("repository path of an asset")
            << "![a](/plugins/instructions/x/assets/a.png)\n"
            << QStringList{QStringLiteral("a.png")} << RuleId::InstructionsUnresolvedLink
            << "![a](assets/a.png)\n";
        QTest::newRow("bare name of a file in assets")
            << "See [the form](form.pdf).\n"
            << QStringList{QStringLiteral("form.pdf")} << RuleId::InstructionsUnresolvedLink
            << "See [the form](assets/form.pdf).\n";
        QTest::newRow("spaces in a destination") << "Open [it](<https://a.example/set up>).\n"
                                                 << none << RuleId::InstructionsMalformedLink
                                                 << "Open [it](<https://a.example/set%20up>).\n";

        // Not certain: nothing is offered.
        QTest::newRow("plain http: https may not be served")
            << "[a](http://a.example/x)\n"
            << none << RuleId::InstructionsPlainHttpLink << "";
        QTest::newRow("missing image, nothing like it")
            << "![b](assets/diagram.png)\n"
            << QStringList{QStringLiteral("step_4.png")} << RuleId::InstructionsMissingImage << "";
        QTest::newRow("bare name not in assets")
            << "![a](shot.png)\n"
            << none << RuleId::InstructionsUnresolvedLink << "";
        QTest::newRow("www without a scheme") << "[site](www.a.example)\n"
                                              << none << RuleId::InstructionsUnresolvedLink << "";
        QTest::newRow("a tab in a destination") << "Open [it](<https://a.example/set\tup>).\n"
                                                << none << RuleId::InstructionsMalformedLink << "";
        QTest::newRow("reference link: the destination is elsewhere")
            << "![a][shot]\n\n[shot]: assets/Step_4.png\n"
            << QStringList{QStringLiteral("step_4.png")} << RuleId::InstructionsMissingImage << "";
    }

    void fixes()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, assets);
        QFETCH(RuleId, rule);
        QFETCH(QString, fixed);
        TemporaryRepository repository;
        for (const QString &asset : assets)
            repository.write(u"plugins/instructions/x/assets/" + asset, kPng);
        const std::string text = markdown.toStdString();
        const auto diagnostics = InstructionsChecker::check(text, contextFor(repository, "x", "x"));
        QVERIFY2(diagnostics.size() == 1, qPrintable(describe(diagnostics)));
        const Diagnostic &found = diagnostics.front();
        QCOMPARE(found.rule, rule);
        if (fixed.isEmpty()) {
            QVERIFY2(!found.fix, found.fix ? found.fix->title.c_str() : "");
            return;
        }
        QVERIFY(found.fix);
        QCOMPARE(found.fix->kind, Fix::Kind::Replace);
        QVERIFY(found.fix->span == found.span);
        std::string after = text;
        after.replace(found.fix->span.begin, found.fix->span.length(), found.fix->text);
        QCOMPARE(QString::fromStdString(after), fixed);
        QCOMPARE(QString::fromStdString(found.fix->title),
                 QStringLiteral("Replace with '%1'").arg(QString::fromStdString(found.fix->text)));
        // The fixed text has nothing left to fix.
        const auto again = InstructionsChecker::check(after, contextFor(repository, "x", "x"));
        QVERIFY2(again.empty(), qPrintable(describe(again)));
    }

    void goodInstructions_haveNoFindings()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/meeting-notes/assets/connect.png"),
                         kPng);
        const std::string markdown =
            "# Meeting Notes\n\n1. Open the [setup page](https://notes.example.com/connect).\n\n"
            "![The connect page](assets/connect.png)\n\n- [x] done\n\n[top](#meeting-notes) "
            "<support@notes.example.com> [call](tel:+491234)\n\n```\n[not a link](http://x)\n```\n";
        const auto diagnostics = InstructionsChecker::check(
            markdown, contextFor(repository, "meeting-notes", "meeting-notes"));
        QVERIFY2(diagnostics.empty(), qPrintable(describe(diagnostics)));
    }

    void folderNotId_assetBesideTheMarkdown_isAnErrorOnEachLink()
    {
        // The real heaven-or-hell entry keeps its instructions in "heavenorhell/".
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/heavenorhell/assets/board.png"),
                         kPng);
        const std::string markdown =
            "# Heaven or hell?\n\n![Board](assets/board.png)\n\n[also](assets/board.png)\n";
        const auto diagnostics = InstructionsChecker::check(
            markdown, contextFor(repository, "heaven-or-hell", "heavenorhell"));
        QVERIFY2(diagnostics.size() == 2, qPrintable(describe(diagnostics)));
        for (const Diagnostic &found : diagnostics) {
            QCOMPARE(found.rule, RuleId::InstructionsAssetsOutsideIdFolder);
            QCOMPARE(found.severity(), Severity::Error);
            QVERIFY(QString::fromStdString(found.message)
                        .contains(u"/plugins/instructions/heaven-or-hell/assets/board.png"));
            QVERIFY(QString::fromStdString(found.message).contains(u"'heavenorhell'"));
        }
        QCOMPARE(diagnostics[0].start, (SourcePosition{3, 10}));
        QCOMPARE(diagnostics[1].start, (SourcePosition{5, 8}));
    }

    void folderNotId_withoutAssetLinks_isNotReportedHere()
    {
        TemporaryRepository repository;
        const auto diagnostics = InstructionsChecker::check(
            "# Reflect\n\n[Open](https://reflect.example/intro)\n",
            contextFor(repository, "omi-reflect-integration", "reflect"));
        QVERIFY2(diagnostics.empty(), qPrintable(describe(diagnostics)));
    }

    void folderNotId_butAssetWhereTheAppLooks_works()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/mentor.01/assets/a.png"), kPng);
        const auto diagnostics = InstructionsChecker::check(
            "![a](assets/a.png)\n", contextFor(repository, "mentor.01", "mentor_01"));
        QVERIFY2(diagnostics.empty(), qPrintable(describe(diagnostics)));
    }

    void unknownRepository_checksLinksButNoFiles()
    {
        InstructionsContext context;
        context.pluginId = "heaven-or-hell";
        context.instructionsPath = "/plugins/instructions/heavenorhell/README.md";
        const auto diagnostics =
            InstructionsChecker::check("![a](assets/a.png) [b](javascript:x)\n", context);
        QVERIFY2(diagnostics.size() == 2, qPrintable(describe(diagnostics)));
        QCOMPARE(diagnostics[0].rule, RuleId::InstructionsAssetsOutsideIdFolder);
        QCOMPARE(diagnostics[1].rule, RuleId::InstructionsMalformedLink);
        QCOMPARE(QString::fromStdString(diagnostics[0].file),
                 QStringLiteral("/plugins/instructions/heavenorhell/README.md"));
    }

    void spans_coverTheDestination()
    {
        TemporaryRepository repository;
        const std::string markdown = "Line one\n![Explanation GIF](assets/missing.gif)\n";
        const auto diagnostics =
            InstructionsChecker::check(markdown, contextFor(repository, "x", "x"));
        QCOMPARE(diagnostics.size(), std::size_t(1));
        const Diagnostic &found = diagnostics.front();
        QCOMPARE(QString::fromStdString(markdown.substr(found.span.begin, found.span.length())),
                 QStringLiteral("assets/missing.gif"));
        QCOMPARE(found.end, (SourcePosition{2, 38}));
    }

    void findings_areInTextOrder()
    {
        TemporaryRepository repository;
        const auto diagnostics =
            InstructionsChecker::check("[a](http://a.example) ![b](assets/b.png)\n\n[c]()\n",
                                       contextFor(repository, "x", "x"));
        QCOMPARE(diagnostics.size(), std::size_t(3));
        QCOMPARE(diagnostics[0].rule, RuleId::InstructionsPlainHttpLink);
        QCOMPARE(diagnostics[1].rule, RuleId::InstructionsMissingImage);
        QCOMPARE(diagnostics[2].rule, RuleId::InstructionsMalformedLink);
    }

    // A block that would take cmark-gfm minutes (`![[]()` repeated) is left out with a
    // warning on its lines; the links around it are checked and located as before.
    void hostileBlock_isNotCheckedAndSaysWhereAndWhy()
    {
        InstructionsContext context;
        context.pluginId = "x";
        context.instructionsPath = "/plugins/instructions/x/README.md";
        std::string hostile;
        for (int i = 0; i < 50'000; ++i)
            hostile += "![[]()";
        const std::string markdown =
            "Open [a](http://a.example).\n\n" + hostile + "\n\nThen [b](http://b.example).\n";
        const auto diagnostics = InstructionsChecker::check(markdown, context);
        QVERIFY2(diagnostics.size() == 3, qPrintable(describe(diagnostics)));
        QCOMPARE(diagnostics[0].rule, RuleId::InstructionsPlainHttpLink);
        QCOMPARE(diagnostics[0].start, (SourcePosition{1, 10}));
        const Diagnostic &notChecked = diagnostics[1];
        QCOMPARE(notChecked.rule, RuleId::InstructionsNotChecked);
        QCOMPARE(notChecked.severity(), Severity::Warning);
        QCOMPARE(notChecked.start, (SourcePosition{3, 1}));
        QCOMPARE(notChecked.end, (SourcePosition{3, 300'001}));
        QCOMPARE(notChecked.file, std::string("/plugins/instructions/x/README.md"));
        const QString message = QString::fromStdString(notChecked.message);
        QVERIFY2(message.startsWith(u"line 3: not checked"), qPrintable(message));
        QVERIFY2(message.contains(u"100,000 markdown marks"), qPrintable(message));
        QCOMPARE(diagnostics[2].rule, RuleId::InstructionsPlainHttpLink);
        QCOMPARE(diagnostics[2].start, (SourcePosition{5, 10}));
    }
};

QTEST_GUILESS_MAIN(InstructionsCheckerTest)
#include "tst_instructionschecker.moc"
