#include "ListenPage.h"

#include "AnswerJson.h"
#include "CaughtRequestDetails.h"
#include "CaughtRequestModel.h"
#include "ListenController.h"
#include "RequestLogTable.h"
#include "listen/TrafficCatcher.h"
#include "settings/StudioSettings.h"
#include "simulator/MessageStrip.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace studio {

namespace {

// Wide enough for the table and the request side by side.
constexpr int kSideBySideWidth = 1000;

QString requests(int count)
{
    return count == 1 ? ListenPage::tr("1 request") : ListenPage::tr("%1 requests").arg(count);
}

} // namespace

ListenPage::ListenPage(ListenController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CaughtRequestModel(this))
    , m_message(new MessageStrip(this))
    , m_port(new QSpinBox(this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse..."), this))
    , m_answer(new QPlainTextEdit(this))
    , m_answerProblem(new QLabel(this))
    , m_start(new QPushButton(tr("Start &Listening"), this))
    , m_stop(new QPushButton(tr("Stop Listeni&ng"), this))
    , m_address(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_hint(new QLabel(this))
    , m_status(new QLabel(this))
    , m_openFolder(new QPushButton(tr("Open Folder"), this))
    , m_replay(new QPushButton(tr("&Replay..."), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_table(new QTableView(m_splitter))
    , m_details(new CaughtRequestDetails(m_splitter))
{
    setObjectName(QStringLiteral("listenPage"));
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free"));
    m_port->setToolTip(tr("The port on 127.0.0.1 the app's requests come to (0: any free one)"));
    m_folder->setObjectName(QStringLiteral("listenFolder"));
    m_folder->setToolTip(tr("Where the fixtures go: memory-<n>.json, transcript-<session>.json, "
                            "request-<n>.http. Earlier recordings are never overwritten."));
    m_browse->setObjectName(QStringLiteral("listenBrowse"));
    m_answer->setObjectName(QStringLiteral("listenAnswer"));
    m_answer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_answer->setTabChangesFocus(true);
    m_answer->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_answer->setToolTip(tr("The JSON every request is answered with (status 200)"));
    // Two lines of text: an answer is short, and the page must fit a small screen.
    m_answer->setFixedHeight(
        m_answer->fontMetrics().lineSpacing() * 2 +
        2 * (m_answer->frameWidth() + int(m_answer->document()->documentMargin())) + 2);
    m_answerProblem->setObjectName(QStringLiteral("listenAnswerProblem"));
    m_answerProblem->setWordWrap(true);
    m_answerProblem->setStyleSheet(QStringLiteral("color: #d03a2f;"));
    m_start->setObjectName(QStringLiteral("listenStart"));
    m_stop->setObjectName(QStringLiteral("listenStop"));
    m_address->setObjectName(QStringLiteral("listenAddress"));
    m_address->setReadOnly(true);
    m_address->setPlaceholderText(tr("Start listening to get an address"));
    m_copy->setObjectName(QStringLiteral("listenCopy"));
    m_copy->setToolTip(tr("Copy the address to the clipboard"));
    m_hint->setObjectName(QStringLiteral("listenHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("listenStatus"));
    m_openFolder->setObjectName(QStringLiteral("listenOpenFolder"));
    m_openFolder->setToolTip(tr("Show the recordings in the file manager"));
    m_replay->setObjectName(QStringLiteral("listenReplay"));
    m_replay->setToolTip(tr("Open the selected request's fixture on the Memory or Transcript "
                            "Stream page, ready to send to a plugin"));

    m_table->setObjectName(QStringLiteral("caughtRequests"));
    request_log_table::setUp(m_table, m_model);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 4);
    const auto width = [this](const char *sample) {
        return request_log_table::widthFor(m_table, sample);
    };
    m_table->setColumnWidth(CaughtRequestModel::Time, width("00:00:00"));
    m_table->setColumnWidth(CaughtRequestModel::Method, width("DELETE"));
    m_table->setColumnWidth(CaughtRequestModel::Target, width("/memory?uid=abcdef"));
    m_table->setColumnWidth(CaughtRequestModel::Kind, width("transcript"));
    m_table->setColumnWidth(CaughtRequestModel::Fixture, width("transcript-abcdefgh.json"));
    m_details->setMinimumHeight(120);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    buildLayout();
    loadSettings();

    connect(m_answer, &QPlainTextEdit::textChanged, this, &ListenPage::checkAnswer);
    connect(m_folder, &QLineEdit::textChanged, this, &ListenPage::updateState);
    connect(m_browse, &QPushButton::clicked, this, &ListenPage::chooseFolder);
    connect(m_start, &QPushButton::clicked, this, &ListenPage::start);
    connect(m_stop, &QPushButton::clicked, this, &ListenPage::stop);
    connect(m_copy, &QPushButton::clicked, this, &ListenPage::copyAddress);
    connect(m_openFolder, &QPushButton::clicked, this, &ListenPage::openFolder);
    connect(m_replay, &QPushButton::clicked, this, &ListenPage::replaySelected);
    connect(m_port, &QSpinBox::valueChanged, this, &ListenPage::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ListenPage::selectionChanged);
    connect(m_controller, &ListenController::stateChanged, this, [this] {
        if (m_controller->state() == ListenController::State::Failed)
            m_message->show(MessageStrip::Level::Error, m_controller->errorString());
        updateState();
    });
    connect(m_controller, &ListenController::caught, this, &ListenPage::caught);
    checkAnswer();
}

void ListenPage::buildLayout()
{
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *title = new QLabel(text, this);
        title->setBuddy(buddy);
        return title;
    };
    auto *form = new QGridLayout;
    form->setHorizontalSpacing(6);
    form->setVerticalSpacing(4);
    auto *where = new QHBoxLayout;
    where->setSpacing(6);
    where->addWidget(m_port);
    where->addSpacing(6);
    where->addWidget(label(tr("Fol&der"), m_folder));
    where->addWidget(m_folder, 1);
    where->addWidget(m_browse);
    form->addWidget(label(tr("P&ort"), m_port), 0, 0);
    form->addLayout(where, 0, 1);

    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(4);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    auto *answer = new QHBoxLayout;
    answer->setSpacing(6);
    answer->addWidget(m_answer, 1);
    answer->addLayout(buttons);
    form->addWidget(label(tr("&Answer"), m_answer), 1, 0, Qt::AlignTop);
    form->addLayout(answer, 1, 1);
    form->addWidget(m_answerProblem, 2, 1);

    auto *address = new QHBoxLayout;
    address->setSpacing(6);
    address->addWidget(m_address, 1);
    address->addWidget(m_copy);
    form->addWidget(label(tr("Address"), m_address), 3, 0);
    form->addLayout(address, 3, 1);
    form->addWidget(m_hint, 4, 1);
    form->setColumnStretch(1, 1);

    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(m_status, 1);
    actions->addWidget(m_openFolder);
    actions->addWidget(m_replay);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_splitter, 1);

    // Settings, then Start, then what came in.
    setTabOrder(m_port, m_folder);
    setTabOrder(m_folder, m_browse);
    setTabOrder(m_browse, m_answer);
    setTabOrder(m_answer, m_start);
    setTabOrder(m_start, m_stop);
    setTabOrder(m_stop, m_copy);
    setTabOrder(m_copy, m_openFolder);
    setTabOrder(m_openFolder, m_replay);
    setTabOrder(m_replay, m_table);
}

void ListenPage::loadSettings()
{
    const StudioSettings settings;
    m_port->setValue(settings.listenPort().value_or(TrafficCatcher::kDefaultPort));
    const QString folder = settings.listenFolder();
    m_folder->setText(
        QDir::toNativeSeparators(folder.isEmpty() ? ListenController::defaultFolder() : folder));
    m_answer->setPlainText(QString::fromUtf8(settings.listenAnswer()));
}

QString ListenPage::statusText() const
{
    return m_status->text();
}

void ListenPage::start()
{
    if (!m_start->isEnabled())
        return;
    const QByteArray answer = m_answer->toPlainText().toUtf8();
    StudioSettings settings;
    settings.setListenPort(quint16(m_port->value()));
    settings.setListenFolder(QDir::fromNativeSeparators(m_folder->text().trimmed()));
    settings.setListenAnswer(answer);
    m_message->clear();
    m_model->clear();
    m_details->clear();
    m_controller->start(
        {quint16(m_port->value()), QDir::fromNativeSeparators(m_folder->text().trimmed()), answer});
}

void ListenPage::stop()
{
    m_controller->stop();
}

void ListenPage::checkAnswer()
{
    const QString problem = AnswerJson::problem(m_answer->toPlainText().toUtf8());
    m_answerProblem->setText(
        problem.isEmpty() ? QString() : tr("Not JSON, so nothing can start: %1").arg(problem));
    m_answerProblem->setVisible(!problem.isEmpty());
    updateState();
}

void ListenPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Where the Recordings Go"), QDir::fromNativeSeparators(m_folder->text()));
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void ListenPage::copyAddress()
{
    QGuiApplication::clipboard()->setText(m_address->text());
    m_message->show(MessageStrip::Level::Info,
                    tr("Copied %1. Through a tunnel, the plugin's webhook is the tunnel's "
                       "address with the same path.")
                        .arg(m_address->text()));
}

void ListenPage::openFolder()
{
    const QString folder = m_controller->isListening()
                               ? m_controller->options().folder
                               : QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        m_message->show(MessageStrip::Level::Warning,
                        tr("No file manager opened %1.").arg(QDir::toNativeSeparators(folder)));
}

void ListenPage::caught(const CaughtRequest &caught)
{
    // Follows the newest row unless the user scrolled up to read an older one.
    const QScrollBar *bar = m_table->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum();
    m_model->add(caught);
    if (following)
        m_table->scrollToBottom();
    if (!caught.written)
        m_message->show(MessageStrip::Level::Warning,
                        tr("A request was answered but not kept: %1").arg(caught.note));
    updateState();
}

int ListenPage::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ListenPage::selectionChanged()
{
    const int row = selectedRow();
    if (row < 0) {
        m_details->clear();
    } else {
        const CaughtRequestModel::Row &selected = m_model->row(row);
        m_details->setRequest(selected.caught, selected.bodyBytes);
    }
    updateState();
}

void ListenPage::replaySelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const CaughtRequest &caught = m_model->row(row).caught;
    if (caught.written && caught.kind != CaughtRequest::Kind::Other)
        emit replayRequested(caught.kind, caught.fixture);
}

void ListenPage::updateState()
{
    using State = ListenController::State;
    const State state = m_controller->state();
    const bool idle = state == State::Stopped || state == State::Failed;
    const bool answerOk = m_answerProblem->text().isEmpty();
    const bool hasFolder = !m_folder->text().trimmed().isEmpty();
    for (QWidget *setting : {static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_folder),
                             static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_answer)})
        setting->setEnabled(idle);
    m_start->setEnabled(idle && answerOk && hasFolder);
    m_stop->setEnabled(!idle);
    m_address->setText(m_controller->baseUrl());
    m_copy->setEnabled(m_controller->isListening());
    m_openFolder->setEnabled(hasFolder);

    const int row = selectedRow();
    const CaughtRequest *selected = row >= 0 ? &m_model->row(row).caught : nullptr;
    m_replay->setEnabled(selected && selected->written &&
                         selected->kind != CaughtRequest::Kind::Other);

    const quint16 port =
        m_controller->isListening() ? m_controller->port() : quint16(m_port->value());
    const QString shown = port == 0 ? QStringLiteral("PORT") : QString::number(port);
    m_hint->setText(tr("Only this machine can reach it; for the phone, use a tunnel: ngrok http "
                       "%1, cloudflared or ssh -R.")
                        .arg(shown));
    m_hint->setToolTip(tr("<p>Expose the port with a tunnel, then set the plugin's webhook to "
                          "the tunnel's address with the same path:</p><p><code>ngrok http "
                          "%1</code><br><code>cloudflared tunnel --url http://localhost:%1"
                          "</code><br><code>ssh -N -R %1:localhost:%1 you@your-server</code></p>")
                           .arg(shown));

    switch (state) {
    case State::Stopped:
        m_status->setText(m_model->rowCount() > 0
                              ? tr("Stopped; %1 caught.").arg(requests(m_model->rowCount()))
                              : tr("Not listening."));
        break;
    case State::Starting:
        m_status->setText(tr("Opening the port..."));
        break;
    case State::Listening:
        m_status->setText(tr("Listening: %1 caught.").arg(requests(m_controller->caughtCount())));
        break;
    case State::Failed:
        m_status->setText(tr("Not listening."));
        break;
    }
    if (!answerOk && idle)
        m_start->setToolTip(m_answerProblem->text());
    else
        m_start->setToolTip(tr("Listen on the port and record into the folder"));
}

void ListenPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const Qt::Orientation wanted = width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() == wanted)
        return;
    m_splitter->setOrientation(wanted);
    // Side by side, the table a little wider: its note column is what gets cut.
    const int length = wanted == Qt::Horizontal ? m_splitter->width() : m_splitter->height();
    m_splitter->setSizes({length * 11 / 20, length * 9 / 20});
}

} // namespace studio
