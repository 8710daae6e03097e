#include "CliRunner.h"
#include "TestFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace studio::test;

namespace {

const QString kRepository = QStringLiteral(STUDIO_SAMPLES_DIR "/repo");

QStringList migrate(const QStringList &arguments)
{
    return QStringList{QStringLiteral("migrate")} + arguments;
}

QJsonObject jsonObject(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path)).object();
}

} // namespace

// plugin-studio migrate: a 2024 entry made into an app, as users run it.
class CliMigrateTest : public QObject
{
    Q_OBJECT

private slots:
    // An entry of the sample repository: the logo copied beside app.json, every change said
    // with its reason, and the app valid under apps-2026 (warnings only).
    void entryOfTheSampleRepository_becomesAValidApp()
    {
        QTemporaryDir out;
        const QString folder = out.filePath(QStringLiteral("notes"));
        const CliRun run =
            runCli(migrate({kRepository, QStringLiteral("--entry"), QStringLiteral("meeting-notes"),
                            QStringLiteral("-o"), folder}));
        QCOMPARE(run.exitCode, 0);
        const QString printed = run.outText();
        for (const char *change :
             {"removed 'id': the server assigns one", "removed 'deleted'",
              "added 'category': \"other\": choose one (the 2024 index had none)",
              "image: /plugins/logos/meeting-notes.png -> logo.png (copied)",
              "external_integration.setup_instructions_file_path: "
              "'/plugins/instructions/meeting-notes/README.md' is a repository path, kept: "
              "publish the instructions and give their URL",
              "[PS311]", "0 errors"})
            QVERIFY2(printed.contains(QString::fromUtf8(change)), change);

        QCOMPARE(readFile(folder + u"/logo.png"),
                 readFile(kRepository + u"/plugins/logos/meeting-notes.png"));
        const QJsonObject app = jsonObject(folder + u"/app.json");
        QCOMPARE(app.value(QStringLiteral("image")).toString(), QStringLiteral("logo.png"));
        QCOMPARE(app.value(QStringLiteral("category")).toString(), QStringLiteral("other"));
        QVERIFY(!app.contains(QStringLiteral("id")));
        QVERIFY(!app.contains(QStringLiteral("deleted")));
        QCOMPARE(app.value(QStringLiteral("external_integration"))
                     .toObject()
                     .value(QStringLiteral("webhook_url"))
                     .toString(),
                 QStringLiteral("http://127.0.0.1:8780/memory"));

        // The written app checks as validate checks it, told an app by its document alone.
        const CliRun validated = runCli({QStringLiteral("validate"), folder + u"/app.json"});
        QCOMPARE(validated.exitCode, 0);
        QVERIFY2(validated.errText().contains(u"0 errors"), qPrintable(validated.errText()));
        QVERIFY(!validated.outText().contains(u"[PS306]")); // nothing of the 2024 index is left
    }

    // Without -o: a new folder named after the id, in the current folder.
    void defaultFolder_isNamedAfterTheId()
    {
        QTemporaryDir working;
        const CliRun run =
            runCli(migrate({kRepository + u"/community-plugins.json", QStringLiteral("--entry"),
                            QStringLiteral("socratic-coach")}),
                   working.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFileInfo(working.filePath(QStringLiteral("socratic-coach/app.json"))).isFile());
        QVERIFY(QFileInfo(working.filePath(QStringLiteral("socratic-coach/logo.png"))).isFile());
    }

    // An existing file is never replaced: nothing is written, the file keeps its bytes.
    void existingFile_isNotOverwritten()
    {
        QTemporaryDir out;
        writeFile(out.filePath(QStringLiteral("app.json")), "{\"mine\": true}\n");
        const CliRun run =
            runCli(migrate({kRepository, QStringLiteral("--entry"),
                            QStringLiteral("focus-guardian"), QStringLiteral("-o"), out.path()}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(u"refusing to overwrite") &&
                     run.errText().contains(u"app.json; nothing was written"),
                 qPrintable(run.errText()));
        QCOMPARE(readFile(out.filePath(QStringLiteral("app.json"))),
                 QByteArray("{\"mine\": true}\n"));
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("logo.png"))));
    }

    void entryChoice_errorsAreUsageErrors()
    {
        QTemporaryDir out;
        const CliRun several = runCli(migrate({kRepository, QStringLiteral("-o"), out.path()}));
        QCOMPARE(several.exitCode, 2);
        QVERIFY2(several.errText().contains(u"has 4 entries; choose one with --entry ID "
                                            u"(socratic-coach, meeting-notes, live-fact-checker, "
                                            u"focus-guardian)"),
                 qPrintable(several.errText()));

        const CliRun unknown =
            runCli(migrate({kRepository, QStringLiteral("--entry"), QStringLiteral("nope"),
                            QStringLiteral("-o"), out.path()}));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.errText().contains(u"has no entry with the id 'nope'"),
                 qPrintable(unknown.errText()));
        QVERIFY(QDir(out.path()).isEmpty());
    }

    // A manifest outside any repository: its logo cannot be found, so the app is written
    // with the name the logo should have, and the missing file is an error to fix (exit 1).
    void manifestOutsideARepository_leavesTheLogoToTheAuthor()
    {
        QTemporaryDir dir;
        const QString manifest = dir.filePath(QStringLiteral("echo.json"));
        writeFile(manifest, R"({"id": "echo", "name": "Echo", "author": "@echo",
            "description": "Repeats.", "image": "/plugins/logos/echo.JPG",
            "capabilities": ["chat"], "chat_prompt": "Repeat.", "prompt": "old",
            "installs": 12, "deleted": false})");

        const CliRun mismatch = runCli(
            migrate({manifest, QStringLiteral("--entry"), QStringLiteral("other")}), dir.path());
        QCOMPARE(mismatch.exitCode, 2);
        QVERIFY(mismatch.errText().contains(u"does not match the id of the manifest"));

        const CliRun run = runCli(migrate({manifest}), dir.path());
        QCOMPARE(run.exitCode, 1);
        const QString out = run.outText();
        QVERIFY2(out.contains(u"removed 'prompt': a legacy field") &&
                     out.contains(u"removed 'installs': the server owns it") &&
                     out.contains(u"image: /plugins/logos/echo.JPG -> logo.jpg (not copied: no "
                                  u"community-plugins.json above"),
                 qPrintable(out));
        QVERIFY2(out.contains(u"[PS151]") && out.contains(u"fix them before creating the app"),
                 qPrintable(out));
        const QJsonObject app = jsonObject(dir.filePath(QStringLiteral("echo/app.json")));
        QCOMPARE(app.value(QStringLiteral("image")).toString(), QStringLiteral("logo.jpg"));
        QVERIFY(!app.contains(QStringLiteral("prompt")));
        QVERIFY(!app.contains(QStringLiteral("installs")));
    }

    void anApp_isNotMigrated()
    {
        const CliRun run =
            runCli(migrate({QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errText().contains(u"is read as apps-2026"), qPrintable(run.errText()));
    }
};

QTEST_GUILESS_MAIN(CliMigrateTest)
#include "tst_cli_migrate.moc"
