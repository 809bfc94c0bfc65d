// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "crypto/CouncilKeys.h"
#include "crypto/KeyRing.h"
#include "crypto/OdkEnvelope.h"
#include "export/DecryptPipeline.h"
#include "export/ResponseRecords.h"
#include "response/SubmissionXml.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus;
using namespace chorus::exports;
using namespace chorus::testing;

namespace
{

survey::SurveyPackage package()
{
    auto p = survey::SurveyLoader::load(toBytes(packageWithQuestions(parseArray(R"([
        {"name": "eth", "type": "single", "label": "E", "preferNotToSay": true,
         "choices": [{"code": "13", "label": "British"}, {"code": "17", "label": "Other White", "writeIn": true}]},
        {"name": "people", "type": "repeat", "label": "People", "questions": [
            {"name": "age", "type": "integer", "label": "Age"}]}
    ])"))));
    if (!p)
        qFatal("fixture does not load: %s", qPrintable(p.error().message));
    return *p;
}

response::Response responseNumber(const survey::SurveyPackage &p, int i)
{
    response::Response r;
    r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.surveyId = p.id;
    r.surveyVersion = p.version;
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    r.finished = r.started.addSecs(60);
    r.answers.insert(
        QStringLiteral("eth"), response::Answer::answered(i % 2 ? QStringLiteral("13") : QStringLiteral("17")));
    r.repeatCounts.insert(QStringLiteral("people"), 1);
    r.answers.insert(QStringLiteral("people[1]/age"), response::Answer::answered(QString::number(20 + i)));
    return r;
}

Envelope seal(const crypto::CouncilPublicKey &key, const survey::SurveyPackage &p, const response::Response &r)
{
    auto sealed
        = crypto::OdkEnvelope::seal(key, p.id, p.version, r.instanceId, response::SubmissionXml::serialize(p, r));
    if (!sealed)
        qFatal("seal failed");
    return Envelope { r.instanceId, sealed->manifest, sealed->encryptedFiles };
}

} // namespace

class TestDecryptPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void run_keepsInputOrder_reportsBadRecordsByInstanceId_appliesWithdrawals()
    {
        const survey::SurveyPackage p = package();
        auto council = crypto::generateCouncilKeyPair();
        auto stranger = crypto::generateCouncilKeyPair();
        QVERIFY(council.ok() && stranger.ok());
        QList<Envelope> envelopes;
        for (int i = 0; i < 60; ++i)
            envelopes.append(seal(council->publicKey, p, responseNumber(p, i)));
        envelopes[7] = seal(stranger->publicKey, p, responseNumber(p, 7)); // wrong key
        envelopes[20].files[0].bytes[10] ^= 0x5a; // corrupt on disk

        crypto::KeyRing ring;
        ring.add(std::move(council->privateKey));
        qsizetype next = 0;
        auto source = [&]() -> std::optional<Result<Envelope>> {
            if (next >= envelopes.size())
                return std::nullopt;
            return Result<Envelope>(envelopes.at(next++));
        };
        QStringList written;
        auto sink = [&](const response::Response &r) -> Status {
            written.append(r.instanceId);
            return {};
        };
        QStringList failedIds;
        auto failed = [&](const QString &id, const QString &) {
            failedIds.append(id);
        };
        const QString withdrawnId = responseNumber(p, 33).instanceId;
        qint64 lastProgress = 0;

        DecryptPipeline::Options options;
        options.workers = 2;
        options.window = 4;
        auto counts = DecryptPipeline::run(
            ring, source, sink, failed, options,
            [&](const response::Response &r) { return r.instanceId == withdrawnId; },
            [&](qint64 done) { lastProgress = done; });
        QVERIFY(counts.ok());
        QCOMPARE(counts->written, qint64(57));
        QCOMPARE(counts->failed, qint64(2));
        QCOMPARE(counts->withdrawn, qint64(1));
        QCOMPARE(lastProgress, qint64(60));
        QStringList expected;
        for (int i = 0; i < 60; ++i) {
            if (i != 7 && i != 20 && i != 33)
                expected.append(responseNumber(p, i).instanceId);
        }
        QCOMPARE(written, expected);
        QCOMPARE(failedIds.size(), 2);
        QCOMPARE(failedIds.at(0), responseNumber(p, 7).instanceId);
        QCOMPARE(failedIds.at(1), responseNumber(p, 20).instanceId);
    }

    void sinkError_stopsTheRun_andIsReturned()
    {
        const survey::SurveyPackage p = package();
        auto council = crypto::generateCouncilKeyPair();
        QVERIFY(council.ok());
        QList<Envelope> envelopes;
        for (int i = 0; i < 20; ++i)
            envelopes.append(seal(council->publicKey, p, responseNumber(p, i)));
        crypto::KeyRing ring;
        ring.add(std::move(council->privateKey));
        qsizetype next = 0;
        int sunk = 0;
        auto counts = DecryptPipeline::run(
            ring,
            [&]() -> std::optional<Result<Envelope>> {
                if (next >= envelopes.size())
                    return std::nullopt;
                return Result<Envelope>(envelopes.at(next++));
            },
            [&](const response::Response &) -> Status {
                if (++sunk == 5)
                    return makeError(ErrorKind::Io, QStringLiteral("disk full"));
                return {};
            },
            {}, DecryptPipeline::Options {});
        QVERIFY(!counts.ok());
        QCOMPARE(counts.error().message, QStringLiteral("disk full"));
        QCOMPARE(sunk, 5);
    }

    void recordFromResponse_splitsRepeatPaths()
    {
        const survey::SurveyPackage p = package();
        response::Response r = responseNumber(p, 3);
        r.repeatCounts[QStringLiteral("people")] = 2;
        r.answers.insert(QStringLiteral("people[2]/age"), response::Answer::notAnswered());
        const Record record = recordFromResponse(r);
        QCOMPARE(record.answers.value(QStringLiteral("eth")).value, QStringLiteral("13"));
        QCOMPARE(record.repeats.value(QStringLiteral("people")).size(), 2);
        QCOMPARE(record.repeats.value(QStringLiteral("people")).at(0).value(QStringLiteral("age")).value,
            QStringLiteral("23"));
        QCOMPARE(record.repeats.value(QStringLiteral("people")).at(1).value(QStringLiteral("age")).state,
            AnswerState::NotAnswered);
        const Catalogue c = catalogueFromResponse(r);
        QCOMPARE(c.repeatGroups(), QStringList { QStringLiteral("people") });
    }
};

QTEST_GUILESS_MAIN(TestDecryptPipeline)
#include "tst_decryptpipeline.moc"
