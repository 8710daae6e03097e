#pragma once

#include "settings/StudioSettings.h"

#include <QObject>
#include <QPalette>

namespace studio {

// Light, dark, or whatever the desktop uses: the Fusion style with a palette, applied to
// the whole application. Views with their own colours (the text editor, the preview)
// follow isDark().
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    explicit ThemeManager(QObject *parent = nullptr);

    void apply(Theme theme);
    Theme theme() const { return m_theme; }
    bool isDark() const { return m_dark; }

    static QPalette lightPalette();
    static QPalette darkPalette();

signals:
    void darkChanged(bool dark);

private:
    Theme m_theme = Theme::System;
    bool m_dark = false;
    bool m_systemDark;
};

} // namespace studio
