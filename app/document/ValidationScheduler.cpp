#include "ValidationScheduler.h"

#include "ManifestDocument.h"

#include <QtConcurrent>

namespace studio {

ValidationScheduler::ValidationScheduler(ManifestDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ValidationScheduler::start);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ValidationScheduler::finished);
    connect(document, &ManifestDocument::changed, &m_timer, qOverload<>(&QTimer::start));
}

void ValidationScheduler::setOptions(ValidationOptions options)
{
    m_options = std::move(options);
    m_timer.start();
}

void ValidationScheduler::setContract(const Contract &contract)
{
    if (m_contract == &contract)
        return;
    m_contract = &contract;
    m_timer.start();
}

void ValidationScheduler::validateNow()
{
    m_timer.stop();
    start();
}

bool ValidationScheduler::isCurrent() const
{
    return m_reportRevision == m_document->revision() && !m_timer.isActive() &&
           !m_watcher.isRunning() && m_runs > 0;
}

void ValidationScheduler::whenCurrent(QObject *context,
                                      std::function<void(const ValidationReport &)> done)
{
    if (isCurrent()) {
        done(ValidationReport(m_report)); // a copy: `done` may run an event loop
        return;
    }
    m_waiting.emplace_back(context, std::move(done));
    // A run under way for an older text restarts itself when it ends; a due one starts now.
    if (m_timer.isActive() || !m_watcher.isRunning())
        validateNow();
}

void ValidationScheduler::start()
{
    if (m_watcher.isRunning()) {
        // One run at a time; the newest text is validated as soon as this one ends.
        m_pending = true;
        return;
    }
    m_pending = false;
    ++m_runs;
    m_watcher.setFuture(QtConcurrent::run(
        [text = m_document->text(), options = m_options, revision = m_document->revision(),
         contract = m_contract] {
            const JsonParseResult parsed = parseJson(text);
            Result result{contract->validate(text, parsed, options), {}, revision};
            if (parsed.ok() && options.repositoryRoot)
                result.files = contract->referencedFiles(parsed.value, *options.repositoryRoot);
            return result;
        }));
}

void ValidationScheduler::finished()
{
    Result result = m_watcher.result();
    if (m_pending || result.revision != m_document->revision()) {
        // Stale: the spans would point into a text that no longer exists. Validate the
        // current text, unless more typing is still being waited out.
        if (!m_timer.isActive())
            start();
        return;
    }
    m_report = std::move(result.report);
    m_reportRevision = result.revision;
    const bool filesChanged = result.files != m_files;
    m_files = std::move(result.files);
    emit reportReady(m_report);
    if (filesChanged)
        emit referencedFilesChanged(m_files);
    deliverToWaiting();
}

void ValidationScheduler::deliverToWaiting()
{
    // A slot above may have edited the text again: then the next report is theirs.
    if (!isCurrent())
        return;
    const auto waiting = std::exchange(m_waiting, {});
    const ValidationReport report = m_report; // a callback may run an event loop
    for (const auto &[context, done] : waiting) {
        if (context)
            done(report);
    }
}

} // namespace studio
