#pragma once

#include "TextSplice.h"

namespace studio {

// Decides when a keystroke joins the undo step of the keystrokes before it, the way text
// editors group typing: a run of characters typed one after another, or a run of
// Backspace or Delete presses, is one step. A jump elsewhere, a paste or a new line starts
// a new step, so undo never takes back more than the user expects.
class TypingRun
{
public:
    // `previous` is the run so far (possibly already merged), `next` the new keystroke.
    static bool continues(const TextSplice &previous, const TextSplice &next);
};

} // namespace studio
