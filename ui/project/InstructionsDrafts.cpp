#include "InstructionsDrafts.h"

#include "RecoveryFolder.h"
#include "RecoveryStore.h"

#include <QCoreApplication>
#include <QFile>

namespace studio {

InstructionsDrafts::InstructionsDrafts(QString directory, Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InstructionsDrafts::flush);
}

QString InstructionsDrafts::defaultDirectory()
{
    return RecoveryStore::defaultDirectory() + QStringLiteral("/instructions");
}

void InstructionsDrafts::flush()
{
    m_timer.stop();
    std::optional<RecoveryRecord> draft = m_snapshot();
    if (!draft || draft->instructionsFile.isEmpty()) {
        removeOwnExcept({});
        return;
    }
    const QString path = draftPath(draft->instructionsFile);
    removeOwnExcept(path); // another file's edits were saved or dropped before the switch
    draft->savedAt = QDateTime::currentDateTimeUtc();
    draft->processId = QCoreApplication::applicationPid();
    const QString error = RecoveryFolder::write(m_directory, path, *draft);
    if (!error.isEmpty()) {
        emit failed(error);
        return;
    }
    m_ownDrafts.insert(path);
    emit written(path);
}

std::vector<RecoveryRecord> InstructionsDrafts::pending() const
{
    std::vector<RecoveryRecord> drafts = RecoveryFolder::abandoned(m_directory);
    // This studio's own drafts are not left behind: it still holds their edits.
    std::erase_if(drafts, [](const RecoveryRecord &d) {
        return d.instructionsFile.isEmpty() || d.processId == QCoreApplication::applicationPid();
    });
    return drafts;
}

std::optional<RecoveryRecord> InstructionsDrafts::pendingFor(const QString &instructionsFile) const
{
    for (RecoveryRecord &draft : pending()) {
        if (draft.instructionsFile == instructionsFile)
            return std::move(draft);
    }
    return std::nullopt;
}

void InstructionsDrafts::discard(const QString &instructionsFile)
{
    const QString path = draftPath(instructionsFile);
    m_ownDrafts.remove(path);
    if (QFile::exists(path) && QFile::remove(path))
        emit written({});
}

QString InstructionsDrafts::draftPath(const QString &instructionsFile) const
{
    return RecoveryFolder::recordPath(m_directory, instructionsFile);
}

void InstructionsDrafts::removeOwnExcept(const QString &keep)
{
    const QSet<QString> own = m_ownDrafts;
    for (const QString &path : own) {
        if (path == keep)
            continue;
        m_ownDrafts.remove(path);
        if (QFile::remove(path))
            emit written({});
    }
}

} // namespace studio
