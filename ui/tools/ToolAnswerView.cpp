#include "ToolAnswerView.h"

#include "runview/BodyView.h"
#include "runview/HeaderTable.h"
#include "runview/RunFormat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// A request or a response: its first line, its headers above its body.
QWidget *exchangePane(QLabel *line, HeaderTable *headers, BodyView *body)
{
    auto *pane = new QWidget;
    line->setWordWrap(true);
    line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *splitter = new QSplitter(Qt::Vertical, pane);
    splitter->addWidget(headers);
    splitter->addWidget(body);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(line);
    layout->addWidget(splitter, 1);
    return pane;
}

} // namespace

ToolAnswerView::ToolAnswerView(QWidget *parent)
    : QWidget(parent)
    , m_caller(new QLabel(this))
    , m_kind(new QLabel(this))
    , m_bubble(new QLabel(this))
    , m_status(new QLabel(this))
    , m_exchange(new QTabWidget(this))
    , m_requestLine(new QLabel)
    , m_requestHeaders(new HeaderTable)
    , m_requestBody(new BodyView)
    , m_responseLine(new QLabel)
    , m_responseHeaders(new HeaderTable)
    , m_responseBody(new BodyView)
{
    m_bubble->setObjectName(QStringLiteral("toolAnswerBubble"));
    m_bubble->setWordWrap(true);
    m_bubble->setTextFormat(Qt::PlainText);
    m_bubble->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bubble->setMargin(10);
    m_bubble->setMinimumHeight(m_bubble->fontMetrics().lineSpacing() + 20);
    m_caller->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *head = new QHBoxLayout;
    head->addWidget(m_caller, 1);
    head->addWidget(m_kind);

    m_exchange->setDocumentMode(true);
    m_exchange->addTab(exchangePane(m_requestLine, m_requestHeaders, m_requestBody), tr("Request"));
    m_exchange->addTab(exchangePane(m_responseLine, m_responseHeaders, m_responseBody),
                       tr("Response"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_bubble);
    layout->addWidget(m_status);
    layout->addWidget(m_exchange, 1);
    applyBubbleStyle();
    clear();
}

void ToolAnswerView::clear()
{
    m_failed = false;
    m_caller->setText(tr("The assistant receives"));
    m_kind->clear();
    m_bubble->setText(tr("Call a tool: its answer shows here as the chat model receives it."));
    m_bubble->setEnabled(false);
    m_status->clear();
    m_requestLine->clear();
    m_requestHeaders->setHeaders({});
    m_requestBody->clear();
    m_responseLine->clear();
    m_responseHeaders->setHeaders({});
    m_responseBody->clear();
    applyBubbleStyle();
}

void ToolAnswerView::setOutcome(const ToolCallOutcome &outcome)
{
    using Kind = chat_tool_call::ToolAnswer::Kind;
    const chat_tool_call::ToolAnswer &answer = outcome.answer;
    m_failed = answer.kind == Kind::Error || answer.kind == Kind::Unavailable ||
               answer.kind == Kind::Failed;
    const QString name =
        QString::fromStdString(outcome.tool.assistantName(outcome.info.pluginId.toStdString()));
    m_caller->setText(tr("<b>%1</b> answered; the assistant receives:").arg(name.toHtmlEscaped()));
    m_kind->setText(chat_tool_call::kindName(answer.kind));
    m_bubble->setEnabled(true);
    m_bubble->setText(answer.text.isEmpty() ? tr("(nothing: an empty answer)") : answer.text);

    const HttpResult &result = outcome.result;
    if (result.status > 0) {
        const QString statusLine = result.statusLine.isEmpty()
                                       ? QStringLiteral("HTTP %1").arg(result.status)
                                       : QString::fromLatin1(result.statusLine);
        m_status->setText(tr("%1 in %2, %3")
                              .arg(statusLine, runformat::duration(result.timings.totalMs),
                                   runformat::byteSize(result.bodyBytesReceived)));
    } else
        m_status->setText(chat_tool_call::failureText(result));

    const HttpRequest &request = result.request;
    m_requestLine->setText(QString::fromLatin1(request.method) + u' ' + request.url);
    m_requestHeaders->setHeaders(result.requestHeaders.isEmpty() ? request.headers
                                                                 : result.requestHeaders);
    m_requestBody->setBody(request.body);
    m_responseLine->setText(result.status > 0 ? QString::fromLatin1(result.statusLine)
                                              : chat_tool_call::failureText(result));
    m_responseHeaders->setHeaders(result.responseHeaders);
    m_responseBody->setBody(result.body);
    applyBubbleStyle();
}

QString ToolAnswerView::assistantText() const
{
    return m_bubble->isEnabled() ? m_bubble->text() : QString();
}

QString ToolAnswerView::kindText() const
{
    return m_kind->text();
}

QString ToolAnswerView::statusText() const
{
    return m_status->text();
}

void ToolAnswerView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyBubbleStyle();
}

// A chat bubble: rounded, tinted by the theme; an answer that carries no result is tinted
// as a warning.
void ToolAnswerView::applyBubbleStyle()
{
    const bool dark = isDark(palette());
    const QColor fill = m_failed ? (dark ? QColor(0x4a, 0x2c, 0x2a) : QColor(0xfb, 0xe9, 0xe7))
                                 : (dark ? QColor(0x2a, 0x36, 0x47) : QColor(0xe8, 0xf0, 0xfb));
    const QColor ink = palette().color(m_bubble->isEnabled() ? QPalette::Active : QPalette::Disabled,
                                       QPalette::WindowText);
    m_bubble->setStyleSheet(
        QStringLiteral("QLabel#toolAnswerBubble { background-color: %1; color: %2; "
                       "border-radius: 12px; }")
            .arg(fill.name(), ink.name()));
    const QColor tag = m_failed ? QColor(0xd0, 0x3a, 0x2f) : QColor(0x2e, 0x8b, 0x57);
    m_kind->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: 600; }").arg(tag.name()));
}

} // namespace studio
