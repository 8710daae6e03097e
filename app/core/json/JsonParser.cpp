#include "JsonParser.h"

#include "JsonObjectBuilder.h"
#include "JsonPointer.h"
#include "LineIndex.h"
#include "io/Utf8.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>

namespace studio {

namespace {

struct ParseFailure
{
    std::string message;
    std::size_t offset;
};

std::string hexByte(unsigned char byte)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
    return buffer;
}

std::string quotedChar(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F)
        return "byte " + hexByte(byte);
    return std::string("'") + c + "'";
}

void appendUtf8(std::string &out, std::uint32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// "DC00".."DFFF": the second half of a UTF-16 surrogate pair.
bool isLowSurrogateEscape(std::string_view hex)
{
    if (hex.size() != 4)
        return false;
    unsigned value = 0;
    const auto [end, error] = std::from_chars(hex.data(), hex.data() + 4, value, 16);
    return error == std::errc() && end == hex.data() + 4 && value >= 0xDC00 && value <= 0xDFFF;
}

class Parser
{
public:
    Parser(std::string_view text, const JsonParseOptions &options, JsonParseResult &result)
        : m_text(text)
        , m_options(options)
        , m_result(result)
    {}

    Json parseDocument()
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
            m_result.issues.push_back({JsonParseIssue::Kind::ByteOrderMark, {}, {0, 3}});
            m_pos = 3;
        }
        skipWhitespace();
        if (atEnd())
            fail(m_pos == 0 ? "the document is empty" : "the document holds only white space");
        Json value = parseValue(std::nullopt, 0);
        skipWhitespace();
        if (!atEnd())
            fail("unexpected " + quotedChar(peek()) +
                 " after the end of the JSON value (a missing comma or bracket before it?)");
        return value;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    [[noreturn]] void fail(std::string message) const { fail(std::move(message), m_pos); }
    [[noreturn]] void fail(std::string message, std::size_t offset) const
    {
        throw ParseFailure{std::move(message), offset};
    }

    std::string describe(std::size_t offset) const
    {
        const auto position = LineIndex(m_text).position(offset);
        return "line " + std::to_string(position.line) + ", column " +
               std::to_string(position.column);
    }

    [[noreturn]] void failUnexpected(const char *expected) const
    {
        if (atEnd())
            failAtEnd(expected);
        const auto byte = static_cast<unsigned char>(peek());
        if (byte >= 0x80 && utf8::sequenceLength(m_text, m_pos) == 0)
            fail("invalid UTF-8 byte " + hexByte(byte));
        fail(std::string("expected ") + expected + ", found " + quotedChar(peek()));
    }

    [[noreturn]] void failAtEnd(const char *expected) const
    {
        std::string message = std::string("unexpected end of the document, expected ") + expected;
        if (!m_openContainers.empty()) {
            const auto opener = m_openContainers.back();
            message += "; the '" + std::string(1, m_text[opener]) + "' at " + describe(opener) +
                       " is never closed";
        }
        fail(std::move(message), m_text.size());
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++m_pos;
            } else if (c == '/' && m_pos + 1 < m_text.size() &&
                       (m_text[m_pos + 1] == '/' || m_text[m_pos + 1] == '*')) {
                fail("comments are not allowed in JSON");
            } else {
                return;
            }
        }
    }

    JsonSourceMap::ValueId addToSourceMap(std::string_view memberName)
    {
        return m_options.recordSourceMap ? m_result.sourceMap.add(memberName) : 0;
    }

    void openInSourceMap(JsonSourceMap::ValueId container, bool isObject)
    {
        if (m_options.recordSourceMap)
            m_result.sourceMap.open(container, isObject);
    }

    void closeInSourceMap()
    {
        if (m_options.recordSourceMap)
            m_result.sourceMap.close();
    }

    void locateInSourceMap(JsonSourceMap::ValueId id, SourceSpan value,
                           std::optional<SourceSpan> key)
    {
        if (m_options.recordSourceMap)
            m_result.sourceMap.locate(id, {value, key});
    }

    Json parseValue(std::optional<SourceSpan> key, int depth, std::string_view memberName = {})
    {
        if (atEnd())
            failAtEnd("a value");
        const std::size_t begin = m_pos;
        const JsonSourceMap::ValueId id = addToSourceMap(memberName);
        Json value;
        switch (peek()) {
        case '{':
            value = parseObject(depth + 1, id);
            break;
        case '[':
            value = parseArray(depth + 1, id);
            break;
        case '"':
            value = parseString();
            break;
        case 't':
        case 'f':
        case 'n':
            value = parseLiteral();
            break;
        case '\'':
            fail("single-quoted strings are not allowed; use double quotes");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                value = parseNumber();
            else if (const auto constant = parsePythonConstant())
                value = *constant;
            else
                parseBadLiteralOrFail();
        }
        locateInSourceMap(id, {begin, m_pos}, key);
        return value;
    }

    void enter(int depth)
    {
        if (depth > m_options.maxDepth && m_options.dialect == JsonDialect::PythonJsonLoads)
            fail("nesting is deeper than about " + std::to_string(m_options.maxDepth) +
                 " levels, where Python's decoder stops (RecursionError)");
        if (depth > m_options.maxDepth)
            fail("nesting is deeper than " + std::to_string(m_options.maxDepth) + " levels");
        m_openContainers.push_back(m_pos);
        ++m_pos;
    }

    // The pointer of a member of the object being read, for an issue about it. Built only
    // then: keeping every value's pointer would copy the names above it again and again.
    std::string pointerTo(const std::string &name) const
    {
        std::string pointer;
        for (const PathStep &step : m_path) {
            pointer += '/';
            pointer +=
                step.name ? json_pointer::escapeToken(*step.name) : std::to_string(step.index);
        }
        return pointer + '/' + json_pointer::escapeToken(name);
    }

    // Each repeated name is reported with its pointer, which holds every name above it. So
    // that a long name with many repeats below it cannot make the reports quadratic, they
    // stop once their pointers would outgrow the text a few times over.
    void reportDuplicate(const std::string &name, SourceSpan keySpan)
    {
        m_duplicatePointerBytes += m_pathBytes + 1 + name.size();
        if (m_duplicatePointerBytes > 4 * m_text.size() + 65536)
            return;
        m_result.issues.push_back({JsonParseIssue::Kind::DuplicateKey, pointerTo(name), keySpan});
    }

    void enterMember(const std::string &name)
    {
        m_path.push_back({&name, 0, 1 + name.size()});
        m_pathBytes += m_path.back().bytes;
    }

    void enterElement(std::size_t index)
    {
        m_path.push_back({nullptr, index, 1 + std::to_string(index).size()});
        m_pathBytes += m_path.back().bytes;
    }

    void leaveMemberOrElement()
    {
        m_pathBytes -= m_path.back().bytes;
        m_path.pop_back();
    }

    void leave()
    {
        m_openContainers.pop_back();
        closeInSourceMap();
    }

    Json parseObject(int depth, JsonSourceMap::ValueId id)
    {
        enter(depth);
        openInSourceMap(id, true);
        JsonObjectBuilder object;
        skipWhitespace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            leave();
            return object.take();
        }
        while (true) {
            skipWhitespace();
            if (atEnd())
                failAtEnd("a member name in double quotes");
            if (peek() != '"') {
                if (peek() == '}')
                    fail("trailing comma before '}'; remove the comma");
                if (peek() == '\'')
                    fail("single-quoted member names are not allowed; use double quotes");
                failUnexpected("a member name in double quotes");
            }
            const std::size_t keyBegin = m_pos;
            std::string name = parseString();
            const SourceSpan keySpan{keyBegin, m_pos};
            skipWhitespace();
            if (atEnd() || peek() != ':')
                failUnexpected("':' after the member name");
            ++m_pos;
            skipWhitespace();

            if (object.contains(name))
                reportDuplicate(name, keySpan);
            enterMember(name);
            Json member = parseValue(keySpan, depth, name);
            leaveMemberOrElement();
            object.set(std::move(name), std::move(member));

            skipWhitespace();
            if (atEnd())
                failAtEnd("',' or '}'");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                leave();
                return object.take();
            }
            if (peek() == '"')
                fail("expected ',' or '}' after the member; a comma is missing");
            failUnexpected("',' or '}' after the member");
        }
    }

    Json parseArray(int depth, JsonSourceMap::ValueId id)
    {
        enter(depth);
        openInSourceMap(id, false);
        Json array = Json::array();
        skipWhitespace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            leave();
            return array;
        }
        while (true) {
            skipWhitespace();
            if (!atEnd() && peek() == ']')
                fail("trailing comma before ']'; remove the comma");
            enterElement(array.size());
            Json element = parseValue(std::nullopt, depth);
            leaveMemberOrElement();
            array.push_back(std::move(element));

            skipWhitespace();
            if (atEnd())
                failAtEnd("',' or ']'");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                leave();
                return array;
            }
            if (peek() == '{' || peek() == '[' || peek() == '"')
                fail("expected ',' or ']' after the element; a comma is missing");
            failUnexpected("',' or ']' after the element");
        }
    }

    std::uint32_t parseHex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("incomplete \\u escape: four hex digits expected");
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos + static_cast<std::size_t>(i)];
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                fail("invalid \\u escape: four hex digits expected",
                     m_pos + static_cast<std::size_t>(i));
        }
        m_pos += 4;
        return value;
    }

    void parseEscape(std::string &out)
    {
        const std::size_t escapeBegin = m_pos;
        ++m_pos; // backslash
        if (atEnd())
            failAtEnd("an escape character");
        const char c = peek();
        ++m_pos;
        switch (c) {
        case '"':
            out += '"';
            return;
        case '\\':
            out += '\\';
            return;
        case '/':
            out += '/';
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default:
            fail("invalid escape '\\" + std::string(1, c) + "' in a string", escapeBegin);
        }
        std::uint32_t codePoint = parseHex4();
        const bool python = m_options.dialect == JsonDialect::PythonJsonLoads;
        if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
            const bool lowFollows = m_text.substr(m_pos, 2) == "\\u" &&
                                    isLowSurrogateEscape(m_text.substr(m_pos + 2, 4));
            if (lowFollows) {
                m_pos += 2;
                const std::uint32_t low = parseHex4();
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            } else if (!python) {
                fail("lone UTF-16 surrogate in a \\u escape", escapeBegin);
            }
        } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF && !python) {
            fail("lone UTF-16 surrogate in a \\u escape", escapeBegin);
        }
        // Python keeps a lone surrogate in its string; it is stored here as WTF-8.
        appendUtf8(out, codePoint);
    }

    std::string parseString()
    {
        const std::size_t begin = m_pos;
        ++m_pos; // opening quote
        std::string out;
        while (true) {
            if (atEnd())
                fail("unterminated string that starts at " + describe(begin), begin);
            const auto byte = static_cast<unsigned char>(peek());
            if (byte == '"') {
                ++m_pos;
                return out;
            }
            if (byte == '\\') {
                parseEscape(out);
            } else if (byte < 0x20) {
                if (byte == '\n')
                    fail("unterminated string that starts at " + describe(begin) +
                             " (a line break inside a string must be written \\n)",
                         begin);
                fail("unescaped control character " + hexByte(byte) + " in a string");
            } else if (byte < 0x80) {
                out += static_cast<char>(byte);
                ++m_pos;
            } else {
                const auto length = utf8::sequenceLength(m_text, m_pos);
                if (length == 0 && m_options.dialect == JsonDialect::PythonJsonLoads) {
                    out += "\xEF\xBF\xBD"; // U+FFFD, as bytes.decode(errors="replace")
                    ++m_pos;
                    continue;
                }
                if (length == 0)
                    fail("invalid UTF-8 byte " + hexByte(byte) + " in a string");
                out.append(m_text.substr(m_pos, length));
                m_pos += length;
            }
        }
    }

    Json parseLiteral()
    {
        static constexpr std::string_view literals[] = {"true", "false", "null"};
        for (const auto literal : literals) {
            if (m_text.substr(m_pos, literal.size()) == literal) {
                const auto after = m_pos + literal.size();
                if (after < m_text.size() &&
                    std::isalnum(static_cast<unsigned char>(m_text[after])))
                    break;
                m_pos = after;
                if (literal == "true")
                    return true;
                if (literal == "false")
                    return false;
                return nullptr;
            }
        }
        parseBadLiteralOrFail();
    }

    // NaN, Infinity and -Infinity, which Python's json module reads as floats.
    std::optional<double> parsePythonConstant()
    {
        if (m_options.dialect != JsonDialect::PythonJsonLoads)
            return std::nullopt;
        const bool negative = peek() == '-';
        const std::string_view rest = m_text.substr(m_pos + (negative ? 1 : 0));
        if (!negative && rest.substr(0, 3) == "NaN") {
            m_pos += 3;
            return std::numeric_limits<double>::quiet_NaN();
        }
        if (rest.substr(0, 8) == "Infinity") {
            m_pos += 8 + (negative ? 1 : 0);
            return negative ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        }
        return std::nullopt;
    }

    [[noreturn]] void parseBadLiteralOrFail()
    {
        std::size_t end = m_pos;
        while (end < m_text.size() && end - m_pos < 32 &&
               (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
            ++end;
        const auto word = m_text.substr(m_pos, end - m_pos);
        if (word.empty())
            failUnexpected("a value");
        if (word == "True" || word == "False" || word == "None" || word == "TRUE" ||
            word == "FALSE" || word == "NULL" || word == "Null")
            fail("invalid literal '" + std::string(word) +
                 "'; JSON spells its literals true, false and null");
        if (word == "NaN" || word == "Infinity")
            fail("'" + std::string(word) + "' is not a JSON number");
        fail("invalid literal '" + std::string(word) + "'; a string value needs double quotes");
    }

    Json parseNumber()
    {
        const std::size_t begin = m_pos;
        const auto isDigit = [&] { return !atEnd() && peek() >= '0' && peek() <= '9'; };
        bool integral = true;
        if (const auto constant = parsePythonConstant())
            return *constant;
        if (peek() == '-')
            ++m_pos;
        if (!isDigit()) {
            if (!atEnd() && peek() == 'I')
                fail("'-Infinity' is not a JSON number");
            failUnexpected("a digit");
        }
        if (peek() == '0') {
            ++m_pos;
            if (isDigit())
                fail("leading zeros are not allowed in JSON numbers", begin);
        }
        while (isDigit())
            ++m_pos;
        if (!atEnd() && peek() == '.') {
            integral = false;
            ++m_pos;
            if (!isDigit())
                failUnexpected("a digit after the decimal point");
            while (isDigit())
                ++m_pos;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (!isDigit())
                failUnexpected("a digit in the exponent");
            while (isDigit())
                ++m_pos;
        }
        const char *first = m_text.data() + begin;
        const char *last = m_text.data() + m_pos;
        if (integral) {
            std::int64_t signedValue = 0;
            if (std::from_chars(first, last, signedValue).ec == std::errc())
                return signedValue;
            std::uint64_t unsignedValue = 0;
            if (std::from_chars(first, last, unsignedValue).ec == std::errc())
                return unsignedValue;
        }
        if (m_options.dialect == JsonDialect::PythonJsonLoads)
            return pythonNumber(first, last, integral, begin);
        double real = 0;
        const auto converted = std::from_chars(first, last, real);
        if (converted.ec != std::errc())
            fail("number out of range", begin);
        return real;
    }

    // Python reads any integer exactly, up to its digit limit, and any real as a float that
    // overflows to infinity and underflows to zero.
    Json pythonNumber(const char *first, const char *last, bool integral, std::size_t begin)
    {
        constexpr std::ptrdiff_t kMaxIntegerDigits = 4300; // sys.get_int_max_str_digits()
        const std::ptrdiff_t digits = last - first - (*first == '-' ? 1 : 0);
        if (integral && digits > kMaxIntegerDigits)
            fail("an integer of " + std::to_string(digits) +
                     " digits: Python refuses more than 4300 (ValueError)",
                 begin);
        double real = 0;
        if (std::from_chars(first, last, real).ec == std::errc())
            return real;
        const bool negative = *first == '-';
        const auto exponent = std::find_if(first, last, [](char c) { return c == 'e' || c == 'E'; });
        const bool tiny = exponent != last && exponent + 1 != last && exponent[1] == '-';
        if (tiny)
            return negative ? -0.0 : 0.0;
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    }

    std::string_view m_text;
    const JsonParseOptions &m_options;
    JsonParseResult &m_result;
    std::size_t m_pos = 0;
    std::vector<std::size_t> m_openContainers;
    // The members and elements being read, from the root: a name, or an index (no name),
    // and the bytes each adds to a pointer (escapes aside).
    struct PathStep
    {
        const std::string *name;
        std::size_t index;
        std::size_t bytes;
    };
    std::vector<PathStep> m_path;
    std::size_t m_pathBytes = 0;
    std::size_t m_duplicatePointerBytes = 0;
};

} // namespace

JsonParseResult parseJson(std::string_view text, const JsonParseOptions &options)
{
    JsonParseResult result;
    Parser parser(text, options, result);
    try {
        result.value = parser.parseDocument();
    } catch (const ParseFailure &failure) {
        result.sourceMap.closeAll();
        result.value = nullptr;
        result.error = JsonParseError{failure.message, failure.offset};
    }
    return result;
}

} // namespace studio
