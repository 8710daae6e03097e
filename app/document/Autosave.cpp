#include "Autosave.h"

#include "RecoveryFolder.h"
#include "io/DataFolder.h"

#include <QCoreApplication>
#include <QFile>

namespace studio {

Autosave::Autosave(QString directory, Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::flush);
}

QString Autosave::defaultDirectory(const QString &kind)
{
    const QString name = QStringLiteral("recovery");
    DataFolder::moveFromLegacy(name); // what an earlier version left to recover comes along
    const QString root = DataFolder::filePath(name);
    return kind.isEmpty() ? root : root + u'/' + kind;
}

void Autosave::flush()
{
    m_timer.stop();
    std::optional<RecoveryRecord> record = m_snapshot();
    if (!record) {
        removeOwnExcept({});
        return;
    }
    const QString path = recordPath(record->key());
    removeOwnExcept(path); // another document's edits were saved or dropped before the switch
    record->savedAt = QDateTime::currentDateTimeUtc();
    record->processId = QCoreApplication::applicationPid();
    const QString error = RecoveryFolder::write(m_directory, path, *record);
    if (!error.isEmpty()) {
        emit failed(error);
        return;
    }
    m_ownRecords.insert(path);
    emit written(path);
}

std::vector<RecoveryRecord> Autosave::pending() const
{
    return RecoveryFolder::abandoned(m_directory);
}

std::optional<RecoveryRecord> Autosave::pendingFor(const QString &key) const
{
    for (RecoveryRecord &record : pending()) {
        if (record.key() == key)
            return std::move(record);
    }
    return std::nullopt;
}

void Autosave::discard(const QString &key)
{
    const QString path = recordPath(key);
    m_ownRecords.remove(path);
    if (QFile::exists(path) && QFile::remove(path))
        emit written({});
}

QString Autosave::recordPath(const QString &key) const
{
    return RecoveryFolder::recordPath(m_directory, key);
}

void Autosave::removeOwnExcept(const QString &keep)
{
    const QSet<QString> own = m_ownRecords;
    for (const QString &path : own) {
        if (path == keep)
            continue;
        m_ownRecords.remove(path);
        if (QFile::remove(path))
            emit written({});
    }
}

} // namespace studio
