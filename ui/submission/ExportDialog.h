#pragma once

#include "export/ExportPlan.h"
#include "export/ExportRequest.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace studio {

class DiffView;
class ExportBlockersView;
class SubmissionFilesView;

// "Export submission": the exact JSON of the entry, the diff the pull request makes to the
// index (against the git base, else the index as opened; the dialog says which), what holds
// the export back, and the files the pull request needs. Copies, saves the submission, or
// updates the index in place. Refuses to save or update while the entry has errors, unless
// the user ticks "Export anyway". Reading, asking git, patching and writing run off the GUI
// thread.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(ExportRequest request, QWidget *parent = nullptr);
    ~ExportDialog() override;

    bool isReady() const { return m_plan != nullptr && !m_busy; }
    const ExportPlan *plan() const { return m_plan.get(); }
    // Saving and updating are allowed: no errors, or the user insists.
    bool exportAllowed() const;

public slots:
    void copyJson();
    void copyDiff();
    void saveSubmissionTo(const QString &path);
    void updateIndex();

signals:
    void planReady();
    // Every save or update ends here, with what happened.
    void actionFinished(bool ok, const QString &message);
    void indexUpdated(const QString &path);

private:
    // What a save or an update on the worker thread came to.
    struct WriteOutcome
    {
        enum class Kind
        {
            Written,
            IndexChangedOnDisk,
            Failed
        };
        Kind kind = Kind::Failed;
        QString message;
    };
    enum class Write
    {
        Submission,
        Index
    };

    void buildUi();
    QWidget *buildSidePanel();
    void prepare();
    void showPlan();
    void updateButtons();
    void chooseSubmissionFile();
    void startWrite(Write write, std::function<WriteOutcome()> job);
    void writeFinished();
    void report(bool ok, const QString &message); // the outcome of a save or an update
    void showStatus(bool ok, const QString &message);
    QString summary() const;
    QString baseText() const;

    ExportRequest m_request;
    std::unique_ptr<ExportPlan> m_plan;
    bool m_busy = false;
    QFutureWatcher<ExportPlan> m_planWatcher;
    QFutureWatcher<WriteOutcome> m_writeWatcher;
    Write m_write = Write::Submission;

    QLabel *m_summary = nullptr;
    QLabel *m_base = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_json = nullptr;
    DiffView *m_diff = nullptr;
    ExportBlockersView *m_blockers = nullptr;
    QVBoxLayout *m_sideColumn = nullptr;
    SubmissionFilesView *m_files = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copyJson = nullptr;
    QPushButton *m_copyDiff = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_update = nullptr;
};

} // namespace studio
