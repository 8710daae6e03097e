// The growing transcript fixture: whole JSON after every call, segments in arrival order,
// and nothing appended to a file someone else changed.
#include "TestFiles.h"
#include "listen/TranscriptAppender.h"
#include "transcript/TranscriptLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

class TranscriptAppenderTest : public QObject
{
    Q_OBJECT

private slots:
    void everyAppend_leavesAWholeTranscript_inArrivalOrder();
    void emptyBatches_writeNothing();
    void fileChangedOnDisk_isLeftAlone();
    void unwritableFolder_saysWhy();
};

namespace {

Json segment(const std::string &text, double start, double end)
{
    return Json{{"text", text},       {"speaker", "SPEAKER_00"}, {"speaker_id", 0},
                {"is_user", true},    {"person_id", nullptr},    {"start", start},
                {"end", end}};
}

} // namespace

void TranscriptAppenderTest::everyAppend_leavesAWholeTranscript_inArrivalOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transcript-s.json"));
    TranscriptAppender appender(path);

    QVERIFY(appender.append(Json::array({segment("one", 0, 1), segment("two", 1, 2)})).empty());
    TranscriptLoadResult loaded = TranscriptLoader::loadFile(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.segments.size(), 2);

    for (int call = 0; call < 50; ++call) {
        const double at = 2 + call;
        QVERIFY(appender.append(Json::array({segment("n" + std::to_string(call), at, at + 1)}))
                    .empty());
        loaded = TranscriptLoader::loadFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error->message));
        QCOMPARE(loaded.segments.size(), qsizetype(3 + call));
    }
    QCOMPARE(appender.segmentCount(), 52);
    QCOMPARE(loaded.segments.first().text, QStringLiteral("one"));
    QCOMPARE(loaded.segments.last().text, QStringLiteral("n49"));
    QVERIFY(loaded.warnings.isEmpty());
    QVERIFY(studio::test::readFile(path).endsWith("\n]\n"));
}

void TranscriptAppenderTest::emptyBatches_writeNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.json"));
    TranscriptAppender appender(path);
    QVERIFY(appender.append(Json::array()).empty());
    QVERIFY(!QFile::exists(path));
    QVERIFY(appender.append(Json::array({segment("a", 0, 1)})).empty());
    const QByteArray before = studio::test::readFile(path);
    QVERIFY(appender.append(Json::array()).empty());
    QCOMPARE(studio::test::readFile(path), before);
}

void TranscriptAppenderTest::fileChangedOnDisk_isLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.json"));
    TranscriptAppender appender(path);
    QVERIFY(appender.append(Json::array({segment("a", 0, 1)})).empty());
    studio::test::writeFile(path, "[]\n");

    const std::string error = appender.append(Json::array({segment("b", 1, 2)}));

    QVERIFY2(error.find("changed on disk") != std::string::npos, error.c_str());
    QCOMPARE(studio::test::readFile(path), QByteArray("[]\n"));
}

void TranscriptAppenderTest::unwritableFolder_saysWhy()
{
    TranscriptAppender appender(QStringLiteral("/proc/no-such-folder/t.json"));
    const std::string error = appender.append(Json::array({segment("a", 0, 1)}));
    QVERIFY(!error.empty());
    QVERIFY2(error.find("/proc/no-such-folder") != std::string::npos, error.c_str());
    QCOMPARE(appender.segmentCount(), 0);
}

QTEST_GUILESS_MAIN(TranscriptAppenderTest)
#include "tst_transcriptappender.moc"
