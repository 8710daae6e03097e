#include "contract/Contract.h"
#include "contract/apps2026/ConversationPayload.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryPayload.h"

#include <QTest>

using namespace studio;

namespace {

Memory sample(const char *name)
{
    const MemoryLoadResult loaded = MemoryFixtureLoader::loadFile(
        QStringLiteral(STUDIO_SAMPLES_DIR "/memories/") + QLatin1String(name));
    if (!loaded.ok())
        qFatal("sample memory %s does not load", name);
    return loaded.memory;
}

QStringList names(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *name : list)
        result << QString::fromLatin1(name);
    return result;
}

QStringList keys(const Json &object)
{
    QStringList list;
    for (auto it = object.begin(); it != object.end(); ++it)
        list << QString::fromStdString(it.key());
    return list;
}

// Outside strings, a compact body has no space after ',' or ':'.
bool compact(const QByteArray &bytes)
{
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            escaped = !escaped && c == '\\';
            if (c == '"' && !escaped)
                inString = false;
            if (c != '\\')
                escaped = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if ((c == ',' || c == ':') && bytes.at(i + 1) == ' ')
            return false;
    }
    return true;
}

} // namespace

// What each contract's app sends, field by field: the 2024 backend body as before, today's
// Conversation with the fields CONTRACT-2026.md lists, as compact UTF-8.
class ContractPayloadsTest : public QObject
{
    Q_OBJECT

private slots:
    void plugins2024_sendsTheBackendBodyAsBefore()
    {
        const Memory memory = sample("ordinary.json");
        QCOMPARE(Contract::plugins2024().memoryBody(memory, PayloadProfile::Backend),
                 MemoryPayload::body(memory, PayloadProfile::Backend));
        QCOMPARE(Contract::plugins2024().memoryBody(memory, PayloadProfile::App202407),
                 MemoryPayload::body(memory, PayloadProfile::App202407));
        QCOMPARE(Contract::plugins2024().memoryProfiles().size(), 3);
        QVERIFY(Contract::apps2026().memoryProfiles().isEmpty());
    }

    void apps2026_sendsTheConversation()
    {
        const Memory memory = sample("ordinary.json");
        const QByteArray bytes = Contract::apps2026().memoryBody(memory, PayloadProfile::Backend);
        QVERIFY(compact(bytes));
        const Json body = Json::parse(bytes.toStdString());
        QCOMPARE(keys(body),
                 names({"id", "created_at", "updated_at", "started_at", "finished_at",
                              "source", "language", "structured", "transcript_segments",
                              "geolocation", "photos", "audio_files", "apps_results",
                              "plugins_results", "external_data", "app_id", "discarded",
                              "visibility", "starred", "status", "is_locked", "folder_id"}));
        QCOMPARE(body["id"].get<std::string>(), "0f8a2c1e-5b7d-4e3a-9c61-2d4b8e7f1a30");
        QCOMPARE(body["created_at"].get<std::string>(), "2024-09-12T12:48:31.204518+02:00");
        QVERIFY(body["updated_at"] == body["created_at"]);
        QCOMPARE(body["status"].get<std::string>(), "completed");
        QVERIFY(body["starred"] == false);
        QVERIFY(body["is_locked"] == false);
        QVERIFY(body["app_id"].is_null());
        QVERIFY(body["folder_id"].is_null());
        QVERIFY(body["audio_files"] == Json::array());
        QVERIFY(body["structured"]["sections"] == Json::array());
        QCOMPARE(body["structured"]["title"].get<std::string>(),
                 "Lunch Plans and Weekend Hiking Trip");

        const Json &segments = body["transcript_segments"];
        QCOMPARE(qsizetype(segments.size()), memory.transcriptSegments.size());
        QCOMPARE(keys(segments[0]), names({"id", "text", "speaker", "speaker_id", "is_user",
                                                 "person_id", "start", "end", "translations"}));
        QVERIFY(segments[0]["translations"] == Json::array());
        QCOMPARE(segments[0]["start"].get<double>(), 3.1);
        // Every segment has its own id, the same for the same memory every time.
        QVERIFY(segments[0]["id"] != segments[1]["id"]);
        QCOMPARE(Contract::apps2026().memoryBody(memory, PayloadProfile::Backend), bytes);
        // Raw UTF-8, not \u escapes: a signature covers these bytes.
        QVERIFY(bytes.contains("\xF0\x9F\xA5\x97")); // the emoji of the sample
    }

    void apps2026_resultsAreUnderBothNames()
    {
        Memory memory = sample("ordinary.json");
        memory.pluginsResults = {PluginResult{QStringLiteral("summarizer"), QStringLiteral("Done")}};
        const Json body = Json::parse(
            Contract::apps2026().memoryBody(memory, PayloadProfile::Backend).toStdString());
        QVERIFY(body["apps_results"] ==
                Json::parse(R"([{"app_id": "summarizer", "content": "Done"}])"));
        QVERIFY(body["plugins_results"] ==
                Json::parse(R"([{"plugin_id": "summarizer", "content": "Done"}])"));
    }

    void transcript_bodies()
    {
        TranscriptSegment segment;
        segment.text = QStringLiteral("Let's ship on Friday — d'accord?");
        segment.start = 1.5;
        segment.end = 3.25;
        const QByteArray old = Contract::plugins2024().transcriptBody({segment}, QStringLiteral("uid-1"));
        QVERIFY(old.contains("\"session_id\": \"uid-1\"")); // Python's json.dumps
        QVERIFY(old.contains("\\u2014"));
        const Json oldBody = Json::parse(old.toStdString());
        QVERIFY(!oldBody["segments"][0].contains("id"));

        const QByteArray today = Contract::apps2026().transcriptBody({segment}, QStringLiteral("uid-1"));
        QVERIFY(compact(today));
        QVERIFY(today.contains("\xE2\x80\x94")); // the dash as UTF-8
        const Json body = Json::parse(today.toStdString());
        QCOMPARE(keys(body), names({"session_id", "segments"}));
        QCOMPARE(keys(body["segments"][0]),
                 names({"id", "text", "speaker", "speaker_id", "is_user", "person_id",
                              "start", "end", "translations"}));
        QCOMPARE(body["segments"][0]["end"].get<double>(), 3.25);
    }
};

QTEST_GUILESS_MAIN(ContractPayloadsTest)
#include "tst_contractpayloads.moc"
