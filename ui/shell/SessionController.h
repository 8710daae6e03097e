#pragma once

#include "document/DocumentSource.h"
#include "project/NewPluginFiles.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace studio {

class DocumentSession;
struct RecoveryRecord;
class Autosave;
class StudioSettings;

// The file side of the window: opening, saving, recent files, the unsaved-changes prompts
// and the recovery offer after a crash. It asks the user through dialogs parented to the
// window, and leaves the reading and writing to the session.
class SessionController : public QObject
{
    Q_OBJECT

public:
    SessionController(DocumentSession &session, Autosave &recovery, StudioSettings &settings,
                      QWidget *window);

    // PATH from the command line; else the last file of the previous run; else the samples.
    void openInitial(const QString &path);
    // Offers to restore the edits a studio that did not close properly left behind.
    void offerRecovery();
    // Opens the document a recovery record belongs to, after the unsaved-changes prompts;
    // `done` gets false when the user chose to stay or it cannot be opened any more.
    void reopenForRecovery(const DocumentSource &source, std::function<void(bool)> done);
    // Before the window closes: `close` runs once the user agreed (and what they chose to
    // save, or a save already under way, is written); never when they chose to stay.
    void confirmClose(std::function<void()> close);

    void newPlugin();
    void open();
    void openRepository();
    void openPath(const QString &path);
    // `opened` runs once the entry is open (after the prompts and any save they start).
    void chooseEntry(std::size_t position, std::function<void()> opened = {});
    // `done` gets whether the document was written (errors are shown to the user).
    using Saved = std::function<void(bool saved)>;
    void save(Saved done = {});
    void saveAs(Saved done = {});
    void closeDocument();
    // Right after New Plugin, before anything is typed into it: Undo takes the new plugin
    // back, its starting files too, and reopens what was open before.
    bool canUndoNewPlugin() const;
    void undoNewPlugin();

    // Other unsaved work that leaving the document would drop (the setup instructions):
    // asked after the document's own prompt; returns false when the user chose to stay.
    void setLeavingGuard(std::function<bool(const QString &action)> guard);

    // Object name of the recovery question, so tests can find and answer it.
    static const char *const kRecoveryPromptName;

signals:
    void message(const QString &text);
    void recentFilesChanged();
    // A new plugin began, or stopped being new (saved, dropped, taken back).
    void newPluginChanged();

private:
    // Runs `proceed` once the document may be left: nothing unsaved, saved, or the user
    // dropped the edits (`dropped`); never when they chose to stay.
    void confirmLeaving(const QString &action, std::function<void(bool dropped)> proceed);
    // The user agreed to leave (after the document's prompt): the other guards, then go.
    void leave(const QString &action, const std::function<void(bool dropped)> &proceed);
    void restore(const RecoveryRecord &record);
    bool reopen(const DocumentSource &source);
    // The new plugin was dropped unsaved: its starting files go too (those left unchanged).
    void removeNewPluginFiles();
    // After Undo New Plugin: what was open before it, else the first entry, else nothing.
    void reopenBefore(const DocumentSource &before);
    void saveFinished(const QString &error, const QString &said, const Saved &done);
    void reportError(const QString &title, const QString &error);
    void remember(const QString &path);

    DocumentSession &m_session;
    Autosave &m_recovery;
    StudioSettings &m_settings;
    QPointer<QWidget> m_window;
    std::function<bool(const QString &action)> m_leavingGuard;
    // The new plugin being edited, until it is saved (or exported): its starting files.
    struct NewPlugin
    {
        QString identity; // its document's, while it is unsaved
        NewPluginFiles::Result files;
        DocumentSource before; // what was open before it
    };
    std::optional<NewPlugin> m_newPlugin;
    bool m_droppingEdits = false; // the user chose to leave unsaved edits behind
};

} // namespace studio
