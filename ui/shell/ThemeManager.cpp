#include "ThemeManager.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace studio {

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
    // What the desktop asked for, read before our own palette replaces it.
    , m_systemDark(QApplication::palette().color(QPalette::Window).lightness() < 128)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

void ThemeManager::apply(Theme theme)
{
    m_theme = theme;
    const bool dark = theme == Theme::Dark || (theme == Theme::System && m_systemDark);
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    if (dark != m_dark) {
        m_dark = dark;
        emit darkChanged(dark);
    }
}

QPalette ThemeManager::lightPalette()
{
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd1));
    palette.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc0));
    return palette;
}

QPalette ThemeManager::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x80, 0x84, 0x8b);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x90, 0x98));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x4a, 0x4e, 0x55));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xd4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x94, 0xf0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x32, 0x36));
    return palette;
}

} // namespace studio
