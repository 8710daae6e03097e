#pragma once

#include "contract/Contract.h"

#include "SimulationProgress.h"
#include "simulation/engine/ReplaySpeed.h"
#include "simulation/engine/SimulationRun.h"
#include "transcript/BatchingOptions.h"
#include "transcript/TranscriptSegment.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace studio {

class ConversationTimeline;
class SegmentTableModel;

// The transcript_processed page: a conversation to replay (a sample, a recent file, one
// opened or dropped), how it is cut (window) and how fast it goes, the run's controls, the
// conversation timeline to seek on, progress, and the segments with the window going out
// highlighted.
class TranscriptPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TranscriptPanel(QWidget *parent = nullptr);

    void setFixtures(const QStringList &samples, const QStringList &recent);
    void setLoading(const QString &path);
    // The file did not load: the transcript shown before stays.
    void setLoadFailed(const QString &path);
    void setTranscript(const QString &path, const QList<TranscriptSegment> &segments);
    bool hasTranscript() const;
    QString transcriptPath() const { return m_path; }

    BatchingOptions batching() const;
    ReplaySpeed speed() const;
    void setBatching(const BatchingOptions &batching);
    // Shows the contract's cadence (30 s, or 1 s today) unless the user chose a window.
    void followContract(const Contract &contract);
    void setSpeed(const ReplaySpeed &speed);

    // The run's state decides which controls act.
    void setRunState(bool hasRun, SimulationRun::State state);
    void showProgress(const SimulationProgress &progress);
    // Highlights segments [first, first + count) and scrolls them into view.
    void highlight(int first, int count);

    SegmentTableModel *segments() const { return m_model; }
    QTableView *segmentView() const { return m_view; }
    ConversationTimeline *timeline() const { return m_timeline; }
    QProgressBar *progressBar() const { return m_progress; }
    QString progressText() const;
    QComboBox *windowBox() const { return m_window; }
    QComboBox *speedBox() const { return m_speed; }
    QDoubleSpinBox *customWindow() const { return m_customWindow; }
    QPushButton *playButton() const { return m_play; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *stopButton() const { return m_stop; }

signals:
    void fixtureChosen(const QString &path);
    void openRequested();
    void playRequested();
    void pauseRequested();
    void stepRequested();
    void stopRequested();
    void seekRequested(double seconds);

private:
    QWidget *buildSource();
    QWidget *buildControls();

    QString m_path;
    QComboBox *m_fixtures = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_window = nullptr;
    bool m_windowChosen = false;
    QDoubleSpinBox *m_customWindow = nullptr;
    QComboBox *m_speed = nullptr;
    QPushButton *m_play = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_step = nullptr;
    QPushButton *m_stop = nullptr;
    ConversationTimeline *m_timeline = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    SegmentTableModel *m_model;
    QTableView *m_view = nullptr;
};

} // namespace studio
