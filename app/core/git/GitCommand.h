#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

namespace studio {

struct GitCommandResult
{
    enum class Status
    {
        Finished,      // exited on its own; see exitCode
        NotStarted,    // the program could not be started (not installed, not executable)
        TimedOut,      // killed at the deadline
        OutputTooLarge // killed: it wrote more than the limit
    };

    Status status = Status::NotStarted;
    int exitCode = -1;
    QByteArray out;
    QByteArray err; // its first kilobytes only

    bool succeeded() const { return status == Status::Finished && exitCode == 0; }
    // git's own first line of complaint ("fatal: ..."), or what kept it from answering.
    QString problem() const;
};

// Runs git in one folder, blocking the calling thread (never the GUI thread) until it
// ends or the deadline shared by a series of commands passes. Its environment speaks C,
// never prompts, takes no optional locks and ignores a GIT_DIR the studio was started with.
class GitCommand
{
public:
    GitCommand(QString program, QString workingDirectory, QDeadlineTimer deadline);

    GitCommandResult run(const QStringList &arguments, qint64 maxOutputBytes = 1 << 20) const;

private:
    QString m_program;
    QString m_workingDirectory;
    QDeadlineTimer m_deadline;
};

} // namespace studio
