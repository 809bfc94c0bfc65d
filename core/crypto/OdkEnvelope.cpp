// SPDX-License-Identifier: GPL-3.0-or-later
#include "OdkEnvelope.h"

#include "OdkCipher.h"
#include "OdkManifest.h"
#include "OpenSslHandles.h"
#include "RsaOaep.h"

#include <openssl/crypto.h>
#include <sodium.h>

#include <QSet>

namespace chorus::crypto
{

using namespace detail;

namespace
{

constexpr std::size_t kRsaBufferSize = 256; // RSA-2048 block: the most OAEP can return

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            return true;
        }
    }
    return false;
}

Status checkName(const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || name == QLatin1String(".") || name == QLatin1String("..") || hasControlCharacters(name)
        || name.contains(QLatin1String("::"))) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("attachment name '%1' is not a plain file name").arg(name));
    }
    if (name == kOdkSubmissionXmlName) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("an attachment cannot be called submission.xml (ODK reserves that name)"));
    }
    return {};
}

Status checkSealInput(
    const QString &formId, const QString &formVersion, const QString &instanceId, const FileParts &attachments)
{
    if (formId.isEmpty() || hasControlCharacters(formId)) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the form id is empty or has control characters"));
    }
    // A newline in the version would shift the signature lines.
    if (hasControlCharacters(formVersion)) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("the form version has control characters"));
    }
    if (instanceId.isEmpty() || instanceId.trimmed() != instanceId || hasControlCharacters(instanceId)) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("the instanceID must be non-empty with no surrounding whitespace"));
    }
    QSet<QString> seen;
    for (const FilePart &part : attachments) {
        if (auto ok = checkName(part.name); !ok) {
            return ok;
        }
        if (seen.contains(part.name)) {
            return makeError(ErrorKind::InvalidInput, QStringLiteral("attachment '%1' appears twice").arg(part.name));
        }
        seen.insert(part.name);
    }
    return {};
}

// formId \n [version \n] base64EncryptedKey \n instanceID \n (name::md5hex \n)*
class SignatureSource
{
public:
    SignatureSource(const OdkManifest &m)
    {
        m_text = m.formId.toUtf8() + '\n';
        if (!m.formVersion.isEmpty()) {
            m_text += m.formVersion.toUtf8() + '\n';
        }
        m_text += m.base64EncryptedKey + '\n' + m.instanceId.toUtf8() + '\n';
    }
    void addFile(const QString &originalName, const QByteArray &plaintext)
    {
        m_text += originalName.toUtf8() + "::" + md5(plaintext).toHex() + '\n';
    }
    QByteArray digest() const { return md5(m_text); }

private:
    QByteArray m_text;
};

QString originalName(const QString &encryptedName)
{
    QString name = encryptedName;
    if (name.endsWith(kOdkEncryptedSuffix)) {
        name.chop(kOdkEncryptedSuffix.size());
    }
    return name;
}

const FilePart *findPart(const FileParts &files, const QString &name)
{
    for (const FilePart &part : files) {
        if (part.name == name) {
            return &part;
        }
    }
    return nullptr;
}

} // namespace

Result<SealedSubmission> OdkEnvelope::seal(const CouncilPublicKey &key, const QString &formId,
    const QString &formVersion, const QString &instanceId, const QByteArray &submissionXml,
    const FileParts &attachments)
{
    if (auto ok = checkSealInput(formId, formVersion, instanceId, attachments); !ok) {
        return ok.error();
    }
    if (key.isNull()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no council public key configured; cannot seal"));
    }
    const OdkKey aesKey = OdkKey::random();
    auto wrapped = rsaOaepEncrypt(key, aesKey.data(), aesKey.size());
    if (!wrapped) {
        return wrapped.error();
    }

    OdkManifest manifest;
    manifest.formId = formId;
    manifest.formVersion = formVersion;
    manifest.instanceId = instanceId;
    manifest.base64EncryptedKey = wrapped->toBase64();
    manifest.encryptedXmlFile = kOdkSubmissionXmlName + kOdkEncryptedSuffix;

    SignatureSource signature(manifest);
    OdkIvSequence ivs(instanceId, aesKey);
    SealedSubmission sealed;
    sealed.instanceId = instanceId;
    auto encryptOne = [&](const QString &name, const QByteArray &plaintext) -> Status {
        auto encrypted = odkAesEncrypt(aesKey, ivs.next(), plaintext);
        if (!encrypted) {
            return encrypted.error();
        }
        signature.addFile(name, plaintext);
        sealed.encryptedFiles.append(FilePart { name + kOdkEncryptedSuffix, std::move(*encrypted) });
        return {};
    };
    for (const FilePart &part : attachments) {
        if (auto ok = encryptOne(part.name, part.bytes); !ok) {
            return ok.error();
        }
        manifest.mediaFiles.append(part.name + kOdkEncryptedSuffix);
    }
    if (auto ok = encryptOne(kOdkSubmissionXmlName, submissionXml); !ok) {
        return ok.error();
    }

    const QByteArray digest = signature.digest();
    auto wrappedSignature = rsaOaepEncrypt(
        key, reinterpret_cast<const unsigned char *>(digest.constData()), static_cast<std::size_t>(digest.size()));
    if (!wrappedSignature) {
        return wrappedSignature.error();
    }
    manifest.base64EncryptedElementSignature = wrappedSignature->toBase64();
    sealed.manifest = manifest.toXml();
    return sealed;
}

Result<OpenedSubmission> OdkEnvelope::open(
    const CouncilPrivateKey &key, const QByteArray &manifestXml, const FileParts &files, bool verifySignature)
{
    return open(std::span<const CouncilPrivateKey>(&key, 1), manifestXml, files, verifySignature);
}

Result<OpenedSubmission> OdkEnvelope::open(std::span<const CouncilPrivateKey> keys, const QByteArray &manifestXml,
    const FileParts &files, bool verifySignature)
{
    auto parsed = OdkManifest::parse(manifestXml);
    if (!parsed) {
        return parsed.error();
    }
    const OdkManifest &manifest = *parsed;
    const QString &id = manifest.instanceId;
    auto failure = [&id](const QString &why) {
        return makeError(ErrorKind::Crypto, QStringLiteral("cannot decrypt submission %1: %2").arg(id, why));
    };

    auto wrapped = QByteArray::fromBase64Encoding(manifest.base64EncryptedKey, QByteArray::AbortOnBase64DecodingErrors);
    if (!wrapped) {
        return failure(QStringLiteral("base64EncryptedKey is not valid base64"));
    }
    const CouncilPrivateKey *usedKey = nullptr;
    OdkKey aesKey;
    QStringList tried;
    for (const CouncilPrivateKey &key : keys) {
        unsigned char buffer[kRsaBufferSize];
        auto unwrapped = rsaOaepDecryptInto(key, *wrapped, buffer, sizeof buffer);
        const bool fits = unwrapped && *unwrapped == kOdkKeySize;
        if (fits) {
            std::memcpy(aesKey.data(), buffer, kOdkKeySize);
        }
        sodium_memzero(buffer, sizeof buffer);
        if (fits) {
            usedKey = &key;
            break;
        }
        tried.append(key.keyId());
    }
    if (!usedKey) {
        return failure(tried.size() == 1
                ? QStringLiteral("the council key %1 does not unwrap its key (wrong key, or the key was "
                                 "wrapped with the wrong OAEP/MGF1 hash)")
                      .arg(tried.constFirst())
                : QStringLiteral("none of the %1 council keys (%2) unwraps its key")
                      .arg(tried.size())
                      .arg(tried.join(QStringLiteral(", "))));
    }
    const CouncilPrivateKey &key = *usedKey;

    OpenedSubmission opened;
    opened.formId = manifest.formId;
    opened.formVersion = manifest.formVersion;
    opened.instanceId = id;
    SignatureSource signature(manifest);
    OdkIvSequence ivs(id, aesKey);
    opened.councilKeyId = key.keyId();
    auto decryptOne = [&](const QString &encryptedName, const QString &originalName) -> Result<QByteArray> {
        const FilePart *part = findPart(files, encryptedName);
        if (!part) {
            return makeError(
                ErrorKind::InvalidInput, QStringLiteral("submission %1 is missing its part %2").arg(id, encryptedName));
        }
        auto plain = odkAesDecrypt(aesKey, ivs.next(), part->bytes);
        if (!plain) {
            return failure(QStringLiteral("%1: %2").arg(encryptedName, plain.error().message));
        }
        signature.addFile(originalName, *plain);
        return plain;
    };
    // Partial plaintext must not outlive a failure.
    auto abandon = [&opened](const Error &error) {
        for (FilePart &part : opened.attachments) {
            wipe(part.bytes);
        }
        return error;
    };
    for (const QString &media : manifest.mediaFiles) {
        // The name comes from an untrusted manifest and ends up as a file name in exports.
        const QString original = originalName(media);
        if (auto ok = checkName(original); !ok) {
            return abandon(
                makeError(ErrorKind::InvalidInput, QStringLiteral("submission %1: %2").arg(id, ok.error().message)));
        }
        auto plain = decryptOne(media, original);
        if (!plain) {
            return abandon(plain.error());
        }
        opened.attachments.append(FilePart { original, std::move(*plain) });
    }
    auto xml = decryptOne(manifest.encryptedXmlFile, originalName(manifest.encryptedXmlFile));
    if (!xml) {
        return abandon(xml.error());
    }
    opened.xml = std::move(*xml);

    if (verifySignature && !manifest.base64EncryptedElementSignature.isEmpty()) {
        auto wrappedSig = QByteArray::fromBase64Encoding(
            manifest.base64EncryptedElementSignature, QByteArray::AbortOnBase64DecodingErrors);
        if (wrappedSig) {
            unsigned char stored[kRsaBufferSize];
            auto size = rsaOaepDecryptInto(key, *wrappedSig, stored, sizeof stored);
            const QByteArray expected = signature.digest();
            opened.signatureValid = size && *size == static_cast<std::size_t>(expected.size())
                && CRYPTO_memcmp(stored, expected.constData(), *size) == 0;
        }
    }
    return opened;
}

} // namespace chorus::crypto
