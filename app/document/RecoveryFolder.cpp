#include "RecoveryFolder.h"

#include "io/TextFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>

#include <algorithm>
#include <signal.h>

namespace studio::RecoveryFolder {

namespace {

constexpr std::int64_t kMaxRecordBytes = 64 * 1024 * 1024;

bool isRunning(qint64 processId)
{
    if (processId <= 0 || processId == QCoreApplication::applicationPid())
        return false;
    // Signal 0 checks existence only. A studio killed by the system is gone.
    return ::kill(static_cast<pid_t>(processId), 0) == 0;
}

} // namespace

QString recordPath(const QString &directory, const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    return directory + u'/' + QString::fromLatin1(hash.toHex().left(20)) + QStringLiteral(".json");
}

QString write(const QString &directory, const QString &path, const RecoveryRecord &record)
{
    if (!QDir().mkpath(directory))
        return QCoreApplication::translate("RecoveryFolder", "Cannot create the recovery folder %1")
            .arg(directory);
    return QString::fromStdString(TextFile::writeAtomically(path, record.toJson()));
}

std::vector<RecoveryRecord> abandoned(const QString &directory)
{
    std::vector<RecoveryRecord> records;
    const QDir folder(directory);
    const auto files = folder.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        const TextFileRead read = TextFile::read(folder.filePath(name), kMaxRecordBytes);
        if (!read.ok)
            continue;
        auto record = RecoveryRecord::fromJson(read.bytes);
        if (record && !isRunning(record->processId))
            records.push_back(std::move(*record));
    }
    std::sort(records.begin(), records.end(), [](const RecoveryRecord &a, const RecoveryRecord &b) {
        return a.savedAt > b.savedAt;
    });
    return records;
}

} // namespace studio::RecoveryFolder
