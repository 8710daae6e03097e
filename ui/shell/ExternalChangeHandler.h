#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace studio {

class DocumentSession;
class FileFollower;
class ImageInspector;
class InstructionsDocument;
class InstructionsEditor;
class TextDocument;
class RepositoryWatcher;
class StatusMessages;

// Keeps the window true to the files on disk, whoever changes them (the studio's own
// tools, an editor, git checkout). When a file the plugin depends on appears, changes or
// vanishes, the plugin is validated again and the image and instructions views look again.
// The open documents (the manifest or index, the setup instructions) are followed too:
// reloaded when unmodified, asked about when they have unsaved edits, and said to be gone,
// text kept, when deleted. Its status messages last as long as what they describe.
class ExternalChangeHandler : public QObject
{
    Q_OBJECT

public:
    ExternalChangeHandler(DocumentSession &session, InstructionsEditor &instructions,
                          ImageInspector &image, StatusMessages &messages, QWidget *window);

    RepositoryWatcher *watcher() const { return m_watcher; }

    // Status message causes, for tests.
    static constexpr const char *kManifestMissing = "manifest-missing";
    static constexpr const char *kManifestKept = "manifest-kept";
    static constexpr const char *kInstructionsMissing = "instructions-missing";
    static constexpr const char *kInstructionsKept = "instructions-kept";
    // How often a question waiting for another dialog to close looks again.
    static constexpr int kWaitForDialogMs = 300;

private:
    void followSession();
    void followInstructions();
    void updateDocuments();
    void dependenciesChanged();
    void documentsChanged(const QStringList &files);
    void askAboutManifest();
    void askAboutInstructions();
    // Asks whether to reload `document` from disk or keep its edits, and does it.
    void askAbout(FileFollower &disk, const QString &name, const TextDocument &document,
                  const char *keptCause);
    InstructionsDocument *instructions() const;
    QString instructionsName() const;
    // One question at a time, never over another dialog: a change noticed meanwhile is
    // asked about once it closes.
    bool beginAsking(void (ExternalChangeHandler::*ask)());
    void endAsking();

    DocumentSession &m_session;
    InstructionsEditor &m_instructions;
    ImageInspector &m_image;
    StatusMessages &m_messages;
    QPointer<QWidget> m_window;
    RepositoryWatcher *m_watcher;
    bool m_asking = false;
    bool m_askAgain = false;
};

} // namespace studio
