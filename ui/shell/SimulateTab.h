#pragma once

namespace studio {

class MainWindow;
class SimulateWorkspace;

// Puts the Simulate workspace into the studio window as its third tab, beside Manifest
// and Setup Instructions: it follows the open manifest and the theme, Ctrl+3 shows it, the
// form's "Send test" and "Check setup" open it and act, and a Simulate menu holds the run
// keys. The window calls it once its own views and menus exist.
class SimulateTab
{
public:
    static SimulateWorkspace *install(MainWindow &window);
};

} // namespace studio
