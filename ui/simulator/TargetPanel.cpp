#include "TargetPanel.h"

#include "simulation/engine/SimulationPlan.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace studio {

TargetPanel::TargetPanel(QWidget *parent)
    : QWidget(parent)
    , m_url(new QLineEdit(this))
    , m_uid(new QLineEdit(this))
    , m_session(new QLineEdit(this))
    , m_fresh(new QCheckBox(tr("New id each run"), this))
    , m_profile(new QComboBox(this))
    , m_timeout(new QSpinBox(this))
    , m_maxTime(new QSpinBox(this))
    , m_secret(new QLineEdit(this))
    , m_rememberSecret(new QCheckBox(tr("Remember"), this))
    , m_effective(new QLabel(this))
{
    m_url->setObjectName(QStringLiteral("simulatorUrl"));
    m_url->setClearButtonEnabled(true);
    m_url->setToolTip(tr("Leave empty to call the manifest's webhook_url; type another (e.g. "
                         "http://localhost:8000/hook) to call your development server. "
                         "Remembered for this plugin."));
    m_uid->setObjectName(QStringLiteral("simulatorUid"));
    m_uid->setPlaceholderText(QString::fromLatin1(SimulationPlan::kDefaultUid));
    m_uid->setToolTip(tr("The user id the app appends to the URL (?uid=)"));
    m_session->setObjectName(QStringLiteral("simulatorSessionId"));
    m_session->setPlaceholderText(tr("the uid"));
    m_session->setToolTip(tr("The session_id of transcript_processed calls"));
    m_fresh->setObjectName(QStringLiteral("simulatorFreshSession"));
    m_fresh->setToolTip(tr("A new uuid as session_id for every run, so a plugin that "
                           "accumulates segments by session starts clean"));
    m_profile->setObjectName(QStringLiteral("simulatorProfile"));
    for (const PayloadProfile profile : PayloadProfiles::all()) {
        m_profile->addItem(PayloadProfiles::name(profile), int(profile));
        m_profile->setItemData(m_profile->count() - 1, PayloadProfiles::summary(profile),
                               Qt::ToolTipRole);
    }
    m_profile->setToolTip(tr("The memory_creation body's shape"));
    m_timeout->setObjectName(QStringLiteral("simulatorTimeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("The app waits 30 s, then gives up; no retries"));
    m_maxTime->setObjectName(QStringLiteral("simulatorMaxTime"));
    m_maxTime->setRange(1, 3600);
    m_maxTime->setSuffix(tr(" s"));
    m_maxTime->setToolTip(tr("The studio stops a request still going after this long. The app "
                             "never does: its timeout counts silence, so a server that sends a "
                             "byte now and then keeps it waiting"));
    m_secret->setObjectName(QStringLiteral("simulatorSigningSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("none: unsigned"));
    m_secret->setClearButtonEnabled(true);
    m_secret->setMinimumWidth(90);
    m_rememberSecret->setObjectName(QStringLiteral("simulatorRememberSecret"));
    m_rememberSecret->setToolTip(tr("Keep the secret in the studio's settings for this plugin, "
                                    "in the clear; otherwise it is forgotten when the studio "
                                    "closes"));
    setSigningAvailable(false);
    m_effective->setObjectName(QStringLiteral("simulatorEffectiveUrl"));
    m_effective->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_effective->setForegroundRole(QPalette::PlaceholderText);
    // A long URL is cut, never widening the window.
    m_effective->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_effective->setMinimumWidth(1);

    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *title = new QLabel(text, this);
        title->setBuddy(buddy);
        return title;
    };
    m_url->setMinimumWidth(160);
    m_uid->setMinimumWidth(90);
    m_session->setMinimumWidth(90);
    auto *where = new QHBoxLayout;
    where->setSpacing(6);
    where->addWidget(label(tr("&Webhook URL"), m_url));
    where->addWidget(m_url, 1);
    where->addSpacing(6);
    where->addWidget(label(tr("&Timeout"), m_timeout));
    where->addWidget(m_timeout);
    where->addWidget(label(tr("&Max time"), m_maxTime));
    where->addWidget(m_maxTime);
    where->addSpacing(6);
    where->addWidget(label(tr("Si&gning secret"), m_secret));
    where->addWidget(m_secret);
    where->addWidget(m_rememberSecret);
    auto *who = new QHBoxLayout;
    who->setSpacing(6);
    who->addWidget(label(tr("&UID"), m_uid));
    who->addWidget(m_uid, 2);
    who->addSpacing(6);
    who->addWidget(label(tr("Sess&ion id"), m_session));
    who->addWidget(m_session, 2);
    who->addWidget(m_fresh);
    who->addSpacing(6);
    who->addWidget(label(tr("&Payload"), m_profile));
    who->addWidget(m_profile);
    who->addSpacing(6);
    who->addWidget(m_effective, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(where);
    layout->addLayout(who);

    for (QLineEdit *edit : {m_url, m_uid, m_session, m_secret})
        connect(edit, &QLineEdit::editingFinished, this, &TargetPanel::edited);
    connect(m_fresh, &QCheckBox::toggled, this, &TargetPanel::edited);
    connect(m_rememberSecret, &QCheckBox::toggled, this, &TargetPanel::edited);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &TargetPanel::edited);
    connect(m_timeout, &QSpinBox::valueChanged, this, &TargetPanel::edited);
    connect(m_maxTime, &QSpinBox::valueChanged, this, &TargetPanel::edited);
}

void TargetPanel::setTarget(const SimulationTarget &target, const QString &manifestUrl)
{
    m_showing = true;
    m_url->setText(target.urlOverride);
    m_url->setPlaceholderText(manifestUrl.isEmpty() ? tr("no webhook_url in the manifest: type one")
                                                    : manifestUrl);
    m_uid->setText(target.uid);
    m_session->setText(target.sessionId);
    m_fresh->setChecked(target.freshSessionPerRun);
    m_session->setEnabled(!target.freshSessionPerRun);
    m_profile->setCurrentIndex(m_profile->findData(int(target.profile)));
    m_timeout->setValue(std::max(1, target.timeoutMs / 1000));
    m_maxTime->setValue(std::max(1, target.maxTimeMs / 1000));
    m_secret->setText(target.signingSecret);
    m_rememberSecret->setChecked(target.rememberSecret);
    m_showing = false;
}

SimulationTarget TargetPanel::target() const
{
    SimulationTarget target;
    target.urlOverride = m_url->text().trimmed();
    target.uid = m_uid->text().trimmed();
    target.sessionId = m_session->text().trimmed();
    target.freshSessionPerRun = m_fresh->isChecked();
    target.profile = PayloadProfile(m_profile->currentData().toInt());
    target.timeoutMs = m_timeout->value() * 1000;
    target.maxTimeMs = m_maxTime->value() * 1000;
    target.signingSecret = m_secret->text().trimmed();
    target.rememberSecret = m_rememberSecret->isChecked();
    return target;
}

void TargetPanel::setSigningAvailable(bool available)
{
    m_secret->setEnabled(available);
    m_rememberSecret->setEnabled(available);
    m_secret->setToolTip(
        available ? tr("The app's signing secret (whsec_...): each request then carries "
                       "X-Omi-Signature, X-Omi-Event and X-Omi-Delivery, as the app signs for "
                       "an app with a secret")
                  : tr("Signed webhooks are today's apps' (apps-2026): the 2024 app never "
                       "signed"));
}

void TargetPanel::setEffectiveUrl(const QString &url)
{
    m_effective->setText(url);
    m_effective->setToolTip(tr("Requests go to %1").arg(url));
    m_url->setToolTip(m_effective->toolTip());
}

void TargetPanel::edited()
{
    m_session->setEnabled(!m_fresh->isChecked());
    if (!m_showing)
        emit targetEdited(target());
}

} // namespace studio
