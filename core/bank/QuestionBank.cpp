// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuestionBank.h"

#include "bank/BankData.h" // generated at configure time from data/*.json

#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::bank {

const BankItem *QuestionBank::item(const QString &nation, const QString &id) const
{
    for (const BankItem &i : items) {
        if (i.nation == nation && i.id == id) {
            return &i;
        }
    }
    return nullptr;
}

QStringList QuestionBank::itemIds(const QString &nation) const
{
    QStringList out;
    for (const BankItem &i : items) {
        if (i.nation == nation) {
            out.append(i.id);
        }
    }
    return out;
}

QStringList builtinBankVersions()
{
    QStringList out;
    for (const EmbeddedBank &b : kEmbeddedBanks) {
        out.append(QString::fromLatin1(b.version));
    }
    return out;
}

Result<QuestionBank> loadBuiltinBank(const QString &version)
{
    for (const EmbeddedBank &b : kEmbeddedBanks) {
        if (version == QLatin1String(b.version)) {
            return parseBank(QByteArray(b.json));
        }
    }
    return makeError(ErrorKind::NotFound,
                     QStringLiteral("question bank \"%1\" is not built into this Chorus (available: %2)")
                         .arg(version, builtinBankVersions().join(QStringLiteral(", "))));
}

Result<QuestionBank> parseBank(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("question bank is not valid JSON: %1").arg(error.errorString()));
    }
    const QJsonObject root = doc.object();
    QuestionBank bank;
    bank.version = root.value(QLatin1String("version")).toString();
    bank.source = root.value(QLatin1String("source")).toString();
    for (const QJsonValue &l : root.value(QLatin1String("languages")).toArray()) {
        bank.languages.append(l.toString());
    }
    if (bank.version.isEmpty() || bank.languages.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("question bank has no version or languages"));
    }
    const QJsonObject nations = root.value(QLatin1String("nations")).toObject();
    for (auto it = nations.begin(); it != nations.end(); ++it) {
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject o = v.toObject();
            BankItem item;
            item.id = o.value(QLatin1String("id")).toString();
            item.nation = it.key();
            item.summary = o.value(QLatin1String("summary")).toString();
            for (const QJsonValue &r : o.value(QLatin1String("requiresOneOf")).toArray()) {
                item.requiresOneOf.append(r.toString());
            }
            for (const QJsonValue &r : o.value(QLatin1String("conflictsWith")).toArray()) {
                item.conflictsWith.append(r.toString());
            }
            item.questions = o.value(QLatin1String("questions")).toArray();
            if (item.id.isEmpty() || item.questions.isEmpty()) {
                return makeError(ErrorKind::InvalidInput,
                                 QStringLiteral("question bank %1: an item for %2 has no id or no questions").arg(bank.version, it.key()));
            }
            bank.items.append(item);
        }
    }
    return bank;
}

} // namespace chorus::bank
