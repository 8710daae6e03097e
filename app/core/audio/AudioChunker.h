#pragma once

#include "PcmAudio.h"

#include <QByteArray>
#include <QList>

namespace studio {

// One audio_bytes request: the samples of [start, end) seconds of the recording. The app
// sends it once its audio has been spoken, at `end`.
struct AudioChunk
{
    QByteArray pcm;
    double start = 0;
    double end = 0;
};

// Cuts audio as the app's buffer does: a chunk of sample_rate * chunkSeconds samples
// (the backend's sample_rate * 4 * 2 bytes: 4 s), in order.
//
// The backend sends its whole buffer once it has passed the threshold, so its chunks are
// the threshold plus the rest of the last frame the device sent, and it sends nothing of
// what is left in the buffer when the stream ends. The studio cuts exact chunks and sends
// that last, partial one too, so that every second of the file reaches the plugin.
class AudioChunker
{
public:
    static constexpr double kBackendChunkSeconds = 4.0;

    static qint64 chunkBytes(int sampleRate, double chunkSeconds = kBackendChunkSeconds);
    static QList<AudioChunk> cut(const PcmAudio &audio,
                                 double chunkSeconds = kBackendChunkSeconds);
};

} // namespace studio
