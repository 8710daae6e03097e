#include "Utf8.h"

namespace studio::utf8 {

std::size_t sequenceLength(std::string_view text, std::size_t pos, char32_t *codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t minimum = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        length = 1, value = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
        length = 2, minimum = 0x80, value = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3, minimum = 0x800, value = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4, minimum = 0x10000, value = lead & 0x07U;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0U) != 0x80U)
            return 0;
        value = (value << 6) | (byte(i) & 0x3FU);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    if (codePoint)
        *codePoint = value;
    return length;
}

std::optional<std::size_t> firstInvalid(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = sequenceLength(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::nullopt;
}

} // namespace studio::utf8
