#include "CliRunner.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace studio::test {

QProcessEnvironment cliEnvironment(const QProcessEnvironment &overrides)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(overrides);
    // A test that does not choose a data folder gets one of its own, never the user's.
    static QTemporaryDir dataFolder;
    if (!environment.contains(QStringLiteral("PLUGIN_STUDIO_DATA_DIR")))
        environment.insert(QStringLiteral("PLUGIN_STUDIO_DATA_DIR"), dataFolder.path());
    return environment;
}

CliRun runCli(const QStringList &arguments, const QString &workingDirectory,
              const QProcessEnvironment &overrides)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(overrides));
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(STUDIO_EXECUTABLE), arguments);
    CliRun run;
    if (!process.waitForStarted(10'000)) {
        qWarning("cannot start %s", STUDIO_EXECUTABLE);
        return run;
    }
    // Generous: the point is that the command ends, not how fast (benchmarks measure that).
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        run.crashed = true;
    }
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace studio::test
