#include "TestFiles.h"
#include "contract/Contract.h"
#include "contract/apps2026/AppMigration.h"
#include "contract/apps2026/AppSubmission.h"

#include <QDir>
#include <QTest>

#include <algorithm>

using namespace studio;
using namespace studio::test;

namespace {

// A 2024 entry with a little of everything the migration handles (legacy, server-owned and
// unknown fields, a repository logo and instructions).
Json pluginEntry()
{
    return Json::parse(
        readFile(QStringLiteral(STUDIO_TEST_DATA_DIR "/plugin-entry.json")).toStdString());
}

bool hasChange(const AppMigration &migration, std::string_view text)
{
    return std::any_of(
        migration.changes.begin(), migration.changes.end(),
        [&](const std::string &change) { return change.find(text) != std::string::npos; });
}

std::vector<std::string> keys(const Json &object)
{
    std::vector<std::string> names;
    for (const auto &[key, value] : object.items())
        names.push_back(key);
    return names;
}

} // namespace

// A 2024 entry made into an app, and an app made into what the create endpoint takes.
class AppMigrationTest : public QObject
{
    Q_OBJECT

private slots:
    void entry_losesWhatAnAppHasNot_andSaysWhy()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/logos/notes.PNG"), pngBytes(256, 256));
        const AppMigration migration =
            AppMigration::fromPluginEntry(pluginEntry(), repository.root());

        for (const char *key : {"id", "deleted", "prompt", "memories", "installs", "rating_avg"})
            QVERIFY2(!migration.app.contains(key), key);
        QVERIFY(hasChange(migration, "removed 'id': the server assigns one"));
        QVERIFY(hasChange(migration, "removed 'prompt': a legacy field"));
        QVERIFY(hasChange(migration, "removed 'memories': a legacy field"));
        QVERIFY(hasChange(migration, "removed 'installs': the server owns it"));
        QVERIFY(hasChange(migration, "added 'category': \"other\": choose one"));
        QVERIFY(hasChange(migration, "kept 'auth_url': apps do not know it"));
        QVERIFY(hasChange(migration, "image: /plugins/logos/notes.PNG -> logo.png (copied)"));
        QVERIFY(hasChange(migration, "'/plugins/instructions/notes/README.md' is a repository "
                                     "path, kept: publish the instructions"));

        // The app's own order, unknown keys last; the auth step's too.
        QVERIFY(keys(migration.app) ==
                (std::vector<std::string>{"name", "author", "description", "category", "image",
                                          "capabilities", "chat_prompt", "external_integration",
                                          "auth_url"}));
        QVERIFY(keys(migration.app["external_integration"]["auth_steps"][0]) ==
                (std::vector<std::string>{"name", "url"}));

        // The logo first, copied from the repository; app.json last, holding the app.
        QCOMPARE(migration.files.size(), std::size_t(2));
        QCOMPARE(migration.files[0].name, QStringLiteral("logo.png"));
        QCOMPARE(migration.files[0].copiedFrom,
                 repository.path(QStringLiteral("plugins/logos/notes.PNG")));
        QCOMPARE(migration.files[1].name, QStringLiteral("app.json"));
        QVERIFY(Json::parse(migration.files[1].bytes) == migration.app);
    }

    // Written side by side, the app validates under apps-2026: warnings only.
    void migratedApp_validates()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/logos/notes.PNG"), pngBytes(256, 256));
        const AppMigration migration =
            AppMigration::fromPluginEntry(pluginEntry(), repository.root());
        QTemporaryDir out;
        writeFile(out.filePath(QStringLiteral("logo.png")), pngBytes(256, 256));
        ValidationOptions options;
        options.repositoryRoot = out.path();
        const std::string &text = migration.files.back().bytes;
        const ValidationReport report =
            Contract::apps2026().validate(text, parseJson(text), options);
        QVERIFY2(!report.hasErrors(), report.diagnostics.front().message.c_str());
        QVERIFY(&Contract::detect(migration.app) == &Contract::apps2026());
    }

    void missingLogo_isNamedButNotCopied()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/logos/note.png"), pngBytes(256, 256));
        const AppMigration migration =
            AppMigration::fromPluginEntry(pluginEntry(), repository.root());
        QVERIFY(migration.app["image"] == Json("logo.png"));
        QVERIFY(hasChange(migration, "(not copied: it does not exist in the repository; did you "
                                     "mean '/plugins/logos/note.png'?)"));
        QCOMPARE(migration.files.size(), std::size_t(1));
    }

    void whatAnAppTakesAsItIs_staysAsItIs()
    {
        Json entry = pluginEntry();
        entry["category"] = "financial";
        entry["image"] = "https://a.example/logo.png";
        entry["external_integration"]["setup_instructions_file_path"] =
            "https://a.example/setup.md";
        const AppMigration migration = AppMigration::fromPluginEntry(entry, std::nullopt);
        QVERIFY(migration.app["category"] == Json("financial"));
        QVERIFY(!hasChange(migration, "'category'"));
        QVERIFY(migration.app["image"] == Json("https://a.example/logo.png"));
        QVERIFY(hasChange(migration, "is not a repository path"));
        QVERIFY(!hasChange(migration, "setup_instructions_file_path"));
    }

    void submission_isAppDataAndTheLogo()
    {
        Json app = Json::parse(
            readFile(QStringLiteral(STUDIO_TEST_DATA_DIR "/clean-app.json")).toStdString());
        app["uid"] = "someone";
        app["id"] = "01HX";
        app["external_integration"]["is_instructions_url"] = false;
        const Submission submission =
            Contract::apps2026().submission(app, QStringLiteral("/apps/x"));

        QCOMPARE(submission.files.size(), std::size_t(2));
        QCOMPARE(submission.files[0].name, QStringLiteral("app_data.json"));
        Json expected = app;
        for (const char *key : {"uid", "id", "image"})
            expected.erase(key);
        expected["external_integration"].erase("is_instructions_url");
        QVERIFY(Json::parse(submission.files[0].bytes) == expected);
        QCOMPARE(submission.files[1].name, QStringLiteral("logo.png"));
        QCOMPARE(submission.files[1].copiedFrom, QStringLiteral("/apps/x/logo.png"));
        QCOMPARE(submission.notes.size(), std::size_t(4));
        QVERIFY(submission.notes.front().starts_with("left out 'image': the logo goes as the "
                                                     "request's file part"));
    }

    // Each path is a word for the shell and for curl's -F parser, which cuts at ';' and ','.
    void curlCommand_quotesPathsForTheShellAndCurl()
    {
        const Contract &apps = Contract::apps2026();
        QCOMPARE(
            apps.sendCommand({QStringLiteral("out/app_data.json"), QStringLiteral("out/logo.png")}),
            QStringLiteral("curl -X POST https://api.omi.me/v1/apps -H \"Authorization: Bearer "
                           "$OMI_TOKEN\" -F 'app_data=<out/app_data.json' -F file=@out/logo.png"));
        QCOMPARE(
            apps.sendCommand(
                {QStringLiteral("a;b,c/app_data.json"), QStringLiteral("it's \"x\"\\/logo.png")}),
            QStringLiteral("curl -X POST https://api.omi.me/v1/apps -H \"Authorization: Bearer "
                           "$OMI_TOKEN\" -F 'app_data=<\"a;b,c/app_data.json\"' "
                           "-F 'file=@\"it'\\''s \\\"x\\\"\\\\/logo.png\"'"));
        QVERIFY(Contract::plugins2024().sendCommand({QStringLiteral("x.json")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(AppMigrationTest)
#include "tst_appmigration.moc"
