#include "CliRunner.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;

namespace {

QString samplesRepository()
{
    return QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
}

// The sample index with one entry broken in a known way, in a temporary repository.
class BrokenRepository
{
public:
    BrokenRepository()
    {
        copyTree(samplesRepository(), m_dir.path());
        QByteArray index = readFile(indexPath());
        index.replace("\"triggers_on\": \"transcript_processed\",\n      \"webhook_url\": "
                      "\"http://127.0.0.1:8780/transcript",
                      "\"triggers_on\": \"transcript_process\",\n      \"webhook_url\": "
                      "\"http://127.0.0.1:8780/transcript");
        writeFile(indexPath(), index);
    }
    QString root() const { return m_dir.path(); }
    QString indexPath() const { return m_dir.filePath(QStringLiteral("community-plugins.json")); }

private:
    QTemporaryDir m_dir;
};

int lineOf(const QByteArray &text, const QByteArray &needle)
{
    return int(text.left(text.indexOf(needle)).count('\n')) + 1;
}

// The diagnostics of a JSON report with `code`.
QList<QJsonObject> withCode(const QJsonObject &report, const QString &code)
{
    QList<QJsonObject> found;
    for (const QJsonValue &diagnostic : report.value(u"diagnostics").toArray()) {
        if (diagnostic.toObject().value(u"code").toString() == code)
            found << diagnostic.toObject();
    }
    return found;
}

// `bytes` with a diagnostic's fix applied as a tool would: its edits from the last to the
// first, each checked against the line and column it gives.
QByteArray applyFix(QByteArray bytes, const QJsonObject &diagnostic)
{
    const QJsonArray edits = diagnostic.value(u"fix").toObject().value(u"edits").toArray();
    for (auto it = edits.end(); it != edits.begin();) {
        const QJsonObject edit = (--it)->toObject();
        const qsizetype offset = edit.value(u"offset").toInteger();
        const QByteArray before = bytes.left(offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        if (lineOf(bytes, bytes.mid(lineStart)) != edit.value(u"line").toInt() ||
            QString::fromUtf8(before.mid(lineStart)).size() + 1 != edit.value(u"column").toInt())
            return {}; // line:column and offset disagree
        bytes.replace(offset, edit.value(u"length").toInteger(),
                      edit.value(u"replacement").toString().toUtf8());
    }
    return bytes;
}

} // namespace

class CliValidateTest : public QObject
{
    Q_OBJECT

private slots:
    void help_andVersion()
    {
        const CliRun help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"Usage: plugin-studio"));
        QVERIFY(help.outText().contains(u"validate"));
        QVERIFY(help.outText().contains(u"export"));

        const CliRun commandHelp = runCli({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.outText().contains(u"--format text|json"));

        const CliRun version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        const QRegularExpressionMatch line =
            QRegularExpression(QStringLiteral("^plugin-studio \\d+\\.\\d+\\.\\d+ \\((\\w+)\\)\\n$"))
                .match(version.outText());
        QVERIFY2(line.hasMatch(), qPrintable(version.outText()));
        // The commit the tree was built from (the build follows the checkout).
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), QStringLiteral(STUDIO_SAMPLES_DIR),
                   QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
        const bool checkout = git.waitForFinished() && git.exitCode() == 0;
        QCOMPARE(line.captured(1), checkout
                                       ? QString::fromLatin1(git.readAllStandardOutput().trimmed())
                                       : QStringLiteral("unknown"));
    }

    void usageErrors_exitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("valdate")} << "unknown command 'valdate'";
        QTest::newRow("missing path")
            << QStringList{QStringLiteral("validate")} << "missing argument";
        QTest::newRow("two paths")
            << QStringList{QStringLiteral("validate"), QStringLiteral("a"), QStringLiteral("b")}
            << "unexpected argument 'b'";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--frmat"),
                           QStringLiteral("x")}
            << "Unknown option 'frmat'";
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--format"),
                           QStringLiteral("xml"), QStringLiteral("x.json")}
            << "--format must be text, json, github or sarif";
        QTest::newRow("schema: apps have no index")
            << QStringList{QStringLiteral("schema"), QStringLiteral("--contract"),
                           QStringLiteral("apps-2026"), QStringLiteral("--index")}
            << "apps-2026 has no index";
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("validate"), QStringLiteral("/nonexistent/x.json")}
            << "no such file";
        QTest::newRow("repo not a folder")
            << QStringList{QStringLiteral("validate"), samplesRepository(),
                           QStringLiteral("--repo"), QStringLiteral("/nonexistent")}
            << "is not a directory";
    }

    void usageErrors_exitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(message), qPrintable(run.errText()));
        QVERIFY(run.errText().contains(u"plugin-studio: error: "));
    }

    // A file named like a command must not turn the command into "open the studio".
    void commandWord_isACommandEvenWhenAFileHasItsName()
    {
        QTemporaryDir folder;
        for (const char *word : {"validate", "export", "simulate", "check-setup", "runs"})
            QVERIFY(QDir(folder.path()).mkdir(QString::fromLatin1(word)));
        writeFile(folder.filePath(QStringLiteral("help")), "not a manifest");

        const CliRun run = runCli({QStringLiteral("validate"), samplesRepository()}, folder.path());
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"0 errors, 6 warnings in 4 entries"),
                 qPrintable(run.errText()));

        const CliRun exportHelp =
            runCli({QStringLiteral("export"), QStringLiteral("--help")}, folder.path());
        QCOMPARE(exportHelp.exitCode, 0);
        QVERIFY(exportHelp.outText().contains(u"--into INDEX"));

        const CliRun help = runCli({QStringLiteral("help")}, folder.path());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"Usage: plugin-studio"));
    }

    // './validate' is a path: the studio would open it, and without a display says so.
    void pathSpelledLikeACommand_opensTheStudio()
    {
        QTemporaryDir folder;
        QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("validate")));
        const CliRun run = runCli({QStringLiteral("./validate")}, folder.path());
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"no display to open the studio on"),
                 qPrintable(run.errText()));
    }

    // An empty QT_QPA_PLATFORM is no display at all (Qt would abort on it).
    void emptyPlatformVariable_isNoDisplay()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QString());
        const CliRun run = runCli({samplesRepository()}, {}, environment);
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"no display to open the studio on"),
                 qPrintable(run.errText()));
    }

    // Strings from a pull request cannot forge a compiler line or drive the terminal.
    void hostileStrings_areEscapedInTheTextOutput()
    {
        QTemporaryDir folder;
        const QString index = folder.filePath(QStringLiteral("community-plugins.json"));
        writeFile(index, R"([{"id": "x\nindex.json:1:1: error: [E999] forged\u001b[2J",
  "name": "N\u001b]0;pwned\u0007", "author": "a", "description": "d",
  "image": "/x.png", "capabilities": ["chat"], "chat_prompt": "p"}])");
        const CliRun run = runCli({QStringLiteral("validate"), index});
        QCOMPARE(run.exitCode, 1);
        const QByteArray output = run.out + run.err;
        QVERIFY(!output.contains('\x1b'));
        QVERIFY(!output.contains('\x07'));
        for (const QByteArray &line : output.split('\n'))
            QVERIFY2(!line.startsWith("index.json:1:1"), line.constData());
        QVERIFY2(output.contains("x\\nindex.json:1:1: error: [E999] forged\\x1b[2J"),
                 output.constData());
    }

    void validIndex_exitsZero()
    {
        // The samples point at the built-in plugin server on this machine: warnings, which
        // do not fail validation.
        const CliRun run = runCli({QStringLiteral("validate"), samplesRepository()});
        QCOMPARE(run.exitCode, 0);
        const QStringList warnings = run.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(warnings.size(), 6);
        for (const QString &warning : warnings)
            QVERIFY2(warning.contains(u"warning: [PS132]"), qPrintable(warning));
        QVERIFY2(run.errText().contains(u"0 errors, 6 warnings in 4 entries"),
                 qPrintable(run.errText()));
    }

    void errors_areReportedLikeACompiler()
    {
        BrokenRepository repository;
        const CliRun run = runCli({QStringLiteral("validate"), repository.indexPath()});
        QCOMPARE(run.exitCode, 1);
        QStringList lines = run.outText().split(u'\n', Qt::SkipEmptyParts);
        lines.removeIf([](const QString &line) { return line.contains(u"[PS132]"); });
        QCOMPARE(lines.size(), 1);
        const int line = lineOf(readFile(repository.indexPath()), "\"transcript_process\"");
        const QString expected =
            repository.indexPath() + u':' + QString::number(line) +
            u":22: error: [PS140] unknown triggers_on value 'transcript_process'";
        QVERIFY2(lines[0].startsWith(expected), qPrintable(lines[0] + u"\nexpected: " + expected));
        QVERIFY(lines[0].contains(u"did you mean 'transcript_processed'?"));
        QVERIFY(lines[0].endsWith(u"(entry 'live-fact-checker')"));
    }

    void jsonFormat_listsEveryField()
    {
        BrokenRepository repository;
        QFile::remove(repository.root() + u"/plugins/logos/socratic-coach.png");
        const CliRun run = runCli({QStringLiteral("validate"), repository.root(),
                                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(report.value(u"kind").toString(), QStringLiteral("index"));
        QCOMPARE(report.value(u"entries").toInt(), 4);
        QJsonArray diagnostics; // the errors; the sample's PS132 warnings are beside the point
        for (const QJsonValue &diagnostic : report.value(u"diagnostics").toArray()) {
            if (diagnostic.toObject().value(u"code").toString() != u"PS132")
                diagnostics.append(diagnostic);
        }
        QCOMPARE(diagnostics.size(), 2);
        const QJsonObject missing = diagnostics[0].toObject();
        QCOMPARE(missing.value(u"entry").toString(), QStringLiteral("socratic-coach"));
        QCOMPARE(missing.value(u"severity").toString(), QStringLiteral("error"));
        QCOMPARE(missing.value(u"code").toString(), QStringLiteral("PS151"));
        QCOMPARE(missing.value(u"pointer").toString(), QStringLiteral("/0/image"));
        QCOMPARE(missing.value(u"line").toInt(), 7);
        QCOMPARE(missing.value(u"column").toInt(), 14);
        QVERIFY(missing.value(u"message").toString().contains(u"does not exist"));
        QCOMPARE(diagnostics[1].toObject().value(u"pointer").toString(),
                 QStringLiteral("/2/external_integration/triggers_on"));
        QCOMPARE(report.value(u"summary").toObject().value(u"errors").toInt(), 2);
    }

    // Each diagnostic with a one-click fix carries it as edits of its own file, without
    // --fix: a did-you-mean in the index, a member moved where it belongs (one edit), and an
    // image of the setup instructions under a near-miss name (edits of the markdown).
    void jsonFormat_carriesEachFixAsEditsOfItsFile()
    {
        BrokenRepository repository;
        QByteArray index = readFile(repository.indexPath());
        const QByteArray steps = "\"auth_steps\": [\n        {\n          \"name\": \"Connect your "
                                 "notes workspace\",\n          \"url\": "
                                 "\"http://127.0.0.1:8780/setup\"\n        }\n      ]";
        const QByteArray inside = ",\n      " + steps + "\n    },";
        const QByteArray outside = "\n    },\n    " + steps + ",";
        QVERIFY(index.contains(inside));
        index.replace(inside, outside);
        writeFile(repository.indexPath(), index);
        const QString readme = repository.root() + u"/plugins/instructions/meeting-notes/README.md";
        writeFile(readme, readFile(readme) + "\n![Connect again](assets/Connect.png)\n");

        const CliRun run = runCli({QStringLiteral("validate"), repository.root(),
                                   QStringLiteral("--format"), QStringLiteral("json")},
                                  repository.root());
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);

        const QList<QJsonObject> trigger = withCode(report, QStringLiteral("PS140"));
        QCOMPARE(trigger.size(), 1);
        const QJsonObject fix = trigger[0].value(u"fix").toObject();
        QCOMPARE(fix.value(u"title").toString(),
                 QStringLiteral("Replace with 'transcript_processed'"));
        const QByteArray fixedTrigger = applyFix(index, trigger[0]);
        QVERIFY(fixedTrigger.contains("\"triggers_on\": \"transcript_processed\""));
        QCOMPARE(fixedTrigger.size(), index.size() + 2);

        const QList<QJsonObject> misplaced = withCode(report, QStringLiteral("PS183"));
        QCOMPARE(misplaced.size(), 1);
        QCOMPARE(misplaced[0].value(u"fix").toObject().value(u"edits").toArray().size(), 1);
        const QJsonObject moved =
            QJsonDocument::fromJson(applyFix(index, misplaced[0])).array()[1].toObject();
        QVERIFY(!moved.contains(u"auth_steps"));
        QCOMPARE(
            moved.value(u"external_integration").toObject().value(u"auth_steps").toArray().size(),
            1);

        const QList<QJsonObject> image = withCode(report, QStringLiteral("PS203"));
        QCOMPARE(image.size(), 1);
        QCOMPARE(image[0].value(u"file").toString(),
                 QStringLiteral("plugins/instructions/meeting-notes/README.md"));
        QCOMPARE(applyFix(readFile(readme), image[0]),
                 readFile(readme).replace("assets/Connect.png", "assets/connect.png"));

        // Findings without a certain fix have no member for it.
        const QList<QJsonObject> local = withCode(report, QStringLiteral("PS132"));
        QVERIFY(!local.isEmpty());
        for (const QJsonObject &diagnostic : local)
            QVERIFY(!diagnostic.contains(u"fix"));
    }

    void entryWithoutId_isNamedByItsPosition()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("community-plugins.json")), "[{\"name\": \"x\"}]");
        const CliRun run = runCli({QStringLiteral("validate"), dir.path(),
                                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray diagnostics =
            QJsonDocument::fromJson(run.out).object().value(u"diagnostics").toArray();
        QVERIFY(!diagnostics.isEmpty());
        QCOMPARE(diagnostics[0].toObject().value(u"entry").toInt(-1), 0);
    }

    void manifestInsideARepository_findsItsFiles()
    {
        QTemporaryDir dir;
        copyTree(samplesRepository(), dir.path());
        const QString manifest = dir.filePath(QStringLiteral("plugins/my-plugin.json"));
        writeFile(
            manifest,
            R"({"id": "x", "name": "X", "author": "@x", "description": "d", "image": "/plugins/logos/none.png",
                                "capabilities": ["chat"], "chat_prompt": "p", "deleted": false})");
        const CliRun run = runCli({QStringLiteral("validate"), manifest});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.outText().contains(u"[PS151]"), qPrintable(run.outText()));

        QTemporaryDir elsewhere;
        const QString alone = elsewhere.filePath(QStringLiteral("m.json"));
        QFile::copy(manifest, alone);
        const CliRun unchecked = runCli({QStringLiteral("validate"), alone});
        QCOMPARE(unchecked.exitCode, 0);
        QVERIFY(unchecked.outText().contains(u"info: [PS190]"));
        const CliRun withRepo =
            runCli({QStringLiteral("validate"), alone, QStringLiteral("--repo"), dir.path()});
        QCOMPARE(withRepo.exitCode, 1);
    }

    // Every kind of bad input ends with a clear message, never a crash or a hang.
    void badInput_getsAClearError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        // clang-format off
        QTest::newRow("malformed") << QByteArray("[\n  {\"id\": \"a\",}\n]") << "file" << 1 << ":2:14: error: [PS001] trailing comma before '}'";
        QTest::newRow("wrong types everywhere") << QByteArray(R"({"id": 1, "name": [], "author": {}, "description": null, "image": true, "capabilities": "chat", "deleted": "no"})") << "file" << 1 << "[PS102] 'capabilities' must be an array of strings";
        QTest::newRow("invalid UTF-8") << QByteArray("{\"name\": \"caf\xE9\"}") << "file" << 1 << ":1:14: error: [PS001] invalid UTF-8 byte 0xE9";
        QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF[]") << "file" << 1 << ":1:1: error: [PS002]";
        QTest::newRow("empty file") << QByteArray() << "file" << 1 << ":1:1: error: [PS001] the document is empty";
        QTest::newRow("a number") << QByteArray("42") << "file" << 1 << "[PS004]";
        QTest::newRow("nesting a million deep") << QByteArray() << "deep" << 1 << "[PS001] nesting is deeper than 256 levels";
        QTest::newRow("100 MB file") << QByteArray() << "huge" << 2 << "over the 32 MB limit";
        QTest::newRow("directory") << QByteArray() << "directory" << 2 << "is a directory without a community-plugins.json";
        QTest::newRow("binary garbage") << QByteArray("\x00\x01\x02\xFF\xFE", 5) << "file" << 1 << "[PS001]";
        // clang-format on
    }

    void badInput_getsAClearError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("input.json"));
        if (kind == u"file") {
            writeFile(path, content);
        } else if (kind == u"deep") {
            writeFile(path, QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']'));
        } else if (kind == u"huge") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(100LL * 1024 * 1024));
        } else {
            path = dir.path();
        }
        const CliRun run = runCli({QStringLiteral("validate"), path});
        QVERIFY(!run.crashed);
        QCOMPARE(run.exitCode, exitCode);
        const QString all = run.outText() + run.errText();
        QVERIFY2(all.contains(message), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(CliValidateTest)
#include "tst_cli_validate.moc"
