#pragma once

#include <QtGlobal>

#include <array>
#include <optional>

namespace studio {

// Latencies of a whole load run in constant memory, exact to better than 1%: values are
// counted in microseconds, below 256 µs one bucket per microsecond, above in buckets as wide
// as 1/128 of their lower bound (the HDR histogram's layout with 128 sub-buckets per power
// of two). A value reads back as its bucket's middle, clamped to the minimum and maximum
// seen, which are kept exactly. Values beyond an hour count as an hour.
//
// Percentiles use the nearest rank, as RunSummary does: the bucket holding the value at rank
// ceil(p/100 * n).
class LatencyHistogram
{
public:
    static constexpr qint64 kMaxMicroseconds = 3'600'000'000LL;

    void add(double milliseconds);
    void reset();
    void merge(const LatencyHistogram &other);

    qint64 count() const { return m_count; }
    std::optional<double> minMs() const;
    std::optional<double> maxMs() const;
    // p in [0, 100]; nullopt when nothing was counted.
    std::optional<double> percentileMs(double p) const;

private:
    static constexpr int kExactBits = 8;                      // 0..255 µs exactly
    static constexpr int kSubBuckets = 1 << (kExactBits - 1); // per power of two above
    static constexpr int kBuckets = (1 << kExactBits) + 25 * kSubBuckets;

    static int bucketOf(qint64 micros);
    static qint64 lowestOf(int bucket);
    static qint64 widthOf(int bucket);

    std::array<qint64, kBuckets> m_counts{};
    qint64 m_count = 0;
    qint64 m_minMicros = 0;
    qint64 m_maxMicros = 0;
};

} // namespace studio
