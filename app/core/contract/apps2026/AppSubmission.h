#pragma once

#include "contract/Submission.h"
#include "json/JsonParser.h"

#include <QStringList>

namespace studio::app_submission {

// The create endpoint (CONTRACT-2026.md, section 6): POST, multipart form.
inline constexpr const char *kCreateUrl = "https://api.omi.me/v1/apps";
inline constexpr const char *kAppDataFileName = "app_data.json";

// app_data.json (the fields an author sets: no server-owned field, none of the 2024 index,
// no image since the logo is uploaded) and the logo beside the app in `folder`, copied.
Submission submission(const Json &app, const QString &folder);

// The curl command creating the app from the written files: paths[0] is app_data.json, sent
// as the form's app_data field (its text, as the endpoint's Form(str) takes it), paths[1]
// the logo, sent as the file part. The token is the shell's $OMI_TOKEN.
QString curlCommand(const QStringList &paths);

} // namespace studio::app_submission
