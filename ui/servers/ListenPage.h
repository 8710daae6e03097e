#pragma once

#include "listen/CaughtRequest.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;

namespace studio {

class CaughtRequestDetails;
class CaughtRequestModel;
class ListenController;
class MessageStrip;

// The Listen page of the Simulate tab, the window's `plugin-studio listen`: where to listen
// and record, the JSON every request is answered with (checked as it is typed), Start and
// Stop, the address to give the phone (through a tunnel), and what came in: a row per
// request, newest last, the selected one as it came. A memory or a transcript caught can
// be replayed on its own page (replayRequested). Problems show in the page, in words.
class ListenPage : public QWidget
{
    Q_OBJECT

public:
    explicit ListenPage(ListenController *controller, QWidget *parent = nullptr);

    ListenController *controller() const { return m_controller; }
    CaughtRequestModel *model() const { return m_model; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *folderEdit() const { return m_folder; }
    QPlainTextEdit *answerEdit() const { return m_answer; }
    QLabel *answerProblem() const { return m_answerProblem; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QLineEdit *addressEdit() const { return m_address; }
    QPushButton *copyButton() const { return m_copy; }
    QTableView *table() const { return m_table; }
    CaughtRequestDetails *details() const { return m_details; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QPushButton *replayButton() const { return m_replay; }
    MessageStrip *messageStrip() const { return m_message; }
    QString statusText() const;

public slots:
    void start(); // with the page's port, folder and answer, which the settings remember
    void stop();
    void replaySelected();
    void openFolder();

signals:
    // Load this fixture on the page of its kind (Memory or Transcript).
    void replayRequested(studio::CaughtRequest::Kind kind, const QString &fixture);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildLayout();
    void loadSettings();
    void checkAnswer();
    void chooseFolder();
    void copyAddress();
    void caught(const CaughtRequest &caught);
    void selectionChanged();
    void updateState();
    int selectedRow() const;

    ListenController *m_controller;
    CaughtRequestModel *m_model;
    MessageStrip *m_message;
    QSpinBox *m_port;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QPlainTextEdit *m_answer;
    QLabel *m_answerProblem;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLineEdit *m_address;
    QPushButton *m_copy;
    QLabel *m_hint;
    QLabel *m_status;
    QPushButton *m_openFolder;
    QPushButton *m_replay;
    QSplitter *m_splitter;
    QTableView *m_table;
    CaughtRequestDetails *m_details;
};

} // namespace studio
