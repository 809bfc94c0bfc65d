// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonReader.h"

#include <cmath>

namespace chorus::survey {

QString JsonReader::join(const QString &path, const char *key)
{
    if (path.isEmpty()) {
        return QLatin1String(key);
    }
    return path + QLatin1Char('.') + QLatin1String(key);
}

QString JsonReader::index(const QString &path, qsizetype i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

void JsonReader::checkKeys(const QJsonObject &object, const QString &path, std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *key : allowed) {
            if (it.key() == QLatin1String(key)) {
                known = true;
                break;
            }
        }
        if (!known) {
            QString names;
            for (const char *key : allowed) {
                names += (names.isEmpty() ? QString() : QStringLiteral(", ")) + QLatin1String(key);
            }
            problem(path.isEmpty() ? it.key() : QString(path + QLatin1Char('.') + it.key()),
                    QStringLiteral("unknown field \"%1\" (allowed here: %2)").arg(it.key(), names));
        }
    }
}

bool JsonReader::checkLength(const QString &value, const QString &path)
{
    if (value.size() > m_maxString) {
        problem(path, QStringLiteral("text is too long (%1 characters; the limit is %2)").arg(value.size()).arg(m_maxString));
        return false;
    }
    return true;
}

std::optional<QString> JsonReader::string(const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QString p = join(path, key);
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required) {
            problem(p, QStringLiteral("is missing"));
        }
        return std::nullopt;
    }
    if (!v.isString()) {
        problem(p, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    const QString s = v.toString();
    if (!checkLength(s, p)) {
        return std::nullopt;
    }
    if (required && s.trimmed().isEmpty()) {
        problem(p, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> JsonReader::boolean(const QJsonObject &o, const char *key, const QString &path)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        return std::nullopt;
    }
    if (!v.isBool()) {
        problem(join(path, key), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<double> JsonReader::number(const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required) {
            problem(join(path, key), QStringLiteral("is missing"));
        }
        return std::nullopt;
    }
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        problem(join(path, key), QStringLiteral("must be a number"));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<int> JsonReader::integer(const QJsonObject &o, const char *key, const QString &path, bool required,
                                       int minimum, int maximum)
{
    const auto n = number(o, key, path, required);
    if (!n) {
        return std::nullopt;
    }
    if (*n != std::floor(*n) || *n < minimum || *n > maximum) {
        problem(join(path, key), QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return int(*n);
}

std::optional<QJsonObject> JsonReader::object(const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required) {
            problem(join(path, key), QStringLiteral("is missing"));
        }
        return std::nullopt;
    }
    if (!v.isObject()) {
        problem(join(path, key), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonReader::array(const QJsonObject &o, const char *key, const QString &path, bool required,
                                            qsizetype maxItems)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        if (required) {
            problem(join(path, key), QStringLiteral("is missing"));
        }
        return std::nullopt;
    }
    if (!v.isArray()) {
        problem(join(path, key), QStringLiteral("must be a list"));
        return std::nullopt;
    }
    const QJsonArray a = v.toArray();
    if (a.size() > maxItems) {
        problem(join(path, key), QStringLiteral("has too many entries (%1; the limit is %2)").arg(a.size()).arg(maxItems));
        return std::nullopt;
    }
    return a;
}

LocalizedText JsonReader::localized(const QJsonObject &o, const char *key, const QString &path, bool required)
{
    const QString p = join(path, key);
    const QJsonValue v = o.value(QLatin1String(key));
    LocalizedText out;
    if (v.isUndefined()) {
        if (required) {
            problem(p, QStringLiteral("is missing"));
        }
        return out;
    }
    if (v.isString()) {
        if (checkLength(v.toString(), p)) {
            out.set(m_default, v.toString());
        }
    } else if (v.isObject()) {
        const QJsonObject texts = v.toObject();
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            const QString lp = p + QLatin1Char('.') + it.key();
            if (!m_languages.isEmpty() && !m_languages.contains(it.key())) {
                problem(lp, QStringLiteral("language \"%1\" is not in the survey's languages").arg(it.key()));
            } else if (!it.value().isString()) {
                problem(lp, QStringLiteral("must be a string"));
            } else if (checkLength(it.value().toString(), lp)) {
                out.set(it.key(), it.value().toString());
            }
        }
        if (texts.isEmpty()) {
            problem(p, QStringLiteral("has no text in any language"));
        } else if (!m_default.isEmpty() && !texts.contains(m_default) && m_languages.contains(m_default)) {
            problem(p, QStringLiteral("has no text in the default language \"%1\"").arg(m_default));
        }
    } else {
        problem(p, QStringLiteral("must be a string or an object of texts by language"));
    }
    if (required && out.isEmpty()) {
        return out;
    }
    return out;
}

bool jsonDepthWithin(const QByteArray &bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth) {
                return false;
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

} // namespace chorus::survey
