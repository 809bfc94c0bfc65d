// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Report.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace chorus::exports
{

namespace
{

// Columns after the census categories, in this order, in every characteristic's table.
const QStringList kStateColumns { QStringLiteral("not_comparable"), QStringLiteral("prefer_not_to_say"),
    QStringLiteral("not_answered"), QStringLiteral("not_asked") };
constexpr int kNotComparable = 0, kPreferNotToSay = 1, kNotAnswered = 2, kNotAsked = 3;

// TS007A's 15-19 band straddles the 16+ age gate of most surveys, so age is compared from 20.
constexpr int kAgeComparedFrom = 20;
constexpr int kAgeBandCount = 18; // 0-4 ... 80-84, 85+

QString unknownWard()
{
    return QStringLiteral("~unknown");
}

struct Item {
    const Question *question = nullptr;
    const CensusTable *table = nullptr; // the council area's table: defines the columns
    QStringList codes; // census codes compared (Not answered, young bands removed)
    QHash<QString, int> bankToColumn;
    bool isAge = false; // a year of birth, turned into a TS007A band
    bool isAgeTable = false; // compared with TS007A (a year of birth or an age band)
    QMap<QString, QList<qint64>> counts; // ward code (or unknownWard()) -> column counts

    int columnCount() const { return int(codes.size() + kStateColumns.size()); }
};

bool isAgeBandCode(const QString &code)
{
    bool ok = false;
    const int position = code.toInt(&ok);
    return ok && (position - 1) * 5 >= kAgeComparedFrom;
}

// A column's census figures: one category, or several merged ("2+3+4+5+6") where one bank
// option covers them (gender identity "No": every identity other than the sex registered at
// birth). Null when the table has none of them.
std::optional<CensusCategory> censusColumn(const CensusTable *table, const QString &column)
{
    if (!table)
        return std::nullopt;
    CensusCategory merged;
    merged.code = column;
    QStringList labels;
    for (const QString &code : column.split(QLatin1Char('+'))) {
        if (const CensusCategory *c = table->category(code)) {
            merged.count += c->count;
            labels.append(c->label);
        }
    }
    if (labels.isEmpty())
        return std::nullopt;
    merged.label = labels.join(QLatin1String(" / "));
    return merged;
}

// The answer a multi-step item is counted under: its own when it has one, otherwise a refusal
// or skip at one of its earlier steps (nearest first), otherwise not asked.
Answer countedAnswer(const Question &question, const Record &record)
{
    const Answer own = record.answers.value(question.name, Answer::notAsked());
    if (own.state == AnswerState::Answered && !own.value.trimmed().isEmpty())
        return own;
    if (own.state == AnswerState::NotAsked || own.state == AnswerState::Answered) {
        for (const QString &step : question.steps) {
            const AnswerState state = record.answers.value(step, Answer::notAsked()).state;
            if (state == AnswerState::PreferNotToSay || state == AnswerState::NotAnswered)
                return Answer { state, {}, {} };
        }
        // A derived value with nothing to derive from (every step routed past).
        if (own.state == AnswerState::Answered && !question.steps.isEmpty())
            return Answer::notAsked();
    }
    return own;
}

} // namespace

struct ReportBuilder::Private {
    const Catalogue &catalogue;
    const CensusData &census;
    ReportOptions options;
    const CensusArea *area = nullptr;
    QList<Item> items;
    QStringList notes;

    int column(const Item &item, const Answer &answer) const
    {
        const int states = int(item.codes.size());
        switch (answer.state) {
        case AnswerState::PreferNotToSay:
            return states + kPreferNotToSay;
        case AnswerState::NotAnswered:
            return states + kNotAnswered;
        case AnswerState::NotAsked:
            return states + kNotAsked;
        case AnswerState::Answered:
            break;
        }
        if (item.isAge) {
            bool ok = false;
            const int year = answer.value.left(4).toInt(&ok);
            const int age = options.referenceYear - year;
            if (!ok || age < kAgeComparedFrom || age > 130)
                return states + kNotComparable;
            const int band = std::min(age / 5, kAgeBandCount - 1);
            return int(item.codes.indexOf(QString::number(band + 1)));
        }
        return item.bankToColumn.value(answer.value.trimmed(), states + kNotComparable);
    }
};

ReportBuilder::ReportBuilder(const Catalogue &catalogue, const CensusData &census, const ReportOptions &options)
    : d(std::make_unique<Private>(Private { catalogue, census, options, nullptr, {}, {} }))
{
    d->area = options.areaCode.isEmpty() ? (census.isEmpty() ? nullptr : &census.areas().front())
                                         : census.area(options.areaCode);
    if (!options.areaCode.isEmpty() && !d->area)
        d->notes.append(QStringLiteral("No census figures were loaded for area %1.").arg(options.areaCode));
    for (const Question &q : catalogue.questions) {
        if (q.censusTable.isEmpty() || !q.repeatGroup.isEmpty())
            continue;
        Item item;
        item.question = &q;
        item.isAge = q.type == QuestionType::Integer || q.type == QuestionType::Date;
        item.table = d->area ? d->census.table(d->area->code, q.censusTable) : nullptr;
        if (!item.table) {
            d->notes.append(
                QStringLiteral("%1: no census table %2 was supplied for the council area, so it is not compared.")
                    .arg(q.labels.value(d->options.language, q.labels.value(catalogue.defaultLanguage, q.name)),
                        q.censusTable));
            continue;
        }
        if (item.isAge && options.referenceYear <= 0) {
            d->notes.append(QStringLiteral("%1: no reference year was given, so ages are not compared.").arg(q.name));
            continue;
        }
        const bool ageTable = q.censusTable == QLatin1String("TS007A");
        item.isAgeTable = ageTable;
        for (const CensusCategory &c : item.table->categories) {
            if (!c.notAnswered && (!ageTable || isAgeBandCode(c.code)))
                item.codes.append(c.code);
        }
        // An option covering several census categories merges them into one column.
        for (const Choice &choice : q.choices) {
            const QStringList parts = choice.censusCode.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() < 2)
                continue;
            qsizetype first = -1;
            for (const QString &part : parts) {
                const qsizetype at = item.codes.indexOf(part);
                if (at >= 0 && (first < 0 || at < first))
                    first = at;
            }
            if (first < 0)
                continue;
            item.codes[first] = parts.join(QLatin1Char('+'));
            for (const QString &part : parts)
                item.codes.removeOne(part);
        }
        for (const Choice &choice : q.choices) {
            const QString column = choice.censusCode.split(QLatin1Char(' '), Qt::SkipEmptyParts).join(QLatin1Char('+'));
            const int index = int(item.codes.indexOf(column));
            if (!column.isEmpty() && index >= 0)
                item.bankToColumn.insert(choice.code, index);
        }
        d->items.append(item);
    }
}

ReportBuilder::~ReportBuilder() = default;

void ReportBuilder::add(const Record &record)
{
    const QString ward = record.ward.value_or(QString()).isEmpty() ? unknownWard() : *record.ward;
    for (Item &item : d->items) {
        auto it = item.counts.find(ward);
        if (it == item.counts.end())
            it = item.counts.insert(ward, QList<qint64>(item.columnCount(), 0));
        ++(*it)[d->column(item, countedAnswer(*item.question, record))];
    }
}

namespace
{

AreaResult compareArea(const Item &item, const ProtectedTable &table, int row, const QString &code, const QString &name,
    const CensusTable *census, const SdcOptions &sdc)
{
    AreaResult area;
    area.code = code;
    area.name = name;
    area.row = row;
    const int categories = int(item.codes.size());
    area.respondents = table.released(row, table.columns());
    area.notComparable = table.released(row, categories + kNotComparable);
    area.preferNotToSay = table.released(row, categories + kPreferNotToSay);
    area.notAnswered = table.released(row, categories + kNotAnswered);
    area.notAsked = table.released(row, categories + kNotAsked);
    // The share's base is published only when it follows from published figures; otherwise it
    // would add an equation the disclosure control did not see.
    if (area.respondents && area.notComparable && area.preferNotToSay && area.notAnswered && area.notAsked)
        area.answered = std::max<qint64>(
            0, *area.respondents - *area.notComparable - *area.preferNotToSay - *area.notAnswered - *area.notAsked);
    if (!area.answered) {
        // ...or when every category count is published, as their sum.
        qint64 sum = 0;
        bool all = categories > 0;
        for (int c = 0; c < categories && all; ++c) {
            const auto n = table.released(row, c);
            all = n.has_value();
            sum += n.value_or(0);
        }
        if (all)
            area.answered = sum;
    }

    qint64 populationTotal = 0;
    for (const QString &c : item.codes) {
        if (const auto cc = censusColumn(census, c))
            populationTotal += cc->count;
    }
    area.hasCensus = census && populationTotal > 0;
    area.ratiosSuppressed = !area.answered || *area.answered < sdc.k;

    QList<double> observed, proportions;
    QList<int> hidden;
    qint64 releasedSum = 0;
    for (int c = 0; c < categories; ++c) {
        CategoryResult result;
        result.code = item.codes.at(c);
        const auto cc = censusColumn(census, result.code);
        const auto laCategory = censusColumn(item.table, result.code);
        result.label = cc ? cc->label : laCategory ? laCategory->label : result.code;
        result.count = table.released(row, c);
        if (area.hasCensus && cc)
            result.populationShare = double(cc->count) / double(populationTotal);
        if (area.answered && *area.answered > 0 && result.count)
            result.share = double(*result.count) / double(*area.answered);
        if (area.hasCensus && !area.ratiosSuppressed && result.share && result.populationShare > 0) {
            result.ratio = *result.share / result.populationShare;
            const stats::Interval ci = stats::wilson95(double(*result.count), double(*area.answered));
            result.ratioLow = ci.low / result.populationShare;
            result.ratioHigh = ci.high / result.populationShare;
        }
        if (result.count) {
            releasedSum += *result.count;
            observed.append(double(*result.count));
            proportions.append(result.populationShare);
        } else {
            hidden.append(c);
        }
        area.categories.append(result);
    }

    if (area.hasCensus && !area.ratiosSuppressed) {
        // Hidden categories enter the test as one group whose count follows from the base.
        QList<int> indexOfGroup;
        for (int c = 0; c < categories; ++c) {
            if (area.categories.at(c).count)
                indexOfGroup.append(c);
        }
        if (!hidden.isEmpty()) {
            double share = 0;
            for (int c : hidden)
                share += area.categories.at(c).populationShare;
            observed.append(double(std::max<qint64>(0, *area.answered - releasedSum)));
            proportions.append(share);
            indexOfGroup.append(-1);
        }
        area.fit = stats::goodnessOfFit(observed, proportions);
        if (area.fit) {
            for (const QList<int> &group : area.fit->groups) {
                if (group.size() < 2)
                    continue;
                QStringList labels;
                for (int g : group)
                    labels.append(indexOfGroup.at(g) < 0 ? QStringLiteral("categories with hidden counts")
                                                         : area.categories.at(indexOfGroup.at(g)).label);
                area.fitGroupLabels.append(labels.join(QLatin1String(" + ")));
            }
        }
    }
    if (!area.hasCensus)
        area.note = QStringLiteral("No census figures for this area.");
    else if (area.ratiosSuppressed)
        area.note
            = QStringLiteral("Fewer than %1 comparable answers (or a hidden count in the base): no shares or ratios.")
                  .arg(sdc.k);
    return area;
}

} // namespace

Result<Report> ReportBuilder::build() const
{
    Report report;
    report.options = d->options;
    report.areaName = d->area ? d->area->name : QString();
    report.notes = d->notes;

    QStringList wards;
    for (const Item &item : d->items) {
        for (auto it = item.counts.cbegin(); it != item.counts.cend(); ++it) {
            if (!wards.contains(it.key()))
                wards.append(it.key());
        }
    }
    std::sort(wards.begin(), wards.end()); // "~unknown" sorts last
    const bool byWard = !wards.isEmpty() && !(wards.size() == 1 && wards.front() == unknownWard());
    if (wards.isEmpty())
        wards.append(unknownWard());

    QList<CountTable> tables;
    for (const Item &item : d->items) {
        CountTable t;
        t.id = item.question->name;
        t.rowLabels = wards;
        t.columnLabels = item.codes + kStateColumns;
        for (const QString &w : wards)
            t.cells.append(item.counts.value(w, QList<qint64>(item.columnCount(), 0)));
        t.publishColumnTotals = byWard;
        t.rowTotalsGroup = QStringLiteral("respondents");
        // The share base is published when either all answer-state counts or all category counts
        // are, so a complement is sought in the hidden cell's own block first.
        t.columnGroups = QList<int>(item.codes.size(), 0) + QList<int>(kStateColumns.size(), 1);
        tables.append(t);
    }
    auto protectedTables = protectTables(tables, d->options.sdc);
    if (!protectedTables)
        return protectedTables.error();

    for (int i = 0; i < d->items.size(); ++i) {
        const Item &item = d->items.at(i);
        const ProtectedTable &table = protectedTables->at(i);
        CharacteristicResult result;
        result.question = item.question->name;
        result.title = item.question->labels.value(
            d->options.language, item.question->labels.value(d->catalogue.defaultLanguage, item.question->name));
        result.censusTableId = item.table->id;
        result.censusTitle = item.table->title;
        result.populationBase = item.table->populationBase;
        result.lowConfidence = item.question->lowConfidence;
        result.table = table;
        if (item.question->base == PopulationBase::Aged16Plus
            && !item.table->populationBase.contains(QLatin1String("16"))) {
            result.notes.append(QStringLiteral("The census table's population base (%1) is not the 16 and over base "
                                               "this question was asked of, so shares are not compared.")
                                    .arg(item.table->populationBase));
        }
        if (item.isAge)
            result.notes.append(QStringLiteral("Ages are compared from %1 (age in %2 from the year of birth); younger "
                                               "respondents are counted as not comparable.")
                                    .arg(kAgeComparedFrom)
                                    .arg(d->options.referenceYear));
        else if (item.isAgeTable)
            result.notes.append(QStringLiteral("Ages are compared from %1; younger respondents are counted as not "
                                               "comparable.")
                                    .arg(kAgeComparedFrom));
        if (item.question->lowConfidence)
            result.notes.append(QStringLiteral(
                "Low confidence: the Census 2021 gender identity estimates are official statistics in development."));
        const bool baseOk = result.notes.isEmpty()
            || !result.notes.front().startsWith(QLatin1String("The census table's population base"));
        const CensusTable *laCensus = baseOk ? item.table : nullptr;
        const int allRow = byWard ? table.rows() : 0;
        result.areas.append(compareArea(item, table, allRow, d->area->code, d->area->name, laCensus, d->options.sdc));
        if (byWard) {
            for (int r = 0; r < table.rows(); ++r) {
                const QString &ward = wards.at(r);
                const CensusArea *wardArea = d->census.area(ward);
                const QString name = ward == unknownWard() ? QStringLiteral("Ward not recorded")
                    : wardArea                             ? wardArea->name
                                                           : ward;
                const CensusTable *wardCensus = baseOk && wardArea ? d->census.table(ward, item.table->id) : nullptr;
                result.areas.append(compareArea(
                    item, table, r, ward == unknownWard() ? QString() : ward, name, wardCensus, d->options.sdc));
            }
        }
        if (!report.respondents)
            report.respondents = table.released(table.rows(), table.columns());
        report.characteristics.append(result);
    }
    return report;
}

Result<Report> buildReport(
    const QList<Record> &records, const Catalogue &catalogue, const CensusData &census, const ReportOptions &options)
{
    ReportBuilder builder(catalogue, census, options);
    for (const Record &r : records)
        builder.add(r);
    return builder.build();
}

} // namespace chorus::exports
