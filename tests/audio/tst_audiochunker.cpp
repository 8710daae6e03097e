#include "WavFiles.h"
#include "audio/AudioChunker.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

class TestAudioChunker : public QObject
{
    Q_OBJECT

private slots:
    void theBackendsChunkIsFourSeconds()
    {
        QCOMPARE(AudioChunker::chunkBytes(16000), qint64(16000 * 4 * 2));
        QCOMPARE(AudioChunker::chunkBytes(8000), qint64(8000 * 4 * 2));
        QCOMPARE(AudioChunker::chunkBytes(16000, 0.5), qint64(16000));
    }

    void cutsWholeChunksThenTheRest()
    {
        const PcmAudio audio{16000, countingSamples(16000 * 10)}; // 10 s
        const QList<AudioChunk> chunks = AudioChunker::cut(audio);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks[0].pcm.size(), 128000);
        QCOMPARE(chunks[1].pcm.size(), 128000);
        QCOMPARE(chunks[2].pcm.size(), 64000); // the last 2 s, sent too
        QCOMPARE(chunks[0].start, 0.0);
        QCOMPARE(chunks[0].end, 4.0);
        QCOMPARE(chunks[1].start, 4.0);
        QCOMPARE(chunks[2].end, 10.0);
        QCOMPARE(chunks[0].pcm + chunks[1].pcm + chunks[2].pcm, audio.samples);
    }

    void anExactMultipleHasNoPartialChunk()
    {
        const QList<AudioChunk> chunks =
            AudioChunker::cut(PcmAudio{8000, countingSamples(8000 * 2)}, 1.0);
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks[1].pcm.size(), 16000);
    }

    void nothingOfNothing()
    {
        QVERIFY(AudioChunker::cut(PcmAudio{16000, {}}).isEmpty());
        QVERIFY(AudioChunker::cut(PcmAudio{0, countingSamples(4)}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAudioChunker)
#include "tst_audiochunker.moc"
