#include "RunView.h"

#include "LatencyChart.h"
#include "NotificationPreview.h"
#include "RequestInspector.h"
#include "RunHeader.h"
#include "RunRecordModel.h"
#include "RunTimeline.h"
#include "preview/LogoImage.h"
#include "simulation/report/RunSummary.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace studio {

RunView::RunView(QWidget *parent)
    : QWidget(parent)
    , m_header(new RunHeader(this))
    , m_timeline(new RunTimeline(this))
    , m_chart(new LatencyChart(this))
    , m_model(new RunRecordModel(this))
    , m_table(new QTableView(this))
    , m_inspector(new RequestInspector(this))
    , m_preview(new NotificationPreview(this))
    , m_details(new QTabWidget(this))
    , m_vertical(new QSplitter(Qt::Vertical, this))
    , m_bottom(new QSplitter(Qt::Horizontal, this))
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setAccessibleName(tr("Requests"));
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(RunRecordModel::Label, QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&metrics](const QString &widest) {
        return metrics.horizontalAdvance(widest) + 16;
    };
    m_table->setColumnWidth(RunRecordModel::Number, fit(QStringLiteral("0000")));
    m_table->setColumnWidth(RunRecordModel::Status, fit(QStringLiteral("Status")));
    m_table->setColumnWidth(RunRecordModel::Latency, fit(QStringLiteral("000 ms")));
    m_table->setColumnWidth(RunRecordModel::Verdict, fit(QStringLiteral("notification")) + 20);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    select(current.row(), true);
            });

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addWidget(m_timeline);
    topLayout->addWidget(m_chart, 1);

    m_details->setDocumentMode(true);
    m_details->setTabBarAutoHide(true);
    m_details->addTab(m_inspector, tr("Inspector"));
    m_details->addTab(m_preview, tr("Phone Preview"));
    m_bottom->addWidget(m_table);
    m_bottom->addWidget(m_details);
    m_bottom->setChildrenCollapsible(false);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    m_vertical->addWidget(top);
    m_vertical->addWidget(m_bottom);
    m_vertical->setChildrenCollapsible(false);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_vertical, 1);

    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kBatchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &RunView::flushPending);
    connect(m_timeline, &RunTimeline::recordSelected, this,
            [this](int index) { select(index, false); });
    connect(m_chart, &LatencyChart::recordClicked, this,
            [this](int index) { select(index, false); });
    connect(m_preview, &NotificationPreview::recordActivated, this,
            [this](int index) { select(index, false); });
    connect(m_inspector, &RequestInspector::resendRequested, this, &RunView::resendRequested);
    connect(&m_logoWatcher, &QFutureWatcher<DecodedLogo>::finished, this, &RunView::onLogoDecoded);
    setPlugin({}, {});
}

RunView::~RunView() = default;

void RunView::clear()
{
    m_batchTimer.stop();
    m_pending.clear();
    m_selected = -1;
    m_model->clear();
    m_timeline->clear();
    m_chart->clear();
    m_preview->clear();
    m_inspector->clear();
    m_header->setSummary({});
}

void RunView::setPlugin(const QString &name, const QString &logoPath)
{
    m_pluginName = name;
    m_header->setPluginName(name);
    m_preview->setPlugin(name, {});
    m_logoPath = logoPath;
    if (logoPath.isEmpty()) {
        m_header->setLogo(LogoImage::placeholder(tr("The plugin has no logo.")));
        emit logoReady();
        return;
    }
    m_header->setLogo(LogoImage::loading());
    m_logoWatcher.setFuture(QtConcurrent::run([logoPath] {
        DecodedLogo decoded = LogoDecoder::decode(logoPath, std::nullopt);
        decoded.path = logoPath;
        return decoded;
    }));
}

void RunView::onLogoDecoded()
{
    const DecodedLogo decoded = m_logoWatcher.result();
    if (decoded.path != m_logoPath)
        return; // another logo was asked for meanwhile
    if (decoded.image.isNull()) {
        m_header->setLogo(LogoImage::placeholder(decoded.error));
        m_preview->setPlugin(m_pluginName, {});
    } else {
        m_header->setLogo(LogoImage::loaded(decoded.image, decoded.path));
        m_preview->setPlugin(m_pluginName, decoded.image);
    }
    emit logoReady();
}

void RunView::setConversationLength(double seconds)
{
    m_timeline->setConversationLength(seconds);
    m_chart->setConversationLength(seconds);
}

void RunView::setPosition(double seconds)
{
    m_timeline->setPosition(seconds);
}

void RunView::addRecord(const RunRecord &record)
{
    m_pending.append(record);
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void RunView::setRecords(const QList<RunRecord> &records)
{
    clear();
    append(records);
}

void RunView::flushPending()
{
    m_batchTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<RunRecord> batch = std::exchange(m_pending, {});
    append(batch);
}

void RunView::append(const QList<RunRecord> &records)
{
    if (records.isEmpty())
        return;
    const int first = m_model->rowCount();
    // Follow a live run down the list unless the user scrolled away from its end.
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool following = scroll->value() >= scroll->maximum() - 2;
    m_model->append(records);
    m_timeline->appendRecords(records);
    m_chart->appendRecords(records, first);
    m_preview->appendRecords(records, first);
    m_header->setSummary(RunSummary::of(m_model->records()));
    if (following && m_selected < 0)
        m_table->scrollToBottom();
}

int RunView::recordCount() const
{
    return m_model->rowCount() + int(m_pending.size());
}

const QList<RunRecord> &RunView::records() const
{
    return m_model->records();
}

void RunView::selectRecord(int index)
{
    if (index >= m_model->rowCount())
        flushPending();
    select(index, false);
}

void RunView::select(int index, bool fromList)
{
    if (index < 0 || index >= m_model->rowCount() || index == m_selected)
        return;
    m_selected = index;
    if (!fromList) {
        const QModelIndex row = m_model->index(index, RunRecordModel::Number);
        m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
        m_table->scrollTo(row);
    }
    m_timeline->setSelectedIndex(index);
    m_inspector->setRecord(m_model->record(index));
    m_preview->showRecord(index);
    emit recordSelected(index);
}

void RunView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    adaptLayout();
}

void RunView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    adaptLayout();
    if (!m_balanced) {
        m_balanced = true;
        balanceSplitters();
    }
}

void RunView::adaptLayout()
{
    const bool wide = width() >= kWideLayoutWidth;
    if (wide == m_wide)
        return;
    m_wide = wide;
    if (wide) {
        m_details->removeTab(m_details->indexOf(m_preview));
        m_bottom->addWidget(m_preview);
        m_bottom->setStretchFactor(2, 2);
        m_preview->show(); // the tab widget hid it with its tab
    } else {
        m_details->addTab(m_preview, tr("Phone Preview"));
    }
    if (m_balanced)
        balanceSplitters();
}

void RunView::balanceSplitters()
{
    // The charts get about a third of the height: enough to read, never crowding the
    // inspector on a small screen.
    const int height = m_vertical->height();
    const int top = std::clamp(height / 3, m_timeline->minimumSizeHint().height() + 150, 360);
    m_vertical->setSizes({top, std::max(1, height - top)});
    const int width = m_bottom->width();
    if (m_wide)
        m_bottom->setSizes({width * 28 / 100, width * 45 / 100, width * 27 / 100});
    else
        m_bottom->setSizes({width * 41 / 100, width * 59 / 100});
}

} // namespace studio
