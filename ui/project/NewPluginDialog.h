#pragma once

#include "edit/PluginTemplate.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace studio {

// Asks for what the template needs: name, id (derived from the name until edited),
// author, capabilities, and whether the plugin joins the open repository's index.
class NewPluginDialog : public QDialog
{
    Q_OBJECT

public:
    // `repositoryName` empty: no repository is open, the plugin becomes a manifest file.
    explicit NewPluginDialog(const QString &repositoryName, QWidget *parent = nullptr);

    NewPluginRequest request() const;
    bool addToRepository() const;

private:
    void update();

    QLineEdit *m_name;
    QLineEdit *m_id;
    QLineEdit *m_author;
    std::vector<std::pair<std::string, QCheckBox *>> m_capabilities;
    QRadioButton *m_inRepository;
    QRadioButton *m_asFile;
    QLabel *m_paths;
    QLabel *m_logo;
    QDialogButtonBox *m_buttons;
    bool m_idEdited = false;
};

} // namespace studio
