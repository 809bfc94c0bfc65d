// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageController.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlEngine>
#include <QVariantMap>

namespace chorus::ui {

namespace {
const QString english = QStringLiteral("en");
// Each translation states its direction here ("LTR" or "RTL"), as Qt's own translations do.
[[maybe_unused]] const char *const layoutDirectionEntry = QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION");
}

LanguageController::LanguageController(QStringList available, QObject *parent)
    : QObject(parent), m_available(std::move(available))
{
    m_available.removeAll(english);
    m_available.prepend(english);
}

QVariantList LanguageController::languages() const
{
    QVariantList list;
    for (const QString &code : m_available) {
        list.append(QVariantMap{{QStringLiteral("code"), code}, {QStringLiteral("name"), nativeName(code)}});
    }
    return list;
}

QString LanguageController::nativeName(const QString &code)
{
    if (code == english) {
        return QStringLiteral("English");
    }
    if (code == u"cy") {
        return QStringLiteral("Cymraeg");
    }
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name;
}

bool LanguageController::setLanguage(const QString &code)
{
    if (code == m_language && m_applied) {
        return true;
    }
    if (!m_available.contains(code)) {
        return false;
    }
    // English is the source language: its file only holds plural forms, and may be absent.
    const QString file = QStringLiteral(":/i18n/chorus_%1.qm").arg(code);
    const bool hasFile = QFile::exists(file);
    if (!hasFile && code != english) {
        return false;
    }
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (hasFile && m_translator.load(file)) {
        QCoreApplication::installTranslator(&m_translator);
        m_installed = true;
    }
    m_applied = true;
    m_language = code;
    m_rightToLeft = QCoreApplication::translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == u"RTL";
    QGuiApplication::setLayoutDirection(m_rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    if (m_engine) {
        m_engine->retranslate();
    }
    Q_EMIT languageChanged();
    return true;
}

} // namespace chorus::ui
