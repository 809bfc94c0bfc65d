// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyDirectory.h"

#include "common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chorus::crypto
{

namespace
{

const QString kCouncilPub = QStringLiteral("council-rsa.pub");
const QString kCouncilKey = QStringLiteral("council-rsa.key");
const QString kSigningPub = QStringLiteral("signing-ed25519.pub");
const QString kSigningKey = QStringLiteral("signing-ed25519.key");
const QString kKeysJson = QStringLiteral("keys.json");
const QString kRetiredDir = QStringLiteral("retired");
constexpr qint64 kMaxFile = 256 * 1024;

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime parseIso(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

Result<QByteArray> readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return makeError(
            ErrorKind::NotFound, QStringLiteral("%1: no such file (run `chorusctl keys init`?)").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    }
    QByteArray bytes = file.read(kMaxFile + 1);
    if (bytes.size() > kMaxFile) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1: too large to be a key file").arg(path));
    }
    return bytes;
}

} // namespace

KeyDirectory::KeyDirectory(QString path) : m_path(std::move(path)) { }

QString KeyDirectory::filePath(const QString &name) const
{
    return QDir::cleanPath(m_path + QLatin1Char('/') + name);
}

bool KeyDirectory::holdsKeys() const
{
    for (const QString &name : { kCouncilPub, kCouncilKey, kSigningPub, kSigningKey, kKeysJson }) {
        if (QFileInfo::exists(filePath(name))) {
            return true;
        }
    }
    return false;
}

Status KeyDirectory::writeSecretFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = filePath(name);
    const QString dir = QFileInfo(path).absolutePath();
    if (Status made = makeDirectory(dir); !made) {
        return made;
    }
    // A key folder made by hand (or by an older Chorus) is made private too.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return writeFileAtomically(path, bytes);
}

Status KeyDirectory::writeInfo(const KeyDirectoryInfo &info) const
{
    QJsonArray retired;
    for (const RetiredKeyInfo &key : info.retired) {
        retired.append(QJsonObject {
            { QStringLiteral("keyId"), key.keyId },
            { QStringLiteral("algorithm"), QStringLiteral("RSA-2048") },
            { QStringLiteral("privateKeyFile"),
                QString(kRetiredDir + QLatin1Char('/') + key.keyId + QStringLiteral(".key")) },
            { QStringLiteral("createdAt"), iso(key.createdAt) },
            { QStringLiteral("retiredAt"), iso(key.retiredAt) },
        });
    }
    const QJsonObject root {
        { QStringLiteral("format"), 1 },
        { QStringLiteral("council"),
            QJsonObject {
                { QStringLiteral("keyId"), info.councilKeyId },
                { QStringLiteral("algorithm"), QStringLiteral("RSA-2048 (ODK: OAEP SHA-256, MGF1-SHA-256)") },
                { QStringLiteral("publicKeyFile"), kCouncilPub },
                { QStringLiteral("privateKeyFile"), kCouncilKey },
                { QStringLiteral("createdAt"), iso(info.councilCreatedAt) },
            } },
        { QStringLiteral("signing"),
            QJsonObject {
                { QStringLiteral("keyId"), info.signingKeyId },
                { QStringLiteral("algorithm"), QStringLiteral("Ed25519") },
                { QStringLiteral("publicKeyFile"), kSigningPub },
                { QStringLiteral("privateKeyFile"), kSigningKey },
                { QStringLiteral("createdAt"), iso(info.signingCreatedAt) },
            } },
        { QStringLiteral("retired"), retired },
    };
    return writeSecretFile(kKeysJson, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

Result<KeyDirectoryInfo> KeyDirectory::init(const QByteArray &passphrase, const KdfParams &kdf, bool force)
{
    if (holdsKeys() && !force) {
        return makeError(ErrorKind::Conflict,
            QStringLiteral("%1 already holds keys; refusing to overwrite them (use `keys rotate` to "
                           "replace the council key, or --force to destroy the old keys)")
                .arg(m_path));
    }
    auto council = generateCouncilKeyPair();
    if (!council) {
        return council.error();
    }
    auto signing = SigningKey::generate();
    if (!signing) {
        return signing.error();
    }
    auto der = council->privateKey.toPkcs8Der();
    if (!der) {
        return der.error();
    }
    auto councilFile = KeyFile::encrypt(*der, KeyFileContent::RsaPrivateKeyPkcs8, passphrase, kdf);
    if (!councilFile) {
        return councilFile.error();
    }
    auto signingFile = KeyFile::encrypt(signing->secretKey(), KeyFileContent::Ed25519SecretKey, passphrase, kdf);
    if (!signingFile) {
        return signingFile.error();
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    KeyDirectoryInfo info;
    info.councilKeyId = council->publicKey.keyId();
    info.councilPublicKeyBase64 = council->publicKey.toBase64();
    info.councilCreatedAt = now;
    info.signingKeyId = signing->keyId();
    info.signingPublicKeyBase64 = signing->publicKey().toBase64();
    info.signingCreatedAt = now;

    // keys.json last: its presence means the set is complete.
    QFile::remove(filePath(kKeysJson));
    for (const auto &[name, bytes] : { std::pair { kCouncilKey, *councilFile }, std::pair { kSigningKey, *signingFile },
             std::pair { kCouncilPub, QByteArray(info.councilPublicKeyBase64 + '\n') },
             std::pair { kSigningPub, QByteArray(info.signingPublicKeyBase64 + '\n') } }) {
        if (auto ok = writeSecretFile(name, bytes); !ok) {
            return ok.error();
        }
    }
    if (auto ok = writeInfo(info); !ok) {
        return ok.error();
    }
    return info;
}

Result<KeyDirectoryInfo> KeyDirectory::info() const
{
    auto json = readSmallFile(filePath(kKeysJson));
    if (!json) {
        return json.error();
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &parseError);
    if (!doc.isObject()) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1: not valid JSON (%2)").arg(filePath(kKeysJson), parseError.errorString()));
    }
    const QJsonObject root = doc.object();
    const QJsonObject council = root.value(QStringLiteral("council")).toObject();
    const QJsonObject signing = root.value(QStringLiteral("signing")).toObject();
    KeyDirectoryInfo info;
    info.councilKeyId = council.value(QStringLiteral("keyId")).toString();
    info.councilCreatedAt = parseIso(council.value(QStringLiteral("createdAt")));
    info.signingKeyId = signing.value(QStringLiteral("keyId")).toString();
    info.signingCreatedAt = parseIso(signing.value(QStringLiteral("createdAt")));
    for (const QJsonValue &value : root.value(QStringLiteral("retired")).toArray()) {
        const QJsonObject retired = value.toObject();
        info.retired.append(RetiredKeyInfo { retired.value(QStringLiteral("keyId")).toString(),
            parseIso(retired.value(QStringLiteral("createdAt"))),
            parseIso(retired.value(QStringLiteral("retiredAt"))) });
    }

    auto councilPub = councilPublicKey();
    if (!councilPub) {
        return councilPub.error();
    }
    info.councilPublicKeyBase64 = councilPub->toBase64();
    if (councilPub->keyId() != info.councilKeyId) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1 does not match the key id in %2; the directory is inconsistent")
                .arg(filePath(kCouncilPub), filePath(kKeysJson)));
    }
    auto signingBytes = readSmallFile(filePath(kSigningPub));
    if (!signingBytes) {
        return signingBytes.error();
    }
    auto signingPub = Signing::publicKeyFromBase64(*signingBytes);
    if (!signingPub) {
        return makeError(
            ErrorKind::InvalidInput, QStringLiteral("%1: %2").arg(filePath(kSigningPub), signingPub.error().message));
    }
    info.signingPublicKeyBase64 = signingPub->toBase64();
    return info;
}

Result<CouncilPublicKey> KeyDirectory::councilPublicKey() const
{
    auto bytes = readSmallFile(filePath(kCouncilPub));
    if (!bytes) {
        return bytes.error();
    }
    auto key = CouncilPublicKey::fromBase64(*bytes);
    if (!key) {
        return makeError(key.error().kind, QStringLiteral("%1: %2").arg(filePath(kCouncilPub), key.error().message));
    }
    return key;
}

Result<CouncilPrivateKey> KeyDirectory::loadCouncilKeyFile(const QString &name, const QByteArray &passphrase) const
{
    auto bytes = readSmallFile(filePath(name));
    if (!bytes) {
        return bytes.error();
    }
    auto der = KeyFile::decrypt(*bytes, KeyFileContent::RsaPrivateKeyPkcs8, passphrase, filePath(name));
    if (!der) {
        return der.error();
    }
    return CouncilPrivateKey::fromPkcs8Der(*der);
}

Result<CouncilPrivateKey> KeyDirectory::loadCouncilPrivateKey(const QByteArray &passphrase) const
{
    auto key = loadCouncilKeyFile(kCouncilKey, passphrase);
    if (!key) {
        return key.error();
    }
    auto pub = councilPublicKey();
    if (pub && pub->keyId() != key->keyId()) {
        return makeError(ErrorKind::InvalidInput,
            QStringLiteral("%1 and %2 are not a pair; the directory is inconsistent")
                .arg(filePath(kCouncilKey), filePath(kCouncilPub)));
    }
    return key;
}

Result<QList<CouncilPrivateKey>> KeyDirectory::loadRetiredCouncilKeys(const QByteArray &passphrase) const
{
    auto current = info();
    if (!current) {
        return current.error();
    }
    QList<CouncilPrivateKey> keys;
    for (const RetiredKeyInfo &retired : current->retired) {
        auto key
            = loadCouncilKeyFile(kRetiredDir + QLatin1Char('/') + retired.keyId + QStringLiteral(".key"), passphrase);
        if (!key) {
            return key.error();
        }
        keys.append(std::move(*key));
    }
    return keys;
}

Result<SigningKey> KeyDirectory::loadSigningKey(const QByteArray &passphrase) const
{
    auto bytes = readSmallFile(filePath(kSigningKey));
    if (!bytes) {
        return bytes.error();
    }
    auto secret = KeyFile::decrypt(*bytes, KeyFileContent::Ed25519SecretKey, passphrase, filePath(kSigningKey));
    if (!secret) {
        return secret.error();
    }
    return SigningKey::fromSecretKey(std::move(*secret));
}

Result<KeyDirectoryInfo> KeyDirectory::rotate(const QByteArray &passphrase, const KdfParams &kdf)
{
    auto current = info();
    if (!current) {
        return current.error();
    }
    // Proves the passphrase before anything moves, so a typo cannot strand the old key.
    auto oldKey = loadCouncilPrivateKey(passphrase);
    if (!oldKey) {
        return oldKey.error();
    }
    auto oldFile = readSmallFile(filePath(kCouncilKey));
    if (!oldFile) {
        return oldFile.error();
    }
    auto council = generateCouncilKeyPair();
    if (!council) {
        return council.error();
    }
    auto der = council->privateKey.toPkcs8Der();
    if (!der) {
        return der.error();
    }
    auto councilFile = KeyFile::encrypt(*der, KeyFileContent::RsaPrivateKeyPkcs8, passphrase, kdf);
    if (!councilFile) {
        return councilFile.error();
    }
    // Retired copy first: at every point on disk the old key exists somewhere.
    const QString retiredName = kRetiredDir + QLatin1Char('/') + current->councilKeyId + QStringLiteral(".key");
    if (auto ok = writeSecretFile(retiredName, *oldFile); !ok) {
        return ok.error();
    }
    KeyDirectoryInfo next = *current;
    next.retired.append(
        RetiredKeyInfo { current->councilKeyId, current->councilCreatedAt, QDateTime::currentDateTimeUtc() });
    next.councilKeyId = council->publicKey.keyId();
    next.councilPublicKeyBase64 = council->publicKey.toBase64();
    next.councilCreatedAt = QDateTime::currentDateTimeUtc();
    if (auto ok = writeSecretFile(kCouncilKey, *councilFile); !ok) {
        return ok.error();
    }
    if (auto ok = writeSecretFile(kCouncilPub, QByteArray(next.councilPublicKeyBase64 + '\n')); !ok) {
        return ok.error();
    }
    if (auto ok = writeInfo(next); !ok) {
        return ok.error();
    }
    return next;
}

} // namespace chorus::crypto
