#pragma once

#include <QString>

namespace studio {

// Where the run history lives: history.sqlite in the user's data folder
// (QStandardPaths::AppDataLocation), or in $PLUGIN_STUDIO_DATA_DIR when it is set, so tests
// and scripts can keep their runs away from the user's.
class HistoryLocation
{
public:
    static constexpr const char *kDataDirVariable = "PLUGIN_STUDIO_DATA_DIR";
    static constexpr const char *kFileName = "history.sqlite";

    static QString defaultPath();
};

} // namespace studio
