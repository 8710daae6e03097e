#include "TranscriptFileLoader.h"

#include "transcript/TranscriptLoader.h"

#include <QtConcurrent>

namespace studio {

TranscriptFileLoader::TranscriptFileLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &TranscriptFileLoader::deliver);
}

TranscriptFileLoader::~TranscriptFileLoader()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void TranscriptFileLoader::load(const QString &path)
{
    const quint64 revision = ++m_revision;
    // A load still running finishes unseen: its revision is stale when it arrives.
    m_watcher.setFuture(QtConcurrent::run([revision, path] {
        return Outcome{revision, path, TranscriptLoader::loadFile(path)};
    }));
}

void TranscriptFileLoader::deliver()
{
    const Outcome outcome = m_watcher.result();
    if (outcome.revision == m_revision)
        emit loaded(outcome.path, outcome.result);
}

} // namespace studio
