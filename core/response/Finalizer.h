// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crypto/CouncilKeys.h"
#include "response/Response.h"

#include <QString>

namespace chorus::survey {
struct SurveyPackage;
}
namespace chorus::store {
class Store;
}

namespace chorus::response {

// Finalization, the one path the app and `chorusctl collect` share: serialize the
// deterministic submission XML, seal it as an ODK encrypted submission to the council key the
// survey package carries, and store the exact bytes with their outbox state in one
// transaction (which also deletes the draft). The plaintext copy is wiped before returning;
// from then on this device cannot read the response back. One Finalizer per store and thread.
class Finalizer
{
public:
    explicit Finalizer(store::Store &store);

    // Returns the instanceID that was stored. Nothing is stored on failure.
    Result<QString> finalize(const survey::SurveyPackage &package, const Response &response);

private:
    Result<crypto::CouncilPublicKey> councilKey(const survey::SurveyPackage &package);

    store::Store &m_store;
    // The last survey's key, parsed once: with OpenSSL 3, decoding an RSA public key costs more
    // than the RSA operation itself, and every response of a survey uses the same key.
    QString m_keyBase64;
    crypto::CouncilPublicKey m_key;
};

} // namespace chorus::response
