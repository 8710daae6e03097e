#include "SampleMemory.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryPayload.h"

#include <QTest>

using namespace studio;

namespace {

// A minimal valid fixture with `patch` merged in (RFC 7396: null removes a key).
std::string fixture(const char *patch = "{}")
{
    Json memory = Json::parse(R"({
  "id": "m-1",
  "created_at": "2024-08-01T10:00:00+00:00",
  "structured": {"title": "T", "overview": "O"},
  "transcript_segments": [
    {"text": "Hi", "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true, "person_id": null, "start": 0.5, "end": 1.5}
  ]
})");
    memory.merge_patch(Json::parse(patch));
    return memory.dump(2);
}

} // namespace

class MemoryFixtureLoaderTest : public QObject
{
    Q_OBJECT

private slots:
    void parse_fillsDefaultsForOmittedFields()
    {
        const MemoryLoadResult result = MemoryFixtureLoader::parse(fixture());
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        const Memory &memory = result.memory;
        QCOMPARE(memory.id, QStringLiteral("m-1"));
        QCOMPARE(memory.source, std::optional<QString>(QStringLiteral("friend")));
        QVERIFY(!memory.startedAt);
        QVERIFY(!memory.geolocation);
        QCOMPARE(memory.visibility, QStringLiteral("private"));
        QCOMPARE(memory.structured.emoji, QStringLiteral("\U0001F9E0"));
        QCOMPARE(memory.structured.category, QStringLiteral("other"));
        QCOMPARE(memory.transcriptSegments.size(), 1);
        QVERIFY(result.warnings.isEmpty());
    }

    void parse_roundTripsTheBackendBody()
    {
        const Memory original = test::completeMemory();
        const MemoryLoadResult result =
            MemoryFixtureLoader::parse(MemoryPayload::build(original).dump(2));
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        QVERIFY(result.memory == original);
        QVERIFY(result.warnings.isEmpty());
    }

    void parse_keepsExplicitNulls()
    {
        const MemoryLoadResult result =
            MemoryFixtureLoader::parse(fixture(R"({"source": "sdcard", "language": "de"})"));
        QVERIFY(result.ok());
        QCOMPARE(result.memory.source, std::optional<QString>(QStringLiteral("sdcard")));
        Json withNullSource = Json::parse(fixture());
        withNullSource["source"] = nullptr;
        const MemoryLoadResult nullSource = MemoryFixtureLoader::parse(withNullSource.dump());
        QVERIFY(nullSource.ok());
        QVERIFY(!nullSource.memory.source);
    }

    void parse_warnsAboutKeysTheBackendNeverSends()
    {
        const MemoryLoadResult result = MemoryFixtureLoader::parse(
            fixture(R"({"transcript": "Speaker 0: Hi", "structured": {"actionItems": []}})"));
        QVERIFY(result.ok());
        QCOMPARE(result.warnings.size(), 2);
        QCOMPARE(result.warnings[0].pointer, std::string("/transcript"));
        QCOMPARE(result.warnings[1].pointer, std::string("/structured/actionItems"));
    }

    void parse_reportsWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("id missing")
            << QByteArray(R"({"id": null})") << QString() << QStringLiteral("\"id\"");
        QTest::newRow("id number") << QByteArray(R"({"id": 7})") << QStringLiteral("/id")
                                   << QStringLiteral("must be a string");
        QTest::newRow("id empty") << QByteArray(R"({"id": " "})") << QStringLiteral("/id")
                                  << QStringLiteral("empty");
        QTest::newRow("naive created_at")
            << QByteArray(R"({"created_at": "2024-08-01T10:00:00"})")
            << QStringLiteral("/created_at") << QStringLiteral("timezone");
        QTest::newRow("started_at garbage")
            << QByteArray(R"({"started_at": "yesterday"})") << QStringLiteral("/started_at")
            << QStringLiteral("ISO-8601");
        QTest::newRow("unknown source")
            << QByteArray(R"({"source": "phone"})") << QStringLiteral("/source")
            << QStringLiteral("friend, openglass");
        QTest::newRow("unknown category")
            << QByteArray(R"({"structured": {"category": "cooking"}})")
            << QStringLiteral("/structured/category") << QStringLiteral("not one of");
        QTest::newRow("structured missing") << QByteArray(R"({"structured": null})") << QString()
                                            << QStringLiteral("\"structured\"");
        QTest::newRow("action item string")
            << QByteArray(R"({"structured": {"action_items": ["call Bob"]}})")
            << QStringLiteral("/structured/action_items/0") << QStringLiteral("expected an object");
        QTest::newRow("event without start")
            << QByteArray(R"({"structured": {"events": [{"title": "Dentist"}]}})")
            << QStringLiteral("/structured/events/0") << QStringLiteral("\"start\"");
        QTest::newRow("event naive start")
            << QByteArray(
                   R"({"structured": {"events": [{"title": "Dentist", "start": "2024-11-21 10:30"}]}})")
            << QStringLiteral("/structured/events/0/start") << QStringLiteral("timezone");
        QTest::newRow("event duration text")
            << QByteArray(
                   R"({"structured": {"events": [{"title": "D", "start": "2024-11-21T10:30:00Z", "duration": "45"}]}})")
            << QStringLiteral("/structured/events/0/duration") << QStringLiteral("whole number");
        QTest::newRow("segments not array")
            << QByteArray(R"({"transcript_segments": {}})")
            << QStringLiteral("/transcript_segments") << QStringLiteral("expected an array");
        QTest::newRow("segment end before start")
            << QByteArray(
                   R"({"transcript_segments": [{"text": "x", "speaker": "SPEAKER_00", "is_user": false, "start": 3, "end": 2}]})")
            << QStringLiteral("/transcript_segments/0/end") << QStringLiteral("before start");
        QTest::newRow("latitude out of range")
            << QByteArray(R"({"geolocation": {"latitude": 91, "longitude": 0}})")
            << QStringLiteral("/geolocation/latitude") << QStringLiteral("-90 and 90");
        QTest::newRow("photo without description")
            << QByteArray(R"({"photos": [{"base64": "AA=="}]})") << QStringLiteral("/photos/0")
            << QStringLiteral("\"description\"");
        QTest::newRow("plugin result content")
            << QByteArray(R"({"plugins_results": [{"plugin_id": "x", "content": 1}]})")
            << QStringLiteral("/plugins_results/0/content") << QStringLiteral("string");
        QTest::newRow("external data list")
            << QByteArray(R"({"external_data": [1]})") << QStringLiteral("/external_data")
            << QStringLiteral("expected an object");
        QTest::newRow("discarded string")
            << QByteArray(R"({"discarded": "no"})") << QStringLiteral("/discarded")
            << QStringLiteral("true or false");
        QTest::newRow("visibility")
            << QByteArray(R"({"visibility": "friends"})") << QStringLiteral("/visibility")
            << QStringLiteral("private, shared, public");
    }

    void parse_reportsWhatAndWhere()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, pointer);
        QFETCH(QString, messagePart);
        const std::string text = fixture(patch.constData());
        const MemoryLoadResult result = MemoryFixtureLoader::parse(text);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error->pointer), pointer);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
        QVERIFY(result.error->line > 0);
        QVERIFY(result.error->column > 0);
    }

    void parse_reportsLineAndColumnOfTheValue()
    {
        const std::string text = "{\n  \"id\": \"m\",\n  \"created_at\": \"2024-08-01T10:00:00\",\n"
                                 "  \"structured\": {}, \"transcript_segments\": []\n}";
        const MemoryLoadResult result = MemoryFixtureLoader::parse(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->line, 3);
        QCOMPARE(result.error->column, 17);
    }

    void parse_refusesWhatIsNotJson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10);
        QTest::newRow("truncated") << QByteArray(fixture().substr(0, 60).c_str());
    }

    void parse_refusesWhatIsNotJson()
    {
        QFETCH(QByteArray, bytes);
        const MemoryLoadResult result = MemoryFixtureLoader::parse(bytes.toStdString());
        QVERIFY(!result.ok());
        QVERIFY(result.error->line >= 1);
        QVERIFY(!result.error->message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(MemoryFixtureLoaderTest)
#include "tst_memoryfixtureloader.moc"
