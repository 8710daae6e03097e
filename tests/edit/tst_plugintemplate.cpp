#include "edit/PluginTemplate.h"
#include "validation/DocumentValidator.h"

#include <QTest>

using namespace studio;

Q_DECLARE_METATYPE(std::string)

class PluginTemplateTest : public QObject
{
    Q_OBJECT

private slots:
    void create_fillsThePathsByConvention()
    {
        const Json entry = PluginTemplate::create(
            {"my-plugin", "My Plugin", "@me", {"external_integration", "memories"}});
        QCOMPARE(entry["image"].get<std::string>(), std::string("/plugins/logos/my-plugin.png"));
        QCOMPARE(entry["external_integration"]["setup_instructions_file_path"].get<std::string>(),
                 std::string("/plugins/instructions/my-plugin/README.md"));
        QCOMPARE(entry["external_integration"]["triggers_on"].get<std::string>(),
                 std::string("memory_creation"));
        QVERIFY(entry["external_integration"]["setup_completed_url"].is_null());
        QCOMPARE(entry["memory_prompt"].get<std::string>(), std::string());
        QCOMPARE(entry["deleted"].get<bool>(), false);
    }

    void create_putsTheKeysInTheIndexOrder()
    {
        const Json entry =
            PluginTemplate::create({"p", "P", "@me", {"proactive_notification", "chat"}});
        std::vector<std::string> keys;
        for (const auto &member : entry.items())
            keys.push_back(member.key());
        const std::vector<std::string> expected{
            "id",     "name",         "author",      "description",
            "image",  "capabilities", "chat_prompt", "proactive_notification",
            "deleted"};
        QCOMPARE(keys, expected);
    }

    void text_isAManifestTheValidatorOnlyAsksToFillIn()
    {
        // A fresh template has empty texts to fill in, and nothing else wrong with it.
        const std::string text = PluginTemplate::text({"fresh", "Fresh", "@me", {"chat"}});
        const ValidationReport report = DocumentValidator::validate(text, {});
        QVERIFY(report.parsed);
        for (const auto &diagnostic : report.diagnostics) {
            const bool expected = diagnostic.rule == RuleId::EmptyText ||
                                  diagnostic.rule == RuleId::EmptyPrompt ||
                                  diagnostic.rule == RuleId::FileChecksSkipped;
            QVERIFY2(expected, diagnostic.message.c_str());
        }
    }

    void sectionFor_ignoresUnknownCapabilities()
    {
        QVERIFY(!PluginTemplate::sectionFor("telepathy", "x"));
        QCOMPARE(PluginTemplate::sectionFor("chat", "x")->first, std::string("chat_prompt"));
    }

    void idFromName_makesALowercaseKebabId_data()
    {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<std::string>("id");
        QTest::newRow("words") << std::string("Meeting Notes") << std::string("meeting-notes");
        QTest::newRow("punctuation") << std::string("  Hey, You!! 2 ") << std::string("hey-you-2");
        QTest::newRow("non-ASCII dropped")
            << std::string("Caf\xC3\xA9 Bot") << std::string("caf-bot");
        QTest::newRow("empty") << std::string("!!!") << std::string();
    }

    void idFromName_makesALowercaseKebabId()
    {
        QFETCH(std::string, name);
        QFETCH(std::string, id);
        QCOMPARE(PluginTemplate::idFromName(name), id);
    }
};

QTEST_GUILESS_MAIN(PluginTemplateTest)
#include "tst_plugintemplate.moc"
