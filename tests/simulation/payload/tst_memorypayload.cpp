#include "SampleMemory.h"
#include "simulation/payload/MemoryPayload.h"
#include "simulation/payload/WireJson.h"

#include <QTest>

using namespace studio;

namespace {

// Key order is irrelevant to a JSON reader: compare as unordered objects.
nlohmann::json unordered(const Json &value)
{
    return nlohmann::json::parse(value.dump());
}

void compareJson(const nlohmann::json &a, const nlohmann::json &e)
{
    if (a != e)
        qWarning("actual:   %s\nexpected: %s", a.dump().c_str(), e.dump().c_str());
    QVERIFY(a == e);
}

void compareJson(const Json &actual, const char *expected)
{
    compareJson(unordered(actual), nlohmann::json::parse(expected));
}

const char *kBackendBody = R"({
  "id": "0f8a2c1e-5b7d-4e3a-9c61-2d4b8e7f1a30",
  "created_at": "2024-09-12T12:48:31.204518+02:00",
  "started_at": "2024-09-12T12:41:05+02:00",
  "finished_at": "2024-09-12T12:48:22.640000+02:00",
  "source": "openglass",
  "language": "en",
  "structured": {
    "title": "Lunch plans", "overview": "Where to eat.", "emoji": "\ud83e\udd57", "category": "social",
    "action_items": [{"description": "Book a table", "completed": false},
                     {"description": "Bring the map", "completed": true}],
    "events": [{"title": "Hike", "description": "Saturday hike", "start": "2024-09-14T08:00:00+02:00",
                "duration": 240, "created": false}]
  },
  "transcript_segments": [
    {"text": "Are you hungry?", "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true,
     "person_id": null, "start": 3.1, "end": 7.0},
    {"text": "Sure.", "speaker": "SPEAKER_01", "speaker_id": 1, "is_user": false,
     "person_id": "person-1", "start": 8.5, "end": 9.25}
  ],
  "geolocation": {"google_place_id": "ChIJ123", "latitude": 52.36, "longitude": 4.885,
                  "address": "Museumstraat 1", "location_type": null},
  "photos": [{"base64": "iVBORw0KGgo=", "description": "a photo"}],
  "plugins_results": [{"plugin_id": "mood-tracker", "content": "Relaxed."},
                      {"plugin_id": null, "content": "Legacy."}],
  "external_data": {"app": "screenpipe"},
  "discarded": false,
  "deleted": false,
  "visibility": "shared",
  "processing_memory_id": "proc-9"
})";

} // namespace

class MemoryPayloadTest : public QObject
{
    Q_OBJECT

private slots:
    void backend_isExactlyTheContractTable()
    {
        const Json body = MemoryPayload::build(test::completeMemory());
        compareJson(body, kBackendBody);
        // Names and order as the contract's table.
        QCOMPARE(
            MemoryPayload::fieldNames(PayloadProfile::Backend),
            QStringList({QStringLiteral("id"), QStringLiteral("created_at"),
                         QStringLiteral("started_at"), QStringLiteral("finished_at"),
                         QStringLiteral("source"), QStringLiteral("language"),
                         QStringLiteral("structured"), QStringLiteral("transcript_segments"),
                         QStringLiteral("geolocation"), QStringLiteral("photos"),
                         QStringLiteral("plugins_results"), QStringLiteral("external_data"),
                         QStringLiteral("discarded"), QStringLiteral("deleted"),
                         QStringLiteral("visibility"), QStringLiteral("processing_memory_id")}));
    }

    void backend_sendsNullsForAbsentValues()
    {
        Memory memory;
        memory.id = QStringLiteral("m-1");
        memory.createdAt = *IsoDateTime::parse(QStringLiteral("2024-08-01T10:00:00Z"));
        compareJson(MemoryPayload::build(memory), R"({
          "id": "m-1", "created_at": "2024-08-01T10:00:00+00:00", "started_at": null,
          "finished_at": null, "source": "friend", "language": null,
          "structured": {"title": "", "overview": "", "emoji": "\ud83e\udde0", "category": "other",
                         "action_items": [], "events": []},
          "transcript_segments": [], "geolocation": null, "photos": [], "plugins_results": [],
          "external_data": null, "discarded": false, "deleted": false, "visibility": "private",
          "processing_memory_id": null})");
    }

    void backend_blanksExternalDataOfWorkflowMemories()
    {
        Memory memory = test::completeMemory();
        memory.source = QStringLiteral("workflow");
        QVERIFY(MemoryPayload::build(memory)["external_data"].is_null());
        memory.source = QStringLiteral("screenpipe");
        QCOMPARE(MemoryPayload::build(memory)["external_data"]["app"].get<std::string>(),
                 std::string("screenpipe"));
    }

    void guide_addsWhatTheGuideShowed()
    {
        const Json body = MemoryPayload::build(test::completeMemory(), PayloadProfile::Guide);
        Json expected = Json::parse(kBackendBody);
        expected["transcript"] = "User: Are you hungry?\n\nSpeaker 1: Sure.";
        expected["plugins_response"] = expected["plugins_results"];
        expected["transcript_segments"][0]["speakerId"] = 0;
        expected["transcript_segments"][1]["speakerId"] = 1;
        compareJson(unordered(body), unordered(expected));
        const QStringList names = MemoryPayload::fieldNames(PayloadProfile::Guide);
        QCOMPARE(names.indexOf(QStringLiteral("transcript")),
                 names.indexOf(QStringLiteral("transcript_segments")) + 1);
        QCOMPARE(names.indexOf(QStringLiteral("plugins_response")),
                 names.indexOf(QStringLiteral("plugins_results")) + 1);
    }

    void firstPhoneApp_isCamelCaseWithLocalTimes()
    {
        const Json body = MemoryPayload::build(test::completeMemory(), PayloadProfile::App202407);
        compareJson(body, R"({
          "createdAt": "2024-09-12T12:48:31.204518",
          "startedAt": "2024-09-12T12:41:05.000",
          "finishedAt": "2024-09-12T12:48:22.640",
          "transcript": "User: Are you hungry?\n\nSpeaker 1: Sure.",
          "structured": {"title": "Lunch plans", "overview": "Where to eat.", "emoji": "\ud83e\udd57",
                         "category": "social", "actionItems": ["Book a table", "Bring the map"],
                         "events": [{"title": "Hike", "startsAt": "2024-09-14T08:00:00.000", "duration": 240,
                                     "description": "Saturday hike", "created": false}]},
          "pluginsResponse": [{"pluginId": "mood-tracker", "content": "Relaxed."},
                              {"pluginId": null, "content": "Legacy."}],
          "discarded": false,
          "transcriptSegments": [
            {"text": "Are you hungry?", "speaker": "SPEAKER_00", "speaker_id": 0, "is_user": true, "start": 3.1, "end": 7.0},
            {"text": "Sure.", "speaker": "SPEAKER_01", "speaker_id": 1, "is_user": false, "start": 8.5, "end": 9.25}],
          "photos": [{"base64": "iVBORw0KGgo=", "description": "a photo"}]})");
        QCOMPARE(MemoryPayload::fieldNames(PayloadProfile::App202407).first(),
                 QStringLiteral("createdAt"));
    }

    void firstPhoneApp_sendsNullForMissingTimes()
    {
        Memory memory = test::completeMemory();
        memory.startedAt.reset();
        const Json body = MemoryPayload::build(memory, PayloadProfile::App202407);
        QVERIFY(body["startedAt"].is_null());
        QVERIFY(body.contains("finishedAt"));
    }

    void body_bytesAreWhatEachSenderWrote()
    {
        Memory memory;
        memory.id = QStringLiteral("m");
        memory.createdAt = *IsoDateTime::parse(QStringLiteral("2024-08-01T10:00:00Z"));
        memory.structured.title = QStringLiteral("Café \U0001F957");
        const QByteArray python = MemoryPayload::body(memory);
        QVERIFY(python.startsWith(
            R"({"id": "m", "created_at": "2024-08-01T10:00:00+00:00", "started_at": null,)"));
        QVERIFY(python.contains(R"("title": "Caf\u00e9 \ud83e\udd57", )"));
        const QByteArray dart = MemoryPayload::body(memory, PayloadProfile::App202407);
        QVERIFY(dart.startsWith(R"({"createdAt":"2024-08-01T10:00:00.000","startedAt":null,)"));
        QVERIFY(dart.contains("\"title\":\"Caf\xC3\xA9 \xF0\x9F\xA5\x97\""));
    }

    void wireJson_matchesPythonDumps()
    {
        // Built in code: moc misreads escaped quotes inside raw string literals.
        Json value = Json::object();
        value["a"] = Json::array({1, 2.5, 12.0, 1e-05, nullptr, true});
        value["b"] = Json{{"c", "x\ny\"z"}};
        value["d"] = "\xC3\xA9";
        QCOMPARE(
            WireJson::python(value),
            QByteArray("{\"a\": [1, 2.5, 12.0, 1e-05, null, true], \"b\": {\"c\": \"x\\ny\\\"z\"}, "
                       "\"d\": \"\\u00e9\"}"));
        QCOMPARE(WireJson::dart(value), QByteArray("{\"a\":[1,2.5,12.0,1e-05,null,true],\"b\":{"
                                                   "\"c\":\"x\\ny\\\"z\"},\"d\":\"\xC3\xA9\"}"));
        QCOMPARE(WireJson::python(Json::object()), QByteArray("{}"));
        QCOMPARE(WireJson::python(Json::array()), QByteArray("[]"));
    }

    void profiles_haveStableNames()
    {
        for (PayloadProfile profile : PayloadProfiles::all()) {
            QCOMPARE(PayloadProfiles::fromName(PayloadProfiles::name(profile)), profile);
            QVERIFY(!PayloadProfiles::summary(profile).isEmpty());
        }
        QCOMPARE(PayloadProfiles::name(PayloadProfile::App202407), QStringLiteral("app-2024-07"));
        QVERIFY(!PayloadProfiles::fromName(QStringLiteral("docs")));
    }
};

QTEST_GUILESS_MAIN(MemoryPayloadTest)
#include "tst_memorypayload.moc"
