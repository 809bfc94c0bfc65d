// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

namespace chorus {

// Called first thing in every Chorus main() (chorus, chorusctl, chorus-receiver, chorus-admin).
// A process holds answers, the operator passphrase and unwrapped keys in memory; a core file
// (written wherever core_pattern says, often world-readable, often kept by crash reporters) or
// another process of the same user attaching with ptrace would copy them out. So:
//  - RLIMIT_CORE goes to 0 (soft and hard), so no core file is written even if the process
//    becomes dumpable again (e.g. after exec);
//  - PR_SET_DUMPABLE 0: no core, /proc/PID/mem and ptrace only for root (CAP_SYS_PTRACE).
// Secrets that must not appear even in a root-taken dump live in SecretBytes (sodium_malloc:
// locked, excluded from core dumps, guard pages, wiped on free). docs/device-vault.md, "Memory and core dumps".
// Returns an error naming what could not be done; the caller warns and carries on.
Status hardenProcess();

// Whether hardenProcess() is in effect for this process (PR_GET_DUMPABLE is 0 and the core
// size limit is 0): for tests and the start-up log.
bool processIsHardened();

} // namespace chorus
