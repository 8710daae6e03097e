#include "BuildInfo.h"

namespace studio::build_info {

std::string_view version()
{
    return STUDIO_VERSION;
}

std::string_view license()
{
    return "All rights reserved: the project has not chosen a licence yet.";
}

std::string_view homepage()
{
    return STUDIO_HOMEPAGE_URL;
}

} // namespace studio::build_info
