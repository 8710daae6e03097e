#include "TerminalText.h"

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

// The length of the well-formed UTF-8 sequence at the start of `text` and its code point, or
// 0 when the first byte does not start one.
std::size_t decodeOne(std::string_view text, char32_t &codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (text.size() < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3F);
    }
    const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    if (codePoint < minimum || codePoint > 0x10FFFF || surrogate)
        return 0;
    return length;
}

} // namespace

std::string printable(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    while (!utf8.empty()) {
        char32_t codePoint = 0;
        const std::size_t length = decodeOne(utf8, codePoint);
        if (length == 0) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x",
                          static_cast<unsigned>(static_cast<unsigned char>(utf8.front())));
            out += buffer;
            utf8.remove_prefix(1);
            continue;
        }
        if (needsEscape(codePoint))
            appendEscape(out, codePoint);
        else
            out.append(utf8.substr(0, length));
        utf8.remove_prefix(length);
    }
    return out;
}

std::string printable(const QString &text)
{
    return printable(text.toStdString());
}

} // namespace studio::cli
