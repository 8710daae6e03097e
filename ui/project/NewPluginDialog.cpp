#include "NewPluginDialog.h"

#include "PlaceholderLogo.h"
#include "manifest/ManifestSchema.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace studio {

NewPluginDialog::NewPluginDialog(const QString &repositoryName, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_id(new QLineEdit(this))
    , m_author(new QLineEdit(this))
    , m_inRepository(new QRadioButton(this))
    , m_asFile(new QRadioButton(tr("A separate manifest file"), this))
    , m_paths(new QLabel(this))
    , m_logo(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Plugin"));
    m_name->setObjectName(QStringLiteral("name"));
    m_id->setObjectName(QStringLiteral("id"));
    m_author->setObjectName(QStringLiteral("author"));
    m_name->setPlaceholderText(tr("Meeting Notes"));
    m_id->setPlaceholderText(tr("meeting-notes"));
    m_author->setPlaceholderText(tr("@handle"));

    auto *capabilities = new QWidget(this);
    auto *capabilityLayout = new QVBoxLayout(capabilities);
    capabilityLayout->setContentsMargins(0, 0, 0, 0);
    for (const auto &capability : manifest_schema::capabilities()) {
        auto *box =
            new QCheckBox(QString::fromUtf8(capability.label.data(),
                                            static_cast<qsizetype>(capability.label.size())),
                          capabilities);
        capabilityLayout->addWidget(box);
        m_capabilities.emplace_back(std::string(capability.value), box);
        connect(box, &QCheckBox::toggled, this, &NewPluginDialog::update);
    }
    m_capabilities.front().second->setChecked(true);

    m_inRepository->setText(tr("A new entry of %1").arg(repositoryName));
    m_inRepository->setEnabled(!repositoryName.isEmpty());
    (repositoryName.isEmpty() ? m_asFile : m_inRepository)->setChecked(true);
    m_paths->setWordWrap(true);
    m_paths->setTextFormat(Qt::RichText);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Author"), m_author);
    form->addRow(tr("Capabilities"), capabilities);
    auto *where = new QVBoxLayout;
    where->addWidget(m_inRepository);
    where->addWidget(m_asFile);
    form->addRow(tr("Create"), where);
    auto *files = new QHBoxLayout;
    files->addWidget(m_logo, 0, Qt::AlignTop);
    files->addWidget(m_paths, 1);
    form->addRow(QString(), files);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (!m_idEdited)
            m_id->setText(QString::fromStdString(PluginTemplate::idFromName(name.toStdString())));
    });
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_idEdited = !m_id->text().isEmpty(); });
    connect(m_id, &QLineEdit::textChanged, this, &NewPluginDialog::update);
    connect(m_name, &QLineEdit::textChanged, this, &NewPluginDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Fields in the order they show: Author leads to the capabilities, not to the buttons.
    QList<QWidget *> order{m_name, m_id, m_author};
    for (const auto &[value, box] : m_capabilities)
        order << box;
    order << m_inRepository << m_asFile << m_buttons;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
    update();
    resize(520, sizeHint().height());
}

NewPluginRequest NewPluginDialog::request() const
{
    NewPluginRequest request;
    request.id = m_id->text().trimmed().toStdString();
    request.name = m_name->text().trimmed().toStdString();
    request.author = m_author->text().trimmed().toStdString();
    for (const auto &[value, box] : m_capabilities) {
        if (box->isChecked())
            request.capabilities.push_back(value);
    }
    return request;
}

bool NewPluginDialog::addToRepository() const
{
    return m_inRepository->isChecked();
}

void NewPluginDialog::update()
{
    const NewPluginRequest current = request();
    const QString id = QString::fromStdString(current.id);
    QString paths =
        tr("Logo: <code>%1</code>, a placeholder with the initials until you import one")
            .arg(QString::fromStdString(PluginTemplate::imagePath(current.id)).toHtmlEscaped());
    for (const auto &capability : current.capabilities) {
        if (capability == "external_integration")
            paths += tr("<br>Setup instructions: <code>%1</code>, steps to complete")
                         .arg(QString::fromStdString(PluginTemplate::instructionsPath(current.id))
                                  .toHtmlEscaped());
    }
    m_paths->setText(paths);
    // The placeholder the plugin starts with, as the store will show it until replaced.
    const qreal ratio = devicePixelRatioF();
    QPixmap logo = QPixmap::fromImage(PlaceholderLogo::render(QString::fromStdString(current.name),
                                                              id, static_cast<int>(48 * ratio)));
    logo.setDevicePixelRatio(ratio);
    m_logo->setPixmap(logo);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!id.isEmpty() && !current.name.empty());
}

} // namespace studio
