#include "TestFiles.h"
#include "ValidationRuleCases.h"
#include "validation/DocumentValidator.h"

#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

struct Finding
{
    const Diagnostic *diagnostic = nullptr;
    std::string spanText;
};

class Fixture
{
public:
    Fixture()
    {
        m_repository.write(QStringLiteral("plugins/logos/my-plugin.png"), pngBytes(512, 512));
        m_repository.write(QStringLiteral("plugins/instructions/my-plugin/README.md"), "# Setup\n");
    }

    const TemporaryRepository &repository() const { return m_repository; }

    ValidationReport validate(const QByteArray &patch, bool withRepository = true)
    {
        Json manifest = Json::parse(kValidManifest);
        if (!patch.isEmpty())
            manifest.merge_patch(Json::parse(patch.toStdString()));
        m_text = manifest.dump(2);
        ValidationOptions options;
        if (withRepository)
            options.repositoryRoot = m_repository.root();
        return DocumentValidator::validate(m_text, options);
    }

    Finding find(const ValidationReport &report, const QString &code, const QString &pointer) const
    {
        for (const auto &diagnostic : report.diagnostics) {
            if (QString::fromUtf8(diagnostic.code().data(), qsizetype(diagnostic.code().size())) ==
                    code &&
                QString::fromStdString(diagnostic.pointer) == pointer)
                return {&diagnostic,
                        m_text.substr(diagnostic.span.begin, diagnostic.span.length())};
        }
        return {};
    }

    static QString describe(const ValidationReport &report)
    {
        QStringList lines;
        for (const auto &d : report.diagnostics)
            lines << QString::fromStdString(std::string(d.code()) + " " + d.pointer + " " +
                                            d.message);
        return lines.join(u'\n');
    }

private:
    TemporaryRepository m_repository;
    std::string m_text;
};

} // namespace

class ValidationRulesTest : public QObject
{
    Q_OBJECT

private slots:
    void validManifest_hasNoFindings()
    {
        Fixture fixture;
        const ValidationReport report = fixture.validate({});
        QVERIFY2(report.diagnostics.empty(), qPrintable(Fixture::describe(report)));
        QCOMPARE(report.kind, DocumentKind::Manifest);
    }

    void rule_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("underlined");
        QTest::addColumn<QString>("message");
        for (const RuleCase &c : validationRuleCases())
            QTest::newRow(c.name) << QByteArray(c.patch) << QString::fromUtf8(c.code)
                                  << QString::fromUtf8(c.severity) << QString::fromUtf8(c.pointer)
                                  << QString::fromUtf8(c.underlined)
                                  << QString::fromUtf8(c.message);
    }

    void rule()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, code);
        QFETCH(QString, severity);
        QFETCH(QString, pointer);
        QFETCH(QString, underlined);
        QFETCH(QString, message);

        Fixture fixture;
        const auto &repo = fixture.repository();
        repo.write(QStringLiteral("plugins/logos/anim.gif"), gifBytes(512, 512));
        repo.write(QStringLiteral("plugins/logos/noext"), pngBytes(512, 512));
        repo.write(QStringLiteral("plugins/logos/page.png"), "<html>404</html>");
        repo.write(QStringLiteral("plugins/logos/photo.png"), jpegBytes(512, 512));
        repo.write(QStringLiteral("plugins/logos/wide.png"), pngBytes(600, 400));
        repo.write(QStringLiteral("plugins/logos/small.png"), pngBytes(128, 128));
        repo.write(QStringLiteral("plugins/logos/heavy.png"),
                   pngBytes(512, 512, false, 1536 * 1024));
        repo.write(QStringLiteral("plugins/instructions/my-plugin/README.txt"), "Setup");
        repo.write(QStringLiteral("plugins/instructions/myplugin/README.md"), "# Setup");

        const ValidationReport report = fixture.validate(patch);
        const Finding finding = fixture.find(report, code, pointer);
        QVERIFY2(finding.diagnostic, qPrintable(u"no " % code % u" at " % pointer % u" in:\n" %
                                                Fixture::describe(report)));
        QCOMPARE(QString::fromUtf8(severityName(finding.diagnostic->severity()).data()), severity);
        QVERIFY2(QString::fromStdString(finding.diagnostic->message).contains(message),
                 finding.diagnostic->message.c_str());
        if (!underlined.isEmpty())
            QCOMPARE(QString::fromStdString(finding.spanText), underlined);
        QVERIFY(finding.diagnostic->start.isValid());
    }

    void fileChecks_withoutRepository_areSkippedWithAnInfo()
    {
        Fixture fixture;
        const ValidationReport report =
            fixture.validate(R"({"image": "/plugins/logos/missing.png"})", false);
        QVERIFY(fixture.find(report, QStringLiteral("PS190"), QString()).diagnostic);
        QVERIFY(
            !fixture.find(report, QStringLiteral("PS151"), QStringLiteral("/image")).diagnostic);
        QVERIFY(!report.hasErrors());
    }

    void emptyInstructionsPath_meansNoInstructions()
    {
        Fixture fixture;
        const ValidationReport report =
            fixture.validate(R"({"external_integration": {"setup_instructions_file_path": ""}})");
        QVERIFY2(report.diagnostics.empty(), qPrintable(Fixture::describe(report)));
    }

    void plainHttpToALocalAddress_isOneFinding_notTwo()
    {
        Fixture fixture;
        const ValidationReport report = fixture.validate(
            "{\"external_integration\": {\"webhook_url\": \"http://127.0.0.1:8780/memory\"}}");
        QCOMPARE(int(report.diagnostics.size()), 1);
        QVERIFY(fixture.find(report, QStringLiteral("PS132"),
                             QStringLiteral("/external_integration/webhook_url"))
                    .diagnostic);
    }

    void nullSetupUrl_meansNoSetupCheck()
    {
        Fixture fixture;
        Json manifest = Json::parse(kValidManifest);
        manifest["external_integration"]["setup_completed_url"] = nullptr;
        ValidationOptions options;
        options.repositoryRoot = fixture.repository().root();
        const ValidationReport report = DocumentValidator::validate(manifest.dump(2), options);
        QVERIFY2(report.diagnostics.empty(), qPrintable(Fixture::describe(report)));
    }

    void siblingWithSameId_isADuplicate()
    {
        Fixture fixture;
        ValidationOptions options;
        options.repositoryRoot = fixture.repository().root();
        options.siblings = {{"other", "@a"}, {"my-plugin", "@someone"}};
        const ValidationReport report = DocumentValidator::validate(kValidManifest, options);
        QCOMPARE(report.diagnostics.size(), std::size_t(1));
        QCOMPARE(report.diagnostics[0].code(), std::string_view("PS122"));
        QVERIFY(QString::fromStdString(report.diagnostics[0].message).contains(u"@someone"));
    }
};

QTEST_GUILESS_MAIN(ValidationRulesTest)
#include "tst_validationrules.moc"
