#pragma once

#include <string>

namespace studio {

struct PluginManifest;

// The starting text of a new setup-instructions file, in the shape real plugins use:
// numbered steps with a link to the plugin's setup page, a screenshots section pointing
// at assets/, troubleshooting and a feedback line. It passes the instructions checks as
// it is (the screenshot example is a comment until a file exists).
class InstructionsTemplate
{
public:
    static std::string text(const PluginManifest &manifest);

    // The page a user opens to set the plugin up: the first auth step, else the site of
    // the setup check or of the webhook, else a placeholder to replace.
    static std::string setupPageUrl(const PluginManifest &manifest);
};

} // namespace studio
