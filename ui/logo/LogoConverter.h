#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace studio {

struct LogoConversion
{
    QImage logo;    // square, at the final size
    QByteArray png; // what is written to the repository
    QString note;   // what the user should know about the result ("kept at 300 px")
    QString error;

    bool ok() const { return error.isEmpty(); }
};

// Turns any picture into the logo the store wants: the centre square cropped out, scaled
// down to the requested size (never up: that adds blur, not detail), encoded as PNG with
// its transparency kept.
class LogoConverter
{
public:
    static LogoConversion convert(const QImage &source, int size);
};

} // namespace studio
