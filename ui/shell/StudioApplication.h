#pragma once

namespace studio {

// Creates the application object and the studio window, and runs the event loop.
int runStudio(int argc, char *argv[]);

} // namespace studio
