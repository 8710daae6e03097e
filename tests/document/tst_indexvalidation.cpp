#include "TestFiles.h"
#include "document/IndexValidation.h"
#include "validation/DocumentValidator.h"

#include <QSignalSpy>
#include <QTest>

using namespace studio;

namespace {

// An index of `count` entries; every third lacks its name (an error), and none has its
// logo on disk (another error each).
std::string indexOf(int count)
{
    std::string text = "[\n";
    for (int i = 0; i < count; ++i) {
        const std::string id = "plugin-" + std::to_string(i);
        text += std::string(i ? ",\n" : "") + "  {\"id\": \"" + id + "\", " +
                (i % 3 == 0 ? "" : "\"name\": \"N\", ") +
                "\"author\": \"@a\", \"description\": \"D\", \"image\": \"/plugins/logos/" + id +
                ".png\", \"capabilities\": [\"chat\"], \"chat_prompt\": \"Hi\", \"deleted\": "
                "false}";
    }
    return text + "\n]\n";
}

} // namespace

class IndexValidationTest : public QObject
{
    Q_OBJECT

private slots:
    void validate_reportsWhatTheCommandLineValidatorFinds()
    {
        test::TemporaryRepository repository;
        const std::string text = indexOf(12);
        IndexValidation validation;
        QSignalSpy ready(&validation, &IndexValidation::reportReady);
        QSignalSpy started(&validation, &IndexValidation::started);
        validation.validate(text, repository.root());
        QCOMPARE(started.count(), 1);
        QVERIFY(validation.hasIndex());
        QTRY_COMPARE(ready.count(), 1);

        ValidationOptions options;
        options.repositoryRoot = repository.root();
        const ValidationReport expected = DocumentValidator::validate(text, options);
        const ValidationReport &report = validation.report();
        QCOMPARE(report.entryCount, std::size_t(12));
        QCOMPARE(report.count(Severity::Error), expected.count(Severity::Error));
        QCOMPARE(report.count(Severity::Warning), expected.count(Severity::Warning));
        QCOMPARE(report.diagnostics.size(), expected.diagnostics.size());
        QCOMPARE(report.count(Severity::Error), std::size_t(12 + 4));
        QVERIFY(!validation.isRunning());
    }

    void validate_reportsProgressUpToEveryEntry()
    {
        test::TemporaryRepository repository;
        IndexValidation validation;
        QSignalSpy progress(&validation, &IndexValidation::progressed);
        QSignalSpy ready(&validation, &IndexValidation::reportReady);
        validation.validate(indexOf(400), repository.root());
        QTRY_COMPARE(ready.count(), 1);
        QTRY_VERIFY(!progress.isEmpty());
        // Progress comes in steps (at most a few dozen a second), ending at the total.
        QCOMPARE(progress.last().at(0).toInt(), 400);
        QCOMPARE(progress.last().at(1).toInt(), 400);
    }

    void newText_replacesTheRunUnderWay()
    {
        test::TemporaryRepository repository;
        IndexValidation validation;
        QSignalSpy ready(&validation, &IndexValidation::reportReady);
        validation.validate(indexOf(3000), repository.root());
        validation.validate(indexOf(2), repository.root());
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(validation.report().entryCount, std::size_t(2));
        // The replaced run never reports, even after it has had time to end.
        QTest::qWait(200);
        QCOMPARE(ready.count(), 1);
    }

    void clear_leavesAnEmptyReport()
    {
        test::TemporaryRepository repository;
        IndexValidation validation;
        QSignalSpy ready(&validation, &IndexValidation::reportReady);
        validation.validate(indexOf(3), repository.root());
        QTRY_COMPARE(ready.count(), 1);
        validation.clear();
        QCOMPARE(ready.count(), 2);
        QVERIFY(!validation.hasIndex());
        QCOMPARE(validation.report().entryCount, std::size_t(0));
        QVERIFY(validation.report().diagnostics.empty());
    }
};

QTEST_GUILESS_MAIN(IndexValidationTest)
#include "tst_indexvalidation.moc"
