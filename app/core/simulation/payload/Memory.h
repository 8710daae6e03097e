#pragma once

#include "MemoryGeolocation.h"
#include "MemoryPhoto.h"
#include "MemoryStructured.h"
#include "PluginResult.h"
#include "json/JsonParser.h"
#include "transcript/TranscriptSegment.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

// A memory (a finished conversation) with every field the app's memory_creation webhook
// carries; see the contract's table. Optional fields are the ones the app sends as null.
struct Memory
{
    QString id; // a uuid
    IsoDateTime createdAt;
    std::optional<IsoDateTime> startedAt;
    std::optional<IsoDateTime> finishedAt;
    std::optional<QString> source = QStringLiteral("friend");
    std::optional<QString> language;
    MemoryStructured structured;
    QList<TranscriptSegment> transcriptSegments;
    std::optional<MemoryGeolocation> geolocation;
    QList<MemoryPhoto> photos;
    QList<PluginResult> pluginsResults;
    std::optional<Json> externalData; // an object, or null
    bool discarded = false;
    bool deleted = false;
    QString visibility = QStringLiteral("private");
    std::optional<QString> processingMemoryId;

    // The values the app allows, in the contract's order.
    static QStringList sources();
    static QStringList categories();
    static QStringList visibilities();

    bool operator==(const Memory &) const = default;
};

} // namespace studio
