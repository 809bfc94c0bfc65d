// SPDX-License-Identifier: GPL-3.0-or-later
// Loading and running a generated 300-question survey (plus the full equality bank): the cost
// of loading a package and of one answer change (store the answer, re-route every page,
// validate the current one), each printed next to a floor measured in the same run:
//  - load: QJsonDocument parsing the same bytes (any loader must at least parse the JSON);
//  - answer change: evaluating every expression of the survey once with a constant context
//    (the least a full re-evaluation after an answer change could cost).
#include "survey/Expression.h"
#include "survey/FormEngine.h"
#include "survey/SurveyLoader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace chorus;
using namespace chorus::survey;

namespace {
constexpr int kSections = 10;
constexpr int kPerSection = 30;

QJsonObject choice(const QString &code)
{
    return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("label"), QString(QStringLiteral("Option ") + code)}};
}

QJsonObject question(int s, int i)
{
    const QString name = QStringLiteral("s%1_q%2").arg(s).arg(i);
    const QString gate = QStringLiteral("s%1_q0").arg(s);
    QJsonObject q{{QStringLiteral("name"), name}, {QStringLiteral("label"), QString(QStringLiteral("Question ") + name)}};
    switch (i % 6) {
    case 0:
        q.insert(QStringLiteral("type"), QStringLiteral("single"));
        q.insert(QStringLiteral("choices"), QStringLiteral("yes_no"));
        if (i > 0) {
            q.insert(QStringLiteral("relevant"), QStringLiteral("${%1} = 'yes'").arg(gate));
        }
        break;
    case 1:
        q.insert(QStringLiteral("type"), QStringLiteral("integer"));
        q.insert(QStringLiteral("constraint"), QStringLiteral(". >= 0 and . <= 100"));
        q.insert(QStringLiteral("relevant"), QStringLiteral("${%1} != 'no'").arg(gate));
        break;
    case 2:
        q.insert(QStringLiteral("type"), QStringLiteral("text"));
        q.insert(QStringLiteral("maxLength"), 500);
        q.insert(QStringLiteral("relevant"), QStringLiteral("${s%1_q%2} > 5 or ${%3} = 'yes'").arg(s).arg(i - 1).arg(gate));
        break;
    case 3:
        q.insert(QStringLiteral("type"), QStringLiteral("multiple"));
        q.insert(QStringLiteral("choices"), QJsonArray{choice(QStringLiteral("a")), choice(QStringLiteral("b")), choice(QStringLiteral("c"))});
        q.insert(QStringLiteral("requiredIf"), QStringLiteral("${%1} = 'yes'").arg(gate));
        break;
    case 4:
        q.insert(QStringLiteral("type"), QStringLiteral("calculate"));
        q.remove(QStringLiteral("label"));
        q.insert(QStringLiteral("calculate"), QStringLiteral("if(selected(${s%1_q%2}, 'a'), ${s%1_q%3} * 2, count-selected(${s%1_q%2}))").arg(s).arg(i - 1).arg(i - 3));
        break;
    default:
        q.insert(QStringLiteral("type"), QStringLiteral("rating"));
        q.insert(QStringLiteral("choices"), QStringLiteral("scale"));
        q.insert(QStringLiteral("relevant"), QStringLiteral("${s%1_q%2} != 3").arg(s).arg(i - 1));
        break;
    }
    return q;
}

QByteArray generatedSurvey()
{
    QFile demo(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"));
    if (!demo.open(QIODevice::ReadOnly)) {
        qFatal("cannot read examples/demo.chorus.json");
    }
    QJsonObject o = QJsonDocument::fromJson(demo.readAll()).object();
    QJsonArray scale;
    for (int i = 1; i <= 5; ++i) {
        scale.append(choice(QString::number(i)));
    }
    o.insert(QStringLiteral("choiceLists"), QJsonObject{{QStringLiteral("yes_no"), QJsonArray{choice(QStringLiteral("yes")), choice(QStringLiteral("no"))}},
                                                        {QStringLiteral("scale"), scale}});
    QJsonArray sections;
    for (int s = 0; s < kSections; ++s) {
        QJsonArray questions;
        for (int i = 0; i < kPerSection; ++i) {
            questions.append(question(s, i));
        }
        sections.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("s%1").arg(s)}, {QStringLiteral("title"), QStringLiteral("Section")},
                                    {QStringLiteral("questions"), questions}});
    }
    sections.append(o.value(QStringLiteral("sections")).toArray().last()); // the full equality bank section
    o.insert(QStringLiteral("sections"), sections);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

class ConstantContext : public EvalContext
{
public:
    Value reference(const QString &) const override { return Value::string(QStringLiteral("yes")); }
};

template<typename F>
double meanMicros(int runs, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < runs; ++i) {
        f();
    }
    return double(timer.nsecsElapsed()) / 1000.0 / runs;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray bytes = generatedSurvey();
    auto package = SurveyLoader::load(bytes);
    if (!package) {
        std::fprintf(stderr, "generated survey does not load: %s\n", qPrintable(package.error().message));
        return 1;
    }
    const qsizetype questionCount = package->allQuestions().size();

    const int loadRuns = 30;
    const double jsonFloor = meanMicros(loadRuns, [&] { (void)QJsonDocument::fromJson(bytes); });
    const double load = meanMicros(loadRuns, [&] { (void)SurveyLoader::load(bytes); });
    const double compile = meanMicros(loadRuns, [&] { FormEngine engine(*package); (void)engine.current(); });

    // Floor: every expression of the survey evaluated once.
    QList<Expression> expressions;
    for (const Question *q : package->allQuestions()) {
        for (const QString &text : {q->relevant, q->constraint, q->requiredIf, q->calculate, q->choiceFilter}) {
            if (!text.isEmpty()) {
                expressions.append(*Expression::parse(text));
            }
        }
    }
    ConstantContext constant;
    const double evalFloor = meanMicros(200, [&] {
        for (const Expression &e : expressions) {
            (void)e.evaluate(constant);
        }
    });

    // Answer changes: walk the survey as a respondent does.
    FormEngine engine(*package);
    QList<double> changes;
    QElapsedTimer timer;
    int guard = 0;
    while (!engine.atReview() && guard++ < 2000) {
        const QString page = engine.current();
        const Question *q = engine.question(page);
        response::Answer answer = response::Answer::notAnswered();
        if (q->type == QuestionType::Integer) {
            answer = response::Answer::answered(QString::number(guard % 10));
        } else if (q->type == QuestionType::Text) {
            answer = response::Answer::answered(QStringLiteral("Some words"));
        } else if (q->type == QuestionType::Date) {
            answer = response::Answer::answered(QStringLiteral("1980"));
        } else if (q->hasChoices()) {
            const QList<Choice> choices = engine.choices(page);
            answer = q->type == QuestionType::Ranking ? response::Answer::answered(QString())
                                                      : response::Answer::answered(choices.value(guard % choices.size()).code);
        }
        timer.start();
        (void)engine.setAnswer(page, answer);
        (void)engine.pages();
        (void)engine.problems(page);
        changes.append(double(timer.nsecsElapsed()) / 1000.0);
        if (!engine.next()) {
            (void)engine.setAnswer(page, response::Answer::notAnswered());
            if (!engine.next()) {
                break;
            }
        }
    }
    std::sort(changes.begin(), changes.end());
    double total = 0;
    for (double c : changes) {
        total += c;
    }
    const double mean = changes.isEmpty() ? 0 : total / double(changes.size());
    const double p95 = changes.isEmpty() ? 0 : changes.at(qsizetype(double(changes.size() - 1) * 0.95));

    std::printf("bench_survey: generated survey with %lld questions (%lld expressions), %lld bytes\n",
                static_cast<long long>(questionCount), static_cast<long long>(expressions.size()), static_cast<long long>(bytes.size()));
    std::printf("load + validate:        %8.0f us   (floor: JSON parse %6.0f us, ratio %.1fx)\n", load, jsonFloor, load / jsonFloor);
    std::printf("engine start (compile): %8.0f us\n", compile);
    std::printf("answer change (%lld changes: set + route all pages + validate): mean %6.0f us, p95 %6.0f us\n",
                static_cast<long long>(changes.size()), mean, p95);
    std::printf("   floor: every expression evaluated once %6.0f us, ratio %.1fx; a 16 ms frame is %.0fx the mean\n",
                evalFloor, mean / evalFloor, 16000.0 / mean);
    return 0;
}
