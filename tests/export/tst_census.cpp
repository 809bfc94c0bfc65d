// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Census.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace chorus;
using namespace chorus::exports;

namespace
{

QByteArray example(const QString &name)
{
    QFile f(QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Two real rows of the Nomis ward-level TS030 bulk file (Kronaxis/kpm, census2021-ts030-ward.csv @ 10364cb).
const QByteArray kTs030Wards
    = "date,geography,geography code,Religion: Total: All usual residents,Religion: No religion,Religion: Christian,"
      "Religion: Buddhist,Religion: Hindu,Religion: Jewish,Religion: Muslim,Religion: Sikh,Religion: Other religion,"
      "Religion: Not answered\n"
      "2021,Astley Bridge,E05000650,14140,3849,7192,33,130,6,2228,18,31,653\n"
      "2021,\"Greasby, Frankby and Irby\",E05000961,14113,4254,8979,49,40,16,49,9,38,679\n";

QString csvField(const QString &s)
{
    return s.contains(QLatin1Char(',')) ? QLatin1Char('"') + s + QLatin1Char('"') : s;
}

} // namespace

class TestCensus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void json_kingston_readsTablesCodesAndNotAnswered()
    {
        auto area = parseCensusJson(example(QStringLiteral("E09000021-kingston-upon-thames.json")));
        QVERIFY2(area.ok(), area.ok() ? "" : qPrintable(area.error().message));
        QCOMPARE(area->code, QStringLiteral("E09000021"));
        QCOMPARE(area->tables.keys(),
            (QStringList { QStringLiteral("TS007A"), QStringLiteral("TS021"), QStringLiteral("TS030") }));
        const CensusTable &religion = area->tables.value(QStringLiteral("TS030"));
        QCOMPARE(religion.total, qint64(168065));
        QVERIFY(religion.category(QStringLiteral("9"))->notAnswered);
        QCOMPARE(religion.answeredTotal(), qint64(168065 - 11966));
        QCOMPARE(area->tables.value(QStringLiteral("TS021")).category(QStringLiteral("13"))->count, qint64(90288));
        // TS007A has no codes: positions stand in, 1 = aged 4 and under.
        QCOMPARE(area->tables.value(QStringLiteral("TS007A")).category(QStringLiteral("1"))->label,
            QStringLiteral("Aged 4 years and under"));
    }

    void json_ward_knowsItsParent()
    {
        auto area = parseCensusJson(example(QStringLiteral("E05013938-kingston-town-ward.json")));
        QVERIFY(area.ok());
        QCOMPARE(area->parentCode, QStringLiteral("E09000021"));
    }

    void json_categoriesNotAddingUpToTotal_isRejected()
    {
        QJsonObject root = QJsonDocument::fromJson(example(QStringLiteral("E05013941-norbiton-ward.json"))).object();
        QJsonObject tables = root[QStringLiteral("tables")].toObject();
        QJsonObject ts030 = tables[QStringLiteral("TS030")].toObject();
        ts030[QStringLiteral("total")] = ts030[QStringLiteral("total")].toInteger() + 1;
        tables[QStringLiteral("TS030")] = ts030;
        root[QStringLiteral("tables")] = tables;
        auto area = parseCensusJson(QJsonDocument(root).toJson());
        QVERIFY(!area.ok());
        QCOMPARE(area.error().kind, ErrorKind::InvalidInput);
        QVERIFY(area.error().message.contains(QLatin1String("TS030")));
    }

    void nomisCsv_wardRows_parseWithQuotedNames()
    {
        auto areas = parseNomisCsv(kTs030Wards, QStringLiteral("TS030"));
        QVERIFY2(areas.ok(), areas.ok() ? "" : qPrintable(areas.error().message));
        QCOMPARE(areas->size(), 2);
        QCOMPARE(areas->at(1).name, QStringLiteral("Greasby, Frankby and Irby"));
        const CensusTable &t = areas->at(0).tables.value(QStringLiteral("TS030"));
        QCOMPARE(t.populationBase, QStringLiteral("All usual residents"));
        QCOMPARE(t.total, qint64(14140));
        QCOMPARE(t.categories.size(), 9);
        QCOMPARE(t.category(QStringLiteral("6"))->label, QStringLiteral("Muslim"));
        QCOMPARE(t.category(QStringLiteral("6"))->count, qint64(2228));
        QVERIFY(t.category(QStringLiteral("9"))->notAnswered);
    }

    void nomisCsv_aggregateColumnsSkipped_codesMatchTheJsonLayout()
    {
        // Rebuild Kingston's TS021 row in the Nomis layout (aggregate heading before its categories)
        // from the example file, and check both readers agree.
        auto json = parseCensusJson(example(QStringLiteral("E09000021-kingston-upon-thames.json")));
        QVERIFY(json.ok());
        const QJsonObject ts021
            = QJsonDocument::fromJson(example(QStringLiteral("E09000021-kingston-upon-thames.json")))
                  .object()[QStringLiteral("tables")][QStringLiteral("TS021")]
                  .toObject();
        QStringList header { QStringLiteral("date"), QStringLiteral("geography"), QStringLiteral("geography code"),
            ts021[QStringLiteral("total_source_column")].toString() };
        QStringList row { QStringLiteral("2021"), QStringLiteral("Kingston upon Thames"), QStringLiteral("E09000021"),
            QString::number(ts021[QStringLiteral("total")].toInteger()) };
        const QJsonArray aggregates = ts021[QStringLiteral("aggregates_do_not_add_to_categories")].toArray();
        for (const QJsonValue &a : aggregates) {
            const QString heading = a[QStringLiteral("source_column")].toString();
            header.append(heading);
            row.append(QString::number(a[QStringLiteral("count")].toInteger()));
            for (const QJsonValue &c : ts021[QStringLiteral("categories")].toArray()) {
                if (c[QStringLiteral("source_column")].toString().startsWith(heading + QLatin1String(": "))) {
                    header.append(c[QStringLiteral("source_column")].toString());
                    row.append(QString::number(c[QStringLiteral("count")].toInteger()));
                }
            }
        }
        QStringList quoted;
        for (const QString &h : header)
            quoted.append(csvField(h));
        const QByteArray csv
            = (quoted.join(QLatin1Char(',')) + QLatin1Char('\n') + row.join(QLatin1Char(',')) + QLatin1Char('\n'))
                  .toUtf8();
        auto nomis = parseNomisCsv(csv, QStringLiteral("TS021"));
        QVERIFY2(nomis.ok(), nomis.ok() ? "" : qPrintable(nomis.error().message));
        const CensusTable &fromCsv = nomis->at(0).tables.value(QStringLiteral("TS021"));
        const CensusTable &fromJson = json->tables.value(QStringLiteral("TS021"));
        QCOMPARE(fromCsv.categories.size(), 19);
        for (const CensusCategory &c : fromJson.categories) {
            QVERIFY(fromCsv.category(c.code));
            QCOMPARE(fromCsv.category(c.code)->count, c.count);
            QCOMPARE(fromCsv.category(c.code)->label, c.label);
        }
    }

    void nomisCsv_ragged_orNonNumeric_isRejectedWithLine()
    {
        QByteArray bad = kTs030Wards;
        bad.replace("14140,3849", "14140,lots");
        auto areas = parseNomisCsv(bad, QStringLiteral("TS030"));
        QVERIFY(!areas.ok());
        QVERIFY(areas.error().message.contains(QLatin1String("line 2")));
    }

    void loadFile_csvNameWithoutTableId_isRejected_andFilesMergeByArea()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("wards.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kTs030Wards);
        f.close();
        CensusData data;
        QVERIFY(!loadCensusFile(f.fileName(), data).ok());
        QVERIFY(QFile::rename(f.fileName(), dir.filePath(QStringLiteral("census2021-ts030-ward.csv"))));
        QVERIFY(loadCensusFile(dir.filePath(QStringLiteral("census2021-ts030-ward.csv")), data).ok());
        QVERIFY(data.table(QStringLiteral("E05000650"), QStringLiteral("TS030")));
        QVERIFY(loadCensusFile(
            QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/E09000021-kingston-upon-thames.json"), data)
                    .ok());
        QCOMPARE(data.areas().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCensus)
#include "tst_census.moc"
