#include "DiagnosticMarks.h"

#include <QEvent>
#include <QFontMetrics>
#include <QToolTip>

#include <map>

namespace studio {

namespace {

constexpr int kErrorMarker = 20;
constexpr int kWarningMarker = 21;
constexpr int kInfoMarker = 22;
constexpr int kFixMarker = 23;
constexpr int kSymbolMargin = 1;

int indicatorFor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return DiagnosticMarks::kErrorIndicator;
    case Severity::Warning:
        return DiagnosticMarks::kWarningIndicator;
    case Severity::Info:
        return DiagnosticMarks::kInfoIndicator;
    }
    return DiagnosticMarks::kInfoIndicator;
}

int markerFor(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return kErrorMarker;
    case Severity::Warning:
        return kWarningMarker;
    case Severity::Info:
        return kInfoMarker;
    }
    return kInfoMarker;
}

QString describe(const Diagnostic &diagnostic)
{
    return QString::fromUtf8(diagnostic.code().data(),
                             static_cast<qsizetype>(diagnostic.code().size())) +
           u' ' + QString::fromStdString(diagnostic.message);
}

// Scintilla does not wrap annotations: long messages are broken at spaces to fit.
QString wrapped(const QString &message, int columns)
{
    QStringList lines;
    QString line;
    const auto words = message.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > columns) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    lines << line;
    return lines.join(u'\n');
}

// A zero-length span still gets one character to underline.
std::size_t visibleEnd(const Diagnostic &diagnostic)
{
    return std::max(diagnostic.span.end, diagnostic.span.begin + 1);
}

} // namespace

DiagnosticMarks::DiagnosticMarks(QsciScintilla *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_palette(EditorPalette::light())
{
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETMOUSEDWELLTIME, 400UL);
    m_editor->setAnnotationDisplay(QsciScintilla::AnnotationIndented);
    m_editor->markerDefine(QsciScintilla::Circle, kErrorMarker);
    m_editor->markerDefine(QsciScintilla::Circle, kWarningMarker);
    m_editor->markerDefine(QsciScintilla::Circle, kInfoMarker);
    // The symbol margin shows only these markers, not the fold markers.
    m_editor->setMarginMarkerMask(kSymbolMargin, (1 << kErrorMarker) | (1 << kWarningMarker) |
                                                     (1 << kInfoMarker) | (1 << kFixMarker));
    connect(m_editor, &QsciScintilla::marginClicked, this,
            [this](int margin, int line, Qt::KeyboardModifiers) {
                if (margin != kSymbolMargin)
                    return;
                if (const Diagnostic *diagnostic = fixOnLine(line))
                    emit fixRequested(Diagnostic(*diagnostic)); // a copy: the fix revalidates
            });
    connect(m_editor, &QsciScintillaBase::SCN_DWELLSTART, this, &DiagnosticMarks::showTooltip);
    connect(m_editor, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
    m_editor->viewport()->installEventFilter(this);
    applyPalette(m_palette);
}

bool DiagnosticMarks::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && annotationColumns(0) != m_wrappedColumns)
        redraw(); // the annotations wrap to the new width
    return QObject::eventFilter(watched, event);
}

int DiagnosticMarks::annotationColumns(int indentation) const
{
    QFont font = m_editor->font();
    font.setItalic(true);
    const int charWidth = std::max(1, QFontMetrics(font).horizontalAdvance(u'x'));
    // The margins are drawn inside the viewport, left of the text.
    int textWidth = m_editor->viewport()->width();
    for (int margin = 0; margin < m_editor->margins(); ++margin)
        textWidth -= m_editor->marginWidth(margin);
    constexpr int kMinimumColumns = 30;
    return std::max(kMinimumColumns, textWidth / charWidth - indentation - 2);
}

void DiagnosticMarks::setDiagnostics(std::vector<Diagnostic> diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    redraw();
}

void DiagnosticMarks::setAnnotationsVisible(bool visible)
{
    m_annotationsVisible = visible;
    redraw();
}

void DiagnosticMarks::applyPalette(const EditorPalette &palette)
{
    m_palette = palette;
    const struct
    {
        int indicator;
        int marker;
        QColor color;
        QsciStyle *style;
        const char *name;
    } kinds[] = {
        {kErrorIndicator, kErrorMarker, palette.errorMark, &m_errorStyle, "error"},
        {kWarningIndicator, kWarningMarker, palette.warningMark, &m_warningStyle, "warning"},
        {kInfoIndicator, kInfoMarker, palette.infoMark, &m_infoStyle, "info"},
    };
    QFont font = m_editor->font();
    font.setItalic(true);
    for (const auto &kind : kinds) {
        const auto indicator = static_cast<unsigned long>(kind.indicator);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICSETSTYLE, indicator,
                                static_cast<long>(QsciScintillaBase::INDIC_SQUIGGLEPIXMAP));
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICSETFORE, indicator, kind.color);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICSETUNDER, indicator, 1L);
        m_editor->setMarkerBackgroundColor(kind.color, kind.marker);
        m_editor->setMarkerForegroundColor(kind.color, kind.marker);
        // The styles keep their numbers; only their colours follow the theme.
        kind.style->setDescription(QString::fromLatin1(kind.name));
        kind.style->setColor(kind.color);
        kind.style->setPaper(palette.annotationPaper);
        kind.style->setFont(font);
    }
    redraw();
}

void DiagnosticMarks::setFixMarker(const QImage &bulb)
{
    m_editor->markerDefine(bulb, kFixMarker);
    m_editor->setMarginSensitivity(kSymbolMargin, true);
    m_fixesShown = true;
    redraw();
}

const Diagnostic *DiagnosticMarks::fixOnLine(int line) const
{
    if (!m_fixesShown)
        return nullptr;
    const auto length =
        static_cast<std::size_t>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    for (const auto &diagnostic : m_diagnostics) {
        if (!diagnostic.fix || !isShown(diagnostic))
            continue;
        const auto begin = static_cast<unsigned long>(std::min(diagnostic.span.begin, length));
        if (m_editor->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, begin) == line)
            return &diagnostic;
    }
    return nullptr;
}

void DiagnosticMarks::setAllFilesShown(bool shown)
{
    m_allFilesShown = shown;
    redraw();
}

bool DiagnosticMarks::isShown(const Diagnostic &diagnostic) const
{
    return m_allFilesShown || diagnostic.file.empty();
}

QString DiagnosticMarks::messagesAt(std::size_t offset) const
{
    QStringList messages;
    for (const auto &diagnostic : m_diagnostics) {
        if (isShown(diagnostic) && diagnostic.span.begin <= offset &&
            offset < visibleEnd(diagnostic))
            messages << describe(diagnostic);
    }
    return messages.join(u'\n');
}

int DiagnosticMarks::indicatorAt(std::size_t offset) const
{
    for (const int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        if (m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT,
                                    static_cast<unsigned long>(indicator),
                                    static_cast<long>(offset)))
            return indicator;
    }
    return -1;
}

void DiagnosticMarks::redraw()
{
    const auto length =
        static_cast<std::size_t>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    for (const int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0UL,
                                static_cast<long>(length));
    }
    m_editor->markerDeleteAll(kErrorMarker);
    m_editor->markerDeleteAll(kWarningMarker);
    m_editor->markerDeleteAll(kInfoMarker);
    m_editor->markerDeleteAll(kFixMarker);
    m_editor->clearAnnotations();
    m_wrappedColumns = annotationColumns(0);

    // Lines keep their worst severity and every message, in document order.
    std::map<int, std::pair<Severity, QStringList>> lines;
    for (const auto &diagnostic : m_diagnostics) {
        if (!isShown(diagnostic))
            continue; // about another file: its span is not in this text
        const std::size_t begin = std::min(diagnostic.span.begin, length);
        const std::size_t end = std::min(visibleEnd(diagnostic), length);
        if (end > begin) {
            m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT,
                                    indicatorFor(diagnostic.severity()));
            m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE,
                                    static_cast<unsigned long>(begin),
                                    static_cast<long>(end - begin));
        }
        const int line = static_cast<int>(m_editor->SendScintilla(
            QsciScintillaBase::SCI_LINEFROMPOSITION, static_cast<unsigned long>(begin)));
        auto [it, inserted] = lines.try_emplace(line, diagnostic.severity(), QStringList());
        if (!inserted)
            it->second.first = std::min(it->second.first, diagnostic.severity());
        it->second.second << describe(diagnostic);
    }
    for (const auto &[line, marks] : lines) {
        m_editor->markerAdd(line, fixOnLine(line) ? kFixMarker : markerFor(marks.first));
        if (!m_annotationsVisible)
            continue;
        const QsciStyle &style = marks.first == Severity::Error     ? m_errorStyle
                                 : marks.first == Severity::Warning ? m_warningStyle
                                                                    : m_infoStyle;
        const int columns = annotationColumns(m_editor->indentation(line));
        QStringList messages;
        for (const QString &message : marks.second)
            messages << wrapped(message, columns);
        m_editor->annotate(line, messages.join(u'\n'), style);
    }
}

void DiagnosticMarks::showTooltip(int position, int x, int y)
{
    if (position < 0)
        return;
    QString messages = messagesAt(static_cast<std::size_t>(position));
    const int line = static_cast<int>(m_editor->SendScintilla(
        QsciScintillaBase::SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
    if (const Diagnostic *fixable = fixOnLine(line); fixable && !messages.isEmpty())
        messages += tr("\nFix: %1 (click the light bulb in the margin)")
                        .arg(QString::fromStdString(fixable->fix->title));
    if (!messages.isEmpty())
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)), messages, m_editor);
}

} // namespace studio
