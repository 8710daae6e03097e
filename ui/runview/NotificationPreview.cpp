#include "NotificationPreview.h"

#include "NotificationDelegate.h"
#include "NotificationPreviewModel.h"
#include "simulation/report/RunRecord.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kPhoneWidth = 420;
constexpr int kBezel = 10;

} // namespace

NotificationPreview::NotificationPreview(QWidget *parent)
    : QWidget(parent)
    , m_model(new NotificationPreviewModel(this))
    , m_delegate(new NotificationDelegate(this))
    , m_caption(new QLabel(this))
    , m_view(new QListView(this))
{
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setText(tr("What the user sees"));
    m_caption->setMaximumWidth(kPhoneWidth);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setMaximumWidth(kPhoneWidth);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(false);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(200);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->setAccessibleName(tr("Phone preview"));
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        const int record = index.data(NotificationPreviewModel::RecordIndexRole).toInt();
        if (record >= 0)
            emit recordActivated(record);
    });

    auto *column = new QVBoxLayout;
    column->setSpacing(6);
    column->addWidget(m_caption);
    column->addWidget(m_view, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(kBezel + 4, kBezel + 2, kBezel + 4, kBezel + 4);
    layout->addStretch(1);
    layout->addLayout(column, 100);
    layout->addStretch(1);
    applyPalette();
}

void NotificationPreview::setPlugin(const QString &name, const QImage &logo)
{
    m_model->setPluginName(name);
    m_delegate->setLogo(logo, name);
    m_caption->setText(name.isEmpty() ? tr("What the user sees")
                                      : tr("What the user of %1 sees").arg(name));
    m_view->viewport()->update();
}

void NotificationPreview::clear()
{
    m_model->clear();
}

void NotificationPreview::appendRecords(const QList<RunRecord> &records, int firstIndex)
{
    m_model->append(records, firstIndex);
}

void NotificationPreview::appendItems(const QList<PreviewItem> &alerts,
                                      const QList<PreviewItem> &chat)
{
    m_model->appendItems(alerts, chat);
}

void NotificationPreview::showRecord(int index)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex item = m_model->index(row);
        if (item.data(NotificationPreviewModel::RecordIndexRole).toInt() == index) {
            m_view->setCurrentIndex(item);
            m_view->scrollTo(item);
            return;
        }
    }
    m_view->clearSelection();
}

QSize NotificationPreview::sizeHint() const
{
    return {kPhoneWidth + 2 * kBezel + 8, 600};
}

void NotificationPreview::paintEvent(QPaintEvent *)
{
    // The phone: a rounded bezel around the caption and the screen.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect screen = m_caption->geometry().united(m_view->geometry());
    const QRectF phone = QRectF(screen).adjusted(-kBezel, -kBezel, kBezel, kBezel);
    const auto colours = NotificationDelegate::Colours::forPalette(palette());
    painter.setPen(QPen(palette().color(QPalette::Mid), 2));
    painter.setBrush(colours.screen);
    painter.drawRoundedRect(phone.adjusted(1, 1, -1, -1), 26, 26);
}

void NotificationPreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

void NotificationPreview::applyPalette()
{
    const auto colours = NotificationDelegate::Colours::forPalette(palette());
    QPalette screen = m_view->palette();
    screen.setColor(QPalette::Base, colours.screen);
    screen.setColor(QPalette::Text, colours.text);
    m_view->setPalette(screen);
    QPalette caption = m_caption->palette();
    caption.setColor(QPalette::WindowText, colours.secondary);
    m_caption->setPalette(caption);
    update();
}

} // namespace studio
