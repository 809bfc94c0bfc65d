// SPDX-License-Identifier: GPL-3.0-or-later
#include "bank/QuestionBank.h"

#include <QTest>

using namespace chorus::bank;

class TestQuestionBank : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtinBank_loads_forBothNations()
    {
        QVERIFY(builtinBankVersions().contains(QStringLiteral("gss/2025.1")));
        auto bank = loadBuiltinBank(QStringLiteral("gss/2025.1"));
        QVERIFY(bank.ok());
        QCOMPARE(bank->version, QStringLiteral("gss/2025.1"));
        QVERIFY(bank->item(QStringLiteral("england"), QStringLiteral("sex")));
        QVERIFY(bank->item(QStringLiteral("wales"), QStringLiteral("sex")));
        QVERIFY(!bank->item(QStringLiteral("scotland"), QStringLiteral("sex")));
    }

    void unknownVersion_isAClearError()
    {
        auto bank = loadBuiltinBank(QStringLiteral("gss/1999.1"));
        QVERIFY(!bank.ok());
        QVERIFY(bank.error().message.contains(QLatin1String("available: gss/2025.1")));
    }
};

QTEST_GUILESS_MAIN(TestQuestionBank)
#include "tst_questionbank.moc"
