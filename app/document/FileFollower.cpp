#include "FileFollower.h"

#include "TextDocument.h"

#include <QtConcurrent>

#include <utility>

namespace studio {

FileFollower::FileFollower(TextDocument &document, ReaderSource readerSource, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_readerSource(std::move(readerSource))
{
    connect(&m_read, &QFutureWatcher<DiskVersion>::finished, this, &FileFollower::read);
}

void FileFollower::check()
{
    if (m_writing) {
        m_checkAfterWrite = true;
        return;
    }
    if (m_read.isRunning()) {
        m_recheck = true; // the file changed again while it was being read
        return;
    }
    m_recheck = false;
    m_readGeneration = m_generation;
    m_read.setFuture(QtConcurrent::run(m_readerSource()));
}

void FileFollower::read()
{
    if (m_writing) {
        m_checkAfterWrite = true; // read while the studio wrote: look again after
        return;
    }
    // Read before a save or a switch of document: it says nothing about the file now.
    if (m_recheck || m_readGeneration != m_generation) {
        check();
        return;
    }
    apply(m_read.result());
    emit checked();
}

void FileFollower::holdWhileWriting(bool writing)
{
    m_writing = writing;
    if (!writing && std::exchange(m_checkAfterWrite, false))
        check();
}

void FileFollower::apply(DiskVersion version)
{
    if (m_inspector)
        m_inspector(version);
    const bool wasMissing = m_baseline.isMissing();
    const DiskBaseline::Change change = m_baseline.compare(version.text);
    m_missingReason = version.missingReason;
    if (change == DiskBaseline::Change::Deleted)
        m_document.markUnsaved(); // Save writes it back; leaving asks first
    if (change == DiskBaseline::Change::Restored && m_document.text() == m_baseline.text())
        m_document.markSaved(); // back as it was (a checkout removes, then writes)
    if (wasMissing != m_baseline.isMissing())
        emit missingOnDiskChanged(m_baseline.isMissing());
    if (change != DiskBaseline::Change::Changed)
        return;
    if (*version.text == m_document.text()) {
        // The same text was saved by another program (or the export): nothing to ask.
        setBaseline(std::move(version.text));
        m_document.markSaved();
        return;
    }
    m_pending = std::move(version.text);
    if (m_document.isModified())
        emit changedOnDisk();
    else
        reloadFromDisk();
}

void FileFollower::reloadFromDisk()
{
    if (!m_pending)
        return;
    std::string text = std::move(*m_pending);
    setBaseline(text);
    m_document.replaceText(text, tr("Reload from Disk"));
    m_document.markSaved();
    emit reloadedFromDisk();
}

void FileFollower::keepEditsOverDisk()
{
    if (!m_pending)
        return;
    setBaseline(std::move(m_pending));
    m_document.markUnsaved(); // no step of the history is what the file holds now
}

void FileFollower::setBaseline(std::optional<std::string> text)
{
    const bool wasMissing = m_baseline.isMissing();
    ++m_generation;
    m_pending.reset();
    m_missingReason.clear();
    if (text)
        m_baseline.set(std::move(*text));
    else
        m_baseline.clear();
    if (wasMissing)
        emit missingOnDiskChanged(false);
}

} // namespace studio
