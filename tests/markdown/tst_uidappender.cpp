#include "markdown/UidAppender.h"

#include <QTest>

using namespace studio;

class UidAppenderTest : public QObject
{
    Q_OBJECT

private slots:
    void append_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("uid");
        QTest::addColumn<QString>("opened");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("no query: ?") << "https://a.example/setup"
                                     << "u1"
                                     << "https://a.example/setup?uid=u1"
                                     << "?uid=u1";
        QTest::newRow("query: &") << "https://a.example/setup?lang=en"
                                  << "u1"
                                  << "https://a.example/setup?lang=en&uid=u1"
                                  << "&uid=u1";
        QTest::newRow("before the fragment") << "https://a.example/doc#step-2"
                                             << "u1"
                                             << "https://a.example/doc?uid=u1#step-2"
                                             << "?uid=u1";
        QTest::newRow("query and fragment") << "https://a.example/doc?x=1#s"
                                            << "u1"
                                            << "https://a.example/doc?x=1&uid=u1#s"
                                            << "&uid=u1";
        QTest::newRow("'?' only in the fragment") << "https://a.example/#a?b"
                                                  << "u1"
                                                  << "https://a.example/?uid=u1#a?b"
                                                  << "?uid=u1";
        QTest::newRow("empty query") << "https://a.example/?"
                                     << "u1"
                                     << "https://a.example/?uid=u1"
                                     << "uid=u1";
        QTest::newRow("trailing &") << "https://a.example/?a=1&"
                                    << "u1"
                                    << "https://a.example/?a=1&uid=u1"
                                    << "uid=u1";
        QTest::newRow("placeholder uid is encoded in the URL") << "https://a.example/"
                                                               << "<uid>"
                                                               << "https://a.example/?uid=%3Cuid%3E"
                                                               << "?uid=<uid>";
        QTest::newRow("mail link") << "mailto:help@a.example"
                                   << "u 1"
                                   << "mailto:help@a.example?uid=u%201"
                                   << "?uid=u 1";
    }

    void append()
    {
        QFETCH(QString, url);
        QFETCH(QString, uid);
        QFETCH(QString, opened);
        QFETCH(QString, suffix);
        QCOMPARE(QString::fromStdString(UidAppender::append(url.toStdString(), uid.toStdString())),
                 opened);
        QCOMPARE(QString::fromStdString(UidAppender::suffix(url.toStdString(), uid.toStdString())),
                 suffix);
    }
};

QTEST_GUILESS_MAIN(UidAppenderTest)
#include "tst_uidappender.moc"
