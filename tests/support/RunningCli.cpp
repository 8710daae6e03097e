#include "RunningCli.h"

#include "CliRunner.h"

#include <QDeadlineTimer>
#include <QTest>

#include <csignal>

namespace studio::test {

RunningCli::RunningCli(const QStringList &arguments, const QProcessEnvironment &overrides)
{
    m_process.setProcessEnvironment(cliEnvironment(overrides));
    m_process.start(QStringLiteral(STUDIO_EXECUTABLE), arguments);
    if (!m_process.waitForStarted(10'000))
        qWarning("cannot start %s", STUDIO_EXECUTABLE);
}

RunningCli::~RunningCli()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
}

QString RunningCli::firstLine(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_out.contains('\n') && !deadline.hasExpired() &&
           m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        m_out += m_process.readAllStandardOutput();
    }
    m_out += m_process.readAllStandardOutput();
    const qsizetype end = m_out.indexOf('\n');
    return end < 0 ? QString() : QString::fromUtf8(m_out.left(end));
}

bool RunningCli::stop(int signalNumber, int timeoutMs)
{
    ::kill(pid_t(m_process.processId()), signalNumber);
    const bool ended = m_process.waitForFinished(timeoutMs);
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    return ended;
}

QString RunningCli::out()
{
    m_out += m_process.readAllStandardOutput();
    return QString::fromUtf8(m_out);
}

QString RunningCli::err()
{
    m_err += m_process.readAllStandardError();
    return QString::fromUtf8(m_err);
}

bool RunningCli::waitForErr(const QString &needle, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return err().count(needle) >= count; }, timeoutMs);
}

} // namespace studio::test
