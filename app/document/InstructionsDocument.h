#pragma once

#include "TextDocument.h"

#include <QString>

#include <optional>
#include <string>

namespace studio {

class FileFollower;
struct PluginManifest;

// The setup-instructions markdown of the plugin being edited, as a document: where its file
// is and whether it can be opened, its text as edited (one undo history, which views
// mirror) and as the studio last read or wrote it, saving through the one atomic write
// path, creating it from the template, and following the file when other programs change
// or delete it. No widgets: the instructions editor is a view of it.
class InstructionsDocument : public TextDocument
{
    Q_OBJECT

public:
    enum class State
    {
        NoPath,       // the plugin names no instructions file, or a malformed path
        NoRepository, // the repository folder is unknown: nothing to open
        Missing,      // the path names a file that does not exist yet
        Unreadable,   // it exists but cannot be read (a folder, too big ...)
        Open,
    };
    Q_ENUM(State)

    explicit InstructionsDocument(QObject *parent = nullptr);
    ~InstructionsDocument() override;

    // The instructions' repository path ("/plugins/instructions/<id>/README.md", empty for
    // none) in the repository at `repositoryRoot`. The file is (re)opened when either
    // changed, or when it is not open (a missing file may be there now): save() or accept
    // losing the changes first (isModified()). Returns whether it was (re)opened.
    bool setLocation(std::string repositoryPath, std::optional<QString> repositoryRoot);
    State state() const { return m_state; }
    const std::string &repositoryPath() const { return m_repositoryPath; }
    QString filePath() const; // on disk; empty when unknown
    // Why the file is not open, in words: the path's problem (NoPath), the read's error
    // (Unreadable); empty otherwise.
    const QString &problem() const { return m_problem; }

    // Writes the text atomically; false (and errorOccurred) when it could not.
    bool save();
    // Writes the template for `manifest` (creating its folder) and opens it; never over a
    // file that exists.
    bool createFromTemplate(const PluginManifest &manifest);
    // Reads the file again, dropping unsaved changes.
    void reload();
    // Opens the file if it was missing or unreadable: it may be there now. Returns whether
    // it was read again.
    bool openIfClosed();
    // Puts recovered text in place of the open file's, as one undoable step left unsaved.
    bool restoreText(const std::string &text);
    QString lastError() const { return m_lastError; }

    // Follows the open file on disk: changes and deletions by other programs.
    FileFollower *disk() const { return m_disk; }
    // Reads the open file again, off the GUI thread (see FileFollower).
    void checkDisk();

signals:
    void stateChanged(studio::InstructionsDocument::State state);
    // The file was (re)read into the document.
    void opened(const QString &path);
    void saved(const QString &path);
    void errorOccurred(const QString &message);

private:
    void open();
    void close(State state, const QString &problem = {});
    void fail(const QString &message);

    std::string m_repositoryPath;
    std::optional<QString> m_repositoryRoot;
    State m_state = State::NoPath;
    QString m_problem;
    QString m_lastError;
    FileFollower *m_disk;
};

} // namespace studio
