// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Result.h"

#include <QTest>

using namespace chorus;

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void value_isReturned()
    {
        Result<int> r = 42;
        QVERIFY(r.ok());
        QCOMPARE(*r, 42);
    }
    void error_carriesKindAndMessage()
    {
        Result<int> r = makeError(ErrorKind::Network, QStringLiteral("timed out"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Network);
        QCOMPARE(r.error().message, QStringLiteral("timed out"));
        QVERIFY(r.error().isRetryable());
    }
    void onlyNetworkErrors_areRetryable()
    {
        QVERIFY(!makeError(ErrorKind::Conflict, {}).isRetryable());
        QVERIFY(!makeError(ErrorKind::Permission, {}).isRetryable());
        Status s;
        QVERIFY(s.ok());
        Status f = makeError(ErrorKind::Io, QStringLiteral("disk full"));
        QVERIFY(!f.ok());
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
