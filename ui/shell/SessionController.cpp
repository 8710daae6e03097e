#include "SessionController.h"

#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/SessionAutosave.h"
#include "project/NewPluginDialog.h"
#include "project/NewPluginFiles.h"
#include "project/RecoveryPrompt.h"
#include "project/SampleRepository.h"
#include "project/UnsavedChangesPrompt.h"
#include "settings/StudioSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QUndoStack>

namespace studio {

const char *const SessionController::kRecoveryPromptName = "recoveryPrompt";

SessionController::SessionController(DocumentSession &session, Autosave &recovery,
                                     StudioSettings &settings, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_recovery(recovery)
    , m_settings(settings)
    , m_window(window)
{
    connect(&m_session, &DocumentSession::notice, this, [this](const QString &text) {
        QMessageBox::information(m_window, tr("Opened as Text"), text);
    });
    connect(&m_session, &DocumentSession::sourceChanged, this, [this] {
        // Saved, exported or saved as a file: the new plugin keeps its files.
        if (m_newPlugin && !m_droppingEdits &&
            m_session.source().identity() != m_newPlugin->identity) {
            m_newPlugin.reset();
            emit newPluginChanged();
        }
    });
}

void SessionController::openInitial(const QString &path)
{
    // Before the recent files are read: they follow the copy to its new place.
    if (const auto moved = SampleRepository::moveLegacyCopy())
        m_settings.moveRecentFolder(moved->from, moved->to);
    if (!path.isEmpty()) {
        const QString error = m_session.openPath(path);
        if (error.isEmpty()) {
            remember(path);
            return;
        }
        reportError(tr("Cannot Open"), error);
    }
    const QStringList recent = m_settings.recentFiles();
    if (path.isEmpty() && !recent.isEmpty() && QFileInfo::exists(recent.first())) {
        const bool isRepository = QFileInfo(recent.first()).isDir();
        const QString error =
            isRepository ? m_session.openRepository(recent.first(), m_settings.lastEntryId())
                         : m_session.openPath(recent.first());
        if (error.isEmpty())
            return;
    }
    // First run: the samples make the studio useful at once.
    const QString samples = SampleRepository::workingCopy();
    if (!samples.isEmpty() && m_session.openRepository(samples).isEmpty()) {
        emit message(tr("Opened the sample repository: try the entries on the left."));
        return;
    }
    m_session.closeDocument();
}

void SessionController::offerRecovery()
{
    const auto records = m_recovery.pending();
    if (records.empty())
        return;
    const RecoveryRecord &record = records.front();
    const auto choice =
        RecoveryPrompt::ask(m_window, kRecoveryPromptName, tr("Restore Unsaved Edits"),
                            record.source.displayName(), record.savedAt);
    if (choice == RecoveryPrompt::Choice::Discard) {
        m_recovery.discard(record.source.identity());
        return;
    }
    if (choice != RecoveryPrompt::Choice::Restore)
        return;
    confirmLeaving(tr("restoring the recovered edits"), [this, record](bool) { restore(record); });
}

void SessionController::restore(const RecoveryRecord &record)
{
    const DocumentSource &source = record.source;
    bool opened = false;
    if (source.kind == DocumentSource::Kind::IndexEntry && !source.entryId &&
        QFileInfo::exists(source.filePath)) {
        opened = m_session.openRepository(source.repositoryRoot).isEmpty();
        if (opened)
            m_session.openNewEntry(record.text);
    } else {
        opened = reopen(source);
    }
    if (!opened)
        m_session.openUntitled(record.text);
    m_session.document()->replaceText(record.text, tr("Restore unsaved edits"));
    m_recovery.discard(source.identity());
    m_recovery.flush(); // the edits are safe again under the document's own name
    emit message(tr("Restored the unsaved edits to %1.").arg(source.displayName()));
}

void SessionController::reopenForRecovery(const DocumentSource &source,
                                          std::function<void(bool)> done)
{
    if (m_session.source().identity() == source.identity()) {
        done(true);
        return;
    }
    confirmLeaving(tr("restoring the recovered edits"),
                   [this, source, done](bool) { done(reopen(source)); });
}

bool SessionController::reopen(const DocumentSource &source)
{
    if (!QFileInfo::exists(source.filePath))
        return false;
    if (source.kind == DocumentSource::Kind::ManifestFile)
        return m_session.openManifestFile(source.filePath).isEmpty();
    if (source.kind != DocumentSource::Kind::IndexEntry || !source.entryId)
        return false;
    const QString id = QString::fromStdString(*source.entryId);
    return m_session.openRepository(source.repositoryRoot, id).isEmpty() &&
           m_session.source().entryId == source.entryId;
}

void SessionController::confirmClose(std::function<void()> close)
{
    confirmLeaving(tr("closing"), [this, close](bool dropped) {
        if (dropped) {
            m_recovery.discard(m_session.source().identity()); // the user dropped them
            removeNewPluginFiles();
        }
        close();
    });
}

void SessionController::newPlugin()
{
    NewPluginDialog dialog(m_session.hasRepository()
                               ? QFileInfo(m_session.repositoryRoot()).fileName() +
                                     QStringLiteral("/community-plugins.json")
                               : QString(),
                           m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const NewPluginRequest request = dialog.request();
    const bool addToRepository = dialog.addToRepository();
    confirmLeaving(tr("starting a new plugin"), [this, request, addToRepository](bool dropped) {
        if (dropped)
            removeNewPluginFiles(); // before the new one's, which may be at the same paths
        const DocumentSource before = m_session.source();
        const bool inRepository = addToRepository && m_session.hasRepository();
        // Its files first, so the first validation finds them.
        const NewPluginFiles::Result files =
            inRepository ? NewPluginFiles::write(m_session.repositoryRoot(), request)
                         : NewPluginFiles::Result{};
        m_session.newPlugin(request, addToRepository);
        m_newPlugin = NewPlugin{m_session.source().identity(), files, before};
        emit newPluginChanged();
        if (!files.error.isEmpty())
            emit message(
                tr("New entry, but its starting files were not all written: %1").arg(files.error));
        else if (!files.written.isEmpty())
            emit message(
                tr("New entry with a placeholder logo%1: Save adds it to the index.")
                    .arg(files.written.size() > 1 ? tr(" and setup instructions") : QString()));
        else
            emit message(inRepository ? tr("New entry: Save adds it to the index.")
                                      : tr("New manifest: Save asks where to put it."));
    });
}

void SessionController::open()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Manifest or Index"),
                                                      m_session.repositoryRoot(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void SessionController::openRepository()
{
    const QString path = QFileDialog::getExistingDirectory(m_window, tr("Open Plugin Repository"),
                                                           m_session.repositoryRoot());
    if (!path.isEmpty())
        openPath(path);
}

void SessionController::openPath(const QString &path)
{
    confirmLeaving(tr("opening %1").arg(QFileInfo(path).fileName()), [this, path](bool) {
        const QString error = m_session.openPath(path);
        if (!error.isEmpty()) {
            reportError(tr("Cannot Open"), error);
            if (!QFileInfo::exists(path)) {
                m_settings.removeRecentFile(path);
                emit recentFilesChanged();
            }
            return;
        }
        remember(path);
    });
}

void SessionController::chooseEntry(std::size_t position, std::function<void()> opened)
{
    const DocumentSource &current = m_session.source();
    if (current.isIndexEntry() && current.entryId && current.entryPosition == position) {
        if (opened)
            opened();
        return;
    }
    confirmLeaving(tr("opening another entry"), [this, position, opened](bool) {
        const QString error = m_session.openEntry(position);
        if (!error.isEmpty()) {
            reportError(tr("Cannot Open Entry"), error);
            return;
        }
        if (m_session.source().entryId)
            m_settings.setLastEntryId(QString::fromStdString(*m_session.source().entryId));
        if (opened)
            opened();
    });
}

void SessionController::save(Saved done)
{
    if (m_session.needsSaveAsPath()) {
        saveAs(std::move(done));
        return;
    }
    m_session.save([this, done](const QString &error) {
        saveFinished(error, tr("Saved %1.").arg(m_session.source().displayName()), done);
    });
}

void SessionController::saveAs(Saved done)
{
    const std::string id = m_session.document()->manifest().id;
    const QString suggested =
        QDir(m_session.hasRepository() ? m_session.repositoryRoot() : QDir::homePath())
            .filePath(QString::fromStdString(id.empty() ? "manifest" : id) +
                      QStringLiteral(".json"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Manifest As"), suggested,
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty()) {
        if (done)
            done(false);
        return;
    }
    m_session.saveAs(path, [this, path, done](const QString &error) {
        if (error.isEmpty())
            remember(path);
        saveFinished(error, tr("Saved as %1.").arg(QDir::toNativeSeparators(path)), done);
    });
}

void SessionController::saveFinished(const QString &error, const QString &said, const Saved &done)
{
    if (error.isEmpty())
        emit message(said);
    else
        reportError(tr("Not Saved"), error);
    if (done)
        done(error.isEmpty());
}

void SessionController::closeDocument()
{
    confirmLeaving(tr("closing it"), [this](bool dropped) {
        if (dropped)
            m_recovery.discard(m_session.source().identity());
        m_session.closeDocument();
    });
}

void SessionController::setLeavingGuard(std::function<bool(const QString &action)> guard)
{
    m_leavingGuard = std::move(guard);
}

void SessionController::confirmLeaving(const QString &action,
                                       std::function<void(bool dropped)> proceed)
{
    // A save under way first: its edits are written, or its error known, before asking.
    m_session.afterSave([this, action, proceed = std::move(proceed)] {
        UnsavedChangesPrompt::ask(m_session, m_window, action,
                                  [this, action, proceed](UnsavedChangesPrompt::Outcome outcome) {
                                      if (outcome == UnsavedChangesPrompt::Outcome::Proceed)
                                          leave(action, proceed);
                                  });
    });
}

void SessionController::leave(const QString &action,
                              const std::function<void(bool dropped)> &proceed)
{
    if (m_leavingGuard && !m_leavingGuard(action))
        return;
    const bool dropped = m_session.document()->isModified();
    m_droppingEdits = dropped;
    proceed(dropped);
    m_droppingEdits = false;
    // Another document is open: a new plugin left unsaved takes its files along.
    if (dropped && m_newPlugin && m_session.source().identity() != m_newPlugin->identity)
        removeNewPluginFiles();
}

void SessionController::removeNewPluginFiles()
{
    if (!m_newPlugin)
        return;
    NewPluginFiles::remove(m_newPlugin->files);
    m_newPlugin.reset();
    emit newPluginChanged();
}

bool SessionController::canUndoNewPlugin() const
{
    return m_newPlugin && m_session.source().identity() == m_newPlugin->identity &&
           m_session.document()->undoStack()->count() == 0;
}

void SessionController::undoNewPlugin()
{
    if (!canUndoNewPlugin())
        return;
    const DocumentSource before = m_newPlugin->before;
    m_droppingEdits = true;
    reopenBefore(before);
    m_droppingEdits = false;
    removeNewPluginFiles();
    emit message(tr("New plugin taken back."));
}

void SessionController::reopenBefore(const DocumentSource &before)
{
    const std::vector<IndexEntry> &entries = m_session.entries();
    if (before.isIndexEntry() && before.entryId) {
        for (const IndexEntry &entry : entries) {
            if (entry.id == *before.entryId) {
                m_session.openEntry(entry.position);
                return;
            }
        }
    }
    if (before.kind == DocumentSource::Kind::ManifestFile &&
        m_session.openManifestFile(before.filePath).isEmpty())
        return;
    if (!entries.empty())
        m_session.openEntry(entries.front().position);
    else
        m_session.closeDocument();
}

void SessionController::reportError(const QString &title, const QString &error)
{
    QMessageBox box(QMessageBox::Warning, title, error, QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("errorMessage"));
    box.exec();
}

void SessionController::remember(const QString &path)
{
    const QFileInfo info(path);
    const QString remembered = info.fileName() == u"community-plugins.json"
                                   ? info.absolutePath()
                                   : info.absoluteFilePath();
    m_settings.addRecentFile(remembered);
    if (m_session.hasRepository())
        m_settings.setLastRepository(m_session.repositoryRoot());
    emit recentFilesChanged();
}

} // namespace studio
