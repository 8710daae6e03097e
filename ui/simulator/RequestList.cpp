#include "RequestList.h"

#include "RequestListModel.h"
#include "simulation/payload/AppUrls.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace studio {

RequestList::RequestList(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(tr("Requests appear here as they go out."), this))
    , m_model(new RequestListModel(this))
    , m_view(new QTableView(this))
{
    m_summary->setObjectName(QStringLiteral("simulatorSummary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(1); // the URL is cut, never widening the window
    m_view->setObjectName(QStringLiteral("simulatorRequests"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setMinimumHeight(60);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(RequestListModel::Number, digit * 5);
    m_view->setColumnWidth(RequestListModel::Label, digit * 17);
    m_view->setColumnWidth(RequestListModel::Status, digit * 9);
    m_view->setColumnWidth(RequestListModel::Latency, digit * 9);
    m_view->setColumnWidth(RequestListModel::Verdict, digit * 12);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
}

QString RequestList::summary() const
{
    return m_summary->text();
}

void RequestList::begin(const SimulationPlan &plan)
{
    m_model->clear();
    if (plan.trigger == AppTrigger::AudioBytes) {
        m_summary->setText(tr("Streaming %1 chunks of audio, latest wins, to %2")
                               .arg(plan.requestCount())
                               .arg(AppUrls::audioBytes(plan.webhookUrl, plan.sampleRate, plan.uid)));
        return;
    }
    m_summary->setText(tr("%1 to %2")
                           .arg(plan.trigger == AppTrigger::MemoryCreation
                                    ? tr("Sending the memory")
                                    : tr("Replaying %1 batches").arg(plan.requestCount()),
                                AppUrls::webhook(plan.webhookUrl, plan.uid)));
}

void RequestList::addSent(int batch, const QString &label)
{
    m_model->addSent(batch, label);
    m_view->scrollToBottom();
}

void RequestList::addSkipped(int batch, const QString &label, const QString &reason)
{
    m_model->addSkipped(batch, label, reason);
}

void RequestList::addRecord(const RunRecord &record)
{
    m_model->addRecord(record);
}

void RequestList::finish(const RunSummary &summary)
{
    m_summary->setText(describe(summary));
}

QString RequestList::describe(const RunSummary &summary)
{
    const auto count = [](int n, const QString &one, const QString &many) {
        return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
    };
    QStringList parts{count(summary.count, tr("request"), tr("requests")),
                      count(summary.notifications, tr("notification"), tr("notifications")),
                      tr("%1 failed").arg(summary.errors)};
    if (summary.notSent > 0)
        parts << tr("%1 not sent").arg(summary.notSent); // why: in each row (breaker, latest wins)
    if (summary.invalidAnswers > 0)
        parts << count(summary.invalidAnswers, tr("unusable answer"), tr("unusable answers"));
    if (summary.p50Ms)
        parts << tr("p50 %1 ms").arg(*summary.p50Ms, 0, 'f', 0);
    if (summary.p95Ms)
        parts << tr("p95 %1 ms").arg(*summary.p95Ms, 0, 'f', 0);
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace studio
