#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QString>

namespace studio {

// A logo a new plugin starts with, so it is complete from the first moment: the name's
// initials on a colour chosen from the id (the same plugin always gets the same colour).
// The author replaces it with Import Logo.
class PlaceholderLogo
{
public:
    static constexpr int kSize = 512; // the size Import Logo saves

    static QImage render(const QString &name, const QString &id, int size = kSize);
    static QByteArray png(const QString &name, const QString &id);

    // "Meeting Notes" -> "MN", "weather" -> "W".
    static QString initials(const QString &name);
    static QColor colour(const QString &id);
};

} // namespace studio
