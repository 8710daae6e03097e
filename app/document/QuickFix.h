#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>

namespace studio {

class ManifestDocument;
class TextDocument;

// Applies a diagnostic's one-click fix to the document as one undoable step named after the
// fix, whichever view asked. The diagnostic must describe the document's current text
// (the caller checks the findings' revision): its spans are offsets into that text.
class QuickFix
{
public:
    // A finding of the manifest itself. Returns why the fix was not applied, or "" when it was.
    static QString apply(ManifestDocument &document, const Diagnostic &diagnostic);
    // A finding located in another file (Diagnostic::file), open as `document`: the setup
    // instructions.
    static QString applyInFile(TextDocument &document, const Diagnostic &diagnostic);
};

} // namespace studio
