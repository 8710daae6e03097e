#pragma once

class QMenu;

namespace studio {

class BuiltInServer;
class ListenPage;
class MainWindow;
class RunRecorder;
class SimulateWorkspace;

// Puts the window's servers into it: the built-in plugin server (its action in the Simulate
// menu, its state in the status bar) and the Listen page beside History, whose caught
// requests go into the run history and whose fixtures replay on the Memory and Transcript
// Stream pages. Neither server starts here: the window starts the built-in one when it
// opens (MainWindow::start), the user the other.
class ServerViews
{
public:
    struct Parts
    {
        BuiltInServer *builtInServer;
        ListenPage *listenPage;
    };

    static Parts install(MainWindow &window, SimulateWorkspace &workspace, RunRecorder &recorder,
                         QMenu &simulateMenu);
};

} // namespace studio
