#pragma once

#include "Autosave.h"

namespace studio {

class DocumentSession;
class InstructionsDocument;

// The manifest's autosave: an Autosave whose snapshot is the session's unsaved text, kept
// up to date as the document changes, is saved, or the session moves to another document.
Autosave *autosaveSession(DocumentSession *session, const QString &directory,
                          QObject *parent = nullptr);

// The setup instructions' autosave: the same for the instructions' unsaved text, recorded
// under their file with the session's plugin as the source to reopen.
Autosave *autosaveInstructions(InstructionsDocument *instructions, const DocumentSession *session,
                               const QString &directory, QObject *parent = nullptr);

} // namespace studio
