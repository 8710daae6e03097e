#include "LoadView.h"

#include "MainWindow.h"
#include "document/DocumentSession.h"
#include "load/LoadPage.h"
#include "simulator/SimulateWorkspace.h"

namespace studio {

LoadPage *LoadView::install(MainWindow &window, SimulateWorkspace &workspace)
{
    auto *page = new LoadPage(&workspace, window.actions(), &workspace);
    workspace.addPage(page, QObject::tr("Load"));
    DocumentSession *session = window.session();
    QObject::connect(session, &DocumentSession::sourceChanged, page, &LoadPage::documentChanged);
    QObject::connect(session, &DocumentSession::contractChanged, page, &LoadPage::documentChanged);
    return page;
}

} // namespace studio
