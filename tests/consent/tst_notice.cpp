// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/Notice.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus::consent;

class TestNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderNoticeText_joinsStatementAndNoticeWithOneBlankLine()
    {
        QCOMPARE(renderNoticeText({u"  I agree.\n"_s, u"\nWe are the council.\n\n"_s}),
                 u"I agree.\n\nWe are the council."_s);
        QCOMPARE(renderNoticeText({QString(), u"Only a notice."_s}), u"Only a notice."_s);
    }

    void noticeSha256_knownAnswer()
    {
        // Python: sha256("Consent statement\n\nPrivacy notice: caf\u00e9".encode()).hexdigest()
        QCOMPARE(noticeSha256({u"Consent statement"_s, u"Privacy notice: caf\u00e9"_s}),
                 u"ed597fac1bb35603916c2e5782fa9afdfd1613ff6ac97d52ed2496cd68397860"_s);
    }

    void noticeSha256_lineEndingsAndUnicodeFormDoNotChangeTheHash()
    {
        const QString base = noticeSha256({u"Line one\nLine two"_s, u"Caf\u00e9"_s});
        QCOMPARE(noticeSha256({u"Line one\r\nLine two\r\n"_s, u"Caf\u00e9"_s}), base);
        QCOMPARE(noticeSha256({u"Line one\rLine two"_s, u"Cafe\u0301"_s}), base); // decomposed e + acute
    }

    void noticeSha256_anyVisibleChange_changesTheHash()
    {
        const QString base = noticeSha256({u"I agree to equality monitoring."_s, u"Notice"_s});
        QVERIFY(noticeSha256({u"I agree to equality monitoring!"_s, u"Notice"_s}) != base);
        QVERIFY(noticeSha256({u"I agree to equality  monitoring."_s, u"Notice"_s}) != base);
        QVERIFY(noticeSha256({u"I agree to equality monitoring."_s, u"notice"_s}) != base);
        QVERIFY(noticeSha256({u"I agree to equality monitoring.\nNotice"_s, QString()}) != base);
    }

    void lint_sameVersionChangedText_isAnErrorNamingTheLocale()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"3"_s,
            {{u"en"_s, {u"Statement"_s, u"Notice"_s}}, {u"cy"_s, {u"Datganiad"_s, u"Hysbysiad"_s}}});
        const auto edited = NoticeFingerprint::of(u"privacy"_s, u"3"_s,
            {{u"en"_s, {u"Statement"_s, u"Notice"_s}}, {u"cy"_s, {u"Datganiad"_s, u"Hysbysiad newydd"_s}}});
        const QStringList problems = lintNoticeRevision(published, edited);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(u"'cy' text changed"));
        QVERIFY(problems.first().contains(u"raise the notice version"));
    }

    void lint_raisedVersion_allowsChangedText()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"1.9"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto next = NoticeFingerprint::of(u"privacy"_s, u"1.10"_s, {{u"en"_s, {u"A"_s, u"C"_s}}});
        QVERIFY(lintNoticeRevision(published, next).isEmpty());
    }

    void lint_unchangedTextSameVersion_isFine()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"2"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto same = NoticeFingerprint::of(u"privacy"_s, u"2"_s, {{u"en"_s, {u"A\r\n"_s, u"B"_s}}});
        QVERIFY(lintNoticeRevision(published, same).isEmpty());
    }

    void lint_loweredVersion_isAnError()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"4"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto older = NoticeFingerprint::of(u"privacy"_s, u"3"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const QStringList problems = lintNoticeRevision(published, older);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(u"lower than the published version 4"));
    }

    void lint_languageAddedOrRemovedAtSameVersion_isAnError()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"2"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto added = NoticeFingerprint::of(u"privacy"_s, u"2"_s,
                                                 {{u"en"_s, {u"A"_s, u"B"_s}}, {u"pl"_s, {u"A"_s, u"B"_s}}});
        QVERIFY(lintNoticeRevision(published, added).first().contains(u"'pl' text was added"));
        QVERIFY(lintNoticeRevision(added, published).first().contains(u"'pl' text was removed"));
    }

    void lint_nonNumericVersions_compareForEqualityOnly()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"2025-spring"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto sameLabel = NoticeFingerprint::of(u"privacy"_s, u"2025-spring"_s, {{u"en"_s, {u"A"_s, u"X"_s}}});
        const auto newLabel = NoticeFingerprint::of(u"privacy"_s, u"2025-autumn"_s, {{u"en"_s, {u"A"_s, u"X"_s}}});
        QCOMPARE(lintNoticeRevision(published, sameLabel).size(), 1);
        QVERIFY(lintNoticeRevision(published, newLabel).isEmpty());
    }

    void lint_differentNoticeId_isANewNoticeAndNotCompared()
    {
        const auto published = NoticeFingerprint::of(u"privacy"_s, u"5"_s, {{u"en"_s, {u"A"_s, u"B"_s}}});
        const auto other = NoticeFingerprint::of(u"privacy-youth"_s, u"1"_s, {{u"en"_s, {u"C"_s, u"D"_s}}});
        QVERIFY(lintNoticeRevision(published, other).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNotice)
#include "tst_notice.moc"
