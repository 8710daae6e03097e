// --faults as simulate and load read it: whatever the text, a plan that reads back the same,
// or an error saying which item is wrong; and a plan's deliveries of any conversation keep
// every request, in time order.

#include "FuzzCheck.h"
#include "simulation/faults/FaultSchedule.h"

#include <QString>

#include <algorithm>

using namespace studio;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data),
                                           static_cast<qsizetype>(size));
    const ParsedFaults parsed = FaultPlan::parse(text);
    FUZZ_CHECK(parsed.plan.has_value() == parsed.error.isEmpty());
    if (!parsed.plan) {
        FUZZ_CHECK(parsed.error.startsWith(QStringLiteral("item ")));
        return 0;
    }
    const FaultPlan &plan = *parsed.plan;
    const ParsedFaults again = FaultPlan::parse(plan.spec());
    FUZZ_CHECK(plan.any() ? again.plan && again.plan->spec() == plan.spec() : plan.spec().isEmpty());

    std::vector<FaultSchedule::Request> requests;
    for (int i = 0; i < int(size % 40); ++i)
        requests.push_back({qint64(i) * 1'000'000'000, double(i)});
    FaultSchedule::Options options;
    options.plan = plan;
    options.seed = size;
    options.slowNetworkNs = qint64(plan.slowNetworkMs) * 1'000'000;
    options.transcript = size % 2 == 0;
    const std::vector<Delivery> deliveries = FaultSchedule::apply(requests, options);
    std::vector<int> seen(requests.size(), 0);
    for (std::size_t at = 0; at < deliveries.size(); ++at) {
        const Delivery &delivery = deliveries[at];
        FUZZ_CHECK(delivery.request >= 0 && delivery.request < int(requests.size()));
        FUZZ_CHECK(delivery.originalOf < int(at));
        if (delivery.originalOf >= 0)
            FUZZ_CHECK(deliveries[std::size_t(delivery.originalOf)].request == delivery.request);
        else
            ++seen[std::size_t(delivery.request)];
        FUZZ_CHECK(at == 0 || deliveries[at - 1].atNs <= delivery.atNs);
    }
    FUZZ_CHECK(std::all_of(seen.begin(), seen.end(), [](int count) { return count == 1; }));
    return 0;
}
