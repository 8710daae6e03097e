#include "DiffView.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>

namespace studio {

namespace {

struct LineStyle
{
    QColor background; // invalid: none
    QColor foreground; // invalid: the palette's text colour
    bool bold = false;
};

LineStyle styleFor(DiffView::LineKind kind, bool darkBase)
{
    using Kind = DiffView::LineKind;
    switch (kind) {
    case Kind::Added:
        return {darkBase ? QColor(0x1f, 0x3d, 0x2a) : QColor(0xe6, 0xff, 0xec),
                darkBase ? QColor(0x9c, 0xe6, 0xb0) : QColor(0x11, 0x63, 0x29)};
    case Kind::Removed:
        return {darkBase ? QColor(0x4b, 0x22, 0x26) : QColor(0xff, 0xeb, 0xe9),
                darkBase ? QColor(0xff, 0xb3, 0xb0) : QColor(0x9a, 0x1c, 0x1c)};
    case Kind::Hunk:
        return {darkBase ? QColor(0x1d, 0x2b, 0x45) : QColor(0xdd, 0xf4, 0xff),
                darkBase ? QColor(0x9c, 0xc8, 0xff) : QColor(0x0a, 0x4c, 0x9a)};
    case Kind::FileHeader:
        return {{}, {}, true};
    case Kind::Note:
        return {{}, darkBase ? QColor(0xaa, 0xaa, 0xaa) : QColor(0x66, 0x66, 0x66)};
    case Kind::Context:
        break;
    }
    return {};
}

// The changed words, a stronger shade of their line's colour.
QColor wordColour(DiffView::LineKind kind, bool darkBase)
{
    if (kind == DiffView::LineKind::Added)
        return darkBase ? QColor(0x2b, 0x6e, 0x3f) : QColor(0xab, 0xf2, 0xbc);
    return darkBase ? QColor(0x8a, 0x30, 0x36) : QColor(0xff, 0xc1, 0xbd);
}

// A byte offset of a UTF-8 line as a position in its UTF-16 text.
int characterOffset(const QByteArray &utf8, std::size_t byteOffset)
{
    const auto bytes = static_cast<qsizetype>(std::min<std::size_t>(byteOffset, utf8.size()));
    return static_cast<int>(QString::fromUtf8(utf8.constData(), bytes).size());
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

DiffView::LineKind DiffView::kindOf(QStringView line, int lineNumber)
{
    // Only the first two lines can be file headers: further down, "--- x" is a removed line.
    if (lineNumber < 2 && (line.startsWith(u"+++ ") || line.startsWith(u"--- ")))
        return LineKind::FileHeader;
    if (line.startsWith(u"@@"))
        return LineKind::Hunk;
    if (line.startsWith(u'+'))
        return LineKind::Added;
    if (line.startsWith(u'-'))
        return LineKind::Removed;
    if (line.startsWith(u'\\'))
        return LineKind::Note;
    return LineKind::Context;
}

void DiffView::setDiff(const QString &diff, const std::vector<DiffLineMarks> &marks)
{
    if (diff == toPlainText())
        return;
    setPlainText(diff);
    colourLines();
    markWords(marks);
}

QList<std::pair<int, int>> DiffView::wordMarks(int line) const
{
    return m_wordMarks.value(line);
}

DiffView::LineKind DiffView::lineKind(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line);
    return block.isValid() ? kindOf(block.text(), line) : LineKind::Context;
}

void DiffView::colourLines()
{
    const bool darkBase = palette().color(QPalette::Base).lightnessF() < 0.5;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const LineStyle style = styleFor(kindOf(block.text(), block.blockNumber()), darkBase);
        if (!style.background.isValid() && !style.foreground.isValid() && !style.bold)
            continue;
        cursor.setPosition(block.position());
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        QTextBlockFormat blockFormat;
        if (style.background.isValid())
            blockFormat.setBackground(style.background);
        cursor.mergeBlockFormat(blockFormat);
        QTextCharFormat charFormat;
        if (style.foreground.isValid())
            charFormat.setForeground(style.foreground);
        if (style.bold)
            charFormat.setFontWeight(QFont::Bold);
        cursor.mergeCharFormat(charFormat);
    }
    cursor.endEditBlock();
}

void DiffView::markWords(const std::vector<DiffLineMarks> &marks)
{
    m_wordMarks.clear();
    const bool darkBase = palette().color(QPalette::Base).lightnessF() < 0.5;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (const DiffLineMarks &mark : marks) {
        const QTextBlock block = document()->findBlockByNumber(static_cast<int>(mark.line));
        const LineKind kind =
            block.isValid() ? kindOf(block.text(), block.blockNumber()) : LineKind::Context;
        if (kind != LineKind::Added && kind != LineKind::Removed)
            continue; // marks of another text
        const QByteArray utf8 = block.text().toUtf8();
        QTextCharFormat format;
        format.setBackground(wordColour(kind, darkBase));
        for (const ByteRange &range : mark.ranges) {
            const int begin = characterOffset(utf8, range.begin);
            const int end = characterOffset(utf8, range.end);
            if (end <= begin)
                continue;
            cursor.setPosition(block.position() + begin);
            cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(format);
            m_wordMarks[block.blockNumber()].append({begin, end});
        }
    }
    cursor.endEditBlock();
}

} // namespace studio
