// SPDX-License-Identifier: GPL-3.0-or-later
#include "response/ResponseStatus.h"

#include <QTest>

using namespace chorus;
using namespace chorus::response;
using S = ResponseState;

namespace {
// The whole legal table, written out independently of the implementation's switch.
const QList<QPair<S, S>> kLegal = {
    {S::Draft, S::Finalized},        {S::Finalized, S::Sending},   {S::Finalized, S::Withdrawn},
    {S::Sending, S::Sending},        {S::Sending, S::Accepted},    {S::Sending, S::Conflict},
    {S::Sending, S::DeletedOnServer}, {S::Sending, S::Failed},     {S::Failed, S::Sending},
    {S::Failed, S::Withdrawn},
};
} // namespace

class TestResponseStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transition_everyPair_matchesTheLifecycleTable_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("legal");
        for (const S from : allResponseStates()) {
            for (const S to : allResponseStates()) {
                const QByteArray name = (stateName(from) + QStringLiteral("->") + stateName(to)).toUtf8();
                QTest::newRow(name.constData()) << int(from) << int(to) << kLegal.contains({from, to});
            }
        }
    }

    void transition_everyPair_matchesTheLifecycleTable()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, legal);
        const Status status = transition(S(from), S(to));
        QCOMPARE(status.ok(), legal);
        if (!legal) {
            QCOMPARE(status.error().kind, ErrorKind::InvalidInput);
            QVERIFY(status.error().message.contains(stateName(S(from))));
            QVERIFY(status.error().message.contains(stateName(S(to))));
        }
    }

    void illegal_fromAFinalState_saysItIsFinal()
    {
        const Status status = transition(S::Accepted, S::Sending);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(QLatin1String("accepted is final")));
    }

    void finalStates_areExactlyTheOutcomes()
    {
        QList<S> finals;
        for (const S s : allResponseStates()) {
            if (isFinal(s)) {
                finals.append(s);
            }
        }
        QCOMPARE(finals, (QList<S>{S::Accepted, S::Conflict, S::DeletedOnServer, S::Withdrawn}));
    }

    void names_roundTrip_andUnknownNameIsRejected()
    {
        for (const S s : allResponseStates()) {
            QCOMPARE(stateFromName(stateName(s)), std::optional<S>(s));
        }
        QCOMPARE(stateName(S::DeletedOnServer), QStringLiteral("deleted_on_server"));
        QVERIFY(!stateFromName(QStringLiteral("sent")).has_value());
        QCOMPARE(allResponseStates().size(), 8);
    }
};

QTEST_GUILESS_MAIN(TestResponseStatus)
#include "tst_responsestatus.moc"
