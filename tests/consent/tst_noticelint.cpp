// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl survey lint --published`: a notice whose text changed without a new version fails.
#include "ConsentTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace chorus::consent::testing;

class TestNoticeLint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The demo survey with its notice text and version changed as asked.
    QString variant(const QString &name, const QString &extraText, const QString &noticeVersion)
    {
        QFile demo(demoSurveyPath());
        if (!demo.open(QIODevice::ReadOnly))
            qFatal("demo missing");
        QJsonObject package = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonObject notice = package.value(u"privacyNotice"_s).toObject();
        QJsonObject text = notice.value(u"text"_s).toObject();
        text.insert(u"en"_s, QString(text.value(u"en"_s).toString() + extraText));
        notice.insert(u"text"_s, text);
        notice.insert(u"version"_s, noticeVersion);
        package.insert(u"privacyNotice"_s, notice);
        package.insert(u"version"_s, u"2026112402"_s);
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        out.write(QJsonDocument(package).toJson());
        return path;
    }

    CliResult lint(const QString &file)
    {
        return runCli({u"survey"_s, u"lint"_s, file, u"--published"_s, demoSurveyPath()});
    }

private Q_SLOTS:
    void lint_noticeTextChangedWithoutNewVersion_fails()
    {
        const auto run = lint(variant(u"edited.chorus.json"_s, u" We may also share it."_s, u"1"_s));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(u"'en' text changed"), qPrintable(run.out));
        QVERIFY(run.out.contains(u"raise the notice version"));
    }

    void lint_noticeTextChangedWithNewVersion_passes()
    {
        const auto run = lint(variant(u"versioned.chorus.json"_s, u" We may also share it."_s, u"2"_s));
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    }

    void lint_onlyLineEndingsChanged_passes()
    {
        const auto run = lint(variant(u"crlf.chorus.json"_s, u"\r\n"_s, u"1"_s));
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    }
};

QTEST_GUILESS_MAIN(TestNoticeLint)
#include "tst_noticelint.moc"
