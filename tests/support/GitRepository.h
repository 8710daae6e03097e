#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace studio::test {

// Real git repositories for tests, made in a folder the test owns.

bool gitAvailable();
// Runs git in `folder`; false (with git's complaint in the test log) when it fails.
bool runGit(const QString &folder, const QStringList &arguments, QByteArray *out = nullptr);
// `git init` with a local user and branch "main", so commits work on any machine.
bool initGitRepository(const QString &folder);
// Stages everything and commits it; the new commit's id in `commit` when asked.
bool commitAll(const QString &folder, const QString &message, QString *commit = nullptr);

// An executable shell script standing in for git (a failing or hanging one).
QString fakeGit(const QString &folder, const QByteArray &script);

} // namespace studio::test
