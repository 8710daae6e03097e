#pragma once

#include "imaging/BoundedImageReader.h"

#include <QDateTime>
#include <QImage>
#include <QString>

namespace studio {

// Decodes an image of the repository for the preview, scaled down to a width the page can
// show. Runs on worker threads (QImage is safe there); the GUI thread only hands the result
// to the page.
class LocalImageLoader
{
public:
    struct Stamp
    {
        QDateTime modified;
        qint64 size = -1;
        bool operator==(const Stamp &) const = default;
    };

    struct Loaded
    {
        QImage image; // null when the file is not a readable image
        Stamp stamp;
        QString problem;
    };

    // About the width of the phone screen the app shows the instructions on.
    static constexpr int kMaxWidth = 400;

    // What identifies the file's current content cheaply: changed files are decoded again.
    static Stamp stampOf(const QString &path);
    static Loaded load(const QString &path, int maxWidth = kMaxWidth);
    // Scaled down to `maxWidth`, never up: how every picture of the page is decoded.
    static ImageFit widthFit(int maxWidth = kMaxWidth);
};

} // namespace studio
