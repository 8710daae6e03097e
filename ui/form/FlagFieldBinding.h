#pragma once

#include "FieldBinding.h"

class QCheckBox;

namespace studio {

// A boolean field as a check box (deleted).
class FlagFieldBinding : public FieldBinding
{
    Q_OBJECT

public:
    FlagFieldBinding(QString label, std::string pointer, QCheckBox *box, QObject *parent = nullptr);

    QWidget *widget() const override;
    void show(const Json *value) override;

private:
    QCheckBox *m_box;
};

} // namespace studio
