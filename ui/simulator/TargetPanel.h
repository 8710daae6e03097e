#pragma once

#include "SimulationTarget.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace studio {

// Where and as whom the plugin is called: the webhook URL (the manifest's, or one typed to
// use instead), the timeout and the max time, the uid, the session id (or a fresh one each
// run), the payload profile and, for an app whose contract signs, the signing secret (shown
// as a password; remembered only when asked). Shows the URL a request actually goes to,
// with the uid appended.
class TargetPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TargetPanel(QWidget *parent = nullptr);

    // Shows the target without emitting targetEdited().
    void setTarget(const SimulationTarget &target, const QString &manifestUrl);
    SimulationTarget target() const;
    void setEffectiveUrl(const QString &url); // the URL with the uid appended
    // Whether the open plugin's contract signs webhooks; the secret's field is off otherwise.
    void setSigningAvailable(bool available);

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *uidEdit() const { return m_uid; }
    QLineEdit *sessionEdit() const { return m_session; }
    QCheckBox *freshSessionBox() const { return m_fresh; }
    QComboBox *profileBox() const { return m_profile; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QSpinBox *maxTimeBox() const { return m_maxTime; }
    QLineEdit *secretEdit() const { return m_secret; }
    QCheckBox *rememberSecretBox() const { return m_rememberSecret; }

signals:
    void targetEdited(const studio::SimulationTarget &target);

private:
    void edited();

    QLineEdit *m_url;
    QLineEdit *m_uid;
    QLineEdit *m_session;
    QCheckBox *m_fresh;
    QComboBox *m_profile;
    QSpinBox *m_timeout;
    QSpinBox *m_maxTime;
    QLineEdit *m_secret;
    QCheckBox *m_rememberSecret;
    QLabel *m_effective;
    bool m_showing = false;
};

} // namespace studio
