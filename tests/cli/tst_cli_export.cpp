#include "CliRunner.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
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
};

QTEST_GUILESS_MAIN(CliExportTest)
#include "tst_cli_export.moc"
