#pragma once

#include <QString>

namespace studio {

// The style of rendered instructions, in the subset of CSS Qt's rich text understands,
// for a light or a dark page.
class PreviewStyleSheet
{
public:
    static QString css(bool dark);
};

} // namespace studio
