#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace studio::cli {

// SIGINT (Ctrl+C) and SIGTERM as a Qt signal on the thread that made this, so a command
// that runs until stopped (serve, listen) leaves its event loop, closes what it wrote and
// exits 0. A signal handler may do almost nothing: it writes a byte to a pipe, and a
// QSocketNotifier reads it on the event loop. The previous handlers come back on
// destruction.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    StopSignals();
    ~StopSignals() override;

signals:
    void stopRequested(int signalNumber);

private:
    void readPipe();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace studio::cli
