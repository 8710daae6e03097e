#include "MarkdownLimits.h"

#include "json/LineIndex.h"

#include <algorithm>
#include <array>
#include <optional>

namespace studio {

namespace {

// The characters that start inline syntax in cmark-gfm and its extensions: each may become
// a node, a delimiter to match, or a scan ahead.
constexpr std::string_view kMarks = "\\`&_*[]<!~@|";

constexpr std::array<bool, 256> markTable()
{
    std::array<bool, 256> table{};
    for (const char c : kMarks)
        table[static_cast<unsigned char>(c)] = true;
    return table;
}

bool isMark(char c)
{
    static constexpr std::array<bool, 256> table = markTable();
    return table[static_cast<unsigned char>(c)];
}

// "1234567" -> "1,234,567"
std::string grouped(std::size_t number)
{
    const std::string digits = std::to_string(number);
    std::string result;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            result += ',';
        result += digits[i];
    }
    return result;
}

std::string describeBytes(std::size_t bytes)
{
    if (bytes >= 1024 * 1024)
        return std::to_string(bytes / (1024 * 1024)) + "." +
               std::to_string(bytes % (1024 * 1024) * 10 / (1024 * 1024)) + " MB";
    if (bytes >= 1024)
        return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " bytes";
}

// How many containers a line opens or continues: block quote markers, list markers, and
// every two columns of indentation (a nested list level needs at least two).
std::size_t nestingOf(std::string_view line)
{
    std::size_t markers = 0;
    std::size_t columns = 0;
    std::size_t i = 0;
    const auto endsMarker = [&](std::size_t at) {
        return at == line.size() || line[at] == ' ' || line[at] == '\t';
    };
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t') {
            columns += c == '\t' ? 4 : 1;
            ++i;
        } else if (c == '>') {
            ++markers;
            ++i;
        } else if ((c == '-' || c == '+' || c == '*') && endsMarker(i + 1)) {
            ++markers;
            ++i;
        } else if (c >= '0' && c <= '9') {
            std::size_t end = i;
            while (end < line.size() && end - i < 9 && line[end] >= '0' && line[end] <= '9')
                ++end;
            if (end == line.size() || (line[end] != '.' && line[end] != ')') ||
                !endsMarker(end + 1))
                break;
            ++markers;
            i = end + 1;
        } else {
            break;
        }
    }
    return markers + columns / 2;
}

// Where the closing bracket of an inline link "[text](destination)" starting at `at` is,
// when the link is the plain kind: a text without brackets, a destination without white
// space, parentheses, escapes, entities or angle brackets, all on one line. cmark reads such
// a link in one step and gives its destination as written, so its brackets cost nothing
// quadratic and are not counted: the bulk of real instructions are such links.
std::size_t plainLinkClose(std::string_view line, std::size_t at)
{
    std::size_t close = at + 1;
    while (close < line.size() && line[close] != '[' && line[close] != ']')
        ++close;
    if (close + 1 >= line.size() || line[close] != ']' || line[close + 1] != '(')
        return std::string_view::npos;
    for (std::size_t i = close + 2; i < line.size(); ++i) {
        switch (line[i]) {
        case ')':
            return close;
        case '(':
        case ' ':
        case '\t':
        case '\\':
        case '&':
        case '<':
            return std::string_view::npos;
        default:
            break;
        }
    }
    return std::string_view::npos;
}

bool isBlank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

struct Block
{
    std::size_t begin = 0;
    std::size_t end = 0; // the end of its last line, before the line ending
    std::size_t lines = 0;
    std::size_t marks = 0;
    std::size_t ats = 0;       // of the marks, the '@'
    std::size_t widestRow = 0; // most '|' on one line
    std::size_t nesting = 0;

    std::size_t bytes() const { return end - begin; }
    std::size_t work() const { return marks * bytes(); }
    std::size_t cells() const { return lines * (widestRow + 1); }
    // About half-microseconds of cmark-gfm's time, by what it does most slowly.
    std::size_t cost() const { return marks + 9 * ats + 2 * lines + lines * widestRow; }
};

class Measure
{
public:
    explicit Measure(std::string_view text)
        : m_text(text)
    {}

    std::vector<MarkdownExclusion> run()
    {
        // cmark ends lines at \n, \r\n and \r alike. The next of each is kept, so that
        // finding the line ends reads the text once.
        const auto nextOf = [this](char c, std::size_t from) {
            return std::min(m_text.find(c, from), m_text.size());
        };
        std::size_t nextNewline = nextOf('\n', 0);
        std::size_t nextReturn = nextOf('\r', 0);
        std::size_t at = 0;
        while (at < m_text.size() && !m_cut) {
            if (nextNewline < at)
                nextNewline = nextOf('\n', at);
            if (nextReturn < at)
                nextReturn = nextOf('\r', at);
            const std::size_t end = std::min(nextNewline, nextReturn);
            addLine(at, m_text.substr(at, end - at));
            at = end;
            if (at < m_text.size() && m_text[at] == '\r')
                ++at;
            if (at < m_text.size() && m_text[at] == '\n')
                ++at;
        }
        if (!m_cut)
            closeBlock();
        return std::move(m_exclusions);
    }

private:
    void addLine(std::size_t begin, std::string_view line)
    {
        if (isBlank(line)) {
            closeBlock();
            return;
        }
        if (m_block.lines == 0)
            m_block.begin = begin;
        m_block.end = begin + line.size();
        ++m_block.lines;
        m_block.nesting = std::max(m_block.nesting, nestingOf(line));
        std::size_t pipes = 0;
        std::size_t plainClose = std::string_view::npos;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (!isMark(c) || i == plainClose)
                continue;
            if (c == '[' || (c == '!' && i + 1 < line.size() && line[i + 1] == '[')) {
                const std::size_t open = c == '[' ? i : i + 1;
                if (const std::size_t close = plainLinkClose(line, open);
                    close != std::string_view::npos) {
                    plainClose = close;
                    continue;
                }
            }
            ++m_block.marks;
            m_block.ats += c == '@' ? 1 : 0;
            pipes += c == '|' ? 1 : 0;
        }
        m_block.widestRow = std::max(m_block.widestRow, pipes);
    }

    void closeBlock()
    {
        const Block block = m_block;
        m_block = {};
        if (block.lines == 0)
            return;
        if (auto excluded = tooMuchForOneBlock(block)) {
            m_exclusions.push_back(std::move(*excluded));
            return;
        }
        if (m_cost + block.cost() > MarkdownLimits::kMaxCost ||
            m_work + block.work() > MarkdownLimits::kMaxWork) {
            m_exclusions.push_back({MarkdownExclusion::Kind::Rest,
                                    {block.begin, m_text.size()},
                                    "the text holds more markdown in all than the parser reads "
                                    "in reasonable time (lines, marks and table cells, each "
                                    "weighed by what it costs the parser)"});
            m_cut = true;
            return;
        }
        m_cost += block.cost();
        m_work += block.work();
    }

    static std::optional<MarkdownExclusion> tooMuchForOneBlock(const Block &block)
    {
        using Kind = MarkdownExclusion::Kind;
        const SourceSpan span{block.begin, block.end};
        if (block.nesting > MarkdownLimits::kMaxNesting)
            return MarkdownExclusion{Kind::DeepNesting, span,
                                     "block quotes or list levels nested " +
                                         grouped(block.nesting) + " deep (the limit is " +
                                         grouped(MarkdownLimits::kMaxNesting) + ")"};
        if (block.work() > MarkdownLimits::kMaxBlockWork)
            return MarkdownExclusion{
                Kind::DenseBlock, span,
                grouped(block.marks) + " markdown marks ([ ] * _ ` < ! ~ @ | & \\) in one " +
                    "block of " + describeBytes(block.bytes()) +
                    ": the parser's time grows with their number times the block's length"};
        if (block.cells() > MarkdownLimits::kMaxBlockCells && block.widestRow == 0)
            return MarkdownExclusion{Kind::LargeBlock, span,
                                     "a block of " + grouped(block.lines) +
                                         " lines (the limit is " +
                                         grouped(MarkdownLimits::kMaxBlockCells) + ")"};
        if (block.cells() > MarkdownLimits::kMaxBlockCells)
            return MarkdownExclusion{Kind::LargeBlock, span,
                                     "a table of " + grouped(block.lines) + " lines of up to " +
                                         grouped(block.widestRow + 1) + " cells, " +
                                         grouped(block.cells()) +
                                         " cells once padded (the limit is " +
                                         grouped(MarkdownLimits::kMaxBlockCells) + ")"};
        return std::nullopt;
    }

    std::string_view m_text;
    Block m_block;
    std::size_t m_cost = 0;
    std::size_t m_work = 0;
    bool m_cut = false;
    std::vector<MarkdownExclusion> m_exclusions;
};

} // namespace

std::string MarkdownExclusion::lines(const LineIndex &index) const
{
    const int first = index.line(span.begin);
    const int last = index.line(span.end);
    if (kind == Kind::Rest)
        return "line " + grouped(std::size_t(first)) + " to the end";
    if (first == last)
        return "line " + grouped(std::size_t(first));
    return "lines " + grouped(std::size_t(first)) + "-" + grouped(std::size_t(last));
}

std::vector<MarkdownExclusion> MarkdownLimits::exclusions(std::string_view text)
{
    return Measure(text).run();
}

} // namespace studio
