#pragma once

#include "SimulationController.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace studio {

// The setup page: the app's check (GET setup_completed_url?uid=...) with its verdict, and
// the auth steps' links as the app opens them, uid appended, opening the system browser.
class SetupCheckPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SetupCheckPanel(QWidget *parent = nullptr);

    // The manifest's setup URL (empty: no setup needed) and the request it makes.
    void setSetup(const QString &setupUrl, const QString &checkUrl,
                  const QList<SimulationController::AuthLink> &links);
    void setChecking();
    void showVerdict(const RunRecord &record, const SetupVerdict &verdict);

    QPushButton *checkButton() const { return m_check; }
    QString verdictText() const;
    QString linksText() const;

signals:
    void checkRequested();
    void linkActivated(const QString &url);

private:
    QLabel *m_request;
    QPushButton *m_check;
    QLabel *m_verdict;
    QLabel *m_detail;
    QLabel *m_links;
};

} // namespace studio
