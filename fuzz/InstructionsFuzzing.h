#pragma once

#include "markdown/InstructionsContext.h"

namespace studio::fuzz {

// The sample plugin whose instructions have an assets/ folder, in the bundled repository:
// links and images in the input resolve against real files there.
inline InstructionsContext sampleInstructions()
{
    InstructionsContext context;
    context.pluginId = "meeting-notes";
    context.instructionsPath = "/plugins/instructions/meeting-notes/README.md";
    context.repositoryRoot = QStringLiteral(STUDIO_SAMPLES_DIR "/repo");
    return context;
}

} // namespace studio::fuzz
