#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>

#include <optional>

namespace studio {

// Identifies one version of a file: a change of either means the file must be read again.
struct FileStamp
{
    qint64 size = -1;
    QDateTime modified;

    bool operator==(const FileStamp &) const = default;
};

struct DecodedLogo
{
    QString path;
    FileStamp stamp;
    bool unchanged = false; // the file still matches the stamp the caller already holds
    QImage image;
    QSize originalSize; // as stored; `image` may be decoded smaller
    QString error;      // why there is no image
};

// Decodes a logo file for the preview, through the bounded reader (a decompression bomb
// is refused before any pixel is decoded). Runs on a worker thread: it touches the disk and
// may decode a large image, so the GUI thread never calls it.
class LogoDecoder
{
    Q_DECLARE_TR_FUNCTIONS(LogoDecoder)

public:
    // Logos are shown at most ~100 px wide; decoding larger images at this bound keeps a
    // 6000 px photo from costing 140 MB.
    static constexpr int kDecodeBound = 512;

    static DecodedLogo decode(const QString &path, std::optional<FileStamp> known);
};

} // namespace studio
