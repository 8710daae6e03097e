#pragma once

#include "diagnostics/Diagnostic.h"

#include <QLabel>

#include <optional>

namespace studio {

// The mark beside a form field with problems: the worst severity's icon, every message
// in its tooltip. It keeps its room when empty so fields do not shift as the user types.
class FieldMark : public QLabel
{
    Q_OBJECT

public:
    explicit FieldMark(QWidget *parent = nullptr);

    void clear();
    void add(const Diagnostic &diagnostic);
    std::optional<Severity> severity() const { return m_severity; }

private:
    std::optional<Severity> m_severity;
    QStringList m_messages;
};

} // namespace studio
