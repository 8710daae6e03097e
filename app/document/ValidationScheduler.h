#pragma once

#include "contract/Contract.h"
#include "validation/DocumentValidator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <vector>

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
    // The contract whose rules apply (the 2024 index's until told).
    void setContract(const Contract &contract);
    const Contract &contract() const { return *m_contract; }
    const ValidationOptions &options() const { return m_options; }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Validates the current text at once (after opening a document).
    void validateNow();
    const ValidationReport &latestReport() const { return m_report; }
    // The document revision the latest report describes.
    quint64 latestRevision() const { return m_reportRevision; }
    bool isRunning() const { return m_watcher.isRunning(); }
    // The latest report describes the text and options as they are now: no run is due.
    bool isCurrent() const;
    // Calls `done` once with a report of the text as it is then: at once when the latest
    // report is current, else when the next current one is ready (validating now instead of
    // waiting out the typing pause; edits meanwhile make it wait for theirs). Nothing is
    // called once `context` is gone.
    void whenCurrent(QObject *context, std::function<void(const ValidationReport &)> done);
    // The files on disk the latest report looked at (ReferencedFiles), absolute.
    const QStringList &referencedFiles() const { return m_files; }
    // How many validations have started, for tests that count them.
    int runCount() const { return m_runs; }

signals:
    // A report for the document's current text: its spans match the text as it is now.
    void reportReady(const studio::ValidationReport &report);
    // The latest report looked at other files than the one before it.
    void referencedFilesChanged(const QStringList &files);

private:
    struct Result
    {
        ValidationReport report;
        QStringList files;
        quint64 revision = 0;
    };

    void start();
    void finished();
    void deliverToWaiting();

    ManifestDocument *m_document;
    ValidationOptions m_options;
    const Contract *m_contract = &Contract::plugins2024();
    QTimer m_timer;
    QFutureWatcher<Result> m_watcher;
    bool m_pending = false; // the text changed while a run was under way
    ValidationReport m_report;
    quint64 m_reportRevision = 0;
    QStringList m_files;
    int m_runs = 0;
    std::vector<std::pair<QPointer<QObject>, std::function<void(const ValidationReport &)>>>
        m_waiting;
};

} // namespace studio
