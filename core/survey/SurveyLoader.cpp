// SPDX-License-Identifier: GPL-3.0-or-later
#include "SurveyLoader.h"

#include "bank/QuestionBank.h"
#include "survey/JsonReader.h"
#include "survey/PackageChecks.h"
#include "survey/QuestionParser.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace chorus::survey {

namespace {
using J = JsonReader;

class PackageParser
{
public:
    PackageParser(ValidationReport &report, const LoadLimits &limits)
        : m_reader(report, limits.maxStringChars), m_limits(limits)
    {
    }

    SurveyPackage parse(const QJsonObject &root);

private:
    void parseHeader(const QJsonObject &root);
    void parseLanguages(const QJsonObject &root);
    void parseNotice(const QJsonObject &root);
    void parseSections(const QJsonObject &root);
    QList<Question> expandBank(const QJsonObject &ref, const QString &path);

    JsonReader m_reader;
    const LoadLimits &m_limits;
    SurveyPackage m_package;
    std::optional<bank::QuestionBank> m_bank;
    QSet<QString> m_bankItemsSeen;
    QuestionParser *m_questions = nullptr;
};

SurveyPackage PackageParser::parse(const QJsonObject &root)
{
    m_reader.checkKeys(root, {}, {"format", "id", "version", "title", "languages", "nation", "controller",
                                  "privacyNotice", "purposes", "consent", "encryption", "submission", "kiosk",
                                  "choiceLists", "sections", "wards"});
    parseLanguages(root);
    parseHeader(root);
    parseNotice(root);
    parseSections(root);
    return std::move(m_package);
}

void PackageParser::parseLanguages(const QJsonObject &root)
{
    QSet<QString> codes;
    static const QRegularExpression codeRe(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    if (auto languages = m_reader.array(root, "languages", {}, true, m_limits.maxLanguages)) {
        if (languages->isEmpty()) {
            m_reader.problem(QStringLiteral("languages"), QStringLiteral("needs at least one language (the default, first)"));
        }
        for (qsizetype i = 0; i < languages->size(); ++i) {
            const QString p = J::index(QStringLiteral("languages"), i);
            const QJsonObject o = languages->at(i).toObject();
            if (!languages->at(i).isObject()) {
                m_reader.problem(p, QStringLiteral("must be an object like {\"code\": \"en\", \"name\": \"English\"}"));
                continue;
            }
            m_reader.checkKeys(o, p, {"code", "name", "rtl"});
            Language l;
            l.code = m_reader.string(o, "code", p, true).value_or(QString());
            l.name = m_reader.string(o, "name", p, true).value_or(QString());
            l.rtl = m_reader.boolean(o, "rtl", p).value_or(false);
            if (!l.code.isEmpty() && !codeRe.match(l.code).hasMatch()) {
                m_reader.problem(J::join(p, "code"), QStringLiteral("\"%1\" is not a language code such as \"en\" or \"cy\"").arg(l.code));
            } else if (codes.contains(l.code)) {
                m_reader.problem(J::join(p, "code"), QStringLiteral("language \"%1\" is listed twice").arg(l.code));
            }
            codes.insert(l.code);
            m_package.languages.append(l);
        }
    }
    m_reader.setLanguages(codes, m_package.defaultLanguage());
}

void PackageParser::parseHeader(const QJsonObject &root)
{
    m_package.formatVersion = m_reader.string(root, "format", {}, true).value_or(QString());
    if (!m_package.formatVersion.isEmpty() && m_package.formatVersion != kSurveyFormat) {
        m_reader.problem(QStringLiteral("format"), QStringLiteral("\"%1\" is not a format this Chorus reads (expected \"%2\"); update Chorus or re-export the survey")
                                                       .arg(m_package.formatVersion, kSurveyFormat));
    }
    m_package.id = m_reader.string(root, "id", {}, true).value_or(QString());
    if (!m_package.id.isEmpty() && !isValidName(m_package.id)) {
        m_reader.problem(QStringLiteral("id"), QStringLiteral("\"%1\" is not a valid survey id: start with a letter or '_', then up to 63 letters, digits, '_', '.' or '-'").arg(m_package.id));
    }
    m_package.version = m_reader.string(root, "version", {}, true).value_or(QString());
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!m_package.version.isEmpty() && !digits.match(m_package.version).hasMatch()) {
        m_reader.problem(QStringLiteral("version"), QStringLiteral("\"%1\" must be 1 to 18 digits, e.g. \"2026112401\"; a new version must be a larger number").arg(m_package.version));
    }
    m_package.title = m_reader.localized(root, "title", {}, true);
    m_package.nation = m_reader.string(root, "nation", {}, true).value_or(QString());
    if (!m_package.nation.isEmpty() && m_package.nation != QLatin1String("england") && m_package.nation != QLatin1String("wales")) {
        m_reader.problem(QStringLiteral("nation"), QStringLiteral("\"%1\" must be \"england\" or \"wales\"").arg(m_package.nation));
    }
    if (auto c = m_reader.object(root, "controller", {}, true)) {
        const QString p = QStringLiteral("controller");
        m_reader.checkKeys(*c, p, {"name", "contact"});
        m_package.controller.name = m_reader.string(*c, "name", p, true).value_or(QString());
        m_package.controller.contact = m_reader.string(*c, "contact", p, true).value_or(QString());
    }
    if (auto e = m_reader.object(root, "encryption", {}, true)) {
        m_reader.checkKeys(*e, QStringLiteral("encryption"), {"publicKey"});
        m_package.publicKey = m_reader.string(*e, "publicKey", QStringLiteral("encryption"), true).value_or(QString());
        if (!m_package.publicKey.isEmpty()) {
            if (const QString why = checkOdkPublicKey(m_package.publicKey); !why.isEmpty()) {
                m_reader.problem(QStringLiteral("encryption.publicKey"), why);
            }
        }
    }
    if (auto s = m_reader.object(root, "submission", {}, true)) {
        m_reader.checkKeys(*s, QStringLiteral("submission"), {"url"});
        const QString url = m_reader.string(*s, "url", QStringLiteral("submission"), true).value_or(QString());
        m_package.submissionUrl = QUrl(url, QUrl::StrictMode);
        if (!url.isEmpty()) {
            if (const QString why = checkSubmissionUrl(m_package.submissionUrl); !why.isEmpty()) {
                m_reader.problem(QStringLiteral("submission.url"), why);
            }
        }
    }
    // Event wards (GeoJSON, read by platform/WardBoundaries): kept as signed bytes, checked there.
    if (auto w = m_reader.object(root, "wards", {}, false)) {
        if (w->value(QStringLiteral("type")).toString() != QLatin1String("FeatureCollection")) {
            m_reader.problem(QStringLiteral("wards"), QStringLiteral("must be a GeoJSON FeatureCollection of ward polygons"));
        }
        m_package.wardsGeoJson = QJsonDocument(*w).toJson(QJsonDocument::Compact);
    }
    if (auto k = m_reader.object(root, "kiosk", {}, false)) {
        const QString p = QStringLiteral("kiosk");
        m_reader.checkKeys(*k, p, {"idleSeconds", "warningSeconds"});
        m_package.kiosk.idleSeconds = m_reader.integer(*k, "idleSeconds", p, false, 30, 3600).value_or(m_package.kiosk.idleSeconds);
        m_package.kiosk.warningSeconds = m_reader.integer(*k, "warningSeconds", p, false, 20, 600).value_or(m_package.kiosk.warningSeconds);
        if (m_package.kiosk.warningSeconds >= m_package.kiosk.idleSeconds) {
            m_reader.problem(QStringLiteral("kiosk.warningSeconds"), QStringLiteral("must be shorter than idleSeconds"));
        }
    }
}

void PackageParser::parseNotice(const QJsonObject &root)
{
    if (auto n = m_reader.object(root, "privacyNotice", {}, true)) {
        const QString p = QStringLiteral("privacyNotice");
        m_reader.checkKeys(*n, p, {"id", "version", "text", "lawfulBasis", "art9Condition"});
        PrivacyNotice &notice = m_package.privacyNotice;
        notice.id = m_reader.string(*n, "id", p, true).value_or(QString());
        notice.version = m_reader.string(*n, "version", p, true).value_or(QString());
        notice.text = m_reader.localized(*n, "text", p, true);
        notice.lawfulBasis = m_reader.string(*n, "lawfulBasis", p, true).value_or(QString());
        notice.art9Condition = m_reader.string(*n, "art9Condition", p, true).value_or(QString());
    }
    if (auto purposes = m_reader.array(root, "purposes", {}, true, 50)) {
        QSet<QString> ids;
        for (qsizetype i = 0; i < purposes->size(); ++i) {
            const QString p = J::index(QStringLiteral("purposes"), i);
            const QJsonObject o = purposes->at(i).toObject();
            m_reader.checkKeys(o, p, {"id", "text"});
            Purpose purpose;
            purpose.id = m_reader.string(o, "id", p, true).value_or(QString());
            purpose.text = m_reader.localized(o, "text", p, true);
            if (!purpose.id.isEmpty() && (!isValidName(purpose.id) || ids.contains(purpose.id))) {
                m_reader.problem(J::join(p, "id"), QStringLiteral("\"%1\" must be a unique name").arg(purpose.id));
            }
            ids.insert(purpose.id);
            m_package.purposes.append(purpose);
        }
        if (purposes->isEmpty()) {
            m_reader.problem(QStringLiteral("purposes"), QStringLiteral("needs at least one purpose the respondent consents to"));
        }
    }
    if (auto c = m_reader.object(root, "consent", {}, false)) {
        const QString p = QStringLiteral("consent");
        m_reader.checkKeys(*c, p, {"continueWithoutEquality"});
        m_package.consent.continueWithoutEquality =
            m_reader.boolean(*c, "continueWithoutEquality", p).value_or(m_package.consent.continueWithoutEquality);
        bool offered = false;
        for (const Purpose &purpose : std::as_const(m_package.purposes)) {
            offered = offered || purpose.id == QLatin1String("equality_monitoring");
        }
        if (!m_package.consent.continueWithoutEquality && !offered) {
            m_reader.problem(QStringLiteral("consent.continueWithoutEquality"),
                             QStringLiteral("is false, but no purpose \"equality_monitoring\" is offered, so no "
                                            "respondent could ever go on: offer that purpose or set it to true"));
        }
    }
}

void PackageParser::parseSections(const QJsonObject &root)
{
    if (auto lists = m_reader.object(root, "choiceLists", {}, false)) {
        if (lists->size() > m_limits.maxChoiceLists) {
            m_reader.problem(QStringLiteral("choiceLists"), QStringLiteral("has too many lists (the limit is %1)").arg(m_limits.maxChoiceLists));
        } else {
            QuestionParser choices(m_reader, m_limits, m_package.choiceLists);
            for (auto it = lists->begin(); it != lists->end(); ++it) {
                const QString p = QStringLiteral("choiceLists.") + it.key();
                if (!isValidName(it.key())) {
                    m_reader.problem(p, QStringLiteral("\"%1\" is not a valid list name").arg(it.key()));
                } else if (!it.value().isArray()) {
                    m_reader.problem(p, QStringLiteral("must be a list of choices"));
                } else {
                    m_package.choiceLists.insert(it.key(), choices.parseChoices(it.value().toArray(), p));
                }
            }
        }
    }
    QuestionParser questions(m_reader, m_limits, m_package.choiceLists);
    m_questions = &questions;
    if (auto sections = m_reader.array(root, "sections", {}, true, 100)) {
        if (sections->isEmpty()) {
            m_reader.problem(QStringLiteral("sections"), QStringLiteral("needs at least one section"));
        }
        for (qsizetype i = 0; i < sections->size(); ++i) {
            const QString p = J::index(QStringLiteral("sections"), i);
            const QJsonObject o = sections->at(i).toObject();
            m_reader.checkKeys(o, p, {"id", "title", "intro", "relevant", "questions"});
            Section s;
            s.id = m_reader.string(o, "id", p, true).value_or(QString());
            s.title = m_reader.localized(o, "title", p, true);
            s.intro = m_reader.localized(o, "intro", p, false);
            s.relevant = m_reader.string(o, "relevant", p, false).value_or(QString()).trimmed();
            if (auto qs = m_reader.array(o, "questions", p, true, m_limits.maxQuestions)) {
                s.questions = questions.parseList(*qs, J::join(p, "questions"), 0,
                                                  [this](const QJsonObject &ref, const QString &path) { return expandBank(ref, path); });
            }
            m_package.sections.append(std::move(s));
        }
    }
    m_questions = nullptr;
}

QList<Question> PackageParser::expandBank(const QJsonObject &ref, const QString &path)
{
    QList<Question> out;
    m_reader.checkKeys(ref, path, {"bank", "items"});
    const QString version = m_reader.string(ref, "bank", path, true).value_or(QString());
    const auto items = m_reader.array(ref, "items", path, true, 50);
    const bool knownNation = m_package.nation == QLatin1String("england") || m_package.nation == QLatin1String("wales");
    if (version.isEmpty() || !items || !knownNation) {
        return out; // an unknown nation is reported once, at "nation"
    }
    if (!m_package.bankVersion.isEmpty() && m_package.bankVersion != version) {
        m_reader.problem(J::join(path, "bank"), QStringLiteral("a survey uses one bank version; this one asks for \"%1\" but an earlier section uses \"%2\"")
                                                    .arg(version, m_package.bankVersion));
        return out;
    }
    if (!m_bank) {
        auto bank = bank::loadBuiltinBank(version);
        if (!bank) {
            m_reader.problem(J::join(path, "bank"), bank.error().message);
            return out;
        }
        m_bank = std::move(*bank);
        m_package.bankVersion = version;
    }
    ValidationReport bankProblems;
    JsonReader bankReader(bankProblems, m_limits.maxStringChars);
    bankReader.setLanguages(QSet<QString>(m_bank->languages.cbegin(), m_bank->languages.cend()), m_bank->languages.value(0));
    QuestionParser parser(bankReader, m_limits, m_package.choiceLists);
    for (qsizetype i = 0; i < items->size(); ++i) {
        const QString p = J::index(J::join(path, "items"), i);
        const QString id = items->at(i).toString();
        const bank::BankItem *item = m_bank->item(m_package.nation, id);
        if (!item) {
            m_reader.problem(p, QStringLiteral("\"%1\" is not an item of bank %2 for %3 (items: %4)")
                                    .arg(id, version, m_package.nation.isEmpty() ? QStringLiteral("this nation") : m_package.nation,
                                         m_bank->itemIds(m_package.nation).join(QStringLiteral(", "))));
            continue;
        }
        if (m_bankItemsSeen.contains(id)) {
            m_reader.problem(p, QStringLiteral("bank item \"%1\" is used twice").arg(id));
            continue;
        }
        for (const QString &other : item->conflictsWith) {
            if (m_bankItemsSeen.contains(other)) {
                m_reader.problem(p, QStringLiteral("bank items \"%1\" and \"%2\" cannot both be used: choose one").arg(other, id));
            }
        }
        if (!item->requiresOneOf.isEmpty()) {
            bool found = false;
            for (const QString &needed : item->requiresOneOf) {
                found = found || m_bankItemsSeen.contains(needed);
            }
            if (!found) {
                m_reader.problem(p, QStringLiteral("bank item \"%1\" needs one of these bank items earlier in the survey: %2")
                                        .arg(id, item->requiresOneOf.join(QStringLiteral(", "))));
            }
        }
        m_bankItemsSeen.insert(id);
        QList<Question> questions = parser.parseList(item->questions, QStringLiteral("bank %1 %2").arg(version, id), 0);
        for (Question &q : questions) {
            q.bankItem = version + QLatin1Char('#') + id;
            q.sourcePath = p;
        }
        out.append(questions);
    }
    for (const ValidationProblem &problem : bankProblems.problems()) {
        m_reader.problem(path, QStringLiteral("question bank data is broken (%1); reinstall Chorus").arg(problem.toString()));
    }
    return out;
}
} // namespace

Result<SurveyPackage> SurveyLoader::load(const QByteArray &bytes, ValidationReport *report, const LoadLimits &limits)
{
    ValidationReport local;
    ValidationReport &r = report ? *report : local;
    auto failed = [&r]() -> Error {
        return makeError(ErrorKind::InvalidInput,
                         r.size() == 1 ? QStringLiteral("invalid survey package: %1").arg(r.problems().constFirst().toString())
                                       : QStringLiteral("invalid survey package: %1 (and %2 more %3)")
                                             .arg(r.problems().constFirst().toString()).arg(r.size() - 1)
                                             .arg(r.size() == 2 ? QStringLiteral("problem") : QStringLiteral("problems")));
    };
    if (bytes.size() > limits.maxBytes) {
        r.add({}, QStringLiteral("the file is too large (%1 bytes; the limit is %2)").arg(bytes.size()).arg(limits.maxBytes));
        return failed();
    }
    if (!jsonDepthWithin(bytes, limits.maxJsonDepth)) {
        r.add({}, QStringLiteral("the JSON is nested too deeply (the limit is %1 levels)").arg(limits.maxJsonDepth));
        return failed();
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        r.add({}, QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString()));
        return failed();
    }
    if (!doc.isObject()) {
        r.add({}, QStringLiteral("a survey package must be a JSON object"));
        return failed();
    }
    PackageParser parser(r, limits);
    SurveyPackage package = parser.parse(doc.object());
    checkPackage(package, r, limits);
    if (!r.isEmpty()) {
        return failed();
    }
    return package;
}

Result<SurveyPackage> SurveyLoader::loadFile(const QString &path, ValidationReport *report, const LoadLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    }
    const QByteArray bytes = file.read(limits.maxBytes + 1);
    return load(bytes, report, limits);
}

} // namespace chorus::survey
