#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace studio {

// A body as the inspector shows it: valid UTF-8 text, pretty-printed when it is JSON, with
// very long lines broken for display (a text view lays a line out whole, and one line of
// ten megabytes would freeze it).
struct FormattedBody
{
    QByteArray text;          // UTF-8, ready for the view
    bool json = false;        // the whole body parsed as JSON and is shown indented
    bool complete = false;    // the whole body (else a preview of its first part)
    bool linesBroken = false; // some lines were broken at kMaxLineBytes for display
    qint64 sourceBytes = 0;   // bytes of the body this was made from
    int revision = 0;         // which request of the view this answers (set by the caller)
};

// Turns raw body bytes into FormattedBody. preview() is cheap enough for the GUI thread;
// format() reads the whole body and belongs on a worker thread.
class BodyFormatter
{
public:
    static constexpr qsizetype kPreviewBytes = 64 * 1024;
    static constexpr qsizetype kMaxLineBytes = 4000;

    // The first `limit` bytes as they are (cut on a character boundary), not indented.
    static FormattedBody preview(const QByteArray &body, qsizetype limit = kPreviewBytes);
    // The whole body: indented when it is JSON, as it is otherwise.
    static FormattedBody format(const QByteArray &body);
    // Whether the whole body is well-formed JSON.
    static bool isJson(const QByteArray &body);
};

} // namespace studio

Q_DECLARE_METATYPE(studio::FormattedBody)
