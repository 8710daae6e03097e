#pragma once

#include "simulation/load/LoadSummary.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace studio {

// The settings of a load run, as `plugin-studio load` takes them: what each user sends (the
// Simulate tab's memory or transcript), users, ramp, duration, speed, connections, the cap
// in flight, the seed, and the limits it must stay within.
class LoadSettingsForm : public QWidget
{
    Q_OBJECT

public:
    enum class Source
    {
        Memory,
        Transcript
    };

    struct Values
    {
        Source source = Source::Memory;
        int users = 1;
        double rampSeconds = 0;
        std::optional<double> durationSeconds; // none: each user plays once
        double speed = 1;
        std::optional<bool> reuseConnections; // none: the contract's
        int maxInFlight = 0;                  // 0: no cap
        std::optional<quint32> seed;          // none: drawn at start
        LoadThresholds thresholds;
    };

    explicit LoadSettingsForm(QWidget *parent = nullptr);

    // The values typed; nullopt, with why in *error, when the seed is not a number.
    std::optional<Values> values(QString *error) const;
    void setSource(Source source);

    QComboBox *sourceBox() const { return m_source; }
    QSpinBox *usersBox() const { return m_users; }
    QDoubleSpinBox *rampBox() const { return m_ramp; }
    QDoubleSpinBox *durationBox() const { return m_duration; }
    QDoubleSpinBox *speedBox() const { return m_speed; }
    QComboBox *connectionsBox() const { return m_connections; }
    QSpinBox *maxInFlightBox() const { return m_maxInFlight; }
    QLineEdit *seedEdit() const { return m_seed; }
    QSpinBox *maxP95Box() const { return m_maxP95; }
    QDoubleSpinBox *maxErrorRateBox() const { return m_maxErrorRate; }

signals:
    void changed();

private:
    QComboBox *m_source;
    QSpinBox *m_users;
    QDoubleSpinBox *m_ramp;
    QDoubleSpinBox *m_duration;
    QDoubleSpinBox *m_speed;
    QComboBox *m_connections;
    QSpinBox *m_maxInFlight;
    QLineEdit *m_seed;
    QSpinBox *m_maxP95;
    QDoubleSpinBox *m_maxErrorRate;
};

} // namespace studio
