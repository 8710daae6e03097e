#pragma once

#include <QImage>
#include <QMetaType>
#include <QString>

namespace studio {

// What the store shows for a plugin's logo: the picture, or the reason the placeholder
// stands in for it.
struct LogoImage
{
    enum class State
    {
        Loading,
        Loaded,
        Placeholder
    };

    State state = State::Loading;
    QImage image;    // set when Loaded
    QString problem; // set when Placeholder: what is wrong and where
    QString summary; // set when Loaded: "/plugins/logos/x.png, 512x512 px"

    static LogoImage loading() { return {}; }
    static LogoImage loaded(QImage image, QString summary)
    {
        return {State::Loaded, std::move(image), {}, std::move(summary)};
    }
    static LogoImage placeholder(QString problem)
    {
        return {State::Placeholder, {}, std::move(problem), {}};
    }
};

} // namespace studio

Q_DECLARE_METATYPE(studio::LogoImage)
