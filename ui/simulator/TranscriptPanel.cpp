#include "TranscriptPanel.h"

#include "ConversationTimeline.h"
#include "SegmentTableModel.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace studio {

namespace {

enum WindowChoice
{
    AppWindow,
    OneSecond,
    PerSegment,
    Custom
};

QString duration(qint64 ms)
{
    return SegmentTableModel::clock(double(ms) / 1000.0);
}

} // namespace

TranscriptPanel::TranscriptPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SegmentTableModel(this))
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("transcriptSegments"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(SegmentTableModel::Time,
                                                     QHeaderView::ResizeToContents);
    m_view->setColumnWidth(SegmentTableModel::Speaker, 130);
    m_view->setMinimumHeight(60);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildSource());
    layout->addWidget(buildControls());
    layout->addWidget(m_view, 1);
    setRunState(false, SimulationRun::State::Idle);
}

QWidget *TranscriptPanel::buildSource()
{
    auto *row = new QWidget(this);
    m_fixtures = new QComboBox(row);
    m_fixtures->setObjectName(QStringLiteral("transcriptFixtures"));
    m_fixtures->setPlaceholderText(tr("Choose a transcript"));
    m_fixtures->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fixtures->setMinimumContentsLength(14);
    m_fixtures->setToolTip(tr("The sample conversations and the ones opened recently"));
    auto *open = new QPushButton(tr("Open..."), row);
    open->setToolTip(tr("Open a transcript: the studio's JSON, SRT or WebVTT (or drop it here)"));
    m_window = new QComboBox(row);
    m_window->setObjectName(QStringLiteral("transcriptWindow"));
    m_window->addItem(tr("30 s (the app)"), AppWindow);
    m_window->addItem(tr("1 s (later backends)"), OneSecond);
    m_window->addItem(tr("per segment"), PerSegment);
    m_window->addItem(tr("custom"), Custom);
    m_window->setToolTip(tr("Each call carries the segments that ended in its window"));
    m_customWindow = new QDoubleSpinBox(row);
    m_customWindow->setObjectName(QStringLiteral("transcriptCustomWindow"));
    m_customWindow->setRange(0.001, 3600);
    m_customWindow->setDecimals(3);
    m_customWindow->setValue(10);
    m_customWindow->setSuffix(tr(" s"));
    m_customWindow->setVisible(false);
    m_speed = new QComboBox(row);
    m_speed->setObjectName(QStringLiteral("transcriptSpeed"));
    m_speed->addItem(tr("real time"), 1.0);
    m_speed->addItem(tr("10x"), 10.0);
    m_speed->addItem(tr("100x"), 100.0);
    m_speed->addItem(tr("as fast as possible"), 0.0);
    m_speed->setToolTip(tr("As fast as possible: each call goes out once the previous one is "
                           "answered"));

    m_summary = new QLabel(row);
    m_summary->setObjectName(QStringLiteral("transcriptSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    // A long file name is cut, never widening the window.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(1);

    auto *file = new QHBoxLayout;
    file->setSpacing(6);
    file->addWidget(new QLabel(tr("Transcript"), row));
    file->addWidget(m_fixtures, 1);
    file->addWidget(open);
    auto *pace = new QHBoxLayout;
    pace->setSpacing(6);
    pace->addWidget(new QLabel(tr("Window"), row));
    pace->addWidget(m_window);
    pace->addWidget(m_customWindow);
    pace->addSpacing(8);
    pace->addWidget(new QLabel(tr("Speed"), row));
    pace->addWidget(m_speed);
    pace->addSpacing(8);
    pace->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(file);
    layout->addLayout(pace);

    connect(m_fixtures, &QComboBox::activated, this, [this](int index) {
        const QString path = m_fixtures->itemData(index).toString();
        if (!path.isEmpty())
            emit fixtureChosen(path);
    });
    connect(open, &QPushButton::clicked, this, &TranscriptPanel::openRequested);
    // The user's own choice stays when the contract changes; until then the contract's shows.
    connect(m_window, &QComboBox::activated, this, [this] { m_windowChosen = true; });
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this] { m_customWindow->setVisible(m_window->currentData().toInt() == Custom); });
    return row;
}

QWidget *TranscriptPanel::buildControls()
{
    auto *box = new QWidget(this);
    m_play = new QPushButton(tr("Play"), box);
    m_play->setObjectName(QStringLiteral("transcriptPlay"));
    m_play->setToolTip(tr("Replay the conversation to the webhook (Ctrl+Return)"));
    m_pause = new QPushButton(tr("Pause"), box);
    m_pause->setObjectName(QStringLiteral("transcriptPause"));
    m_pause->setToolTip(tr("Pause or resume; answers still arrive (Space)"));
    m_step = new QPushButton(tr("Step"), box);
    m_step->setObjectName(QStringLiteral("transcriptStep"));
    m_step->setToolTip(tr("Send the next window now and stay paused (F10)"));
    m_stop = new QPushButton(tr("Stop"), box);
    m_stop->setObjectName(QStringLiteral("transcriptStop"));
    m_stop->setToolTip(tr("Send nothing more; cancel what is in flight (Esc)"));
    m_timeline = new ConversationTimeline(box);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("transcriptProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progressText = new QLabel(box);
    m_progressText->setObjectName(QStringLiteral("transcriptProgressText"));

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    for (QPushButton *button : {m_play, m_pause, m_step, m_stop})
        buttons->addWidget(button);
    buttons->addWidget(m_timeline, 1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_progress, 1);
    status->addWidget(m_progressText);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(4);
    layout->addLayout(buttons);
    layout->addLayout(status);

    connect(m_play, &QPushButton::clicked, this, &TranscriptPanel::playRequested);
    connect(m_pause, &QPushButton::clicked, this, &TranscriptPanel::pauseRequested);
    connect(m_step, &QPushButton::clicked, this, &TranscriptPanel::stepRequested);
    connect(m_stop, &QPushButton::clicked, this, &TranscriptPanel::stopRequested);
    connect(m_timeline, &ConversationTimeline::seekRequested, this,
            &TranscriptPanel::seekRequested);
    return box;
}

void TranscriptPanel::setFixtures(const QStringList &samples, const QStringList &recent)
{
    m_fixtures->clear();
    for (const QString &path : samples)
        m_fixtures->addItem(tr("sample: %1").arg(QFileInfo(path).fileName()), path);
    if (!samples.isEmpty() && !recent.isEmpty())
        m_fixtures->insertSeparator(m_fixtures->count());
    for (const QString &path : recent) {
        m_fixtures->addItem(QFileInfo(path).fileName(), path);
        m_fixtures->setItemData(m_fixtures->count() - 1, QDir::toNativeSeparators(path),
                                Qt::ToolTipRole);
    }
    const int current = m_fixtures->findData(m_path);
    m_fixtures->setCurrentIndex(current);
}

void TranscriptPanel::setLoading(const QString &path)
{
    m_summary->setText(tr("Loading %1...").arg(QFileInfo(path).fileName()));
}

void TranscriptPanel::setLoadFailed(const QString &path)
{
    m_summary->setText(m_path.isEmpty()
                           ? tr("%1 did not load.").arg(QFileInfo(path).fileName())
                           : tr("%1 did not load; still %2.")
                                 .arg(QFileInfo(path).fileName(), QFileInfo(m_path).fileName()));
    m_fixtures->setCurrentIndex(m_fixtures->findData(m_path));
}

void TranscriptPanel::setTranscript(const QString &path, const QList<TranscriptSegment> &segments)
{
    m_path = path;
    m_model->setSegments(segments);
    int index = m_fixtures->findData(path);
    if (index < 0) {
        m_fixtures->addItem(QFileInfo(path).fileName(), path);
        index = m_fixtures->count() - 1;
    }
    m_fixtures->setCurrentIndex(index);
    const double length = segments.isEmpty() ? 0.0 : segments.last().end;
    m_timeline->setBatches({}, length);
    m_summary->setText(tr("%1 segments, %2 of conversation")
                           .arg(segments.size())
                           .arg(SegmentTableModel::clock(length)));
    m_summary->setToolTip(QDir::toNativeSeparators(path));
    m_progress->setValue(0);
    m_progressText->clear();
    setRunState(false, SimulationRun::State::Idle);
}

bool TranscriptPanel::hasTranscript() const
{
    return m_model->rowCount() > 0;
}

BatchingOptions TranscriptPanel::batching() const
{
    switch (m_window->currentData().toInt()) {
    case OneSecond:
        return BatchingOptions::window(1.0);
    case PerSegment:
        return BatchingOptions::perSegment();
    case Custom:
        return BatchingOptions::window(m_customWindow->value());
    default:
        return BatchingOptions::window(BatchingOptions::kAppWindowSeconds);
    }
}

ReplaySpeed TranscriptPanel::speed() const
{
    const double factor = m_speed->currentData().toDouble();
    return factor <= 0 ? ReplaySpeed::fast() : ReplaySpeed::times(factor);
}

void TranscriptPanel::setBatching(const BatchingOptions &batching)
{
    if (batching.mode == BatchingOptions::Mode::PerSegment) {
        m_window->setCurrentIndex(m_window->findData(PerSegment));
    } else if (batching.windowSeconds == BatchingOptions::kAppWindowSeconds) {
        m_window->setCurrentIndex(m_window->findData(AppWindow));
    } else if (batching.windowSeconds == 1.0) {
        m_window->setCurrentIndex(m_window->findData(OneSecond));
    } else {
        m_window->setCurrentIndex(m_window->findData(Custom));
        m_customWindow->setValue(batching.windowSeconds);
    }
}

void TranscriptPanel::followContract(const Contract &contract)
{
    const bool today = &contract != &Contract::plugins2024();
    m_window->setItemText(m_window->findData(AppWindow),
                          today ? tr("30 s (the 2024 app)") : tr("30 s (the app)"));
    m_window->setItemText(m_window->findData(OneSecond),
                          today ? tr("1 s (the app)") : tr("1 s (later backends)"));
    if (!m_windowChosen)
        setBatching(contract.transcriptBatching());
}

void TranscriptPanel::setSpeed(const ReplaySpeed &speed)
{
    m_speed->setCurrentIndex(m_speed->findData(speed.isFast() ? 0.0 : speed.factor));
}

void TranscriptPanel::setRunState(bool hasRun, SimulationRun::State state)
{
    const bool active = hasRun && state != SimulationRun::State::Finished;
    const bool paused = hasRun && state == SimulationRun::State::Paused;
    m_play->setEnabled(hasTranscript() && (!active || paused));
    m_play->setText(paused ? tr("Resume") : tr("Play"));
    m_pause->setEnabled(active && state == SimulationRun::State::Running);
    m_step->setEnabled(hasTranscript() && (!active || paused));
    m_stop->setEnabled(active);
    m_window->setEnabled(!active);
    m_customWindow->setEnabled(!active);
    m_speed->setEnabled(!active);
    m_fixtures->setEnabled(!active);
    m_timeline->setEnabled(active);
}

void TranscriptPanel::showProgress(const SimulationProgress &progress)
{
    m_progress->setMaximum(std::max(progress.total, 1));
    m_progress->setValue(progress.done());
    QString text = tr("%1 of %2 batches sent").arg(progress.sent).arg(progress.total);
    if (progress.skipped > 0)
        text += tr(", %1 skipped").arg(progress.skipped);
    text += tr(" \u00b7 %1 elapsed").arg(duration(progress.elapsedMs));
    if (progress.remainingMs && *progress.remainingMs > 0)
        text += tr(" \u00b7 about %1 left").arg(duration(*progress.remainingMs));
    m_progressText->setText(text);
    m_timeline->setPosition(progress.conversationSeconds);
}

QString TranscriptPanel::progressText() const
{
    return m_progressText->text();
}

void TranscriptPanel::highlight(int first, int count)
{
    m_model->setHighlight(first, count);
    if (count > 0) {
        // The end of the window in view, its start too when it fits.
        m_view->scrollTo(m_model->index(first + count - 1, 0), QAbstractItemView::EnsureVisible);
        m_view->scrollTo(m_model->index(first, 0), QAbstractItemView::EnsureVisible);
    }
}

} // namespace studio
