// SPDX-License-Identifier: GPL-3.0-or-later
#include "Endpoint.h"

#include <QTest>

using namespace chorus;
using namespace chorus::sync;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submissionUrl_appendsSubmissionToBase()
    {
        auto url = submissionUrl(QStringLiteral("https://survey.example.gov.uk/"), false);
        QVERIFY(url);
        QCOMPARE(url->toString(), QStringLiteral("https://survey.example.gov.uk/submission"));
    }
    void submissionUrl_keepsAUrlEndingInSubmission()
    {
        const QString central = QStringLiteral("https://c.example/v1/key/abc/projects/3/submission");
        auto url = submissionUrl(central, false);
        QVERIFY(url);
        QCOMPARE(url->toString(), central);
    }
    void http_toNonLoopback_isRefusedEvenWhenAllowed()
    {
        auto url = submissionUrl(QStringLiteral("http://survey.example.gov.uk"), true);
        QVERIFY(!url);
        QCOMPARE(url.error().kind, ErrorKind::InvalidInput);
        QVERIFY(url.error().message.contains(QLatin1String("https")));
        QVERIFY(!submissionUrl(QStringLiteral("http://10.0.0.1:8080"), true));
    }
    void http_toLoopback_needsTheExplicitFlag()
    {
        QVERIFY(!submissionUrl(QStringLiteral("http://127.0.0.1:8080"), false));
        QVERIFY(submissionUrl(QStringLiteral("http://127.0.0.1:8080"), true));
        QVERIFY(submissionUrl(QStringLiteral("http://localhost:8080"), true));
        QVERIFY(submissionUrl(QStringLiteral("http://[::1]:8080"), true));
    }
    void otherSchemes_areRefused()
    {
        QVERIFY(!submissionUrl(QStringLiteral("ftp://127.0.0.1/"), true));
        QVERIFY(!submissionUrl(QStringLiteral("not a url"), true));
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
