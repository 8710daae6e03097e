#include "RunRecord.h"

namespace studio {

std::optional<double> RunRecord::latencyMs() const
{
    if (result.status <= 0)
        return std::nullopt;
    return result.timings.totalMs;
}

QString RunRecord::errorCode() const
{
    return result.error == HttpError::None ? QString() : httpErrorName(result.error);
}

} // namespace studio
