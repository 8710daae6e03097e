#pragma once

#include "io/DataFolder.h"

#include <QString>

namespace studio {

// Where the run history lives: history.sqlite in the studio's data folder (DataFolder),
// which is $PLUGIN_STUDIO_DATA_DIR when it is set, so tests and scripts can keep their runs
// away from the user's. A history an earlier version kept in Qt's application folder is
// moved there the first time the path is asked for.
class HistoryLocation
{
public:
    static constexpr const char *kDataDirVariable = DataFolder::kOverrideVariable;
    static constexpr const char *kFileName = "history.sqlite";

    static QString defaultPath();
};

} // namespace studio
