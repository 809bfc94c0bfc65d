// SPDX-License-Identifier: GPL-3.0-or-later
// The GOV.UK date boxes: what becomes an answer, and which part a message blames.
#include "DateParts.h"

#include <QtTest>

using chorus::ui::checkDateParts;

class TestDateParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("day");
        QTest::addColumn<QString>("month");
        QTest::addColumn<QString>("year");
        QTest::addColumn<bool>("yearOnly");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");

        QTest::newRow("all empty is no answer") << "" << "" << "" << false << "" << "" << "";
        QTest::newRow("valid, padded") << "7" << "3" << "2007" << false << "2007-03-07" << "" << "";
        QTest::newRow("valid, spaces") << " 27 " << "03" << "2007" << false << "2007-03-27" << "" << "";
        QTest::newRow("leap day") << "29" << "2" << "2024" << false << "2024-02-29" << "" << "";
        QTest::newRow("missing day") << "" << "3" << "2007" << false << "" << "day" << "include a day";
        QTest::newRow("missing month") << "27" << "" << "2007" << false << "" << "month" << "include a month";
        QTest::newRow("missing year") << "27" << "3" << "" << false << "" << "year" << "include a year";
        QTest::newRow("missing day and month") << "" << "" << "2007" << false << "" << "day" << "day and month";
        QTest::newRow("missing month and year") << "2" << "" << "" << false << "" << "month" << "month and year";
        QTest::newRow("day 32") << "32" << "3" << "2007" << false << "" << "day" << "from 1 to 31";
        QTest::newRow("day letters") << "ab" << "3" << "2007" << false << "" << "day" << "from 1 to 31";
        QTest::newRow("month 13") << "1" << "13" << "2007" << false << "" << "month" << "from 1 to 12";
        QTest::newRow("two-digit year") << "1" << "1" << "07" << false << "" << "year" << "4 numbers";
        QTest::newRow("not a real date") << "31" << "2" << "2023" << false << "" << "day" << "real date";
        QTest::newRow("29 Feb, not leap") << "29" << "2" << "2023" << false << "" << "day" << "real date";
        QTest::newRow("year only") << "" << "" << "1984" << true << "1984" << "" << "";
        QTest::newRow("year only, empty") << "" << "" << "" << true << "" << "" << "";
        QTest::newRow("year only, short") << "" << "" << "984" << true << "" << "year" << "4 numbers";
        QTest::newRow("year only ignores day") << "99" << "99" << "1984" << true << "1984" << "" << "";
    }
    void check()
    {
        QFETCH(QString, day);
        QFETCH(QString, month);
        QFETCH(QString, year);
        QFETCH(bool, yearOnly);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const auto result = checkDateParts(day, month, year, yearOnly);
        QCOMPARE(result.value, value);
        QCOMPARE(result.field, field);
        QCOMPARE(result.problem.isEmpty(), says.isEmpty());
        QVERIFY2(result.problem.contains(says), qPrintable(result.problem));
    }
};

QTEST_GUILESS_MAIN(TestDateParts)

#include "tst_dateparts.moc"
