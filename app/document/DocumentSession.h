#pragma once

#include "contract/Contract.h"
#include "document/DocumentSource.h"
#include "document/DocumentWrite.h"
#include "document/FileFollower.h"
#include "edit/IndexEntries.h"
#include "edit/PluginTemplate.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <optional>
#include <vector>

namespace studio {

class IndexValidation;
class ManifestDocument;
class ValidationScheduler;

// What is open and how it is saved: a plugin repository (its index listed as entries, one
// of them being edited), a single manifest file, or a new plugin. It owns the document and
// its validation, reads and writes the files, and knows nothing of windows: asking about
// unsaved changes is the caller's job, before it calls open or close.
class DocumentSession : public QObject
{
    Q_OBJECT

public:
    explicit DocumentSession(QObject *parent = nullptr);
    ~DocumentSession() override;

    ManifestDocument *document() const { return m_document; }
    ValidationScheduler *validation() const { return m_validation; }
    // The whole index of the open repository, validated each time it is read.
    IndexValidation *indexValidation() const { return m_indexValidation; }
    const DocumentSource &source() const { return m_source; }
    // The contract the open document is checked and simulated under: told by the document
    // when it opens (Contract::detect), or chosen by the user.
    const Contract &contract() const { return *m_contract; }
    void setContract(const Contract &contract);

    // Each returns "" on success, else what went wrong and where (nothing changes then).
    // A folder or community-plugins.json opens the repository; any other file a manifest.
    QString openPath(const QString &path);
    QString openRepository(const QString &root, const QString &entryId = {});
    QString openEntry(std::size_t position);
    QString openManifestFile(const QString &path);
    // A new plugin from the template: an entry to add to the open repository's index, or
    // an untitled manifest.
    void newPlugin(const NewPluginRequest &request, bool addToRepository);
    // An untitled document holding `text` (recovered edits of a file that is gone).
    void openUntitled(const std::string &text);
    // A new entry of the open repository holding `text` (recovered edits of an entry that
    // was never saved).
    void openNewEntry(const std::string &text);
    // Closes what is open: an empty, unmodified, untitled manifest remains.
    void closeDocument();

    bool needsSaveAsPath() const { return m_source.kind == DocumentSource::Kind::Untitled; }
    // Gets "" when the save was written, else what went wrong (nothing changed then).
    using SaveDone = std::function<void(const QString &error)>;
    // Saves the text as it is now. The file is read, spliced and written on a worker; the
    // revision saved becomes the unmodified one when it is written, so edits typed
    // meanwhile stay unsaved. Then saved or saveFailed, then `done` (at once for an error
    // found before writing). A save asked for while one runs starts after it.
    void save(SaveDone done = {});
    void saveAs(const QString &path, SaveDone done = {});
    bool isSaving() const { return m_saving.has_value(); }
    // Runs `then` once no save is under way: at once, or when the one running has ended.
    void afterSave(std::function<void()> then);
    // Waits for the save under way and applies it (before another document is opened).
    void finishSave();

    bool hasRepository() const { return !m_repositoryRoot.isEmpty(); }
    const QString &repositoryRoot() const { return m_repositoryRoot; }
    // The folder the document's files (its logo, its instructions) resolve against under
    // its contract: the repository's root for an index entry, an app document's own folder;
    // empty when unknown (an untitled app, an entry outside a repository).
    QString filesFolder() const;
    // The logo file the document's image names under its contract, or why there is none.
    LogoLocation logoFile() const;
    QString indexPath() const;
    // The index's entries as on disk (refreshed on open and save).
    const std::vector<IndexEntry> &entries() const { return m_entries; }
    const std::string &indexText() const { return m_indexText; }
    // The index's bytes as the studio first read them after opening the repository: what
    // an export compares with when git cannot tell the pull request's base. Saves and
    // rereads of the same repository leave them.
    const std::optional<std::string> &openedIndexText() const { return m_openedIndexText; }
    // The row of entries() being edited, or -1.
    int currentEntryRow() const;

    // Follows the document's file on disk (what checkDisk and the calls below use).
    FileFollower *disk() const { return m_disk; }
    // Reads the document's file again, off the GUI thread, and follows what another
    // program did to it: the index's entry list is refreshed, an unmodified document is
    // reloaded (one undoable step), a modified one raises changedOnDisk for the caller to
    // ask, a deleted one keeps its text as unsaved work.
    void checkDisk();
    // After changedOnDisk: the text on disk replaces the edits (Undo brings them back) ...
    void reloadFromDisk();
    // ... or the edits stay, unsaved, to replace the file at the next Save.
    void keepEditsOverDisk();
    // The text on disk that differs from the edits, while changedOnDisk awaits an answer.
    const std::optional<std::string> &changedDiskText() const;
    bool isMissingOnDisk() const;
    // Why the document's file (or its entry) is missing: "x.json was deleted on disk".
    const QString &missingReason() const;

signals:
    // A different document is open, or the open one was saved under another name.
    void sourceChanged();
    // The open document is now checked and simulated under another contract.
    void contractChanged();
    // The repository's entry list changed (opened, saved into, closed).
    void entriesChanged();
    void saved(const QString &path);
    void saveFailed(const QString &error);
    // Something the user should know that is not an error of the call (a fallback taken).
    void notice(const QString &message);
    // Another program changed the file of a document with unsaved edits: reloadFromDisk or
    // keepEditsOverDisk.
    void changedOnDisk();
    // An unmodified document took another program's change.
    void reloadedFromDisk();
    // The file, or the entry in it, disappeared (true) or is there again (false).
    void missingOnDiskChanged(bool missing);
    // A checkDisk compared the file, whatever it found.
    void diskChecked();

private:
    // Reads and lists the index of the repository at `root`; "" or why it cannot.
    QString loadIndex(const QString &root);
    void setSource(DocumentSource source, std::string text, bool modified = false);
    void updateValidationOptions();
    // The index as read with the document's text: its entry list follows it.
    void takeIndexVersion(DiskVersion &version);
    struct Saving
    {
        DocumentWrite write;
        bool asNewFile = false; // Save As: the document is that file from now on
        SaveDone done;
    };
    void startSave(DocumentWrite write, bool asNewFile, SaveDone done);
    // The worker wrote (or failed); `notifyLater`: tell the waiting callers on the next turn.
    void saveWritten(bool notifyLater);
    // The saved text is what the file holds now: the source, index and baseline follow.
    void applySave(const Saving &saving, DocumentWrite::Result result);

    ManifestDocument *m_document;
    ValidationScheduler *m_validation;
    DocumentSource m_source;
    const Contract *m_contract = &Contract::plugins2024();
    QString m_repositoryRoot;
    IndexValidation *m_indexValidation;
    std::vector<IndexEntry> m_entries;
    std::string m_indexText;

    FileFollower *m_disk;
    QString m_openedIndexRoot;
    std::optional<std::string> m_openedIndexText;

    std::optional<Saving> m_saving;
    // Saves run on a thread of their own, never queued behind long checks and image
    // decoding in the global pool; destroying the pool waits for a write under way.
    QThreadPool m_writer;
    QFutureWatcher<DocumentWrite::Result> m_saveWrite;
    std::vector<std::function<void()>> m_afterSave;
};

} // namespace studio
