#pragma once

#include <QByteArray>

namespace studio {

// Pretty-prints JSON text with two-space indentation in one pass over the bytes, keeping
// every key in its place and every string and number exactly as sent (a parse and dump
// would sort keys or re-spell numbers, and cost far more on a body of many megabytes).
// Expects text that already parsed; on anything else the output is merely re-spaced.
class JsonReindenter
{
public:
    static QByteArray reindent(const QByteArray &json);
};

} // namespace studio
