#include "AboutDialog.h"

#include "buildinfo/BuildInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <Qsci/qsciglobal.h>

#include <cmark-gfm.h>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace studio {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QTableWidget *libraryTable()
{
    const QList<AboutDialog::Library> libraries = AboutDialog::libraries();
    auto *table = new QTableWidget(int(libraries.size()), 2);
    table->setObjectName(QStringLiteral("libraries"));
    table->setHorizontalHeaderLabels({AboutDialog::tr("Library"), AboutDialog::tr("Version")});
    for (int row = 0; row < libraries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(libraries[row].name));
        table->setItem(row, 1, new QTableWidgetItem(libraries[row].version));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
    return table;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Plugin Studio"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(
        tr("<h3>Plugin Studio %1</h3><p>Commit %2</p><p>Design, validate and preview plugins "
           "for the wearable conversation app, and check them before they reach the store.</p>"
           "<p>%3</p><p><a href=\"%4\">%4</a></p>")
            .arg(fromView(build_info::version()), fromView(build_info::commit()),
                 fromView(build_info::license()).toHtmlEscaped(),
                 fromView(build_info::homepage()).toHtmlEscaped()));
    heading->setObjectName(QStringLiteral("build"));
    heading->setOpenExternalLinks(true);
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addWidget(heading);
    layout->addWidget(new QLabel(tr("Built with:")));
    layout->addWidget(libraryTable());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copy"));
    connect(copy, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(AboutDialog::text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QList<AboutDialog::Library> AboutDialog::libraries()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR)},
        {QStringLiteral("libcurl"),
         QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version)},
        {QStringLiteral("cmark-gfm"), QString::fromLatin1(cmark_version_string())},
        {QStringLiteral("nlohmann/json"), QStringLiteral("%1.%2.%3")
                                              .arg(NLOHMANN_JSON_VERSION_MAJOR)
                                              .arg(NLOHMANN_JSON_VERSION_MINOR)
                                              .arg(NLOHMANN_JSON_VERSION_PATCH)},
    };
}

QString AboutDialog::text()
{
    QString text = QStringLiteral("Plugin Studio %1 (%2)\n%3\n")
                       .arg(fromView(build_info::version()), fromView(build_info::commit()),
                            fromView(build_info::license()));
    for (const Library &library : libraries())
        text += library.name + u' ' + library.version + u'\n';
    return text;
}

} // namespace studio
