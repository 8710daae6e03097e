#include "transcript/TranscriptBatcher.h"

#include <QTest>

#include <limits>

using namespace studio;

namespace {

TranscriptSegment segment(double start, double end, const QString &text = {})
{
    TranscriptSegment s;
    s.text = text.isEmpty() ? QStringLiteral("%1-%2").arg(start).arg(end) : text;
    s.start = start;
    s.end = end;
    return s;
}

// Every segment exactly once, in order of end time, each in the batch whose window holds its end.
void verifyPartition(const QList<TranscriptSegment> &segments,
                     const QList<TranscriptBatch> &batches)
{
    QList<TranscriptSegment> sent;
    for (const TranscriptBatch &batch : batches) {
        QVERIFY(!batch.segments.isEmpty());
        QCOMPARE(batch.firstSegment, sent.size());
        for (const TranscriptSegment &s : batch.segments)
            sent.append(s);
    }
    QCOMPARE(sent.size(), segments.size());
    for (qsizetype i = 1; i < sent.size(); ++i)
        QVERIFY(sent[i - 1].end <= sent[i].end);
}

} // namespace

class TranscriptBatcherTest : public QObject
{
    Q_OBJECT

private slots:
    void cut_groupsSegmentsByTheWindowTheyEndIn()
    {
        const QList<TranscriptSegment> segments = {segment(0, 4), segment(5, 29.5), segment(28, 31),
                                                   segment(95, 100), segment(100, 119)};
        const auto batches = TranscriptBatcher::cut(segments);
        QCOMPARE(batches.size(), 3); // windows 2 (60-90 s) is empty: no call
        QCOMPARE(batches[0].segments.size(), 2);
        QCOMPARE(batches[0].windowStart, 0.0);
        QCOMPARE(batches[0].windowEnd, 30.0);
        QCOMPARE(batches[0].sendAt, 30.0);
        QCOMPARE(batches[1].segments.size(), 1);
        QCOMPARE(batches[1].windowStart, 30.0);
        QCOMPARE(batches[1].sendAt, 60.0);
        QCOMPARE(batches[2].windowStart, 90.0);
        QCOMPARE(batches[2].windowEnd, 120.0);
        QCOMPARE(batches[2].segments.size(), 2);
        QCOMPARE(batches[2].index, 2);
        verifyPartition(segments, batches);
    }

    void windowIndex_boundaries_data()
    {
        QTest::addColumn<double>("end");
        QTest::addColumn<double>("window");
        QTest::addColumn<qint64>("index");

        QTest::newRow("zero") << 0.0 << 30.0 << qint64(0);
        QTest::newRow("inside first") << 12.5 << 30.0 << qint64(0);
        QTest::newRow("exactly 30 closes the first window") << 30.0 << 30.0 << qint64(0);
        QTest::newRow("just after 30") << 30.001 << 30.0 << qint64(1);
        QTest::newRow("exactly 60") << 60.0 << 30.0 << qint64(1);
        QTest::newRow("decimal rounding 0.1+0.2 on 0.3") << (0.1 + 0.2) << 0.3 << qint64(0);
        QTest::newRow("one second window") << 3.0 << 1.0 << qint64(2);
        QTest::newRow("one second window inside") << 3.2 << 1.0 << qint64(3);
        // Beyond any qint64: the cast would be undefined; the index saturates instead.
        QTest::newRow("1e30 s") << 1e30 << 30.0 << qint64(9'000'000'000'000'000'000);
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << 30.0
                                  << qint64(9'000'000'000'000'000'000);
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 30.0 << qint64(0);
        QTest::newRow("negative") << -5.0 << 30.0 << qint64(0);
    }

    void windowIndex_boundaries()
    {
        QFETCH(double, end);
        QFETCH(double, window);
        QFETCH(qint64, index);
        QCOMPARE(TranscriptBatcher::windowIndex(end, window), index);
    }

    void cut_segmentEndingOnBoundaryGoesOutAtThatBoundary()
    {
        const auto batches = TranscriptBatcher::cut({segment(25, 30), segment(29, 30.5)});
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches[0].sendAt, 30.0);
        QCOMPARE(batches[0].segments.front().end, 30.0);
        QCOMPARE(batches[1].sendAt, 60.0);
    }

    void cut_otherWindows()
    {
        QList<TranscriptSegment> segments;
        for (int i = 0; i < 40; ++i)
            segments.append(segment(i * 0.75, i * 0.75 + 0.5));
        const auto oneSecond = TranscriptBatcher::cut(segments, BatchingOptions::window(1.0));
        verifyPartition(segments, oneSecond);
        for (const TranscriptBatch &batch : oneSecond) {
            QCOMPARE(batch.windowEnd - batch.windowStart, 1.0);
            for (const TranscriptSegment &s : batch.segments)
                QVERIFY(s.end > batch.windowStart - 1e-9 && s.end <= batch.windowEnd + 1e-9);
        }
        const auto tenSeconds = TranscriptBatcher::cut(segments, BatchingOptions::window(10.0));
        QCOMPARE(tenSeconds.size(), 3);
        verifyPartition(segments, tenSeconds);
    }

    void cut_perSegmentSendsEachAtItsEnd()
    {
        const QList<TranscriptSegment> segments = {segment(0, 2), segment(1, 3), segment(10, 12)};
        const auto batches = TranscriptBatcher::cut(segments, BatchingOptions::perSegment());
        QCOMPARE(batches.size(), 3);
        for (qsizetype i = 0; i < batches.size(); ++i) {
            QCOMPARE(batches[i].segments.size(), 1);
            QCOMPARE(batches[i].windowStart, segments[i].start);
            QCOMPARE(batches[i].sendAt, segments[i].end);
            QCOMPARE(batches[i].firstSegment, int(i));
        }
    }

    void cut_sortsUnorderedInputStably()
    {
        const QList<TranscriptSegment> segments = {segment(0, 40, QStringLiteral("late")),
                                                   segment(1, 5, QStringLiteral("early")),
                                                   segment(2, 40, QStringLiteral("late too"))};
        const auto batches = TranscriptBatcher::cut(segments);
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches[0].segments.front().text, QStringLiteral("early"));
        QCOMPARE(batches[1].segments[0].text, QStringLiteral("late"));
        QCOMPARE(batches[1].segments[1].text, QStringLiteral("late too"));
    }

    void cut_emptyTranscriptMakesNoCall()
    {
        QVERIFY(TranscriptBatcher::cut({}).isEmpty());
        QVERIFY(TranscriptBatcher::cut({}, BatchingOptions::perSegment()).isEmpty());
    }

    void options_parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("perSegment");
        QTest::addColumn<double>("seconds");

        QTest::newRow("plain number") << QStringLiteral("30") << true << false << 30.0;
        QTest::newRow("seconds") << QStringLiteral("1s") << true << false << 1.0;
        QTest::newRow("fraction") << QStringLiteral(" 1.5s ") << true << false << 1.5;
        QTest::newRow("milliseconds") << QStringLiteral("500ms") << true << false << 0.5;
        QTest::newRow("segment") << QStringLiteral("segment") << true << true << 0.0;
        QTest::newRow("per-segment") << QStringLiteral("Per-Segment") << true << true << 0.0;
        QTest::newRow("zero") << QStringLiteral("0") << false << false << 0.0;
        QTest::newRow("negative") << QStringLiteral("-5s") << false << false << 0.0;
        QTest::newRow("words") << QStringLiteral("often") << false << false << 0.0;
        QTest::newRow("infinite") << QStringLiteral("inf") << false << false << 0.0;
    }

    void options_parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, perSegment);
        QFETCH(double, seconds);
        QString error;
        const auto options = BatchingOptions::parse(text, &error);
        QCOMPARE(options.has_value(), valid);
        if (!valid) {
            QVERIFY(error.contains(text));
            return;
        }
        QCOMPARE(options->mode == BatchingOptions::Mode::PerSegment, perSegment);
        if (!perSegment)
            QCOMPARE(options->windowSeconds, seconds);
    }

    void options_describe()
    {
        QCOMPARE(BatchingOptions{}.describe(), QStringLiteral("30 s windows"));
        QCOMPARE(BatchingOptions::window(0.5).describe(), QStringLiteral("500 ms windows"));
        QCOMPARE(BatchingOptions::perSegment().describe(), QStringLiteral("one call per segment"));
    }
};

QTEST_GUILESS_MAIN(TranscriptBatcherTest)
#include "tst_transcriptbatcher.moc"
