#include "ExternalChangeHandler.h"

#include "ExternalChangePrompt.h"
#include "StatusMessages.h"
#include "document/DocumentSession.h"
#include "document/FileFollower.h"
#include "document/InstructionsDocument.h"
#include "document/ManifestDocument.h"
#include "document/RepositoryWatcher.h"
#include "document/ValidationScheduler.h"
#include "instructions/InstructionsEditor.h"
#include "logo/ImageInspector.h"

#include <QApplication>
#include <QDir>
#include <QTimer>

#include <utility>

namespace studio {

namespace {

QString cause(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

ExternalChangeHandler::ExternalChangeHandler(DocumentSession &session,
                                             InstructionsEditor &instructions,
                                             ImageInspector &image, StatusMessages &messages,
                                             QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_instructions(instructions)
    , m_image(image)
    , m_messages(messages)
    , m_window(window)
    , m_watcher(new RepositoryWatcher(this))
{
    connect(session.validation(), &ValidationScheduler::referencedFilesChanged, m_watcher,
            &RepositoryWatcher::setDependencies);
    connect(m_watcher, &RepositoryWatcher::dependenciesChanged, this,
            &ExternalChangeHandler::dependenciesChanged);
    connect(m_watcher, &RepositoryWatcher::documentsChanged, this,
            &ExternalChangeHandler::documentsChanged);
    followSession();
    followInstructions();
    updateDocuments();
}

void ExternalChangeHandler::followSession()
{
    connect(&m_session, &DocumentSession::sourceChanged, this, [this] {
        m_messages.clear(cause(kManifestKept));
        updateDocuments();
    });
    connect(&m_session, &DocumentSession::changedOnDisk, this,
            &ExternalChangeHandler::askAboutManifest);
    connect(&m_session, &DocumentSession::reloadedFromDisk, this, [this] {
        m_messages.notice(
            tr("Reloaded %1: another program changed it.").arg(m_session.source().displayName()));
    });
    connect(&m_session, &DocumentSession::missingOnDiskChanged, this, [this](bool missing) {
        if (!missing) {
            m_messages.clear(cause(kManifestMissing));
            return;
        }
        m_messages.show(
            cause(kManifestMissing),
            tr("%1. Its text is kept here; Save writes it again.").arg(m_session.missingReason()));
    });
    connect(m_session.document(), &ManifestDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            m_messages.clear(cause(kManifestKept));
    });
}

void ExternalChangeHandler::followInstructions()
{
    InstructionsDocument *document = instructions();
    FileFollower *disk = document->disk();
    connect(document, &InstructionsDocument::stateChanged, this,
            &ExternalChangeHandler::updateDocuments);
    connect(document, &InstructionsDocument::opened, this, [this] {
        m_messages.clear(cause(kInstructionsKept));
        updateDocuments();
    });
    connect(document, &InstructionsDocument::saved, this,
            [this] { m_messages.clear(cause(kInstructionsKept)); });
    connect(disk, &FileFollower::changedOnDisk, this, &ExternalChangeHandler::askAboutInstructions);
    connect(disk, &FileFollower::reloadedFromDisk, this, [this] {
        m_messages.notice(tr("Reloaded %1: another program changed it.").arg(instructionsName()));
    });
    connect(disk, &FileFollower::missingOnDiskChanged, this, [this](bool missing) {
        if (!missing) {
            m_messages.clear(cause(kInstructionsMissing));
            return;
        }
        m_messages.show(cause(kInstructionsMissing),
                        tr("%1 was deleted on disk. Its text is kept here; Save writes it again.")
                            .arg(instructionsName()));
    });
}

InstructionsDocument *ExternalChangeHandler::instructions() const
{
    return m_instructions.document();
}

QString ExternalChangeHandler::instructionsName() const
{
    return QString::fromStdString(instructions()->repositoryPath());
}

void ExternalChangeHandler::updateDocuments()
{
    QStringList documents;
    if (m_session.source().kind != DocumentSource::Kind::Untitled)
        documents << m_session.source().filePath;
    if (instructions()->state() == InstructionsDocument::State::Open)
        documents << instructions()->filePath();
    m_watcher->setDocuments(documents);
}

void ExternalChangeHandler::dependenciesChanged()
{
    m_session.validation()->validateNow();
    m_image.showImageOf(m_session);
    m_instructions.recheckFiles();
}

void ExternalChangeHandler::documentsChanged(const QStringList &files)
{
    if (files.contains(QDir::cleanPath(m_session.source().filePath)))
        m_session.checkDisk();
    if (instructions()->state() == InstructionsDocument::State::Open &&
        files.contains(QDir::cleanPath(instructions()->filePath())))
        instructions()->checkDisk();
}

void ExternalChangeHandler::askAboutManifest()
{
    if (beginAsking(&ExternalChangeHandler::askAboutManifest))
        askAbout(*m_session.disk(), m_session.source().displayName(), *m_session.document(),
                 kManifestKept);
}

void ExternalChangeHandler::askAboutInstructions()
{
    if (beginAsking(&ExternalChangeHandler::askAboutInstructions))
        askAbout(*instructions()->disk(), instructionsName(), *instructions(), kInstructionsKept);
}

void ExternalChangeHandler::askAbout(FileFollower &disk, const QString &name,
                                     const TextDocument &document, const char *keptCause)
{
    if (const auto &onDisk = disk.changedDiskText()) {
        const auto choice = ExternalChangePrompt::ask(m_window, name, document.text(), *onDisk);
        if (choice == ExternalChangePrompt::Choice::Reload) {
            disk.reloadFromDisk();
        } else {
            disk.keepEditsOverDisk();
            m_messages.show(
                cause(keptCause),
                tr("Your edits to %1 are kept over the version on disk; Save replaces it.")
                    .arg(name));
        }
    }
    endAsking();
}

bool ExternalChangeHandler::beginAsking(void (ExternalChangeHandler::*ask)())
{
    if (m_asking) {
        m_askAgain = true;
        return false;
    }
    if (QApplication::activeModalWidget()) {
        QTimer::singleShot(kWaitForDialogMs, this, ask);
        return false;
    }
    m_asking = true;
    return true;
}

void ExternalChangeHandler::endAsking()
{
    m_asking = false;
    if (!std::exchange(m_askAgain, false))
        return;
    // What changed while the question was open is looked at again, now.
    m_session.checkDisk();
    instructions()->checkDisk();
}

} // namespace studio
