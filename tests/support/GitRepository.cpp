#include "GitRepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtDebug>

namespace studio::test {

bool gitAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty();
}

bool runGit(const QString &folder, const QStringList &arguments, QByteArray *out)
{
    QProcess git;
    git.setWorkingDirectory(folder);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("GIT_DIR"));
    environment.remove(QStringLiteral("GIT_WORK_TREE"));
    git.setProcessEnvironment(environment);
    git.start(QStringLiteral("git"), arguments);
    if (!git.waitForFinished(30000) || git.exitStatus() != QProcess::NormalExit ||
        git.exitCode() != 0) {
        qWarning().noquote() << "git" << arguments.join(u' ') << "failed in" << folder << ":"
                             << git.readAllStandardError();
        return false;
    }
    if (out)
        *out = git.readAllStandardOutput();
    return true;
}

bool initGitRepository(const QString &folder)
{
    return runGit(folder, {QStringLiteral("init"), QStringLiteral("--quiet"),
                           QStringLiteral("--initial-branch=main")}) &&
           runGit(folder, {QStringLiteral("config"), QStringLiteral("user.name"),
                           QStringLiteral("Studio Test")}) &&
           runGit(folder, {QStringLiteral("config"), QStringLiteral("user.email"),
                           QStringLiteral("studio-test@example.com")}) &&
           runGit(folder, {QStringLiteral("config"), QStringLiteral("commit.gpgsign"),
                           QStringLiteral("false")});
}

bool commitAll(const QString &folder, const QString &message, QString *commit)
{
    QByteArray head;
    const bool ok =
        runGit(folder, {QStringLiteral("add"), QStringLiteral("--all")}) &&
        runGit(folder, {QStringLiteral("commit"), QStringLiteral("--quiet"),
                        QStringLiteral("--allow-empty"), QStringLiteral("-m"), message}) &&
        runGit(folder, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, &head);
    if (ok && commit)
        *commit = QString::fromLatin1(head.trimmed());
    return ok;
}

QString fakeGit(const QString &folder, const QByteArray &script)
{
    const QString path = QDir(folder).filePath(QStringLiteral("fake-git"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + script);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

} // namespace studio::test
