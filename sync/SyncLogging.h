// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Sync events: record ids, states, HTTP statuses, counts. Never tokens, answers or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
