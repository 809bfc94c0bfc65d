// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Census.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace chorus::exports
{

namespace
{

constexpr qint64 kMaxCensusFileBytes = 256LL * 1024 * 1024;

bool isNotAnswered(const QString &label)
{
    const QString l = label.trimmed().toLower();
    return l == QLatin1String("not answered") || l == QLatin1String("not stated")
        || l.endsWith(QLatin1String(": not answered"));
}

QList<QStringList> parseCsvRows(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (any || !field.isEmpty()) {
                row.append(field);
                rows.append(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, message);
}

} // namespace

qint64 CensusTable::answeredTotal() const
{
    qint64 n = 0;
    for (const CensusCategory &c : categories) {
        if (!c.notAnswered)
            n += c.count;
    }
    return n;
}

const CensusCategory *CensusTable::category(const QString &code) const
{
    for (const CensusCategory &c : categories) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

void CensusData::add(const CensusArea &area)
{
    for (CensusArea &existing : m_areas) {
        if (existing.code == area.code) {
            for (auto it = area.tables.cbegin(); it != area.tables.cend(); ++it)
                existing.tables.insert(it.key(), it.value());
            return;
        }
    }
    m_areas.append(area);
}

const CensusArea *CensusData::area(const QString &code) const
{
    for (const CensusArea &a : m_areas) {
        if (a.code == code)
            return &a;
    }
    return nullptr;
}

const CensusTable *CensusData::table(const QString &areaCode, const QString &tableId) const
{
    const CensusArea *a = area(areaCode);
    if (!a)
        return nullptr;
    const auto it = a->tables.constFind(tableId);
    return it == a->tables.cend() ? nullptr : &*it;
}

Result<CensusArea> parseCensusJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull() || !doc.isObject())
        return invalid(QStringLiteral("The census file is not valid JSON (%1).").arg(error.errorString()));
    const QJsonObject root = doc.object();
    const QJsonObject areaObject = root.value(QLatin1String("area")).toObject();
    CensusArea area;
    area.code = areaObject.value(QLatin1String("code")).toString();
    area.name = areaObject.value(QLatin1String("name")).toString();
    area.parentCode = areaObject.value(QLatin1String("parent")).toObject().value(QLatin1String("code")).toString();
    if (area.code.isEmpty())
        return invalid(QStringLiteral("The census file has no area.code: see docs/formats/census-table.md."));
    const QJsonObject tables = root.value(QLatin1String("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        CensusTable table;
        table.id = it.key();
        table.title = t.value(QLatin1String("title")).toString();
        table.populationBase = t.value(QLatin1String("population_base")).toString();
        const QJsonArray categories = t.value(QLatin1String("categories")).toArray();
        qint64 sum = 0;
        for (qsizetype i = 0; i < categories.size(); ++i) {
            const QJsonObject c = categories.at(i).toObject();
            CensusCategory category;
            const QJsonValue code = c.value(QLatin1String("census_code"));
            category.code = code.isDouble() ? QString::number(code.toInteger())
                : code.isString()           ? code.toString()
                                            : QString::number(i + 1);
            category.label = c.value(QLatin1String("label")).toString();
            const QJsonValue count = c.value(QLatin1String("count"));
            if (!count.isDouble() || count.toInteger() < 0)
                return invalid(QStringLiteral("Census table %1 in %2: category \"%3\" has no valid count.")
                                   .arg(table.id, area.code, category.label));
            category.count = count.toInteger();
            category.notAnswered = isNotAnswered(category.label);
            sum += category.count;
            table.categories.append(category);
        }
        if (table.categories.isEmpty())
            return invalid(QStringLiteral("Census table %1 in %2 has no categories.").arg(table.id, area.code));
        table.total = t.value(QLatin1String("total")).toInteger(sum);
        if (table.total != sum)
            return invalid(QStringLiteral("Census table %1 in %2: categories sum to %3 but the total says %4.")
                               .arg(table.id, area.code)
                               .arg(sum)
                               .arg(table.total));
        area.tables.insert(table.id, table);
    }
    return area;
}

Result<QList<CensusArea>> parseNomisCsv(const QByteArray &csv, const QString &tableId)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QList<QStringList> rows = parseCsvRows(QString::fromUtf8(bytes));
    if (rows.size() < 2)
        return invalid(QStringLiteral("The Nomis CSV for %1 has no data rows.").arg(tableId));
    const QStringList header = rows.at(0);
    const int nameColumn = int(header.indexOf(QLatin1String("geography")));
    const int codeColumn = int(header.indexOf(QLatin1String("geography code")));
    if (nameColumn < 0 || codeColumn < 0)
        return invalid(QStringLiteral("The Nomis CSV for %1 lacks the \"geography\" and \"geography code\" columns.")
                           .arg(tableId));

    // Columns after the geography: one "<topic>: Total: <base>" column, aggregate headings
    // (a column that is the prefix of others, e.g. "Ethnic group: White") and the categories.
    int totalColumn = -1;
    QList<int> categoryColumns;
    for (int i = 0; i < header.size(); ++i) {
        const QString &h = header.at(i);
        if (i == nameColumn || i == codeColumn || h == QLatin1String("date") || !h.contains(QLatin1String(": ")))
            continue;
        if (h.contains(QLatin1String(": Total")) && totalColumn < 0) {
            totalColumn = i;
            continue;
        }
        bool aggregate = false;
        for (const QString &other : header)
            aggregate = aggregate || other.startsWith(h + QLatin1String(": "));
        if (!aggregate)
            categoryColumns.append(i);
    }
    if (totalColumn < 0 || categoryColumns.isEmpty())
        return invalid(
            QStringLiteral("The Nomis CSV for %1 has no \"Total\" column or no category columns.").arg(tableId));
    const QString totalHeading = header.at(totalColumn);
    const QString topic = totalHeading.section(QLatin1String(": "), 0, 0);
    const QString base = totalHeading.section(QLatin1String(": Total: "), 1);

    QList<CensusArea> areas;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        if (row.size() != header.size())
            return invalid(QStringLiteral("The Nomis CSV for %1: line %2 has %3 fields, the header %4.")
                               .arg(tableId)
                               .arg(r + 1)
                               .arg(row.size())
                               .arg(header.size()));
        CensusTable table;
        table.id = tableId;
        table.title = tableId + QLatin1Char(' ') + topic;
        table.populationBase = base;
        qint64 sum = 0;
        for (int position = 0; position < categoryColumns.size(); ++position) {
            const int column = categoryColumns.at(position);
            bool ok = false;
            const qint64 count = row.at(column).trimmed().toLongLong(&ok);
            if (!ok || count < 0)
                return invalid(QStringLiteral("The Nomis CSV for %1: line %2 has a count that is not a number.")
                                   .arg(tableId)
                                   .arg(r + 1));
            CensusCategory c;
            c.code = QString::number(position + 1);
            c.label = header.at(column).mid(topic.size() + 2);
            c.count = count;
            c.notAnswered = isNotAnswered(c.label);
            sum += count;
            table.categories.append(c);
        }
        bool ok = false;
        table.total = row.at(totalColumn).trimmed().toLongLong(&ok);
        if (!ok)
            return invalid(QStringLiteral("The Nomis CSV for %1: line %2 has a total that is not a number.")
                               .arg(tableId)
                               .arg(r + 1));
        if (table.total != sum)
            return invalid(QStringLiteral("The Nomis CSV for %1: line %2's categories sum to %3 but its total is %4.")
                               .arg(tableId)
                               .arg(r + 1)
                               .arg(sum)
                               .arg(table.total));
        CensusArea area;
        area.code = row.at(codeColumn).trimmed();
        area.name = row.at(nameColumn).trimmed();
        area.tables.insert(tableId, table);
        areas.append(area);
    }
    return areas;
}

Status loadCensusFile(const QString &path, CensusData &into)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorKind::Io, QStringLiteral("Cannot read the census file %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxCensusFileBytes)
        return invalid(
            QStringLiteral("The census file %1 is larger than 256 MB: cut it to the areas you need.").arg(path));
    const QByteArray bytes = file.readAll();
    const QString name = QFileInfo(path).fileName().toLower();
    if (name.endsWith(QLatin1String(".json"))) {
        auto area = parseCensusJson(bytes);
        if (!area)
            return makeError(area.error().kind, path + QLatin1String(": ") + area.error().message);
        into.add(*area);
        return {};
    }
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("ts(\\d{3}[a-z]?)")).match(name);
    if (!match.hasMatch())
        return invalid(
            QStringLiteral("Cannot tell which table %1 holds: name a Nomis CSV like census2021-ts021-ward.csv.")
                .arg(path));
    auto areas = parseNomisCsv(bytes, QLatin1String("TS") + match.captured(1).toUpper());
    if (!areas)
        return makeError(areas.error().kind, path + QLatin1String(": ") + areas.error().message);
    for (const CensusArea &a : *areas)
        into.add(a);
    return {};
}

} // namespace chorus::exports
