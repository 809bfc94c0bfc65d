// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Receiver events: method, route, status, instance ids, sizes, durations. Never tokens or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcReceiver)
