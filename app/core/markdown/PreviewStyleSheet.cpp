#include "PreviewStyleSheet.h"

namespace studio {

namespace {

struct Colours
{
    const char *link;
    const char *muted;
    const char *codePaper;
    const char *rule;
    const char *placeholderPaper;
    const char *placeholderText;
    const char *broken;
};

constexpr Colours kLight{"#0969da", "#6e7781", "#eff1f3", "#d0d7de",
                         "#fff4d6", "#6b4f00", "#cf222e"};
constexpr Colours kDark{"#58a6ff", "#8b949e", "#2d333b", "#444c56",
                        "#3d3212", "#f0d48a", "#ff7b72"};

} // namespace

QString PreviewStyleSheet::css(bool dark)
{
    const Colours &c = dark ? kDark : kLight;
    return QStringLiteral(
               "a { color: %1; }"
               "code { font-family: monospace; background-color: %3; }"
               "pre { font-family: monospace; background-color: %3; }"
               "blockquote { color: %2; }"
               "table { border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }"
               "th, td { border-width: 1px; border-style: solid; border-color: %4; padding: 4px; }"
               "th { font-weight: bold; }"
               "hr { color: %4; }"
               ".uid { color: %2; font-size: small; }"
               ".placeholder { background-color: %5; color: %6; }"
               ".broken { color: %7; font-size: small; }"
               ".empty { color: %2; font-style: italic; }")
        .arg(QLatin1String(c.link), QLatin1String(c.muted), QLatin1String(c.codePaper),
             QLatin1String(c.rule), QLatin1String(c.placeholderPaper),
             QLatin1String(c.placeholderText), QLatin1String(c.broken));
}

} // namespace studio
