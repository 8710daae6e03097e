#pragma once

#include "LoopbackServer.h"
#include "json/JsonParser.h"

#include <QByteArray>
#include <QString>

namespace studio::test {

// An app's tools manifest with a tool of every parameter type (add_song, POST), a GET tool
// (find_song), and tools answering with a message, an error and a refusal.
inline const QByteArray kToolsManifest = R"({
  "tools": [
    {"name": "add_song", "description": "Adds a song to the playlist",
     "endpoint": "/tools/add", "method": "POST",
     "parameters": {"properties": {
         "song": {"type": "string", "description": "The song's title"},
         "genre": {"type": "string", "enum": ["rock", "jazz"]},
         "count": {"type": "integer"},
         "volume": {"type": "number"},
         "loud": {"type": "boolean"},
         "tags": {"type": "array"}},
       "required": ["song", "count"]},
     "auth_required": true, "status_message": "Adding..."},
    {"name": "find_song", "description": "Finds a song", "endpoint": "/tools/find",
     "method": "GET",
     "parameters": {"properties": {"query": {"type": "string"}, "exact": {"type": "boolean"}},
                    "required": ["query"]}},
    {"name": "broken_song", "description": "Always fails", "endpoint": "/tools/broken"},
    {"name": "private_song", "description": "Needs a login", "endpoint": "/tools/private"}
  ]
})";

// One tool the backend can call, one without an endpoint (PS402) and one parameter of a
// type the backend does not support (PS403).
inline const QByteArray kBrokenManifest = R"({
  "tools": [
    {"name": "ok_tool", "description": "Works", "endpoint": "/tools/add",
     "parameters": {"properties": {"when": {"type": "date"}}}},
    {"name": "no_endpoint", "description": "Has none"}
  ]
})";

inline constexpr const char *kAppId = "01HAPPTOOLS000000000000000";

// The routes of an app serving kToolsManifest at /.well-known/omi-tools.json.
inline void serveTools(LoopbackServer &server, const QByteArray &manifest = kToolsManifest)
{
    server.setRoute("/.well-known/omi-tools.json", HttpAnswer::json(200, manifest));
    server.setRoute("/tools/add", HttpAnswer::json(200, R"({"result": "Added Yesterday."})"));
    server.setRoute("/tools/find", HttpAnswer::json(200, R"({"message": "Found 2 songs."})"));
    server.setRoute("/tools/broken", HttpAnswer::json(500, R"({"error": "database down"})"));
    server.setRoute("/tools/private", HttpAnswer::json(401, R"({"error": "login"})"));
}

// The app document: its id, its name, and app_home_url at the server.
inline Json appAt(const LoopbackServer &server)
{
    return Json{{"id", kAppId},
                {"name", "Song Keeper"},
                {"external_integration", {{"app_home_url", server.baseUrl().toStdString()}}}};
}

} // namespace studio::test
