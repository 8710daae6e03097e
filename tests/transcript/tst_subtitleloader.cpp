#include "transcript/CueText.h"
#include "transcript/SubtitleLoader.h"
#include "transcript/SubtitleTimestamp.h"

#include <QTest>

using namespace studio;

namespace {

TranscriptLoadResult srt(const char *text, const QString &user = {})
{
    return SubtitleLoader::load(QString::fromUtf8(text), SubtitleLoader::Format::Srt, user);
}

TranscriptLoadResult vtt(const char *text, const QString &user = {})
{
    return SubtitleLoader::load(QString::fromUtf8(text), SubtitleLoader::Format::WebVtt, user);
}

} // namespace

class SubtitleLoaderTest : public QObject
{
    Q_OBJECT

private slots:
    void timestamp_parsesBothStyles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("srtStyle");
        QTest::addColumn<double>("seconds"); // -1: invalid

        QTest::newRow("srt") << QStringLiteral("01:02:03,456") << true << 3723.456;
        QTest::newRow("srt with dot") << QStringLiteral("00:00:06.500") << true << 6.5;
        QTest::newRow("srt one-digit hour") << QStringLiteral("1:00:00,000") << true << 3600.0;
        QTest::newRow("srt without hours") << QStringLiteral("00:06,500") << true << -1.0;
        QTest::newRow("srt short fraction") << QStringLiteral("00:00:6,5") << true << -1.0;
        QTest::newRow("srt minutes 60") << QStringLiteral("00:60:00,000") << true << -1.0;
        QTest::newRow("vtt minutes form") << QStringLiteral("02:03.250") << false << 123.25;
        QTest::newRow("vtt hours form") << QStringLiteral("10:00:00.001") << false << 36000.001;
        QTest::newRow("vtt comma") << QStringLiteral("00:02,000") << false << -1.0;
        QTest::newRow("vtt seconds 75") << QStringLiteral("00:75.000") << false << -1.0;
        QTest::newRow("garbage") << QStringLiteral("soon") << false << -1.0;
    }

    void timestamp_parsesBothStyles()
    {
        QFETCH(QString, text);
        QFETCH(bool, srtStyle);
        QFETCH(double, seconds);
        const auto parsed = SubtitleTimestamp::parse(
            text, srtStyle ? SubtitleTimestamp::Style::Srt : SubtitleTimestamp::Style::WebVtt);
        if (seconds < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QVERIFY(qAbs(*parsed - seconds) < 1e-9);
        }
    }

    void srt_readsCuesSpeakersAndMultiLineText()
    {
        const auto result =
            srt("1\r\n00:00:01,000 --> 00:00:04,000\r\nAna: Hello there,\r\n"
                "how are you?\r\n\r\n2\r\n00:00:04,500 --> 00:00:06,250\r\n"
                "Ben: <i>Fine</i> &amp; you?\r\n\r\n3\r\n00:00:07,000 --> 00:00:08,000\r\n"
                "Good.\r\n");
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        QCOMPARE(result.segments.size(), 3);
        QCOMPARE(result.segments[0].text, QStringLiteral("Hello there, how are you?"));
        QCOMPARE(result.segments[0].speaker, QStringLiteral("SPEAKER_00"));
        QCOMPARE(result.segments[0].start, 1.0);
        QCOMPARE(result.segments[0].end, 4.0);
        QCOMPARE(result.segments[1].text, QStringLiteral("Fine & you?"));
        QCOMPARE(result.segments[1].speakerId, 1);
        // A cue that names nobody keeps the previous speaker.
        QCOMPARE(result.segments[2].speakerId, 1);
        QCOMPARE(result.origins[1].line, 7);
        QVERIFY(!result.segments[0].isUser);
    }

    void srt_marksTheChosenSpeakerAsUser()
    {
        const auto byName = srt("1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n\n2\n00:00:02,000 --> "
                                "00:00:03,000\nBen: Hey\n",
                                QStringLiteral("ben"));
        QVERIFY(byName.ok());
        QVERIFY(!byName.segments[0].isUser);
        QVERIFY(byName.segments[1].isUser);
        QVERIFY(byName.warnings.isEmpty());

        const auto byLabel =
            srt("1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n", QStringLiteral("SPEAKER_00"));
        QVERIFY(byLabel.segments[0].isUser);

        const auto unknown =
            srt("1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n", QStringLiteral("Zed"));
        QVERIFY(unknown.ok());
        QCOMPARE(unknown.warnings.size(), 1);
        QVERIFY(unknown.warnings[0].message.contains(QStringLiteral("Ana")));
    }

    void srt_splitsCueWithTwoSpeakers()
    {
        const auto result = srt("1\n00:00:01,000 --> 00:00:03,000\n- Ana: Ready?\n- Ben: Yes.\n");
        QVERIFY(result.ok());
        QCOMPARE(result.segments.size(), 2);
        QCOMPARE(result.segments[0].text, QStringLiteral("Ready?"));
        QCOMPARE(result.segments[1].text, QStringLiteral("Yes."));
        QCOMPARE(result.segments[1].speakerId, 1);
        QCOMPARE(result.segments[1].start, 1.0);
    }

    void namePrefix_acceptsNamesOnly_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("name"); // empty: not a name

        QTest::newRow("simple") << QStringLiteral("Ana: hi") << QStringLiteral("Ana");
        QTest::newRow("title and two names")
            << QStringLiteral("Dr. Maria Lopez: yes") << QStringLiteral("Dr. Maria Lopez");
        QTest::newRow("particle") << QStringLiteral("Ludwig van Beethoven: hmm")
                                  << QStringLiteral("Ludwig van Beethoven");
        QTest::newRow("uncased script") << QStringLiteral("سارة: مرحبا") << QStringLiteral("سارة");
        QTest::newRow("label") << QStringLiteral("SPEAKER_01: ok") << QStringLiteral("SPEAKER_01");
        QTest::newRow("sentence") << QStringLiteral("Here is the thing: we ship") << QString();
        QTest::newRow("lowercase") << QStringLiteral("note: later") << QString();
        QTest::newRow("clock") << QStringLiteral("Meet at 10:30 tomorrow") << QString();
        QTest::newRow("url") << QStringLiteral("See https://example.com") << QString();
        QTest::newRow("four words") << QStringLiteral("The Big Red Dog: woof") << QString();
    }

    void namePrefix_acceptsNamesOnly()
    {
        QFETCH(QString, line);
        QFETCH(QString, name);
        const auto found = CueText::namePrefix(line, nullptr);
        QCOMPARE(found.value_or(QString()), name);
    }

    void vtt_readsVoiceTagsNotesAndSettings()
    {
        const auto result =
            vtt("WEBVTT - a title\nKind: captions\n\nNOTE a comment\nspanning lines\n\n"
                "STYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:04.000 align:start\n"
                "<v Maya>Welcome back.\n\n00:00:05.000 --> 00:00:07.500\n"
                "<v.loud Dr. Idris Okafor>Thanks, Maya.</v>\n\n00:08.000 --> 00:09.000\n"
                "Still the doctor.\n",
                QStringLiteral("Maya"));
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        QCOMPARE(result.segments.size(), 3);
        QCOMPARE(result.segments[0].text, QStringLiteral("Welcome back."));
        QVERIFY(result.segments[0].isUser);
        QCOMPARE(result.segments[1].speaker, QStringLiteral("SPEAKER_01"));
        QCOMPARE(result.segments[1].text, QStringLiteral("Thanks, Maya."));
        QCOMPARE(result.segments[1].start, 5.0);
        QCOMPARE(result.segments[2].speakerId, 1);
        QVERIFY(!result.segments[2].isUser);
    }

    void voiceTag_readsWhatTheWebVttPatternDid_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("speaker");
        QTest::addColumn<QString>("text");
        QTest::newRow("name") << "<v Maya>Hi"
                              << "Maya"
                              << "Hi";
        QTest::newRow("classes") << "<v.loud.x Dr. Okafor>Hi"
                                 << "Dr. Okafor"
                                 << "Hi";
        QTest::newRow("tab before the name") << "<v\tMaya>Hi"
                                             << "Maya"
                                             << "Hi";
        QTest::newRow("entity in the name") << "<v Tom &amp; Jerry>Hi"
                                            << "Tom & Jerry"
                                            << "Hi";
        QTest::newRow("no space: not a voice") << "<vMaya>Hi"
                                               << ""
                                               << "Hi";
        QTest::newRow("no closing: not a voice") << "<v Maya Hi"
                                                 << ""
                                                 << "<v Maya Hi";
        QTest::newRow("two spaces, no name") << "<v  >Hi"
                                             << ""
                                             << "Hi";
    }

    void voiceTag_readsWhatTheWebVttPatternDid()
    {
        QFETCH(QString, line);
        QFETCH(QString, speaker);
        QFETCH(QString, text);
        const QList<CueLine> parsed = CueText::parse({line});
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed[0].speaker.value_or(QString()), speaker);
        QCOMPARE(parsed[0].text, text);
    }

    // "<v" and a long run of spaces without '>' took the voice pattern time growing with the
    // square of the run: 200,000 spaces took 40 s.
    void voiceTag_longRunOfSpaces_isReadInLinearTime()
    {
        const QString line = QStringLiteral("<v") + QString(200'000, u' ') + QStringLiteral("x");
        const QList<CueLine> parsed = CueText::parse({line});
        QCOMPARE(parsed.size(), 1);
        QVERIFY(!parsed[0].speaker);
    }

    void vtt_acceptsADecodedByteOrderMark()
    {
        const auto result = vtt("\xEF\xBB\xBFWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n");
        QVERIFY(result.ok());
        QCOMPARE(result.segments.size(), 1);
    }

    void vtt_skipsCuesWithoutTextWithWarning()
    {
        const auto result =
            vtt("WEBVTT\n\n00:01.000 --> 00:02.000\n<b></b>\n\n00:03.000 --> 00:04.000\nHi\n");
        QVERIFY(result.ok());
        QCOMPARE(result.segments.size(), 1);
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0].line, 3);
    }

    void malformedSubtitles_reportTheirLine_data()
    {
        QTest::addColumn<bool>("webVtt");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("srt bad start")
            << false
            << QByteArray(
                   "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:6,000 --> 00:00:07,000\nB\n")
            << 6 << QStringLiteral("bad start time \"00:00:6,000\"");
        QTest::newRow("srt bad end") << false << QByteArray("1\n00:00:01,000 --> later\nA\n") << 2
                                     << QStringLiteral("bad end time");
        QTest::newRow("srt end before start")
            << false << QByteArray("\n\n1\n00:00:05,000 --> 00:00:04,000\nA\n") << 4
            << QStringLiteral("ends (00:00:04,000) before it starts");
        QTest::newRow("srt no timing")
            << false << QByteArray("1\nHello\n") << 2 << QStringLiteral("timing line");
        QTest::newRow("srt text first")
            << false << QByteArray("Hello world\n") << 1 << QStringLiteral("cue number");
        QTest::newRow("srt lonely number")
            << false << QByteArray("1\n\n") << 1 << QStringLiteral("no timing line");
        QTest::newRow("srt no text at all")
            << false << QByteArray("1\n00:00:01,000 --> 00:00:02,000\n") << 1
            << QStringLiteral("no cues with text");
        QTest::newRow("vtt no header")
            << true << QByteArray("00:01.000 --> 00:02.000\nHi\n") << 1 << QStringLiteral("WEBVTT");
        QTest::newRow("vtt header late")
            << true << QByteArray("\nWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n") << 1
            << QStringLiteral("WEBVTT");
        QTest::newRow("vtt identifier without timing")
            << true << QByteArray("WEBVTT\n\nintro\nHello\n") << 4
            << QStringLiteral("after the cue identifier");
        QTest::newRow("vtt comma timestamp")
            << true << QByteArray("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n") << 3
            << QStringLiteral("bad start time");
    }

    void malformedSubtitles_reportTheirLine()
    {
        QFETCH(bool, webVtt);
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        const auto result = webVtt ? vtt(text.constData()) : srt(text.constData());
        QVERIFY(!result.ok());
        QVERIFY(result.segments.isEmpty());
        QCOMPARE(result.error->line, line);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
    }

    void timestamp_formatsBack()
    {
        QCOMPARE(SubtitleTimestamp::format(3725.5, SubtitleTimestamp::Style::Srt),
                 QStringLiteral("01:02:05,500"));
        QCOMPARE(SubtitleTimestamp::format(0.25, SubtitleTimestamp::Style::WebVtt),
                 QStringLiteral("00:00:00.250"));
    }
};

QTEST_GUILESS_MAIN(SubtitleLoaderTest)
#include "tst_subtitleloader.moc"
