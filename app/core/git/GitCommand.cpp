#include "GitCommand.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace studio {

namespace {

constexpr qsizetype kMaxErrorBytes = 4096;
constexpr int kPollMs = 50;

QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // A repository named by the studio's own environment would override the folder asked.
    for (const char *name :
         {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("C"));
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0"));
    return environment;
}

void appendBounded(QByteArray &to, const QByteArray &bytes, qsizetype limit)
{
    if (to.size() < limit)
        to += bytes.left(limit - to.size());
}

} // namespace

QString GitCommandResult::problem() const
{
    switch (status) {
    case Status::NotStarted:
        return QStringLiteral("git could not be started: is it installed?");
    case Status::TimedOut:
        return QStringLiteral("git did not answer in time");
    case Status::OutputTooLarge:
        return QStringLiteral("git's answer was larger than the studio reads");
    case Status::Finished:
        break;
    }
    const QString text = QString::fromUtf8(err).trimmed();
    const QString first = text.section(u'\n', 0, 0).trimmed();
    if (!first.isEmpty())
        return first;
    return QStringLiteral("git exited with status %1").arg(exitCode);
}

GitCommand::GitCommand(QString program, QString workingDirectory, QDeadlineTimer deadline)
    : m_program(std::move(program))
    , m_workingDirectory(std::move(workingDirectory))
    , m_deadline(deadline)
{}

GitCommandResult GitCommand::run(const QStringList &arguments, qint64 maxOutputBytes) const
{
    GitCommandResult result;
    QProcess process;
    process.setProgram(m_program);
    process.setArguments(arguments);
    process.setWorkingDirectory(m_workingDirectory);
    process.setProcessEnvironment(gitEnvironment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(
            static_cast<int>(std::max<qint64>(1, m_deadline.remainingTime())))) {
        if (process.error() != QProcess::FailedToStart) {
            process.kill();
            process.waitForFinished(1000);
            result.status = GitCommandResult::Status::TimedOut;
        }
        return result;
    }
    // Read as it comes, so a huge answer is cut off rather than buffered whole.
    while (process.state() != QProcess::NotRunning) {
        if (m_deadline.hasExpired() || result.out.size() > maxOutputBytes) {
            result.status = m_deadline.hasExpired() ? GitCommandResult::Status::TimedOut
                                                    : GitCommandResult::Status::OutputTooLarge;
            process.kill();
            process.waitForFinished(1000);
            return result;
        }
        const auto wait =
            std::min<qint64>(kPollMs, std::max<qint64>(1, m_deadline.remainingTime()));
        process.waitForReadyRead(static_cast<int>(wait));
        result.out += process.readAllStandardOutput();
        appendBounded(result.err, process.readAllStandardError(), kMaxErrorBytes);
    }
    result.out += process.readAllStandardOutput();
    appendBounded(result.err, process.readAllStandardError(), kMaxErrorBytes);
    if (result.out.size() > maxOutputBytes) {
        result.status = GitCommandResult::Status::OutputTooLarge;
        return result;
    }
    result.status = GitCommandResult::Status::Finished;
    result.exitCode = process.exitStatus() == QProcess::CrashExit ? -1 : process.exitCode();
    return result;
}

} // namespace studio
