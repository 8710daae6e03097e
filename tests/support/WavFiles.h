#pragma once

// WAV files written by the tests: a header for any format, and samples that count up, so a
// chunk's bytes say where in the recording they came from.

#include "TestFiles.h"

#include <QByteArray>
#include <QTemporaryDir>
#include <QtEndian>

namespace studio::test {

struct WavSpec
{
    int encoding = 1; // PCM
    int channels = 1;
    int sampleRate = 16000;
    int bitsPerSample = 16;
};

inline void appendLe32(QByteArray &bytes, quint32 value)
{
    char raw[4];
    qToLittleEndian(value, raw);
    bytes.append(raw, 4);
}

inline void appendLe16(QByteArray &bytes, quint16 value)
{
    char raw[2];
    qToLittleEndian(value, raw);
    bytes.append(raw, 2);
}

inline QByteArray fmtChunk(const WavSpec &spec)
{
    QByteArray chunk("fmt ");
    appendLe32(chunk, 16);
    const int blockAlign = spec.channels * spec.bitsPerSample / 8;
    appendLe16(chunk, quint16(spec.encoding));
    appendLe16(chunk, quint16(spec.channels));
    appendLe32(chunk, quint32(spec.sampleRate));
    appendLe32(chunk, quint32(spec.sampleRate * blockAlign));
    appendLe16(chunk, quint16(blockAlign));
    appendLe16(chunk, quint16(spec.bitsPerSample));
    return chunk;
}

inline QByteArray dataChunk(const QByteArray &samples)
{
    QByteArray chunk("data");
    appendLe32(chunk, quint32(samples.size()));
    return chunk + samples;
}

// RIFF....WAVE followed by `chunks` as given (their order and sizes are the test's).
inline QByteArray riffWave(const QByteArray &chunks)
{
    QByteArray bytes("RIFF");
    appendLe32(bytes, quint32(4 + chunks.size()));
    return bytes + "WAVE" + chunks;
}

// `count` 16-bit samples whose values are their index (mod 32768).
inline QByteArray countingSamples(qint64 count)
{
    QByteArray samples;
    samples.reserve(count * 2);
    for (qint64 i = 0; i < count; ++i)
        appendLe16(samples, quint16(i % 32768));
    return samples;
}

inline QByteArray wavFile(const WavSpec &spec, const QByteArray &samples)
{
    return riffWave(fmtChunk(spec) + dataChunk(samples));
}

// A 16-bit PCM mono WAV of `seconds` at `sampleRate`.
inline QByteArray monoWav(int sampleRate, double seconds)
{
    WavSpec spec;
    spec.sampleRate = sampleRate;
    return wavFile(spec, countingSamples(qint64(sampleRate * seconds)));
}

// Writes `bytes` as `name` in `dir`; returns the path.
inline QString writeTestWav(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    writeFile(path, bytes);
    return path;
}

} // namespace studio::test
