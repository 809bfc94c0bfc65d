// SPDX-License-Identifier: GPL-3.0-or-later
#include "BundleFields.h"

#include "crypto/Signing.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace chorus::enrollment::detail {

namespace {

constexpr int kMaxPins = 4;
constexpr int kMaxSurveys = 200;
constexpr qsizetype kMaxCaPem = 16 * 1024;
const QString kInnerFormat = QStringLiteral("chorus-enrollment");

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, QStringLiteral("enrollment bundle: ") + message);
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

bool matches(const char *pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QLatin1String(pattern))).match(text).hasMatch();
}

// Reads one field with its expected JSON type, or reports which field is wrong.
template<typename Check>
Status need(const QJsonObject &object, const char *name, bool required, Check isRightType, const char *typeName)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined()) {
        return required ? Status(invalid(QStringLiteral("\"%1\" is missing").arg(QLatin1String(name)))) : Status();
    }
    if (!isRightType(value)) {
        return invalid(QStringLiteral("\"%1\" must be %2").arg(QLatin1String(name), QLatin1String(typeName)));
    }
    return {};
}

Result<QStringList> stringList(const QJsonObject &object, const char *name, int maxCount)
{
    QStringList out;
    const QJsonArray array = object.value(QLatin1String(name)).toArray();
    if (array.size() > maxCount) {
        return invalid(QStringLiteral("\"%1\" has %2 entries; at most %3 are allowed")
                           .arg(QLatin1String(name))
                           .arg(array.size())
                           .arg(maxCount));
    }
    for (const QJsonValue &v : array) {
        if (!v.isString()) {
            return invalid(QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(name)));
        }
        out.append(v.toString());
    }
    return out;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost") || host == QLatin1String("::1") || host == QLatin1String("[::1]")) {
        return true;
    }
    const QStringList octets = host.split(QLatin1Char('.'));
    if (octets.size() != 4 || octets.first() != QLatin1String("127")) {
        return false;
    }
    for (const QString &octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || value < 0 || value > 255 || octet.size() > 3) {
            return false;
        }
    }
    return true;
}

Status onlyKnownKeys(const QJsonObject &object, const QStringList &known, const QString &where)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            return invalid(QStringLiteral("unknown field \"%1%2\" (written by a newer Chorus, or altered)")
                               .arg(where, it.key()));
        }
    }
    return {};
}

QJsonObject toJson(const EnrollmentBundle &b)
{
    QJsonObject o{{QStringLiteral("format"), kInnerFormat},
                  {QStringLiteral("version"), EnrollmentBundle::kFormatVersion},
                  {QStringLiteral("council"), b.council},
                  {QStringLiteral("endpoint"), b.endpoint.toString(QUrl::FullyEncoded)},
                  {QStringLiteral("device"), b.device},
                  {QStringLiteral("deviceToken"), QString::fromLatin1(b.deviceToken)},
                  {QStringLiteral("signingKey"),
                   QJsonObject{{QStringLiteral("publicKey"), QString::fromLatin1(b.signingPublicKey.toBase64())},
                               {QStringLiteral("keyId"), b.signingKeyId()},
                               {QStringLiteral("fingerprint"), b.fingerprint()}}},
                  {QStringLiteral("surveys"), QJsonArray::fromStringList(b.surveys)},
                  {QStringLiteral("issuedAt"), isoUtc(b.issuedAt)},
                  {QStringLiteral("expiresAt"), isoUtc(b.expiresAt)}};
    if (!b.projectId.isEmpty()) {
        o.insert(QStringLiteral("projectId"), b.projectId);
    }
    if (!b.pins.isEmpty()) {
        o.insert(QStringLiteral("pins"), QJsonArray::fromStringList(b.pins));
    }
    if (!b.caCertificatePem.isEmpty()) {
        o.insert(QStringLiteral("caCertificate"), QString::fromLatin1(b.caCertificatePem));
    }
    if (b.allowHttpLoopback) {
        o.insert(QStringLiteral("allowHttpLoopback"), true);
    }
    return o;
}

Result<EnrollmentBundle> fromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("format")).toString() != kInnerFormat) {
        return invalid(QStringLiteral("the signed content is not a Chorus enrollment"));
    }
    const QStringList known{QStringLiteral("format"),    QStringLiteral("version"),      QStringLiteral("council"),
                            QStringLiteral("endpoint"),  QStringLiteral("projectId"),    QStringLiteral("device"),
                            QStringLiteral("deviceToken"), QStringLiteral("pins"),       QStringLiteral("caCertificate"),
                            QStringLiteral("allowHttpLoopback"), QStringLiteral("signingKey"), QStringLiteral("surveys"),
                            QStringLiteral("issuedAt"),  QStringLiteral("expiresAt")};
    if (Status s = onlyKnownKeys(o, known, QString()); !s) {
        return s.error();
    }
    const auto isString = [](const QJsonValue &v) { return v.isString(); };
    const auto isArray = [](const QJsonValue &v) { return v.isArray(); };
    for (const char *name : {"council", "endpoint", "device", "deviceToken", "issuedAt", "expiresAt"}) {
        if (Status s = need(o, name, true, isString, "a string"); !s) {
            return s.error();
        }
    }
    for (Status s : {need(o, "projectId", false, isString, "a string"),
                     need(o, "caCertificate", false, isString, "a string"),
                     need(o, "pins", false, isArray, "a list"), need(o, "surveys", true, isArray, "a list"),
                     need(o, "allowHttpLoopback", false, [](const QJsonValue &v) { return v.isBool(); }, "true or false"),
                     need(o, "signingKey", true, [](const QJsonValue &v) { return v.isObject(); }, "an object"),
                     need(o, "version", true, [](const QJsonValue &v) { return v.isDouble(); }, "a number")}) {
        if (!s) {
            return s.error();
        }
    }
    if (o.value(QStringLiteral("version")).toInt() != EnrollmentBundle::kFormatVersion) {
        return makeError(ErrorKind::Unsupported, QStringLiteral("enrollment bundle: content version %1 is not "
                                                                "supported by this Chorus")
                                                     .arg(o.value(QStringLiteral("version")).toInt()));
    }
    const QJsonObject key = o.value(QStringLiteral("signingKey")).toObject();
    if (Status s = onlyKnownKeys(key, {QStringLiteral("publicKey"), QStringLiteral("keyId"), QStringLiteral("fingerprint")},
                                 QStringLiteral("signingKey."));
        !s) {
        return s.error();
    }
    auto publicKey = crypto::Signing::publicKeyFromBase64(key.value(QStringLiteral("publicKey")).toString().toLatin1());
    if (!publicKey) {
        return invalid(QStringLiteral("signingKey.publicKey: ") + publicKey.error().message);
    }
    if (key.value(QStringLiteral("keyId")).toString() != crypto::Signing::keyIdOf(*publicKey)
        || key.value(QStringLiteral("fingerprint")).toString() != keyFingerprint(*publicKey)) {
        return invalid(QStringLiteral("signingKey: the key id or fingerprint does not belong to the public key"));
    }
    EnrollmentBundle b;
    b.council = o.value(QStringLiteral("council")).toString();
    b.endpoint = QUrl(o.value(QStringLiteral("endpoint")).toString(), QUrl::StrictMode);
    b.projectId = o.value(QStringLiteral("projectId")).toString();
    b.device = o.value(QStringLiteral("device")).toString();
    b.deviceToken = o.value(QStringLiteral("deviceToken")).toString().toLatin1();
    b.caCertificatePem = o.value(QStringLiteral("caCertificate")).toString().toLatin1();
    b.allowHttpLoopback = o.value(QStringLiteral("allowHttpLoopback")).toBool();
    b.signingPublicKey = *publicKey;
    b.issuedAt = QDateTime::fromString(o.value(QStringLiteral("issuedAt")).toString(), Qt::ISODate);
    b.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    auto pins = stringList(o, "pins", kMaxPins);
    auto surveys = stringList(o, "surveys", kMaxSurveys);
    if (!pins || !surveys) {
        return !pins ? pins.error() : surveys.error();
    }
    b.pins = *pins;
    b.surveys = *surveys;
    return b;
}

Status checkFields(const EnrollmentBundle &b)
{
    if (b.council.trimmed().isEmpty() || b.council.size() > 200
        || b.council.contains(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f]")))) {
        return invalid(QStringLiteral("\"council\" must be a name of 1-200 printable characters"));
    }
    if (!b.endpoint.isValid() || b.endpoint.host().isEmpty() || !b.endpoint.userInfo().isEmpty()
        || b.endpoint.hasQuery() || b.endpoint.hasFragment() || b.endpoint.toString().size() > 500) {
        return invalid(QStringLiteral("\"endpoint\" must be a plain https:// URL with a host and no query"));
    }
    const QString scheme = b.endpoint.scheme();
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(b.endpoint.host())) {
            return invalid(QStringLiteral("\"endpoint\" %1 uses plain http to another machine; only https is allowed "
                                          "(plain http is for 127.0.0.1 only)")
                               .arg(b.endpoint.host()));
        }
        if (!b.allowHttpLoopback) {
            return invalid(QStringLiteral("\"endpoint\" uses plain http but the bundle does not allow it "
                                          "(allowHttpLoopback)"));
        }
    } else if (scheme != QLatin1String("https")) {
        return invalid(QStringLiteral("\"endpoint\" must start with https://"));
    }
    if (!matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}", b.device)) {
        return invalid(QStringLiteral("\"device\" must be 1-64 characters of A-Z a-z 0-9 . _ -"));
    }
    if (!b.projectId.isEmpty() && !matches("[A-Za-z0-9._-]{1,100}", b.projectId)) {
        return invalid(QStringLiteral("\"projectId\" must be up to 100 characters of A-Z a-z 0-9 . _ -"));
    }
    if (!matches("[A-Za-z0-9_-]{16,200}", QString::fromLatin1(b.deviceToken))) {
        return invalid(QStringLiteral("\"deviceToken\" is not a receiver device token"));
    }
    if (b.pins.size() > kMaxPins || QSet<QString>(b.pins.cbegin(), b.pins.cend()).size() != b.pins.size()) {
        return invalid(QStringLiteral("\"pins\" must hold at most %1 different pins").arg(kMaxPins));
    }
    for (const QString &pin : b.pins) {
        if (!matches("sha256//[A-Za-z0-9+/]{43}=", pin)) {
            return invalid(QStringLiteral("pin \"%1\" is not of the form sha256//BASE64 (a SHA-256 of the "
                                          "server's public key; docs/deploy.md shows how to compute it)")
                               .arg(pin.left(80)));
        }
    }
    if (!b.caCertificatePem.isEmpty()
        && (b.caCertificatePem.size() > kMaxCaPem || !b.caCertificatePem.contains("-----BEGIN CERTIFICATE-----")
            || !b.caCertificatePem.contains("-----END CERTIFICATE-----"))) {
        return invalid(QStringLiteral("\"caCertificate\" must be a PEM certificate of at most %1 bytes").arg(kMaxCaPem));
    }
    if (b.signingPublicKey.size() != qsizetype(crypto::SigningKey::kPublicKeySize)) {
        return invalid(QStringLiteral("the council signing public key is missing"));
    }
    if (b.surveys.isEmpty() || b.surveys.size() > kMaxSurveys) {
        return invalid(QStringLiteral("\"surveys\" must name 1-%1 survey ids, or \"*\" for all").arg(kMaxSurveys));
    }
    for (const QString &id : b.surveys) {
        if (id != QLatin1String("*") && !matches("[A-Za-z_][A-Za-z0-9_.-]{0,63}", id)) {
            return invalid(QStringLiteral("survey id \"%1\" is not valid").arg(id.left(100)));
        }
    }
    if (!b.issuedAt.isValid() || !b.expiresAt.isValid() || b.issuedAt.timeSpec() != Qt::UTC
        || b.expiresAt.timeSpec() != Qt::UTC || b.expiresAt < b.issuedAt) {
        return invalid(QStringLiteral("\"issuedAt\" and \"expiresAt\" must be UTC times (…Z), expiry after issue"));
    }
    return {};
}

} // namespace chorus::enrollment::detail
