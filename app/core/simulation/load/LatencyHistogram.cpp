#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace studio {

int LatencyHistogram::bucketOf(qint64 micros)
{
    const auto value = static_cast<quint64>(micros);
    if (value < (1u << kExactBits))
        return int(value);
    // value >> shift lies in [128, 256): the top eight bits pick the sub-bucket.
    const int shift = std::bit_width(value) - kExactBits;
    return (1 << kExactBits) + (shift - 1) * kSubBuckets + int(value >> shift) - kSubBuckets;
}

qint64 LatencyHistogram::lowestOf(int bucket)
{
    if (bucket < (1 << kExactBits))
        return bucket;
    const int above = bucket - (1 << kExactBits);
    const int shift = above / kSubBuckets + 1;
    return qint64(above % kSubBuckets + kSubBuckets) << shift;
}

qint64 LatencyHistogram::widthOf(int bucket)
{
    if (bucket < (1 << kExactBits))
        return 1;
    return qint64(1) << ((bucket - (1 << kExactBits)) / kSubBuckets + 1);
}

void LatencyHistogram::add(double milliseconds)
{
    const qint64 micros =
        std::clamp<qint64>(std::llround(milliseconds * 1000.0), 0, kMaxMicroseconds);
    ++m_counts[std::size_t(bucketOf(micros))];
    m_minMicros = m_count == 0 ? micros : std::min(m_minMicros, micros);
    m_maxMicros = m_count == 0 ? micros : std::max(m_maxMicros, micros);
    ++m_count;
}

void LatencyHistogram::reset()
{
    if (m_count == 0)
        return;
    m_counts.fill(0);
    m_count = 0;
    m_minMicros = m_maxMicros = 0;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (std::size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_minMicros = m_count == 0 ? other.m_minMicros : std::min(m_minMicros, other.m_minMicros);
    m_maxMicros = m_count == 0 ? other.m_maxMicros : std::max(m_maxMicros, other.m_maxMicros);
    m_count += other.m_count;
}

std::optional<double> LatencyHistogram::minMs() const
{
    return m_count ? std::optional<double>(double(m_minMicros) / 1000.0) : std::nullopt;
}

std::optional<double> LatencyHistogram::maxMs() const
{
    return m_count ? std::optional<double>(double(m_maxMicros) / 1000.0) : std::nullopt;
}

std::optional<double> LatencyHistogram::percentileMs(double p) const
{
    if (m_count == 0)
        return std::nullopt;
    const double rank = std::clamp(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(m_count)),
                                   1.0, double(m_count));
    // The ends are kept exactly.
    if (rank <= 1)
        return minMs();
    if (rank >= double(m_count))
        return maxMs();
    qint64 seen = 0;
    for (int bucket = 0; bucket < kBuckets; ++bucket) {
        seen += m_counts[std::size_t(bucket)];
        if (double(seen) < rank)
            continue;
        // The middle of the bucket, within what was seen: exact at the ends and below 256 µs.
        const double middle = double(lowestOf(bucket)) + double(widthOf(bucket) - 1) / 2.0;
        return std::clamp(middle, double(m_minMicros), double(m_maxMicros)) / 1000.0;
    }
    return maxMs();
}

} // namespace studio
