#include "audio/AudioChunker.h"
#include "audio/AudioFile.h"
#include "io/TextFile.h"
#include "simulation/payload/MemoryFixtureLoader.h"
#include "simulation/payload/MemoryPayload.h"
#include "transcript/TranscriptBatcher.h"
#include "transcript/TranscriptLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace studio;

namespace {

QString samples(const QString &folder)
{
    return QStringLiteral(STUDIO_SAMPLES_DIR "/") + folder;
}

QStringList filesIn(const QString &folder, const QStringList &patterns)
{
    QStringList paths;
    const QDir dir(samples(folder));
    for (const QString &name : dir.entryList(patterns, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

// Every sample the studio ships must load cleanly: the samples are what people try first.
class SampleFixturesTest : public QObject
{
    Q_OBJECT

private slots:
    void memories_loadAndRoundTripExactly_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList paths = filesIn(QStringLiteral("memories"), {QStringLiteral("*.json")});
        QVERIFY(paths.size() >= 8);
        for (const QString &path : paths)
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void memories_loadAndRoundTripExactly()
    {
        QFETCH(QString, path);
        const MemoryLoadResult result = MemoryFixtureLoader::loadFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        for (const LoadIssue &warning : result.warnings)
            QFAIL(qPrintable(warning.toString()));
        // The fixtures are in the backend's shape: building the body gives the file back.
        const TextFileRead file = TextFile::read(path);
        QVERIFY(file.ok);
        QVERIFY(nlohmann::json::parse(file.bytes) ==
                nlohmann::json::parse(MemoryPayload::build(result.memory).dump()));
        for (PayloadProfile profile : PayloadProfiles::all())
            QVERIFY(!MemoryPayload::body(result.memory, profile).isEmpty());
    }

    void memories_coverTheCasesTheyAreNamedFor()
    {
        const auto load = [](const char *name) {
            return MemoryFixtureLoader::loadFile(samples(QStringLiteral("memories/")) +
                                                 QLatin1String(name))
                .memory;
        };
        QVERIFY(load("discarded.json").discarded);
        QVERIFY(load("empty-transcript.json").transcriptSegments.isEmpty());
        const Memory events = load("events-with-datetimes.json");
        QCOMPARE(events.structured.events.size(), 3);
        for (const MemoryEvent &event : events.structured.events)
            QVERIFY(event.start.isValid());
        const Memory photos = load("photos-and-geolocation.json");
        QCOMPARE(photos.photos.size(), 2);
        QVERIFY(photos.geolocation);
        QCOMPARE(load("action-items.json").structured.actionItems.size(), 4);
        const Memory twoHours = load("two-hour-conversation.json");
        QVERIFY(twoHours.transcriptSegments.last().end > 7000);
        QVERIFY(
            load("unicode-emoji-rtl.json").structured.title.contains(QStringLiteral("\U0001F389")));
        QVERIFY(load("screenpipe-external-data.json").externalData);
    }

    void transcripts_loadAndBatch_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList paths =
            filesIn(QStringLiteral("transcripts"),
                    {QStringLiteral("*.json"), QStringLiteral("*.srt"), QStringLiteral("*.vtt")});
        QVERIFY(paths.size() >= 5);
        for (const QString &path : paths)
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void transcripts_loadAndBatch()
    {
        QFETCH(QString, path);
        const TranscriptLoadResult result = TranscriptLoader::loadFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        for (const LoadIssue &warning : result.warnings)
            QFAIL(qPrintable(warning.toString()));
        qsizetype sent = 0;
        for (const TranscriptBatch &batch : TranscriptBatcher::cut(result.segments))
            sent += batch.segments.size();
        QCOMPARE(sent, result.segments.size());
    }

    void audio_isWhatTheAppStreams()
    {
        const QStringList files = filesIn(QStringLiteral("audio"), {QStringLiteral("*.wav")});
        QVERIFY(!files.isEmpty());
        for (const QString &path : files) {
            const AudioLoadResult loaded = AudioFile::load(path, std::nullopt);
            QVERIFY2(loaded.ok(), qPrintable(path + u": " + loaded.error));
            QVERIFY(loaded.audio->seconds() > 4 && loaded.audio->seconds() < 20);
            QVERIFY(QFileInfo(path).size() < 300 * 1024);
        }
        const AudioLoadResult hello =
            AudioFile::load(samples(QStringLiteral("audio/hello-16k.wav")), std::nullopt);
        QCOMPARE(hello.audio->sampleRate, 16000);
        QCOMPARE(AudioChunker::cut(*hello.audio).size(), 3);
    }

    void transcripts_haveRealisticLengths()
    {
        const auto last = [](const char *name, const QString &user = {}) {
            TranscriptLoadOptions options;
            options.userSpeaker = user;
            return TranscriptLoader::loadFile(
                samples(QStringLiteral("transcripts/")) + QLatin1String(name), options);
        };
        QVERIFY(qAbs(last("coffee-chat-3min.json").segments.last().end - 180) < 10);
        const TranscriptLoadResult meeting = last("team-meeting-30min.json");
        QVERIFY(qAbs(meeting.segments.last().end - 1800) < 30);
        QSet<int> speakers;
        for (const TranscriptSegment &segment : meeting.segments)
            speakers.insert(segment.speakerId);
        QCOMPARE(speakers.size(), 4);
        QVERIFY(last("full-day-8h.json").segments.last().end > 7 * 3600);
        const TranscriptLoadResult podcast = last("podcast-interview.vtt", QStringLiteral("Maya"));
        QVERIFY(podcast.segments.front().isUser);
        QCOMPARE(podcast.segments[1].speaker, QStringLiteral("SPEAKER_01"));
        QCOMPARE(last("product-standup.srt").segments[6].text.left(6), QStringLiteral("Quick "));
    }
};

QTEST_GUILESS_MAIN(SampleFixturesTest)
#include "tst_samplefixtures.moc"
