#pragma once

namespace studio {

class IndexProblemsView;
class MainWindow;

// Puts the whole index's problems into the studio window, as a dock tabbed with the open
// entry's problems: it follows the session's index validation (progress in the dock and the
// entry list, counts in its title) with the open entry's findings taken from its text as
// typed (IndexReportAsTyped), and a problem activated there opens its entry and shows it.
// The window calls it once its own docks exist.
class IndexProblemsDock
{
public:
    static IndexProblemsView *install(MainWindow &window);
};

} // namespace studio
