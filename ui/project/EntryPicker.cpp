#include "EntryPicker.h"

#include "EntryDelegate.h"
#include "EntryFilterModel.h"
#include "EntryListModel.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace studio {

EntryPicker::EntryPicker(EntryListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new EntryFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
{
    m_filter->setSourceModel(model);

    m_search->setPlaceholderText(tr("Filter by name, id or author"));
    m_search->setClearButtonEnabled(true);
    m_errorsOnly->setObjectName(QStringLiteral("errorsOnlyFilter"));
    m_errorsOnly->setToolTip(
        tr("List only the entries with errors, which the app would refuse (and the one "
           "being edited)"));
    m_title->setWordWrap(true);
    m_title->setContentsMargins(2, 0, 2, 0);
    m_status->setObjectName(QStringLiteral("indexStatus"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(2, 0, 2, 0);
    m_status->setVisible(false);
    m_list->setObjectName(QStringLiteral("entryList"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new EntryDelegate(m_list));
    m_list->setUniformItemSizes(true);
    // Rows take the list's width and shorten their texts; nothing hides to the right.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *newPlugin = new QPushButton(tr("New Plugin..."), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_search);
    layout->addWidget(m_errorsOnly);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(newPlugin);

    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_errorsOnly, &QCheckBox::toggled, m_filter, &EntryFilterModel::setErrorsOnly);
    connect(newPlugin, &QPushButton::clicked, this, &EntryPicker::newPluginRequested);
    // A click chooses, as in the store; the caller may refuse and set the row back.
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit entryChosen(index.data(EntryListModel::PositionRole).toULongLong());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        emit entryChosen(index.data(EntryListModel::PositionRole).toULongLong());
    });
    connect(model, &QAbstractItemModel::modelReset, this, &EntryPicker::updateErrorsOnlyText);
    connect(model, &QAbstractItemModel::dataChanged, this, &EntryPicker::updateErrorsOnlyText);
    updateErrorsOnlyText();
}

// The view must hear of the change: with its selection signals blocked, the row a refused
// click selected stayed painted as selected beside the open one.
void EntryPicker::setCurrentPosition(int position)
{
    m_filter->setPinnedPosition(position < 0 ? std::nullopt
                                             : std::optional(static_cast<std::size_t>(position)));
    const int row = position < 0 ? -1 : m_model->rowOfPosition(static_cast<std::size_t>(position));
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_list->clearSelection();
        return;
    }
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void EntryPicker::setRepositoryName(const QString &name)
{
    m_title->setText(name);
    m_title->setVisible(!name.isEmpty());
}

void EntryPicker::setIndexStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void EntryPicker::setErrorsOnly(bool errorsOnly)
{
    m_errorsOnly->setChecked(errorsOnly);
}

void EntryPicker::updateErrorsOnlyText()
{
    int withErrors = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        withErrors += m_model->index(row).data(EntryListModel::ErrorsRole).toInt() > 0 ? 1 : 0;
    m_errorsOnly->setText(tr("With errors (%1)").arg(withErrors));
}

} // namespace studio
