// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "consent/WithdrawalMatcher.h"
#include "crypto/KeyRing.h"

#include <QString>

namespace chorus::cli
{

// Every withdrawal request that applies to the pulled submissions: the ones sealed like
// responses (found by a first decrypting pass, without the signature check, since a request
// may come after the response it withdraws) and the ones recorded by `chorusctl withdrawals
// add`. Export and report then apply them before anything is written.
Status collectPulledWithdrawals(
    const crypto::KeyRing &ring, const QString &adminDir, int workers, consent::WithdrawalMatcher &matcher);

} // namespace chorus::cli
