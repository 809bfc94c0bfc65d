// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
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
// from then on this device cannot read the response back.
class Finalizer
{
public:
    explicit Finalizer(store::Store &store);

    // Returns the instanceID that was stored. Nothing is stored on failure.
    Result<QString> finalize(const survey::SurveyPackage &package, const Response &response);

private:
    store::Store &m_store;
};

} // namespace chorus::response
