#pragma once

#include <QtGlobal>

class QsciScintillaBase;

namespace studio {

// Builds a Scintilla document away from the GUI thread with Scintilla's own loader
// (SCI_CREATELOADER), for texts too large to insert into a shown editor: each insertion
// there costs time in proportion to the whole document, so feeding ten megabytes in slices
// stalls the window for hundreds of milliseconds, while the loader fills a document no
// view watches and the editor then switches to it at once (SCI_SETDOCPOINTER).
//
// The loader is created on the GUI thread; addData() and finish() may run on any thread.
// The document holds one reference for the caller: attach it with adopt(), or let it go
// with release() (from any thread) when it is no longer wanted.
class ScintillaLoader
{
public:
    static ScintillaLoader create(QsciScintillaBase &editor);

    bool isValid() const { return m_loader != nullptr; }
    bool addData(const char *data, qsizetype length);
    // Ends loading; the loaded document is then ready for adopt().
    void finish();
    // Shows the document in `editor` (which takes its own reference) and drops ours.
    void adopt(QsciScintillaBase &editor);
    void release();

private:
    void *m_loader = nullptr;   // Scintilla's ILoader
    void *m_document = nullptr; // what ILoader::ConvertToDocument returned
};

} // namespace studio
