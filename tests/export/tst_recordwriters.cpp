// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportFixtures.h"
#include "export/RecordWriter.h"
#include "export/TableLayout.h"
#include "survey/QuestionParser.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace chorus;
using namespace chorus::exports;

namespace
{

QString goldenDir()
{
    return QStringLiteral(CHORUS_SOURCE_DIR "/tests/export/golden");
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Compares a produced file with its golden copy. CHORUS_UPDATE_GOLDEN=1 rewrites the golden
// copy instead (review the diff before committing it).
bool matchesGolden(const QString &produced, const QString &goldenName)
{
    const QString golden = goldenDir() + QLatin1Char('/') + goldenName;
    const QByteArray actual = readAll(produced);
    if (qEnvironmentVariableIntValue("CHORUS_UPDATE_GOLDEN") == 1) {
        QFile f(golden);
        return f.open(QIODevice::WriteOnly) && f.write(actual) == actual.size();
    }
    const QByteArray expected = readAll(golden);
    if (actual != expected) {
        qWarning().noquote() << "golden mismatch for" << goldenName << "\n--- actual ---\n"
                             << QString::fromUtf8(actual);
        return false;
    }
    return true;
}

// A strict RFC 4180 reader, so the tests check that what the writer quoted reads back intact.
QList<QStringList> parseCsv(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QString cell(const QList<QStringList> &rows, int row, const QString &header)
{
    return rows.at(row).value(rows.at(0).indexOf(header));
}

Status exportAll(RecordWriter &writer)
{
    for (const Record &r : fixtures::records()) {
        if (Status s = writer.write(r); !s)
            return s;
    }
    return writer.finish();
}

} // namespace

class TestRecordWriters : public QObject
{
    Q_OBJECT

    Catalogue m_catalogue = fixtures::catalogue();

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csv_codes_matchesGoldenFiles()
    {
        QTemporaryDir dir;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("libraries"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        QCOMPARE((*writer)->files(),
            (QStringList { dir.filePath(QStringLiteral("libraries.csv")),
                dir.filePath(QStringLiteral("libraries-household.csv")) }));
        QVERIFY(matchesGolden(dir.filePath(QStringLiteral("libraries.csv")), QStringLiteral("codes.csv")));
        QVERIFY(matchesGolden(
            dir.filePath(QStringLiteral("libraries-household.csv")), QStringLiteral("codes-household.csv")));
    }

    void csv_labelsInWelsh_matchesGoldenFiles()
    {
        QTemporaryDir dir;
        ExportOptions options;
        options.mode = ValueMode::Labels;
        options.language = QStringLiteral("cy");
        options.utf8Bom = true;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("libraries"), m_catalogue, options);
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        QVERIFY(matchesGolden(dir.filePath(QStringLiteral("libraries.csv")), QStringLiteral("labels-cy.csv")));
        QVERIFY(readAll(dir.filePath(QStringLiteral("libraries-household.csv"))).startsWith("\xEF\xBB\xBF"));
    }

    // Survey validation refuses these names for questions, so a question never shares a heading
    // with one of the export's own columns.
    void fixedColumns_areNamesNoQuestionMayHave()
    {
        const Catalogue empty;
        for (const QString &group : { QString(), QStringLiteral("household") }) {
            for (const QString &header : TableLayout(empty, group, ExportOptions {}).headers())
                QVERIFY2(survey::isReservedName(header), qPrintable(header));
        }
        QVERIFY(survey::isReservedName(QStringLiteral("comments__state")));
        QVERIFY(survey::isReservedName(QStringLiteral("reason__write_in")));
    }

    void csv_quotedFields_readBackExactly()
    {
        QTemporaryDir dir;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const auto rows = parseCsv(readAll(dir.filePath(QStringLiteral("t.csv"))));
        QCOMPARE(rows.size(), 4);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), rows.at(0).size());
        QCOMPARE(
            cell(rows, 1, QStringLiteral("comments")), QStringLiteral("More opening hours,\nplease — Sundays too"));
        QCOMPARE(cell(rows, 1, QStringLiteral("ethnicity__write_in")), QStringLiteral("Polish, \"Silesian\""));
        QCOMPARE(cell(rows, 3, QStringLiteral("comments")), QStringLiteral("لائبریری بہت اچھی ہے"));
    }

    void csv_fourAnswerStates_stayDistinct()
    {
        QTemporaryDir dir;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const auto rows = parseCsv(readAll(dir.filePath(QStringLiteral("t.csv"))));
        QCOMPARE(cell(rows, 1, QStringLiteral("ethnicity__state")), QStringLiteral("answered"));
        QCOMPARE(cell(rows, 2, QStringLiteral("ethnicity__state")), QStringLiteral("prefer_not_to_say"));
        QCOMPARE(cell(rows, 2, QStringLiteral("year_of_birth__state")), QStringLiteral("not_answered"));
        QCOMPARE(cell(rows, 2, QStringLiteral("services__state")), QStringLiteral("not_asked"));
        // A state other than answered never carries a value, and option columns stay empty.
        QCOMPARE(cell(rows, 2, QStringLiteral("ethnicity")), QString());
        QCOMPARE(cell(rows, 2, QStringLiteral("services/lib")), QString());
        QCOMPARE(cell(rows, 1, QStringLiteral("services/lib")), QStringLiteral("1"));
        QCOMPARE(cell(rows, 1, QStringLiteral("services/gym")), QStringLiteral("0"));
    }

    void csv_formulaInFreeText_isNeutralised()
    {
        QTemporaryDir dir;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const auto rows = parseCsv(readAll(dir.filePath(QStringLiteral("t.csv"))));
        QCOMPARE(cell(rows, 2, QStringLiteral("comments")), QStringLiteral("'=HYPERLINK(\"http://x\")"));
    }

    void csv_withoutWriteIns_hasNoWriteInColumnOrText()
    {
        QTemporaryDir dir;
        ExportOptions options;
        options.includeWriteIns = false;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, options);
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const QByteArray bytes = readAll(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(!bytes.contains("__write_in"));
        QVERIFY(!bytes.contains("Silesian"));
    }

    void repeatRows_joinToParentByKey()
    {
        QTemporaryDir dir;
        auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const auto rows = parseCsv(readAll(dir.filePath(QStringLiteral("t-household.csv"))));
        QCOMPARE(rows.size(), 4); // header + 2 + 0 + 1
        QCOMPARE(cell(rows, 2, QStringLiteral("PARENT_KEY")), fixtures::records().at(0).instanceId);
        QCOMPARE(cell(rows, 2, QStringLiteral("KEY")),
            fixtures::records().at(0).instanceId + QLatin1String("/household[2]"));
        QCOMPARE(cell(rows, 3, QStringLiteral("PARENT_KEY")), fixtures::records().at(2).instanceId);
    }

    void unfinishedExport_leavesNoFile()
    {
        QTemporaryDir dir;
        {
            auto writer = makeCsvWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write(fixtures::records().at(0)).ok());
        }
        {
            auto writer = makeXlsxWriter(dir.path(), QStringLiteral("t"), m_catalogue, {});
            QVERIFY(writer.ok());
            QVERIFY((*writer)->write(fixtures::records().at(0)).ok());
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    void unwritableFolder_isAnIoError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto writer = makeCsvWriter(dir.filePath(QStringLiteral("file/sub")), QStringLiteral("t"), m_catalogue, {});
        QVERIFY(!writer.ok());
        QCOMPARE(writer.error().kind, ErrorKind::Io);
    }

    void jsonLines_codes_matchesGoldenFile()
    {
        QTemporaryDir dir;
        auto writer = makeJsonLinesWriter(dir.path(), QStringLiteral("libraries"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        QVERIFY(matchesGolden(dir.filePath(QStringLiteral("libraries.jsonl")), QStringLiteral("codes.jsonl")));
        const QList<QByteArray> lines = readAll(dir.filePath(QStringLiteral("libraries.jsonl"))).split('\n');
        QCOMPARE(lines.size(), 4); // three records and the final newline
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(QStringLiteral("ward")).type(), QJsonValue::Null);
        QCOMPARE(second[QStringLiteral("answers")][QStringLiteral("services")][QStringLiteral("state")].toString(),
            QStringLiteral("not_asked"));
    }

    void xlsx_readBack_hasSheetsHeadersAndCells()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
            QSKIP("unzip is not installed: cannot read the XLSX back");
        QTemporaryDir dir;
        auto writer = makeXlsxWriter(dir.path(), QStringLiteral("libraries"), m_catalogue, {});
        QVERIFY(writer.ok());
        QVERIFY(exportAll(**writer).ok());
        const QString path = dir.filePath(QStringLiteral("libraries.xlsx"));
        QVERIFY(QFile::exists(path));

        const QByteArray workbook = unzip(path, QStringLiteral("xl/workbook.xml"));
        QVERIFY(workbook.contains("name=\"records\""));
        QVERIFY(workbook.contains("name=\"household\""));

        const auto records = sheetCells(unzip(path, QStringLiteral("xl/worksheets/sheet1.xml")));
        QCOMPARE(records.value(QStringLiteral("A1")), QStringLiteral("instanceID"));
        QCOMPARE(records.value(QStringLiteral("A2")), fixtures::records().at(0).instanceId);
        // Columns: instanceID survey_id survey_version bank_version ward ethnicity ethnicity__state
        // ethnicity__write_in year_of_birth ...
        QCOMPARE(records.value(QStringLiteral("H2")), QStringLiteral("Polish, \"Silesian\""));
        QCOMPARE(records.value(QStringLiteral("I2")), QStringLiteral("n:1984"));
        QCOMPARE(records.value(QStringLiteral("G3")), QStringLiteral("prefer_not_to_say"));
        // XLSX cells are never formulas, so free text goes in as written.
        QCOMPARE(records.value(QStringLiteral("P3")), QStringLiteral("=HYPERLINK(\"http://x\")"));

        const auto household = sheetCells(unzip(path, QStringLiteral("xl/worksheets/sheet2.xml")));
        QCOMPARE(household.value(QStringLiteral("A1")), QStringLiteral("PARENT_KEY"));
        QCOMPARE(household.value(QStringLiteral("B3")),
            fixtures::records().at(0).instanceId + QLatin1String("/household[2]"));
        QCOMPARE(household.value(QStringLiteral("C4")), QStringLiteral("n:81"));
    }

private:
    static QByteArray unzip(const QString &archive, const QString &member)
    {
        QProcess p;
        p.start(QStringLiteral("unzip"), { QStringLiteral("-p"), archive, member });
        if (!p.waitForFinished(30000))
            return {};
        return p.readAllStandardOutput();
    }

    // Cell reference -> text; numbers as "n:<value>". Reads inline strings, which is what
    // libxlsxwriter writes in constant-memory mode.
    static QHash<QString, QString> sheetCells(const QByteArray &xml)
    {
        QHash<QString, QString> cells;
        QXmlStreamReader reader(xml);
        QString ref;
        QString type;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            if (reader.name() == QLatin1String("c")) {
                ref = reader.attributes().value(QLatin1String("r")).toString();
                type = reader.attributes().value(QLatin1String("t")).toString();
            } else if (reader.name() == QLatin1String("t")) {
                cells.insert(ref, reader.readElementText());
            } else if (reader.name() == QLatin1String("v") && type.isEmpty()) {
                cells.insert(ref, QLatin1String("n:") + reader.readElementText());
            }
        }
        return cells;
    }
};

QTEST_GUILESS_MAIN(TestRecordWriters)
#include "tst_recordwriters.moc"
