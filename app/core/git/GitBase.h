#pragma once

#include <QString>

#include <string>

namespace studio {

struct GitOptions
{
    QString program = QStringLiteral("git");
    int timeoutMs = 5000; // for the whole lookup, however many commands it takes
};

// A file as the base of the pull request has it.
struct GitBaseFile
{
    enum class Status
    {
        Found,        // `bytes` hold the file at the base
        NewFile,      // the base has no such file: the pull request adds it
        NotACheckout, // the folder is not in a git work tree
        Failed,       // git is missing, timed out or refused: see `problem`
    };

    Status status = Status::Failed;
    std::string bytes;
    std::string commit;  // the base commit, in full
    std::string branch;  // the branch it was reached from ("origin/main"), or "HEAD"
    std::string problem; // for NotACheckout and Failed, in plain words
    std::string shortCommit() const { return commit.substr(0, 7); }
    bool ok() const { return status == Status::Found || status == Status::NewFile; }
};

// The base a pull request from this checkout is compared with: the merge-base of HEAD with
// the upstream branch (upstream/HEAD, upstream/main, upstream/master, then the same of
// origin); HEAD itself when there is no such branch. Runs git several times, blocking the
// calling thread for at most the timeout: call it on a worker.
class GitBase
{
public:
    static GitBaseFile fileAtBase(const QString &filePath, const GitOptions &options = {});
};

} // namespace studio
