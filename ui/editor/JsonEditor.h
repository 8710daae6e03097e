#pragma once

#include "DocumentEditor.h"
#include "document/ManifestDocument.h"
#include "json/SourceLocation.h"

#include <QPointer>

#include <vector>

class QsciLexerJSON;

namespace studio {

struct EditorPalette;

// The JSON text view of the document: QScintilla with the JSON lexer, line numbers,
// folding and brace matching. Typing becomes splices of the document; splices from the
// form and from the shared history are mirrored into the buffer without echo
// (DocumentEditor), so there is one history for both views.
class JsonEditor : public DocumentEditor
{
    Q_OBJECT

public:
    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    void setDocument(ManifestDocument *document);
    ManifestDocument *document() const { return m_document; }

    void applyPalette(const EditorPalette &palette);

    // Byte offsets into the UTF-8 text, as the document and the diagnostics count them.
    std::size_t cursorOffset() const;
    void setCursorOffset(std::size_t offset);
    SourceSpan selectedSpan() const;
    // Selects the span and scrolls it into view (problem activation).
    void selectSpan(SourceSpan span);
    // Every occurrence of `text`, in order, without overlaps (Replace All).
    std::vector<SourceSpan> findAll(const QString &text, bool matchCase) const;

    // Wide enough that a key of the manifest never breaks across lines: its longest key at
    // its indentation fits beside the margins (long values still wrap).
    QSize minimumSizeHint() const override;
    // The pixels a line of text has before it wraps: the view less margins and wrap mark.
    int wrapWidth() const;
    // How wide `text` is drawn in the editor's font.
    int textWidth(const QString &text) const;

signals:
    // 1-based line and column (in characters) of the caret.
    void cursorMoved(int line, int column);

private:
    void reportCursor();
    // The viewport's pixels that are not text: margins, the wrap mark.
    int besideText() const;

    QPointer<ManifestDocument> m_document;
    QsciLexerJSON *m_lexer;
};

} // namespace studio
