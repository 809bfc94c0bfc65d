// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "consent/QrMatrix.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace chorus::crypto {
class SigningKey;
}

namespace chorus::enrollment {

// Everything a device needs to join a council's collection: where to send, how to prove who
// it is, which TLS keys to trust, which signing key its survey packages must carry, and which
// surveys it runs. Format: docs/formats/enrollment-bundle.md. The device token is a secret:
// never log it, and wipe copies (wipe()) when done.
struct EnrollmentBundle {
    static constexpr int kFormatVersion = 1;

    QString council;            // shown to the operator before they accept
    QUrl endpoint;              // receiver base, e.g. https://collect.example.gov.uk
    QString projectId;          // optional, as the receiver names it
    QString device;             // this device's name on the receiver
    QByteArray deviceToken;     // Bearer token for /submission and /v1/packages
    QStringList pins;           // "sha256//BASE64" public-key pins: primary, then backup
    QByteArray caCertificatePem; // extra CA for a council's private PKI; empty: system store
    bool allowHttpLoopback = false; // plain http to 127.0.0.1 only (demos, tests)
    QByteArray signingPublicKey; // 32-byte Ed25519 key that signs this bundle and every package
    QStringList surveys;        // survey ids assigned, or {"*"} for all
    QDateTime issuedAt;         // UTC
    QDateTime expiresAt;        // UTC: the bundle must be used before this

    QString signingKeyId() const;
    QString fingerprint() const;
    bool assignsAllSurveys() const { return surveys.contains(QStringLiteral("*")); }
    void wipe();
};

// SHA-256 of the raw public key, first 80 bits in Crockford base32, four groups of four
// ("7K3M-Q9XA-2B4D-HJ8P"): short enough to read aloud and compare with what the admin sees.
QString keyFingerprint(const QByteArray &publicKey);

// Signs `bundle` with the council signing key (whose public key it must carry) and returns
// the file: a compact JSON object holding the base64 of the exact signed bytes and the
// detached signature. Refuses a bundle that readBundle() would refuse.
Result<QByteArray> writeBundle(const EnrollmentBundle &bundle, const crypto::SigningKey &key);

struct ReadOptions {
    QDateTime now;            // invalid: the current time
    bool checkExpiry = true;  // false when re-reading a bundle the device enrolled with earlier
    QByteArray expectedSigningKey; // non-empty: the bundle must carry this key (re-enrolment)
};

// Parses a bundle file, pasted text or a QR payload (surrounding whitespace is ignored):
// strict JSON, no unknown fields, size limits, signature, key fingerprint, expiry, and the
// URL rule (https, or http to loopback only when the bundle allows it).
Result<EnrollmentBundle> readBundle(const QByteArray &fileOrPastedText, const ReadOptions &options = {});

// The bundle file as one QR code (ECLEVEL M). Fails with a clear message when it does not fit
// (typically a large CA certificate): hand over the file instead.
Result<consent::QrMatrix> bundleQr(const QByteArray &bundleFile);

} // namespace chorus::enrollment
