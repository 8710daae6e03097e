#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace studio {

// The colours of the app's plugin store, light and dark. The preview paints with a palette
// built from them, so every child widget follows a switch without being told.
struct StoreTheme
{
    QColor background;
    QColor card;
    QColor text;
    QColor secondaryText;
    QColor chipBackground;
    QColor chipText;
    QColor accent;
    QColor accentText;
    QColor placeholder; // the neutral circle shown instead of a logo
    QColor divider;
    QColor warning;

    // Palette roles the preview's widgets read: Window, Base (cards), WindowText/Text,
    // PlaceholderText (secondary text), AlternateBase/BrightText (chips), Highlight/
    // HighlightedText (buttons), Mid (placeholder circle), Midlight (dividers), Link.
    QPalette palette() const;

    static StoreTheme dark(); // the app's default
    static StoreTheme light();
};

// The app sizes its text in logical pixels; the preview does the same so it keeps the
// app's proportions whatever the desktop's point size.
QFont storeFont(const QFont &base, int pixelSize, QFont::Weight weight = QFont::Normal);

} // namespace studio
