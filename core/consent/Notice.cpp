// SPDX-License-Identifier: GPL-3.0-or-later
#include "Notice.h"

#include <QCryptographicHash>
#include <QVersionNumber>

#include <optional>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {

QString renderPart(QString part)
{
    part.replace(u"\r\n"_s, u"\n"_s);
    part.replace(u'\r', u'\n');
    return part.normalized(QString::NormalizationForm_C).trimmed();
}

// -1 / 0 / 1, or nullopt when the versions are not both dotted numbers.
std::optional<int> compareVersions(const QString &a, const QString &b)
{
    qsizetype suffixA = 0;
    qsizetype suffixB = 0;
    const QVersionNumber va = QVersionNumber::fromString(a, &suffixA);
    const QVersionNumber vb = QVersionNumber::fromString(b, &suffixB);
    if (va.isNull() || vb.isNull() || suffixA != a.size() || suffixB != b.size())
        return std::nullopt;
    return QVersionNumber::compare(va, vb) < 0 ? -1 : (QVersionNumber::compare(va, vb) > 0 ? 1 : 0);
}

} // namespace

QString renderNoticeText(const NoticeText &text)
{
    QStringList parts;
    for (const QString *part : {&text.consentStatement, &text.privacyNotice}) {
        QString rendered = renderPart(*part);
        if (!rendered.isEmpty())
            parts.append(std::move(rendered));
    }
    return parts.join(u"\n\n"_s);
}

QString noticeSha256(const NoticeText &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(renderNoticeText(text).toUtf8(), QCryptographicHash::Sha256).toHex());
}

NoticeFingerprint NoticeFingerprint::of(const QString &id, const QString &version,
                                        const QMap<QString, NoticeText> &texts)
{
    NoticeFingerprint fingerprint{id, version, {}};
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        fingerprint.sha256ByLocale.insert(it.key(), noticeSha256(it.value()));
    return fingerprint;
}

QStringList lintNoticeRevision(const NoticeFingerprint &published, const NoticeFingerprint &candidate)
{
    QStringList problems;
    if (published.id != candidate.id)
        return problems;
    const auto order = compareVersions(candidate.version, published.version);
    if (order && *order < 0) {
        problems.append(u"Privacy notice '%1': version %2 is lower than the published version %3. "
                        "Give the notice a version above %3."_s
                            .arg(candidate.id, candidate.version, published.version));
        return problems;
    }
    if (candidate.version != published.version && (!order || *order > 0))
        return problems;

    QStringList locales = published.sha256ByLocale.keys() + candidate.sha256ByLocale.keys();
    locales.removeDuplicates();
    locales.sort();
    for (const QString &locale : locales) {
        const bool wasThere = published.sha256ByLocale.contains(locale);
        const bool isThere = candidate.sha256ByLocale.contains(locale);
        QString what;
        if (wasThere && !isThere)
            what = u"the '%1' text was removed"_s.arg(locale);
        else if (!wasThere && isThere)
            what = u"a '%1' text was added"_s.arg(locale);
        else if (published.sha256ByLocale.value(locale) != candidate.sha256ByLocale.value(locale))
            what = u"the '%1' text changed"_s.arg(locale);
        else
            continue;
        problems.append(u"Privacy notice '%1': %2 but the version is still %3. Records must show which "
                        "text people saw: raise the notice version."_s
                            .arg(candidate.id, what, candidate.version));
    }
    return problems;
}

} // namespace chorus::consent
