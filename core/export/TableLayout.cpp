// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/TableLayout.h"

namespace chorus::exports
{

TableLayout::TableLayout(const Catalogue &catalogue, const QString &repeatGroup, const ExportOptions &options)
    : m_catalogue(catalogue)
    , m_group(repeatGroup)
    , m_options(options)
    , m_language(options.language.isEmpty() ? catalogue.defaultLanguage : options.language)
{
    using K = Column::Kind;
    if (m_group.isEmpty()) {
        m_columns = { { K::Key, QStringLiteral("instanceID") }, { K::SurveyId, QStringLiteral("survey_id") },
            { K::SurveyVersion, QStringLiteral("survey_version") }, { K::BankVersion, QStringLiteral("bank_version") },
            { K::Ward, QStringLiteral("ward") } };
    } else {
        m_columns = { { K::ParentKey, QStringLiteral("PARENT_KEY") }, { K::Key, QStringLiteral("KEY") } };
    }
    for (const Question *q : catalogue.questionsIn(m_group)) {
        m_columns.append(Column(K::Value, q->name, q));
        m_columns.append(Column(K::State, q->name + QLatin1String("__state"), q));
        if (q->allowsWriteIn && m_options.includeWriteIns)
            m_columns.append(Column(K::WriteIn, q->name + QLatin1String("__write_in"), q));
        if (q->type == QuestionType::MultipleChoice && m_options.splitMultipleChoice) {
            for (const Choice &c : q->choices)
                m_columns.append(Column(K::Option, q->name + QLatin1Char('/') + c.code, q, c.code));
        }
    }
}

QStringList TableLayout::headers() const
{
    QStringList result;
    result.reserve(m_columns.size());
    for (const Column &c : m_columns)
        result.append(c.header);
    return result;
}

QString TableLayout::repeatKey(const QString &instanceId, const QString &group, qsizetype index)
{
    // ODK's form: <parent key>/<group>[<1-based position>]
    return instanceId + QLatin1Char('/') + group + QLatin1Char('[') + QString::number(index + 1) + QLatin1Char(']');
}

CellValue TableLayout::answerCell(const Column &column, const Answers &answers) const
{
    const Question &q = *column.question;
    const auto it = answers.constFind(q.name);
    const Answer answer = it == answers.constEnd() ? Answer::notAsked() : *it;
    const bool answered = answer.state == AnswerState::Answered;
    switch (column.kind) {
    case Column::Kind::Value:
        return { renderValue(q, answer, m_options.mode, m_language, m_catalogue.defaultLanguage),
            answered && (q.type == QuestionType::Integer || q.type == QuestionType::Decimal), q.isFreeText() };
    case Column::Kind::State:
        return CellValue(stateName(answer.state));
    case Column::Kind::WriteIn:
        return { answered ? answer.writeIn : QString(), false, true };
    case Column::Kind::Option: {
        if (!answered)
            return {};
        const bool selected = answer.value.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(column.optionCode);
        return { selected ? QStringLiteral("1") : QStringLiteral("0"), true };
    }
    default:
        return {};
    }
}

QList<CellValue> TableLayout::mainRow(const Record &record) const
{
    QList<CellValue> row;
    row.reserve(m_columns.size());
    for (const Column &c : m_columns) {
        switch (c.kind) {
        case Column::Kind::Key:
            row.append(CellValue(record.instanceId));
            break;
        case Column::Kind::SurveyId:
            row.append(CellValue(record.surveyId));
            break;
        case Column::Kind::SurveyVersion:
            row.append(CellValue(record.surveyVersion));
            break;
        case Column::Kind::BankVersion:
            row.append(CellValue(record.bankVersion));
            break;
        case Column::Kind::Ward:
            row.append(CellValue(record.ward.value_or(QString())));
            break;
        default:
            row.append(answerCell(c, record.answers));
            break;
        }
    }
    return row;
}

QList<CellValue> TableLayout::repeatRow(const Record &record, const Answers &answers, qsizetype index) const
{
    QList<CellValue> row;
    row.reserve(m_columns.size());
    for (const Column &c : m_columns) {
        switch (c.kind) {
        case Column::Kind::ParentKey:
            row.append(CellValue(record.instanceId));
            break;
        case Column::Kind::Key:
            row.append(CellValue(repeatKey(record.instanceId, m_group, index)));
            break;
        default:
            row.append(answerCell(c, answers));
            break;
        }
    }
    return row;
}

} // namespace chorus::exports
