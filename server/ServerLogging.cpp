// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerLogging.h"

Q_LOGGING_CATEGORY(lcReceiver, "chorus.receiver")
