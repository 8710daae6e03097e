#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;

namespace studio {

class ApiCallModel;
class ApiEmulatorController;
class MessageStrip;
class NotificationPreview;
struct IntegrationCall;

// The App API page of the Simulate tab, the window's `plugin-studio emulate-api`: the port,
// Start and Stop, what the app under development is configured with (base URL, app id,
// key: one Copy), the user and actions it is held to, then every call the app made, newest
// last, the selected one whole, and on a phone what the user sees of them (notifications,
// new conversations). Problems show in the page, in words.
class ApiEmulatorPage : public QWidget
{
    Q_OBJECT

public:
    explicit ApiEmulatorPage(ApiEmulatorController *controller, QWidget *parent = nullptr);

    ApiEmulatorController *controller() const { return m_controller; }
    ApiCallModel *model() const { return m_model; }
    QSpinBox *portBox() const { return m_port; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QLineEdit *keyEdit() const { return m_key; }
    QPlainTextEdit *environmentEdit() const { return m_environment; }
    QPushButton *copyButton() const { return m_copy; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *details() const { return m_details; }
    NotificationPreview *phone() const { return m_phone; }
    MessageStrip *messageStrip() const { return m_message; }
    QString statusText() const;

public slots:
    void start(); // with the page's port and key
    void stop();
    void copyEnvironment();

private:
    void buildLayout();
    void called(const IntegrationCall &call);
    void showSelected();
    void updateState();

    ApiEmulatorController *m_controller;
    ApiCallModel *m_model;
    MessageStrip *m_message;
    QSpinBox *m_port;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLineEdit *m_key;
    QPushButton *m_newKey;
    QPlainTextEdit *m_environment;
    QPushButton *m_copy;
    QLabel *m_scope;
    QLabel *m_status;
    QSplitter *m_splitter;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    NotificationPreview *m_phone;
};

} // namespace studio
