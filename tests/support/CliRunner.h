#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace studio::test {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// The environment the CLI runs in under test: no display, and a data folder of the test's
// own unless `overrides` names one (simulate and check-setup keep runs in the history).
QProcessEnvironment cliEnvironment(const QProcessEnvironment &overrides = {});

// Runs the real plugin-studio executable with no display, as CI does; `environment` adds or
// replaces variables of the child's environment.
CliRun runCli(const QStringList &arguments, const QString &workingDirectory = {},
              const QProcessEnvironment &environment = {});

} // namespace studio::test
