#include "WavFiles.h"
#include "audio/AudioFile.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

class TestAudioFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &bytes)
    {
        return writeTestWav(m_dir, name, bytes);
    }

private slots:
    void loadsAWavFromDisk()
    {
        const AudioLoadResult loaded = AudioFile::load(write("a.wav", monoWav(8000, 2)), {});
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.audio->sampleRate, 8000);
        QCOMPARE(loaded.audio->seconds(), 2.0);
        QCOMPARE(loaded.format->describe(), QStringLiteral("mono 8000 Hz 16-bit PCM"));
    }

    void loadsRawPcmAtTheGivenRate()
    {
        const QByteArray samples = countingSamples(24000);
        const AudioLoadResult loaded = AudioFile::load(write("a.PCM", samples), 48000);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.audio->sampleRate, 48000);
        QCOMPARE(loaded.audio->samples, samples);
        QVERIFY(!loaded.format);
    }

    void rawPcmNeedsARate()
    {
        const QString path = write("a.raw", countingSamples(10));
        QCOMPARE(AudioFile::load(path, {}).error,
                 QStringLiteral("raw PCM says nothing of its sample rate: give it "
                                "(--sample-rate 16000)"));
        QCOMPARE(AudioFile::load(path, 20).error,
                 QStringLiteral("a sample rate of 20 Hz: it must be 1000 to 384000 Hz"));
        QCOMPARE(AudioFile::load(write("odd.raw", "abc"), 16000).error,
                 QStringLiteral("3 bytes are not whole 16-bit samples"));
    }

    void aWavTakesNoRate()
    {
        const AudioLoadResult loaded = AudioFile::load(write("b.wav", monoWav(16000, 1)), 8000);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error, QStringLiteral("a WAV says its own sample rate (16000 Hz); the "
                                              "sample rate is given only for raw PCM (.pcm, .raw)"));
    }

    void aRefusedWavKeepsItsFormat()
    {
        const AudioLoadResult loaded =
            AudioFile::load(write("s.wav", wavFile({1, 2, 44100, 16}, QByteArray(8, '\0'))), {});
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error.startsWith(u"at byte 12: the file is stereo 44100 Hz 16-bit PCM"));
        QCOMPARE(loaded.format->channels, 2);
    }

    void missingFileSaysSo()
    {
        const AudioLoadResult loaded = AudioFile::load(m_dir.filePath(QStringLiteral("none.wav")), {});
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error.contains(u"none.wav"), qPrintable(loaded.error));
    }
};

QTEST_GUILESS_MAIN(TestAudioFile)
#include "tst_audiofile.moc"
