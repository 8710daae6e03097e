#include "simulation/payload/TranscriptPayload.h"

#include <QTest>

using namespace studio;

class TranscriptPayloadTest : public QObject
{
    Q_OBJECT

private slots:
    void body_carriesSessionAndSegmentsInTheMemoryShape()
    {
        TranscriptSegment segment;
        segment.text = QStringLiteral("Olá");
        segment.speaker = QStringLiteral("SPEAKER_02");
        segment.speakerId = 2;
        segment.start = 30.5;
        segment.end = 32.0;
        const Json body = TranscriptPayload::build({segment}, QStringLiteral("uid-1"));
        QVERIFY(nlohmann::json::parse(body.dump()) == nlohmann::json::parse(R"({
            "session_id": "uid-1",
            "segments": [{"text": "Olá", "speaker": "SPEAKER_02", "speaker_id": 2, "is_user": false,
                          "person_id": null, "start": 30.5, "end": 32.0}]})"));
        QCOMPARE(
            TranscriptPayload::body({segment}, QStringLiteral("uid-1")),
            QByteArray(
                R"({"session_id": "uid-1", "segments": [{"text": "Ol\u00e1", "speaker": "SPEAKER_02", )"
                R"("speaker_id": 2, "is_user": false, "person_id": null, "start": 30.5, "end": 32.0}]})"));
    }

    void body_ofAnEmptyBatchIsStillWellFormed()
    {
        QCOMPARE(TranscriptPayload::body({}, QStringLiteral("s")),
                 QByteArray(R"({"session_id": "s", "segments": []})"));
    }
};

QTEST_GUILESS_MAIN(TranscriptPayloadTest)
#include "tst_transcriptpayload.moc"
