#include "PluginListTile.h"

#include "ElidedText.h"
#include "LogoAvatar.h"
#include "StoreTheme.h"
#include "manifest/PluginManifest.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace studio {

namespace {

constexpr int kLogoDiameter = 48;

} // namespace

PluginListTile::PluginListTile(QWidget *parent)
    : StoreCard(parent)
    , m_avatar(new LogoAvatar(kLogoDiameter, this))
    , m_name(new ElidedText(1, this))
    , m_author(new ElidedText(1, this))
    , m_description(new ElidedText(2, this))
    , m_installArrow(new QLabel(QStringLiteral("\u2193"), this))
{
    m_avatar->setObjectName(QStringLiteral("tileLogo"));
    m_name->setObjectName(QStringLiteral("tileName"));
    m_author->setObjectName(QStringLiteral("tileAuthor"));
    m_description->setObjectName(QStringLiteral("tileDescription"));

    m_name->setFont(storeFont(font(), 16, QFont::DemiBold));
    m_author->setFont(storeFont(font(), 13));
    m_author->setForegroundRole(QPalette::PlaceholderText);
    m_description->setFont(storeFont(font(), 14));
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_installArrow->setFont(storeFont(font(), 20));
    m_installArrow->setForegroundRole(QPalette::PlaceholderText);
    m_installArrow->setToolTip(tr("Install"));

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_name);
    text->addWidget(m_author);
    text->addSpacing(2);
    text->addWidget(m_description);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(16);
    row->addWidget(m_avatar, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    row->addWidget(m_installArrow, 0, Qt::AlignVCenter);
}

void PluginListTile::setManifest(const PluginManifest &manifest)
{
    m_name->setText(QString::fromStdString(manifest.name));
    m_author->setText(QString::fromStdString(manifest.author));
    m_description->setText(QString::fromStdString(manifest.description));
}

void PluginListTile::setLogo(const LogoImage &logo)
{
    m_avatar->setLogo(logo);
    setToolTip(logo.state == LogoImage::State::Placeholder ? logo.problem : QString());
}

QString PluginListTile::name() const
{
    return m_name->text();
}

QString PluginListTile::author() const
{
    return m_author->text();
}

QString PluginListTile::description() const
{
    return m_description->text();
}

} // namespace studio
