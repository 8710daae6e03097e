#pragma once

#include <QByteArray>

namespace studio {

// Audio as the app streams it: 16-bit signed samples, mono, little-endian, at sampleRate.
struct PcmAudio
{
    static constexpr int kBytesPerSample = 2;

    int sampleRate = 0;
    QByteArray samples;

    qint64 sampleCount() const { return samples.size() / kBytesPerSample; }
    double seconds() const { return sampleRate > 0 ? double(sampleCount()) / sampleRate : 0; }
};

} // namespace studio
