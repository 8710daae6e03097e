#pragma once

#include "simulation/engine/SimulationRun.h"
#include "simulation/judge/SetupCheckJudge.h"
#include "transcript/TranscriptLoadResult.h"

#include <QWidget>

class QAction;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace studio {

class ActionRegistry;
class AudioPanel;
class MemoryDraft;
class MemoryPanel;
class MessageStrip;
class RequestList;
class RunView;
class RequestListModel;
class SetupCheckPanel;
class SimulationController;
class TargetPanel;
class TranscriptFileLoader;
class TranscriptPanel;
struct PluginManifest;

// The Simulate tab: the target above; a page per way the app calls the plugin (a memory,
// a transcript stream, the setup check); the requests of the run below, in a results area
// the run views can take over (resultsHost()). Errors show in a strip, never as dialogs.
// Files load on worker threads; runs are the controller's, so nothing here blocks.
class SimulateWorkspace : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        Memory,
        Transcript,
        Audio,
        Setup
    };

    SimulateWorkspace(SimulationController *controller, ActionRegistry *actions,
                      QWidget *parent = nullptr);
    ~SimulateWorkspace() override;

    SimulationController *controller() const { return m_controller; }
    TargetPanel *targetPanel() const { return m_target; }
    MemoryPanel *memoryPanel() const { return m_memory; }
    TranscriptPanel *transcriptPanel() const { return m_transcript; }
    SetupCheckPanel *setupPanel() const { return m_setup; }
    AudioPanel *audioPanel() const { return m_audio; }
    MessageStrip *messageStrip() const { return m_message; }
    MemoryDraft *memoryDraft() const { return m_draft; }
    // The Transcript page's conversation, empty until one is read.
    const QList<TranscriptSegment> &segments() const { return m_segments; }
    RequestListModel *requests() const;
    QTableView *requestView() const;
    // Where the run's results show: the run views (timeline, latency, inspector, what the
    // user sees) and the schedule of requests as they go out.
    QTabWidget *resultsHost() const { return m_results; }
    RunView *runView() const { return m_runView; }
    QString resultsSummary() const;

    void setManifest(const PluginManifest &manifest);
    // Runs, the transcript window and the judge follow the open document's contract.
    void setContract(const Contract &contract);
    // The plugin's logo on disk, for the notifications the user would see.
    void setLogoPath(const QString &path) { m_logoPath = path; }
    void setDark(bool dark);
    Mode mode() const;
    void setMode(Mode mode);
    // A page after the three ways of calling the plugin (the run history). It takes the
    // results' height too while it shows: the results belong to the three.
    void addPage(QWidget *page, const QString &title);
    void showPage(QWidget *page);
    bool isAddedPageShown() const;

    // The samples' folder (memories/, transcripts/), empty when there is none.
    static QString samplesFolder();

public slots:
    void loadMemoryFile(const QString &path);
    void loadTranscriptFile(const QString &path);
    // Reads a WAV (or raw PCM) off the GUI thread for the Audio page (which it does not show).
    void loadAudioFile(const QString &path);
    void sendAudio();
    void generateMemoryFrom(const QString &transcriptPath);
    // Ctrl+Return: sends the memory, or plays the transcript, by the page shown.
    void sendOrPlay();
    // The form's "Send test": the page of the plugin's trigger, then sendOrPlay().
    void sendTest();
    void sendMemory();
    void play();
    void step();
    void togglePause();
    void stop();
    void seek(double conversationSeconds);
    // Double-click on a segment: on to the window that carries it.
    void seekToSegment(int segment);
    void checkSetup();

signals:
    void linkOpened(const QString &url);

protected:
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions(ActionRegistry *actions);
    void connectController();
    void loadDefaults();
    void refreshFixtures();
    void refreshTarget();
    void refreshSetup();
    void updateRunState();
    void updateProgress();
    void transcriptLoaded(const QString &path, const TranscriptLoadResult &result);
    void runStarted(const SimulationPlan &plan);
    void batchSent(int index);
    void batchSkipped(int index, const QString &reason);
    void recordCompleted(const RunRecord &record);
    void runFinished(const RunSummary &summary);
    void scheduleViewUpdate();
    void updateViews();
    void setupChecked(const RunRecord &record, const SetupVerdict &verdict);
    void openLink(const QString &url);
    void chooseFile(Mode mode);

    SimulationController *m_controller;
    MemoryDraft *m_draft;
    TranscriptFileLoader *m_transcriptLoader;
    TargetPanel *m_target;
    QTabWidget *m_modes;
    MemoryPanel *m_memory;
    TranscriptPanel *m_transcript;
    AudioPanel *m_audio;
    SetupCheckPanel *m_setup;
    MessageStrip *m_message;
    QSplitter *m_splitter;
    QTabWidget *m_results;
    RunView *m_runView;
    RequestList *m_requestList;
    QString m_logoPath;
    QTimer *m_progressTimer;
    QTimer *m_viewTimer;
    int m_highlightBatch = -1; // the batch whose segments the next view update highlights
    QList<TranscriptSegment> m_segments;
    std::optional<PcmAudio> m_pcm; // the Audio page's recording, once read
    QString m_audioPath;
    int m_audioLoads = 0; // a read that finished after a newer one started is dropped
    QString m_pluginId;
    QAction *m_sendAction = nullptr;
    bool m_defaultsLoaded = false;
    bool m_sendWhenChecked = false;
};

} // namespace studio
