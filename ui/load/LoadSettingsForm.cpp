#include "LoadSettingsForm.h"

#include "simulation/engine/ReplaySpeed.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace studio {

namespace {

QDoubleSpinBox *secondsBox(double maximum, double value, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, maximum);
    box->setDecimals(1);
    box->setSuffix(QObject::tr(" s"));
    box->setValue(value);
    return box;
}

} // namespace

LoadSettingsForm::LoadSettingsForm(QWidget *parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_users(new QSpinBox(this))
    , m_ramp(secondsBox(3600, 5, this))
    , m_duration(secondsBox(86'400, 30, this))
    , m_speed(new QDoubleSpinBox(this))
    , m_connections(new QComboBox(this))
    , m_maxInFlight(new QSpinBox(this))
    , m_seed(new QLineEdit(this))
    , m_maxP95(new QSpinBox(this))
    , m_maxErrorRate(new QDoubleSpinBox(this))
{
    m_source->addItem(tr("The Memory page's memory"), int(Source::Memory));
    m_source->addItem(tr("The Transcript page's conversation"), int(Source::Transcript));
    m_users->setRange(1, 100'000); // as `load --users`
    m_users->setValue(10);
    m_duration->setSpecialValueText(tr("one round each"));
    m_duration->setToolTip(tr("Run this long: a user whose conversation is over starts it again"));
    m_ramp->setToolTip(tr("Spread the users' starts evenly over this long"));
    m_speed->setRange(ReplaySpeed::kMinimumFactor, ReplaySpeed::kMaximumFactor);
    m_speed->setDecimals(2);
    m_speed->setPrefix(QStringLiteral("\u00d7"));
    m_speed->setValue(1);
    m_speed->setToolTip(tr("Each conversation this many times faster than real time; ramp and "
                           "duration stay real seconds"));
    m_connections->addItem(tr("As the contract"));
    m_connections->addItem(tr("Reuse (a pool)"), true);
    m_connections->addItem(tr("New for each call"), false);
    for (QComboBox *box : {m_source, m_connections}) {
        // Narrow screens: the choices are read in full when the list opens.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
    m_maxInFlight->setRange(0, 1'000'000);
    m_maxInFlight->setSpecialValueText(tr("no cap"));
    m_maxInFlight->setToolTip(tr("At most this many requests out at once; the rest wait and go "
                                 "late"));
    m_seed->setPlaceholderText(tr("random"));
    m_seed->setToolTip(tr("Names the users (load-<seed>-<n>), to repeat a run with the same uids"));
    m_maxP95->setRange(0, 3'600'000);
    m_maxP95->setSuffix(tr(" ms"));
    m_maxP95->setSpecialValueText(tr("no limit"));
    m_maxErrorRate->setRange(0, 100);
    m_maxErrorRate->setDecimals(2);
    m_maxErrorRate->setSuffix(tr(" %"));
    m_maxErrorRate->setToolTip(tr("The share of requests that may fail; 0: not one may"));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    // Label and field pairs, three to a row (a 1024 px screen leaves the page ~740 px); the
    // source takes the room of two.
    const auto put = [grid, this](int row, int column, const QString &label, QWidget *field,
                                  int span = 1) {
        auto *text = new QLabel(label, this);
        text->setBuddy(field);
        grid->addWidget(text, row, column * 2, Qt::AlignRight);
        grid->addWidget(field, row, column * 2 + 1, 1, span * 2 - 1);
    };
    put(0, 0, tr("Each user &sends:"), m_source, 2);
    put(0, 2, tr("Spee&d:"), m_speed);
    put(1, 0, tr("&Users:"), m_users);
    put(1, 1, tr("&Ramp:"), m_ramp);
    put(1, 2, tr("D&uration:"), m_duration);
    put(2, 0, tr("Conn&ections:"), m_connections);
    put(2, 1, tr("Max in &flight:"), m_maxInFlight);
    put(2, 2, tr("Seed:"), m_seed);
    put(3, 0, tr("Max p&95:"), m_maxP95);
    put(3, 1, tr("Max error r&ate:"), m_maxErrorRate);
    for (int column = 1; column < 6; column += 2)
        grid->setColumnStretch(column, 1);

    for (QSpinBox *box : {m_users, m_maxInFlight, m_maxP95})
        connect(box, &QSpinBox::valueChanged, this, &LoadSettingsForm::changed);
    for (QDoubleSpinBox *box : {m_ramp, m_duration, m_speed, m_maxErrorRate})
        connect(box, &QDoubleSpinBox::valueChanged, this, &LoadSettingsForm::changed);
    for (QComboBox *box : {m_source, m_connections})
        connect(box, &QComboBox::currentIndexChanged, this, &LoadSettingsForm::changed);
    connect(m_seed, &QLineEdit::textChanged, this, &LoadSettingsForm::changed);
}

std::optional<LoadSettingsForm::Values> LoadSettingsForm::values(QString *error) const
{
    Values values;
    values.source = Source(m_source->currentData().toInt());
    values.users = m_users->value();
    values.rampSeconds = m_ramp->value();
    if (m_duration->value() > 0)
        values.durationSeconds = m_duration->value();
    values.speed = m_speed->value();
    if (const QVariant reuse = m_connections->currentData(); reuse.isValid())
        values.reuseConnections = reuse.toBool();
    values.maxInFlight = m_maxInFlight->value();
    if (const QString seed = m_seed->text().trimmed(); !seed.isEmpty()) {
        bool ok = false;
        const uint number = seed.toUInt(&ok);
        if (!ok) {
            *error =
                tr("The seed must be a whole number from 0 to 4294967295, not '%1'.").arg(seed);
            return std::nullopt;
        }
        values.seed = number;
    }
    if (m_maxP95->value() > 0)
        values.thresholds.maxP95Ms = m_maxP95->value();
    values.thresholds.maxErrorRate = m_maxErrorRate->value() / 100;
    return values;
}

void LoadSettingsForm::setSource(Source source)
{
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

} // namespace studio
