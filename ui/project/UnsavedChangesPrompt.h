#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace studio {

class DocumentSession;

// Before the document is closed or replaced: if it has unsaved edits, asks whether to
// save them, drop them, or stay. Saving that fails (or a Save As the user cancels) counts
// as staying, so edits are never lost to a failed save; edits typed while the save was
// written are asked about again.
class UnsavedChangesPrompt
{
public:
    enum class Outcome
    {
        Proceed,
        Stay
    };

    // `action` finishes "Save the changes to X before ...?" ("opening another entry").
    // `done` gets the outcome: at once, or when the save the user chose has been written.
    static void ask(DocumentSession &session, QWidget *parent, const QString &action,
                    std::function<void(Outcome)> done);
    // Object name of the message box, so tests can find and answer it.
    static const char *const kObjectName;
};

} // namespace studio
