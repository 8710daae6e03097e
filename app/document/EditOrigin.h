#pragma once

namespace studio {

// Who changed the document's text. The view an edit came from already shows it, so each
// view applies the changes of every origin but its own.
enum class EditOrigin
{
    Editor,   // typed in the JSON text editor (already in its buffer)
    Form,     // a form field
    Tool,     // a tool acting on the document (logo import, recovery)
    UndoRedo, // the shared history
};

} // namespace studio
