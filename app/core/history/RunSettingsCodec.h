#pragma once

#include "RunSettings.h"
#include "json/JsonParser.h"
#include "simulation/report/RunInfo.h"

#include <QString>

#include <optional>

namespace studio {

// RunSettings and RunInfo as the history stores them: JSON objects with snake_case keys.
// Reading is tolerant of keys a later version adds and fills absent ones with defaults;
// a value of the wrong type is an error (nlohmann's exception, caught by RunHistory).
class RunSettingsCodec
{
public:
    static Json settingsToJson(const RunSettings &settings);
    // nullopt and *error when the stored memory does not load.
    static std::optional<RunSettings> settingsFromJson(const Json &json, QString *error);

    static Json infoToJson(const RunInfo &info);
    static RunInfo infoFromJson(const Json &json);
};

} // namespace studio
