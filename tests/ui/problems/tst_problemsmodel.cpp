#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "validation/DocumentValidator.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace studio;

namespace {

// An index of two entries: the second lacks its name and has a typo'd capability.
const std::string kIndex =
    "[\n"
    "  {\"id\": \"a\", \"name\": \"A\", \"author\": \"@a\", \"description\": \"d\", \"image\": "
    "\"/plugins/logos/a.png\", \"capabilities\": [\"chat\"], \"chat_prompt\": \"p\", \"deleted\": "
    "false},\n"
    "  {\"id\": \"b\", \"author\": \"@b\", \"description\": \"d\", \"image\": "
    "\"/plugins/logos/b.png\", \"capabilities\": [\"chta\"], \"deleted\": false}\n"
    "]\n";

} // namespace

class ProblemsModelTest : public QObject
{
    Q_OBJECT

private slots:
    void rows_showSeverityCodeMessageEntryAndLine()
    {
        const ValidationReport report = DocumentValidator::validate(kIndex, {});
        ProblemsModel model;
        model.setReport(report);
        QCOMPARE(model.rowCount(), int(report.diagnostics.size()));
        QCOMPARE(model.count(Severity::Error), report.count(Severity::Error));
        int missingName = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.diagnostic(row)->rule == RuleId::MissingField)
                missingName = row;
        }
        QVERIFY(missingName >= 0);
        QCOMPARE(model.index(missingName, ProblemsModel::CodeColumn).data().toString(),
                 QStringLiteral("PS101"));
        QVERIFY(!model.index(missingName, ProblemsModel::CodeColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QVERIFY(model.index(missingName, ProblemsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("'name'")));
        QCOMPARE(model.index(missingName, ProblemsModel::EntryColumn).data().toString(),
                 QStringLiteral("b"));
        QCOMPARE(model.index(missingName, ProblemsModel::LocationColumn)
                     .data()
                     .toString()
                     .section(u':', 0, 0),
                 QStringLiteral("3"));
    }

    void countsText_spellsOutEachSeverity()
    {
        QCOMPARE(ProblemsModel::countsText(1, 0, 2),
                 QStringLiteral("1 error, 0 warnings, 2 notes"));
    }

    void view_stepsThroughProblemsAndWraps()
    {
        ProblemsModel model;
        model.setReport(DocumentValidator::validate(kIndex, {}));
        ProblemsView view(&model);
        QSignalSpy activated(&view, &ProblemsView::diagnosticActivated);
        for (int i = 0; i < model.rowCount() + 1; ++i)
            view.activateNext();
        QCOMPARE(activated.count(), model.rowCount() + 1);
        // After a full round, the first problem again.
        QCOMPARE(activated.last().at(0).value<Diagnostic>().span, model.diagnostic(0)->span);
        view.activatePrevious();
        QCOMPARE(activated.last().at(0).value<Diagnostic>().span,
                 model.diagnostic(model.rowCount() - 1)->span);
    }
};

QTEST_MAIN(ProblemsModelTest)
#include "tst_problemsmodel.moc"
