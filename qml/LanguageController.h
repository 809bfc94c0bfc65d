// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>
#include <QVariantList>

class QQmlEngine;

namespace chorus::ui {

// The language of the app's own words (buttons, headings, messages), switchable while it runs:
// it swaps the translator and asks the QML engine to re-evaluate every qsTr(). Layout direction
// follows the translation itself (Qt's QT_LAYOUT_DIRECTION entry), so a right-to-left
// translation mirrors the screens without a hard-coded list of scripts.
class LanguageController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool rightToLeft READ rightToLeft NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)

public:
    // `available`: language codes offered, in order; "en" (built in) is always first.
    explicit LanguageController(QStringList available, QObject *parent = nullptr);

    QString language() const { return m_language; }
    bool rightToLeft() const { return m_rightToLeft; }
    // [{code, name}] with each language named in itself ("Cymraeg").
    QVariantList languages() const;

    // The engine whose bindings are re-evaluated on a switch (one per app, or per test).
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    // Switches to `code`; false (and no change) when there is no translation for it.
    Q_INVOKABLE bool setLanguage(const QString &code);

    static QString nativeName(const QString &code);

Q_SIGNALS:
    void languageChanged();

private:
    QStringList m_available;
    QString m_language = QStringLiteral("en");
    bool m_rightToLeft = false;
    QTranslator m_translator;
    bool m_installed = false;
    bool m_applied = false;
    QQmlEngine *m_engine = nullptr;
};

} // namespace chorus::ui
