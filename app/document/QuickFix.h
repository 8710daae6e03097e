#pragma once

#include "diagnostics/Diagnostic.h"

#include <QString>

namespace studio {

class ManifestDocument;

// Applies a diagnostic's one-click fix to the document as one undoable step named after the
// fix, whichever view asked. The diagnostic must describe the document's current text
// (the caller checks the report's revision): its spans are offsets into that text.
class QuickFix
{
public:
    // Returns why the fix was not applied, or "" when it was.
    static QString apply(ManifestDocument &document, const Diagnostic &diagnostic);
};

} // namespace studio
