// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "survey/SurveyLoader.h"

#include <QByteArray>
#include <QMap>

namespace chorus::survey {

// Detached Ed25519 signatures (libsodium) over the exact bytes of a survey package. Whoever can
// swap a package can swap the encryption key in it, so a device accepts only packages signed
// by the council signing key it was enrolled with.
//
// File forms: a signature file (`FILE.sig`) holds the base64 of the 64-byte signature on one
// line; a public key is the base64 of 32 bytes, a secret key the base64 of 64 bytes.
struct SigningKeyPair {
    QByteArray publicKey; // 32 bytes
    QByteArray secretKey; // 64 bytes; the caller wipes it (sodium_memzero via wipeSecret)
};

SigningKeyPair generateSigningKeyPair();
void wipeSecret(QByteArray &secret);

Result<QByteArray> signPackage(const QByteArray &packageBytes, const QByteArray &secretKey);
Status verifyPackageSignature(const QByteArray &packageBytes, const QByteArray &signature, const QByteArray &publicKey);

// Decodes a one-line base64 file body of exactly `size` bytes; `what` names it in errors.
Result<QByteArray> decodeBase64Key(const QByteArray &text, qsizetype size, const QString &what);

// What a device checks before it offers a package to anyone: the signature against its
// enrolled key, then the package itself, then that it is not older than the version of the
// same survey it already has (`installedVersions`: survey id -> version).
struct AcceptPolicy {
    QByteArray enrolledSigningKey; // 32 bytes
    QMap<QString, QString> installedVersions;
};
Result<SurveyPackage> acceptSignedPackage(const QByteArray &packageBytes, const QByteArray &signature,
                                          const AcceptPolicy &policy, ValidationReport *report = nullptr);

// The same for a package file and its signature file (`signaturePath`; FILE.sig when empty), as
// `chorusctl collect` and the app's --survey FILE take them. Errors name the file.
Result<SurveyPackage> acceptSignedPackageFile(const QString &packagePath, const QString &signaturePath,
                                              const AcceptPolicy &policy, ValidationReport *report = nullptr);

// A public key file (one line of base64, e.g. signing-ed25519.pub): its 32 bytes.
Result<QByteArray> readSigningPublicKeyFile(const QString &path);

} // namespace chorus::survey
