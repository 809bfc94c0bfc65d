// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Report.h"
#include "export/ReportFormat.h"

#include <QTest>

#include <cmath>

using namespace chorus;
using namespace chorus::exports;

namespace
{

CensusData kingston()
{
    CensusData data;
    for (const char *name : { "E09000021-kingston-upon-thames.json", "E05013938-kingston-town-ward.json",
             "E05013941-norbiton-ward.json" }) {
        const Status s
            = loadCensusFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/census/") + QLatin1String(name), data);
        if (!s)
            qFatal("cannot load example census data");
    }
    return data;
}

Catalogue catalogue()
{
    Catalogue c;
    Question religion;
    religion.name = QStringLiteral("religion");
    religion.type = QuestionType::SingleChoice;
    religion.labels.insert(QStringLiteral("en"), QStringLiteral("Religion"));
    religion.allowsWriteIn = true;
    religion.censusTable = QStringLiteral("TS030");
    for (int code = 1; code <= 8; ++code)
        religion.choices.append({ QString::number(code), {}, QString::number(code) });
    c.questions.append(religion);
    Question age;
    age.name = QStringLiteral("year_of_birth");
    age.type = QuestionType::Integer;
    age.censusTable = QStringLiteral("TS007A");
    c.questions.append(age);
    Question comments;
    comments.name = QStringLiteral("comments");
    comments.type = QuestionType::Text;
    c.questions.append(comments);
    return c;
}

Record record(int i, const Answer &religion, const QString &ward = {})
{
    Record r;
    r.instanceId = QStringLiteral("uuid:r%1").arg(i);
    if (!ward.isEmpty())
        r.ward = ward;
    r.answers.insert(QStringLiteral("religion"), religion);
    r.answers.insert(QStringLiteral("year_of_birth"), Answer { AnswerState::Answered, QStringLiteral("1990"), {} });
    r.answers.insert(
        QStringLiteral("comments"), Answer { AnswerState::Answered, QStringLiteral("FREETEXT-MARKER"), {} });
    return r;
}

// 212 respondents: 60 no religion, 90 Christian, 12 Hindu, 20 Muslim, 10 other religion (with a
// write-in), 10 prefer not to say, 10 skipped.
QList<Record> religionRecords(const QString &ward = {})
{
    QList<Record> records;
    const std::pair<const char *, int> answered[] = { { "1", 60 }, { "2", 90 }, { "4", 12 }, { "6", 20 }, { "8", 10 } };
    for (const auto &[code, n] : answered) {
        for (int i = 0; i < n; ++i)
            records.append(record(int(records.size()),
                Answer { AnswerState::Answered, QString::fromLatin1(code), QStringLiteral("WRITEIN-MARKER") }, ward));
    }
    for (int i = 0; i < 10; ++i)
        records.append(record(int(records.size()), Answer { AnswerState::PreferNotToSay, {}, {} }, ward));
    for (int i = 0; i < 10; ++i)
        records.append(record(int(records.size()), Answer { AnswerState::NotAnswered, {}, {} }, ward));
    return records;
}

const CategoryResult &category(const AreaResult &area, const QString &code)
{
    for (const CategoryResult &c : area.categories) {
        if (c.code == code)
            return c;
    }
    qFatal("no such category");
}

bool near(std::optional<double> value, double expected, double tolerance = 5e-6)
{
    return value && std::abs(*value - expected) < tolerance;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

    CensusData m_census = kingston();

    Report build(const QList<Record> &records, ReportOptions options = {}, const Catalogue &cat = catalogue())
    {
        if (options.referenceYear == 0)
            options.referenceYear = 2026;
        auto report = buildReport(records, cat, m_census, options);
        if (!report)
            qFatal("buildReport failed");
        return *report;
    }

private Q_SLOTS:
    void religion_againstKingston_matchesHandComputedFigures()
    {
        // Census (TS030, Kingston, Not answered removed): N = 156,099. n = 192 answered.
        // No religion: 60/192 = 0.3125 against 57,641/N = 0.369259; ratio 0.846289,
        // Wilson 95 % (0.251156, 0.381200) / 0.369259 = (0.680164, 1.032334).
        // Other religion: 10/192 against 1,119/N; ratio 7.265555 (3.980379, 13.001988).
        // Chi-squared: expected Buddhist 2.12, Jewish 0.85, Sikh 1.76, Other 1.38 merge into one
        // group (6.11, observed 10); groups no religion 60/70.90, Christian 90/88.15,
        // Hindu 12/10.40, Muslim 20/16.44: statistic 5.210340 on 4 df, p = e^-x/2 (1 + x/2) = 0.266388.
        const Report report = build(religionRecords());
        QCOMPARE(report.characteristics.size(), 2);
        const CharacteristicResult &religion = report.characteristics.at(0);
        QCOMPARE(religion.censusTableId, QStringLiteral("TS030"));
        const AreaResult &la = religion.areas.at(0);
        QCOMPARE(la.code, QStringLiteral("E09000021"));
        QCOMPARE(la.answered, std::optional<qint64>(192));
        QCOMPARE(la.respondents, std::optional<qint64>(212));
        QCOMPARE(la.preferNotToSay, std::optional<qint64>(10));
        QCOMPARE(la.notAnswered, std::optional<qint64>(10));
        QCOMPARE(la.categories.size(), 8); // "Not answered" is not a category of the comparison
        const CategoryResult &none = category(la, QStringLiteral("1"));
        QVERIFY(near(none.share, 0.3125));
        QVERIFY(near(none.populationShare, 0.369259));
        QVERIFY(near(none.ratio, 0.846289));
        QVERIFY(near(none.ratioLow, 0.680164));
        QVERIFY(near(none.ratioHigh, 1.032334));
        const CategoryResult &other = category(la, QStringLiteral("8"));
        QVERIFY(near(other.ratio, 7.265555));
        QVERIFY(near(other.ratioLow, 3.980379));
        QVERIFY(near(other.ratioHigh, 13.001988));
        QVERIFY(la.fit.has_value());
        QCOMPARE(la.fit->degreesOfFreedom, 4);
        QVERIFY(near(la.fit->statistic, 5.210340));
        QVERIFY(near(la.fit->pValue, 0.266388));
        QCOMPARE(la.fitGroupLabels, QStringList { QStringLiteral("Buddhist + Jewish + Sikh + Other religion") });
    }

    void age_yearOfBirth_landsInItsCensusBand()
    {
        const Report report = build(religionRecords());
        const CharacteristicResult &age = report.characteristics.at(1);
        // Born 1990, in 2026: 36, the "Aged 35 to 39 years" band (position 8).
        QCOMPARE(category(age.areas.at(0), QStringLiteral("8")).count, std::optional<qint64>(212));
        QCOMPARE(category(age.areas.at(0), QStringLiteral("8")).label, QStringLiteral("Aged 35 to 39 years"));
        QVERIFY(!age.notes.isEmpty());
    }

    void sameInputs_giveSameBytes()
    {
        const QList<Record> records = religionRecords(QStringLiteral("E05013938"));
        QCOMPARE(renderReportHtml(build(records)), renderReportHtml(build(records)));
        QCOMPARE(renderReportCsv(build(records)), renderReportCsv(build(records)));
    }

    void freeTextAndWriteIns_neverAppear()
    {
        const Report report = build(religionRecords(QStringLiteral("E05013941")));
        for (const QByteArray &output : { renderReportHtml(report), renderReportCsv(report), reportState(report) }) {
            QVERIFY(!output.contains("FREETEXT-MARKER"));
            QVERIFY(!output.contains("WRITEIN-MARKER"));
        }
    }

    void fewerThanKAnswered_ratiosSuppressed_smallCountsHidden()
    {
        QList<Record> records;
        for (int i = 0; i < 8; ++i)
            records.append(record(i, Answer { AnswerState::Answered, QStringLiteral("2"), {} }));
        const Report report = build(records);
        const AreaResult &la = report.characteristics.at(0).areas.at(0);
        QVERIFY(la.ratiosSuppressed);
        QVERIFY(!la.fit);
        for (const CategoryResult &c : la.categories) {
            QVERIFY(!c.ratio);
            QVERIFY(!c.share);
        }
        QVERIFY(!category(la, QStringLiteral("2")).count); // 8 < k
        QVERIFY(renderReportCsv(report).contains("all_respondents,,[c]"));
    }

    void wards_comparedWithTheirOwnCensusRows_councilAreaFromTotals()
    {
        QList<Record> records = religionRecords(QStringLiteral("E05013938"));
        records += religionRecords(QStringLiteral("E05013941"));
        const Report report = build(records);
        const CharacteristicResult &religion = report.characteristics.at(0);
        QCOMPARE(religion.areas.size(), 3);
        QCOMPARE(religion.areas.at(0).respondents, std::optional<qint64>(424));
        QCOMPARE(religion.areas.at(1).name, QStringLiteral("Kingston Town"));
        QVERIFY(religion.areas.at(1).hasCensus);
        // The ward share comes from the ward's own census row, "Not answered" removed.
        const CensusTable *ward = m_census.table(QStringLiteral("E05013938"), QStringLiteral("TS030"));
        QVERIFY(near(category(religion.areas.at(1), QStringLiteral("1")).populationShare,
            double(ward->category(QStringLiteral("1"))->count) / double(ward->answeredTotal())));
    }

    void hiddenAnswerStateCount_shareBaseStillPublished_fromTheCategories()
    {
        // 3 "prefer not to say" must be hidden; its complement is taken among the answer states
        // (the 12 skipped), so every category count stays published and the base is their sum.
        QList<Record> records;
        const std::pair<const char *, int> answered[]
            = { { "1", 30 }, { "2", 40 }, { "4", 12 }, { "6", 15 }, { "8", 11 } };
        for (const auto &[code, n] : answered) {
            for (int i = 0; i < n; ++i)
                records.append(
                    record(int(records.size()), Answer { AnswerState::Answered, QString::fromLatin1(code), {} }));
        }
        for (int i = 0; i < 3; ++i)
            records.append(record(int(records.size()), Answer { AnswerState::PreferNotToSay, {}, {} }));
        for (int i = 0; i < 12; ++i)
            records.append(record(int(records.size()), Answer { AnswerState::NotAnswered, {}, {} }));
        const Report report = build(records);
        const AreaResult &la = report.characteristics.at(0).areas.at(0);
        QVERIFY(!la.preferNotToSay);
        QVERIFY(!la.notAnswered);
        QCOMPARE(la.answered, std::optional<qint64>(108));
        QVERIFY(category(la, QStringLiteral("1")).ratio.has_value());
    }

    void sixteenPlusQuestion_againstAllResidentsTable_isNotCompared()
    {
        Catalogue cat = catalogue();
        cat.questions[0].base = PopulationBase::Aged16Plus;
        const Report report = build(religionRecords(), {}, cat);
        const CharacteristicResult &religion = report.characteristics.at(0);
        QVERIFY(religion.notes.join(QLatin1Char(' ')).contains(QLatin1String("16 and over")));
        QVERIFY(!religion.areas.at(0).hasCensus);
        QVERIFY(!category(religion.areas.at(0), QStringLiteral("1")).ratio);
    }

    void lowConfidenceItem_isFlagged()
    {
        Catalogue cat = catalogue();
        cat.questions[0].lowConfidence = true;
        const Report report = build(religionRecords(), {}, cat);
        QVERIFY(report.characteristics.at(0).notes.join(QLatin1Char(' ')).contains(QLatin1String("Low confidence")));
        QVERIFY(renderReportHtml(report).contains("Low confidence"));
    }

    void html_chartsHaveTitleDescriptionAndADataTable()
    {
        const QByteArray html = renderReportHtml(build(religionRecords()));
        QVERIFY(html.contains("role=\"img\""));
        QVERIFY(html.contains("<title id=\"fig1-t\">"));
        QVERIFY(html.contains("<desc id=\"fig1-d\">"));
        QVERIFY(html.contains("aria-labelledby=\"fig1-t fig1-d\""));
        QVERIFY(html.contains("<caption>Religion, Kingston upon Thames: figures</caption>"));
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    }

    // Refusing the broad ethnic group routes past the detailed question: that is a refusal of the
    // ethnic group, reported as prefer not to say, not as "not asked".
    void twoStepEthnicity_firstStepRefusal_isPreferNotToSay()
    {
        Catalogue cat;
        Question broad;
        broad.name = QStringLiteral("ethnic_group");
        broad.type = QuestionType::SingleChoice;
        broad.choices.append({ QStringLiteral("white"), {}, {} });
        Question detailed;
        detailed.name = QStringLiteral("ethnicity");
        detailed.type = QuestionType::SingleChoice;
        detailed.censusTable = QStringLiteral("TS021");
        detailed.steps = { QStringLiteral("ethnic_group") };
        detailed.choices.append({ QStringLiteral("white_british"), {}, QStringLiteral("13") });
        cat.questions = { broad, detailed };
        QList<Record> records;
        auto add = [&](int n, const Answer &first, const Answer &second) {
            for (int i = 0; i < n; ++i) {
                Record r;
                r.instanceId = QStringLiteral("uuid:e%1").arg(records.size());
                r.answers.insert(QStringLiteral("ethnic_group"), first);
                r.answers.insert(QStringLiteral("ethnicity"), second);
                records.append(r);
            }
        };
        add(84, Answer { AnswerState::PreferNotToSay, {}, {} }, Answer { AnswerState::NotAsked, {}, {} });
        add(20, Answer { AnswerState::Answered, QStringLiteral("white"), {} },
            Answer { AnswerState::Answered, QStringLiteral("white_british"), {} });
        add(12, Answer { AnswerState::NotAnswered, {}, {} }, Answer { AnswerState::NotAsked, {}, {} });
        const Report report = build(records, {}, cat);
        QCOMPARE(report.characteristics.size(), 1); // the broad step has no table of its own
        const AreaResult &la = report.characteristics.first().areas.first();
        QCOMPARE(la.preferNotToSay, std::optional<qint64>(84));
        QCOMPARE(la.notAnswered, std::optional<qint64>(12));
        QCOMPARE(la.answered, std::optional<qint64>(20));
    }

    // An option covering several census categories is compared with their sum.
    void optionCoveringSeveralCategories_isComparedWithTheirSum()
    {
        Catalogue cat = catalogue();
        Question &religion = cat.questions[0];
        religion.choices = { { QStringLiteral("christian"), {}, QStringLiteral("2") },
            { QStringLiteral("smaller"), {}, QStringLiteral("3 5 7") } };
        QList<Record> records;
        for (int i = 0; i < 60; ++i)
            records.append(record(i, Answer { AnswerState::Answered, i < 40 ? QStringLiteral("christian") : QStringLiteral("smaller"), {} }));
        const Report report = build(records, {}, cat);
        const AreaResult &la = report.characteristics.first().areas.first();
        const CensusTable *ts030 = m_census.table(QStringLiteral("E09000021"), QStringLiteral("TS030"));
        QVERIFY(ts030);
        const CategoryResult &merged = category(la, QStringLiteral("3+5+7"));
        QCOMPARE(merged.count, std::optional<qint64>(20));
        qint64 population = 0, mergedCount = 0;
        for (const CensusCategory &c : ts030->categories) {
            if (!c.notAnswered)
                population += c.count;
            if (c.code == QLatin1String("3") || c.code == QLatin1String("5") || c.code == QLatin1String("7"))
                mergedCount += c.count;
        }
        QVERIFY(near(merged.populationShare, double(mergedCount) / double(population), 1e-12));
        for (const CategoryResult &c : la.categories)
            QVERIFY(c.code != QLatin1String("3") && c.code != QLatin1String("5"));
    }

    // Figures a reader can check: six significant figures, and the test on the area's last line.
    void csv_sharesAndRatiosToSixSignificantFigures_withTheGoodnessOfFit()
    {
        const Report report = build(religionRecords());
        const QList<QByteArray> lines = renderReportCsv(report).split('\n');
        QVERIFY(lines.first().contains("ratio_high,chi_squared,degrees_of_freedom,p_value,merged_for_test"));
        const AreaResult &la = report.characteristics.first().areas.first();
        QByteArray christian;
        QByteArray total;
        for (const QByteArray &l : lines) {
            if (l.startsWith("religion,TS030,") && l.contains(",2,") && christian.isEmpty())
                christian = l;
            if (l.startsWith("religion,TS030,") && l.contains(",all_respondents,") && total.isEmpty())
                total = l;
        }
        QVERIFY2(christian.contains(",46.8750,"), christian.constData()); // 90 of 192 answered
        const QString ratio = format::significant(category(la, QStringLiteral("2")).ratio);
        QVERIFY2(christian.contains(QByteArray(QByteArray(",") + ratio.toUtf8() + ",")), christian.constData());
        QVERIFY(la.fit);
        QVERIFY2(total.contains(QByteArray("," + QByteArray::number(la.fit->degreesOfFreedom) + ",")), total.constData());
        QCOMPARE(total.trimmed().split(',').size(), 16);
    }

    void html_smallPValue_isEscaped()
    {
        QList<Record> records;
        for (int i = 0; i < 200; ++i)
            records.append(record(i, Answer { AnswerState::Answered, QStringLiteral("2"), {} }));
        const QByteArray html = renderReportHtml(build(records));
        QVERIFY(html.contains("p &lt; 0.001"));
        QVERIFY(!html.contains("< 0.001"));
    }

    void differencing_fewNewRespondents_warns_sameRespondents_doNot()
    {
        QList<Record> before = religionRecords();
        const QByteArray state = reportState(build(before));
        QList<Record> after = before;
        for (int i = 0; i < 3; ++i)
            after.append(record(1000 + i, Answer { AnswerState::Answered, QStringLiteral("2"), {} }));
        auto warnings = differencingWarnings(build(after), state);
        QVERIFY(warnings.ok());
        QVERIFY(!warnings->isEmpty());
        QVERIFY(warnings->join(QLatin1Char('\n')).contains(QLatin1String("differs from the previous report by 3")));
        auto none = differencingWarnings(build(before), state);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QVERIFY(!differencingWarnings(build(before), "not json").ok());
    }

    void roundTo5_sharesFromRoundedCounts()
    {
        ReportOptions options;
        options.sdc.roundTo5 = true;
        const Report report = build(religionRecords(), options);
        const AreaResult &la = report.characteristics.at(0).areas.at(0);
        // Rounded: 60, 90, 10 (Hindu 12), 20, 10; states 10, 10; all 210 -> answered 190.
        QCOMPARE(la.answered, std::optional<qint64>(190));
        QVERIFY(near(category(la, QStringLiteral("4")).share, 10.0 / 190.0));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
