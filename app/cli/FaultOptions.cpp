#include "FaultOptions.h"

#include <QRandomGenerator>

namespace studio::cli {

const char *const FaultOptions::kHelp =
    "Faults the app produces (several with commas: --faults duplicate:0.1,gap:0.05 --seed 3):\n"
    "  --faults SPEC         duplicate:P  a request delivered twice, both with one\n"
    "                                     X-Omi-Idempotency-Key (the newer backend retries)\n"
    "                        reorder:P    two consecutive transcript batches swapped (the\n"
    "                                     requests race)\n"
    "                        burst        the phone offline for a quarter of the\n"
    "                                     conversation, then everything buffered at once\n"
    "                        gap:P        a request lost, never sent (a record marked so)\n"
    "                        slow-network:MS  every request leaves MS milliseconds later\n"
    "                        restart      the session starts over mid-conversation, with a\n"
    "                                     new session id and segment times from 0\n"
    "                        P is a probability per request from 0 to 1. Each record lists\n"
    "                        its faults; the summary says how the plugin coped (errors,\n"
    "                        timeouts, duplicates answered differently from their original)\n"
    "  --seed S              draws the faults, to repeat a run exactly (default: random,\n"
    "                        printed)\n";

void FaultOptions::addTo(OptionParser &parser)
{
    parser.addOption({QStringLiteral("faults"), QStringLiteral("Faults to inject."),
                      QStringLiteral("SPEC")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("S")});
}

std::optional<FaultOptions> FaultOptions::read(const OptionParser &parser, const CliIo &io)
{
    FaultOptions options;
    if (parser.isSet(QStringLiteral("faults"))) {
        const ParsedFaults parsed = FaultPlan::parse(parser.value(QStringLiteral("faults")));
        if (!parsed.plan) {
            io.fail("--faults: " + parsed.error.toStdString());
            return std::nullopt;
        }
        options.plan = *parsed.plan;
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        const QString text = parser.value(QStringLiteral("seed"));
        bool ok = false;
        const qulonglong seed = text.toULongLong(&ok);
        if (!ok || seed > 4'294'967'295ULL) {
            io.fail("--seed must be a whole number from 0 to 4294967295, not '" +
                    text.toStdString() + "'");
            return std::nullopt;
        }
        options.seed = quint32(seed);
    }
    return options;
}

namespace {

std::optional<QString> problemWith(const SimulationPlan &plan)
{
    if (plan.faults.slowNetworkMs > 0 && plan.speed.isFast())
        return QStringLiteral("--faults slow-network delays requests on the conversation's "
                              "clock: give --speed, not --fast");
    if (plan.trigger == AppTrigger::MemoryCreation && (plan.faults.reorder > 0 ||
                                                       plan.faults.burst || plan.faults.restart))
        return QStringLiteral("--faults: reorder, burst and restart need a conversation's "
                              "requests; a memory is one request (duplicate, gap and "
                              "slow-network apply)");
    if (plan.trigger == AppTrigger::AudioBytes && (plan.faults.reorder > 0 || plan.faults.restart))
        return QStringLiteral("--faults: reorder and restart apply to transcript batches; audio "
                              "is sent latest-wins without a session");
    return std::nullopt;
}

} // namespace

bool FaultOptions::applyTo(SimulationPlan &target, const CliIo &io) const
{
    target.faults = plan;
    target.faultSeed = seed ? *seed : QRandomGenerator::global()->generate();
    if (const std::optional<QString> problem = problemWith(target)) {
        io.fail(problem->toStdString());
        return false;
    }
    return true;
}

QString copingWithFaults(const RunSummary &summary, const QString &faults, quint64 seed)
{
    if (faults.isEmpty())
        return {};
    QString line = QStringLiteral("faults (%1, seed %2): %3 of %4 requests touched, %5 lost")
                       .arg(faults)
                       .arg(seed)
                       .arg(summary.faulted)
                       .arg(summary.count)
                       .arg(summary.lost);
    line += QStringLiteral("; the plugin: %1 errors (%2 timeouts), %3 invalid answers")
                .arg(summary.errors)
                .arg(summary.timeouts)
                .arg(summary.invalidAnswers);
    if (summary.duplicatesCompared > 0)
        line += QStringLiteral(", %1 of %2 duplicates answered differently from their original")
                    .arg(summary.duplicatesAnsweredDifferently)
                    .arg(summary.duplicatesCompared);
    return line;
}

} // namespace studio::cli
