#include "JsonReindenter.h"

namespace studio {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The next byte that is not white space, from `from`; 0 at the end.
char nextSignificant(const QByteArray &json, qsizetype from)
{
    for (qsizetype i = from; i < json.size(); ++i) {
        if (!isJsonSpace(json[i]))
            return json[i];
    }
    return 0;
}

void newLine(QByteArray &out, int depth)
{
    out.append('\n');
    out.append(QByteArray(qsizetype(depth) * 2, ' '));
}

} // namespace

QByteArray JsonReindenter::reindent(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < json.size())
                out.append(json[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isJsonSpace(c))
            continue;
        switch (c) {
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            const char close = c == '{' ? '}' : ']';
            // An empty container stays on its line: {} and [].
            qsizetype j = i + 1;
            while (j < json.size() && isJsonSpace(json[j]))
                ++j;
            if (j < json.size() && json[j] == close) {
                out.append(c).append(close);
                i = j;
                break;
            }
            out.append(c);
            newLine(out, ++depth);
            break;
        }
        case '}':
        case ']':
            newLine(out, depth = std::max(0, depth - 1));
            out.append(c);
            break;
        case ',':
            out.append(c);
            newLine(out, depth);
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(c);
        }
    }
    if (!out.isEmpty() && nextSignificant(out, out.size() - 1) != '\n')
        out.append('\n');
    return out;
}

} // namespace studio
