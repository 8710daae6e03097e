#include "manifest/PluginManifest.h"
#include "simulation/judge/AppTriggerRules.h"
#include "simulation/judge/ProactiveRateLimiter.h"
#include "simulation/payload/Memory.h"

#include <QTest>

using namespace studio;

namespace {

PluginUnderTest pluginFrom(const char *manifest)
{
    return PluginUnderTest::fromManifest(PluginManifest::fromJson(Json::parse(manifest)));
}

// URLs are written with JSON's \/ escape: moc misreads "//" inside raw strings.
const char *kManifest = R"({
  "id": "meeting-notes", "name": "Meeting Notes", "author": "@a", "description": "d", "image": "/x.png",
  "capabilities": ["external_integration", "proactive_notification"],
  "external_integration": {"triggers_on": "transcript_processed", "webhook_url": "https:\/\/x.dev\/hook",
                           "setup_completed_url": "https:\/\/x.dev\/setup", "setup_instructions_file_path": ""},
  "proactive_notification": {"scopes": ["user_name", "user_chat"]},
  "deleted": false
})";

} // namespace

class AppTriggerRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void fromManifest_takesWhatTheAppUses()
    {
        const PluginUnderTest plugin = pluginFrom(kManifest);
        QCOMPARE(plugin.id, QStringLiteral("meeting-notes"));
        QCOMPARE(plugin.notificationTitle(), QStringLiteral("Meeting Notes says"));
        QCOMPARE(plugin.triggersOn, QStringLiteral("transcript_processed"));
        QCOMPARE(plugin.webhookUrl, QStringLiteral("https://x.dev/hook"));
        QCOMPARE(plugin.setupCompletedUrl,
                 std::optional<QString>(QStringLiteral("https://x.dev/setup")));
        QCOMPARE(plugin.proactiveScopes,
                 QStringList({QStringLiteral("user_name"), QStringLiteral("user_chat")}));
        QVERIFY(plugin.hasCapability(QStringLiteral("proactive_notification")));
        QVERIFY(!plugin.deleted);
    }

    void pluginSkipReason_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("reasonPart"); // empty: the app calls it

        QTest::newRow("called") << QByteArray("{}") << QString();
        QTest::newRow("deleted") << QByteArray(R"({"deleted": true})") << QStringLiteral("deleted");
        QTest::newRow("no capability")
            << QByteArray(R"({"capabilities": ["chat"]})")
            << QStringLiteral("lacks the external_integration capability");
        QTest::newRow("other event")
            << QByteArray(R"({"external_integration": {"triggers_on": "memory_creation"}})")
            << QStringLiteral("calls it on memory_creation, not on transcript_processed");
        QTest::newRow("unknown event")
            << QByteArray(R"({"external_integration": {"triggers_on": "transcript"}})")
            << QStringLiteral("does not know");
        QTest::newRow("no webhook")
            << QByteArray(R"({"external_integration": {"webhook_url": " "}})")
            << QStringLiteral("webhook_url is empty");
    }

    void pluginSkipReason()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, reasonPart);
        Json manifest = Json::parse(kManifest);
        manifest.merge_patch(Json::parse(patch.toStdString()));
        const PluginUnderTest plugin =
            PluginUnderTest::fromManifest(PluginManifest::fromJson(manifest));
        const std::optional<QString> reason =
            AppTriggerRules::pluginSkipReason(plugin, AppTrigger::TranscriptProcessed);
        if (reasonPart.isEmpty()) {
            QVERIFY(!reason);
        } else {
            QVERIFY(reason);
            QVERIFY2(reason->contains(reasonPart), qPrintable(*reason));
        }
    }

    void memorySkipReason_discardedMemories()
    {
        Memory memory;
        QVERIFY(!AppTriggerRules::memorySkipReason(memory));
        memory.discarded = true;
        QVERIFY(AppTriggerRules::memorySkipReason(memory)->contains(QStringLiteral("discarded")));
    }

    void triggerNames_roundTrip()
    {
        for (AppTrigger trigger : {AppTrigger::MemoryCreation, AppTrigger::TranscriptProcessed})
            QCOMPARE(PluginUnderTest::triggerFromName(PluginUnderTest::triggerName(trigger)),
                     trigger);
        QVERIFY(!PluginUnderTest::triggerFromName(QStringLiteral("realtime")));
    }

    void rateLimiter_windowIsPerUserAndPlugin()
    {
        ProactiveRateLimiter limiter(1000);
        QVERIFY(!limiter.blockedUntil(QStringLiteral("u"), QStringLiteral("p"), 0));
        limiter.recordSent(QStringLiteral("u"), QStringLiteral("p"), 500);
        QCOMPARE(limiter.blockedUntil(QStringLiteral("u"), QStringLiteral("p"), 1499),
                 std::optional<qint64>(1500));
        QVERIFY(!limiter.blockedUntil(QStringLiteral("u"), QStringLiteral("p"), 1500));
        QVERIFY(!limiter.blockedUntil(QStringLiteral("u"), QStringLiteral("other"), 600));
        limiter.reset();
        QVERIFY(!limiter.blockedUntil(QStringLiteral("u"), QStringLiteral("p"), 600));
    }
};

QTEST_GUILESS_MAIN(AppTriggerRulesTest)
#include "tst_apptriggerrules.moc"
