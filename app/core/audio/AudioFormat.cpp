#include "AudioFormat.h"

namespace studio {

namespace {

QString channelsText(int channels)
{
    if (channels == 1)
        return QStringLiteral("mono");
    if (channels == 2)
        return QStringLiteral("stereo");
    return QStringLiteral("%1-channel").arg(channels);
}

QString encodingText(int encoding)
{
    switch (encoding) {
    case AudioFormat::kPcm:
        return QStringLiteral("PCM");
    case AudioFormat::kFloat:
        return QStringLiteral("float");
    case AudioFormat::kALaw:
        return QStringLiteral("A-law");
    case AudioFormat::kMuLaw:
        return QStringLiteral("mu-law");
    default:
        return QStringLiteral("format 0x%1").arg(encoding, 4, 16, QLatin1Char('0'));
    }
}

} // namespace

QString AudioFormat::describe() const
{
    return QStringLiteral("%1 %2 Hz %3-bit %4")
        .arg(channelsText(channels))
        .arg(sampleRate)
        .arg(bitsPerSample)
        .arg(encodingText(encoding));
}

} // namespace studio
