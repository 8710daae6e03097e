#pragma once

#include <QColor>

namespace studio {

// The text editor's colours, in light and dark, chosen for contrast on both.
struct EditorPalette
{
    QColor paper;
    QColor text;
    QColor property;
    QColor string;
    QColor number;
    QColor keyword;
    QColor operators;
    QColor error;
    QColor margin;
    QColor marginText;
    QColor caretLine;
    QColor selection;
    QColor braceMatch;
    QColor braceBad;
    // Diagnostics: underline and inline message colours per severity.
    QColor errorMark;
    QColor warningMark;
    QColor infoMark;
    QColor annotationPaper;

    static EditorPalette light();
    static EditorPalette dark();
};

} // namespace studio
