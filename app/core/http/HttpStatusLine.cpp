#include "HttpStatusLine.h"

#include <QStringBuilder>

#include <limits>
#include <utility>

namespace studio {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// glibc's sscanf over a C string, for the directives libcurl's two formats use. Each step
// does nothing once one has failed, as sscanf stops at the first failure.
class Scanf
{
public:
    explicit Scanf(QByteArrayView text)
        : m_text(text)
    {}

    // What sscanf returns: the conversions made, or -1 (EOF) when the text ended before the
    // first of them.
    int result() const { return m_endedEarly && m_conversions == 0 ? -1 : m_conversions; }

    // A space in the format: any run of white space, none included.
    void whitespace()
    {
        while (!m_failed && m_at < m_text.size() && isSpace(m_text[m_at]))
            ++m_at;
    }

    void literal(QByteArrayView characters)
    {
        for (const char expected : characters) {
            if (m_failed)
                return;
            if (m_at == m_text.size())
                return endEarly();
            if (m_text[m_at] != expected)
                return fail();
            ++m_at;
        }
    }

    // %d, %1d, %3d: white space skipped, a sign and digits within `width` (0: no limit), the
    // value as strtol gives it, narrowed to int.
    void integer(int width, int *value)
    {
        whitespace();
        if (m_failed)
            return;
        if (m_at == m_text.size())
            return endEarly();
        int left = width == 0 ? -1 : width;
        bool negative = false;
        if (m_text[m_at] == '-' || m_text[m_at] == '+') {
            negative = m_text[m_at] == '-';
            ++m_at;
            --left;
        }
        constexpr qint64 kLongMax = std::numeric_limits<qint64>::max();
        qint64 magnitude = 0;
        bool overflow = false;
        int digits = 0;
        for (; left != 0 && m_at < m_text.size() && isDigit(m_text[m_at]); ++m_at, --left) {
            const int digit = m_text[m_at] - '0';
            overflow = overflow || magnitude > (kLongMax - digit) / 10;
            magnitude = overflow ? kLongMax : magnitude * 10 + digit;
            ++digits;
        }
        if (digits == 0)
            return fail();
        // strtol saturates; sscanf's %d then keeps the low bits (modular since C++20).
        qint64 number = negative ? -magnitude : magnitude;
        if (overflow)
            number = negative ? std::numeric_limits<qint64>::min() : kLongMax;
        *value = static_cast<int>(number);
        ++m_conversions;
    }

    // %c: the next character, white space included.
    void character(char *value)
    {
        if (m_failed)
            return;
        if (m_at == m_text.size())
            return endEarly();
        *value = m_text[m_at++];
        ++m_conversions;
    }

    // %1[...]: one character of `set`.
    void oneOf(QByteArrayView set, char *value)
    {
        if (m_failed)
            return;
        if (m_at == m_text.size())
            return endEarly();
        if (!set.contains(m_text[m_at]))
            return fail();
        *value = m_text[m_at++];
        ++m_conversions;
    }

private:
    void fail() { m_failed = true; }
    void endEarly()
    {
        m_failed = true;
        m_endedEarly = true;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
    int m_conversions = 0;
    bool m_failed = false;
    bool m_endedEarly = false;
};

HttpStatusLine refused(QByteArray problem)
{
    return HttpStatusLine{0, 0, std::move(problem)};
}

} // namespace

HttpStatusLine HttpStatusLine::read(QByteArrayView line)
{
    // sscanf reads a C string: a NUL byte ends it (the line is refused for it afterwards).
    const qsizetype nul = line.indexOf('\0');
    const QByteArrayView text = nul < 0 ? line : line.first(nul);

    int major = 0;
    int minor = 0;
    char separator = 0;
    int code = 0;
    char fourthDigit = 0;
    Scanf scan(text);
    scan.whitespace();
    scan.literal("HTTP/");
    scan.integer(1, &major);
    scan.literal(".");
    scan.integer(1, &minor);
    scan.character(&separator);
    scan.integer(3, &code);
    scan.character(&fourthDigit);
    int converted = scan.result();

    bool checkCode = true;
    if (converted == 1 && major >= 2) {
        // "HTTP/2 200": no minor version, and no check of the code's range.
        Scanf two(text);
        char digit = 0;
        int twoCode = 0;
        two.whitespace();
        two.literal("HTTP/");
        two.oneOf("23", &digit);
        two.whitespace();
        two.integer(0, &twoCode);
        if (two.result() == 2) {
            converted = 4;
            separator = ' ';
            minor = 0;
            code = twoCode;
            checkCode = false;
        }
    }
    if (checkCode && (isDigit(fourthDigit) || (converted >= 4 && code < 100)))
        return refused("Unsupported response code in HTTP response");

    if (converted >= 4 && separator == ' ') {
        const int version = 10 * major + minor;
        if (version != 10 && version != 11 && version != 20)
            return refused(QByteArray("Unsupported HTTP version (") + QByteArray::number(major) +
                           '.' + QByteArray::number(minor) + ") in response");
        return HttpStatusLine{code, version, {}};
    }
    if (converted == 0) {
        // Not even a digit after "HTTP/" (or "http/..."): libcurl's second try, " HTTP %3d",
        // cannot match a line that starts with "HTTP/", and its last resort takes any line so
        // starting for a 200 over HTTP/1.0.
        return HttpStatusLine{200, 10, {}};
    }
    return refused("Unsupported HTTP version in response");
}

} // namespace studio
