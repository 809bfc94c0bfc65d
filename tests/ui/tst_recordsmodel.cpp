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

    // Issue 14: home needs only the counts, and the records screen reads rows as it scrolls;
    // the model used to read every response at start (2.1 s and 190 MB with 100k records).
    void refresh_countsEverything_butReadsRowsOnlyAPageAtATime()
    {
        store::InMemoryStore db;
        const int total = 2 * RecordsModel::kPageSize + 50;
        QStringList ids;
        for (int i = 0; i < total; ++i) {
            ids << QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
            store::FinalizedResponse r = sealed(ids.constLast());
            r.finalizedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC).addSecs(i);
            QVERIFY(db.responses().finalize(r).ok());
        }
        QVERIFY(db.responses().markSending(ids.at(0)).ok());
        QVERIFY(db.responses().markAccepted(ids.at(0)).ok());

        RecordsModel model(&db.responses()); // no tester here: it fetches more on every change
        model.refresh();
        QCOMPARE(model.size(), total);
        QCOMPARE(model.counts().value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(model.waiting(), total - 1);
        QCOMPARE(model.rowCount(), RecordsModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        QCOMPARE(model.rowCount(), total);
        for (int i = 0; i < total; i += 37) {
            QCOMPARE(model.data(model.index(i), RecordsModel::InstanceRole).toString(), ids.at(i));
        }
        QCOMPARE(model.data(model.index(0), RecordsModel::StateRole).toString(), QStringLiteral("accepted"));

        // The tester fetches more from inside its modelReset handler, before it marks the reset
        // finished, so it watches from after the reset: every page insertion is checked.
        RecordsModel checked(&db.responses());
        checked.refresh();
        QAbstractItemModelTester tester(&checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (checked.canFetchMore({})) {
            checked.fetchMore({});
        }
        QCOMPARE(checked.rowCount(), total);
    }
};

QTEST_GUILESS_MAIN(TstRecordsModel)
#include "tst_recordsmodel.moc"
