// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CouncilKeys.h"
#include "common/FilePart.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <span>

namespace chorus::crypto
{

// What a device stores and sync sends, byte for byte: the plaintext manifest (the OpenRosa
// `xml_submission_file`) and the encrypted parts, attachments "*.enc" in order, then
// "submission.xml.enc". Each part's multipart field name must equal its FilePart name.
struct SealedSubmission {
    QString instanceId;
    QByteArray manifest;
    FileParts encryptedFiles;
};

struct OpenedSubmission {
    QString formId;
    QString formVersion;
    QString instanceId;
    QByteArray xml;
    FileParts attachments; // original names, in manifest order
    // The ODK "signature" (an MD5 over ids and file digests, RSA-wrapped with the public key)
    // matched. Anyone holding the public key can forge it: it proves integrity, not origin.
    bool signatureValid = false;
    QString councilKeyId; // the key that opened it
};

// The ODK encrypted-submission envelope, as Collect, Enketo, Briefcase and Central agree on
// it (docs reference/odk-encryption.md): one random AES-256 key per submission, wrapped with
// RSA-OAEP(SHA-256, MGF1-SHA-256); AES-256-CFB128 + PKCS#7 with IVs derived from
// MD5(instanceID ‖ key); attachments first, the XML last; the signature element.
// The AES key and every intermediate plaintext copy are wiped before returning.
class OdkEnvelope
{
public:
    static Result<SealedSubmission> seal(const CouncilPublicKey &key, const QString &formId, const QString &formVersion,
        const QString &instanceId, const QByteArray &submissionXml, const FileParts &attachments = {});

    // Admin side. A wrong key fails with ErrorKind::Crypto naming the instanceID; a damaged
    // file either fails the same way or returns signatureValid == false. verifySignature
    // costs a second RSA private operation.
    static Result<OpenedSubmission> open(
        const CouncilPrivateKey &key, const QByteArray &manifest, const FileParts &files, bool verifySignature = true);
    // Tries each key in order until one unwraps the submission key (manifests do not name
    // the key): put the likeliest first. Used by KeyRing after a key rotation.
    static Result<OpenedSubmission> open(std::span<const CouncilPrivateKey> keys, const QByteArray &manifest,
        const FileParts &files, bool verifySignature = true);
};

} // namespace chorus::crypto
