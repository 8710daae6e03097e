#pragma once

#include "ImageFacts.h"

class QIODevice;
class QString;

namespace studio {

// Reads the size, format and transparency of an image from its header chunks, seeking over
// the rest, so probing a 3 MB photo reads a few hundred bytes.
class ImageProbe
{
public:
    static ImageFacts probeFile(const QString &path);
    static ImageFacts probe(QIODevice &device);
};

} // namespace studio
