#include "RecoveryStore.h"

#include "DocumentSession.h"
#include "RecoveryFolder.h"
#include "document/ManifestDocument.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

namespace studio {

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
    return RecoveryFolder::abandoned(m_directory);
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
    return RecoveryFolder::recordPath(m_directory, source.identity());
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
    const QString error = RecoveryFolder::write(m_directory, path, record);
    if (!error.isEmpty()) {
        emit failed(error);
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
