#include "GitBase.h"

#include "GitCommand.h"

#include <QFileInfo>

#include <array>

namespace studio {

namespace {

// The branches a fork's pull request goes to, most specific first: a fork names the
// original "upstream", a clone of the original names it "origin".
constexpr std::array kUpstreamBranches = {"upstream/HEAD", "upstream/main", "upstream/master",
                                          "origin/HEAD",   "origin/main",   "origin/master"};
constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024; // as TextFile reads a document

GitBaseFile failed(GitBaseFile::Status status, const QString &problem)
{
    GitBaseFile file;
    file.status = status;
    file.problem = problem.toStdString();
    return file;
}

QString firstLine(const QByteArray &out)
{
    return QString::fromUtf8(out).section(u'\n', 0, 0).trimmed();
}

// The merge-base with the first upstream branch that has one, else HEAD; false with
// `problem` set when there is no commit to compare with.
bool findBase(const GitCommand &git, GitBaseFile &file, QString &problem)
{
    const GitCommandResult refs =
        git.run({QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname)"),
                 QStringLiteral("refs/remotes/upstream"), QStringLiteral("refs/remotes/origin")});
    if (!refs.succeeded()) {
        problem = refs.problem();
        return false;
    }
    const QStringList present = QString::fromUtf8(refs.out).split(u'\n', Qt::SkipEmptyParts);
    for (const char *branch : kUpstreamBranches) {
        const QString ref = QStringLiteral("refs/remotes/") + QLatin1String(branch);
        if (!present.contains(ref))
            continue;
        const GitCommandResult base =
            git.run({QStringLiteral("merge-base"), QStringLiteral("HEAD"), ref});
        if (base.status != GitCommandResult::Status::Finished) {
            problem = base.problem();
            return false;
        }
        if (base.exitCode == 0) {
            file.commit = firstLine(base.out).toStdString();
            file.branch = branch;
            return true;
        }
        // No common history with that branch (or no HEAD yet): try the next one.
    }
    const GitCommandResult head =
        git.run({QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
                 QStringLiteral("HEAD^{commit}")});
    if (head.status != GitCommandResult::Status::Finished) {
        problem = head.problem();
        return false;
    }
    if (head.exitCode != 0) {
        problem = QStringLiteral("the checkout has no commit yet");
        return false;
    }
    file.commit = firstLine(head.out).toStdString();
    file.branch = "HEAD";
    return true;
}

} // namespace

GitBaseFile GitBase::fileAtBase(const QString &filePath, const GitOptions &options)
{
    const QFileInfo info(filePath);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir())
        return failed(GitBaseFile::Status::NotACheckout,
                      QStringLiteral("the folder does not exist"));
    const GitCommand git(options.program, folder, QDeadlineTimer(options.timeoutMs));

    const GitCommandResult inside =
        git.run({QStringLiteral("rev-parse"), QStringLiteral("--is-inside-work-tree")});
    if (inside.status != GitCommandResult::Status::Finished)
        return failed(GitBaseFile::Status::Failed, inside.problem());
    if (inside.exitCode != 0) {
        const QString problem = inside.problem();
        if (problem.contains(QLatin1String("not a git repository")))
            return failed(GitBaseFile::Status::NotACheckout,
                          QStringLiteral("the folder is not a git checkout"));
        return failed(GitBaseFile::Status::Failed, problem);
    }
    if (firstLine(inside.out) != u"true")
        return failed(GitBaseFile::Status::NotACheckout,
                      QStringLiteral("the folder is not in a git work tree"));

    GitBaseFile file;
    QString problem;
    if (!findBase(git, file, problem))
        return failed(GitBaseFile::Status::Failed, problem);

    // Paths are taken relative to the folder, wherever the work tree's top is.
    const QString name = info.fileName();
    const GitCommandResult listed =
        git.run({QStringLiteral("ls-tree"), QStringLiteral("--name-only"),
                 QString::fromStdString(file.commit), QStringLiteral("--"), name});
    if (!listed.succeeded())
        return failed(GitBaseFile::Status::Failed, listed.problem());
    if (firstLine(listed.out).isEmpty()) {
        file.status = GitBaseFile::Status::NewFile;
        return file;
    }
    const GitCommandResult blob =
        git.run({QStringLiteral("cat-file"), QStringLiteral("blob"),
                 QString::fromStdString(file.commit) + QStringLiteral(":./") + name},
                kMaxFileBytes);
    if (!blob.succeeded())
        return failed(GitBaseFile::Status::Failed, blob.problem());
    file.status = GitBaseFile::Status::Found;
    file.bytes = blob.out.toStdString();
    return file;
}

} // namespace studio
