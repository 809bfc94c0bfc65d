// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageChecks.h"

#include "survey/FormLogic.h"
#include "survey/QuestionParser.h"

#include <QSet>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace chorus::survey {

namespace {
struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};

void checkNames(const QList<const Question *> &all, ValidationReport &report)
{
    QHash<QString, const Question *> seen;
    for (const Question *q : all) {
        if (q->name.isEmpty()) {
            continue;
        }
        if (const Question *first = seen.value(q->name)) {
            report.add(q->sourcePath, QStringLiteral("the name \"%1\" is already used by %2; every question needs its own name")
                                          .arg(q->name, first->sourcePath));
        } else {
            seen.insert(q->name, q);
        }
    }
}

} // namespace

void checkPackage(const SurveyPackage &package, ValidationReport &report, const LoadLimits &limits)
{
    Q_UNUSED(limits)
    const QList<const Question *> all = package.allQuestions();
    checkNames(all, report);
    FormLogic::compile(package, &report);
    QSet<QString> sectionIds;
    for (qsizetype i = 0; i < package.sections.size(); ++i) {
        const Section &s = package.sections.at(i);
        if (!s.id.isEmpty() && (!isValidName(s.id) || sectionIds.contains(s.id))) {
            report.add(QStringLiteral("sections[%1].id").arg(i), QStringLiteral("\"%1\" must be a unique name").arg(s.id));
        }
        sectionIds.insert(s.id);
    }
}

QString checkOdkPublicKey(const QString &base64)
{
    const QByteArray text = base64.toLatin1();
    const auto result = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray *decoded = &result.decoded;
    if (!result || decoded->isEmpty() || base64.contains(QLatin1Char('\n'))) {
        return QStringLiteral("is not base64 on one line; use the base64 SubjectPublicKeyInfo (the PEM body of the council's public key without its BEGIN/END lines)");
    }
    const auto *p = reinterpret_cast<const unsigned char *>(decoded->constData());
    std::unique_ptr<EVP_PKEY, PkeyFree> key(d2i_PUBKEY(nullptr, &p, long(decoded->size())));
    if (!key || p != reinterpret_cast<const unsigned char *>(decoded->constData()) + decoded->size()) {
        return QStringLiteral("is not a DER SubjectPublicKeyInfo public key; export it with `openssl rsa -pubout`");
    }
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key.get()) != 2048) {
        return QStringLiteral("must be an RSA-2048 key (ODK Central decrypts only 2048-bit keys)");
    }
    return {};
}

QString checkSubmissionUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return QStringLiteral("is not a valid URL");
    }
    if (url.scheme() == QLatin1String("https")) {
        return {};
    }
    if (url.scheme() == QLatin1String("http")) {
        const QString host = url.host();
        if (host == QLatin1String("localhost") || host == QLatin1String("::1") || host.startsWith(QLatin1String("127."))) {
            return {};
        }
        return QStringLiteral("must use https:// (plain http is allowed only for 127.0.0.1 in tests)");
    }
    return QStringLiteral("must be an https:// URL");
}

} // namespace chorus::survey
