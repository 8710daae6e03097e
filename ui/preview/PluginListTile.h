#pragma once

#include "StoreCard.h"

class QLabel;

namespace studio {

class ElidedText;
class LogoAvatar;
struct LogoImage;
struct PluginManifest;

// The plugin as the store's list shows it: round 48 px logo, name in bold, author in grey,
// the description cut after two lines, and the install arrow.
class PluginListTile : public StoreCard
{
    Q_OBJECT

public:
    explicit PluginListTile(QWidget *parent = nullptr);

    void setManifest(const PluginManifest &manifest);
    // The tile's tooltip says why when the placeholder stands in for the logo.
    void setLogo(const LogoImage &logo);

    QString name() const;
    QString author() const;
    QString description() const;
    const LogoAvatar *avatar() const { return m_avatar; }
    const ElidedText *descriptionText() const { return m_description; }

private:
    LogoAvatar *m_avatar;
    ElidedText *m_name;
    ElidedText *m_author;
    ElidedText *m_description;
    QLabel *m_installArrow;
};

} // namespace studio
