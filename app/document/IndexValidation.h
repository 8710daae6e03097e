#pragma once

#include "diagnostics/ValidationReport.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <string>

namespace studio {

// Validates the open repository's whole index exactly as `plugin-studio validate` does, on
// a worker, whenever the session reads the index (opened, saved, reread). It reports its
// progress entry by entry; a run whose text has been replaced is cancelled and its result
// dropped, so the report always describes the index the session lists.
class IndexValidation : public QObject
{
    Q_OBJECT

public:
    explicit IndexValidation(QObject *parent = nullptr);
    ~IndexValidation() override;

    void validate(std::string indexText, const QString &repositoryRoot);
    // No index is open: an empty report.
    void clear();

    bool hasIndex() const { return m_hasIndex; }
    bool isRunning() const { return m_watcher.isRunning(); }
    // The latest complete report (empty while the first run is under way).
    const ValidationReport &report() const { return m_report; }
    // How long the latest complete run took.
    qint64 lastDurationMs() const { return m_durationMs; }

signals:
    void started();
    void progressed(int checked, int total);
    void reportReady(const studio::ValidationReport &report);

private:
    void finished();

    QFutureWatcher<ValidationReport> m_watcher;
    QElapsedTimer m_clock;
    ValidationReport m_report;
    bool m_hasIndex = false;
    qint64 m_durationMs = 0;
};

} // namespace studio
