// SPDX-License-Identifier: GPL-3.0-or-later
#include "Version.h"

namespace chorus {
QString appVersion()
{
    return QStringLiteral(CHORUS_VERSION);
}
}
