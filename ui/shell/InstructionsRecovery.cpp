#include "InstructionsRecovery.h"

#include "SessionController.h"
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "document/InstructionsDocument.h"
#include "document/SessionAutosave.h"
#include "project/RecoveryPrompt.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QWidget>

namespace studio {

const char *const InstructionsRecovery::kPromptName = "instructionsRecoveryPrompt";

InstructionsRecovery::InstructionsRecovery(InstructionsDocument &instructions,
                                           DocumentSession &session, SessionController &controller,
                                           QWidget *window)
    : QObject(window)
    , m_instructions(instructions)
    , m_session(session)
    , m_controller(controller)
    , m_window(window)
    , m_drafts(autosaveInstructions(&instructions, &session,
                                    Autosave::defaultDirectory(QStringLiteral("instructions")),
                                    this))
{
    connect(&m_instructions, &InstructionsDocument::opened, this, [this] {
        if (m_started)
            QTimer::singleShot(0, this, &InstructionsRecovery::offerForOpenFile);
    });
    connect(m_drafts, &Autosave::failed, this, [this](const QString &reason) {
        emit message(tr("Could not autosave the setup instructions: %1").arg(reason));
    });
}

void InstructionsRecovery::setDelay(int milliseconds)
{
    m_drafts->setDelay(milliseconds);
}

void InstructionsRecovery::offerPending()
{
    m_started = true;
    const auto drafts = m_drafts->pending();
    if (drafts.empty())
        return;
    // The open file's draft first: restoring it needs no switch.
    const auto open = std::find_if(drafts.begin(), drafts.end(), [this](const RecoveryRecord &d) {
        return d.instructionsFile == m_instructions.filePath();
    });
    offer(open != drafts.end() ? *open : drafts.front());
}

void InstructionsRecovery::offerForOpenFile()
{
    if (m_instructions.state() != InstructionsDocument::State::Open ||
        m_postponed.contains(m_instructions.filePath()))
        return;
    if (const auto draft = m_drafts->pendingFor(m_instructions.filePath()))
        offer(*draft);
}

void InstructionsRecovery::offer(const RecoveryRecord &draft)
{
    if (m_offering)
        return;
    const QString file = draft.instructionsFile;
    if (file == m_instructions.filePath() && !m_instructions.isModified() &&
        m_instructions.text() == draft.text) {
        m_drafts->discard(file); // saved after all: nothing would come back
        return;
    }
    m_offering = true;
    const QString root = draft.source.repositoryRoot;
    const QString shown = !root.isEmpty() && file.startsWith(root + u'/')
                              ? file.mid(root.size())
                              : QDir::toNativeSeparators(file);
    const auto choice = RecoveryPrompt::ask(
        m_window, kPromptName, tr("Restore Unsaved Setup Instructions"),
        tr("the setup instructions %1 (%2)").arg(shown, draft.source.displayName()), draft.savedAt);
    if (choice == RecoveryPrompt::Choice::Restore)
        restore(draft);
    else if (choice == RecoveryPrompt::Choice::Discard)
        m_drafts->discard(file);
    else
        m_postponed.insert(file);
    m_offering = false;
}

void InstructionsRecovery::restore(const RecoveryRecord &draft)
{
    if (m_instructions.filePath() == draft.instructionsFile) {
        restoreHere(draft);
        return;
    }
    m_controller.reopenForRecovery(draft.source, [this, draft](bool reopened) {
        if (reopened) {
            restoreHere(draft);
            return;
        }
        m_postponed.insert(draft.instructionsFile);
        emit message(tr("Could not reopen %1; its setup-instructions draft is kept.")
                         .arg(draft.source.displayName()));
    });
}

void InstructionsRecovery::restoreHere(const RecoveryRecord &draft)
{
    const QString file = draft.instructionsFile;
    if (m_instructions.filePath() != file || !m_instructions.restoreText(draft.text)) {
        m_postponed.insert(file);
        emit message(tr("%1 is not the plugin's instructions file any more; its draft is kept.")
                         .arg(QDir::toNativeSeparators(file)));
        return;
    }
    m_drafts->flush(); // the draft is this studio's own now
    emit message(tr("Restored the unsaved edits to %1.").arg(QFileInfo(file).fileName()));
}

} // namespace studio
