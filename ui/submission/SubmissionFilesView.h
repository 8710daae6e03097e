#pragma once

#include <QTreeWidget>

#include <vector>

namespace studio {

struct SubmissionFile;

// The files the pull request must contain, each marked present, missing, or not checked.
class SubmissionFilesView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column
    {
        PathColumn,
        RoleColumn,
        StatusColumn
    };

    explicit SubmissionFilesView(QWidget *parent = nullptr);

    void setFiles(const std::vector<SubmissionFile> &files);
    QSize sizeHint() const override;
};

} // namespace studio
