#include "CliRunner.h"
#include "LoopbackServer.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace studio::test;

namespace {

QString samplesRepository()
{
    return QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
}

// Written in the index's field order, so its canonical form is predictable.
const QByteArray kManifest = R"({"name": "Echo", "id": "echo", "author": "@echo",
  "description": "Repeats.", "image": "/plugins/logos/meeting-notes.png",
  "capabilities": ["chat"], "chat_prompt": "Repeat.", "deleted": false})";

const QByteArray kCanonical = R"({
  "id": "echo",
  "name": "Echo",
  "author": "@echo",
  "description": "Repeats.",
  "image": "/plugins/logos/meeting-notes.png",
  "capabilities": [
    "chat"
  ],
  "chat_prompt": "Repeat.",
  "deleted": false
}
)";

class Workspace
{
public:
    Workspace()
    {
        copyTree(samplesRepository(), m_dir.path());
        writeFile(manifest(), kManifest);
    }
    QString manifest() const { return m_dir.filePath(QStringLiteral("echo.json")); }
    QString index() const { return m_dir.filePath(QStringLiteral("community-plugins.json")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// The sample app in a folder of its own, with fields the author does not submit.
class AppWorkspace
{
public:
    AppWorkspace()
    {
        copyTree(QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper"), m_dir.path());
        QJsonObject app = QJsonDocument::fromJson(readFile(document())).object();
        app.insert(QStringLiteral("uid"), QStringLiteral("someone"));
        app.insert(QStringLiteral("status"), QStringLiteral("approved"));
        QJsonObject integration = app.value(QStringLiteral("external_integration")).toObject();
        integration.insert(QStringLiteral("is_instructions_url"), true);
        app.insert(QStringLiteral("external_integration"), integration);
        writeFile(document(), QJsonDocument(app).toJson());
    }
    QString document() const { return m_dir.filePath(QStringLiteral("app.json")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

struct FormPart
{
    QByteArray disposition;
    QByteArray body;
};

// The parts of a multipart/form-data body, by name.
QMap<QByteArray, FormPart> formParts(const studio::HttpServerRequest &request)
{
    const QByteArray type = request.header("Content-Type");
    const QByteArray delimiter = "--" + type.mid(type.indexOf("boundary=") + 9).trimmed();
    const QByteArray separator = "\r\n" + delimiter;
    QMap<QByteArray, FormPart> parts;
    qsizetype at = request.body.indexOf(delimiter);
    while (at >= 0) {
        const qsizetype start = at + delimiter.size() + 2; // past the delimiter's CRLF
        const qsizetype next = request.body.indexOf(separator, start);
        if (next < 0)
            break;
        const QByteArray part = request.body.mid(start, next - start);
        const qsizetype headersEnd = part.indexOf("\r\n\r\n");
        const QByteArray headers = part.left(headersEnd);
        const qsizetype nameAt = headers.indexOf("name=\"") + 6;
        const QByteArray name = headers.mid(nameAt, headers.indexOf('"', nameAt) - nameAt);
        const qsizetype dispositionEnd = headers.indexOf("\r\n");
        parts.insert(name, {dispositionEnd < 0 ? headers : headers.left(dispositionEnd),
                            part.mid(headersEnd + 4)});
        at = next + 2;
    }
    return parts;
}

ino_t inodeOf(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_ino;
}

} // namespace

class CliExportTest : public QObject
{
    Q_OBJECT

private slots:
    void export_printsTheCanonicalSubmission()
    {
        Workspace workspace;
        const CliRun run = runCli({QStringLiteral("export"), workspace.manifest()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, kCanonical);
    }

    void export_toAFile()
    {
        Workspace workspace;
        const QString out = workspace.path(QStringLiteral("out/submission.json"));
        QDir().mkpath(workspace.path(QStringLiteral("out")));
        const CliRun run =
            runCli({QStringLiteral("export"), workspace.manifest(), QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(readFile(out), kCanonical);
    }

    void exportInto_appendsTheEntryAndKeepsEveryOtherByte()
    {
        Workspace workspace;
        const QByteArray before = readFile(workspace.index());
        const CliRun run = runCli({QStringLiteral("export"), workspace.manifest(),
                                   QStringLiteral("--into"), workspace.index()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"inserted entry 'echo' (#4)"), qPrintable(run.errText()));
        const QByteArray after = readFile(workspace.index());
        const qsizetype lastBrace = before.lastIndexOf('}') + 1;
        QByteArray entry = kCanonical.chopped(1);
        entry.replace("\n", "\n  ");
        QCOMPARE(after, before.left(lastBrace) + ",\n  " + entry + before.mid(lastBrace));

        // Exporting the same entry again changes nothing: the file is not even rewritten.
        const ino_t inode = inodeOf(workspace.index());
        const CliRun again = runCli({QStringLiteral("export"), workspace.manifest(),
                                     QStringLiteral("--into"), workspace.index()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.errText().contains(u"unchanged entry 'echo' (#4)"),
                 qPrintable(again.errText()));
        QVERIFY(again.errText().contains(u"the file is left as it was"));
        QCOMPARE(readFile(workspace.index()), after);
        QCOMPARE(inodeOf(workspace.index()), inode);

        // A changed entry is updated in place.
        QByteArray changed = kManifest;
        changed.replace("Repeats.", "Repeats what you say.");
        writeFile(workspace.manifest(), changed);
        const CliRun updated = runCli({QStringLiteral("export"), workspace.manifest(),
                                       QStringLiteral("--into"), workspace.index()});
        QCOMPARE(updated.exitCode, 0);
        QVERIFY(updated.errText().contains(u"updated entry 'echo' (#4)"));
        QVERIFY(readFile(workspace.index()).contains("Repeats what you say."));
    }

    void exportInto_keepsModeAndOwner_andNamesHardLinks()
    {
        Workspace workspace;
        const QByteArray index = QFile::encodeName(workspace.index());
        const QByteArray otherName = QFile::encodeName(workspace.path(QStringLiteral("old.json")));
        QCOMPARE(::chmod(index.constData(), 0444), 0);
        const bool root = ::geteuid() == 0;
        if (!root)
            QSKIP("replacing a read-only index is refused unless root: tested in tst_textfile");
        QCOMPARE(::chown(index.constData(), 4321, 4321), 0);
        QCOMPARE(::link(index.constData(), otherName.constData()), 0);
        const QByteArray before = readFile(workspace.index());

        const CliRun run = runCli({QStringLiteral("export"), workspace.manifest(),
                                   QStringLiteral("--into"), workspace.index()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.errText().contains(u"has 2 hard links: it is replaced as a new file"),
                 qPrintable(run.errText()));
        struct stat written = {};
        QCOMPARE(::stat(index.constData(), &written), 0);
        QCOMPARE(written.st_mode & 07777, mode_t(0444));
        QCOMPARE(written.st_uid, uid_t(4321));
        QVERIFY(readFile(workspace.index()).contains("\"id\": \"echo\""));
        QCOMPARE(readFile(QFile::decodeName(otherName)), before);
    }

    void failedWrite_exitsOne()
    {
        Workspace workspace;
        const QString folder = workspace.path(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(folder));
        const CliRun run =
            runCli({QStringLiteral("export"), workspace.manifest(), QStringLiteral("-o"), folder});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("cannot write '%1': is a directory").arg(folder)),
                 qPrintable(run.errText()));
    }

    void exportInto_withOutput_leavesTheIndexAlone()
    {
        Workspace workspace;
        const QByteArray before = readFile(workspace.index());
        const QString out = workspace.path(QStringLiteral("patched.json"));
        const CliRun run =
            runCli({QStringLiteral("export"), workspace.manifest(), QStringLiteral("--into"),
                    workspace.index(), QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readFile(workspace.index()), before);
        QVERIFY(readFile(out).contains("\"id\": \"echo\""));
    }

    void anotherAuthorsId_isRefused()
    {
        Workspace workspace;
        QByteArray stolen = kManifest;
        stolen.replace("\"id\": \"echo\"", "\"id\": \"meeting-notes\"");
        writeFile(workspace.manifest(), stolen);
        const QByteArray before = readFile(workspace.index());
        const CliRun run = runCli({QStringLiteral("export"), workspace.manifest(),
                                   QStringLiteral("--into"), workspace.index()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(
                     u"the id 'meeting-notes' is taken by the entry of '@plugin-studio'"),
                 qPrintable(run.errText()));
        QCOMPARE(readFile(workspace.index()), before);
    }

    void manifestWithErrors_isRefusedUnlessForced()
    {
        Workspace workspace;
        QByteArray broken = kManifest;
        broken.replace("[\"chat\"]", "[\"chats\"]");
        writeFile(workspace.manifest(), broken);
        const CliRun refused = runCli({QStringLiteral("export"), workspace.manifest()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.errText().contains(u"[PS110] unknown capability 'chats'"),
                 qPrintable(refused.errText()));
        QVERIFY(refused.errText().contains(u"refusing to export"));

        const CliRun forced =
            runCli({QStringLiteral("export"), workspace.manifest(), QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(forced.outText().contains(u"\"chats\""));
    }

    void exportOfAnIndex_isAUsageError()
    {
        const CliRun run =
            runCli({QStringLiteral("export"), samplesRepository() + u"/community-plugins.json"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errText().contains(u"is not a manifest"));
    }

    void unreadableIndex_isAUsageError()
    {
        Workspace workspace;
        const CliRun run =
            runCli({QStringLiteral("export"), workspace.manifest(), QStringLiteral("--into"),
                    QStringLiteral("/nonexistent/index.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.errText().contains(u"no such file"));
    }

    void brokenIndex_isRefusedAndLeftAsItWas()
    {
        Workspace workspace;
        writeFile(workspace.index(), "[\n  {\"id\": \"a\"},\n");
        const CliRun run = runCli({QStringLiteral("export"), workspace.manifest(),
                                   QStringLiteral("--into"), workspace.index()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"the index does not parse (line 3, column 1"),
                 qPrintable(run.errText()));
        QCOMPARE(readFile(workspace.index()), QByteArray("[\n  {\"id\": \"a\"},\n"));
    }

    // An app (apps-2026, told by the document): app_data.json without what the author does
    // not set, the logo beside it, and the curl command creating the app; nothing is sent.
    void exportApp_writesAppDataAndLogo_andPrintsTheCurl()
    {
        AppWorkspace workspace;
        const CliRun run = runCli({QStringLiteral("export"), workspace.document()});
        QCOMPARE(run.exitCode, 0);
        const QString folder = workspace.path(QStringLiteral("submission"));
        const QString appData = folder + u"/app_data.json";
        QCOMPARE(readFile(folder + u"/logo.png"),
                 readFile(workspace.path(QStringLiteral("logo.png"))));
        const QJsonObject data = QJsonDocument::fromJson(readFile(appData)).object();
        QCOMPARE(data.value(QStringLiteral("name")).toString(), QStringLiteral("Task Keeper"));
        QCOMPARE(data.value(QStringLiteral("category")).toString(),
                 QStringLiteral("productivity-and-organization"));
        for (const char *key : {"image", "uid", "status"})
            QVERIFY2(!data.contains(QLatin1String(key)), key);
        const QJsonObject integration =
            data.value(QStringLiteral("external_integration")).toObject();
        QVERIFY(!integration.contains(QStringLiteral("is_instructions_url")));
        QCOMPARE(integration.value(QStringLiteral("actions")).toArray().size(), 3);
        QVERIFY2(
            run.errText().contains(u"note: left out 'uid': the server owns it") &&
                run.errText().contains(u"left out 'external_integration.is_instructions_url'") &&
                run.errText().contains(u"Nothing was sent"),
            qPrintable(run.errText()));
        QCOMPARE(run.outText(),
                 QStringLiteral("curl -X POST https://api.omi.me/v1/apps -H \"Authorization: "
                                "Bearer $OMI_TOKEN\" -F 'app_data=<%1' -F file=@%2\n")
                     .arg(appData, folder + u"/logo.png"));

        // Again, into the same folder: an export's own files are replaced. Named, the
        // contract gives the same.
        const CliRun again = runCli({QStringLiteral("export"), workspace.document(),
                                     QStringLiteral("--contract"), QStringLiteral("apps-2026")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, run.out);
    }

    // The printed command, its URL pointed at a loopback server, run by the shell with
    // Debian's curl: app_data arrives as a plain form field holding app_data.json (what the
    // endpoint's Form(str) takes), the logo as the file part, the token from $OMI_TOKEN; in
    // a folder whose name needs quoting for the shell and for curl alike.
    void printedCurl_sendsTheTwoPartsTheEndpointTakes()
    {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty())
            QSKIP("curl is not installed");
        AppWorkspace workspace;
        const QString folder = workspace.path(QStringLiteral("out dir;it's,odd \"x\""));
        const CliRun run =
            runCli({QStringLiteral("export"), workspace.document(), QStringLiteral("-o"), folder});
        QCOMPARE(run.exitCode, 0);

        LoopbackServer server;
        server.setRoute("/v1/apps", LoopbackServer::Behaviour::json(200, R"({"status":"ok"})"));
        QString command = run.outText().trimmed();
        QVERIFY(command.contains(u"https://api.omi.me/v1/apps"));
        command.replace(QStringLiteral("https://api.omi.me/v1/apps"), server.url("/v1/apps"));
        QProcess shell;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OMI_TOKEN"), QStringLiteral("token-123"));
        shell.setProcessEnvironment(environment);
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"), command + u" --silent --show-error"});
        QVERIFY(shell.waitForFinished(60'000));
        QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());

        QCOMPARE(server.requestCount(), 1);
        const studio::HttpServerRequest request = server.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer token-123"));
        const QMap<QByteArray, FormPart> parts = formParts(request);
        QCOMPARE(parts.keys(), (QList<QByteArray>{"app_data", "file"}));
        QCOMPARE(parts["app_data"].disposition,
                 QByteArray("Content-Disposition: form-data; name=\"app_data\""));
        QCOMPARE(parts["app_data"].body, readFile(folder + u"/app_data.json"));
        QCOMPARE(
            parts["file"].disposition,
            QByteArray("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\""));
        QCOMPARE(parts["file"].body, readFile(workspace.path(QStringLiteral("logo.png"))));
    }

    void appWithErrors_isRefusedAndNothingIsWritten()
    {
        AppWorkspace workspace;
        QJsonObject app = QJsonDocument::fromJson(readFile(workspace.document())).object();
        app.remove(QStringLiteral("category"));
        app.insert(QStringLiteral("name"), QStringLiteral("Task Keeper"));
        writeFile(workspace.document(), QJsonDocument(app).toJson());
        const CliRun run = runCli({QStringLiteral("export"), workspace.document(),
                                   QStringLiteral("--contract"), QStringLiteral("apps-2026")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"refusing to export"), qPrintable(run.errText()));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFileInfo::exists(workspace.path(QStringLiteral("submission"))));
    }

    void appInto_anIndex_isAUsageError()
    {
        AppWorkspace workspace;
        const CliRun run = runCli({QStringLiteral("export"), workspace.document(),
                                   QStringLiteral("--into"), samplesRepository()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"is an app (apps-2026), created through the app's API"),
                 qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(CliExportTest)
#include "tst_cli_export.moc"
