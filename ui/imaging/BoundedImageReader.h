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
    QString problem;   // why it was not decoded, without the file's name ("declares ...")
    QString error;     // the same as a sentence about the file ("'logo.png' declares ...")

    bool ok() const { return error.isEmpty() && !image.isNull(); }
};

// How a decoded image is sized: scaled into `box` (when valid) keeping its aspect ratio.
struct ImageFit
{
    QSize box;
    Qt::AspectRatioMode mode = Qt::KeepAspectRatio; // or ...ByExpanding: cover the box
    bool shrinkOnly = true;                         // never enlarge a small image
};

// The one way the studio decodes an image (logos, thumbnails, the instructions' pictures,
// downloaded or local). It decodes images the user picks or a repository holds without trusting
// them: the file size and the declared pixel count are checked before any pixel is decoded, and
// Qt's allocation limit backs that up, so a crafted header cannot exhaust memory. Safe to call from
// worker threads.
class BoundedImageReader
{
public:
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kMaxPixels = 48LL * 1000 * 1000;
    static constexpr int kAllocationLimitMb = 256;

    // Decoding straight to the fitted size keeps thumbnails of large photos cheap.
    static DecodedImage read(const QString &path, const ImageFit &fit = {});
    static DecodedImage read(QIODevice *device, const QString &name, const ImageFit &fit = {});
    static DecodedImage read(const QByteArray &bytes, const QString &name,
                             const ImageFit &fit = {});
};

} // namespace studio
