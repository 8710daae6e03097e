#include "UiTestSupport.h"
#include "diagnostics/IndexFindings.h"
#include "edit/IndexEntries.h"
#include "project/EntryListModel.h"
#include "project/EntryPicker.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace studio;

namespace {

const std::string kIndex = R"([
  {"id": "alpha", "name": "Alpha", "author": "@a"},
  {"id": "beta", "name": "Beta", "author": "@b"},
  {"id": "gamma", "name": "Gamma", "author": "@c"},
  {"id": "delta", "name": "Delta", "author": "@d"}
]
)";

QStringList shownIds(const EntryPicker &picker)
{
    QStringList ids;
    const QAbstractItemModel *model = picker.list()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(EntryListModel::IdRole).toString();
    return ids;
}

// beta has two errors, delta one and a warning, the others none.
std::vector<EntryCounts> counts()
{
    return {EntryCounts{0, 3, 0}, EntryCounts{2, 0, 0}, EntryCounts{0, 0, 1}, EntryCounts{1, 1, 0}};
}

} // namespace

class EntryPickerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_home = std::make_unique<test::IsolatedHome>(); }

    void init()
    {
        m_model = std::make_unique<EntryListModel>();
        m_picker = std::make_unique<EntryPicker>(m_model.get());
        m_model->setEntries(IndexEntries::list(kIndex).entries, m_home->path());
        m_picker->show();
    }

    void cleanup()
    {
        m_picker.reset();
        m_model.reset();
    }

    void errorsOnly_showsOnlyTheEntriesWithErrors()
    {
        m_model->setCounts(counts());
        QCheckBox *box = m_picker->errorsOnlyBox();
        QCOMPARE(box->text(), QStringLiteral("With errors (2)"));
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("alpha,beta,gamma,delta"));

        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QVERIFY(box->isChecked());
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("beta,delta"));
        box->setChecked(false);
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("alpha,beta,gamma,delta"));
    }

    void errorsOnly_worksWithTheTextFilter()
    {
        m_model->setCounts(counts());
        m_picker->setErrorsOnly(true);
        QTest::keyClicks(m_picker->findChild<QLineEdit *>(), QStringLiteral("@d"));
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("delta"));
    }

    void errorsOnly_followsNewCounts_andLiveCounts()
    {
        m_picker->setErrorsOnly(true);
        QCOMPARE(shownIds(*m_picker).join(u','), QString()); // nothing is known to have errors yet
        m_model->setCounts(counts());
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("beta,delta"));
        // gamma, being edited, gains an error before it is saved.
        m_model->setLiveCounts(2, 1, 0);
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("beta,gamma,delta"));
        QCOMPARE(m_picker->errorsOnlyBox()->text(), QStringLiteral("With errors (3)"));
    }

    void errorsOnly_keepsTheEntryBeingEdited()
    {
        m_model->setCounts(counts());
        m_picker->setCurrentPosition(0); // alpha, no errors
        m_picker->setErrorsOnly(true);
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("alpha,beta,delta"));
        QCOMPARE(m_picker->list()->currentIndex().data(EntryListModel::IdRole).toString(),
                 QStringLiteral("alpha"));
        m_picker->setCurrentPosition(1);
        QCOMPARE(shownIds(*m_picker).join(u','), QStringLiteral("beta,delta"));
    }

    void indexStatus_showsWhileTheIndexIsChecked()
    {
        auto *status = m_picker->findChild<QLabel *>(QStringLiteral("indexStatus"));
        QVERIFY(!status->isVisible());
        m_picker->setIndexStatus(QStringLiteral("Checking the whole index: 3 of 4 entries…"));
        QVERIFY(status->isVisible());
        m_picker->setIndexStatus({});
        QVERIFY(!status->isVisible());
    }

    void rows_areUncheckedUntilCountsArrive()
    {
        const QModelIndex beta = m_model->index(1);
        QVERIFY(!beta.data(EntryListModel::CheckedRole).toBool());
        m_model->setCounts(counts());
        QVERIFY(beta.data(EntryListModel::CheckedRole).toBool());
        QCOMPARE(beta.data(EntryListModel::ErrorsRole).toInt(), 2);
        // A new listing keeps the known counts by id until the next ones come.
        m_model->setEntries(IndexEntries::list(kIndex).entries, m_home->path());
        QCOMPARE(m_model->index(1).data(EntryListModel::ErrorsRole).toInt(), 2);
    }

private:
    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<EntryListModel> m_model;
    std::unique_ptr<EntryPicker> m_picker;
};

QTEST_MAIN(EntryPickerTest)
#include "tst_entrypicker.moc"
