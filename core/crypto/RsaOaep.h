// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CouncilKeys.h"

namespace chorus::crypto
{

// RSA-OAEP exactly as ODK needs it: SHA-256 for the OAEP digest *and* for MGF1, no label.
// OpenSSL 3 defaults both to SHA-1, and Java's stock `OAEPWithSHA-256AndMGF1Padding` means
// MGF1-SHA-1; either mistake yields a key that ODK Central silently unwraps to garbage.
Result<QByteArray> rsaOaepEncrypt(const CouncilPublicKey &key, const unsigned char *data, std::size_t size);
Result<SecretBytes> rsaOaepDecrypt(const CouncilPrivateKey &key, const QByteArray &ciphertext);
// Decrypts into a caller buffer (e.g. on the stack, wiped by the caller); returns the length.
Result<std::size_t> rsaOaepDecryptInto(
    const CouncilPrivateKey &key, const QByteArray &ciphertext, unsigned char *out, std::size_t capacity);

// RSA private operations attempted by this process so far (all threads). The private operation
// is what decrypting costs; tests and benchmarks count it per record to keep export and report
// at one unwrap plus one signature check per envelope.
quint64 rsaPrivateOperations();

} // namespace chorus::crypto
