#include "ExternalChangeHandler.h"

#include "ExternalChangePrompt.h"
#include "StatusMessages.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "document/RepositoryWatcher.h"
#include "document/ValidationScheduler.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/InstructionsFileFollower.h"
#include "instructions/MarkdownEditor.h"
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
    InstructionsFileFollower *follower = m_instructions.diskFollower();
    connect(&m_instructions, &InstructionsEditor::stateChanged, this,
            &ExternalChangeHandler::updateDocuments);
    connect(&m_instructions, &InstructionsEditor::opened, this, [this] {
        m_messages.clear(cause(kInstructionsKept));
        updateDocuments();
    });
    connect(&m_instructions, &InstructionsEditor::saved, this,
            [this] { m_messages.clear(cause(kInstructionsKept)); });
    connect(follower, &InstructionsFileFollower::changedOnDisk, this,
            &ExternalChangeHandler::askAboutInstructions);
    connect(follower, &InstructionsFileFollower::reloadedFromDisk, this, [this, follower] {
        m_messages.notice(tr("Reloaded %1: another program changed it.").arg(follower->fileName()));
    });
    connect(follower, &InstructionsFileFollower::missingOnDiskChanged, this,
            [this, follower](bool missing) {
                if (!missing) {
                    m_messages.clear(cause(kInstructionsMissing));
                    return;
                }
                m_messages.show(cause(kInstructionsMissing),
                                tr("%1 was deleted on disk. Its text is kept here; Save writes "
                                   "it again.")
                                    .arg(follower->fileName()));
            });
}

void ExternalChangeHandler::updateDocuments()
{
    QStringList documents;
    if (m_session.source().kind != DocumentSource::Kind::Untitled)
        documents << m_session.source().filePath;
    if (m_instructions.state() == InstructionsEditor::State::Open)
        documents << m_instructions.filePath();
    m_watcher->setDocuments(documents);
}

void ExternalChangeHandler::dependenciesChanged()
{
    m_session.validation()->validateNow();
    m_image.setImage(m_session.source().repositoryRoot, m_session.document()->manifest().image);
    m_instructions.recheckFiles();
}

void ExternalChangeHandler::documentsChanged(const QStringList &files)
{
    if (files.contains(QDir::cleanPath(m_session.source().filePath)))
        m_session.checkDisk();
    if (m_instructions.state() == InstructionsEditor::State::Open &&
        files.contains(QDir::cleanPath(m_instructions.filePath())))
        m_instructions.diskFollower()->checkDisk();
}

void ExternalChangeHandler::askAboutManifest()
{
    if (!beginAsking(&ExternalChangeHandler::askAboutManifest))
        return;
    const auto &onDisk = m_session.changedDiskText();
    if (onDisk) {
        const auto choice = ExternalChangePrompt::ask(m_window, m_session.source().displayName(),
                                                      m_session.document()->text(), *onDisk);
        if (choice == ExternalChangePrompt::Choice::Reload) {
            m_session.reloadFromDisk();
        } else {
            m_session.keepEditsOverDisk();
            m_messages.show(cause(kManifestKept),
                            tr("Your edits to %1 are kept over the version on disk; Save "
                               "replaces it.")
                                .arg(m_session.source().displayName()));
        }
    }
    endAsking();
}

void ExternalChangeHandler::askAboutInstructions()
{
    if (!beginAsking(&ExternalChangeHandler::askAboutInstructions))
        return;
    InstructionsFileFollower *follower = m_instructions.diskFollower();
    const auto &onDisk = follower->changedDiskText();
    if (onDisk) {
        const auto choice =
            ExternalChangePrompt::ask(m_window, follower->fileName(),
                                      m_instructions.editor()->bytes().toStdString(), *onDisk);
        if (choice == ExternalChangePrompt::Choice::Reload) {
            follower->reloadFromDisk();
        } else {
            follower->keepEditsOverDisk();
            m_messages.show(cause(kInstructionsKept),
                            tr("Your edits to %1 are kept over the version on disk; Save "
                               "replaces it.")
                                .arg(follower->fileName()));
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
    if (m_instructions.state() == InstructionsEditor::State::Open)
        m_instructions.diskFollower()->checkDisk();
}

} // namespace studio
