// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/LocalizedText.h"
#include "survey/ValidationReport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <initializer_list>
#include <optional>

namespace chorus::survey {

// Reads typed fields out of untrusted JSON, recording a problem (with its path) for every
// missing, mistyped or unknown field instead of stopping. Shared by the package loader and
// the question bank loader.
class JsonReader
{
public:
    JsonReader(ValidationReport &report, int maxStringChars) : m_report(report), m_maxString(maxStringChars) {}

    ValidationReport &report() { return m_report; }
    void problem(const QString &path, const QString &message) { m_report.add(path, message); }

    // Reports every key of `object` not in `allowed` ("unknown field").
    void checkKeys(const QJsonObject &object, const QString &path, std::initializer_list<const char *> allowed);

    std::optional<QString> string(const QJsonObject &o, const char *key, const QString &path, bool required);
    std::optional<bool> boolean(const QJsonObject &o, const char *key, const QString &path);
    std::optional<double> number(const QJsonObject &o, const char *key, const QString &path, bool required);
    std::optional<int> integer(const QJsonObject &o, const char *key, const QString &path, bool required,
                               int minimum, int maximum);
    std::optional<QJsonObject> object(const QJsonObject &o, const char *key, const QString &path, bool required);
    std::optional<QJsonArray> array(const QJsonObject &o, const char *key, const QString &path, bool required,
                                    qsizetype maxItems);
    // A string (in the default language) or an object {language: text} over `languages`.
    LocalizedText localized(const QJsonObject &o, const char *key, const QString &path, bool required);

    void setLanguages(QSet<QString> languages, QString defaultLanguage)
    {
        m_languages = std::move(languages);
        m_default = std::move(defaultLanguage);
    }

    static QString join(const QString &path, const char *key);
    static QString index(const QString &path, qsizetype i);

private:
    bool checkLength(const QString &value, const QString &path);

    ValidationReport &m_report;
    int m_maxString;
    QSet<QString> m_languages;
    QString m_default;
};

// Scans raw JSON for nesting deeper than `maxDepth` before any parser recurses into it.
bool jsonDepthWithin(const QByteArray &bytes, int maxDepth);

} // namespace chorus::survey
