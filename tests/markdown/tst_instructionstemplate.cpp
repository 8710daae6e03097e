#include "TestFiles.h"
#include "manifest/PluginManifest.h"
#include "markdown/InstructionsChecker.h"
#include "markdown/InstructionsTemplate.h"

#include <QTest>

using namespace studio;

namespace {

PluginManifest manifestWith(std::vector<AuthStep> steps, std::optional<std::string> setupCheck,
                            std::string webhook)
{
    PluginManifest manifest;
    manifest.id = "notion-crm";
    manifest.name = "Notion CRM";
    manifest.author = "@joan";
    manifest.capabilities = {"external_integration"};
    manifest.externalIntegration =
        ExternalIntegration{"memory_creation", std::move(webhook), std::move(setupCheck),
                            "/plugins/instructions/notion-crm/README.md", std::move(steps)};
    return manifest;
}

} // namespace

class InstructionsTemplateTest : public QObject
{
    Q_OBJECT

private slots:
    void text_hasTheUsualSections()
    {
        const PluginManifest manifest =
            manifestWith({{"Connect Notion", "https://crm.example/setup-notion"}}, std::nullopt,
                         "https://crm.example/hook");
        const QString text = QString::fromStdString(InstructionsTemplate::text(manifest));
        QVERIFY(text.startsWith(u"# Set up Notion CRM\n"));
        for (const char *section : {"## Steps", "## Screenshots", "## Troubleshooting"})
            QVERIFY2(text.contains(QLatin1String(section)), section);
        QVERIFY(text.contains(u"1. Open the [setup page](https://crm.example/setup-notion)"));
        QVERIFY(text.contains(u"assets/"));
        QVERIFY(text.contains(u"> Feedback and questions: @joan\n"));
    }

    void text_passesTheChecks()
    {
        test::TemporaryRepository repository;
        const PluginManifest manifest = manifestWith({}, std::nullopt, "https://crm.example/hook");
        InstructionsContext context = InstructionsContext::forManifest(manifest, repository.root());
        QVERIFY(InstructionsChecker::check(InstructionsTemplate::text(manifest), context).empty());
    }

    void setupPage_data()
    {
        QTest::addColumn<QString>("authUrl");
        QTest::addColumn<QString>("setupCheck");
        QTest::addColumn<QString>("webhook");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the first auth step") << "https://crm.example/connect"
                                             << "https://api.example/done"
                                             << "https://hook.example/w"
                                             << "https://crm.example/connect";
        QTest::newRow("the setup check's site") << ""
                                                << "https://api.example:8443/setup/done?x=1"
                                                << "https://hook.example/w"
                                                << "https://api.example:8443/";
        QTest::newRow("the webhook's site") << ""
                                            << ""
                                            << "https://hook.example/webhook?k=v"
                                            << "https://hook.example/";
        QTest::newRow("a placeholder") << ""
                                       << ""
                                       << "not a url"
                                       << "https://example.com/setup";
    }

    void setupPage()
    {
        QFETCH(QString, authUrl);
        QFETCH(QString, setupCheck);
        QFETCH(QString, webhook);
        QFETCH(QString, expected);
        std::vector<AuthStep> steps;
        if (!authUrl.isEmpty())
            steps.push_back({"Connect", authUrl.toStdString()});
        const PluginManifest manifest = manifestWith(
            steps, setupCheck.isEmpty() ? std::nullopt : std::optional(setupCheck.toStdString()),
            webhook.toStdString());
        QCOMPARE(QString::fromStdString(InstructionsTemplate::setupPageUrl(manifest)), expected);
    }

    void text_withoutNameOrIntegration_stillReads()
    {
        const QString text = QString::fromStdString(InstructionsTemplate::text(PluginManifest{}));
        QVERIFY(text.startsWith(u"# Set up the plugin\n"));
        QVERIFY(text.contains(u"(https://example.com/setup)"));
    }
};

QTEST_GUILESS_MAIN(InstructionsTemplateTest)
#include "tst_instructionstemplate.moc"
