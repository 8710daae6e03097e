#include "RecoveryStore.h"

#include "DocumentSession.h"
#include "document/ManifestDocument.h"
#include "io/TextFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>
#include <signal.h>

namespace studio {

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

RecoveryStore::RecoveryStore(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryStore::flush);
}

QString RecoveryStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

void RecoveryStore::watch(DocumentSession *session)
{
    m_session = session;
    ManifestDocument *document = session->document();
    connect(document, &ManifestDocument::changed, &m_timer, qOverload<>(&QTimer::start));
    connect(document, &ManifestDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            flush(); // saved, or undone back to the saved text: nothing to recover
    });
    connect(session, &DocumentSession::sourceChanged, this, &RecoveryStore::sourceChanged);
    m_lastIdentityPath = recordPath(session->source());
}

std::vector<RecoveryRecord> RecoveryStore::pending() const
{
    std::vector<RecoveryRecord> records;
    const QDir folder(m_directory);
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

void RecoveryStore::discard(const DocumentSource &source)
{
    const QString path = recordPath(source);
    m_ownRecords.remove(path);
    if (QFile::exists(path) && QFile::remove(path))
        emit written({});
}

QString RecoveryStore::recordPath(const DocumentSource &source) const
{
    const QByteArray hash =
        QCryptographicHash::hash(source.identity().toUtf8(), QCryptographicHash::Sha1);
    return m_directory + u'/' + QString::fromLatin1(hash.toHex().left(20)) +
           QStringLiteral(".json");
}

void RecoveryStore::flush()
{
    m_timer.stop();
    if (!m_session)
        return;
    ManifestDocument *document = m_session->document();
    const QString path = recordPath(m_session->source());
    if (!document->isModified()) {
        if (m_ownRecords.contains(path))
            discard(m_session->source());
        return;
    }
    RecoveryRecord record;
    record.source = m_session->source();
    record.text = document->text();
    record.savedAt = QDateTime::currentDateTimeUtc();
    record.processId = QCoreApplication::applicationPid();
    if (!QDir().mkpath(m_directory)) {
        emit failed(tr("Cannot create the recovery folder %1").arg(m_directory));
        return;
    }
    const std::string error = TextFile::writeAtomically(path, record.toJson());
    if (!error.empty()) {
        emit failed(QString::fromStdString(error));
        return;
    }
    m_ownRecords.insert(path);
    emit written(path);
}

void RecoveryStore::sourceChanged()
{
    // Another document (or the same one under a new name): the old record goes, as its
    // edits were saved or deliberately discarded before the switch.
    const QString previous = m_lastIdentityPath;
    m_lastIdentityPath = recordPath(m_session->source());
    if (previous != m_lastIdentityPath && m_ownRecords.contains(previous)) {
        m_ownRecords.remove(previous);
        QFile::remove(previous);
    }
    flush();
}

} // namespace studio
