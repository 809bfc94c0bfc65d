// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AtomicFile.h"
#include "common/Logging.h"
#include "export/RecordWriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace chorus::exports
{

namespace
{

class JsonLinesWriter final : public RecordWriter
{
public:
    JsonLinesWriter(const Catalogue &catalogue, const ExportOptions &options)
        : m_catalogue(catalogue)
        , m_options(options)
        , m_language(options.language.isEmpty() ? catalogue.defaultLanguage : options.language)
    {
    }

    Status open(const QString &dir, const QString &baseName)
    {
        m_file = std::make_unique<AtomicFile>(QDir(dir).filePath(baseName + QLatin1String(".jsonl")));
        return m_file->open();
    }

    Status write(const Record &record) override
    {
        QJsonObject object {
            { QStringLiteral("key"), record.instanceId },
            { QStringLiteral("survey_id"), record.surveyId },
            { QStringLiteral("survey_version"), record.surveyVersion },
            { QStringLiteral("bank_version"), record.bankVersion },
            { QStringLiteral("ward"), record.ward ? QJsonValue(*record.ward) : QJsonValue(QJsonValue::Null) },
            { QStringLiteral("answers"), answersObject(QString(), record.answers) },
        };
        QJsonObject repeats;
        for (const QString &group : m_catalogue.repeatGroups()) {
            QJsonArray instances;
            for (const Answers &a : record.repeats.value(group))
                instances.append(answersObject(group, a));
            repeats.insert(group, instances);
        }
        if (!repeats.isEmpty())
            object.insert(QStringLiteral("repeats"), repeats);
        if (Status s = m_file->write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n'); !s)
            return s;
        ++m_records;
        return {};
    }

    Status finish() override
    {
        if (Status s = m_file->commit(); !s)
            return s;
        qCInfo(lcExport) << "JSON lines export finished:" << m_records << "records";
        return {};
    }

    QStringList files() const override { return m_file ? QStringList { m_file->path() } : QStringList {}; }

private:
    // Every catalogue question of the table appears, so a missing answer reads "not_asked"
    // rather than vanishing.
    QJsonObject answersObject(const QString &group, const Answers &answers) const
    {
        QJsonObject result;
        for (const Question *q : m_catalogue.questionsIn(group)) {
            const Answer answer = answers.value(q->name, Answer::notAsked());
            QJsonObject a { { QStringLiteral("state"), stateName(answer.state) } };
            if (answer.state == AnswerState::Answered) {
                a.insert(QStringLiteral("value"),
                    renderValue(*q, answer, m_options.mode, m_language, m_catalogue.defaultLanguage));
                if (m_options.includeWriteIns && q->allowsWriteIn && !answer.writeIn.isEmpty())
                    a.insert(QStringLiteral("write_in"), answer.writeIn);
            }
            result.insert(q->name, a);
        }
        return result;
    }

    const Catalogue &m_catalogue;
    ExportOptions m_options;
    QString m_language;
    std::unique_ptr<AtomicFile> m_file;
};

} // namespace

Result<std::unique_ptr<RecordWriter>> makeJsonLinesWriter(
    const QString &dir, const QString &baseName, const Catalogue &catalogue, const ExportOptions &options)
{
    auto writer = std::make_unique<JsonLinesWriter>(catalogue, options);
    if (Status s = writer->open(dir, baseName); !s)
        return s.error();
    return std::unique_ptr<RecordWriter>(std::move(writer));
}

} // namespace chorus::exports
