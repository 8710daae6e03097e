#include "ValidationRuleCases.h"

// Kept out of the test's moc-scanned file: moc reads "//" inside raw strings as a comment.
namespace studio::test {

namespace {

// clang-format off
constexpr RuleCase kCases[] = {
    // Required fields and types
    {"PS101 missing name", R"({"name": null})", "PS101", "error", "/name", "{", "missing the required field 'name'"},
    {"PS101 missing webhook", R"({"external_integration": {"webhook_url": null}})", "PS101", "error", "/external_integration/webhook_url", "\"external_integration\"", "external_integration is missing the required field 'webhook_url'"},
    {"PS101 missing instructions path", R"({"external_integration": {"setup_instructions_file_path": null}})", "PS101", "error", "/external_integration/setup_instructions_file_path", "", "'setup_instructions_file_path'"},
    {"PS102 capabilities as a string", R"({"capabilities": "memories"})", "PS102", "error", "/capabilities", "\"memories\"", "must be an array of strings, not a string"},
    {"PS102 deleted as a string", R"({"deleted": "false"})", "PS102", "error", "/deleted", "\"false\"", "must be true or false"},
    {"PS102 capability item a number", R"({"capabilities": ["memories", 3, "external_integration"]})", "PS102", "error", "/capabilities/1", "3", "must be a string, not a number"},
    {"PS102 setup url a number", R"({"external_integration": {"setup_completed_url": 5}})", "PS102", "error", "/external_integration/setup_completed_url", "5", "a string or null"},
    {"PS102 section as array", R"({"external_integration": []})", "PS102", "error", "/external_integration", "[]", "must be an object"},
    {"PS103 empty name", R"({"name": "  "})", "PS103", "warning", "/name", "\"  \"", "'name' is empty"},
    // Capabilities
    {"PS110 unknown capability", R"({"capabilities": ["memories", "external_integrations"]})", "PS110", "error", "/capabilities/1", "\"external_integrations\"", "did you mean 'external_integration'?"},
    {"PS111 memories without prompt", R"({"memory_prompt": null})", "PS111", "error", "/memory_prompt", "{", "capability 'memories' needs 'memory_prompt'"},
    {"PS111 integration without section", R"({"external_integration": null})", "PS111", "error", "/external_integration", "", "needs 'external_integration'"},
    {"PS112 prompt without capability", R"({"chat_prompt": "Be kind."})", "PS112", "warning", "/chat_prompt", "\"chat_prompt\"", "does not list 'chat'"},
    {"PS113 capability twice", R"({"capabilities": ["memories", "memories", "external_integration"]})", "PS113", "warning", "/capabilities/1", "\"memories\"", "listed twice"},
    {"PS114 no capabilities", R"({"capabilities": []})", "PS114", "error", "/capabilities", "[]", "does nothing"},
    {"PS115 empty prompt", R"({"memory_prompt": " "})", "PS115", "error", "/memory_prompt", "\" \"", "empty prompt"},
    // Id
    {"PS120 empty id", R"({"id": ""})", "PS120", "error", "/id", "\"\"", "the id is empty"},
    {"PS120 blank id", R"({"id": " \t"})", "PS120", "error", "/id", "", "only white space"},
    {"PS121 id style", R"({"id": "My_Plugin"})", "PS121", "warning", "/id", "\"My_Plugin\"", "(like 'my-plugin')"},
    {"PS121 dotted id", R"({"id": "mentor.01"})", "PS121", "warning", "/id", "", "(like 'mentor-01')"},
    {"PS121 double hyphen", R"({"id": "my--plugin"})", "PS121", "warning", "/id", "\"my--plugin\"", "(like 'my-plugin')"},
    {"PS121 leading hyphen", R"({"id": "-my-plugin"})", "PS121", "warning", "/id", "", "(like 'my-plugin')"},
    {"PS121 trailing hyphen", R"({"id": "my-plugin-"})", "PS121", "warning", "/id", "", "(like 'my-plugin')"},
    {"PS121 non-ASCII letter", R"({"id": "café-bot"})", "PS121", "warning", "/id", "", "(like 'caf-bot')"},
    // URLs
    {"PS130 not a url", R"({"external_integration": {"webhook_url": "example.com/hook"}})", "PS130", "error", "/external_integration/webhook_url", "\"example.com/hook\"", "not absolute"},
    {"PS130 other scheme", R"({"external_integration": {"webhook_url": "ftp://example.com/hook"}})", "PS130", "error", "/external_integration/webhook_url", "", "scheme 'ftp'"},
    {"PS130 white space", R"({"external_integration": {"webhook_url": " https://example.com/hook"}})", "PS130", "error", "/external_integration/webhook_url", "", "white space"},
    {"PS130 no host", R"({"external_integration": {"webhook_url": "https:///hook"}})", "PS130", "error", "/external_integration/webhook_url", "", "no host"},
    {"PS130 empty", R"({"external_integration": {"webhook_url": ""}})", "PS130", "error", "/external_integration/webhook_url", "\"\"", "is empty"},
    {"PS130 setup url", R"({"external_integration": {"setup_completed_url": "setup"}})", "PS130", "error", "/external_integration/setup_completed_url", "", "setup_completed_url is not absolute"},
    {"PS131 plain http", R"({"external_integration": {"webhook_url": "http://example.com/hook"}})", "PS131", "warning", "/external_integration/webhook_url", "", "plain http"},
    {"PS132 localhost", R"({"external_integration": {"webhook_url": "https://localhost:8000/hook"}})", "PS132", "warning", "/external_integration/webhook_url", "", "'localhost'"},
    {"PS132 loopback", R"({"external_integration": {"webhook_url": "https://127.0.0.1/hook"}})", "PS132", "warning", "/external_integration/webhook_url", "", "cannot reach"},
    {"PS132 private network", R"({"external_integration": {"webhook_url": "https://192.168.1.20/hook"}})", "PS132", "warning", "/external_integration/webhook_url", "", "cannot reach"},
    {"PS133 uid in webhook", R"({"external_integration": {"webhook_url": "https://example.com/hook?uid=42"}})", "PS133", "info", "/external_integration/webhook_url", "", "receives two"},
    {"PS134 setup url with query", R"({"external_integration": {"setup_completed_url": "https://example.com/setup?app=x"}})", "PS134", "warning", "/external_integration/setup_completed_url", "", "second '?'"},
    // External integration
    {"PS140 unknown trigger", R"({"external_integration": {"triggers_on": "memory_created"}})", "PS140", "error", "/external_integration/triggers_on", "\"memory_created\"", "did you mean 'memory_creation'?"},
    {"PS141 auth step a string", R"({"external_integration": {"auth_steps": ["https://example.com/auth"]}})", "PS141", "error", "/external_integration/auth_steps/0", "\"https://example.com/auth\"", "must be an object"},
    {"PS141 auth step without url", R"({"external_integration": {"auth_steps": [{"name": "Sign in"}]}})", "PS141", "error", "/external_integration/auth_steps/0/url", "{", "missing the required field 'url'"},
    {"PS141 auth step with empty name", R"({"external_integration": {"auth_steps": [{"name": "", "url": "https://example.com/a"}]}})", "PS141", "error", "/external_integration/auth_steps/0/name", "\"\"", "name is empty"},
    {"PS130 auth step url", R"({"external_integration": {"auth_steps": [{"name": "Go", "url": "auth"}]}})", "PS130", "error", "/external_integration/auth_steps/0/url", "\"auth\"", "auth step's url"},
    // Image
    {"PS150 no leading slash", R"({"image": "plugins/logos/my-plugin.png"})", "PS150", "error", "/image", "\"plugins/logos/my-plugin.png\"", "starts with '/'"},
    {"PS150 a url", R"({"image": "https://example.com/logo.png"})", "PS150", "error", "/image", "", "it is a URL"},
    {"PS150 leaves the repository", R"({"image": "/plugins/../../logo.png"})", "PS150", "error", "/image", "", "'..'"},
    {"PS151 missing image", R"({"image": "/plugins/logos/other.png"})", "PS151", "error", "/image", "\"/plugins/logos/other.png\"", "does not exist"},
    {"PS151 near miss", R"({"image": "/plugins/logos/my-plugn.png"})", "PS151", "error", "/image", "", "did you mean '/plugins/logos/my-plugin.png'?"},
    {"PS151 case differs", R"({"image": "/plugins/logos/My-Plugin.png"})", "PS151", "error", "/image", "", "did you mean '/plugins/logos/my-plugin.png'?"},
    {"PS152 no extension", R"({"image": "/plugins/logos/noext"})", "PS152", "error", "/image", "", "has no extension"},
    {"PS152 gif", R"({"image": "/plugins/logos/anim.gif"})", "PS152", "error", "/image", "", "'.gif' is not a supported image type"},
    {"PS153 not an image", R"({"image": "/plugins/logos/page.png"})", "PS153", "error", "/image", "", "not a readable image"},
    {"PS154 jpeg named png", R"({"image": "/plugins/logos/photo.png"})", "PS154", "warning", "/image", "", "extension says PNG but its content is JPEG"},
    {"PS155 not square", R"({"image": "/plugins/logos/wide.png"})", "PS155", "warning", "/image", "", "600x400 px, not square"},
    {"PS156 small", R"({"image": "/plugins/logos/small.png"})", "PS156", "warning", "/image", "", "128x128 px"},
    {"PS157 heavy", R"({"image": "/plugins/logos/heavy.png"})", "PS157", "warning", "/image", "", "1.5 MB"},
    // Instructions
    {"PS160 no leading slash", R"({"external_integration": {"setup_instructions_file_path": "plugins/instructions/my-plugin/README.md"}})", "PS160", "error", "/external_integration/setup_instructions_file_path", "", "malformed instructions path"},
    {"PS161 missing", R"({"external_integration": {"setup_instructions_file_path": "/plugins/instructions/my-plugin/SETUP.md"}})", "PS161", "error", "/external_integration/setup_instructions_file_path", "", "does not exist"},
    {"PS162 not markdown", R"({"external_integration": {"setup_instructions_file_path": "/plugins/instructions/my-plugin/README.txt"}})", "PS162", "warning", "/external_integration/setup_instructions_file_path", "", "README.md"},
    {"PS163 folder not the id", R"({"external_integration": {"setup_instructions_file_path": "/plugins/instructions/myplugin/README.md"}})", "PS163", "warning", "/external_integration/setup_instructions_file_path", "", "folder is 'myplugin' but the id is 'my-plugin'"},
    // Proactive notification
    {"PS170 unknown scope", R"({"capabilities": ["memories", "external_integration", "proactive_notification"], "proactive_notification": {"scopes": ["user_names"]}})", "PS170", "error", "/proactive_notification/scopes/0", "\"user_names\"", "did you mean 'user_name'?"},
    {"PS171 no scopes", R"({"capabilities": ["memories", "external_integration", "proactive_notification"], "proactive_notification": {"scopes": []}})", "PS171", "warning", "/proactive_notification/scopes", "[]", "empty"},
    {"PS111 proactive without section", R"({"capabilities": ["memories", "external_integration", "proactive_notification"]})", "PS111", "error", "/proactive_notification", "", "needs 'proactive_notification'"},
    // Keys
    {"PS180 legacy prompt", R"({"prompt": ""})", "PS180", "warning", "/prompt", "\"prompt\"", "legacy field"},
    {"PS180 legacy memories", R"({"memories": true})", "PS180", "warning", "/memories", "\"memories\"", "legacy field"},
    {"PS181 server owned", R"({"installs": 10})", "PS181", "warning", "/installs", "\"installs\"", "written by the app's server"},
    {"PS182 unknown top-level key", R"({"descripton": "x"})", "PS182", "warning", "/descripton", "\"descripton\"", "did you mean 'description'?"},
    {"PS182 camelCase key", R"({"external_integration": {"webhookUrl": "https://example.com"}})", "PS182", "warning", "/external_integration/webhookUrl", "\"webhookUrl\"", "did you mean 'webhook_url'?"},
    {"PS182 auth_url", R"({"external_integration": {"auth_url": "https://example.com"}})", "PS182", "warning", "/external_integration/auth_url", "", "unknown key 'auth_url' in external_integration"},
    {"PS183 auth steps at the top", R"({"auth_steps": [{"name": "a", "url": "https://example.com"}]})", "PS183", "warning", "/auth_steps", "\"auth_steps\"", "belongs inside external_integration"},
    {"PS183 prompt inside the section", R"({"external_integration": {"memory_prompt": "x"}})", "PS183", "warning", "/external_integration/memory_prompt", "", "belongs at the top level"},
    {"PS184 deleted", R"({"deleted": true})", "PS184", "warning", "/deleted", "true", "hides the plugin"},
    {"PS185 no deleted flag", R"({"deleted": null})", "PS185", "info", "", "{", "no 'deleted' flag"},
};
// clang-format on

} // namespace

// A manifest that passes every rule; each row changes it with a JSON merge patch (RFC 7386:
// null removes a member) and expects one finding.
const char *const kValidManifest = R"({
  "id": "my-plugin",
  "name": "My Plugin",
  "author": "@me",
  "description": "Files every conversation.",
  "image": "/plugins/logos/my-plugin.png",
  "capabilities": ["memories", "external_integration"],
  "memory_prompt": "Summarise the conversation.",
  "external_integration": {
    "triggers_on": "memory_creation",
    "webhook_url": "https://example.com/hook",
    "setup_completed_url": "https://example.com/setup",
    "setup_instructions_file_path": "/plugins/instructions/my-plugin/README.md",
    "auth_steps": [{"name": "Sign in", "url": "https://example.com/auth"}]
  },
  "deleted": false
})";

std::span<const RuleCase> validationRuleCases()
{
    return kCases;
}

} // namespace studio::test
