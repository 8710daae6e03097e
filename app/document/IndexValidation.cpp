#include "IndexValidation.h"

#include "validation/DocumentValidator.h"

#include <QPromise>
#include <QtConcurrent>

namespace studio {

namespace {

void validateIndex(QPromise<ValidationReport> &promise, const std::string &text,
                   const QString &root)
{
    ValidationOptions options;
    options.repositoryRoot = root;
    options.progress = [&promise](std::size_t checked, std::size_t total) {
        if (checked == 1)
            promise.setProgressRange(0, static_cast<int>(total));
        promise.setProgressValue(static_cast<int>(checked));
        return !promise.isCanceled();
    };
    ValidationReport report = DocumentValidator::validate(text, options);
    if (!promise.isCanceled())
        promise.addResult(std::move(report));
}

} // namespace

IndexValidation::IndexValidation(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<ValidationReport>::finished, this,
            &IndexValidation::finished);
    connect(&m_watcher, &QFutureWatcher<ValidationReport>::progressValueChanged, this,
            [this](int value) { emit progressed(value, m_watcher.progressMaximum()); });
}

IndexValidation::~IndexValidation()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void IndexValidation::validate(std::string indexText, const QString &repositoryRoot)
{
    // The run under way stops at its next entry; its result would describe a text gone.
    m_watcher.cancel();
    m_hasIndex = true;
    m_clock.start();
    m_watcher.setFuture(QtConcurrent::run(validateIndex, std::move(indexText), repositoryRoot));
    emit started();
}

void IndexValidation::clear()
{
    m_watcher.cancel();
    m_watcher.setFuture(QFuture<ValidationReport>());
    m_hasIndex = false;
    m_report = {};
    emit reportReady(m_report);
}

void IndexValidation::finished()
{
    const QFuture<ValidationReport> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    m_report = future.result();
    m_durationMs = m_clock.elapsed();
    emit reportReady(m_report);
}

} // namespace studio
