// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace chorus::survey {

// Survey content in several languages, keyed by language code. Lookups fall back to the
// survey's default language, then to any text at all, so a partly translated survey still
// shows every question.
class LocalizedText
{
public:
    LocalizedText() = default;
    explicit LocalizedText(QMap<QString, QString> texts) : m_texts(std::move(texts)) {}

    bool isEmpty() const { return m_texts.isEmpty(); }
    bool has(const QString &language) const { return m_texts.contains(language); }
    void set(const QString &language, const QString &text) { m_texts.insert(language, text); }
    const QMap<QString, QString> &all() const { return m_texts; }

    QString text(const QString &language, const QString &fallbackLanguage = {}) const
    {
        if (auto it = m_texts.constFind(language); it != m_texts.cend()) {
            return *it;
        }
        if (auto it = m_texts.constFind(fallbackLanguage); it != m_texts.cend()) {
            return *it;
        }
        if (auto it = m_texts.constFind(QStringLiteral("en")); it != m_texts.cend()) {
            return *it;
        }
        return m_texts.isEmpty() ? QString() : m_texts.first();
    }

    friend bool operator==(const LocalizedText &, const LocalizedText &) = default;

private:
    QMap<QString, QString> m_texts;
};

} // namespace chorus::survey
