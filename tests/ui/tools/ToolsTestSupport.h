#pragma once

#include "LoopbackServer.h"
#include "json/JsonParser.h"

#include <QByteArray>
#include <QString>

namespace studio::test {

// An app's tools manifest with a tool of every parameter type (add_song, POST), a GET tool
// (find_song), and tools answering with a message, an error and a refusal.
inline const QByteArray kToolsManifest = "{\n"
    "  \"tools\": [\n"
    "    {\"name\": \"add_song\", \"description\": \"Adds a song to the playlist\",\n"
    "     \"endpoint\": \"/tools/add\", \"method\": \"POST\",\n"
    "     \"parameters\": {\"properties\": {\n"
    "         \"song\": {\"type\": \"string\", \"description\": \"The song's title\"},\n"
    "         \"genre\": {\"type\": \"string\", \"enum\": [\"rock\", \"jazz\"]},\n"
    "         \"count\": {\"type\": \"integer\"},\n"
    "         \"volume\": {\"type\": \"number\"},\n"
    "         \"loud\": {\"type\": \"boolean\"},\n"
    "         \"tags\": {\"type\": \"array\"}},\n"
    "       \"required\": [\"song\", \"count\"]},\n"
    "     \"auth_required\": true, \"status_message\": \"Adding...\"},\n"
    "    {\"name\": \"find_song\", \"description\": \"Finds a song\", \"endpoint\": \"/tools/find\",\n"
    "     \"method\": \"GET\",\n"
    "     \"parameters\": {\"properties\": {\"query\": {\"type\": \"string\"}, \"exact\": {\"type\": \"boolean\"}},\n"
    "                    \"required\": [\"query\"]}},\n"
    "    {\"name\": \"broken_song\", \"description\": \"Always fails\", \"endpoint\": \"/tools/broken\"},\n"
    "    {\"name\": \"private_song\", \"description\": \"Needs a login\", \"endpoint\": \"/tools/private\"}\n"
    "  ]\n"
    "}";

// One tool the backend can call, one without an endpoint (PS402) and one parameter of a
// type the backend does not support (PS403).
inline const QByteArray kBrokenManifest = "{\n"
    "  \"tools\": [\n"
    "    {\"name\": \"ok_tool\", \"description\": \"Works\", \"endpoint\": \"/tools/add\",\n"
    "     \"parameters\": {\"properties\": {\"when\": {\"type\": \"date\"}}}},\n"
    "    {\"name\": \"no_endpoint\", \"description\": \"Has none\"}\n"
    "  ]\n"
    "}";

inline constexpr const char *kAppId = "01HAPPTOOLS000000000000000";

// The routes of an app serving kToolsManifest at /.well-known/omi-tools.json.
inline void serveTools(LoopbackServer &server, const QByteArray &manifest = kToolsManifest)
{
    server.setRoute("/.well-known/omi-tools.json", HttpAnswer::json(200, manifest));
    server.setRoute("/tools/add", HttpAnswer::json(200, "{\"result\": \"Added Yesterday.\"}"));
    server.setRoute("/tools/find", HttpAnswer::json(200, "{\"message\": \"Found 2 songs.\"}"));
    server.setRoute("/tools/broken", HttpAnswer::json(500, "{\"error\": \"database down\"}"));
    server.setRoute("/tools/private", HttpAnswer::json(401, "{\"error\": \"login\"}"));
}

// The app document: its id, its name, and app_home_url at the server.
inline Json appAt(const LoopbackServer &server)
{
    return Json{{"id", kAppId},
                {"name", "Song Keeper"},
                {"external_integration", {{"app_home_url", server.baseUrl().toStdString()}}}};
}

} // namespace studio::test
