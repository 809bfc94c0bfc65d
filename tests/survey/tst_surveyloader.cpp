// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPackages.h"
#include "survey/SurveyLoader.h"

#include <QTest>

using namespace chorus::survey;
using namespace chorus::testing;

namespace {
QJsonObject q(const char *name, const char *type, const char *label = "Label")
{
    return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                       {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("label"), QLatin1String(label)}};
}

ValidationReport problemsOf(const QJsonObject &package, const LoadLimits &limits = {})
{
    ValidationReport report;
    auto result = SurveyLoader::load(toBytes(package), &report, limits);
    if (result.ok() != report.isEmpty()) {
        qFatal("load() result and report disagree");
    }
    return report;
}
} // namespace

class TestSurveyLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoPackage_loadsWithEveryField()
    {
        ValidationReport report;
        auto p = SurveyLoader::load(toBytes(minimalPackageJson()), &report);
        QVERIFY2(p.ok(), qPrintable(report.toText()));
        QCOMPARE(p->id, QStringLiteral("demo_library_survey"));
        QCOMPARE(p->version, QStringLiteral("2026112401"));
        QCOMPARE(p->defaultLanguage(), QStringLiteral("en"));
        QCOMPARE(p->nation, QStringLiteral("england"));
        QCOMPARE(p->publicKey.size(), 392);
        QCOMPARE(p->kiosk.warningSeconds, 30);
        QCOMPARE(p->purposes.size(), 2);
        QVERIFY(!p->privacyNotice.art9Condition.isEmpty());
        QCOMPARE(p->submissionUrl.toString(), QStringLiteral("http://127.0.0.1:8080/submission"));
        const Question *rating = p->question(QStringLiteral("satisfaction"));
        QVERIFY(rating);
        QCOMPARE(rating->type, QuestionType::Rating);
        QCOMPARE(rating->choices.size(), 5);
        QCOMPARE(rating->choiceListId, QStringLiteral("satisfaction"));
    }

    void bankReference_expandsIntoQuestions_andRecordsTheBankVersion()
    {
        auto p = SurveyLoader::load(toBytes(minimalPackageJson()));
        QVERIFY(p.ok());
        const Question *sex = p->question(QStringLiteral("sex"));
        QVERIFY(sex);
        QCOMPARE(sex->bankItem, QStringLiteral("gss/2025.1#sex"));
        QVERIFY(sex->preferNotToSay);
        QCOMPARE(p->bankVersion, QStringLiteral("gss/2025.1"));
        QCOMPARE(sex->sourcePath, QStringLiteral("sections[1].questions[0].items[0]"));
    }

    void invalidJson_isReportedWithItsOffset()
    {
        ValidationReport report;
        QVERIFY(!SurveyLoader::load(QByteArrayLiteral("{\"id\": "), &report).ok());
        QCOMPARE(report.size(), 1);
        QVERIFY(report.problems().constFirst().message.contains(QLatin1String("not valid JSON at byte")));
    }

    void oversizedFile_isRefusedBeforeParsing()
    {
        LoadLimits limits;
        limits.maxBytes = 100;
        const ValidationReport report = problemsOf(minimalPackageJson(), limits);
        QVERIFY(report.mentions({}, QStringLiteral("too large")));
    }

    void deeplyNestedJson_isRefusedBeforeParsing()
    {
        const QByteArray deep = QByteArray(500, '[') + QByteArray(500, ']');
        ValidationReport report;
        QVERIFY(!SurveyLoader::load(deep, &report).ok());
        QVERIFY(report.mentions({}, QStringLiteral("nested too deeply")));
    }

    void bracketsInsideStrings_doNotCountAsNesting()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("title"), QString(200, QLatin1Char('[')));
        QVERIFY(problemsOf(o).isEmpty());
    }

    void unknownFields_areErrors_atEveryLevel()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("colour"), QStringLiteral("red"));
        QJsonObject kiosk = o.value(QStringLiteral("kiosk")).toObject();
        kiosk.insert(QStringLiteral("idleSecs"), 10);
        o.insert(QStringLiteral("kiosk"), kiosk);
        QJsonObject question = q("a", "text");
        question.insert(QStringLiteral("relevance"), QStringLiteral("true()"));
        QJsonObject withQuestion = packageWithQuestions({question});
        const ValidationReport top = problemsOf(o);
        QVERIFY2(top.mentions(QStringLiteral("colour"), QStringLiteral("unknown field")), qPrintable(top.toText()));
        QVERIFY(top.mentions(QStringLiteral("kiosk.idleSecs"), QStringLiteral("unknown field")));
        QVERIFY(problemsOf(withQuestion).mentions(QStringLiteral("sections[0].questions[0].relevance"), QStringLiteral("unknown field")));
    }

    void everyProblem_isReported_notJustTheFirst()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("id"), QStringLiteral("1bad id"));
        o.insert(QStringLiteral("version"), QStringLiteral("v2"));
        o.insert(QStringLiteral("nation"), QStringLiteral("scotland"));
        o.remove(QStringLiteral("title"));
        const ValidationReport report = problemsOf(o);
        QVERIFY(report.mentions(QStringLiteral("id"), QStringLiteral("not a valid survey id")));
        QVERIFY(report.mentions(QStringLiteral("version"), QStringLiteral("digits")));
        QVERIFY(report.mentions(QStringLiteral("nation"), QStringLiteral("england")));
        QVERIFY(report.mentions(QStringLiteral("title"), QStringLiteral("missing")));
        QCOMPARE(report.size(), 4);
    }

    void firstProblemAndCount_areInTheErrorMessage()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("version"), QStringLiteral("v2"));
        o.insert(QStringLiteral("nation"), QStringLiteral("scotland"));
        auto p = SurveyLoader::load(toBytes(o));
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("(and 1 more problem)")), qPrintable(p.error().message));
    }

    void publicKey_mustBeBase64SpkiOfRsa2048()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("encryption"), QJsonObject{{QStringLiteral("publicKey"), QStringLiteral("not base64!")}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("encryption.publicKey"), QStringLiteral("base64")));
        o.insert(QStringLiteral("encryption"), QJsonObject{{QStringLiteral("publicKey"), QStringLiteral("AAAA")}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("encryption.publicKey"), QStringLiteral("SubjectPublicKeyInfo")));
        // An EC P-256 key (valid SPKI, wrong algorithm).
        o.insert(QStringLiteral("encryption"), QJsonObject{{QStringLiteral("publicKey"), QStringLiteral(
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEKDlhukrc676QAAEojH731Xgttxgr/7/QDMp2xpD5tuxmEkFXwQFVbgO2RSZ9elM7NH4wi2FTge2xo3eikvlWGA==")}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("encryption.publicKey"), QStringLiteral("RSA-2048")));
    }

    void submissionUrl_mustBeHttpsExceptOnLoopback()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("submission"), QJsonObject{{QStringLiteral("url"), QStringLiteral("http://council.example/submission")}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("submission.url"), QStringLiteral("https")));
        o.insert(QStringLiteral("submission"), QJsonObject{{QStringLiteral("url"), QStringLiteral("https://council.example/v1/projects/1/submission")}});
        QVERIFY(problemsOf(o).isEmpty());
    }

    void kioskWarning_isAtLeastTwentySeconds_andShorterThanIdle()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("kiosk"), QJsonObject{{QStringLiteral("idleSeconds"), 60}, {QStringLiteral("warningSeconds"), 10}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("kiosk.warningSeconds"), QStringLiteral("from 20")));
        o.insert(QStringLiteral("kiosk"), QJsonObject{{QStringLiteral("idleSeconds"), 60}, {QStringLiteral("warningSeconds"), 60}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("kiosk.warningSeconds"), QStringLiteral("shorter")));
    }

    void consentContinueWithoutEquality_defaultsToTrue_andIsRead()
    {
        QJsonObject o = minimalPackageJson();
        auto loaded = SurveyLoader::load(toBytes(o));
        QVERIFY(loaded.ok());
        QVERIFY(loaded->consent.continueWithoutEquality);
        o.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("continueWithoutEquality"), false}});
        loaded = SurveyLoader::load(toBytes(o));
        QVERIFY(loaded.ok());
        QVERIFY(!loaded->consent.continueWithoutEquality);
    }

    void consentContinueWithoutEquality_mustBeABoolean_andFalseNeedsTheEqualityPurpose()
    {
        QJsonObject o = minimalPackageJson();
        o.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("continueWithoutEquality"), QStringLiteral("no")}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("consent.continueWithoutEquality"), QStringLiteral("true or false")));
        o.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("continueWithout"), false}});
        QVERIFY(problemsOf(o).mentions(QStringLiteral("consent.continueWithout"), QStringLiteral("unknown field")));

        o.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("continueWithoutEquality"), false}});
        QJsonArray purposes;
        for (const QJsonValue &purpose : o.value(QStringLiteral("purposes")).toArray()) {
            if (purpose.toObject().value(QStringLiteral("id")).toString() != QLatin1String("equality_monitoring")) {
                purposes.append(purpose);
            }
        }
        o.insert(QStringLiteral("purposes"), purposes);
        QVERIFY(problemsOf(o).mentions(QStringLiteral("consent.continueWithoutEquality"), QStringLiteral("no respondent")));
    }

    void duplicateQuestionNames_nameBothPlaces()
    {
        const ValidationReport report = problemsOf(packageWithQuestions({q("a", "text"), q("a", "integer")}));
        QVERIFY2(report.mentions(QStringLiteral("sections[0].questions[1]"), QStringLiteral("already used by sections[0].questions[0]")),
                 qPrintable(report.toText()));
    }

    // A question named like an export column gave exports two columns with one heading.
    void questionNamedLikeAnExportColumn_isRefused()
    {
        for (const char *name : {"ward", "Ward", "instanceID", "survey_id", "bank_version", "KEY", "PARENT_KEY",
                                 "meta", "comments__state", "reason__write_in"}) {
            const ValidationReport report = problemsOf(packageWithQuestions({q("a", "text"), q(name, "text")}));
            QVERIFY2(report.mentions(QStringLiteral("sections[0].questions[1].name"), QStringLiteral("is reserved")),
                     qPrintable(report.toText()));
        }
        QVERIFY(problemsOf(packageWithQuestions({q("ward_name", "text"), q("state", "text")})).problems().isEmpty());
    }

    void referenceToUndefinedQuestion_isReportedAsTheIssueShows()
    {
        QJsonObject question = q("a", "text");
        question.insert(QStringLiteral("relevant"), QStringLiteral("${age_band} = '16_24'"));
        const ValidationReport report = problemsOf(packageWithQuestions({q("b", "text"), question}));
        QCOMPARE(report.toText(), QStringLiteral("sections[0].questions[1]: relevant refers to ${age_band}, which is not defined\n"));
    }

    void typeRules_areChecked()
    {
        QJsonObject text = q("t", "text");
        text.insert(QStringLiteral("choices"), QStringLiteral("satisfaction"));
        QJsonObject single = q("s", "single");
        QJsonObject unknownList = q("u", "single");
        unknownList.insert(QStringLiteral("choices"), QStringLiteral("nope"));
        QJsonObject badType = q("x", "slider");
        QJsonObject group = q("g", "group");
        QJsonObject note = q("n", "note");
        note.insert(QStringLiteral("required"), true);
        const ValidationReport r = problemsOf(packageWithQuestions({text, single, unknownList, badType, group, note}));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[0].choices"), QStringLiteral("applies only to")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[1].choices"), QStringLiteral("is missing")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[2].choices"), QStringLiteral("\"nope\", which is not defined")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[3].type"), QStringLiteral("unknown question type")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[4].questions"), QStringLiteral("is missing")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[5].required"), QStringLiteral("does not apply")));
    }

    void choices_needUniqueSafeCodes()
    {
        QJsonObject single = q("s", "single");
        single.insert(QStringLiteral("choices"), parseArray(R"([{"code": "a b", "label": "A"}, {"code": "x", "label": "X"}, {"code": "x", "label": "Y"}])"));
        const ValidationReport r = problemsOf(packageWithQuestions({single}));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[0].choices[0].code"), QStringLiteral("no spaces")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[0].choices[2].code"), QStringLiteral("used twice")));
    }

    void localizedText_mustUseDeclaredLanguages_andIncludeTheDefault()
    {
        QJsonObject question = q("a", "text");
        question.insert(QStringLiteral("label"), QJsonObject{{QStringLiteral("fr"), QStringLiteral("Bonjour")}});
        const ValidationReport r = problemsOf(packageWithQuestions({question}));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[0].label.fr"), QStringLiteral("not in the survey's languages")));
        QVERIFY(r.mentions(QStringLiteral("sections[0].questions[0].label"), QStringLiteral("default language")));
    }

    void bankReferences_checkVersionItemAndNation()
    {
        const ValidationReport unknownVersion = problemsOf(packageWithQuestions(parseArray(R"([{"bank": "gss/1999.1", "items": ["sex"]}])")));
        QVERIFY(unknownVersion.mentions(QStringLiteral("sections[0].questions[0].bank"), QStringLiteral("not built into this Chorus")));
        const ValidationReport unknownItem = problemsOf(packageWithQuestions(parseArray(R"([{"bank": "gss/2025.1", "items": ["star_sign"]}])")));
        QVERIFY(unknownItem.mentions(QStringLiteral("sections[0].questions[0].items[0]"), QStringLiteral("not an item of bank gss/2025.1 for england")));
        const ValidationReport twice = problemsOf(packageWithQuestions(parseArray(R"([{"bank": "gss/2025.1", "items": ["sex", "sex"]}])")));
        QVERIFY(twice.mentions(QStringLiteral("sections[0].questions[0].items[1]"), QStringLiteral("used twice")));
    }

    void questionCountLimit_stopsAHostileFile()
    {
        QJsonArray many;
        for (int i = 0; i < 50; ++i) {
            many.append(q(qPrintable(QStringLiteral("q%1").arg(i)), "text"));
        }
        LoadLimits limits;
        limits.maxQuestions = 20;
        QVERIFY(problemsOf(packageWithQuestions(many), limits).mentions(QStringLiteral("sections[0].questions"), QStringLiteral("too many")));
        // Spread over sections so no single list is over the limit, the total still is.
        QJsonArray first, rest;
        for (qsizetype i = 0; i < 30; ++i) {
            (i < 15 ? first : rest).append(many.at(i));
        }
        QJsonObject o = packageWithQuestions(first);
        QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
        QJsonObject second = sections.at(0).toObject();
        second.insert(QStringLiteral("id"), QStringLiteral("s2"));
        second.insert(QStringLiteral("questions"), rest);
        sections.append(second);
        o.insert(QStringLiteral("sections"), sections);
        QVERIFY(problemsOf(o, limits).mentions({}, QStringLiteral("too many questions (the limit is 20)")));
    }

    void versions_compareNumerically()
    {
        QVERIFY(compareVersions(QStringLiteral("10"), QStringLiteral("9")) > 0);
        QVERIFY(compareVersions(QStringLiteral("2026112401"), QStringLiteral("2026112402")) < 0);
        QCOMPARE(compareVersions(QStringLiteral("007"), QStringLiteral("7")), 0);
    }
};

QTEST_GUILESS_MAIN(TestSurveyLoader)
#include "tst_surveyloader.moc"
