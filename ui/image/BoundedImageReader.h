#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

class QIODevice;

namespace studio {

struct DecodedImage
{
    QImage image;
    QSize size;        // the size the file declares
    QByteArray format; // "png", "jpeg" ...
    QString error;     // why it was not decoded, empty when it was

    bool ok() const { return error.isEmpty() && !image.isNull(); }
};

// Decodes images the user picks or a repository holds without trusting them: the file
// size and the declared pixel count are checked before any pixel is decoded, and Qt's
// allocation limit backs that up, so a crafted header cannot exhaust memory. Safe to call
// from worker threads.
class BoundedImageReader
{
public:
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kMaxPixels = 48LL * 1000 * 1000;
    static constexpr int kAllocationLimitMb = 256;

    // `scaledTo`, when valid, decodes straight to that size (cheap thumbnails).
    static DecodedImage read(const QString &path, QSize scaledTo = {});
    static DecodedImage read(QIODevice *device, const QString &name, QSize scaledTo = {});
};

} // namespace studio
