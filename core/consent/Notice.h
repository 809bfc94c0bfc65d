// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace chorus::consent {

// "What they were told", pinned by hash. A consent record stores the SHA-256 of the exact text
// shown, in the language shown, so the council can later produce the master copy that matches
// (ICO: "including version numbers and dates"). The text itself lives in the survey package.

// One language's text as the respondent sees it: the consent statement, then the privacy notice.
struct NoticeText {
    QString consentStatement;
    QString privacyNotice;
};

// The rendered text, exactly as hashed. Each part has its line endings made '\n' (from "\r\n"
// or "\r"), is normalised to Unicode NFC, and loses leading and trailing white space; the
// non-empty parts are joined by one blank line ("\n\n"), statement first. No trailing newline.
// So a notice edited on Windows, or typed with decomposed accents, hashes the same; any visible
// change to the words does not.
QString renderNoticeText(const NoticeText &text);

// SHA-256 of the UTF-8 bytes of renderNoticeText(), as 64 lowercase hex characters.
QString noticeSha256(const NoticeText &text);

// A published notice as the lint rule sees it: id, version and one hash per locale.
struct NoticeFingerprint {
    QString id;
    QString version;
    QMap<QString, QString> sha256ByLocale; // locale (e.g. "en", "cy") -> noticeSha256()

    static NoticeFingerprint of(const QString &id, const QString &version, const QMap<QString, NoticeText> &texts);
};

// The lint rule `chorusctl survey lint` applies between the last published package's notice
// and the new one. With the same notice id: the version must not go down, and if it is
// unchanged then no locale may change, appear or disappear. A different id is a new notice and
// is not compared. Versions compare numerically when both are dotted numbers ("2", "1.10"),
// otherwise only for equality. Returns one message per problem, empty when the change is fine.
QStringList lintNoticeRevision(const NoticeFingerprint &published, const NoticeFingerprint &candidate);

} // namespace chorus::consent
