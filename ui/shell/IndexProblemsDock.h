#pragma once

namespace studio {

class IndexProblemsView;
class MainWindow;

// Puts the whole index's problems into the studio window, as a dock tabbed with the open
// entry's problems: it follows the session's index validation (progress in the dock and the
// entry list, counts in its title), says when the open entry's edits are not in the index
// yet, and a problem activated there opens its entry and shows it. The window calls it
// once its own docks exist.
class IndexProblemsDock
{
public:
    static IndexProblemsView *install(MainWindow &window);
};

} // namespace studio
