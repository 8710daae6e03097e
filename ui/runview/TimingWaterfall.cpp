#include "TimingWaterfall.h"

#include "RunFormat.h"
#include "simulation/report/HarTimings.h"

#include <QPainter>

namespace studio {

namespace {

constexpr int kRowHeight = 22;
constexpr int kMargin = 6;

QColor phaseColour(int phase, bool dark)
{
    static const QColor light[] = {QColor(0x1b, 0x9e, 0x77), QColor(0xd9, 0x5f, 0x02),
                                   QColor(0x75, 0x70, 0xb3), QColor(0x9e, 0x9e, 0x9e),
                                   QColor(0x1f, 0x6f, 0xd6)};
    static const QColor darkColours[] = {QColor(0x4f, 0xd1, 0xa5), QColor(0xff, 0x9a, 0x4d),
                                         QColor(0xa9, 0xa4, 0xf0), QColor(0xa8, 0xad, 0xb4),
                                         QColor(0x5a, 0xa8, 0xff)};
    return (dark ? darkColours : light)[phase % 5];
}

} // namespace

TimingWaterfall::TimingWaterfall(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QList<TimingWaterfall::Phase> TimingWaterfall::phasesOf(const HttpTimings &timings, bool answered)
{
    const HarTimings har = HarTimings::fromHttp(timings);
    QList<Phase> phases;
    double at = 0;
    const auto add = [&phases, &at](const QString &name, double duration) {
        if (duration < 0)
            return;
        phases.append({name, at, at + duration});
        at += duration;
    };
    add(tr("DNS lookup"), har.dns);
    add(tr("TCP connect"), har.connect >= 0 ? har.connect - std::max(0.0, har.ssl) : -1);
    add(tr("TLS handshake"), har.ssl);
    add(answered ? tr("Waiting (first byte)") : tr("Waiting (no answer)"), har.wait);
    if (answered)
        add(tr("Download"), har.receive);
    return phases;
}

void TimingWaterfall::setTimings(const HttpTimings &timings, bool answered)
{
    m_phases = phasesOf(timings, answered);
    m_totalMs = timings.totalMs;
    updateGeometry();
    update();
}

QSize TimingWaterfall::sizeHint() const
{
    return {420, minimumSizeHint().height()};
}

QSize TimingWaterfall::minimumSizeHint() const
{
    return {240, kMargin * 2 + (int(m_phases.size()) + 1) * kRowHeight};
}

void TimingWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colours = palette();
    const bool dark = colours.color(QPalette::Window).lightness() < 128;
    const QFontMetrics metrics(font());
    int nameWidth = metrics.horizontalAdvance(tr("Total"));
    for (const Phase &phase : m_phases)
        nameWidth = std::max(nameWidth, metrics.horizontalAdvance(phase.name));
    const int valueWidth = metrics.horizontalAdvance(QStringLiteral("00000 ms")) + 8;
    const double barLeft = kMargin + nameWidth + 12;
    const double barWidth = std::max(20.0, width() - barLeft - valueWidth - kMargin);
    const double scale = m_totalMs > 0 ? barWidth / m_totalMs : 0;

    const auto drawRow = [&](int row, const QString &name, double start, double end, QColor fill,
                             bool bold) {
        const double top = kMargin + row * kRowHeight;
        QFont rowFont = font();
        rowFont.setBold(bold);
        painter.setFont(rowFont);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(QRectF(kMargin, top, nameWidth, kRowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, name);
        // The track, so short phases still show where on the scale they sit.
        painter.setPen(Qt::NoPen);
        painter.setBrush(colours.color(QPalette::AlternateBase));
        painter.drawRect(QRectF(barLeft, top + 5, barWidth, kRowHeight - 10));
        painter.setBrush(fill);
        const double width = std::max(2.0, (end - start) * scale);
        painter.drawRoundedRect(QRectF(barLeft + start * scale, top + 5, width, kRowHeight - 10), 2,
                                2);
        painter.setPen(colours.color(QPalette::WindowText));
        painter.drawText(QRectF(barLeft + barWidth + 8, top, valueWidth, kRowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, runformat::duration(end - start));
    };
    for (int i = 0; i < m_phases.size(); ++i)
        drawRow(i, m_phases[i].name, m_phases[i].startMs, m_phases[i].endMs, phaseColour(i, dark),
                false);
    drawRow(int(m_phases.size()), tr("Total"), 0, m_totalMs, colours.color(QPalette::Mid), true);
}

} // namespace studio
