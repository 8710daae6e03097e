#include "WavFiles.h"
#include "audio/WavReader.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

// The expected texts, written as the messages read.
QString operator""_s(const char *text, std::size_t size)
{
    return QString::fromUtf8(text, qsizetype(size));
}

} // namespace

class TestWavReader : public QObject
{
    Q_OBJECT

private:
    static QString errorOf(const QByteArray &bytes)
    {
        const WavReadResult result = WavReader::read(bytes);
        return result.error ? result.error->toString() : QString();
    }

private slots:
    void readsMonoPcm16()
    {
        const QByteArray samples = countingSamples(16000);
        const WavReadResult result = WavReader::read(wavFile({}, samples));
        QVERIFY(result.ok());
        QCOMPARE(result.audio->sampleRate, 16000);
        QCOMPARE(result.audio->samples, samples);
        QCOMPARE(result.audio->seconds(), 1.0);
        QCOMPARE(result.format->describe(), QStringLiteral("mono 16000 Hz 16-bit PCM"));
    }

    void skipsOtherChunksAndTheirPadding()
    {
        QByteArray list("LIST");
        appendLe32(list, 3);
        list += "abc";
        list += '\0'; // the pad byte of an odd chunk
        const QByteArray samples = countingSamples(10);
        const WavReadResult result =
            WavReader::read(riffWave(list + fmtChunk({}) + list + dataChunk(samples)));
        QVERIFY(result.ok());
        QCOMPARE(result.audio->samples, samples);
    }

    void ignoresAWrongRiffSize()
    {
        QByteArray bytes = monoWav(8000, 0.5);
        bytes[4] = char(0xff); // a streaming writer's placeholder
        QVERIFY(WavReader::read(bytes).ok());
    }

    void refusesOtherFormatsSayingWhatTheyAre_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("bits");
        QTest::addColumn<QString>("said");
        QTest::newRow("stereo") << 1 << 2 << 44100 << 16 << "stereo 44100 Hz 16-bit PCM"_s;
        QTest::newRow("float") << 3 << 1 << 48000 << 32 << "mono 48000 Hz 32-bit float"_s;
        QTest::newRow("8-bit") << 1 << 1 << 8000 << 8 << "mono 8000 Hz 8-bit PCM"_s;
        QTest::newRow("mu-law") << 7 << 1 << 8000 << 8 << "mono 8000 Hz 8-bit mu-law"_s;
        QTest::newRow("6 channels") << 1 << 6 << 48000 << 24 << "6-channel 48000 Hz 24-bit PCM";
    }

    void refusesOtherFormatsSayingWhatTheyAre()
    {
        QFETCH(int, encoding);
        QFETCH(int, channels);
        QFETCH(int, rate);
        QFETCH(int, bits);
        QFETCH(QString, said);
        const WavReadResult result =
            WavReader::read(wavFile({encoding, channels, rate, bits}, QByteArray(48, '\0')));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->offset, 12); // the fmt chunk
        QVERIFY2(result.error->message.contains(u"the file is " + said),
                 qPrintable(result.error->message));
        QVERIFY(result.error->message.contains(u"16-bit PCM mono"));
    }

    void readsTheSubFormatOfAnExtensibleFile()
    {
        QByteArray fmt("fmt ");
        appendLe32(fmt, 40);
        appendLe16(fmt, 0xFFFE);
        appendLe16(fmt, 1);
        appendLe32(fmt, 16000);
        appendLe32(fmt, 32000);
        appendLe16(fmt, 2);
        appendLe16(fmt, 16);
        appendLe16(fmt, 22); // cbSize
        appendLe16(fmt, 16); // valid bits
        appendLe32(fmt, 4);  // channel mask
        appendLe16(fmt, 1);  // the sub-format GUID starts with the format tag: PCM
        fmt += QByteArray(14, '\x01');
        QVERIFY(WavReader::read(riffWave(fmt + dataChunk(countingSamples(4)))).ok());
    }

    void refusesBrokenFilesWithTheirOffset_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QByteArray good = monoWav(16000, 0.01);
        QTest::newRow("empty") << QByteArray()
                               << "at byte 0: truncated header: a WAV starts with 12 bytes "
                                  "(RIFF, size, WAVE), the file has 0"_s;
        QTest::newRow("not riff") << QByteArray("OggS0000WAVEfmt ")
                                  << "at byte 0: not a WAV file: it starts with 'OggS', not 'RIFF'"_s;
        QTest::newRow("not wave") << QByteArray("RIFF\x04\0\0\0AVI ", 12)
                                  << "at byte 8: not a WAV file: a RIFF of type 'AVI ', not 'WAVE'"_s;
        QTest::newRow("cut in a chunk header")
            << good.left(12 + 24 + 5) << "at byte 36: truncated chunk header: 5 bytes left, a "
                                         "chunk header is 8"_s;
        QTest::newRow("data past the end")
            << good.left(good.size() - 10)
            << "at byte 36: the 'data' chunk says 320 bytes, but only 310 follow (the file is "
               "cut short or the size is wrong)"_s;
        QTest::newRow("no fmt") << riffWave(dataChunk(countingSamples(4)))
                                << "at byte 28: no fmt chunk: the file does not say its format"_s;
        QTest::newRow("no data") << riffWave(fmtChunk({}))
                                 << "at byte 36: no data chunk: the file holds no audio"_s;
        QTest::newRow("empty data") << riffWave(fmtChunk({}) + dataChunk({}))
                                    << "at byte 36: the data chunk is empty: no audio to send"_s;
        QTest::newRow("half a sample") << riffWave(fmtChunk({}) + dataChunk("abc"))
                                       << "at byte 36: the data chunk's 3 bytes are not whole "
                                          "16-bit samples"_s;
        QTest::newRow("two fmt") << riffWave(fmtChunk({}) + fmtChunk({}))
                                 << "at byte 36: a second fmt chunk (the first is at byte 12)"_s;
        QByteArray shortFmt("fmt ");
        appendLe32(shortFmt, 4);
        shortFmt += QByteArray("\x01\0\x01\0", 4);
        QTest::newRow("short fmt") << riffWave(shortFmt)
                                   << "at byte 12: the fmt chunk is 4 bytes; it needs at least 16"_s;
        QTest::newRow("no channels") << wavFile({1, 0, 16000, 16}, "ab")
                                     << "at byte 22: the fmt chunk says 0 channels"_s;
        QTest::newRow("zero rate") << wavFile({1, 1, 0, 16}, "ab")
                                   << "at byte 24: the fmt chunk says 0 Hz; a sample rate is 1 "
                                      "to 384000 Hz"_s;
        QByteArray huge("RIFF\0\0\0\0WAVEdata\xff\xff\xff\xff", 20);
        QTest::newRow("4 GB chunk") << huge
                                    << "at byte 12: the 'data' chunk says 4294967295 bytes, but "
                                       "only 0 follow (the file is cut short or the size is wrong)"_s;
        QTest::newRow("unprintable id") << riffWave(QByteArray("\x01zz\x7f\0\0\0\0", 8))
                                        << "at byte 20: no fmt chunk: the file does not say its "
                                           "format";
    }

    void refusesBrokenFilesWithTheirOffset()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QCOMPARE(errorOf(bytes), error);
        QVERIFY(!WavReader::read(bytes).ok());
    }
};

QTEST_GUILESS_MAIN(TestWavReader)
#include "tst_wavreader.moc"
