#include "VerdictBanner.h"

#include "RecordOutcome.h"
#include "simulation/report/RunRecord.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>

namespace studio {

VerdictBanner::VerdictBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_text);
    clear();
}

void VerdictBanner::clear()
{
    m_outcomeKind = -1;
    m_reason = tr("Select a request to see what the app did with it.");
    m_error.clear();
    m_notes.clear();
    render();
}

void VerdictBanner::setRecord(const RunRecord &record)
{
    m_outcomeKind = int(outcomeOf(record));
    m_reason = record.outcomeReason();
    m_error = record.result.errorMessage;
    m_notes = record.verdict.notes;
    render();
}

void VerdictBanner::render()
{
    QString html;
    if (m_outcomeKind >= 0) {
        const auto outcome = RecordOutcome(m_outcomeKind);
        const QColor colour = outcomeColour(outcome, isDarkPalette(palette()));
        const QColor ink = colour.lightness() > 140 ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white);
        html += QStringLiteral("<span style=\"background-color:%1; color:%2; font-weight:600;\">"
                               "&nbsp;%3&nbsp;</span>&nbsp; ")
                    .arg(colour.name(), ink.name(), outcomeName(outcome).toUpper().toHtmlEscaped());
    }
    html += m_reason.toHtmlEscaped();
    if (!m_error.isEmpty())
        html += QStringLiteral("<br><b>%1</b> %2").arg(tr("Transport:"), m_error.toHtmlEscaped());
    if (!m_notes.isEmpty()) {
        html += QStringLiteral("<ul style=\"margin-top:2px; margin-bottom:0px; "
                               "-qt-list-indent:1;\">");
        for (const QString &note : std::as_const(m_notes))
            html += QStringLiteral("<li>%1</li>").arg(note.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_text->setText(html);
}

QString VerdictBanner::plainText() const
{
    QTextDocument document;
    document.setHtml(m_text->text());
    return document.toPlainText().replace(QChar::Nbsp, QLatin1Char(' ')).trimmed();
}

void VerdictBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        render();
    QFrame::changeEvent(event);
}

} // namespace studio
