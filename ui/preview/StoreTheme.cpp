#include "StoreTheme.h"

namespace studio {

QPalette StoreTheme::palette() const
{
    QPalette palette;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, background);
        palette.setColor(group, QPalette::Base, card);
        palette.setColor(group, QPalette::WindowText, text);
        palette.setColor(group, QPalette::Text, text);
        palette.setColor(group, QPalette::ButtonText, text);
        palette.setColor(group, QPalette::Button, card);
        palette.setColor(group, QPalette::PlaceholderText, secondaryText);
        palette.setColor(group, QPalette::AlternateBase, chipBackground);
        palette.setColor(group, QPalette::BrightText, chipText);
        palette.setColor(group, QPalette::Highlight, accent);
        palette.setColor(group, QPalette::HighlightedText, accentText);
        palette.setColor(group, QPalette::Mid, placeholder);
        palette.setColor(group, QPalette::Midlight, divider);
        palette.setColor(group, QPalette::Link, accent.lighter(140));
        palette.setColor(group, QPalette::ToolTipBase, card);
        palette.setColor(group, QPalette::ToolTipText, text);
    }
    return palette;
}

StoreTheme StoreTheme::dark()
{
    // The app's dark scaffold: black page, near-black cards, grey secondary text.
    return {.background = QColor(0x00, 0x00, 0x00),
            .card = QColor(0x1f, 0x1f, 0x25),
            .text = QColor(0xff, 0xff, 0xff),
            .secondaryText = QColor(0x9e, 0x9e, 0x9e),
            .chipBackground = QColor(0x35, 0x34, 0x3b),
            .chipText = QColor(0xff, 0xff, 0xff),
            .accent = QColor(0x67, 0x3a, 0xb7),
            .accentText = QColor(0xff, 0xff, 0xff),
            .placeholder = QColor(0x42, 0x42, 0x48),
            .divider = QColor(0x2c, 0x2c, 0x33),
            .warning = QColor(0xff, 0xb7, 0x4d)};
}

StoreTheme StoreTheme::light()
{
    return {.background = QColor(0xf2, 0xf2, 0xf7),
            .card = QColor(0xff, 0xff, 0xff),
            .text = QColor(0x12, 0x12, 0x16),
            .secondaryText = QColor(0x6e, 0x6e, 0x76),
            .chipBackground = QColor(0xe8, 0xe4, 0xf3),
            .chipText = QColor(0x4a, 0x2a, 0x8a),
            .accent = QColor(0x67, 0x3a, 0xb7),
            .accentText = QColor(0xff, 0xff, 0xff),
            .placeholder = QColor(0xd9, 0xd9, 0xde),
            .divider = QColor(0xe3, 0xe3, 0xe8),
            .warning = QColor(0xb2, 0x5e, 0x00)};
}

QFont storeFont(const QFont &base, int pixelSize, QFont::Weight weight)
{
    QFont font = base;
    font.setPixelSize(pixelSize);
    font.setWeight(weight);
    return font;
}

} // namespace studio
