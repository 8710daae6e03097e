#include "BodyView.h"

#include "RecordOutcome.h"
#include "RunFormat.h"
#include "editor/EditorPalette.h"
#include "editor/JsonEditor.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

constexpr qsizetype kSliceBytes = 256 * 1024;
constexpr qint64 kSliceBudgetMs = 8; // per turn of the event loop

qsizetype sliceEnd(const QByteArray &text, qsizetype from)
{
    qsizetype end = std::min(text.size(), from + kSliceBytes);
    while (end < text.size() && end > from &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return end;
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
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_status);
    layout->addWidget(m_editor, 1);

    m_feedTimer.setInterval(0);
    m_feedTimer.setSingleShot(false);
    connect(&m_feedTimer, &QTimer::timeout, this, &BodyView::feedSlice);
    connect(&m_watcher, &QFutureWatcher<FormattedBody>::finished, this, &BodyView::onFormatted);
    applyPalette();
    setBody({});
}

BodyView::~BodyView() = default;

void BodyView::setBody(const QByteArray &body)
{
    const int revision = ++m_revision;
    m_feedTimer.stop();
    if (body.size() <= kImmediateBytes) {
        FormattedBody formatted = BodyFormatter::format(body);
        formatted.revision = revision;
        m_loading = false;
        show(formatted);
        return;
    }
    FormattedBody preview = BodyFormatter::preview(body);
    preview.revision = revision;
    m_loading = true;
    show(preview);
    m_watcher.setFuture(QtConcurrent::run([body, revision] {
        FormattedBody formatted = BodyFormatter::format(body);
        formatted.revision = revision;
        return formatted;
    }));
}

void BodyView::onFormatted()
{
    const FormattedBody formatted = m_watcher.result();
    if (formatted.revision != m_revision)
        return; // another body was set meanwhile
    show(formatted);
}

void BodyView::show(const FormattedBody &formatted)
{
    m_shown = formatted;
    m_fed = 0;
    m_editor->setReadOnly(false);
    m_editor->SendScintilla(QsciScintillaBase::SCI_CLEARALL);
    useLexer(formatted.json);
    m_editor->setWrapMode(formatted.text.size() > kWrapLimitBytes ? QsciScintilla::WrapNone
                                                                  : QsciScintilla::WrapWord);
    if (formatted.text.size() <= kSliceBytes) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_APPENDTEXT,
                                static_cast<unsigned long>(formatted.text.size()),
                                formatted.text.constData());
        m_fed = formatted.text.size();
        finishLoading();
        return;
    }
    m_loading = true;
    updateStatus();
    feedSlice();
    if (m_loading)
        m_feedTimer.start();
}

void BodyView::feedSlice()
{
    QElapsedTimer budget;
    budget.start();
    const QByteArray &text = m_shown.text;
    while (m_fed < text.size() && budget.elapsed() < kSliceBudgetMs) {
        const qsizetype end = sliceEnd(text, m_fed);
        m_editor->SendScintilla(QsciScintillaBase::SCI_APPENDTEXT,
                                static_cast<unsigned long>(end - m_fed), text.constData() + m_fed);
        m_fed = end;
    }
    if (m_fed >= text.size()) {
        m_feedTimer.stop();
        finishLoading();
    } else {
        updateStatus();
    }
}

void BodyView::finishLoading()
{
    m_editor->setReadOnly(true);
    m_editor->SendScintilla(QsciScintillaBase::SCI_DOCUMENTSTART);
    // A preview is followed by the worker's result; only the whole body ends the loading.
    const bool waitingForWorker = !m_shown.complete;
    m_loading = waitingForWorker;
    updateStatus();
    if (!waitingForWorker)
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
    if (m_shown.complete && m_loading)
        parts.append(
            tr("loading %1%…")
                .arg(m_shown.text.isEmpty() ? 100 : int(100 * m_fed / m_shown.text.size())));
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
