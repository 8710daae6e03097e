#include "TerminalText.h"
#include "io/Utf8.h"

#include <cstdio>

namespace studio::cli {

namespace {

bool isBidiControl(char32_t codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) ||
           (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint == 0x200E ||
           codePoint == 0x200F || codePoint == 0x061C;
}

bool needsEscape(char32_t codePoint)
{
    return codePoint < 0x20 || codePoint == 0x7F || (codePoint >= 0x80 && codePoint <= 0x9F) ||
           isBidiControl(codePoint);
}

void appendEscape(std::string &out, char32_t codePoint)
{
    switch (codePoint) {
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    char buffer[12];
    if (codePoint < 0x80)
        std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(codePoint));
    else
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(codePoint));
    out += buffer;
}

} // namespace

std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        char32_t codePoint = 0;
        const std::size_t length = utf8::sequenceLength(text, 0, &codePoint);
        if (length == 0) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x",
                          static_cast<unsigned>(static_cast<unsigned char>(text.front())));
            out += buffer;
            text.remove_prefix(1);
            continue;
        }
        if (needsEscape(codePoint))
            appendEscape(out, codePoint);
        else
            out.append(text.substr(0, length));
        text.remove_prefix(length);
    }
    return out;
}

std::string printable(const QString &text)
{
    return printable(text.toStdString());
}

} // namespace studio::cli
