// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/ConsentCapture.h"
#include "consent/WithdrawalMatcher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::consent;

namespace {
const ReceiptHashKey &key()
{
    static const ReceiptHashKey k = deriveReceiptHashKey(u"s1"_s, QByteArrayLiteral("pk"));
    return k;
}

CapturedConsent capture()
{
    CaptureRequest r;
    r.responseId = u"uuid:"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.surveyId = u"s1"_s;
    r.surveyVersion = u"1"_s;
    r.controllerId = u"council"_s;
    r.lawfulBasis = u"consent"_s;
    r.art9Condition = u"explicit_consent"_s;
    r.noticeId = u"n"_s;
    r.noticeVersion = u"1"_s;
    r.noticeLocale = u"en"_s;
    r.noticeText = {u"Statement"_s, u"Notice"_s};
    r.offeredPurposes = {u"equality_monitoring"_s};
    r.actions = {{u"c"_s, u"equality_monitoring"_s, true, false}};
    r.deviceId = u"d"_s;
    r.appVersion = u"0.1.0"_s;
    r.hashKey = key();
    return *captureConsent(r);
}

QDateTime at(int day)
{
    return QDateTime(QDate(2026, 12, day), QTime(12, 0), Qt::UTC);
}
} // namespace

class TestWithdrawalMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestFor_typedCode_matchesOnlyThatRecord()
    {
        const CapturedConsent mine = capture();
        const CapturedConsent other = capture();
        // The respondent reads the code out in lower case with spaces: the hash is the same.
        const auto typed = ReceiptCode::parse(mine.receiptCode.formatted().toLower().replace(u'-', u' '));
        QVERIFY(typed.ok());
        const WithdrawalMatcher matcher(
            {WithdrawalRequest::create(u"s1"_s, receiptCodeHash(*typed, key()), WithdrawalChannel::Phone, at(2))});
        QVERIFY(matcher.isWithdrawn(mine.record));
        QVERIFY(!matcher.isWithdrawn(other.record));
        QCOMPARE(matcher.requestCount(), 1);
    }

    void requestFor_sameHashInAnotherSurvey_doesNotMatch()
    {
        const CapturedConsent mine = capture();
        const WithdrawalMatcher matcher(
            {WithdrawalRequest::create(u"s2"_s, mine.record.receiptCodeHash, WithdrawalChannel::Web, at(2))});
        QVERIFY(!matcher.isWithdrawn(mine.record));
    }

    void add_repeatedRequests_keepTheEarliest()
    {
        const CapturedConsent mine = capture();
        WithdrawalMatcher matcher;
        matcher.add(WithdrawalRequest::create(u"s1"_s, mine.record.receiptCodeHash, WithdrawalChannel::Web, at(9)));
        matcher.add(WithdrawalRequest::create(u"s1"_s, mine.record.receiptCodeHash, WithdrawalChannel::Written, at(3)));
        matcher.add(WithdrawalRequest::create(u"s1"_s, mine.record.receiptCodeHash, WithdrawalChannel::Email, at(5)));
        QCOMPARE(matcher.requestCount(), 1);
        const ConsentRecord withdrawn = matcher.withWithdrawal(mine.record);
        QVERIFY(withdrawn.withdrawal.has_value());
        QCOMPARE(withdrawn.withdrawal->withdrawnAtUtc, at(3));
        QVERIFY(withdrawn.withdrawal->channel == WithdrawalChannel::Written);
        QVERIFY(withdrawn.validate().ok());
    }

    void isWithdrawn_recordWithdrawnOnDevice_needsNoRequest()
    {
        ConsentRecord record = capture().record;
        record.withdrawal = Withdrawal{at(1), WithdrawalChannel::OnDeviceOperator, {}};
        QVERIFY(WithdrawalMatcher().isWithdrawn(record));
        QCOMPARE(WithdrawalMatcher().withWithdrawal(record), record);
    }
};

QTEST_GUILESS_MAIN(TestWithdrawalMatcher)
#include "tst_withdrawalmatcher.moc"
