#include "TestFiles.h"
#include "contract/Contract.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace studio;
using namespace studio::test;

namespace {

// A clean app: every rule's case below breaks it in one place.
Json cleanApp()
{
    return Json::parse(readFile(QStringLiteral(STUDIO_TEST_DATA_DIR "/clean-app.json")).toStdString());
}

class AppFolder
{
public:
    AppFolder() { writeFile(path(QStringLiteral("logo.png")), pngBytes(512, 512)); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString folder() const { return m_dir.path(); }

    ValidationReport validate(const std::string &text) const
    {
        ValidationOptions options;
        options.repositoryRoot = m_dir.path();
        return Contract::apps2026().validate(text, parseJson(text), options);
    }
    ValidationReport validate(const Json &app) const { return validate(app.dump(2)); }

private:
    QTemporaryDir m_dir;
};

QStringList codes(const ValidationReport &report)
{
    QStringList list;
    for (const Diagnostic &diagnostic : report.diagnostics)
        list << QString::fromLatin1(diagnostic.code().data(), qsizetype(diagnostic.code().size()));
    return list;
}

const Diagnostic *find(const ValidationReport &report, std::string_view code)
{
    const auto it = std::find_if(report.diagnostics.begin(), report.diagnostics.end(),
                                 [code](const Diagnostic &d) { return d.code() == code; });
    return it == report.diagnostics.end() ? nullptr : &*it;
}

} // namespace

// The apps-2026 rules one by one, each on a clean app broken in one place, through the
// contract's validation as the CLI and the window call it.
class AppRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanApp_hasNoFindings()
    {
        AppFolder folder;
        const ValidationReport report = folder.validate(cleanApp());
        QVERIFY2(report.diagnostics.empty(), qPrintable(codes(report).join(u' ')));
        QCOMPARE(report.kind, DocumentKind::Manifest);
    }

    void theSampleApp_isClean()
    {
        const QString path = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper/app.json");
        const QByteArray text = readFile(path);
        ValidationOptions options;
        options.repositoryRoot = QStringLiteral(STUDIO_SAMPLES_DIR "/apps/task-keeper");
        const JsonParseResult parsed = parseJson(text.toStdString());
        QCOMPARE(&Contract::detect(parsed), &Contract::apps2026());
        const ValidationReport report =
            Contract::apps2026().validate(text.toStdString(), parsed, options);
        QVERIFY2(!report.hasErrors(), qPrintable(codes(report).join(u' ')));
    }

    void rule_data()
    {
        QTest::addColumn<QString>("pointer"); // where the change goes
        QTest::addColumn<QString>("value");   // JSON, or "-" to remove the member
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("at");       // the finding's pointer
        QTest::addColumn<QString>("words");    // in its message

        QTest::newRow("required category") << "/category" << "-" << "PS101" << "/category"
                                           << "category";
        QTest::newRow("price as text") << "/price" << "\"5\"" << "PS102" << "/price" << "number";
        QTest::newRow("empty category") << "/category" << "\" \"" << "PS103" << "/category"
                                        << "empty";
        QTest::newRow("persona needs its prompt")
            << "/capabilities" << R"(["persona"])" << "PS111" << "/persona_prompt"
            << "persona_prompt";
        QTest::newRow("unknown capability") << "/capabilities/1" << "\"chats\"" << "PS110"
                                            << "/capabilities/1" << "chat";
        QTest::newRow("paid without price or plan")
            << "/is_paid" << "true" << "PS301" << "/is_paid" << "422";
        QTest::newRow("neither trigger nor action")
            << "/external_integration" << "{\"webhook_url\": \"https://x.example/h\"}"
            << "PS302" << "/external_integration" << "422";
        QTest::newRow("trigger without webhook")
            << "/external_integration/webhook_url" << "\"\"" << "PS303"
            << "/external_integration/webhook_url" << "422";
        QTest::newRow("unknown action")
            << "/external_integration/actions/0/action" << "\"create_memory\"" << "PS304"
            << "/external_integration/actions/0/action" << "422";
        QTest::newRow("unknown trigger: accepted, never fires")
            << "/external_integration/triggers_on" << "\"audio_byte\"" << "PS140"
            << "/external_integration/triggers_on" << "never fires";
        QTest::newRow("id belongs to 2024") << "/id" << "\"task-keeper\"" << "PS306" << "/id"
                                            << "2024 plugin index";
        QTest::newRow("deleted belongs to 2024") << "/deleted" << "false" << "PS306"
                                                 << "/deleted" << "2024 plugin index";
        QTest::newRow("a repository image path")
            << "/image" << "\"/plugins/logos/x.png\"" << "PS306" << "/image"
            << "2024 plugin index";
        QTest::newRow("image as a URL") << "/image" << "\"https://x.example/logo.png\""
                                        << "PS307" << "/image" << "relative";
        QTest::newRow("logo missing") << "/image" << "\"logo2.png\"" << "PS151" << "/image"
                                      << "does not exist";
        QTest::newRow("chat target") << "/external_integration/chat_messages_target"
                                     << "\"mian\"" << "PS309"
                                     << "/external_integration/chat_messages_target" << "main";
        QTest::newRow("instructions path") << "/external_integration/setup_instructions_file_path"
                                           << "\"README.md\"" << "PS311"
                                           << "/external_integration/setup_instructions_file_path"
                                           << "URL";
        QTest::newRow("server-owned") << "/approved" << "true" << "PS181" << "/approved"
                                      << "server";
        QTest::newRow("derived by the server")
            << "/external_integration/is_instructions_url" << "false" << "PS181"
            << "/external_integration/is_instructions_url" << "server";
        QTest::newRow("misplaced actions")
            << "/actions" << R"([{"action": "read_tasks"}])" << "PS183" << "/actions"
            << "inside external_integration";
        QTest::newRow("local webhook") << "/external_integration/webhook_url"
                                       << "\"http://127.0.0.1:8780/memory\"" << "PS132"
                                       << "/external_integration/webhook_url" << "";
    }
    void rule()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, at);
        QFETCH(QString, words);
        Json app = cleanApp();
        const Json::json_pointer where(pointer.toStdString());
        if (value == u"-")
            app[where.parent_pointer()].erase(where.back());
        else
            app[where] = Json::parse(value.toStdString());
        AppFolder folder;
        const ValidationReport report = folder.validate(app);
        const Diagnostic *finding = find(report, code.toStdString());
        QVERIFY2(finding, qPrintable(codes(report).join(u' ')));
        QCOMPARE(QString::fromStdString(finding->pointer), at);
        QVERIFY2(QString::fromStdString(finding->message).contains(words),
                 finding->message.c_str());
        QVERIFY(finding->start.line > 0);
    }

    // The app breaks '?sample_rate=' URLs: an error only for audio_bytes.
    void audioWebhook_withAQuery()
    {
        Json app = cleanApp();
        app["external_integration"]["webhook_url"] = "https://x.example/audio?key=1";
        AppFolder folder;
        QVERIFY(!find(folder.validate(app), "PS305"));
        app["external_integration"]["triggers_on"] = "audio_bytes";
        const ValidationReport report = folder.validate(app);
        const Diagnostic *finding = find(report, "PS305");
        QVERIFY(finding);
        QCOMPARE(finding->severity(), Severity::Error);
    }

    void homeUrl_copiedFromTheOnlyAuthStep()
    {
        Json app = cleanApp();
        app["external_integration"].erase("app_home_url");
        app["external_integration"]["auth_steps"] =
            Json::parse("[{\"name\": \"Sign in\", \"url\": \"https://x.example/in\"}]");
        AppFolder folder;
        const ValidationReport report = folder.validate(app);
        const Diagnostic *finding = find(report, "PS310");
        QVERIFY(finding);
        QCOMPARE(finding->severity(), Severity::Info);
    }

    void paidApp_completeIsAccepted()
    {
        Json app = cleanApp();
        app["is_paid"] = true;
        app["price"] = 4.99;
        app["payment_plan"] = "monthly_recurring";
        AppFolder folder;
        QVERIFY(!find(folder.validate(app), "PS301"));
        app["price"] = -1;
        QVERIFY(find(folder.validate(app), "PS301"));
    }

    void logo_checkedOnDisk()
    {
        AppFolder folder;
        writeFile(folder.path(QStringLiteral("wide.png")), pngBytes(600, 300));
        writeFile(folder.path(QStringLiteral("fake.png")), QByteArray("not a picture"));
        writeFile(folder.path(QStringLiteral("logo.gif")), gifBytes(64, 64));
        Json app = cleanApp();
        app["image"] = "wide.png";
        QVERIFY(find(folder.validate(app), "PS155"));
        app["image"] = "fake.png";
        QVERIFY(find(folder.validate(app), "PS153"));
        app["image"] = "logo.gif";
        QVERIFY(find(folder.validate(app), "PS152"));

        QFile big(folder.path(QStringLiteral("big.png")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(pngBytes(512, 512));
        QVERIFY(big.resize(11 * 1024 * 1024));
        big.close();
        app["image"] = "big.png";
        QVERIFY(find(folder.validate(app), "PS308"));
    }

    // A 2024 entry checked as an app says what belongs where; an app checked as a 2024 entry
    // misses its id (each contract has its own rules, not a blend).
    void eachContract_appliesItsOwnRules()
    {
        const std::string entry =
            R"({"id": "a", "name": "A", "author": "B", "description": "C", "image": "/plugins/logos/a.png", "capabilities": ["chat"], "chat_prompt": "P", "deleted": false})";
        AppFolder folder;
        const QStringList asApp = codes(folder.validate(entry));
        QVERIFY2(asApp.count(QStringLiteral("PS306")) == 3, qPrintable(asApp.join(u' ')));
        QVERIFY(asApp.contains(QStringLiteral("PS101"))); // no category
        const std::string app = cleanApp().dump();
        const ValidationReport asEntry =
            Contract::plugins2024().validate(app, parseJson(app), ValidationOptions{});
        QVERIFY(find(asEntry, "PS101")); // no id
        QVERIFY(find(asEntry, "PS182")); // category is unknown in 2024
    }

    void parseErrors_andWrongDocuments_areLocated()
    {
        AppFolder folder;
        const ValidationReport broken = folder.validate(std::string("{\"name\": \"A\",}"));
        QVERIFY(find(broken, "PS001"));
        const ValidationReport array = folder.validate(std::string("[]"));
        const Diagnostic *wrong = find(array, "PS004");
        QVERIFY(wrong);
        QVERIFY(QString::fromStdString(wrong->message).contains(u"app_data"));
    }
};

QTEST_GUILESS_MAIN(AppRulesTest)
#include "tst_apprules.moc"
