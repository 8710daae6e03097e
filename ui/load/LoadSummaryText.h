#pragma once

#include "simulation/load/LoadStats.h"
#include "simulation/load/LoadSummary.h"

#include <QString>

namespace studio::loadtext {

// The figures of a load run as the page writes them, in the words `plugin-studio load`
// prints them with, so the window and the terminal read alike.

// "12.5 ms", or "-" when nothing was measured.
QString milliseconds(const std::optional<double> &value);
// "timeout 2, status-500 1", or "none".
QString errors(const ErrorsByKind &errors);
// The run so far, beside the charts: totals, late, error rate, notifications.
QString figures(const LoadSummary &soFar, const LoadSecond &last);
// The whole run: throughput, latency percentiles, errors by kind, late sends, notifications.
QString summary(const LoadSummary &summary);
// "Passed" or "Failed: " and every reason, one a line.
QString verdict(const LoadAcceptance &acceptance);

} // namespace studio::loadtext
