#pragma once

namespace studio {

class MainWindow;
class RunRecorder;
class SimulateWorkspace;
class ToolsPage;

// Puts the Tools page into the Simulate tab, beside History: the open app's chat tools,
// called with the Simulate tab's uid and signing secret, each call kept in the run history.
// It follows the open document: its app (id, name, where its tools are) and its contract (a
// 2024 plugin has no tools, and the page says so).
class ToolsView
{
public:
    static ToolsPage *install(MainWindow &window, SimulateWorkspace &workspace,
                              RunRecorder &recorder);
};

} // namespace studio
