#pragma once

#include "ToolsController.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace studio {

class BodyView;
class HeaderTable;

// A tool's answer as the chat shows it: the text the assistant receives, in a bubble under
// the tool's name, with its kind (result, message, raw, error, unavailable, failed); then
// the status and latency, and the exchange itself (request and response: line, headers,
// body), as the run views show requests.
class ToolAnswerView : public QWidget
{
    Q_OBJECT

public:
    explicit ToolAnswerView(QWidget *parent = nullptr);

    void setOutcome(const ToolCallOutcome &outcome);
    void clear();

    QString assistantText() const;
    QString kindText() const;
    QString statusText() const;
    BodyView *requestBody() const { return m_requestBody; }
    BodyView *responseBody() const { return m_responseBody; }
    QLabel *requestLine() const { return m_requestLine; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyBubbleStyle();

    QLabel *m_caller;
    QLabel *m_kind;
    QLabel *m_bubble;
    QLabel *m_status;
    QTabWidget *m_exchange;
    QLabel *m_requestLine;
    HeaderTable *m_requestHeaders;
    BodyView *m_requestBody;
    QLabel *m_responseLine;
    HeaderTable *m_responseHeaders;
    BodyView *m_responseBody;
    bool m_failed = false;
};

} // namespace studio
