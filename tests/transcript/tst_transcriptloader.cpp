#include "TestFiles.h"
#include "transcript/TranscriptLoader.h"
#include "transcript/TranscriptTimes.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

const char *kSegment =
    R"({"text": "%1", "speaker": "SPEAKER_00", "is_user": false, "start": %2, "end": %3})";

QByteArray segmentJson(const QString &text, double start, double end)
{
    return QString::fromLatin1(kSegment).arg(text).arg(start).arg(end).toUtf8();
}

} // namespace

class TranscriptLoaderTest : public QObject
{
    Q_OBJECT

private slots:
    void loadFile_picksTheFormatFromTheExtension_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("firstText");

        QTest::newRow("json") << QStringLiteral("chat.json")
                              << QByteArray("[" + segmentJson(QStringLiteral("hi"), 0, 1) + "]")
                              << QStringLiteral("hi");
        QTest::newRow("srt") << QStringLiteral("chat.srt")
                             << QByteArray("1\n00:00:00,000 --> 00:00:01,000\nAna: hey\n")
                             << QStringLiteral("hey");
        QTest::newRow("vtt") << QStringLiteral("chat.VTT")
                             << QByteArray("WEBVTT\n\n00:00.000 --> 00:01.000\nyo\n")
                             << QStringLiteral("yo");
        QTest::newRow("sniffed json")
            << QStringLiteral("chat.txt")
            << QByteArray("  {\"segments\": [" + segmentJson(QStringLiteral("a"), 0, 1) + "]}")
            << QStringLiteral("a");
        QTest::newRow("sniffed vtt")
            << QStringLiteral("chat") << QByteArray("WEBVTT\n\n00:00.000 --> 00:01.000\nb\n")
            << QStringLiteral("b");
        QTest::newRow("sniffed srt")
            << QStringLiteral("chat.sub") << QByteArray("1\n00:00:00,000 --> 00:00:01,000\nc\n")
            << QStringLiteral("c");
        QTest::newRow("bom") << QStringLiteral("bom.srt")
                             << QByteArray("\xEF\xBB\xBF"
                                           "1\n00:00:00,000 --> 00:00:01,000\nd\n")
                             << QStringLiteral("d");
    }

    void loadFile_picksTheFormatFromTheExtension()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, firstText);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        test::writeFile(path, bytes);
        const auto result = TranscriptLoader::loadFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error.value_or(LoadIssue{}).toString()));
        QCOMPARE(result.segments.front().text, firstText);
    }

    void loadFile_refusesWhatIsNotATranscript_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("empty") << QStringLiteral("a.json") << QByteArray() << 1 << 0
                               << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("a.srt") << QByteArray(" \n\r\n\t") << 1 << 0
                               << QStringLiteral("empty");
        QTest::newRow("nul byte") << QStringLiteral("a.srt")
                                  << QByteArray("1\n00:00:00,000 --> 00:00:01,000\nab\0cd\n", 37)
                                  << 3 << 3 << QStringLiteral("binary");
        QTest::newRow("png") << QStringLiteral("a.json") << test::pngBytes(4, 4) << 1 << 1
                             << QStringLiteral("binary");
        QTest::newRow("latin-1") << QStringLiteral("a.vtt")
                                 << QByteArray("WEBVTT\n\n00:00.000 --> 00:01.000\ncaf\xE9\n") << 4
                                 << 4 << QStringLiteral("not UTF-8");
        QTest::newRow("overlong utf-8") << QStringLiteral("a.srt") << QByteArray("\xC0\xAF") << 1
                                        << 1 << QStringLiteral("not UTF-8");
        QTest::newRow("unknown format")
            << QStringLiteral("notes.txt") << QByteArray("just some words\n") << 1 << 0
            << QStringLiteral("cannot tell");
    }

    void loadFile_refusesWhatIsNotATranscript()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        test::writeFile(path, bytes);
        const auto result = TranscriptLoader::loadFile(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->line, line);
        QCOMPARE(result.error->column, column);
        QVERIFY2(result.error->message.contains(messagePart), qPrintable(result.error->message));
    }

    void loadFile_reportsUnreadableFiles()
    {
        QTemporaryDir dir;
        const auto missing = TranscriptLoader::loadFile(dir.filePath(QStringLiteral("nope.json")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error->message.contains(QStringLiteral("no such file")));
        const auto folder = TranscriptLoader::loadFile(dir.path());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error->message.contains(QStringLiteral("directory")));
    }

    void loadBytes_sortsSegmentsByEndAndWarns()
    {
        const QByteArray json = "[\n" + segmentJson(QStringLiteral("a"), 0, 5) + ",\n" +
                                segmentJson(QStringLiteral("b"), 1, 3) + ",\n" +
                                segmentJson(QStringLiteral("c"), 4, 5) + ",\n" +
                                segmentJson(QStringLiteral("d"), 6, 7) + "\n]";
        const auto result =
            TranscriptLoader::loadBytes(json.toStdString(), {}, QStringLiteral("x.json"));
        QVERIFY(result.ok());
        QStringList order;
        for (const TranscriptSegment &segment : result.segments)
            order.append(segment.text);
        // Stable: "a" and "c" both end at 5 and keep their relative order.
        QCOMPARE(order, QStringList({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c"),
                                     QStringLiteral("d")}));
        QCOMPARE(result.origins.front().line, 3);
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0].line, 3);
        QVERIFY(result.warnings[0].message.contains(QStringLiteral("sorted by end time")));
        QVERIFY(result.warnings[0].message.contains(QStringLiteral("2 of 4 moved")));
    }

    void loadBytes_refusesTimesBeyondAnyConversation()
    {
        const QByteArray json = "[\n" + segmentJson(QStringLiteral("a"), 0, 5) + ",\n" +
                                segmentJson(QStringLiteral("b"), 6, 1e30) + "\n]";
        const auto result =
            TranscriptLoader::loadBytes(json.toStdString(), {}, QStringLiteral("x.json"));
        QVERIFY(!result.ok());
        QVERIFY(result.segments.isEmpty());
        QVERIFY(result.origins.isEmpty());
        QCOMPARE(result.error->line, 3);
        QVERIFY2(result.error->message.contains(u"ends at 1e+30 s, beyond the 4000000000 s"),
                 qPrintable(result.error->message));
    }

    void loadBytes_clockStampedTimes_warnAndShiftToZero()
    {
        const QByteArray json = R"([
{"text": "a", "speaker": "SPEAKER_00", "is_user": false, "start": 1732800000, "end": 1732800004},
{"text": "b", "speaker": "SPEAKER_00", "is_user": false, "start": 1732800005, "end": 1732800009}
])";
        const auto result =
            TranscriptLoader::loadBytes(json.toStdString(), {}, QStringLiteral("x.json"));
        QVERIFY(result.ok());
        QCOMPARE(result.warnings.size(), 1);
        QCOMPARE(result.warnings[0].line, 2);
        QVERIFY2(result.warnings[0].message.contains(u"starts at 1732800000 s, 54.9 years in"),
                 qPrintable(result.warnings[0].message));
        QVERIFY(TranscriptTimes::startsLate(result.segments));

        const QList<TranscriptSegment> shifted = TranscriptTimes::shiftedToZero(result.segments);
        QCOMPARE(shifted[0].start, 0.0);
        QCOMPARE(shifted[0].end, 4.0);
        QCOMPARE(shifted[1].start, 5.0);
        QCOMPARE(shifted[1].end, 9.0);
        QVERIFY(!TranscriptTimes::startsLate(shifted));
    }

    void loadBytes_keepsOrderedTranscriptsWithoutWarning()
    {
        const QByteArray json = "[" + segmentJson(QStringLiteral("a"), 0, 1) + "," +
                                segmentJson(QStringLiteral("b"), 0.5, 1) + "]";
        const auto result =
            TranscriptLoader::loadBytes(json.toStdString(), {}, QStringLiteral("x.json"));
        QVERIFY(result.ok());
        QVERIFY(result.warnings.isEmpty());
    }

    void formatNames_roundTrip()
    {
        for (TranscriptFormat format : {TranscriptFormat::Auto, TranscriptFormat::StudioJson,
                                        TranscriptFormat::Srt, TranscriptFormat::WebVtt})
            QCOMPARE(TranscriptLoader::formatFromName(TranscriptLoader::formatName(format)),
                     format);
        QCOMPARE(TranscriptLoader::formatFromName(QStringLiteral("WebVTT")),
                 TranscriptFormat::WebVtt);
        QVERIFY(!TranscriptLoader::formatFromName(QStringLiteral("docx")));
    }
};

QTEST_GUILESS_MAIN(TranscriptLoaderTest)
#include "tst_transcriptloader.moc"
