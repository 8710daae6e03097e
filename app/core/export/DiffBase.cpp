#include "DiffBase.h"

#include <QFileInfo>

namespace studio {

namespace {

std::string gitDescription(const GitBaseFile &file, const std::string &name)
{
    const std::string commit = file.shortCommit();
    std::string where = file.branch == "HEAD"
                            ? "the last commit, HEAD (" + commit + ")"
                            : "the merge-base of HEAD and " + file.branch + " (" + commit + ")";
    if (file.status == GitBaseFile::Status::NewFile)
        where += ", which has no " + name + " yet";
    return where;
}

} // namespace

DiffBase DiffBase::resolve(const QString &indexPath, const std::string &onDisk,
                           const DiffBaseRequest &request)
{
    const std::string name = QFileInfo(indexPath).fileName().toStdString();
    DiffBase base;
    if (request.useGit) {
        const GitBaseFile file = GitBase::fileAtBase(indexPath, request.git);
        if (file.ok()) {
            base.kind = Kind::GitBase;
            base.text = file.bytes;
            base.description = gitDescription(file, name);
            return base;
        }
        base.gitUnavailable = file.problem;
    }
    if (request.openedIndex) {
        base.kind = Kind::AsOpened;
        base.text = *request.openedIndex;
        base.description = name + " as it was when opened";
        return base;
    }
    base.kind = Kind::OnDisk;
    base.text = onDisk;
    base.description = name + " as it is on disk";
    return base;
}

} // namespace studio
