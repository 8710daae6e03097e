#pragma once

#include <QString>

class QWidget;

namespace studio {

class DocumentSession;

// Before the document is closed or replaced: if it has unsaved edits, asks whether to
// save them, drop them, or stay. Saving that fails (or a Save As the user cancels) counts
// as staying, so edits are never lost to a failed save.
class UnsavedChangesPrompt
{
public:
    enum class Outcome
    {
        Proceed,
        Stay
    };

    // `action` finishes "Save the changes to X before ...?" ("opening another entry").
    static Outcome ask(DocumentSession &session, QWidget *parent, const QString &action);
    // Object name of the message box, so tests can find and answer it.
    static const char *const kObjectName;
};

} // namespace studio
