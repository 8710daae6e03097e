#include "StorePreview.h"

#include "LogoLoader.h"
#include "PluginDetailPage.h"
#include "PluginListTile.h"
#include "StoreTheme.h"
#include "manifest/PluginManifest.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace studio {

namespace {

// The store is a phone screen: past this width the preview stops stretching.
constexpr int kPhoneWidth = 440;

} // namespace

StorePreview::StorePreview(QWidget *parent)
    : QWidget(parent)
    , m_logos(new LogoLoader(this))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(buildToolbar());
    column->addWidget(buildSurface(), 1);

    connect(m_logos, &LogoLoader::logoChanged, this, &StorePreview::showLogo);
    setDark(true);
}

QWidget *StorePreview::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *title = new QLabel(tr("Store preview"), bar);
    title->setFont(storeFont(font(), 13, QFont::DemiBold));

    auto makeToggle = [bar](const QString &text, const QString &name) {
        auto *button = new QToolButton(bar);
        button->setText(text);
        button->setObjectName(name);
        button->setCheckable(true);
        button->setAutoRaise(true);
        return button;
    };
    m_lightButton = makeToggle(tr("Light"), QStringLiteral("lightToggle"));
    m_darkButton = makeToggle(tr("Dark"), QStringLiteral("darkToggle"));
    m_lightButton->setToolTip(tr("Show the store in the app's light theme"));
    m_darkButton->setToolTip(tr("Show the store in the app's dark theme (its default)"));
    auto *group = new QButtonGroup(bar);
    group->setExclusive(true);
    group->addButton(m_lightButton);
    group->addButton(m_darkButton);
    connect(m_lightButton, &QAbstractButton::clicked, this, [this] { setDark(false); });
    connect(m_darkButton, &QAbstractButton::clicked, this, [this] { setDark(true); });

    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(10, 6, 10, 6);
    row->addWidget(title);
    row->addStretch(1);
    row->addWidget(m_lightButton);
    row->addWidget(m_darkButton);
    return bar;
}

QLabel *StorePreview::addCaption(const QString &text)
{
    auto *caption = new QLabel(text.toUpper());
    caption->setFont(storeFont(font(), 11, QFont::DemiBold));
    caption->setForegroundRole(QPalette::PlaceholderText);
    return caption;
}

QWidget *StorePreview::buildSurface()
{
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("storeScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_surface = new QWidget;
    m_surface->setObjectName(QStringLiteral("storeSurface"));
    m_surface->setAutoFillBackground(true);

    auto *phone = new QWidget(m_surface);
    phone->setMaximumWidth(kPhoneWidth);
    m_hiddenBanner = new QLabel(phone);
    m_hiddenBanner->setObjectName(QStringLiteral("hiddenBanner"));
    m_hiddenBanner->setWordWrap(true);
    m_hiddenBanner->setText(tr("Hidden: the entry says \"deleted\": true, so the store does not "
                               "list it and the app calls none of its triggers."));
    m_hiddenBanner->hide();
    m_tile = new PluginListTile(phone);
    m_detail = new PluginDetailPage(phone);

    auto *content = new QVBoxLayout(phone);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(8);
    content->addWidget(m_hiddenBanner);
    content->addWidget(addCaption(tr("Plugin list")));
    content->addWidget(m_tile);
    content->addSpacing(12);
    content->addWidget(addCaption(tr("Plugin page")));
    content->addWidget(m_detail);
    content->addStretch(1);

    auto *centring = new QHBoxLayout(m_surface);
    centring->setContentsMargins(16, 16, 16, 16);
    centring->addStretch(0);
    centring->addWidget(phone, 1);
    centring->addStretch(0);

    m_scroll->setWidget(m_surface);
    return m_scroll;
}

void StorePreview::setManifest(const PluginManifest &manifest, const QString &folder)
{
    m_tile->setManifest(manifest);
    m_detail->setManifest(manifest);
    m_hiddenBanner->setVisible(manifest.deleted);
    m_logos->show(folder, manifest.image);
}

void StorePreview::setContract(const Contract &contract)
{
    m_detail->setContract(contract);
    m_logos->setContract(contract); // the next setManifest finds the logo as it says
}

void StorePreview::setDark(bool dark)
{
    m_darkButton->setChecked(dark);
    m_lightButton->setChecked(!dark);
    const bool changed = dark != m_dark;
    m_dark = dark;
    const StoreTheme theme = dark ? StoreTheme::dark() : StoreTheme::light();
    m_surface->setPalette(theme.palette());
    m_scroll->viewport()->setPalette(theme.palette());
    QPalette banner = theme.palette();
    banner.setColor(QPalette::WindowText, theme.warning);
    m_hiddenBanner->setPalette(banner);
    if (changed)
        emit darkChanged(dark);
}

void StorePreview::setInstructionsHtml(const QString &html)
{
    m_detail->setInstructionsHtml(html);
}

void StorePreview::showLogo(const LogoImage &logo)
{
    m_tile->setLogo(logo);
    m_detail->setLogo(logo);
}

} // namespace studio
