// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnrollmentBundle.h"

#include "BundleFields.h"
#include "crypto/SecretBytes.h"
#include "crypto/Signing.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace chorus::enrollment {

namespace {

constexpr qsizetype kMaxFile = 64 * 1024;
const QString kOuterFormat = QStringLiteral("chorus-enrollment-signed");

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, QStringLiteral("enrollment bundle: ") + message);
}

} // namespace

QString EnrollmentBundle::signingKeyId() const
{
    return crypto::Signing::keyIdOf(signingPublicKey);
}

QString EnrollmentBundle::fingerprint() const
{
    return keyFingerprint(signingPublicKey);
}

void EnrollmentBundle::wipe()
{
    if (!deviceToken.isEmpty()) {
        sodium_memzero(deviceToken.data(), size_t(deviceToken.size()));
    }
    deviceToken.clear();
}

QString keyFingerprint(const QByteArray &publicKey)
{
    if (publicKey.isEmpty()) {
        return {};
    }
    // Crockford's alphabet: no I, L, O or U, so nothing reads as another character aloud.
    static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const QByteArray hash = QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256).left(10);
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : hash) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (!out.isEmpty() && out.size() % 5 == 4) {
                out += QLatin1Char('-');
            }
            out += QLatin1Char(kAlphabet[(buffer >> bits) & 31u]);
        }
    }
    return out;
}

Result<QByteArray> writeBundle(const EnrollmentBundle &bundle, const crypto::SigningKey &key)
{
    if (key.isNull()) {
        return invalid(QStringLiteral("no signing key loaded"));
    }
    if (key.publicKey() != bundle.signingPublicKey) {
        return invalid(QStringLiteral("the bundle must carry the public half of the key that signs it"));
    }
    // Whole seconds in UTC: what the file can hold, so the signed copy reads back equal.
    EnrollmentBundle normalised = bundle;
    for (QDateTime *time : {&normalised.issuedAt, &normalised.expiresAt}) {
        *time = time->toUTC();
        time->setTime(QTime(time->time().hour(), time->time().minute(), time->time().second()));
    }
    if (Status ok = detail::checkFields(normalised); !ok) {
        return ok.error();
    }
    const QByteArray signedBytes = QJsonDocument(detail::toJson(normalised)).toJson(QJsonDocument::Compact);
    const QByteArray signature = key.sign(signedBytes);
    const QJsonObject outer{{QStringLiteral("format"), kOuterFormat},
                            {QStringLiteral("version"), EnrollmentBundle::kFormatVersion},
                            {QStringLiteral("bundle"), QString::fromLatin1(signedBytes.toBase64())},
                            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
    QByteArray file = QJsonDocument(outer).toJson(QJsonDocument::Compact);
    if (file.size() > kMaxFile) {
        return invalid(QStringLiteral("%1 bytes is larger than a bundle may be (%2); use a smaller CA certificate")
                           .arg(file.size())
                           .arg(kMaxFile));
    }
    file.append('\n');
    return file;
}

Result<EnrollmentBundle> readBundle(const QByteArray &fileOrPastedText, const ReadOptions &options)
{
    const QByteArray text = fileOrPastedText.trimmed();
    if (text.isEmpty()) {
        return invalid(QStringLiteral("the file or pasted text is empty"));
    }
    if (text.size() > kMaxFile) {
        return invalid(QStringLiteral("%1 bytes is larger than any bundle (%2): is this the right file?")
                           .arg(text.size())
                           .arg(kMaxFile));
    }
    QJsonParseError parseError;
    const QJsonDocument outerDoc = QJsonDocument::fromJson(text, &parseError);
    if (!outerDoc.isObject()) {
        return invalid(QStringLiteral("not a Chorus enrollment bundle (not JSON: %1 at offset %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    }
    const QJsonObject outer = outerDoc.object();
    if (outer.value(QStringLiteral("format")).toString() != kOuterFormat) {
        return invalid(QStringLiteral("not a Chorus enrollment bundle (format is not \"%1\")").arg(kOuterFormat));
    }
    if (Status keys = detail::onlyKnownKeys(outer, {QStringLiteral("format"), QStringLiteral("version"),
                                                    QStringLiteral("bundle"), QStringLiteral("signature")},
                                            QString());
        !keys) {
        return keys.error();
    }
    if (outer.value(QStringLiteral("version")).toInt(-1) != EnrollmentBundle::kFormatVersion) {
        return makeError(ErrorKind::Unsupported,
                         QStringLiteral("enrollment bundle: format version %1 is not supported by this Chorus "
                                        "(it reads version %2); update Chorus or ask for a version %2 bundle")
                             .arg(outer.value(QStringLiteral("version")).toVariant().toString())
                             .arg(EnrollmentBundle::kFormatVersion));
    }
    const auto signedBytes = QByteArray::fromBase64Encoding(outer.value(QStringLiteral("bundle")).toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
    const auto signature = QByteArray::fromBase64Encoding(outer.value(QStringLiteral("signature")).toString().toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!signedBytes || signedBytes.decoded.isEmpty()) {
        return invalid(QStringLiteral("\"bundle\" is not base64: the file was damaged in transit"));
    }
    if (!signature || signature.decoded.size() != qsizetype(crypto::SigningKey::kSignatureSize)) {
        return invalid(QStringLiteral("\"signature\" is not a base64 Ed25519 signature: the file was damaged"));
    }
    const QJsonDocument innerDoc = QJsonDocument::fromJson(signedBytes.decoded, &parseError);
    if (!innerDoc.isObject()) {
        return makeError(ErrorKind::Crypto, QStringLiteral("enrollment bundle: the signed content is damaged "
                                                           "(not JSON); ask the admin for a new bundle"));
    }
    Result<EnrollmentBundle> bundle = detail::fromJson(innerDoc.object());
    if (!bundle) {
        return bundle;
    }
    if (!options.expectedSigningKey.isEmpty() && bundle->signingPublicKey != options.expectedSigningKey) {
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("enrollment bundle: signed by council key %1, but this device was enrolled "
                                        "with key %2; forget the old enrollment first if the council changed keys")
                             .arg(bundle->fingerprint(), keyFingerprint(options.expectedSigningKey)));
    }
    if (!crypto::Signing::verify(bundle->signingPublicKey, signedBytes.decoded, signature.decoded)) {
        return makeError(ErrorKind::Crypto,
                         QStringLiteral("enrollment bundle: the signature does not match: the bundle was altered "
                                        "after signing; do not use it, ask the admin for a new one"));
    }
    if (Status ok = detail::checkFields(*bundle); !ok) {
        return ok.error();
    }
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    if (options.checkExpiry && now > bundle->expiresAt) {
        return makeError(ErrorKind::Permission,
                         QStringLiteral("enrollment bundle: expired on %1 (UTC); ask the admin for a new bundle")
                             .arg(bundle->expiresAt.toString(Qt::ISODate)));
    }
    return bundle;
}

Result<consent::QrMatrix> bundleQr(const QByteArray &bundleFile)
{
    const QByteArray text = bundleFile.trimmed();
    Result<consent::QrMatrix> qr = consent::encodeQr(QString::fromUtf8(text));
    if (!qr) {
        return makeError(ErrorKind::InvalidInput,
                         QStringLiteral("the bundle (%1 bytes) does not fit in one QR code; give the device the "
                                        "bundle file instead (a CA certificate makes it large)")
                             .arg(text.size()));
    }
    return qr;
}

} // namespace chorus::enrollment
