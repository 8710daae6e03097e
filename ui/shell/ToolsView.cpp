#include "ToolsView.h"

#include "MainWindow.h"
#include "contract/Contract.h"
#include "document/DocumentSession.h"
#include "document/ManifestDocument.h"
#include "simulator/SimulateWorkspace.h"
#include "tools/ToolsController.h"
#include "tools/ToolsPage.h"

namespace studio {

ToolsPage *ToolsView::install(MainWindow &window, SimulateWorkspace &workspace,
                              RunRecorder &recorder)
{
    auto *controller = new ToolsController(workspace.controller(), &recorder, &window);
    controller->setObjectName(QStringLiteral("toolsController"));
    auto *page = new ToolsPage(controller, window.actions(), &workspace);
    workspace.addPage(page, QObject::tr("Tools"));

    DocumentSession *session = window.session();
    const auto followApp = [session, controller, page] {
        controller->setApp(session->document()->lastGoodValue());
        page->appChanged();
    };
    const auto followContract = [session, page] {
        page->setAvailable(&session->contract() == &Contract::apps2026());
    };
    QObject::connect(session->document(), &ManifestDocument::changed, page, followApp);
    QObject::connect(session, &DocumentSession::sourceChanged, page, followApp);
    QObject::connect(session, &DocumentSession::contractChanged, page, followContract);
    followApp();
    followContract();
    return page;
}

} // namespace studio
