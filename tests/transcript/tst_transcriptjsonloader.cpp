#include "transcript/TranscriptJsonLoader.h"

#include <QTest>

using namespace studio;

class TranscriptJsonLoaderTest : public QObject
{
    Q_OBJECT

private slots:
    void load_readsEverySegmentField()
    {
        const auto result = TranscriptJsonLoader::load(R"([
  {"text": "Hi there.", "speaker": "SPEAKER_01", "speaker_id": 1, "is_user": false,
   "person_id": "person-7", "start": 0.5, "end": 2},
  {"text": "Hello!", "speaker": "SPEAKER_00", "is_user": true, "start": 2.4, "end": 3.75}
])");
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        QCOMPARE(result.segments.size(), 2);
        const TranscriptSegment &first = result.segments[0];
        QCOMPARE(first.text, QStringLiteral("Hi there."));
        QCOMPARE(first.speaker, QStringLiteral("SPEAKER_01"));
        QCOMPARE(first.speakerId, 1);
        QCOMPARE(first.isUser, false);
        QCOMPARE(first.personId, std::optional<QString>(QStringLiteral("person-7")));
        QCOMPARE(first.start, 0.5);
        QCOMPARE(first.end, 2.0);
        QCOMPARE(result.segments[1].speakerId, 0);
        QVERIFY(!result.segments[1].personId);
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.origins[1].line, 4);
        QCOMPARE(result.origins[1].pointer, std::string("/1"));
    }

    void load_acceptsSegmentsObject()
    {
        const auto result = TranscriptJsonLoader::load(
            R"({"session_id": "abc", "segments": [{"text": "x", "speaker": "SPEAKER_02", "is_user": false, "start": 1, "end": 2}]})");
        QVERIFY(result.ok());
        QCOMPARE(result.segments.size(), 1);
        QCOMPARE(result.segments[0].speakerId, 2);
    }

    void load_derivesSpeakerFromSpeakerId()
    {
        const auto result = TranscriptJsonLoader::load(
            R"([{"text": "x", "speaker_id": 7, "is_user": false, "start": 0, "end": 1}])");
        QVERIFY(result.ok());
        QCOMPARE(result.segments[0].speaker, QStringLiteral("SPEAKER_07"));
    }

    void load_readsNullSpeakerAsAbsent()
    {
        const auto result = TranscriptJsonLoader::load(
            R"([{"text": "x", "speaker": null, "speaker_id": 4, "is_user": false, "start": 0, "end": 1}])");
        QVERIFY(result.ok());
        QCOMPARE(result.segments[0].speaker, QStringLiteral("SPEAKER_04"));
    }

    void load_speakerWinsOverDisagreeingSpeakerId()
    {
        const auto result = TranscriptJsonLoader::load(
            R"([{"text": "x", "speaker": "SPEAKER_03", "speaker_id": 1, "is_user": false, "start": 0, "end": 1}])");
        QVERIFY(result.ok());
        QCOMPARE(result.segments[0].speakerId, 3);
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0].pointer, std::string("/0/speaker_id"));
    }

    void load_warnsAboutUnknownKeys()
    {
        const auto result = TranscriptJsonLoader::load(
            "[{\"text\": \"x\", \"speaker\": \"SPEAKER_00\", \"is_User\": true,\n \"is_user\": "
            "false, \"start\": 0, \"end\": 1}]");
        QVERIFY(result.ok());
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0].pointer, std::string("/0/is_User"));
        QVERIFY(result.warnings[0].message.contains(QStringLiteral("is_User")));
    }

    // A compact transcript is one line: every origin is line 1, and an error deep into it
    // still gets its exact column, counted in characters.
    void load_ofACompactTranscript_locatesTheFailingSegmentExactly()
    {
        const int segments = 20'000;
        std::string text = "[";
        for (int i = 0; i < segments; ++i)
            text +=
                "{\"text\":\"Grüße 🧠 " + std::to_string(i) +
                "\",\"speaker\":\"SPEAKER_00\",\"is_user\":false,\"start\":" + std::to_string(i) +
                ",\"end\":" + std::to_string(i + 1) + "},";
        text.back() = ']';
        const auto loaded = TranscriptJsonLoader::load(text);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.segments.size(), segments);
        QCOMPARE(loaded.segments.last().text, QStringLiteral("Grüße 🧠 19999"));
        QCOMPARE(loaded.origins.last().line, 1);
        QCOMPARE(loaded.origins.last().pointer, std::string("/19999"));

        const std::string failing = "\"end\":20000}";
        const std::size_t at = text.rfind(failing);
        text.replace(at, failing.size(), "\"end\":-1}");
        const auto result = TranscriptJsonLoader::load(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->pointer, std::string("/19999/end"));
        // Each segment before holds ü and ß (two bytes each) and 🧠 (four bytes).
        const int column = int(at + std::string("\"end\":").size()) + 1 - segments * (1 + 1 + 3);
        QCOMPARE(result.error->line, 1);
        QCOMPARE(result.error->column, column);
    }

    void load_rejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("syntax error") << QByteArray("[\n  {\"text\": \"x\",,}\n]") << 2 << QString()
                                      << QStringLiteral("invalid JSON");
        QTest::newRow("not an array")
            << QByteArray("\"hello\"") << 1 << QString() << QStringLiteral("array of segments");
        QTest::newRow("no segments")
            << QByteArray("[]") << 1 << QString() << QStringLiteral("no segments");
        QTest::newRow("segment not object") << QByteArray("[\n 42\n]") << 2 << QStringLiteral("/0")
                                            << QStringLiteral("expected an object");
        QTest::newRow("missing text")
            << QByteArray("[\n {\"speaker\": \"SPEAKER_00\", \"is_user\": true, \"start\": 0, "
                          "\"end\": 1}\n]")
            << 2 << QStringLiteral("/0") << QStringLiteral("\"text\"");
        QTest::newRow("text wrong type")
            << QByteArray("[\n {\"text\": 5, \"speaker\": \"SPEAKER_00\", \"is_user\": true, "
                          "\"start\": 0, \"end\": 1}\n]")
            << 2 << QStringLiteral("/0/text") << QStringLiteral("must be a string");
        QTest::newRow("bad speaker")
            << QByteArray("[{\"text\": \"x\", \"speaker\": \"Alice\", \"is_user\": true, "
                          "\"start\": 0, \"end\": 1}]")
            << 1 << QStringLiteral("/0/speaker") << QStringLiteral("SPEAKER_00");
        QTest::newRow("no speaker at all")
            << QByteArray("[{\"text\": \"x\", \"is_user\": true, \"start\": 0, \"end\": 1}]") << 1
            << QStringLiteral("/0") << QStringLiteral("speaker");
        QTest::newRow("is_user as string")
            << QByteArray("[{\"text\": \"x\", \"speaker\": \"SPEAKER_00\", \"is_user\": \"yes\", "
                          "\"start\": 0, \"end\": 1}]")
            << 1 << QStringLiteral("/0/is_user") << QStringLiteral("true or false");
        QTest::newRow("start as string")
            << QByteArray("[{\"text\": \"x\", \"speaker\": \"SPEAKER_00\", \"is_user\": "
                          "true,\n\"start\": \"0:01\", \"end\": 1}]")
            << 2 << QStringLiteral("/0/start") << QStringLiteral("must be a number");
        QTest::newRow("negative start")
            << QByteArray("[{\"text\": \"x\", \"speaker\": \"SPEAKER_00\", \"is_user\": true, "
                          "\"start\": -1, \"end\": 1}]")
            << 1 << QStringLiteral("/0/start") << QStringLiteral("negative");
        QTest::newRow("end before start")
            << QByteArray("[{\"text\": \"a\", \"speaker\": \"SPEAKER_00\", \"is_user\": true, "
                          "\"start\": 0, \"end\": 1},\n"
                          " {\"text\": \"b\", \"speaker\": \"SPEAKER_00\", \"is_user\": true, "
                          "\"start\": 5.5,\n"
                          "  \"end\": 4}]")
            << 3 << QStringLiteral("/1/end") << QStringLiteral("before start");
        QTest::newRow("speaker_id fraction")
            << QByteArray("[{\"text\": \"x\", \"speaker_id\": 1.5, \"is_user\": true, \"start\": "
                          "0, \"end\": 1}]")
            << 1 << QStringLiteral("/0/speaker_id") << QStringLiteral("whole number");
        QTest::newRow("person_id number")
            << QByteArray("[{\"text\": \"x\", \"speaker\": \"SPEAKER_00\", \"person_id\": 3, "
                          "\"is_user\": true, \"start\": 0, \"end\": 1}]")
            << 1 << QStringLiteral("/0/person_id") << QStringLiteral("string or null");
    }

    void load_rejectsMalformedInput()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, pointer);
        QFETCH(QString, messagePart);

        const auto result = TranscriptJsonLoader::load(text.toStdString());
        QVERIFY(!result.ok());
        QVERIFY(result.segments.isEmpty());
        QCOMPARE(result.error->line, line);
        QVERIFY(result.error->column > 0);
        QCOMPARE(QString::fromStdString(result.error->pointer), pointer);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
        QVERIFY(result.error->toString().startsWith(QStringLiteral("line %1, column").arg(line)));
    }
};

QTEST_GUILESS_MAIN(TranscriptJsonLoaderTest)
#include "tst_transcriptjsonloader.moc"
