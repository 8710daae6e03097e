#pragma once

#include "http/HttpExchange.h"

#include <QList>
#include <QWidget>

namespace studio {

// The phases of one exchange as bars on a shared time scale, as a browser's network panel
// draws them: DNS lookup, TCP connect, TLS handshake, waiting for the first byte, download.
// Each bar starts where the previous phase ended; a phase that did not happen (no TLS on
// http) has no bar.
class TimingWaterfall : public QWidget
{
    Q_OBJECT

public:
    struct Phase
    {
        QString name;
        double startMs = 0;
        double endMs = 0;
        double durationMs() const { return endMs - startMs; }
    };

    explicit TimingWaterfall(QWidget *parent = nullptr);

    void setTimings(const HttpTimings &timings, bool answered);
    const QList<Phase> &phases() const { return m_phases; }
    double totalMs() const { return m_totalMs; }

    // The phases libcurl's cumulative timings describe (see HarTimings).
    static QList<Phase> phasesOf(const HttpTimings &timings, bool answered);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Phase> m_phases;
    double m_totalMs = 0;
};

} // namespace studio
