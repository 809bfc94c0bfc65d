// SPDX-License-Identifier: GPL-3.0-or-later
// The sync screen's model over the in-memory store: every record, its state, and why.
#include "RecordsModel.h"
#include "store/InMemoryStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using chorus::ui::RecordsModel;
namespace store = chorus::store;

class TstRecordsModel : public QObject
{
    Q_OBJECT

private:
    static store::FinalizedResponse sealed(const QString &id)
    {
        store::FinalizedResponse r;
        r.instanceId = id;
        r.surveyId = QStringLiteral("library");
        r.surveyVersion = QStringLiteral("1");
        r.manifest = QByteArrayLiteral("<data/>");
        r.encryptedFiles = {chorus::FilePart{QStringLiteral("submission.xml.enc"), QByteArrayLiteral("x")}};
        r.finalizedAt = QDateTime::currentDateTimeUtc();
        return r;
    }

    static QString roleOf(RecordsModel &model, const QString &id, int role)
    {
        for (int i = 0; i < model.rowCount(); ++i) {
            if (model.data(model.index(i), RecordsModel::InstanceRole).toString() == id) {
                return model.data(model.index(i), role).toString();
            }
        }
        return QStringLiteral("<missing>");
    }

private Q_SLOTS:
    void refresh_listsEveryRecordWithStateReasonAndAdvice()
    {
        store::InMemoryStore db;
        const QString a = QStringLiteral("uuid:00000000-0000-4000-8000-00000000000a");
        const QString b = QStringLiteral("uuid:00000000-0000-4000-8000-00000000000b");
        const QString c = QStringLiteral("uuid:00000000-0000-4000-8000-00000000000c");
        for (const QString &id : {a, b, c}) {
            QVERIFY(db.responses().finalize(sealed(id)).ok());
        }
        QVERIFY(db.responses().markSending(a).ok());
        QVERIFY(db.responses().markAccepted(a).ok());
        QVERIFY(db.responses().markSending(b).ok());
        QVERIFY(db.responses().markFailed(b, QStringLiteral("HTTP 413: the server refused a file this large")).ok());

        RecordsModel model(&db.responses());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(roleOf(model, a, RecordsModel::StateRole), QStringLiteral("accepted"));
        QCOMPARE(roleOf(model, a, RecordsModel::StateTextRole), QStringLiteral("Sent"));
        QCOMPARE(roleOf(model, b, RecordsModel::StateRole), QStringLiteral("failed"));
        QCOMPARE(roleOf(model, b, RecordsModel::ReasonRole), QStringLiteral("HTTP 413: the server refused a file this large"));
        QVERIFY(roleOf(model, b, RecordsModel::AdviceRole).contains(QStringLiteral("administrator")));
        QCOMPARE(roleOf(model, c, RecordsModel::StateTextRole), QStringLiteral("Waiting to send"));
        QCOMPARE(model.counts().value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(model.waiting(), 2);
    }

    void requestSync_emitsOnceUntilTheResultArrives()
    {
        store::InMemoryStore db;
        RecordsModel model(&db.responses());
        QSignalSpy requested(&model, &RecordsModel::syncRequested);
        model.requestSync();
        model.requestSync();
        QCOMPARE(requested.count(), 1);
        QVERIFY(model.isSyncing());
        model.setSyncResult(QStringLiteral("3 sent"));
        QVERIFY(!model.isSyncing());
        QCOMPARE(model.lastSyncResult(), QStringLiteral("3 sent"));
        model.requestSync();
        QCOMPARE(requested.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TstRecordsModel)
#include "tst_recordsmodel.moc"
