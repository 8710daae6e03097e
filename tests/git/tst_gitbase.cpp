#include "GitRepository.h"
#include "TestFiles.h"
#include "git/GitBase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

const QString kIndex = QStringLiteral("community-plugins.json");

// A checkout whose index went through versions "v1" (committed first), then "v2".
struct Checkout
{
    QTemporaryDir dir;
    QString first;
    QString second;

    QString root() const { return dir.path(); }
    QString index() const { return QDir(root()).filePath(kIndex); }

    bool make()
    {
        test::writeFile(index(), "v1\n");
        if (!test::initGitRepository(root()) ||
            !test::commitAll(root(), QStringLiteral("one"), &first))
            return false;
        test::writeFile(index(), "v2\n");
        return test::commitAll(root(), QStringLiteral("two"), &second);
    }
    bool pointRemoteAt(const QString &ref, const QString &commit) const
    {
        return test::runGit(root(), {QStringLiteral("update-ref"), ref, commit});
    }
};

} // namespace

class GitBaseTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!test::gitAvailable())
            QSKIP("git is not installed");
    }

    void withoutUpstream_isTheFileAtHead_notTheWorkingCopy()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        test::writeFile(checkout.index(), "edited, not committed\n");

        const GitBaseFile base = GitBase::fileAtBase(checkout.index());
        QCOMPARE(base.status, GitBaseFile::Status::Found);
        QCOMPARE(base.bytes, std::string("v2\n"));
        QCOMPARE(base.branch, std::string("HEAD"));
        QCOMPARE(QString::fromStdString(base.commit), checkout.second);
        QCOMPARE(base.shortCommit().size(), std::size_t(7));
    }

    void withOrigin_isTheMergeBase()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        // origin/main is where the branch started: the first commit.
        QVERIFY(checkout.pointRemoteAt(QStringLiteral("refs/remotes/origin/main"), checkout.first));

        const GitBaseFile base = GitBase::fileAtBase(checkout.index());
        QCOMPARE(base.status, GitBaseFile::Status::Found);
        QCOMPARE(base.bytes, std::string("v1\n"));
        QCOMPARE(base.branch, std::string("origin/main"));
        QCOMPARE(QString::fromStdString(base.commit), checkout.first);
    }

    void upstream_comesBeforeOrigin()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        QVERIFY(
            checkout.pointRemoteAt(QStringLiteral("refs/remotes/origin/HEAD"), checkout.second));
        QVERIFY(
            checkout.pointRemoteAt(QStringLiteral("refs/remotes/upstream/main"), checkout.first));

        const GitBaseFile base = GitBase::fileAtBase(checkout.index());
        QCOMPARE(base.branch, std::string("upstream/main"));
        QCOMPARE(base.bytes, std::string("v1\n"));
    }

    void indexInASubfolder_isFoundRelativeToIt()
    {
        QTemporaryDir dir;
        const QString index = QDir(dir.path()).filePath(QStringLiteral("plugins-repo/") + kIndex);
        test::writeFile(index, "[]\n");
        QVERIFY(test::initGitRepository(dir.path()));
        QVERIFY(test::commitAll(dir.path(), QStringLiteral("index")));

        const GitBaseFile base = GitBase::fileAtBase(index);
        QCOMPARE(base.status, GitBaseFile::Status::Found);
        QCOMPARE(base.bytes, std::string("[]\n"));
    }

    void fileNotInTheBase_isANewFile()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        const QString other = QDir(checkout.root()).filePath(QStringLiteral("other.json"));
        test::writeFile(other, "{}\n");

        const GitBaseFile base = GitBase::fileAtBase(other);
        QCOMPARE(base.status, GitBaseFile::Status::NewFile);
        QVERIFY(base.ok());
        QVERIFY(base.bytes.empty());
    }

    void plainFolder_isNotACheckout()
    {
        QTemporaryDir dir;
        const QString index = QDir(dir.path()).filePath(kIndex);
        test::writeFile(index, "[]\n");

        const GitBaseFile base = GitBase::fileAtBase(index);
        QCOMPARE(base.status, GitBaseFile::Status::NotACheckout);
        QVERIFY(!base.ok());
        QVERIFY(!base.problem.empty());
    }

    void checkoutWithoutCommits_saysSo()
    {
        QTemporaryDir dir;
        const QString index = QDir(dir.path()).filePath(kIndex);
        test::writeFile(index, "[]\n");
        QVERIFY(test::initGitRepository(dir.path()));

        const GitBaseFile base = GitBase::fileAtBase(index);
        QCOMPARE(base.status, GitBaseFile::Status::Failed);
        QCOMPARE(base.problem, std::string("the checkout has no commit yet"));
    }

    void gitMissing_failsWithAReason()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        const GitBaseFile base = GitBase::fileAtBase(
            checkout.index(),
            {.program = QStringLiteral("/nonexistent/bin/git"), .timeoutMs = 5000});
        QCOMPARE(base.status, GitBaseFile::Status::Failed);
        QCOMPARE(base.problem, std::string("git could not be started: is it installed?"));
    }

    void gitFailing_givesItsOwnMessage()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        QTemporaryDir tools;
        const QString failing =
            test::fakeGit(tools.path(), "echo 'fatal: unsafe repository' >&2\nexit 128\n");
        const GitBaseFile base =
            GitBase::fileAtBase(checkout.index(), {.program = failing, .timeoutMs = 5000});
        QCOMPARE(base.status, GitBaseFile::Status::Failed);
        QCOMPARE(base.problem, std::string("fatal: unsafe repository"));
    }

    void gitHanging_isStoppedAtTheTimeout()
    {
        Checkout checkout;
        QVERIFY(checkout.make());
        QTemporaryDir tools;
        const QString hanging = test::fakeGit(tools.path(), "exec sleep 30\n");
        QElapsedTimer clock;
        clock.start();
        const GitBaseFile base =
            GitBase::fileAtBase(checkout.index(), {.program = hanging, .timeoutMs = 300});
        QCOMPARE(base.status, GitBaseFile::Status::Failed);
        QCOMPARE(base.problem, std::string("git did not answer in time"));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(GitBaseTest)
#include "tst_gitbase.moc"
