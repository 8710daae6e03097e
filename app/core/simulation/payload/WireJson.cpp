#include "WireJson.h"

namespace studio {

QByteArray WireJson::python(const Json &value)
{
    // nlohmann's compact, ASCII-escaped output differs from json.dumps only in the
    // separators: add the space after each ',' and ':' that is not inside a string.
    const std::string compact = value.dump(-1, ' ', true, Json::error_handler_t::replace);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(compact.size() + compact.size() / 8));
    bool inString = false;
    bool escaped = false;
    for (const char c : compact) {
        out.append(c);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' || c == ':') {
            out.append(' ');
        }
    }
    return out;
}

QByteArray WireJson::dart(const Json &value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace studio
