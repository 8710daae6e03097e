#include "RequestInspector.h"

#include "BodyView.h"
#include "CurlCommand.h"
#include "HeaderTable.h"
#include "RunFormat.h"
#include "TimingWaterfall.h"
#include "VerdictBanner.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

namespace {

QString headerValue(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

QSplitter *headersAboveBody(HeaderTable *headers, BodyView *body, QWidget *parent)
{
    auto *splitter = new QSplitter(Qt::Vertical, parent);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(headers);
    splitter->addWidget(body);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    return splitter;
}

} // namespace

RequestInspector::RequestInspector(QWidget *parent)
    : QWidget(parent)
    , m_verdict(new VerdictBanner(this))
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(4);
    toolbar->addWidget(m_title, 1);
    m_copyCurl = makeAction(tr("Copy as curl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                            tr("A curl command that sends this request again"));
    m_copyBody = makeAction(tr("Copy Body"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                            tr("The body the app sent"));
    m_copyResponse = makeAction(tr("Copy Response"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                                tr("The answer: status line, headers and body"));
    m_resend = makeAction(tr("Resend"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                          tr("Send this request to the plugin again"));
    for (QAction *action : {m_copyCurl, m_copyBody, m_copyResponse, m_resend}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    }
    connect(m_copyCurl, &QAction::triggered, this, [this] {
        if (m_record)
            QGuiApplication::clipboard()->setText(CurlCommand::forResult(m_record->result));
    });
    connect(m_copyBody, &QAction::triggered, this, [this] {
        if (m_record)
            QGuiApplication::clipboard()->setText(QString::fromUtf8(m_record->result.request.body));
    });
    connect(m_copyResponse, &QAction::triggered, this, [this] {
        if (m_record)
            QGuiApplication::clipboard()->setText(responseText(m_record->result));
    });
    connect(m_resend, &QAction::triggered, this, [this] {
        if (m_record)
            emit resendRequested(*m_record);
    });

    m_tabs->addTab(buildRequestPane(), tr("Request"));
    m_tabs->addTab(buildResponsePane(), tr("Response"));
    m_tabs->addTab(buildTimingPane(), tr("Timing"));
    m_tabs->setDocumentMode(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(toolbar);
    layout->addWidget(m_verdict);
    layout->addWidget(m_tabs, 1);
    clear();
}

QAction *RequestInspector::makeAction(const QString &text, const QKeySequence &key,
                                      const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    QWidget::addAction(action);
    return action;
}

QWidget *RequestInspector::buildRequestPane()
{
    auto *pane = new QWidget(this);
    m_url = new QLineEdit(pane);
    m_url->setReadOnly(true);
    m_url->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_requestHeaders = new HeaderTable(pane);
    m_requestBody = new BodyView(pane);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_url);
    layout->addWidget(headersAboveBody(m_requestHeaders, m_requestBody, pane), 1);
    return pane;
}

QWidget *RequestInspector::buildResponsePane()
{
    auto *pane = new QWidget(this);
    m_status = new QLabel(pane);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_responseSummary = new QLabel(pane);
    m_responseSummary->setWordWrap(true);
    m_responseSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_responseHeaders = new HeaderTable(pane);
    m_responseBody = new BodyView(pane);
    auto *line = new QHBoxLayout;
    line->addWidget(m_status);
    line->addWidget(m_responseSummary, 1);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(line);
    layout->addWidget(headersAboveBody(m_responseHeaders, m_responseBody, pane), 1);
    return pane;
}

QWidget *RequestInspector::buildTimingPane()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *pane = new QWidget(scroll);
    m_waterfall = new TimingWaterfall(pane);
    m_timingNotes = new QLabel(pane);
    m_timingNotes->setWordWrap(true);
    m_timingNotes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timingNotes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 8, 4, 4);
    layout->addWidget(m_waterfall);
    layout->addWidget(m_timingNotes);
    layout->addStretch(1);
    scroll->setWidget(pane);
    return scroll;
}

void RequestInspector::clear()
{
    m_record.reset();
    m_title->setText(tr("No request selected"));
    m_verdict->clear();
    m_url->clear();
    m_requestHeaders->setHeaders({});
    m_requestBody->clear();
    m_status->clear();
    m_responseSummary->clear();
    m_responseHeaders->setHeaders({});
    m_responseBody->clear();
    m_waterfall->setTimings({}, false);
    m_timingNotes->clear();
    updateActions();
}

void RequestInspector::setRecord(const RunRecord &record)
{
    m_record = record;
    const HttpResult &result = record.result;
    m_title->setText(tr("#%1 %2").arg(record.index + 1).arg(record.label));
    m_verdict->setRecord(record);
    const QByteArray method =
        result.request.method.isEmpty() ? QByteArray("GET") : result.request.method;
    m_url->setText(QString::fromLatin1(method) + QLatin1Char(' ') + result.request.url);
    m_url->setCursorPosition(0);
    m_requestHeaders->setHeaders(result.requestHeaders.isEmpty() ? result.request.headers
                                                                 : result.requestHeaders);
    m_requestBody->setBody(result.request.body);
    showResponse(result);
    showTiming(record);
    updateActions();
}

void RequestInspector::showResponse(const HttpResult &result)
{
    if (result.status > 0) {
        m_status->setText(QString::fromLatin1(
            result.statusLine.isEmpty() ? QByteArray::number(result.status) : result.statusLine));
    } else {
        m_status->setText(tr("No answer"));
    }
    QStringList summary;
    if (result.status > 0) {
        summary.append(runformat::byteSize(result.body.size()));
        const QString type = headerValue(result.responseHeaders, "Content-Type");
        if (!type.isEmpty())
            summary.append(type);
    }
    if (result.truncated)
        summary.append(tr("cut at %1 of %2 received: the app reads no further")
                           .arg(runformat::byteSize(result.body.size()),
                                runformat::byteSize(result.bodyBytesReceived)));
    if (!result.errorMessage.isEmpty())
        summary.append(result.errorMessage);
    m_responseSummary->setText(summary.join(QStringLiteral(" · ")));
    m_responseHeaders->setHeaders(result.responseHeaders);
    m_responseBody->setBody(result.body);
}

void RequestInspector::showTiming(const RunRecord &record)
{
    const HttpResult &result = record.result;
    m_waterfall->setTimings(result.timings, result.status > 0);
    QStringList notes;
    notes.append(tr("Covers %1 – %2 of the conversation (%3).")
                     .arg(runformat::conversationTime(record.windowStart),
                          runformat::conversationTime(record.windowEnd),
                          runformat::counted(record.segmentCount, tr("segment"))));
    notes.append(tr("Due at %1 ms of the run, sent at %2 ms (%3 ms late); payload %4.")
                     .arg(record.scheduledMs)
                     .arg(record.sentMs)
                     .arg(record.schedulingErrorMs())
                     .arg(runformat::byteSize(record.payloadBytes)));
    if (!result.redirects.isEmpty()) {
        QStringList hops;
        for (const HttpRedirect &redirect : result.redirects)
            hops.append(QStringLiteral("%1 → %2").arg(redirect.status).arg(redirect.location));
        notes.append(tr("Redirects followed: %1; the answer came from %2 (%3).")
                         .arg(hops.join(QStringLiteral(", ")), result.finalUrl,
                              QString::fromLatin1(result.finalMethod)));
    } else {
        notes.append(tr("No redirects."));
    }
    m_timingNotes->setText(notes.join(QLatin1Char('\n')));
}

void RequestInspector::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

QString RequestInspector::urlText() const
{
    return m_url->text();
}

QString RequestInspector::statusText() const
{
    return m_status->text();
}

QString RequestInspector::responseSummaryText() const
{
    return m_responseSummary->text();
}

QString RequestInspector::responseText(const HttpResult &result)
{
    QString text = QString::fromLatin1(result.statusLine) + QLatin1Char('\n');
    for (const auto &[name, value] : result.responseHeaders)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) +
                QLatin1Char('\n');
    return text + QLatin1Char('\n') + QString::fromUtf8(result.body);
}

void RequestInspector::updateActions()
{
    const bool has = m_record.has_value();
    m_copyCurl->setEnabled(has);
    m_copyBody->setEnabled(has && !m_record->result.request.body.isEmpty());
    m_copyResponse->setEnabled(has && m_record->result.status > 0);
    m_resend->setEnabled(has);
}

} // namespace studio
