#include "problems/IndexProblemsView.h"
#include "problems/ProblemsModel.h"
#include "problems/ProblemsView.h"
#include "validation/DocumentValidator.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace studio;

namespace {

std::string entry(const std::string &id, bool named)
{
    return "{\"id\": \"" + id + "\", " + (named ? "\"name\": \"N\", " : "") +
           "\"author\": \"@a\", \"description\": \"d\", \"image\": \"/plugins/logos/x.png\", "
           "\"capabilities\": [\"chat\"], "
           "\"chat_prompt\": \"p\", \"deleted\": false, \"colour\": 1}";
}

// Three entries with an unknown key each (a warning); the second and third lack a name. With
// no repository, a note says the files were not checked.
const std::string kIndex = "[\n  " + entry("a", true) + ",\n  " + entry("b", false) + ",\n  " +
                           entry("c", false) + "\n]\n";

} // namespace

class IndexProblemsViewTest : public QObject
{
    Q_OBJECT

private slots:
    void report_listsEveryEntrysFindings_withTheIndexCounts()
    {
        const ValidationReport report = DocumentValidator::validate(kIndex, {});
        IndexProblemsView view;
        view.setReport(report, QStringLiteral("community-plugins.json"));
        view.show();

        QCOMPARE(view.model()->rowCount(), int(report.diagnostics.size()));
        QCOMPARE(view.model()->count(Severity::Error), std::size_t(2));
        QCOMPARE(view.model()->count(Severity::Warning), std::size_t(3));
        QCOMPARE(view.summaryText(),
                 QStringLiteral("2 errors, 3 warnings, 1 note. Of the 3 entries of "
                                "community-plugins.json, 2 have errors, 3 any problem. "
                                "Double-click a problem to open its entry there."));
        QStringList entries;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            entries << view.model()->index(row, ProblemsModel::EntryColumn).data().toString();
        entries.removeDuplicates();
        QCOMPARE(entries.join(u','), QStringLiteral(",a,b,c")); // the note is the index's own
    }

    void checking_showsProgressUntilTheReport()
    {
        IndexProblemsView view;
        view.show();
        auto *progress = view.findChild<QProgressBar *>(QStringLiteral("indexProgress"));
        QVERIFY(!progress->isVisible());
        view.setChecking(40, 98);
        QVERIFY(view.isChecking());
        QVERIFY(progress->isVisible());
        QCOMPARE(progress->text(), QStringLiteral("Checking 40 of 98 entries"));
        view.setReport(DocumentValidator::validate(kIndex, {}), QStringLiteral("x.json"));
        QVERIFY(!view.isChecking());
    }

    void activatingAFinding_asksForIt()
    {
        const ValidationReport report = DocumentValidator::validate(kIndex, {});
        IndexProblemsView view;
        view.setReport(report, QStringLiteral("community-plugins.json"));
        QSignalSpy activated(&view, &IndexProblemsView::diagnosticActivated);
        const int last = view.model()->rowCount() - 1;
        view.problems()->activateRow(last);
        QCOMPARE(activated.count(), 1);
        const auto diagnostic = activated.first().first().value<Diagnostic>();
        QCOMPARE(diagnostic.entryIndex.value_or(99), std::size_t(2));
        QCOMPARE(diagnostic.pointer, report.diagnostics.back().pointer);
    }

    void noIndex_saysSo()
    {
        IndexProblemsView view;
        view.setReport({}, {});
        QVERIFY(view.summaryText().startsWith(QStringLiteral("No plugin repository is open")));
        view.setNote(QStringLiteral("unsaved"));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("indexProblemsNote"))->text(),
                 QStringLiteral("unsaved"));
    }
};

QTEST_MAIN(IndexProblemsViewTest)
#include "tst_indexproblemsview.moc"
