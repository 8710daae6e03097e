#pragma once

#include <QString>
#include <QStringList>

namespace studio {

// The one folder where the studio keeps what it makes for the user (the sample working
// copy, the run history, unsaved edits to recover): ~/.local/share/plugin-studio on Linux,
// a name without spaces that is easy to type and to quote, or $PLUGIN_STUDIO_DATA_DIR when
// set, so tests and scripts keep their data away from the user's. Earlier versions used
// Qt's application folder, named after organisation and application ("Plugin Studio/Plugin
// Studio"); `moveFromLegacy` brings what they left there.
class DataFolder
{
public:
    static constexpr const char *kName = "plugin-studio";
    static constexpr const char *kOverrideVariable = "PLUGIN_STUDIO_DATA_DIR";

    static QString path();
    static QString legacyPath();
    // `name` (a file or a folder) in the data folder.
    static QString filePath(const QString &name);
    // Moves `name` from the legacy folder here, with the files named `name` + a suffix of
    // `companions` (a database's journal), when the legacy folder holds it and this one
    // does not (nothing, or only empty folders). True when it moved. Never when the data
    // folder is overridden: the legacy one is the user's own.
    static bool moveFromLegacy(const QString &name, const QStringList &companions = {});
};

} // namespace studio
