#pragma once

#include <QString>

namespace studio {

// The sample plugin repository shipped with the studio, which a first run opens so the
// studio is useful at once. The bundled copy stays pristine: the user edits a working
// copy in the application's data folder.
class SampleRepository
{
public:
    // The bundled samples/repo: beside the sources of a build tree, or installed.
    static QString bundledPath();
    // A writable copy of it, made on first use; empty when there are no samples.
    static QString workingCopy();
};

} // namespace studio
