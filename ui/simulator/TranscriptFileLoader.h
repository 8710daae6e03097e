#pragma once

#include "transcript/TranscriptLoadResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace studio {

// Loads a transcript file (JSON, SRT, WebVTT) on a worker thread: an eight-hour day is
// megabytes of text. Only the latest request answers; a file asked for while another is
// still loading replaces it.
class TranscriptFileLoader : public QObject
{
    Q_OBJECT

public:
    explicit TranscriptFileLoader(QObject *parent = nullptr);
    ~TranscriptFileLoader() override;

    void load(const QString &path);
    bool isLoading() const { return m_watcher.isRunning(); }

signals:
    void loaded(const QString &path, const studio::TranscriptLoadResult &result);

private:
    struct Outcome
    {
        quint64 revision = 0;
        QString path;
        TranscriptLoadResult result;
    };

    void deliver();

    QFutureWatcher<Outcome> m_watcher;
    quint64 m_revision = 0;
};

} // namespace studio
