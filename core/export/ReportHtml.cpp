// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/Report.h"
#include "export/ReportFormat.h"

namespace chorus::exports
{

using format::html;

namespace
{

// Print-safe colours: the two bars differ in lightness as well as hue, so they survive
// greyscale printing; the respondent bar is GOV.UK blue.
constexpr auto kStyle = R"(
body{font-family:"Noto Sans",Arial,sans-serif;color:#0b0c0c;margin:0;line-height:1.45}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:0 0 .5rem}h2{font-size:1.5rem;margin-top:2.5rem;border-top:2px solid #b1b4b6;padding-top:1rem}
h3{font-size:1.15rem;margin-top:1.5rem}
.meta,.note{color:#505a5f}
.warning{border-left:6px solid #d4351c;padding:.5rem 1rem;background:#fff4f2;margin:1rem 0}
.caveat{border-left:6px solid #f47738;padding:.5rem 1rem;background:#fff7f0;margin:1rem 0}
figure{margin:1rem 0;max-width:48rem}figcaption{font-size:.9rem;color:#505a5f}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0;width:100%}
caption{text-align:left;font-weight:bold;padding-bottom:.3rem}
th,td{border-bottom:1px solid #b1b4b6;padding:.25rem .5rem;text-align:right;vertical-align:top}
th[scope=row],th.l,td.l{text-align:left}
.legend span{display:inline-block;width:1rem;height:1rem;vertical-align:middle;margin:0 .3rem 0 1rem;border:1px solid #0b0c0c}
@media print{h2{break-before:page}figure,tr{break-inside:avoid}}
)";

QString shortLabel(const QString &label)
{
    const qsizetype colon = label.lastIndexOf(QLatin1String(": "));
    const QString tail = colon < 0 ? label : label.mid(colon + 2);
    return tail.size() > 38 ? tail.left(36) + QStringLiteral("…") : tail;
}

QString countCell(std::optional<qint64> n)
{
    return n ? QString::number(*n) : QStringLiteral("<abbr title=\"hidden to protect respondents\">[c]</abbr>");
}

QString ratioText(const CategoryResult &c)
{
    if (!c.ratio)
        return {};
    return format::number(c.ratio, 2) + QStringLiteral(" (") + format::number(c.ratioLow, 2) + QStringLiteral("–")
        + format::number(c.ratioHigh, 2) + QLatin1Char(')');
}

QString chart(const QString &id, const CharacteristicResult &c, const AreaResult &a)
{
    const int rowHeight = 36, left = 250, width = 720, barMax = width - left - 60;
    double top = 0;
    for (const CategoryResult &cat : a.categories)
        top = std::max({ top, cat.share.value_or(0), cat.populationShare });
    top = top <= 0 ? 1 : std::min(1.0, top * 1.1);
    const int height = int(a.categories.size()) * rowHeight + 40;

    QStringList described;
    for (const CategoryResult &cat : a.categories) {
        described.append(QStringLiteral("%1: %2 of respondents, %3 of residents")
                             .arg(shortLabel(cat.label),
                                 cat.share ? format::percent(cat.share) + QLatin1Char('%') : QStringLiteral("hidden"),
                                 format::percent(cat.populationShare) + QLatin1Char('%')));
    }
    QString svg = QStringLiteral("<svg role=\"img\" aria-labelledby=\"%1-t %1-d\" viewBox=\"0 0 %2 %3\" width=\"100%\" "
                                 "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"13\">")
                      .arg(id)
                      .arg(width)
                      .arg(height);
    svg += QStringLiteral("<title id=\"%1-t\">%2: respondents compared with Census 2021, %3</title>")
               .arg(id, html(c.title), html(a.name));
    svg += QStringLiteral("<desc id=\"%1-d\">Bar chart. %2.</desc>").arg(id, html(described.join(QLatin1String("; "))));
    int y = 10;
    for (const CategoryResult &cat : a.categories) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>")
                   .arg(left - 8)
                   .arg(y + 15)
                   .arg(html(shortLabel(cat.label)));
        const int wRespondents = cat.share ? int(barMax * *cat.share / top + 0.5) : 0;
        const int wPopulation = int(barMax * cat.populationShare / top + 0.5);
        if (cat.share)
            svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"12\" fill=\"#1d70b8\"/>")
                       .arg(left)
                       .arg(y)
                       .arg(wRespondents);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\">%3</text>")
                   .arg(left + wRespondents + 4)
                   .arg(y + 10)
                   .arg(cat.share ? format::percent(cat.share) + QLatin1Char('%') : QStringLiteral("hidden"));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"12\" fill=\"#dee0e2\" stroke=\"#0b0c0c\" "
                              "stroke-width=\"0.5\"/>")
                   .arg(left)
                   .arg(y + 14)
                   .arg(wPopulation);
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\">%3%</text>")
                   .arg(left + wPopulation + 4)
                   .arg(y + 24)
                   .arg(format::percent(cat.populationShare));
        y += rowHeight;
    }
    svg += QStringLiteral("<line x1=\"%1\" y1=\"4\" x2=\"%1\" y2=\"%2\" stroke=\"#0b0c0c\"/></svg>").arg(left).arg(y);
    return svg;
}

QString areaTable(const CharacteristicResult &c, const AreaResult &a)
{
    QString t = QStringLiteral(
        "<table><caption>%1, %2: figures</caption><thead><tr><th scope=\"col\" class=\"l\">Category</th>"
        "<th scope=\"col\">Respondents</th><th scope=\"col\">Share of respondents (%)</th>"
        "<th scope=\"col\">Census 2021 share (%)</th><th scope=\"col\">Ratio (95% interval)</th></tr></thead><tbody>")
                    .arg(html(c.title), html(a.name));
    for (const CategoryResult &cat : a.categories) {
        t += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                 .arg(html(cat.label), countCell(cat.count), format::percent(cat.share),
                     a.hasCensus ? format::percent(cat.populationShare) : QString(), ratioText(cat));
    }
    const std::pair<QString, std::optional<qint64>> states[]
        = { { QStringLiteral("Prefer not to say"), a.preferNotToSay },
              { QStringLiteral("Not answered (skipped)"), a.notAnswered }, { QStringLiteral("Not asked"), a.notAsked },
              { QStringLiteral("Answer with no census category"), a.notComparable },
              { QStringLiteral("All respondents"), a.respondents } };
    for (const auto &[label, value] : states)
        t += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td><td></td><td></td><td></td></tr>")
                 .arg(label, countCell(value));
    t += QStringLiteral("</tbody></table>");
    return t;
}

QString fitText(const AreaResult &a)
{
    if (!a.fit)
        return a.note.isEmpty() ? QString() : QStringLiteral("<p class=\"note\">%1</p>").arg(html(a.note));
    QString text = QStringLiteral("<p>Goodness of fit with the census (χ²): %1 on %2 degrees of freedom, p %3%4%5.")
                       .arg(QString::number(a.fit->statistic, 'f', 2))
                       .arg(a.fit->degreesOfFreedom)
                       .arg(a.fit->pValue < 0.001 ? QString() : QStringLiteral("= "), html(format::pValue(a.fit->pValue)))
                       .arg(a.fit->pValue < 0.05 ? QStringLiteral(
                                ": respondents differ from the population more than chance would explain")
                                                 : QStringLiteral(": no clear difference from the population"));
    if (!a.fitGroupLabels.isEmpty())
        text += QStringLiteral(" Merged for the test (expected counts below 5): %1.")
                    .arg(html(a.fitGroupLabels.join(QLatin1String("; "))));
    return text + QStringLiteral("</p>");
}

} // namespace

QByteArray renderReportHtml(const Report &report)
{
    const ReportOptions &o = report.options;
    QString page = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                                  "<meta name=\"viewport\" content=\"width=device-width, "
                                  "initial-scale=1\"><title>%2</title><style>%3</style></head>\n"
                                  "<body><main>\n<h1>%2</h1>\n")
                       .arg(html(o.language), html(o.title), QString::fromLatin1(kStyle));
    QString meta = report.areaName.isEmpty() ? QString() : QStringLiteral("Area: %1. ").arg(html(report.areaName));
    meta += QStringLiteral("Respondents: %1.").arg(countCell(report.respondents));
    if (!o.generatedOn.isEmpty())
        meta += QStringLiteral(" Produced %1.").arg(html(o.generatedOn));
    page += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(meta);

    page += QStringLiteral(
        "<h2 id=\"about\">About these figures</h2>\n<p>Counts from 1 to %1 are hidden to protect the people "
        "who answered, marked [c]%2, and further counts are hidden where needed so that no hidden count can be "
        "worked out from the totals.%3 Shares and ratios are worked out from the published figures only. "
        "No free-text answer appears in this report.</p>\n")
                .arg(o.sdc.k - 1)
                .arg(o.sdc.suppressZeros ? QStringLiteral(" (zeros too)") : QString(),
                    o.sdc.roundTo5 ? QStringLiteral(" Published counts are rounded to the nearest 5.") : QString());
    page += QStringLiteral(
        "<p>The ratio compares the share of respondents in a group with that group's share of residents in "
        "Census 2021: 1 means the group was reached in proportion, below 1 under-represented, above 1 "
        "over-represented. The interval is a 95% Wilson interval. Shares count only people who answered "
        "with a category; prefer not to say, skipped and not asked are shown beside them, never merged.</p>\n");
    page += QStringLiteral(
        "<div class=\"caveat\" role=\"note\"><p>Census 2021 was taken on 21 March 2021, during the coronavirus "
        "pandemic, and some groups (students, for example) may have moved since. Ward boundaries can change. "
        "Census figures: Source: Office for National Statistics licensed under the Open Government Licence "
        "v.3.0.</p></div>\n");
    for (const QString &w : report.warnings)
        page += QStringLiteral("<div class=\"warning\" role=\"note\"><p>%1</p></div>\n").arg(html(w));
    for (const QString &n : report.notes)
        page += QStringLiteral("<div class=\"caveat\" role=\"note\"><p>%1</p></div>\n").arg(html(n));

    int figure = 0;
    for (const CharacteristicResult &c : report.characteristics) {
        page += QStringLiteral("<h2 id=\"%1\">%2</h2>\n<p class=\"meta\">Compared with %3 (%4).</p>\n")
                    .arg(html(c.question), html(c.title), html(c.censusTitle), html(c.populationBase));
        for (const QString &n : c.notes)
            page += QStringLiteral("<div class=\"caveat\" role=\"note\"><p>%1</p></div>\n").arg(html(n));
        for (int i = 0; i < c.areas.size(); ++i) {
            const AreaResult &a = c.areas.at(i);
            page += QStringLiteral("<h3>%1</h3>\n").arg(html(a.name));
            if (a.hasCensus && !a.ratiosSuppressed) {
                const QString id = QStringLiteral("fig%1").arg(++figure);
                page += QStringLiteral(
                    "<figure>%1<figcaption><span class=\"legend\"><span style=\"background:#1d70b8\"></span>Respondents"
                    "<span style=\"background:#dee0e2\"></span>Residents (Census 2021)</span><br>Figure %2: %3, %4. "
                    "The same figures are in the table below it.</figcaption></figure>")
                            .arg(chart(id, c, a))
                            .arg(figure)
                            .arg(html(c.title), html(a.name));
            }
            page += areaTable(c, a) + fitText(a) + QLatin1Char('\n');
        }
    }
    page += QStringLiteral("</main></body></html>\n");
    return page.toUtf8();
}

} // namespace chorus::exports
