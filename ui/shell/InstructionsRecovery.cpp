#include "InstructionsRecovery.h"

#include "SessionController.h"
#include "document/Autosave.h"
#include "document/DocumentSession.h"
#include "instructions/InstructionsEditor.h"
#include "instructions/MarkdownEditor.h"
#include "project/RecoveryPrompt.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace studio {

const char *const InstructionsRecovery::kPromptName = "instructionsRecoveryPrompt";

InstructionsRecovery::InstructionsRecovery(InstructionsEditor &editor, DocumentSession &session,
                                           SessionController &controller, QWidget *window)
    : QObject(window)
    , m_editor(editor)
    , m_session(session)
    , m_controller(controller)
    , m_window(window)
{
    m_drafts = new Autosave(
        Autosave::defaultDirectory(QStringLiteral("instructions")),
        [this]() -> std::optional<RecoveryRecord> {
            if (!m_editor.isDirty())
                return std::nullopt;
            RecoveryRecord draft;
            draft.source = m_session.source();
            draft.instructionsFile = m_editor.filePath();
            draft.text = m_editor.text().toStdString();
            return draft;
        },
        this);
    connect(m_editor.editor(), &QsciScintilla::textChanged, m_drafts, &Autosave::edited);
    // Saved or reverted: nothing to recover. Unsaved without an edit (its file was deleted
    // on disk): the text is only here now.
    connect(&m_editor, &InstructionsEditor::dirtyChanged, m_drafts,
            [this](bool dirty) { dirty ? m_drafts->edited() : m_drafts->flush(); });
    connect(&m_editor, &InstructionsEditor::stateChanged, m_drafts, &Autosave::flush);
    connect(&m_editor, &InstructionsEditor::opened, this, [this] {
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
        return d.instructionsFile == m_editor.filePath();
    });
    offer(open != drafts.end() ? *open : drafts.front());
}

void InstructionsRecovery::offerForOpenFile()
{
    if (m_editor.state() != InstructionsEditor::State::Open ||
        m_postponed.contains(m_editor.filePath()))
        return;
    if (const auto draft = m_drafts->pendingFor(m_editor.filePath()))
        offer(*draft);
}

void InstructionsRecovery::offer(const RecoveryRecord &draft)
{
    if (m_offering)
        return;
    const QString file = draft.instructionsFile;
    if (file == m_editor.filePath() && !m_editor.isDirty() &&
        m_editor.text().toStdString() == draft.text) {
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
    if (m_editor.filePath() == draft.instructionsFile) {
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
    if (m_editor.filePath() != file || !m_editor.restoreText(QString::fromStdString(draft.text))) {
        m_postponed.insert(file);
        emit message(tr("%1 is not the plugin's instructions file any more; its draft is kept.")
                         .arg(QDir::toNativeSeparators(file)));
        return;
    }
    m_drafts->flush(); // the draft is this studio's own now
    emit message(tr("Restored the unsaved edits to %1.").arg(QFileInfo(file).fileName()));
}

} // namespace studio
