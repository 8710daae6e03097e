#pragma once

#include "git/GitBase.h"

#include <QString>

#include <optional>
#include <string>

namespace studio {

// What the export's index diff may be made against, best first.
struct DiffBaseRequest
{
    bool useGit = true; // the pull request's base, when the index is in a git checkout
    GitOptions git;
    std::optional<std::string> openedIndex; // the index's bytes when the studio opened it
};

// What the index diff is made against: the base of the pull request when git can tell it,
// else the index as it was opened, else the file on disk (so the diff is what an update
// would change). `description` says which, for the dialog.
struct DiffBase
{
    enum class Kind
    {
        GitBase,
        AsOpened,
        OnDisk
    };

    Kind kind = Kind::OnDisk;
    std::string text;
    std::string description;    // "the merge-base of HEAD and origin/main (1a2b3c4)"
    std::string gitUnavailable; // why not the git base, when git was asked and could not tell

    // Runs git (see GitBase), so call it on a worker. `onDisk` is the index as read now.
    static DiffBase resolve(const QString &indexPath, const std::string &onDisk,
                            const DiffBaseRequest &request);
};

} // namespace studio
