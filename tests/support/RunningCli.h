#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace studio::test {

// The real plugin-studio running a command that lasts (serve, listen) in a child process,
// with no display and its own data folder unless the test gives one. The test reads what it
// prints, signals it and checks how it ended.
class RunningCli
{
public:
    explicit RunningCli(const QStringList &arguments, const QProcessEnvironment &overrides = {});
    ~RunningCli(); // kills it if still running

    // Waits for the first line on stdout (a server's base URL); empty after the timeout or
    // an early exit.
    QString firstLine(int timeoutMs = 20'000);
    // Sends the signal and waits for the exit; false if it did not end in time.
    bool stop(int signalNumber, int timeoutMs = 20'000);
    int exitCode() const { return m_process.exitCode(); }
    bool crashed() const { return m_process.exitStatus() != QProcess::NormalExit; }
    qint64 pid() const { return m_process.processId(); }
    // Everything printed so far.
    QString out();
    QString err();
    // Waits until stderr holds `count` occurrences of `needle`.
    bool waitForErr(const QString &needle, int count = 1, int timeoutMs = 20'000);

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace studio::test
