#include "EncodedImages.h"
#include "TestFiles.h"
#include "instructions/RenderScheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace studio;
using studio::test::TemporaryRepository;

namespace {

PreviewRequest requestFor(const std::string &text, quint64 revision,
                          const TemporaryRepository &repository)
{
    PreviewRequest request;
    request.text = text;
    request.revision = revision;
    request.options.context.pluginId = "p";
    request.options.context.instructionsPath = "/plugins/instructions/p/README.md";
    request.options.context.repositoryRoot = repository.root();
    return request;
}

} // namespace

class RenderSchedulerTest : public QObject
{
    Q_OBJECT

private slots:
    void requestsMidRender_collapseIntoOneRender()
    {
        TemporaryRepository repository;
        RenderScheduler scheduler;
        QSignalSpy finished(&scheduler, &RenderScheduler::finished);
        // The GUI thread does not return to its event loop in between, so the first job is
        // still running (its result not taken) while the 19 others arrive.
        for (quint64 revision = 1; revision <= 20; ++revision)
            scheduler.request(
                requestFor("edit " + std::to_string(revision) + "\n", revision, repository));
        QVERIFY(scheduler.isBusy());
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(!scheduler.isBusy());
        QCOMPARE(scheduler.startedJobs(), 2);
        const auto first = finished.at(0).at(0).value<PreviewResult>();
        const auto last = finished.at(1).at(0).value<PreviewResult>();
        QCOMPARE(first.revision, quint64(1));
        QCOMPARE(last.revision, quint64(20));
        QVERIFY(last.preview.html.contains(u"edit 20"));
    }

    void job_checksListsAssetsAndDecodesImagesOnce()
    {
        TemporaryRepository repository;
        repository.write(QStringLiteral("plugins/instructions/p/assets/a.png"),
                         test::encodedPng(1200, 600));
        RenderScheduler scheduler;
        QSignalSpy finished(&scheduler, &RenderScheduler::finished);
        PreviewRequest request =
            requestFor("![a](assets/a.png) ![b](assets/b.png)\n", 1, repository);
        scheduler.request(request);
        QTRY_COMPARE(finished.count(), 1);
        const auto result = finished.at(0).at(0).value<PreviewResult>();
        const QString url =
            QUrl::fromLocalFile(
                repository.path(QStringLiteral("plugins/instructions/p/assets/a.png")))
                .toString(QUrl::FullyEncoded);
        QCOMPARE(result.images.size(), 1);
        QCOMPARE(result.images.value(url).image.size(),
                 QSize(400, 200)); // scaled to a phone's width
        QCOMPARE(result.diagnostics.size(), std::size_t(1));
        QCOMPARE(result.diagnostics.front().rule, RuleId::InstructionsMissingImage);
        QCOMPARE(result.assets.size(), std::size_t(2));
        QVERIFY(!result.storeHtml.contains(u"class=\"uid\""));
        QVERIFY(!result.storeHtml.contains(u"name=\"line-"));
        QVERIFY(result.preview.html.contains(u"name=\"line-1\""));

        // Known and unchanged: not decoded again.
        request.knownImages.insert(url, result.images.value(url).stamp);
        request.revision = 2;
        scheduler.request(request);
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(finished.at(1).at(0).value<PreviewResult>().images.isEmpty());
    }
};

QTEST_MAIN(RenderSchedulerTest)
#include "tst_renderscheduler.moc"
