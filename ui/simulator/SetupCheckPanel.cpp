#include "SetupCheckPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace studio {

SetupCheckPanel::SetupCheckPanel(QWidget *parent)
    : QWidget(parent)
    , m_request(new QLabel(this))
    , m_check(new QPushButton(tr("Check Setup"), this))
    , m_verdict(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_links(new QLabel(this))
{
    m_request->setObjectName(QStringLiteral("setupRequest"));
    m_request->setWordWrap(true);
    m_request->setTextFormat(Qt::RichText);
    m_request->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_check->setObjectName(QStringLiteral("setupCheck"));
    m_check->setToolTip(tr("Ask the plugin whether the user finished its setup, as the app "
                           "does before enabling it (Ctrl+Shift+Return)"));
    m_verdict->setObjectName(QStringLiteral("setupVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_detail->setObjectName(QStringLiteral("setupDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_links->setObjectName(QStringLiteral("authLinks"));
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_links, &QLabel::linkActivated, this, &SetupCheckPanel::linkActivated);
    connect(m_check, &QPushButton::clicked, this, &SetupCheckPanel::checkRequested);

    // Long URLs wrap or are cut; they never widen the window.
    for (QLabel *label : {m_request, m_verdict, m_detail, m_links}) {
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->setMinimumWidth(1);
    }

    auto *row = new QHBoxLayout;
    row->addWidget(m_check);
    row->addWidget(m_verdict, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_request);
    layout->addLayout(row);
    layout->addWidget(m_detail);
    layout->addSpacing(8);
    layout->addWidget(m_links);
    layout->addStretch(1);
}

void SetupCheckPanel::setSetup(const QString &setupUrl, const QString &checkUrl,
                               const QList<SimulationController::AuthLink> &links)
{
    m_check->setEnabled(!setupUrl.isEmpty());
    m_verdict->clear();
    m_detail->clear();
    m_request->setText(setupUrl.isEmpty()
                           ? tr("The manifest has no setup_completed_url: the plugin needs no "
                                "setup and the app enables it at once.")
                           : tr("Before enabling the plugin, and while the user sets it up, the "
                                "app asks: <b>GET</b> %1<br>It enables the plugin only on status "
                                "200 with <code>{\"is_setup_completed\": true}</code>.")
                                 .arg(checkUrl.toHtmlEscaped()));
    if (links.isEmpty()) {
        m_links->setText(tr("No auth steps: the app shows no setup buttons."));
        return;
    }
    QString html = tr("<b>Auth steps</b>, as the app opens them (uid appended):");
    for (const SimulationController::AuthLink &link : links)
        html +=
            QStringLiteral("<br>\u2022 %1: <a href=\"%2\">%3</a>")
                .arg(link.name.toHtmlEscaped(), link.url.toHtmlEscaped(), link.url.toHtmlEscaped());
    m_links->setText(html);
}

void SetupCheckPanel::setChecking()
{
    m_verdict->setText(tr("Checking..."));
    m_detail->clear();
}

void SetupCheckPanel::showVerdict(const RunRecord &record, const SetupVerdict &verdict)
{
    const QColor colour = verdict.ready ? QColor(0x2e, 0x9d, 0x4f) : QColor(0xd9, 0x36, 0x36);
    m_verdict->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_verdict->setText(verdict.ready ? tr("\u2713 Setup completed: the app enables the plugin.")
                                     : tr("\u2717 %1").arg(verdict.reason));
    QString detail;
    if (record.result.succeeded()) {
        detail = tr("Status %1").arg(record.result.status);
        if (const auto latency = record.latencyMs())
            detail += tr(", %1 ms").arg(*latency, 0, 'f', 0);
        const QByteArray body = record.result.body.left(300);
        if (!body.isEmpty())
            detail += tr("; answered: %1").arg(QString::fromUtf8(body));
    } else {
        detail = record.result.errorMessage;
    }
    m_detail->setText(detail);
}

QString SetupCheckPanel::verdictText() const
{
    return m_verdict->text();
}

QString SetupCheckPanel::linksText() const
{
    return m_links->text();
}

} // namespace studio
