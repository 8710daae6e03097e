#pragma once

namespace studio {

class LoadPage;
class MainWindow;
class SimulateWorkspace;

// Puts the Load page into the Simulate tab, after Tools: many users of the app calling the
// open plugin at once, with the tab's memory or transcript and target. A run going stops when
// another document (or another entry) opens.
class LoadView
{
public:
    static LoadPage *install(MainWindow &window, SimulateWorkspace &workspace);
};

} // namespace studio
