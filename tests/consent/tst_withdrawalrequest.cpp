// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/ReceiptCode.h"
#include "consent/WithdrawalRequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::consent;

namespace {
WithdrawalRequest sample()
{
    const auto key = deriveReceiptHashKey(u"leisure-2026"_s, QByteArrayLiteral("council-key"));
    const auto code = ReceiptCode::parse(u"7K2M-QX9D-R4T1");
    return WithdrawalRequest::create(u"leisure-2026"_s, receiptCodeHash(*code, key), WithdrawalChannel::Written,
                                     QDateTime(QDate(2026, 12, 2), QTime(10, 15, 0, 250), Qt::UTC));
}

QByteArray withField(const QByteArray &json, const QString &key, const QJsonValue &value)
{
    QJsonObject object = QJsonDocument::fromJson(json).object();
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

class TestWithdrawalRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_givesAValidRequestWithAFreshId()
    {
        const WithdrawalRequest a = sample();
        QVERIFY(a.validate().ok());
        QVERIFY(a.requestId != sample().requestId);
    }

    void json_roundTrip_preservesEveryField()
    {
        const WithdrawalRequest request = sample();
        auto parsed = WithdrawalRequest::fromJson(request.toJson());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(*parsed, request);
    }

    void json_carriesTheHashNeverTheCode()
    {
        const QByteArray json = sample().toJson();
        QVERIFY(!json.contains("7K2M"));
        QVERIFY(!json.contains("7K2MQX9DR4T1"));
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QCOMPARE(object.value(u"channel"_s).toString(), u"written"_s);
        QCOMPARE(object.value(u"requested_at_utc"_s).toString(), u"2026-12-02T10:15:00.250Z"_s);
        QCOMPARE(object.value(u"schema_version"_s).toInt(), 1);
        QCOMPARE(object.keys().size(), 6);
    }

    void fromJson_invalidInput_isRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        const QByteArray good = sample().toJson();
        QTest::newRow("not json") << QByteArray("{") << u"not a JSON object"_s;
        QTest::newRow("no hash") << withField(good, u"receipt_code_hash"_s, QJsonValue()) << u"receipt_code_hash"_s;
        QTest::newRow("code not hash") << withField(good, u"receipt_code_hash"_s, u"7K2MQX9DR4T1"_s) << u"never the code"_s;
        QTest::newRow("local time") << withField(good, u"requested_at_utc"_s, u"2026-12-02T10:15:00+01:00"_s) << u"ending in Z"_s;
        QTest::newRow("unknown channel") << withField(good, u"channel"_s, u"pigeon"_s) << u"pigeon"_s;
        QTest::newRow("no survey") << withField(good, u"survey_id"_s, u""_s) << u"survey id"_s;
        QTest::newRow("bad id") << withField(good, u"request_id"_s, u"nope"_s) << u"version 4"_s;
        QTest::newRow("newer schema") << withField(good, u"schema_version"_s, 2) << u"Update Chorus"_s;
    }

    void fromJson_invalidInput_isRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        auto parsed = WithdrawalRequest::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestWithdrawalRequest)
#include "tst_withdrawalrequest.moc"
