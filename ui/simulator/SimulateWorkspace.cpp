#include "SimulateWorkspace.h"

#include "AudioPanel.h"
#include "ConversationTimeline.h"
#include "MemoryDraft.h"
#include "MemoryEditor.h"
#include "MemoryPanel.h"
#include "MessageStrip.h"
#include "RequestList.h"
#include "RequestListModel.h"
#include "SegmentTableModel.h"
#include "SetupCheckPanel.h"
#include "SimulationController.h"
#include "TargetPanel.h"
#include "TranscriptFileLoader.h"
#include "TranscriptPanel.h"
#include "actions/ActionRegistry.h"
#include "editor/EditorPalette.h"
#include "editor/JsonEditor.h"
#include "project/SampleRepository.h"
#include "runview/RunView.h"
#include "settings/StudioSettings.h"
#include "simulation/payload/AppUrls.h"
#include "transcript/TranscriptTimes.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <utility>

namespace studio {

namespace {

// The page of the event that calls a plugin.
SimulateWorkspace::Mode modeOf(AppTrigger trigger)
{
    switch (trigger) {
    case AppTrigger::TranscriptProcessed:
        return SimulateWorkspace::Mode::Transcript;
    case AppTrigger::AudioBytes:
        return SimulateWorkspace::Mode::Audio;
    case AppTrigger::MemoryCreation:
        break;
    }
    return SimulateWorkspace::Mode::Memory;
}

const QString kMemoryKind = QStringLiteral("memory");
const QString kTranscriptKind = QStringLiteral("transcript");
constexpr int kProgressIntervalMs = 200;
constexpr int kViewIntervalMs = 40;

bool isSubtitle(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"srt" || suffix == u"vtt";
}

QStringList filesIn(const QString &folder, const QStringList &patterns)
{
    if (folder.isEmpty())
        return {};
    QStringList files;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(patterns, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

} // namespace

SimulateWorkspace::SimulateWorkspace(SimulationController *controller, ActionRegistry *actions,
                                     QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_draft(new MemoryDraft(this))
    , m_transcriptLoader(new TranscriptFileLoader(this))
    , m_target(new TargetPanel(this))
    , m_modes(new QTabWidget(this))
    , m_memory(new MemoryPanel(m_draft, this))
    , m_transcript(new TranscriptPanel(this))
    , m_audio(new AudioPanel(this))
    , m_setup(new SetupCheckPanel(this))
    , m_message(new MessageStrip(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_results(new QTabWidget(this))
    , m_runView(new RunView(m_results))
    , m_requestList(new RequestList(m_results))
    , m_progressTimer(new QTimer(this))
    , m_viewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("simulateWorkspace"));
    setAcceptDrops(true);
    // Files dropped on the editor open as fixtures instead of landing in the text.
    m_memory->editor()->viewport()->setAcceptDrops(false);
    m_memory->editor()->setAcceptDrops(false);

    m_modes->setObjectName(QStringLiteral("simulatorModes"));
    m_modes->setDocumentMode(true);
    m_modes->addTab(m_memory, tr("Memory"));
    m_modes->addTab(m_transcript, tr("Transcript Stream"));
    m_modes->addTab(m_audio, tr("Audio Stream"));
    m_modes->addTab(m_setup, tr("Setup Check"));
    m_splitter->setObjectName(QStringLiteral("simulatorSplitter"));
    m_splitter->addWidget(m_modes);
    // What came back, and the schedule: every request as it goes out, skipped or waiting.
    m_results->setObjectName(QStringLiteral("simulatorResults"));
    m_results->setDocumentMode(true);
    // The run views need room; on a small screen they scroll rather than push the window
    // past the screen.
    auto *runScroll = new QScrollArea(m_results);
    runScroll->setObjectName(QStringLiteral("runViewScroll"));
    runScroll->setWidgetResizable(true);
    runScroll->setFrameShape(QFrame::NoFrame);
    runScroll->setWidget(m_runView);
    m_results->addTab(runScroll, tr("Results"));
    m_results->addTab(m_requestList, tr("Schedule"));
    m_splitter->addWidget(m_results);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    connect(m_modes, &QTabWidget::currentChanged, this, [this] {
        m_results->setVisible(!isAddedPageShown());
        // Ctrl+Return belongs to a page's own action there (the Tools page's Call): the
        // tab's Send leaves the keys alone, so they are not claimed twice.
        if (m_sendAction && isAddedPageShown())
            removeAction(m_sendAction);
        else if (m_sendAction)
            addAction(m_sendAction);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_target);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    m_progressTimer->setInterval(kProgressIntervalMs);
    // A run as fast as possible answers hundreds of times a second: the highlight, the
    // scrolling and the progress follow at most every kViewIntervalMs, not per answer.
    m_viewTimer->setSingleShot(true);
    m_viewTimer->setInterval(kViewIntervalMs);
    connect(m_viewTimer, &QTimer::timeout, this, &SimulateWorkspace::updateViews);
    connect(m_progressTimer, &QTimer::timeout, this, &SimulateWorkspace::updateProgress);

    connect(m_target, &TargetPanel::targetEdited, m_controller, &SimulationController::setTarget);
    connect(m_memory, &MemoryPanel::fixtureChosen, this, &SimulateWorkspace::loadMemoryFile);
    connect(m_memory, &MemoryPanel::openRequested, this, [this] { chooseFile(Mode::Memory); });
    connect(m_memory, &MemoryPanel::generateRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Make a Memory from a Transcript"),
            QDir(samplesFolder()).filePath(QStringLiteral("transcripts")),
            tr("Transcripts (*.json *.srt *.vtt);;All files (*)"));
        if (!path.isEmpty())
            generateMemoryFrom(path);
    });
    connect(m_memory, &MemoryPanel::sendRequested, this, &SimulateWorkspace::sendMemory);
    connect(m_draft, &MemoryDraft::loadFailed, this,
            [this](const QString &source, const QString &message) {
                m_sendWhenChecked = false;
                m_message->show(MessageStrip::Level::Error,
                                tr("Could not load the memory %1: %2")
                                    .arg(QDir::toNativeSeparators(source), message));
            });
    connect(m_draft, &MemoryDraft::checked, this, [this](const MemoryLoadResult &result) {
        Q_UNUSED(result);
        if (std::exchange(m_sendWhenChecked, false))
            sendMemory(); // sends, or says why not
    });

    connect(m_transcript, &TranscriptPanel::fixtureChosen, this,
            &SimulateWorkspace::loadTranscriptFile);
    connect(m_transcript, &TranscriptPanel::openRequested, this,
            [this] { chooseFile(Mode::Transcript); });
    connect(m_transcript, &TranscriptPanel::playRequested, this, &SimulateWorkspace::play);
    connect(m_transcript, &TranscriptPanel::pauseRequested, this, &SimulateWorkspace::togglePause);
    connect(m_transcript, &TranscriptPanel::stepRequested, this, &SimulateWorkspace::step);
    connect(m_transcript, &TranscriptPanel::stopRequested, this, &SimulateWorkspace::stop);
    connect(m_transcript, &TranscriptPanel::seekRequested, this, &SimulateWorkspace::seek);
    connect(m_transcript->segmentView(), &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { seekToSegment(index.row()); });
    connect(m_transcriptLoader, &TranscriptFileLoader::loaded, this,
            &SimulateWorkspace::transcriptLoaded);

    connect(m_audio, &AudioPanel::openRequested, this, [this] { chooseFile(Mode::Audio); });
    connect(m_audio, &AudioPanel::sendRequested, this, &SimulateWorkspace::sendAudio);

    connect(m_setup, &SetupCheckPanel::checkRequested, this, &SimulateWorkspace::checkSetup);
    connect(m_setup, &SetupCheckPanel::linkActivated, this, &SimulateWorkspace::openLink);

    connectController();
    if (actions)
        connectActions(actions);
    refreshTarget();
    refreshSetup();
    refreshFixtures();
}

SimulateWorkspace::~SimulateWorkspace() = default;

void SimulateWorkspace::connectActions(ActionRegistry *actions)
{
    const auto on = [this, actions](ActionId id, void (SimulateWorkspace::*slot)()) {
        QAction *action = actions->action(id);
        addAction(action); // scoped to this tab: Space and Esc act only here
        connect(action, &QAction::triggered, this, slot);
    };
    on(ActionId::SimulateSend, &SimulateWorkspace::sendOrPlay);
    m_sendAction = actions->action(ActionId::SimulateSend);
    on(ActionId::SimulatePause, &SimulateWorkspace::togglePause);
    on(ActionId::SimulateStep, &SimulateWorkspace::step);
    on(ActionId::SimulateStop, &SimulateWorkspace::stop);
    on(ActionId::CheckSetup, &SimulateWorkspace::checkSetup);
    // Ctrl+Return sends from inside the memory's text too.
    QList<QKeySequence> keys;
    for (const ActionId id : {ActionId::SimulateSend, ActionId::SimulateStop, ActionId::CheckSetup})
        keys << actions->action(id)->shortcuts();
    m_memory->editor()->releaseKeys(keys);
}

void SimulateWorkspace::connectController()
{
    SimulationController *c = m_controller;
    connect(c, &SimulationController::manifestChanged, this, [this] {
        refreshTarget();
        refreshSetup();
    });
    connect(c, &SimulationController::targetChanged, this, [this] {
        refreshTarget();
        refreshSetup();
    });
    connect(c, &SimulationController::runStarted, this, &SimulateWorkspace::runStarted);
    connect(c, &SimulationController::batchSent, this, &SimulateWorkspace::batchSent);
    connect(c, &SimulationController::batchSkipped, this, &SimulateWorkspace::batchSkipped);
    connect(c, &SimulationController::recordCompleted, this, &SimulateWorkspace::recordCompleted);
    connect(c, &SimulationController::runFinished, this, &SimulateWorkspace::runFinished);
    connect(m_runView, &RunView::resendRequested, c, &SimulationController::resend);
    connect(c, &SimulationController::stateChanged, this, &SimulateWorkspace::updateRunState);
    connect(c, &SimulationController::setupChecked, this, &SimulateWorkspace::setupChecked);
    connect(c, &SimulationController::refused, this,
            [this](const QString &reason) { m_message->show(MessageStrip::Level::Error, reason); });
    connect(c, &SimulationController::notice, this, [this](const QString &message) {
        m_message->show(MessageStrip::Level::Warning, message);
    });
}

QString SimulateWorkspace::samplesFolder()
{
    const QString repository = SampleRepository::bundledPath();
    return repository.isEmpty() ? QString() : QDir::cleanPath(repository + QStringLiteral("/.."));
}

QString SimulateWorkspace::resultsSummary() const
{
    return m_requestList->summary();
}

RequestListModel *SimulateWorkspace::requests() const
{
    return m_requestList->model();
}

QTableView *SimulateWorkspace::requestView() const
{
    return m_requestList->view();
}

void SimulateWorkspace::setContract(const Contract &contract)
{
    m_controller->setContract(contract);
    m_transcript->followContract(contract);
    m_target->setSigningAvailable(contract.signsWebhooks());
}

void SimulateWorkspace::setManifest(const PluginManifest &manifest)
{
    const bool otherPlugin = QString::fromStdString(manifest.id) != m_pluginId;
    m_controller->setManifest(manifest);
    if (!otherPlugin)
        return;
    m_pluginId = QString::fromStdString(manifest.id);
    // A new plugin opens on the page of the event that calls it.
    if (const auto trigger = m_controller->declaredTrigger())
        setMode(modeOf(*trigger));
}

void SimulateWorkspace::setDark(bool dark)
{
    m_memory->applyPalette(dark ? EditorPalette::dark() : EditorPalette::light());
}

SimulateWorkspace::Mode SimulateWorkspace::mode() const
{
    return Mode(m_modes->currentIndex());
}

void SimulateWorkspace::setMode(Mode mode)
{
    m_modes->setCurrentIndex(int(mode));
}

void SimulateWorkspace::addPage(QWidget *page, const QString &title)
{
    // In a scroll area, so a page that needs room scrolls on a small screen instead of
    // making the tab, and the window, taller than the screen.
    auto *scroll = new QScrollArea(m_modes);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    m_modes->addTab(scroll, title);
}

void SimulateWorkspace::showPage(QWidget *page)
{
    for (int i = 0; i < m_modes->count(); ++i) {
        if (m_modes->widget(i) == page || m_modes->widget(i)->isAncestorOf(page))
            m_modes->setCurrentIndex(i);
    }
}

bool SimulateWorkspace::isAddedPageShown() const
{
    return m_modes->currentIndex() > int(Mode::Setup);
}

void SimulateWorkspace::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_defaultsLoaded) {
        // The results get the larger share: they are what a run is for.
        const int height = m_splitter->height();
        m_splitter->setSizes({height * 2 / 5, height * 3 / 5});
    }
    loadDefaults();
}

// Something to send at once: the first sample of each kind, the first time the tab shows.
void SimulateWorkspace::loadDefaults()
{
    if (std::exchange(m_defaultsLoaded, true))
        return;
    const QString samples = samplesFolder();
    if (samples.isEmpty())
        return;
    const QDir dir(samples);
    if (m_draft->text().isEmpty()) {
        const QString memory = dir.filePath(QStringLiteral("memories/ordinary.json"));
        if (QFileInfo::exists(memory))
            m_draft->loadFile(memory);
    }
    const QString audio = dir.filePath(QStringLiteral("audio/hello-16k.wav"));
    if (m_audioPath.isEmpty() && QFileInfo::exists(audio))
        loadAudioFile(audio);
    if (m_segments.isEmpty() && !m_transcriptLoader->isLoading()) {
        const QString transcript =
            dir.filePath(QStringLiteral("transcripts/coffee-chat-3min.json"));
        if (QFileInfo::exists(transcript))
            m_transcriptLoader->load(transcript);
    }
}

void SimulateWorkspace::refreshFixtures()
{
    StudioSettings settings;
    const QString samples = samplesFolder();
    m_memory->setFixtures(
        filesIn(samples.isEmpty() ? QString() : samples + QStringLiteral("/memories"),
                {QStringLiteral("*.json")}),
        settings.recentSimulationFiles(kMemoryKind));
    m_transcript->setFixtures(
        filesIn(samples.isEmpty() ? QString() : samples + QStringLiteral("/transcripts"),
                {QStringLiteral("*.json"), QStringLiteral("*.srt"), QStringLiteral("*.vtt")}),
        settings.recentSimulationFiles(kTranscriptKind));
}

void SimulateWorkspace::refreshTarget()
{
    m_target->setTarget(m_controller->target(), m_controller->manifestWebhookUrl());
    const QString url = m_controller->webhookUrl();
    m_target->setEffectiveUrl(url.isEmpty() ? QString()
                                            : AppUrls::webhook(url, m_controller->uid()));
}

void SimulateWorkspace::refreshSetup()
{
    const QString url = m_controller->setupUrl();
    m_setup->setSetup(url,
                      url.isEmpty() ? QString() : AppUrls::setupCheck(url, m_controller->uid()),
                      m_controller->authLinks());
}

void SimulateWorkspace::loadMemoryFile(const QString &path)
{
    m_message->clear();
    StudioSettings().addRecentSimulationFile(kMemoryKind, path);
    refreshFixtures();
    m_draft->loadFile(path);
    setMode(Mode::Memory);
}

void SimulateWorkspace::generateMemoryFrom(const QString &transcriptPath)
{
    m_message->clear();
    m_draft->generateFromTranscript(transcriptPath);
    setMode(Mode::Memory);
}

void SimulateWorkspace::loadTranscriptFile(const QString &path)
{
    m_message->clear();
    if (m_controller->isActive() &&
        m_controller->run()->plan().trigger == AppTrigger::TranscriptProcessed)
        m_controller->stop();
    m_transcript->setLoading(path);
    m_transcriptLoader->load(path);
    setMode(Mode::Transcript);
}

void SimulateWorkspace::loadAudioFile(const QString &path)
{
    m_message->clear();
    m_audioPath = path;
    m_pcm.reset();
    m_audio->setLoading(path);
    const int load = ++m_audioLoads;
    auto *watcher = new QFutureWatcher<AudioLoadResult>(this);
    connect(watcher, &QFutureWatcher<AudioLoadResult>::finished, this, [this, watcher, load, path] {
        watcher->deleteLater();
        if (load != m_audioLoads)
            return; // another file was opened meanwhile
        const AudioLoadResult loaded = watcher->result();
        if (!loaded.ok()) {
            m_audio->setLoadFailed(path, loaded.error);
            m_message->show(MessageStrip::Level::Error,
                            tr("Could not load the recording %1: %2")
                                .arg(QDir::toNativeSeparators(path), loaded.error));
            return;
        }
        m_pcm = loaded.audio;
        m_audio->setAudio(path, loaded);
    });
    watcher->setFuture(QtConcurrent::run([path] { return AudioFile::load(path, std::nullopt); }));
}

void SimulateWorkspace::sendAudio()
{
    setMode(Mode::Audio);
    if (!m_pcm) {
        m_message->show(MessageStrip::Level::Error,
                        m_audioPath.isEmpty() ? tr("Open a WAV recording to stream first.")
                                              : tr("The recording is not read yet, or could "
                                                   "not be read."));
        return;
    }
    m_message->clear();
    m_controller->start(m_controller->audioPlan(*m_pcm, m_audioPath));
}

void SimulateWorkspace::transcriptLoaded(const QString &path, const TranscriptLoadResult &result)
{
    if (!result.ok()) {
        m_transcript->setLoadFailed(path);
        m_message->show(MessageStrip::Level::Error,
                        tr("Could not load the transcript %1: %2")
                            .arg(QDir::toNativeSeparators(path), result.error->toString()));
        return;
    }
    if (result.segments.isEmpty()) {
        m_message->show(
            MessageStrip::Level::Error,
            tr("The transcript %1 has no segment to send.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    StudioSettings().addRecentSimulationFile(kTranscriptKind, path);
    m_segments = result.segments;
    m_transcript->setTranscript(path, m_segments);
    refreshFixtures();
    if (TranscriptTimes::startsLate(m_segments)) {
        const std::optional<LoadIssue> warning = TranscriptTimes::lateStart(result);
        m_message->showWithAction(MessageStrip::Level::Warning, warning->toString(),
                                  tr("Start at 0 s"), [this, path] {
                                      m_segments = TranscriptTimes::shiftedToZero(m_segments);
                                      m_transcript->setTranscript(path, m_segments);
                                      refreshFixtures();
                                  });
    } else if (!result.warnings.isEmpty()) {
        m_message->show(MessageStrip::Level::Warning, result.warnings.first().toString());
    }
}

void SimulateWorkspace::sendOrPlay()
{
    if (isAddedPageShown())
        return; // the added pages have their own keys
    if (mode() == Mode::Transcript)
        play();
    else if (mode() == Mode::Audio)
        sendAudio();
    else if (mode() == Mode::Setup)
        checkSetup();
    else
        sendMemory();
}

void SimulateWorkspace::sendTest()
{
    if (const auto trigger = m_controller->declaredTrigger())
        setMode(modeOf(*trigger));
    else if (mode() == Mode::Setup || isAddedPageShown())
        setMode(Mode::Memory);
    loadDefaults();
    sendOrPlay();
}

void SimulateWorkspace::sendMemory()
{
    setMode(Mode::Memory);
    if (!m_draft->isChecked()) {
        // Loading or being checked: send as soon as the check is in.
        m_sendWhenChecked = true;
        if (!m_draft->text().isEmpty())
            m_draft->validateNow();
        return;
    }
    const MemoryLoadResult &result = m_draft->result();
    if (!result.ok()) {
        m_message->show(
            MessageStrip::Level::Error,
            tr("The memory is not valid, so nothing was sent: %1").arg(result.error->toString()));
        return;
    }
    m_message->clear();
    m_controller->start(m_controller->memoryPlan(result.memory, m_draft->source()));
}

void SimulateWorkspace::play()
{
    setMode(Mode::Transcript);
    SimulationRun *run = m_controller->run();
    if (run && run->state() == SimulationRun::State::Paused &&
        run->plan().trigger == AppTrigger::TranscriptProcessed) {
        m_controller->resume();
        return;
    }
    if (run && run->state() == SimulationRun::State::Running &&
        run->plan().trigger == AppTrigger::TranscriptProcessed)
        return; // already playing; Esc stops
    if (m_segments.isEmpty()) {
        m_message->show(MessageStrip::Level::Error,
                        tr("Choose a transcript to replay first (or drop a .json, .srt or .vtt "
                           "file here)."));
        return;
    }
    m_message->clear();
    m_controller->start(m_controller->transcriptPlan(m_segments, m_transcript->batching(),
                                                     m_transcript->speed(),
                                                     m_transcript->transcriptPath()));
}

void SimulateWorkspace::step()
{
    if (mode() != Mode::Transcript)
        return;
    if (m_controller->isActive()) {
        m_controller->step();
        return;
    }
    if (m_segments.isEmpty())
        return;
    m_message->clear();
    m_controller->startStepping(m_controller->transcriptPlan(m_segments, m_transcript->batching(),
                                                             m_transcript->speed(),
                                                             m_transcript->transcriptPath()));
}

void SimulateWorkspace::togglePause()
{
    m_controller->togglePause();
}

void SimulateWorkspace::stop()
{
    m_controller->stop();
}

void SimulateWorkspace::seek(double conversationSeconds)
{
    if (!m_controller->isActive())
        return;
    if (!m_controller->seek(conversationSeconds))
        m_message->show(MessageStrip::Level::Info,
                        tr("The app never sends a segment twice: a seek goes forward only."));
}

// Jumps to the window that carries `segment`; the windows before it are not sent.
void SimulateWorkspace::seekToSegment(int segment)
{
    const SimulationRun *run = m_controller->run();
    if (!m_controller->isActive() || run->plan().trigger != AppTrigger::TranscriptProcessed)
        return;
    const QList<TranscriptBatch> &batches = run->plan().batches;
    for (int i = 0; i < batches.size(); ++i) {
        const TranscriptBatch &batch = batches.at(i);
        if (segment < batch.firstSegment + batch.segments.size()) {
            if (!m_controller->seekToBatch(i))
                m_message->show(MessageStrip::Level::Info,
                                tr("That window was already sent: a seek goes forward only."));
            return;
        }
    }
}

void SimulateWorkspace::checkSetup()
{
    setMode(Mode::Setup);
    if (m_controller->setupUrl().isEmpty()) {
        m_message->show(MessageStrip::Level::Info,
                        tr("The manifest has no setup_completed_url: nothing to check."));
        return;
    }
    m_message->clear();
    m_setup->setChecking();
    m_controller->checkSetup();
}

void SimulateWorkspace::setupChecked(const RunRecord &record, const SetupVerdict &verdict)
{
    m_setup->showVerdict(record, verdict);
    if (!record.result.succeeded())
        m_message->show(MessageStrip::Level::Error,
                        tr("Could not reach the setup URL: %1").arg(record.result.errorMessage));
}

void SimulateWorkspace::openLink(const QString &url)
{
    emit linkOpened(url);
    QDesktopServices::openUrl(QUrl(url));
}

void SimulateWorkspace::runStarted(const SimulationPlan &plan)
{
    m_requestList->begin(plan);
    m_runView->clear();
    m_runView->setPlugin(plan.plugin.name, m_logoPath);
    const double memoryLength = plan.memory && !plan.memory->transcriptSegments.isEmpty()
                                    ? plan.memory->transcriptSegments.last().end
                                    : 0.0;
    if (plan.trigger == AppTrigger::TranscriptProcessed) {
        QList<double> sendAt;
        for (const TranscriptBatch &batch : plan.batches)
            sendAt << batch.sendAt;
        const double length = m_segments.isEmpty() ? 0.0 : m_segments.last().end;
        m_transcript->timeline()->setBatches(sendAt, length);
        m_runView->setConversationLength(length);
        m_transcript->segments()->beginRun();
    } else if (plan.trigger == AppTrigger::AudioBytes && !plan.chunks.isEmpty()) {
        m_runView->setConversationLength(plan.chunks.last().end);
    } else {
        m_runView->setConversationLength(memoryLength);
    }
    m_progressTimer->start();
    updateRunState();
    updateProgress();
}

void SimulateWorkspace::batchSent(int index)
{
    SimulationRun *run = m_controller->run();
    m_requestList->addSent(index, run->label(index));
    if (run->plan().trigger == AppTrigger::TranscriptProcessed) {
        m_highlightBatch = index;
        m_transcript->timeline()->setMark(index, ConversationTimeline::Mark::Sent);
    }
    // A step or a timed replay shows each window as it goes; only a run as fast as possible
    // is coalesced.
    if (run->plan().speed.isFast() && run->state() == SimulationRun::State::Running)
        scheduleViewUpdate();
    else
        updateViews();
}

void SimulateWorkspace::batchSkipped(int index, const QString &reason)
{
    m_requestList->addSkipped(index, m_controller->run()->label(index), reason);
    m_transcript->timeline()->setMark(index, ConversationTimeline::Mark::Skipped);
    scheduleViewUpdate();
}

void SimulateWorkspace::recordCompleted(const RunRecord &record)
{
    m_requestList->addRecord(record);
    m_runView->addRecord(record);
    const bool failed = record.requestFailed() || record.answerInvalid();
    m_transcript->timeline()->setMark(record.index,
                                      !record.sent() ? ConversationTimeline::Mark::Skipped
                                      : failed       ? ConversationTimeline::Mark::Failed
                                                     : ConversationTimeline::Mark::Answered);
    scheduleViewUpdate();
}

void SimulateWorkspace::scheduleViewUpdate()
{
    if (!m_viewTimer->isActive())
        m_viewTimer->start();
}

void SimulateWorkspace::updateViews()
{
    m_viewTimer->stop();
    const SimulationRun *run = m_controller->run();
    if (run && m_highlightBatch >= 0 && run->plan().trigger == AppTrigger::TranscriptProcessed &&
        m_highlightBatch < run->plan().batches.size()) {
        const TranscriptBatch &batch = run->plan().batches.at(m_highlightBatch);
        m_transcript->highlight(batch.firstSegment, int(batch.segments.size()));
    }
    m_highlightBatch = -1;
    updateProgress();
}

void SimulateWorkspace::runFinished(const RunSummary &summary)
{
    m_progressTimer->stop();
    updateViews();
    updateRunState();
    m_requestList->finish(summary);
    // A plugin that could not be reached at all, or never finished, says so where the user
    // looks.
    const SimulationRun *run = m_controller->run();
    if (run && !run->records().isEmpty() && summary.latencySamples == 0) {
        const RunRecord &first = run->records().first();
        if (first.result.error == HttpError::MaxTimeReached)
            m_message->show(
                MessageStrip::Level::Error,
                tr("The plugin never finished its answer: %1").arg(first.result.errorMessage));
        else if (first.result.error != HttpError::Cancelled)
            m_message->show(
                MessageStrip::Level::Error,
                tr("The plugin could not be reached: %1").arg(first.result.errorMessage));
    }
}

void SimulateWorkspace::updateRunState()
{
    const SimulationRun *run = m_controller->run();
    const bool transcriptRun = run && run->plan().trigger == AppTrigger::TranscriptProcessed;
    m_transcript->setRunState(transcriptRun,
                              transcriptRun ? run->state() : SimulationRun::State::Idle);
    m_memory->sendButton()->setEnabled(!(run && !transcriptRun && m_controller->isActive()));
}

void SimulateWorkspace::updateProgress()
{
    const SimulationRun *run = m_controller->run();
    if (run && run->plan().trigger == AppTrigger::TranscriptProcessed) {
        m_transcript->showProgress(m_controller->progress());
        m_runView->setPosition(
            run->state() == SimulationRun::State::Finished ? -1.0 : run->conversationSeconds());
    }
}

void SimulateWorkspace::chooseFile(Mode mode)
{
    if (mode == Mode::Audio) {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a Recording"), QDir(samplesFolder()).filePath(QStringLiteral("audio")),
            tr("WAV (*.wav);;All files (*)"));
        if (!path.isEmpty())
            loadAudioFile(path);
        setMode(Mode::Audio);
        return;
    }
    const bool memory = mode == Mode::Memory;
    const QString folder =
        QDir(samplesFolder())
            .filePath(memory ? QStringLiteral("memories") : QStringLiteral("transcripts"));
    const QString path = QFileDialog::getOpenFileName(
        this, memory ? tr("Open a Memory") : tr("Open a Transcript"), folder,
        memory ? tr("Memories (*.json);;All files (*)")
               : tr("Transcripts (*.json *.srt *.vtt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (memory)
        loadMemoryFile(path);
    else
        loadTranscriptFile(path);
}

void SimulateWorkspace::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

// A subtitle file is a transcript; a JSON file goes to the page shown (a memory on the
// memory page, a transcript on the transcript page).
void SimulateWorkspace::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    const QString path = urls.first().toLocalFile();
    event->acceptProposedAction();
    if (isSubtitle(path) || mode() == Mode::Transcript)
        loadTranscriptFile(path);
    else
        loadMemoryFile(path);
}

} // namespace studio
