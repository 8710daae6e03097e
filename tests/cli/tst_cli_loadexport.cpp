#include "CliReports.h"
#include "CliRunner.h"
#include "SimulateCommands.h"
#include "LoopbackServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;
using Behaviour = studio::HttpAnswer;

namespace {

const QStringList kExportedFiles = {QStringLiteral("plan.json"), QStringLiteral("load-plan.js"),
                                    QStringLiteral("README.md"), QStringLiteral("scenario.yml")};

} // namespace

// plugin-studio load --export-artillery: the folder it writes, checked against what load
// sends (Artillery itself runs it in e2e_artillery_export).
class CliLoadExportTest : public QObject
{
    Q_OBJECT

private slots:
    void help_documentsTheOption()
    {
        const CliRun help = runCli({QStringLiteral("load"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.outText().contains(u"--export-artillery DIR"));
    }

    // The plan's users and bodies are those load sends, and nothing is sent by the export.
    void export_writesTheLoadAndSendsNothing()
    {
        LoopbackServer server;
        server.setRoute("/hook", Behaviour::json(200, "{}"));
        QTemporaryDir folder;
        const QString dir = folder.filePath(QStringLiteral("artillery"));
        const CliRun exported = runCli(
            loadTranscript(server.url("/hook"), 3, {QStringLiteral("--export-artillery"), dir}));
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QCOMPARE(server.requestCount(), 0);
        QStringList listed;
        for (const QString &file : kExportedFiles)
            listed << QDir(dir).filePath(file);
        QCOMPARE(exported.outText().split(u'\n', Qt::SkipEmptyParts), listed);
        QVERIFY(exported.errText().contains(u"npx artillery run"));

        const QString scenario = QString::fromUtf8(readFile(QDir(dir).filePath(kExportedFiles[3])));
        QVERIFY(scenario.contains(u"arrivalCount: 3"));
        QVERIFY(scenario.contains(server.url("/hook") + QStringLiteral("?uid={{ uidInUrl }}")));
        QVERIFY(readFile(QDir(dir).filePath(QStringLiteral("README.md"))).contains("run-fargate"));

        const CliRun sent = runCli(loadTranscript(server.url("/hook"), 3));
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        const QJsonObject plan = readJsonObject(QDir(dir).filePath(kExportedFiles[0]));
        const QJsonArray users = plan.value(QStringLiteral("users")).toArray();
        const QJsonArray bodies = plan.value(QStringLiteral("bodies")).toArray();
        QCOMPARE(users.size(), 3);
        QCOMPARE(plan.value(QStringLiteral("offsetsNs")).toArray().size(), bodies.size());
        QCOMPARE(server.requestCount(), 3 * int(bodies.size()));
        QHash<QString, int> indexOf;
        for (const studio::HttpServerRequest &request : server.requests()) {
            const QString uid = uidOf(request);
            const int index = indexOf[uid]++;
            const auto user = std::find_if(users.begin(), users.end(), [&uid](const QJsonValue &u) {
                return u.toObject().value(QStringLiteral("uid")).toString() == uid;
            });
            QVERIFY2(user != users.end(), qPrintable(uid));
            QString body = bodies.at(index).toString();
            body.replace(plan.value(QStringLiteral("uidMark")).toString(), uid);
            body.replace(plan.value(QStringLiteral("sessionMark")).toString(),
                         user->toObject().value(QStringLiteral("session")).toString());
            QCOMPARE(body.toUtf8(), request.body);
        }
    }

    // Another export into the same folder replaces its own files and leaves the others.
    void export_again_replacesItsFilesOnly()
    {
        QTemporaryDir folder;
        QFile notes(folder.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("kept\n");
        notes.close();
        for (const char *url : {"http://127.0.0.1:9/a", "http://127.0.0.1:9/b"}) {
            const CliRun run = runCli(loadTranscript(
                QString::fromLatin1(url), 3, {QStringLiteral("--export-artillery"), folder.path()}));
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        QVERIFY(
            readFile(folder.filePath(QStringLiteral("scenario.yml"))).contains("127.0.0.1:9/b"));
        QCOMPARE(readFile(notes.fileName()), QByteArray("kept\n"));
    }

    void export_refusesWhatArtilleryCannotSend_data()
    {
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<QString>("error");
        QTest::newRow("cap in flight")
            << QStringList{QStringLiteral("--max-in-flight"), QStringLiteral("2")}
            << QStringLiteral("Artillery has no cap");
        QTest::newRow("report") << QStringList{QStringLiteral("--report"),
                                               QStringLiteral("load.json")}
                                << QStringLiteral("--report judges a run");
        QTest::newRow("limit") << QStringList{QStringLiteral("--max-p95"), QStringLiteral("50")}
                               << QStringLiteral("--max-p95 judges a run");
    }

    void export_refusesWhatArtilleryCannotSend()
    {
        QFETCH(QStringList, more);
        QFETCH(QString, error);
        QTemporaryDir folder;
        const QString dir = folder.filePath(QStringLiteral("artillery"));
        const CliRun run =
            runCli(loadTranscript(QStringLiteral("http://127.0.0.1:9/hook"), 3,
                                  more + QStringList{QStringLiteral("--export-artillery"), dir}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(error), run.err.constData());
        QVERIFY(!QFileInfo::exists(dir));
    }

    void export_refusesAMemoryTheAppDiscards()
    {
        QTemporaryDir folder;
        const QString dir = folder.filePath(QStringLiteral("artillery"));
        const CliRun run =
            runCli({QStringLiteral("load"), QStringLiteral("--manifest"),
                    testData("memory-manifest.json"), QStringLiteral("--url"),
                    QStringLiteral("http://127.0.0.1:9/memory"), QStringLiteral("--memory"),
                    testData("discarded-memory.json"), QStringLiteral("--users"),
                    QStringLiteral("2"), QStringLiteral("--export-artillery"), dir});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"nothing to export"), run.err.constData());
        QVERIFY(!QFileInfo::exists(dir));
    }
};

QTEST_GUILESS_MAIN(CliLoadExportTest)
#include "tst_cli_loadexport.moc"
