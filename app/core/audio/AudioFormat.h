#pragma once

#include <QString>

namespace studio {

// What a WAV's fmt chunk says, and whether it is what the app streams.
struct AudioFormat
{
    static constexpr int kPcm = 1;
    static constexpr int kFloat = 3;
    static constexpr int kALaw = 6;
    static constexpr int kMuLaw = 7;
    static constexpr int kExtensible = 0xFFFE;

    int encoding = 0; // the format tag; an extensible file's sub-format
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    int blockAlign = 0;

    // 16-bit PCM, mono: the bytes the app sends, as they are.
    bool isAppPcm() const { return encoding == kPcm && channels == 1 && bitsPerSample == 16; }
    // "stereo 44100 Hz 16-bit PCM", "mono 16000 Hz 32-bit float"
    QString describe() const;
};

} // namespace studio
