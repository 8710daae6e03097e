#include "IndexReportAsTyped.h"

#include "DocumentSession.h"
#include "IndexValidation.h"
#include "ManifestDocument.h"
#include "ValidationScheduler.h"
#include "diagnostics/IndexFindings.h"
#include "json/LineIndex.h"

namespace studio {

namespace {

// Where the open entry sits in the index as listed; a new entry goes after the last one.
EntryPlacement placementOf(const DocumentSession &session)
{
    const std::vector<IndexEntry> &entries = session.entries();
    const std::string &index = session.indexText();
    EntryPlacement placement;
    const int row = session.currentEntryRow();
    if (row >= 0) {
        const IndexEntry &entry = entries[static_cast<std::size_t>(row)];
        placement.position = entry.position;
        placement.begin = entry.span.begin;
        placement.indent = entry.indent.size();
    } else {
        placement.position = entries.size();
        placement.begin = entries.empty() ? index.size() : entries.back().span.end;
        placement.indent = entries.empty() ? 2 : entries.back().indent.size();
    }
    placement.start = LineIndex(index).position(std::min(placement.begin, index.size()));
    return placement;
}

} // namespace

IndexReportAsTyped::IndexReportAsTyped(DocumentSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(session.indexValidation(), &IndexValidation::reportReady, this,
            &IndexReportAsTyped::update);
    // A report is ready only for the text as it is then: the text its spans are in.
    connect(session.validation(), &ValidationScheduler::reportReady, this, [this] {
        m_entryReportCurrent = true;
        m_entryText = m_session.document()->text();
        update();
    });
    // Another document: the index's findings of it stand until its own report comes.
    connect(&session, &DocumentSession::sourceChanged, this, [this] {
        m_entryReportCurrent = false;
        update();
    });
    m_entryReportCurrent = session.validation()->isCurrent();
    m_entryText = session.document()->text();
    m_report = session.indexValidation()->report();
    mergeOpenEntry();
}

void IndexReportAsTyped::setFileFindings(std::string file, std::vector<Diagnostic> findings)
{
    m_file = std::move(file);
    m_fileFindings = std::move(findings);
    update();
}

void IndexReportAsTyped::update()
{
    const IndexValidation *index = m_session.indexValidation();
    if (index->isRunning())
        return; // its report describes an index text that is gone
    m_report = index->report();
    mergeOpenEntry();
    emit reportChanged(m_report);
}

void IndexReportAsTyped::mergeOpenEntry()
{
    const DocumentSource &source = m_session.source();
    m_openEntry = m_entryReportCurrent && m_session.indexValidation()->hasIndex() &&
                  source.isIndexEntry() && source.repositoryRoot == m_session.repositoryRoot();
    if (!m_openEntry)
        return;
    const ValidationReport entry =
        m_session.validation()->latestReport().withFileFindings(m_file, m_fileFindings);
    m_report = IndexFindings::withEntry(m_report, entry, m_entryText, placementOf(m_session));
}

} // namespace studio
