// SPDX-License-Identifier: GPL-3.0-or-later
#include "SubmissionXml.h"

#include "survey/SurveyPackage.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace chorus::response {

using survey::Question;
using survey::QuestionType;

namespace {
const QString kNs = QLatin1String(SubmissionXml::kNamespace);
constexpr int kMaxRepeatInstances = 1000; // far above any package's maxCount (100)

// XML 1.0 cannot carry most control characters; answers never contain them (the engine
// strips them), this keeps a hand-made Response from producing unparseable XML.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out.append(c);
        }
    }
    return out;
}

// Element text with its CRs written as "&#13;": a parser turns a literal CR or CRLF into LF (XML
// 1.0 end-of-line handling), so a CRLF typed in a comment would come back as LF. Attribute
// values need nothing: QXmlStreamWriter already writes their CR, LF and tab as references.
void writeText(QXmlStreamWriter &xml, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\r'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            xml.writeEntityReference(QStringLiteral("#13"));
        if (!lines.at(i).isEmpty())
            xml.writeCharacters(lines.at(i));
    }
}

QString timestamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

class Writer
{
public:
    Writer(const Response &response, QByteArray *out) : m_response(response), m_xml(out) {}

    void writeQuestions(const QList<Question> &questions, const QString &repeat, int instance)
    {
        for (const Question &q : questions) {
            const QString path = repeat.isEmpty() ? q.name : repeatAnswerPath(repeat, instance, q.name);
            if (q.type == QuestionType::Group) {
                writeQuestions(q.children, repeat, instance);
            } else if (q.type == QuestionType::Repeat) {
                const int count = m_response.repeatCounts.value(q.name, 0);
                for (int i = 1; i <= count; ++i) {
                    m_xml.writeStartElement(q.name);
                    m_xml.writeAttribute(kNs, QStringLiteral("instance"), QString::number(i));
                    writeQuestions(q.children, q.name, i);
                    m_xml.writeEndElement();
                }
            } else if (q.isAnswerable() || q.type == QuestionType::Calculate) {
                writeAnswer(q.name, m_response.answer(path));
            }
        }
    }

    void writeAnswer(const QString &name, const Answer &answer)
    {
        m_xml.writeStartElement(name);
        m_xml.writeAttribute(kNs, QStringLiteral("state"), answerStateName(answer.state));
        if (answer.state == AnswerState::Answered) {
            if (!answer.writeIn.isEmpty()) {
                m_xml.writeAttribute(kNs, QStringLiteral("writeIn"), xmlSafe(answer.writeIn));
            }
            writeText(m_xml, xmlSafe(answer.value));
        }
        m_xml.writeEndElement();
    }

    QXmlStreamWriter &xml() { return m_xml; }

private:
    const Response &m_response;
    QXmlStreamWriter m_xml;
};
} // namespace

QByteArray SubmissionXml::serialize(const survey::SurveyPackage &package, const Response &response)
{
    QByteArray out;
    Writer writer(response, &out);
    QXmlStreamWriter &xml = writer.xml();
    xml.setAutoFormatting(false);
    xml.writeStartDocument();
    xml.writeNamespace(kNs, QStringLiteral("chorus"));
    xml.writeStartElement(package.id);
    xml.writeAttribute(QStringLiteral("id"), package.id);
    xml.writeAttribute(QStringLiteral("version"), package.version);
    for (const survey::Section &section : package.sections) {
        writer.writeQuestions(section.questions, {}, 0);
    }
    xml.writeStartElement(QStringLiteral("meta"));
    xml.writeTextElement(QStringLiteral("instanceID"), response.instanceId);
    xml.writeTextElement(QStringLiteral("timeStart"), timestamp(response.started));
    xml.writeTextElement(QStringLiteral("timeEnd"), timestamp(response.finished));
    xml.writeTextElement(kNs, QStringLiteral("language"), response.language);
    xml.writeTextElement(kNs, QStringLiteral("bankVersion"), response.bankVersion);
    // Only when there was an event, so responses without one keep their exact bytes.
    if (!response.eventName.isEmpty() || !response.eventWard.isEmpty()) {
        xml.writeTextElement(kNs, QStringLiteral("eventName"), response.eventName);
        xml.writeTextElement(kNs, QStringLiteral("eventWard"), response.eventWard);
    }
    if (response.consent) {
        response.consent->writeXml(xml);
    }
    xml.writeEndElement(); // meta
    xml.writeEndElement(); // root
    xml.writeEndDocument();
    return out;
}

namespace {
Error bad(const QString &why)
{
    return makeError(ErrorKind::InvalidInput, QStringLiteral("not a Chorus submission: %1").arg(why));
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

Status readMeta(QXmlStreamReader &xml, Response &r)
{
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        const bool ours = xml.namespaceUri() == kNs;
        if (name == QLatin1String("consent") && xml.namespaceUri().isEmpty()) {
            auto consent = consent::ConsentRecord::readXml(xml);
            if (!consent) {
                return consent.error();
            }
            r.consent = *consent;
            continue;
        }
        const QString text = xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        if (name == QLatin1String("instanceID")) {
            r.instanceId = text;
        } else if (name == QLatin1String("timeStart")) {
            r.started = parseTime(text);
        } else if (name == QLatin1String("timeEnd")) {
            r.finished = parseTime(text);
        } else if (ours && name == QLatin1String("language")) {
            r.language = text;
        } else if (ours && name == QLatin1String("bankVersion")) {
            r.bankVersion = text;
        } else if (ours && name == QLatin1String("eventName")) {
            r.eventName = text;
        } else if (ours && name == QLatin1String("eventWard")) {
            r.eventWard = text;
        }
    }
    return {};
}

Status readAnswers(QXmlStreamReader &xml, Response &r, const QString &repeat, int instance)
{
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        const QXmlStreamAttributes attrs = xml.attributes();
        if (repeat.isEmpty() && name == QLatin1String("meta") && xml.namespaceUri().isEmpty()) {
            if (auto s = readMeta(xml, r); !s) {
                return s;
            }
            continue;
        }
        if (attrs.hasAttribute(kNs, QStringLiteral("instance"))) {
            if (!repeat.isEmpty()) {
                return bad(QStringLiteral("nested repeat \"%1\" is not supported").arg(name));
            }
            const int n = attrs.value(kNs, QStringLiteral("instance")).toInt();
            if (n < 1 || n > kMaxRepeatInstances) {
                return bad(QStringLiteral("repeat \"%1\" has an instance number outside 1 to %2").arg(name).arg(kMaxRepeatInstances));
            }
            r.repeatCounts[name] = std::max(r.repeatCounts.value(name), n);
            if (auto s = readAnswers(xml, r, name, n); !s) {
                return s;
            }
            continue;
        }
        const auto state = answerStateFromName(attrs.value(kNs, QStringLiteral("state")).toString());
        if (!state) {
            return bad(QStringLiteral("element \"%1\" has no valid chorus:state").arg(name));
        }
        Answer a;
        a.state = *state;
        a.writeIn = attrs.value(kNs, QStringLiteral("writeIn")).toString();
        a.value = xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        if (a.state != AnswerState::Answered && (!a.value.isEmpty() || !a.writeIn.isEmpty())) {
            return bad(QStringLiteral("element \"%1\" has a value but is not answered").arg(name));
        }
        r.answers.insert(repeat.isEmpty() ? name : repeatAnswerPath(repeat, instance, name), a);
    }
    return {};
}
} // namespace

Result<Response> SubmissionXml::parse(const QByteArray &bytes, qsizetype maxBytes)
{
    if (bytes.size() > maxBytes) {
        return bad(QStringLiteral("document is too large (%1 bytes)").arg(bytes.size()));
    }
    QXmlStreamReader xml(bytes);
    Response r;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.tokenType() == QXmlStreamReader::DTD) {
            return bad(QStringLiteral("document type declarations are not allowed"));
        }
        if (xml.isStartElement()) {
            r.surveyId = xml.attributes().value(QStringLiteral("id")).toString();
            r.surveyVersion = xml.attributes().value(QStringLiteral("version")).toString();
            if (r.surveyId.isEmpty()) {
                return bad(QStringLiteral("the root element has no id attribute"));
            }
            if (auto s = readAnswers(xml, r, {}, 0); !s) {
                return s.error();
            }
            break;
        }
    }
    if (xml.hasError()) {
        return bad(QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber()));
    }
    if (!isValidInstanceId(r.instanceId)) {
        return bad(QStringLiteral("meta/instanceID is missing or not uuid:<v4>"));
    }
    return r;
}

} // namespace chorus::response
