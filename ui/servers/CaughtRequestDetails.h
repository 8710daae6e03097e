#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace studio {

class BodyView;
class HeaderTable;
struct CaughtRequest;

// One caught request as it came, read-only: its request line, who sent it and what it was
// answered, its headers and its body. The body view formats large bodies on a worker
// thread and shows their first part at once (BodyView), so no body stalls the window.
class CaughtRequestDetails : public QWidget
{
    Q_OBJECT

public:
    explicit CaughtRequestDetails(QWidget *parent = nullptr);

    // `bodyBytes`: the whole body's size, when `caught` holds only its first part.
    void setRequest(const CaughtRequest &caught, qsizetype bodyBytes);
    void clear();

    QString summaryText() const;
    BodyView *body() const { return m_body; }
    HeaderTable *headers() const { return m_headers; }

private:
    QLabel *m_summary;
    QTabWidget *m_tabs;
    BodyView *m_body;
    HeaderTable *m_headers;
};

} // namespace studio
