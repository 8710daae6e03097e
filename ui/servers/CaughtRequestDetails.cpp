#include "CaughtRequestDetails.h"

#include "listen/CaughtRequest.h"
#include "runview/BodyView.h"
#include "runview/HeaderTable.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

namespace studio {

namespace {

QString sizeText(qsizetype bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

CaughtRequestDetails::CaughtRequestDetails(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_body(new BodyView(m_tabs))
    , m_headers(new HeaderTable(m_tabs))
{
    setObjectName(QStringLiteral("caughtRequestDetails"));
    m_summary->setObjectName(QStringLiteral("caughtRequestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    clear();
}

void CaughtRequestDetails::setRequest(const CaughtRequest &caught, qsizetype bodyBytes)
{
    const HttpServerRequest &request = caught.request;
    QStringList lines;
    lines << QStringLiteral("%1 %2 %3")
                 .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.target),
                      QString::fromLatin1(request.version));
    lines << tr("From %1 at %2, answered %3; %4 of body.")
                 .arg(request.peer,
                      request.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")),
                      request.answerStatus > 0 ? QString::number(request.answerStatus)
                                               : tr("nothing"),
                      sizeText(bodyBytes));
    if (bodyBytes > request.body.size())
        lines << tr("Shown: the first %1; the whole body went into %2.")
                     .arg(sizeText(request.body.size()),
                          caught.fixture.isEmpty() ? tr("no file")
                                                   : QDir::toNativeSeparators(caught.fixture));
    m_summary->setText(lines.join(u'\n'));
    m_headers->setHeaders(request.headers);
    m_tabs->setTabText(m_tabs->indexOf(m_headers), tr("Headers (%1)").arg(request.headers.size()));
    m_body->setBody(request.body);
}

void CaughtRequestDetails::clear()
{
    m_summary->setText(tr("Select a request to see it as it came."));
    m_headers->setHeaders({});
    m_tabs->setTabText(m_tabs->indexOf(m_headers), tr("Headers"));
    m_body->clear();
}

QString CaughtRequestDetails::summaryText() const
{
    return m_summary->text();
}

} // namespace studio
