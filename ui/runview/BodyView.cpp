#include "BodyView.h"

#include "RecordOutcome.h"
#include "RunFormat.h"
#include "editor/EditorPalette.h"
#include "editor/JsonEditor.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>
#include <Qsci/qscilexer.h>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

constexpr qsizetype kLoadChunkBytes = 1024 * 1024;

// Scintilla lays out wrapped lines as the text arrives: tens of milliseconds for a 64 KB
// preview of long lines. Past a few pages of text the view scrolls sideways instead.
QsciScintilla::WrapMode wrapModeFor(qsizetype bytes)
{
    return bytes > BodyView::kWrapLimitBytes ? QsciScintilla::WrapNone : QsciScintilla::WrapWord;
}

void *currentDocument(const QsciScintillaBase &editor)
{
    return reinterpret_cast<void *>(
        static_cast<std::intptr_t>(editor.SendScintilla(QsciScintillaBase::SCI_GETDOCPOINTER)));
}

} // namespace

BodyView::BodyView(QWidget *parent)
    : QWidget(parent)
    , m_editor(new JsonEditor(this))
    , m_status(new QLabel(this))
{
    m_jsonLexer = m_editor->lexer();
    m_editor->setReadOnly(true);
    m_editor->setCaretLineVisible(false);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETIDLESTYLING,
                            static_cast<unsigned long>(QsciScintillaBase::SC_IDLESTYLING_ALL));
    // Our own reference: the editor lets go of this document while it shows a large one.
    m_homeDocument = currentDocument(*m_editor);
    m_editor->SendScintilla(QsciScintillaBase::SCI_ADDREFDOCUMENT, 0UL, m_homeDocument);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_status);
    layout->addWidget(m_editor, 1);

    connect(&m_watcher, &QFutureWatcher<LoadedBody>::finished, this, &BodyView::onLoaded);
    applyPalette();
    setBody({});
}

BodyView::~BodyView()
{
    if (m_watcher.isRunning()) {
        // Whatever the worker still loads is nobody's now.
        m_watcher.future().then([](LoadedBody body) { body.document.release(); });
    }
    returnHome();
    m_editor->SendScintilla(QsciScintillaBase::SCI_RELEASEDOCUMENT, 0UL, m_homeDocument);
}

void BodyView::setBody(const QByteArray &body)
{
    const int revision = ++m_revision;
    if (body.size() <= kImmediateBytes) {
        FormattedBody formatted = BodyFormatter::format(body);
        formatted.revision = revision;
        m_loading = false;
        showInHomeDocument(formatted);
        finishLoading();
        return;
    }
    FormattedBody preview = BodyFormatter::preview(body);
    preview.revision = revision;
    m_loading = true;
    showInHomeDocument(preview);
    finishLoading();
    ScintillaLoader loader = ScintillaLoader::create(*m_editor);
    m_watcher.setFuture(QtConcurrent::run([body, revision, loader]() mutable {
        LoadedBody loaded{BodyFormatter::format(body), loader};
        loaded.formatted.revision = revision;
        const QByteArray &text = loaded.formatted.text;
        for (qsizetype at = 0; at < text.size(); at += kLoadChunkBytes)
            loaded.document.addData(text.constData() + at,
                                    std::min(kLoadChunkBytes, text.size() - at));
        loaded.document.finish();
        return loaded;
    }));
}

void BodyView::onLoaded()
{
    LoadedBody loaded = m_watcher.result();
    if (loaded.formatted.revision != m_revision) {
        loaded.document.release(); // another body was set meanwhile
        return;
    }
    // Empty the small document first, so setting its lexer costs nothing, then switch.
    m_editor->setReadOnly(false);
    m_editor->SendScintilla(QsciScintillaBase::SCI_CLEARALL);
    useLexer(loaded.formatted.json);
    // Before the switch: wrapping is laid out for the whole document at once.
    m_editor->setWrapMode(wrapModeFor(loaded.formatted.text.size()));
    loaded.document.adopt(*m_editor);
    if (loaded.formatted.json)
        applyJsonLexerToDocument();
    loaded.formatted.text.clear(); // the document has it now
    m_shown = loaded.formatted;
    m_loading = false;
    finishLoading();
}

void BodyView::showInHomeDocument(const FormattedBody &formatted)
{
    returnHome();
    m_shown = formatted;
    m_editor->setReadOnly(false);
    m_editor->SendScintilla(QsciScintillaBase::SCI_CLEARALL);
    useLexer(formatted.json);
    m_editor->setWrapMode(wrapModeFor(formatted.text.size()));
    m_editor->SendScintilla(QsciScintillaBase::SCI_APPENDTEXT,
                            static_cast<unsigned long>(formatted.text.size()),
                            formatted.text.constData());
}

void BodyView::returnHome()
{
    if (currentDocument(*m_editor) == m_homeDocument)
        return;
    // The large document goes (the editor held its only reference); the home document
    // keeps its lexer, which QScintilla's idea of the lexer must match again.
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETDOCPOINTER, 0UL, m_homeDocument);
    m_editor->setReadOnly(false);
    m_editor->SendScintilla(QsciScintillaBase::SCI_CLEARALL);
    m_editor->setLexer(m_editor->lexer());
}

void BodyView::finishLoading()
{
    m_editor->setReadOnly(true);
    m_editor->SendScintilla(QsciScintillaBase::SCI_DOCUMENTSTART);
    updateStatus();
    if (!m_loading)
        emit loaded();
}

QString BodyView::text() const
{
    return m_editor->text();
}

void BodyView::useLexer(bool json)
{
    if (json) {
        if (m_editor->lexer() != m_jsonLexer)
            m_editor->setLexer(m_jsonLexer);
        return;
    }
    if (m_editor->lexer() == nullptr)
        return;
    // Plain text: no JSON colouring of whatever the server sent.
    m_editor->setLexer(nullptr);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    applyPalette();
}

void BodyView::applyJsonLexerToDocument()
{
    // What QsciScintilla::setLexer does for a document, without its final colouring of the
    // whole text (most of a second for ten megabytes): Scintilla colours what is shown,
    // and the rest in idle time.
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETLEXERLANGUAGE, 0UL, m_jsonLexer->lexer());
    for (int set = 0; set < 9; ++set) {
        if (const char *words = m_jsonLexer->keywords(set + 1))
            m_editor->SendScintilla(QsciScintillaBase::SCI_SETKEYWORDS,
                                    static_cast<unsigned long>(set), words);
    }
    m_jsonLexer->refreshProperties();
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETPROPERTY, "fold", "1");
}

QString BodyView::statusText() const
{
    return m_status->text();
}

void BodyView::updateStatus()
{
    if (m_shown.sourceBytes == 0) {
        m_status->setText(tr("No body."));
        return;
    }
    QStringList parts;
    const QString size = runformat::byteSize(m_shown.sourceBytes);
    if (m_shown.complete)
        parts.append(m_shown.json ? tr("JSON, %1, indented for reading").arg(size)
                                  : tr("%1, as sent").arg(size));
    else
        parts.append(tr("%1: showing the first %2 while the whole body is prepared…")
                         .arg(size, runformat::byteSize(BodyFormatter::kPreviewBytes)));
    if (m_shown.linesBroken)
        parts.append(tr("lines over %1 characters are broken for display")
                         .arg(BodyFormatter::kMaxLineBytes));
    m_status->setText(parts.join(QStringLiteral("; ")));
}

void BodyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void BodyView::applyPalette()
{
    const EditorPalette colours =
        isDarkPalette(palette()) ? EditorPalette::dark() : EditorPalette::light();
    m_editor->applyPalette(colours);
    if (m_editor->lexer() == nullptr) {
        m_editor->setPaper(colours.paper);
        m_editor->setColor(colours.text);
    }
}

} // namespace studio
