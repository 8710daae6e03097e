#include "SessionAutosave.h"

#include "DocumentSession.h"
#include "ManifestDocument.h"

namespace studio {

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
    ManifestDocument *document = session->document();
    QObject::connect(document, &ManifestDocument::changed, autosave, &Autosave::edited);
    QObject::connect(
        document, &ManifestDocument::modifiedChanged, autosave, [autosave](bool modified) {
            if (!modified)
                autosave->flush(); // saved, or undone back to the saved text: nothing to recover
        });
    // A file deleted under the document leaves its text only here: keep a copy at once.
    QObject::connect(session, &DocumentSession::missingOnDiskChanged, autosave,
                     [autosave](bool missing) {
                         if (missing)
                             autosave->flush();
                     });
    // Another document (or the same under a new name): the old record goes, as its edits
    // were saved or deliberately discarded before the switch.
    QObject::connect(session, &DocumentSession::sourceChanged, autosave, &Autosave::flush);
    return autosave;
}

} // namespace studio
