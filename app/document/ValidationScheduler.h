#pragma once

#include "validation/DocumentValidator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace studio {

class ManifestDocument;

// Validates the document as the user types without ever making typing wait: runs are
// debounced, work on a copy of the text on a worker thread (file and image checks touch
// the disk), and a result that arrives after the text changed again is dropped.
class ValidationScheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultDelayMs = 250;

    explicit ValidationScheduler(ManifestDocument *document, QObject *parent = nullptr);

    void setOptions(ValidationOptions options);
    const ValidationOptions &options() const { return m_options; }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Validates the current text at once (after opening a document).
    void validateNow();
    const ValidationReport &latestReport() const { return m_report; }
    // The document revision the latest report describes.
    quint64 latestRevision() const { return m_reportRevision; }
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    // A report for the document's current text: its spans match the text as it is now.
    void reportReady(const studio::ValidationReport &report);

private:
    struct Result
    {
        ValidationReport report;
        quint64 revision = 0;
    };

    void start();
    void finished();

    ManifestDocument *m_document;
    ValidationOptions m_options;
    QTimer m_timer;
    QFutureWatcher<Result> m_watcher;
    bool m_pending = false; // the text changed while a run was under way
    ValidationReport m_report;
    quint64 m_reportRevision = 0;
};

} // namespace studio
