#include "MemoryPanel.h"

#include "MemoryDraft.h"
#include "MemoryEditor.h"
#include "MemoryIssues.h"
#include "editor/DiagnosticMarks.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

namespace studio {

namespace {

constexpr int kSpanBeginRole = Qt::UserRole + 1;
constexpr int kSpanEndRole = Qt::UserRole + 2;

} // namespace

MemoryPanel::MemoryPanel(MemoryDraft *draft, QWidget *parent)
    : QWidget(parent)
    , m_draft(draft)
    , m_fixtures(new QComboBox(this))
    , m_open(new QPushButton(tr("Open..."), this))
    , m_generate(new QPushButton(tr("From Transcript..."), this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_editor(new MemoryEditor(this))
    , m_marks(new DiagnosticMarks(m_editor))
    , m_status(new QLabel(this))
    , m_issues(new QListWidget(this))
{
    m_fixtures->setObjectName(QStringLiteral("memoryFixtures"));
    m_fixtures->setPlaceholderText(tr("Choose a memory"));
    m_fixtures->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fixtures->setMinimumContentsLength(12);
    m_fixtures->setToolTip(tr("The sample memories and the ones opened recently"));
    m_open->setToolTip(tr("Open a memory in the backend's shape (or drop a .json file here)"));
    m_generate->setObjectName(QStringLiteral("memoryFromTranscript"));
    m_generate->setToolTip(tr("The memory the app would make of a transcript"));
    m_send->setObjectName(QStringLiteral("memorySend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("POST the memory to the webhook as the app does (Ctrl+Return)"));
    m_editor->setObjectName(QStringLiteral("memoryEditor"));
    m_marks->setAnnotationsVisible(false); // the list below says it, without covering the text
    m_status->setObjectName(QStringLiteral("memoryStatus"));
    m_status->setWordWrap(true);
    m_issues->setObjectName(QStringLiteral("memoryIssues"));
    // Three problems in view (the first is the one that stops the load); small windows give
    // height up before the window grows.
    const int row = m_issues->fontMetrics().height() + 2;
    m_issues->setMaximumHeight(row * 3 + 8);
    m_issues->setMinimumHeight(row * 2 + 8);
    m_editor->setMinimumHeight(80);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setMinimumWidth(1);
    m_issues->setVisible(false);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(new QLabel(tr("Memory"), this));
    bar->addWidget(m_fixtures, 1);
    bar->addWidget(m_open);
    bar->addWidget(m_generate);
    bar->addSpacing(12);
    bar->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_issues);

    connect(m_fixtures, &QComboBox::activated, this, [this](int index) {
        const QString path = m_fixtures->itemData(index).toString();
        if (!path.isEmpty())
            emit fixtureChosen(path);
    });
    connect(m_open, &QPushButton::clicked, this, &MemoryPanel::openRequested);
    connect(m_generate, &QPushButton::clicked, this, &MemoryPanel::generateRequested);
    connect(m_send, &QPushButton::clicked, this, &MemoryPanel::sendRequested);
    connect(m_editor, &MemoryEditor::memoryTextEdited, m_draft, &MemoryDraft::setText);
    connect(m_draft, &MemoryDraft::textReplaced, m_editor,
            [this](const QByteArray &text, const QString &source) {
                m_revealError = true;
                m_editor->setMemoryText(text);
                showSource(source);
            });
    connect(m_draft, &MemoryDraft::checked, this, &MemoryPanel::showChecked);
    connect(m_issues, &QListWidget::currentRowChanged, this, &MemoryPanel::showIssue);
    connect(m_issues, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { showIssue(m_issues->row(item)); });
}

void MemoryPanel::setFixtures(const QStringList &samples, const QStringList &recent)
{
    m_fixtures->clear();
    for (const QString &path : samples)
        m_fixtures->addItem(tr("sample: %1").arg(QFileInfo(path).fileName()), path);
    if (!samples.isEmpty() && !recent.isEmpty())
        m_fixtures->insertSeparator(m_fixtures->count());
    for (const QString &path : recent) {
        m_fixtures->addItem(QFileInfo(path).fileName(), path);
        m_fixtures->setItemData(m_fixtures->count() - 1, QDir::toNativeSeparators(path),
                                Qt::ToolTipRole);
    }
    showSource(m_draft->source());
}

void MemoryPanel::showSource(const QString &source)
{
    // A file shows as its entry; a generated memory says what it was made from.
    m_fixtures->setCurrentIndex(m_fixtures->findData(source));
    if (m_fixtures->currentIndex() < 0)
        m_fixtures->setPlaceholderText(source.isEmpty() ? tr("Choose a memory") : source);
}

void MemoryPanel::applyPalette(const EditorPalette &palette)
{
    m_editor->applyPalette(palette);
    m_marks->applyPalette(palette);
}

QString MemoryPanel::statusText() const
{
    return m_status->text();
}

void MemoryPanel::showChecked(const MemoryLoadResult &result)
{
    const QByteArray text = m_draft->text();
    const std::vector<Diagnostic> diagnostics =
        MemoryIssues::diagnostics(result, std::string_view(text.constData(), size_t(text.size())));
    m_marks->setDiagnostics(diagnostics);
    m_issues->clear();
    for (const Diagnostic &diagnostic : diagnostics) {
        auto *item = new QListWidgetItem(MemoryIssues::describe(diagnostic), m_issues);
        item->setData(kSpanBeginRole, qulonglong(diagnostic.span.begin));
        item->setData(kSpanEndRole, qulonglong(diagnostic.span.end));
        item->setForeground(diagnostic.severity() == Severity::Error ? QColor(0xd9, 0x36, 0x36)
                                                                     : QColor(0xc7, 0x8a, 0x12));
    }
    m_issues->setVisible(!diagnostics.empty());
    // A file that was just opened shows where it is wrong; typing keeps the view still.
    if (std::exchange(m_revealError, false) && !diagnostics.empty())
        m_editor->ensureLineVisible(diagnostics.front().start.line - 1);
    if (!result.ok())
        m_status->setText(tr("Not a memory the app could send; fix the problem to send it."));
    else if (!result.warnings.isEmpty())
        m_status->setText(
            tr("A valid memory; %n key(s) the backend does not send will be left out.", nullptr,
               int(result.warnings.size())));
    else
        m_status->setText(tr("A valid memory: \u201c%1\u201d, %2 transcript segments.")
                              .arg(result.memory.structured.title)
                              .arg(result.memory.transcriptSegments.size()));
}

void MemoryPanel::showIssue(int row)
{
    QListWidgetItem *item = m_issues->item(row);
    if (!item)
        return;
    m_editor->selectSpan({std::size_t(item->data(kSpanBeginRole).toULongLong()),
                          std::size_t(item->data(kSpanEndRole).toULongLong())});
}

} // namespace studio
