#pragma once

#include <QString>

#include <optional>

namespace studio {

// The sample plugin repository shipped with the studio, which a first run opens so the
// studio is useful at once. The bundled copy stays pristine: the user edits a working
// copy in the studio's data folder (DataFolder).
class SampleRepository
{
public:
    // The bundled samples/repo: beside the sources of a build tree, or installed.
    static QString bundledPath();
    // A short transcript shipped beside it, for a transcript plugin's command; empty when
    // the samples are not there.
    static QString sampleTranscript();
    // A writable copy of it, made on first use; empty when there are no samples.
    static QString workingCopy();
    // Where the working copy lives, whether or not it exists yet.
    static QString workingCopyPath();
    // Where earlier versions kept it.
    static QString legacyWorkingCopyPath();

    struct Move
    {
        QString from;
        QString to;
    };
    // Moves a working copy an earlier version made to the clean path, keeping the user's
    // edits; nothing when there is none or it cannot be moved (it then stays in use).
    static std::optional<Move> moveLegacyCopy();
};

} // namespace studio
