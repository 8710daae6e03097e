#include "AudioChunker.h"

#include <algorithm>
#include <cmath>

namespace studio {

qint64 AudioChunker::chunkBytes(int sampleRate, double chunkSeconds)
{
    const qint64 samples = std::llround(double(sampleRate) * chunkSeconds);
    return std::max<qint64>(1, samples) * PcmAudio::kBytesPerSample;
}

QList<AudioChunk> AudioChunker::cut(const PcmAudio &audio, double chunkSeconds)
{
    QList<AudioChunk> chunks;
    if (audio.sampleRate <= 0)
        return chunks;
    const qint64 step = chunkBytes(audio.sampleRate, chunkSeconds);
    const double bytesPerSecond = double(audio.sampleRate) * PcmAudio::kBytesPerSample;
    for (qint64 at = 0; at < audio.samples.size(); at += step) {
        const qint64 length = std::min<qint64>(step, audio.samples.size() - at);
        chunks.append({audio.samples.mid(at, length), double(at) / bytesPerSecond,
                       double(at + length) / bytesPerSecond});
    }
    return chunks;
}

} // namespace studio
