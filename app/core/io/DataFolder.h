#pragma once

#include <QString>

namespace studio {

// The one folder where the studio keeps what it makes for the user (the sample working
// copy): ~/.local/share/plugin-studio on Linux, a name without spaces that is easy to type
// and to quote. Earlier versions used Qt's application folder, named after organisation and
// application ("Plugin Studio/Plugin Studio"); `legacyPath` finds what they left there.
class DataFolder
{
public:
    static constexpr const char *kName = "plugin-studio";

    static QString path();
    static QString legacyPath();
};

} // namespace studio
