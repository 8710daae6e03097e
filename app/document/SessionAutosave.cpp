#include "SessionAutosave.h"

#include "DocumentSession.h"
#include "FileFollower.h"
#include "InstructionsDocument.h"
#include "ManifestDocument.h"

namespace studio {

namespace {

// Written once typing pauses; gone when saved, or undone back to the saved text; written at
// once when the file is deleted under the document, as its text is only here then.
template <typename Disk>
void followEdits(const TextDocument *document, const Disk *disk, void (Disk::*missingChanged)(bool),
                 Autosave *autosave)
{
    QObject::connect(document, &TextDocument::changed, autosave, &Autosave::edited);
    QObject::connect(document, &TextDocument::modifiedChanged, autosave, [autosave](bool modified) {
        modified ? autosave->edited() : autosave->flush();
    });
    QObject::connect(disk, missingChanged, autosave, [autosave](bool missing) {
        if (missing)
            autosave->flush();
    });
}

} // namespace

Autosave *autosaveSession(DocumentSession *session, const QString &directory, QObject *parent)
{
    auto *autosave = new Autosave(
        directory,
        [session]() -> std::optional<RecoveryRecord> {
            if (!session->document()->isModified())
                return std::nullopt;
            RecoveryRecord record;
            record.source = session->source();
            record.text = session->document()->text();
            return record;
        },
        parent);
    followEdits(session->document(), session, &DocumentSession::missingOnDiskChanged, autosave);
    // Another document (or the same under a new name): the old record goes, as its edits
    // were saved or deliberately discarded before the switch.
    QObject::connect(session, &DocumentSession::sourceChanged, autosave, &Autosave::flush);
    return autosave;
}

Autosave *autosaveInstructions(InstructionsDocument *instructions, const DocumentSession *session,
                               const QString &directory, QObject *parent)
{
    auto *autosave = new Autosave(
        directory,
        [instructions, session]() -> std::optional<RecoveryRecord> {
            if (!instructions->isModified())
                return std::nullopt;
            RecoveryRecord draft;
            draft.source = session->source();
            draft.instructionsFile = instructions->filePath();
            draft.text = instructions->text();
            return draft;
        },
        parent);
    followEdits(instructions, instructions->disk(), &FileFollower::missingOnDiskChanged, autosave);
    // Another file, or none: the old record goes, as for the manifest.
    QObject::connect(instructions, &InstructionsDocument::stateChanged, autosave, &Autosave::flush);
    return autosave;
}

} // namespace studio
