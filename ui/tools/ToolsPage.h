#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace studio {

class ActionRegistry;
class MessageStrip;
class ProblemsModel;
class ProblemsView;
class ToolAnswerView;
class ToolForm;
class ToolsController;
struct ToolCallOutcome;

// The Simulate tab's Tools page: an app's chat tools as the assistant sees them, each tried
// from the window. Above, where the manifest comes from (its URL, or a file) with Reload
// and Open File...; on the left the tools (<app_id>_<name>, method and endpoint) and the
// manifest's findings, located; on the right the chosen tool's description, a form made
// from its parameters, Call (Ctrl+Return) and Stop, and the answer as the chat shows it.
// A 2024 plugin has no tools: the page says so.
class ToolsPage : public QWidget
{
    Q_OBJECT

public:
    ToolsPage(ToolsController *controller, ActionRegistry *actions, QWidget *parent = nullptr);

    // Whether the open document is an app (apps-2026), which has chat tools.
    void setAvailable(bool available);
    bool isAvailable() const { return m_available; }
    // The app changed (ToolsController::setApp): the URL shown follows it.
    void appChanged();
    // Chooses a tool by its manifest name; false when there is none.
    bool chooseTool(const std::string &name);
    // Calls the chosen tool with the form's arguments, when they fit.
    void call();

    ToolsController *controller() const { return m_controller; }
    QLineEdit *urlEdit() const { return m_url; }
    QListWidget *toolList() const { return m_tools; }
    ProblemsModel *findings() const { return m_findingsModel; }
    ProblemsView *findingsView() const { return m_findings; }
    ToolForm *form() const { return m_form; }
    QPushButton *callButton() const { return m_call; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *reloadButton() const { return m_reload; }
    QLabel *callProblem() const { return m_callProblem; }
    QLabel *sourceStatus() const { return m_sourceStatus; }
    QLabel *toolDescription() const { return m_description; }
    ToolAnswerView *answer() const { return m_answer; }
    QProgressBar *progress() const { return m_progress; }
    QAction *callAction() const { return m_callAction; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildSourceBar();
    QWidget *buildToolsColumn();
    QWidget *buildCallColumn();
    void openFile();
    void manifestChanged();
    void toolChosen();
    void updateCallState();
    void updateProgress();
    void callFinished(const ToolCallOutcome &outcome);

    ToolsController *m_controller;
    QAction *m_callAction;
    QStackedWidget *m_stack;
    QLabel *m_unavailable;
    MessageStrip *m_message;
    QLineEdit *m_url;
    QPushButton *m_reload;
    QPushButton *m_open;
    QLabel *m_sourceStatus;
    QListWidget *m_tools;
    ProblemsModel *m_findingsModel;
    ProblemsView *m_findings;
    QLabel *m_description;
    ToolForm *m_form;
    QPushButton *m_call;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QLabel *m_callProblem;
    ToolAnswerView *m_answer;
    QTimer *m_clock;
    bool m_available = false;
};

} // namespace studio
