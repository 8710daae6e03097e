#pragma once

#include <string>
#include <string_view>

namespace studio {

// What a link or image destination in the setup instructions points at, as the app sees
// it: the app rewrites relative "assets/..." destinations into the plugin's instructions
// folder and opens everything else as it is.
struct LinkTarget
{
    enum class Kind
    {
        Web,       // http or https
        Mail,      // mailto:
        Phone,     // tel:
        Fragment,  // "#section", a place in the same document
        Asset,     // "assets/..." (or "./assets/..."), a file beside the instructions
        Relative,  // any other relative path: the app does not resolve it
        Malformed, // empty, white space, a script or an unknown scheme
    };

    Kind kind = Kind::Malformed;
    std::string destination; // as written in the markdown
    // For Asset: the path under the instructions folder, percent-decoded and without query
    // or fragment ("assets/step 1.png"). For Malformed: why the app cannot open it.
    std::string detail;
    bool dotSlash = false;  // an Asset written "./assets/...": the app rewrites only "assets/"
    bool plainHttp = false; // a Web link over http, not https

    static LinkTarget classify(std::string_view destination);
};

} // namespace studio
