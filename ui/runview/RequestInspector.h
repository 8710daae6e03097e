#pragma once

#include "simulation/report/RunRecord.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace studio {

class BodyView;
class HeaderTable;
class TimingWaterfall;
class VerdictBanner;

// One request of a run, as a browser's network panel shows it: what the app did with the
// answer (the verdict, on top), the request (method, URL, headers, body), the response
// (status line, size and truncation, headers, body) and the phase timings. Bodies load off
// the GUI thread (BodyView), so a response of many megabytes opens without a stall.
//
// Actions, also on keys while the inspector has focus: Copy as curl (Ctrl+Shift+C), Copy
// Body (the request's, Ctrl+Shift+B), Copy Response (status line, headers and body,
// Ctrl+Shift+R), Resend (Ctrl+Return).
class RequestInspector : public QWidget
{
    Q_OBJECT

public:
    enum Tab
    {
        RequestTab,
        ResponseTab,
        TimingTab
    };

    explicit RequestInspector(QWidget *parent = nullptr);

    void setRecord(const RunRecord &record);
    void clear();
    const std::optional<RunRecord> &record() const { return m_record; }
    void showTab(Tab tab);

    // What the panes show, for the tests.
    QString urlText() const;
    HeaderTable *requestHeaders() const { return m_requestHeaders; }
    HeaderTable *responseHeaders() const { return m_responseHeaders; }
    BodyView *requestBody() const { return m_requestBody; }
    BodyView *responseBody() const { return m_responseBody; }
    QString statusText() const;
    QString responseSummaryText() const;
    TimingWaterfall *waterfall() const { return m_waterfall; }
    VerdictBanner *verdict() const { return m_verdict; }
    QAction *copyCurlAction() const { return m_copyCurl; }
    QAction *copyBodyAction() const { return m_copyBody; }
    QAction *copyResponseAction() const { return m_copyResponse; }
    QAction *resendAction() const { return m_resend; }

    // The exact text the copy actions put on the clipboard.
    static QString responseText(const HttpResult &result);

signals:
    void resendRequested(const studio::RunRecord &record);

private:
    QWidget *buildRequestPane();
    QWidget *buildResponsePane();
    QWidget *buildTimingPane();
    QAction *makeAction(const QString &text, const QKeySequence &key, const QString &tip);
    void showResponse(const HttpResult &result);
    void showTiming(const RunRecord &record);
    void updateActions();

    std::optional<RunRecord> m_record;
    VerdictBanner *m_verdict;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QLineEdit *m_url;
    HeaderTable *m_requestHeaders;
    BodyView *m_requestBody;
    QLabel *m_status;
    QLabel *m_responseSummary;
    HeaderTable *m_responseHeaders;
    BodyView *m_responseBody;
    TimingWaterfall *m_waterfall;
    QLabel *m_timingNotes;
    QAction *m_copyCurl = nullptr;
    QAction *m_copyBody = nullptr;
    QAction *m_copyResponse = nullptr;
    QAction *m_resend = nullptr;
};

} // namespace studio
