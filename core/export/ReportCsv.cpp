// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Report.h"
#include "export/ReleaseRegister.h"
#include "export/ReportFormat.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <string_view>

namespace chorus::exports
{

namespace
{

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString hiddenOr(const QString &value, bool hidden)
{
    return hidden ? QStringLiteral("[c]") : value;
}

} // namespace

QByteArray renderReportCsv(const Report &report)
{
    // Long format, one published figure per line. "[c]" marks a count hidden by disclosure
    // control (the ONS convention); an empty cell means not applicable.
    // Shares and ratios carry six significant figures and the area's goodness-of-fit sits on its
    // all_respondents line, so anyone can recompute them from the published counts.
    QString out = QStringLiteral("characteristic,census_table,area_code,area_name,category_code,category,respondents,"
                                 "share_pct,population_share_pct,ratio,ratio_low,ratio_high,chi_squared,"
                                 "degrees_of_freedom,p_value,merged_for_test\r\n");
    auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        out += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    for (const CharacteristicResult &c : report.characteristics) {
        for (const AreaResult &a : c.areas) {
            const QStringList prefix { c.question, c.censusTableId, a.code, a.name };
            for (const CategoryResult &cat : a.categories) {
                const auto pct = [](std::optional<double> f) { return f ? std::optional(*f * 100.0) : std::nullopt; };
                line(prefix
                    + QStringList { cat.code, cat.label, hiddenOr(format::count(cat.count), !cat.count),
                        format::significant(pct(cat.share)),
                        a.hasCensus ? format::significant(pct(cat.populationShare)) : QString(),
                        format::significant(cat.ratio), format::significant(cat.ratioLow),
                        format::significant(cat.ratioHigh), {}, {}, {}, {} });
            }
            const std::pair<const char *, std::optional<qint64>> states[] = { { "not_comparable", a.notComparable },
                { "prefer_not_to_say", a.preferNotToSay }, { "not_answered", a.notAnswered },
                { "not_asked", a.notAsked }, { "all_respondents", a.respondents } };
            for (const auto &[name, value] : states) {
                QStringList fields { QString::fromLatin1(name), QString(), hiddenOr(format::count(value), !value), {},
                    {}, {}, {}, {} };
                const bool last = std::string_view(name) == "all_respondents";
                if (last && a.fit)
                    fields << format::significant(a.fit->statistic) << QString::number(a.fit->degreesOfFreedom)
                           << QString::number(a.fit->pValue, 'g', 6) << a.fitGroupLabels.join(QLatin1String("; "));
                else
                    fields << QString() << QString() << QString() << QString();
                line(prefix + fields);
            }
        }
    }
    return out.toUtf8();
}

QByteArray reportState(const Report &report)
{
    QJsonObject cells;
    for (const CharacteristicResult &c : report.characteristics) {
        const ProtectedTable &t = c.table;
        for (int r = 0; r <= t.rows(); ++r) {
            for (int col = 0; col <= t.columns(); ++col) {
                if (const auto v = t.released(r, col)) {
                    const QString row = r < t.rows() ? t.rowLabels().at(r) : QStringLiteral("*");
                    const QString column = col < t.columns() ? t.columnLabels().at(col) : QStringLiteral("*");
                    cells.insert(c.question + QLatin1Char('|') + row + QLatin1Char('|') + column, double(*v));
                }
            }
        }
    }
    QJsonObject root { { QStringLiteral("format"), QStringLiteral("chorus-report-state/1") },
        { QStringLiteral("k"), report.options.sdc.k }, { QStringLiteral("cells"), cells } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QStringList> differencingWarnings(const Report &report, const QByteArray &previousState)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(previousState, &error);
    if (!doc.isObject()
        || doc.object().value(QLatin1String("format")).toString() != QLatin1String("chorus-report-state/1"))
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("The previous report's state file is not readable (%1): delete it to start afresh.")
                .arg(error.errorString()));
    const QJsonObject previous = doc.object().value(QLatin1String("cells")).toObject();
    const QJsonObject current
        = QJsonDocument::fromJson(reportState(report)).object().value(QLatin1String("cells")).toObject();
    const int k = report.options.sdc.k;
    QStringList warnings;
    for (const CellDifference &c : smallDifferences(current, previous, k)) {
        warnings.append(
            QStringLiteral("%1, row %2, column %3 differs from the previous report by %4 (fewer than %5): "
                           "comparing the two reports could single out those respondents. Wait for more responses "
                           "or publish only one.")
                .arg(c.question, c.row, c.column)
                .arg(c.difference)
                .arg(k));
    }
    return warnings;
}

} // namespace chorus::exports
