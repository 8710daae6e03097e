#pragma once

#include <QWidget>

class QLabel;

namespace studio {

class LogoAvatar;
struct LogoImage;
struct RunSummary;

// The strip above a run: the plugin's round logo and name, and the run's figures so far
// (requests, notifications, failures, latency percentiles).
class RunHeader : public QWidget
{
    Q_OBJECT

public:
    explicit RunHeader(QWidget *parent = nullptr);

    void setPluginName(const QString &name);
    void setLogo(const LogoImage &logo);
    void setSummary(const RunSummary &summary);
    QString summaryText() const;
    LogoAvatar *avatar() const { return m_avatar; }

private:
    LogoAvatar *m_avatar;
    QLabel *m_name;
    QLabel *m_summary;
};

} // namespace studio
