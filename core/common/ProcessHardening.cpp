// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProcessHardening.h"

#include <cerrno>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace chorus {

Status hardenProcess()
{
    // The limit first: it also covers a later exec, which resets the dumpable flag.
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        return makeError(ErrorKind::Internal, QStringLiteral("core dumps could not be switched off (setrlimit: %1)")
                                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return makeError(ErrorKind::Internal, QStringLiteral("the process could not be made non-dumpable (prctl: %1)")
                                                  .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    return {};
}

bool processIsHardened()
{
    rlimit core{};
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 && getrlimit(RLIMIT_CORE, &core) == 0 && core.rlim_cur == 0
        && core.rlim_max == 0;
}

} // namespace chorus
