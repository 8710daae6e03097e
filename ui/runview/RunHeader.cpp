#include "RunHeader.h"

#include "RunFormat.h"
#include "preview/LogoAvatar.h"
#include "simulation/report/RunSummary.h"

#include <QHBoxLayout>
#include <QLabel>

namespace studio {

RunHeader::RunHeader(QWidget *parent)
    : QWidget(parent)
    , m_avatar(new LogoAvatar(28, this))
    , m_name(new QLabel(this))
    , m_summary(new QLabel(this))
{
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_name->setFont(bold);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(8);
    layout->addWidget(m_avatar);
    layout->addWidget(m_name);
    layout->addSpacing(8);
    layout->addWidget(m_summary, 1);
    setPluginName({});
    setSummary({});
}

void RunHeader::setPluginName(const QString &name)
{
    m_name->setText(name.isEmpty() ? tr("No plugin") : name);
}

void RunHeader::setLogo(const LogoImage &logo)
{
    m_avatar->setLogo(logo);
}

void RunHeader::setSummary(const RunSummary &summary)
{
    if (summary.count == 0) {
        m_summary->setText(tr("No requests yet."));
        return;
    }
    QStringList parts;
    parts.append(runformat::counted(summary.count, tr("request")));
    parts.append(runformat::counted(summary.notifications, tr("notification")));
    parts.append(tr("%1 failed").arg(summary.errors));
    if (summary.notSent > 0)
        parts.append(tr("%1 not sent").arg(summary.notSent));
    if (summary.invalidAnswers > 0)
        parts.append(runformat::counted(summary.invalidAnswers, tr("unusable answer")));
    if (summary.p50Ms)
        parts.append(tr("p50 %1 · p95 %2 · p99 %3")
                         .arg(runformat::duration(*summary.p50Ms),
                              runformat::duration(summary.p95Ms.value_or(0)),
                              runformat::duration(summary.p99Ms.value_or(0))));
    m_summary->setText(parts.join(QStringLiteral("  ·  ")));
}

QString RunHeader::summaryText() const
{
    return m_summary->text();
}

} // namespace studio
