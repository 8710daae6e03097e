#include "SubmissionFilesView.h"

#include "export/SubmissionFiles.h"

#include <QHeaderView>

namespace studio {

namespace {

QString roleText(SubmissionFile::Role role)
{
    switch (role) {
    case SubmissionFile::Role::Index:
        return SubmissionFilesView::tr("entry");
    case SubmissionFile::Role::Logo:
        return SubmissionFilesView::tr("logo");
    case SubmissionFile::Role::Instructions:
        return SubmissionFilesView::tr("instructions");
    case SubmissionFile::Role::InstructionsAsset:
        return SubmissionFilesView::tr("instructions asset");
    }
    return {};
}

} // namespace

SubmissionFilesView::SubmissionFilesView(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderLabels({tr("File"), tr("Role"), tr("Status")});
    setRootIsDecorated(false);
    setSelectionMode(QAbstractItemView::NoSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    // Long paths keep their file name in view.
    setTextElideMode(Qt::ElideMiddle);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
}

QSize SubmissionFilesView::sizeHint() const
{
    // As tall as its rows (at least three), so the list never leaves a blank area.
    const int rows = qMax(3, topLevelItemCount());
    const int rowHeight = qMax(sizeHintForRow(0), fontMetrics().height() + 4);
    return {QTreeWidget::sizeHint().width(),
            header()->sizeHint().height() + rows * rowHeight + 2 * frameWidth() + 4};
}

void SubmissionFilesView::setFiles(const std::vector<SubmissionFile> &files)
{
    clear();
    const QColor good = palette().color(QPalette::Base).lightnessF() < 0.5
                            ? QColor(0x7f, 0xd6, 0x8f)
                            : QColor(0x1a, 0x7f, 0x37);
    const QColor bad = palette().color(QPalette::Base).lightnessF() < 0.5
                           ? QColor(0xff, 0x8a, 0x80)
                           : QColor(0xc6, 0x28, 0x28);
    for (const SubmissionFile &file : files) {
        auto *item = new QTreeWidgetItem(this);
        const QString path = QString::fromStdString(file.repositoryPath);
        item->setText(PathColumn, path.isEmpty() ? tr("(no path)") : path);
        item->setToolTip(PathColumn, item->text(PathColumn));
        item->setText(RoleColumn, roleText(file.role));
        if (!file.problem.empty()) {
            item->setText(StatusColumn, QStringLiteral("\u2717 ") + tr("malformed path"));
            item->setToolTip(StatusColumn, QString::fromStdString(file.problem));
            item->setForeground(StatusColumn, bad);
        } else if (!file.exists) {
            item->setText(StatusColumn, tr("not checked"));
            item->setToolTip(StatusColumn, tr("The repository's folder is unknown."));
        } else if (*file.exists) {
            item->setText(StatusColumn, QStringLiteral("\u2713 ") + tr("present"));
            item->setForeground(StatusColumn, good);
        } else {
            item->setText(StatusColumn, QStringLiteral("\u2717 ") + tr("missing"));
            item->setToolTip(StatusColumn, tr("Add this file to the repository before you open "
                                              "the pull request."));
            item->setForeground(StatusColumn, bad);
        }
    }
    updateGeometry();
}

} // namespace studio
