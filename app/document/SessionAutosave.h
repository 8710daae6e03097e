#pragma once

#include "Autosave.h"

namespace studio {

class DocumentSession;

// The manifest's autosave: an Autosave whose snapshot is the session's unsaved text, kept
// up to date as the document changes, is saved, or the session moves to another document.
Autosave *autosaveSession(DocumentSession *session, const QString &directory,
                          QObject *parent = nullptr);

} // namespace studio
