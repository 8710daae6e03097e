#pragma once

#include "runview/PreviewItem.h"

#include <QList>

namespace studio {

struct IntegrationCall;

// What the user of the app sees of a call an app made to its API, as phone preview lines:
// the notification it sent (titled with the app's name, as the app shows it) or the
// conversation it created (as the conversations list shows it). Nothing for the rest.
QList<PreviewItem> previewItemsOf(const IntegrationCall &call, const QString &appName);

} // namespace studio
