#pragma once

#include <functional>

namespace studio {

class MainWindow;

// Adds to the window what lives in libraries above the widgets library (the Simulate tab).
using WindowExtension = std::function<void(MainWindow &window)>;

// Creates the application object and the studio window, and runs the event loop.
int runStudio(int argc, char *argv[], const WindowExtension &extend = {});

} // namespace studio
