#pragma once

#include "diagnostics/RuleCatalog.h"

#include <QColor>
#include <QIcon>
#include <QImage>

namespace studio {

// The severity icons of the whole studio (problems list, form marks, image facts), drawn
// rather than loaded so they stay crisp at any scale: a red disc with "!", an amber
// triangle, a blue disc with "i".
class SeverityIcon
{
public:
    static QIcon icon(Severity severity);
    static QColor color(Severity severity);
    static QString name(Severity severity); // "Error", "Warning", "Info"
    // A light bulb: a one-click fix is offered (problems list, the text's margin).
    static QIcon fixIcon();
    static QImage fixImage(int size);
};

} // namespace studio
