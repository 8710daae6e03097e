#pragma once

#include "json/JsonParser.h"

#include <QByteArray>

namespace studio {

// The exact bytes each of the app's senders put on the wire for a JSON body, so a plugin
// that parses or signs raw bytes sees what it will see in production.
class WireJson
{
public:
    // Python's json.dumps with its defaults, which the backend's requests.post(json=...)
    // uses: ", " and ": " separators, everything beyond ASCII as \uXXXX escapes (characters
    // beyond the BMP as surrogate pairs), floats in their shortest form ("12.0", "1e-05").
    static QByteArray python(const Json &value);
    // Dart's jsonEncode, which the first phone app used: compact, raw UTF-8.
    static QByteArray dart(const Json &value);
};

} // namespace studio
