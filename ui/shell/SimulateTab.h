#pragma once

namespace studio {

class BuiltInServer;
class ListenPage;
class MainWindow;
class SimulateWorkspace;
class ToolsPage;

// Puts the Simulate workspace into the studio window as its third tab, beside Manifest
// and Setup Instructions: it follows the open manifest and the theme, Ctrl+3 shows it, the
// form's "Send test" and "Check setup" open it and act, and a Simulate menu holds the run
// keys, and the servers (ServerViews), an app's chat tools (ToolsView) and the load run
// (LoadView) come along. The window calls it once its own views and menus exist.
class SimulateTab
{
public:
    struct Parts
    {
        SimulateWorkspace *workspace;
        BuiltInServer *builtInServer;
        ListenPage *listenPage;
        ToolsPage *toolsPage;
    };

    static Parts install(MainWindow &window);
};

} // namespace studio
