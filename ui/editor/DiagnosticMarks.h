#pragma once

#include "EditorPalette.h"
#include "diagnostics/Diagnostic.h"

#include <QImage>
#include <QObject>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#include <vector>

namespace studio {

// A decorator for any QScintilla editor (the manifest's JSON, the instructions' markdown):
// shows diagnostics where the user looks in the text: a squiggle under each one's exact
// span, a marker in the margin, the messages as an annotation under the line, and the
// messages again as a tooltip when the mouse rests on a squiggle. Annotations wrap to the
// editor's width.
class DiagnosticMarks : public QObject
{
    Q_OBJECT

public:
    static constexpr int kErrorIndicator = 8; // Scintilla's first indicator for containers
    static constexpr int kWarningIndicator = 9;
    static constexpr int kInfoIndicator = 10;

    explicit DiagnosticMarks(QsciScintilla *editor);

    // Spans are byte offsets into the editor's current text.
    void setDiagnostics(std::vector<Diagnostic> diagnostics);
    void setAnnotationsVisible(bool visible);
    // Diagnostics that name a file are about another document (the manifest's editor gets
    // the setup instructions' findings too) and are not drawn, unless the caller hands this
    // editor only the findings of the file it shows.
    void setAllFilesShown(bool shown);
    bool annotationsVisible() const { return m_annotationsVisible; }
    void applyPalette(const EditorPalette &palette);

    // Lines with a one-click fix show `bulb` in the margin instead of the severity mark;
    // clicking it asks for the fix (fixRequested). Without an image, fixes are not shown.
    void setFixMarker(const QImage &bulb);
    // The first diagnostic with a fix on a line (0-based), for the margin and for tests.
    const Diagnostic *fixOnLine(int line) const;

    // The messages of the diagnostics covering a byte offset, one per line.
    QString messagesAt(std::size_t offset) const;
    // For tests and tools: which indicator covers a byte offset (-1 for none).
    int indicatorAt(std::size_t offset) const;

signals:
    void fixRequested(const studio::Diagnostic &diagnostic);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void redraw();
    // How many characters of an annotation fit beside a line indented by `indentation`.
    int annotationColumns(int indentation) const;
    void showTooltip(int position, int x, int y);

    QsciScintilla *m_editor;
    std::vector<Diagnostic> m_diagnostics;
    EditorPalette m_palette;
    QsciStyle m_errorStyle;
    QsciStyle m_warningStyle;
    QsciStyle m_infoStyle;
    bool isShown(const Diagnostic &diagnostic) const;

    bool m_annotationsVisible = true;
    bool m_allFilesShown = false;
    bool m_fixesShown = false;
    int m_wrappedColumns = 0; // the width the annotations were wrapped for
};

} // namespace studio
