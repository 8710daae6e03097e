#pragma once

#include "json/JsonParser.h"

#include <QString>

#include <vector>

namespace studio {

// The files on disk whose state a validation reports on: each entry's image, its setup
// instructions, and the local assets those instructions show or link to (where the app
// loads them and beside the markdown, as both are checked). Files that do not exist are
// listed too: one appearing changes the findings as much as one changing.
class ReferencedFiles
{
public:
    // For a manifest (an object) or a whole index (an array of them), as absolute paths
    // under `repositoryRoot`, each once. Reads the instructions' markdown: call it off the
    // GUI thread.
    static std::vector<QString> of(const Json &value, const QString &repositoryRoot);
};

} // namespace studio
