#include "CliRunner.h"
#include "TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace studio::test;

namespace {

QString testData(const char *name)
{
    return QStringLiteral(STUDIO_TEST_DATA_DIR "/") + QString::fromLatin1(name);
}

// A workflow command as the GitHub runner reads it: its name, its properties and its
// message, unescaped.
struct WorkflowCommand
{
    QString name;
    QMap<QString, QString> properties;
    QString message;
};

QString githubUnescaped(QString text)
{
    // %25 last: an escaped "%0A" in the text must come back as "%0A", not as a newline.
    text.replace(QStringLiteral("%0D"), QStringLiteral("\r"))
        .replace(QStringLiteral("%0A"), QStringLiteral("\n"));
    text.replace(QStringLiteral("%3A"), QStringLiteral(":"))
        .replace(QStringLiteral("%2C"), QStringLiteral(","));
    return text.replace(QStringLiteral("%25"), QStringLiteral("%"));
}

std::optional<WorkflowCommand> parseCommand(const QString &line)
{
    static const QRegularExpression shape(QStringLiteral("^::(\\w+) ([^:]*)::(.*)$"));
    const QRegularExpressionMatch match = shape.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    WorkflowCommand command{match.captured(1), {}, githubUnescaped(match.captured(3))};
    for (const QString &property : match.captured(2).split(u',')) {
        const qsizetype equals = property.indexOf(u'=');
        if (equals < 0)
            return std::nullopt;
        command.properties.insert(property.left(equals), githubUnescaped(property.mid(equals + 1)));
    }
    return command;
}

QList<WorkflowCommand> githubCommands(const CliRun &run)
{
    QList<WorkflowCommand> commands;
    for (const QString &line : run.outText().split(u'\n', Qt::SkipEmptyParts)) {
        const auto command = parseCommand(line);
        if (!command)
            qWarning("not a workflow command: %s", qPrintable(line));
        else
            commands << *command;
    }
    return commands;
}

QJsonObject sarifLog(const CliRun &run)
{
    QJsonParseError error{};
    const QJsonObject log = QJsonDocument::fromJson(run.out, &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return log;
}

} // namespace

class CliCiFormatsTest : public QObject
{
    Q_OBJECT

private slots:
    void github_oneAnnotationPerDiagnostic()
    {
        QTemporaryDir folder;
        QFile::copy(testData("unknown-trigger-manifest.json"),
                    folder.filePath(QStringLiteral("manifest.json")));
        const CliRun run = runCli({QStringLiteral("validate"), QStringLiteral("./manifest.json"),
                                   QStringLiteral("--format"), QStringLiteral("github")},
                                  folder.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"manifest.json: 1 error, 0 warnings"),
                 qPrintable(run.errText()));
        const QList<WorkflowCommand> commands = githubCommands(run);
        QCOMPARE(commands.size(), 2);

        const WorkflowCommand &skipped = commands[0];
        QCOMPARE(skipped.name, QStringLiteral("notice"));
        QCOMPARE(skipped.properties.value(QStringLiteral("title")), QStringLiteral("[PS190]"));

        const WorkflowCommand &trigger = commands[1];
        QCOMPARE(trigger.name, QStringLiteral("error"));
        const QMap<QString, QString> expected{
            {QStringLiteral("file"), QStringLiteral("manifest.json")},
            {QStringLiteral("line"), QStringLiteral("11")},
            {QStringLiteral("col"), QStringLiteral("20")},
            {QStringLiteral("endLine"), QStringLiteral("11")},
            {QStringLiteral("endColumn"), QStringLiteral("36")},
            {QStringLiteral("title"), QStringLiteral("[PS140]")}};
        QCOMPARE(trigger.properties, expected);
        QVERIFY2(trigger.message.startsWith(u"unknown triggers_on value 'memory_created'; the "
                                            u"webhook never fires. Use memory_creation or"),
                 qPrintable(trigger.message));
    }

    void github_warningsAlone_exitZero()
    {
        const CliRun run =
            runCli({QStringLiteral("validate"), QStringLiteral(STUDIO_SAMPLES_DIR "/repo"),
                    QStringLiteral("--format"), QStringLiteral("github")});
        QCOMPARE(run.exitCode, 0);
        const QList<WorkflowCommand> commands = githubCommands(run);
        QCOMPARE(commands.size(), 6);
        for (const WorkflowCommand &command : commands) {
            QCOMPARE(command.name, QStringLiteral("warning"));
            QCOMPARE(command.properties.value(QStringLiteral("title")), QStringLiteral("[PS132]"));
            QVERIFY(command.message.contains(u"(entry '"));
        }
    }

    // A path and an id from a pull request can neither end the command's line nor smuggle
    // a property or a command of their own; the runner reads both back exactly.
    void github_hostilePathAndMessage_comeBackExactly()
    {
        QTemporaryDir root;
        const QString folder = QStringLiteral("a,line=1:b%25c");
        QVERIFY(QDir(root.path()).mkdir(folder));
        const QString hostileId = QStringLiteral("x\r\n::error file=forged.json::forged%0A,y");
        const QString relative = folder + u"/community-plugins.json";
        writeFile(root.filePath(relative),
                  R"([{"id": "x\r\n::error file=forged.json::forged%0A,y", "name": "N",
  "author": "a", "description": "d", "image": "/x.png", "capabilities": ["chat"],
  "chat_prompt": "p"}])");
        const CliRun run = runCli({QStringLiteral("validate"), relative, QStringLiteral("--format"),
                                   QStringLiteral("github")},
                                  root.path());
        QCOMPARE(run.exitCode, 1);
        for (const QByteArray &line : run.out.split('\n')) {
            QVERIFY2(!line.startsWith("::error file=forged"), line.constData());
            QVERIFY(!line.contains('\r'));
        }
        const QList<WorkflowCommand> commands = githubCommands(run);
        QVERIFY(!commands.isEmpty());
        bool sawId = false;
        for (const WorkflowCommand &command : commands) {
            QCOMPARE(command.properties.value(QStringLiteral("file")), relative);
            QCOMPARE(command.properties.size(), 6);
            sawId = sawId || command.message.contains(u"(entry '" + hostileId + u"')");
        }
        QVERIFY2(sawId, qPrintable(run.outText()));
    }

    void sarif_fieldByField()
    {
        QTemporaryDir folder;
        QFile::copy(testData("unknown-trigger-manifest.json"),
                    folder.filePath(QStringLiteral("my manifest.json")));
        const CliRun run = runCli({QStringLiteral("validate"), QStringLiteral("./my manifest.json"),
                                   QStringLiteral("--format"), QStringLiteral("sarif")},
                                  folder.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.isEmpty(), run.err.constData()); // stdout is the log alone
        const QJsonObject log = sarifLog(run);
        QCOMPARE(log.value(u"version").toString(), QStringLiteral("2.1.0"));
        QVERIFY(log.value(u"$schema").toString().contains(u"sarif-2.1.0"));
        const QJsonArray runs = log.value(u"runs").toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject sarifRun = runs[0].toObject();

        const QJsonObject driver = sarifRun.value(u"tool").toObject().value(u"driver").toObject();
        QCOMPARE(driver.value(u"name").toString(), QStringLiteral("plugin-studio"));
        QCOMPARE(driver.value(u"version").toString(), QStringLiteral(STUDIO_VERSION));
        QVERIFY(QUrl(driver.value(u"informationUri").toString()).isValid());
        QVERIFY(!QUrl(driver.value(u"informationUri").toString()).isRelative());
        const QJsonArray rules = driver.value(u"rules").toArray();
        QJsonObject ps140;
        QStringList ids;
        for (const QJsonValue &rule : rules) {
            ids << rule.toObject().value(u"id").toString();
            if (ids.last() == u"PS140")
                ps140 = rule.toObject();
        }
        QCOMPARE(ids.removeDuplicates(), 0);
        QVERIFY(ids.contains(u"PS001") && ids.contains(u"PS201"));
        QCOMPARE(ps140.value(u"shortDescription").toObject().value(u"text").toString(),
                 QStringLiteral("unknown triggers_on value"));
        QVERIFY(ps140.value(u"help").toObject().value(u"text").toString().contains(u"PS140"));
        QCOMPARE(ps140.value(u"defaultConfiguration").toObject().value(u"level").toString(),
                 QStringLiteral("error"));

        const QJsonArray results = sarifRun.value(u"results").toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results[0].toObject().value(u"level").toString(), QStringLiteral("note"));
        const QJsonObject result = results[1].toObject();
        QCOMPARE(result.value(u"ruleId").toString(), QStringLiteral("PS140"));
        QCOMPARE(rules[result.value(u"ruleIndex").toInt()].toObject().value(u"id").toString(),
                 QStringLiteral("PS140"));
        QCOMPARE(result.value(u"level").toString(), QStringLiteral("error"));
        QVERIFY(result.value(u"message")
                    .toObject()
                    .value(u"text")
                    .toString()
                    .startsWith(u"unknown triggers_on value 'memory_created'"));
        const QJsonArray locations = result.value(u"locations").toArray();
        QCOMPARE(locations.size(), 1);
        const QJsonObject physical = locations[0].toObject().value(u"physicalLocation").toObject();
        QCOMPARE(physical.value(u"artifactLocation").toObject().value(u"uri").toString(),
                 QStringLiteral("my%20manifest.json"));
        const QJsonObject region = physical.value(u"region").toObject();
        QCOMPARE(region.value(u"startLine").toInt(), 11);
        QCOMPARE(region.value(u"startColumn").toInt(), 20);
        QCOMPARE(region.value(u"endLine").toInt(), 11);
        QCOMPARE(region.value(u"endColumn").toInt(), 36);
    }

    void sarif_warningsAlone_exitZero()
    {
        const CliRun run =
            runCli({QStringLiteral("validate"), QStringLiteral(STUDIO_SAMPLES_DIR "/repo"),
                    QStringLiteral("--format"), QStringLiteral("sarif")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray runs = sarifLog(run).value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonArray results = runs[0].toObject().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 6);
        for (const QJsonValue &result : results)
            QCOMPARE(result.toObject().value(QStringLiteral("level")).toString(),
                     QStringLiteral("warning"));
    }
};

QTEST_GUILESS_MAIN(CliCiFormatsTest)
#include "tst_cli_ciformats.moc"
