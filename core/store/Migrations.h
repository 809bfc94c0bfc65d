// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <span>

namespace chorus::store {

class Database;

// One schema step: the statements that take user_version from `version - 1` to `version`.
struct Migration {
    int version;
    std::span<const char *const> statements;
};

// The schema version this build writes. A database with a higher user_version was written by
// a newer Chorus and is refused.
inline constexpr int kSchemaVersion = 3;

std::span<const Migration> migrations();

// Applies every missing step, each in its own transaction together with its user_version
// bump, so a failure leaves the database at the last complete version.
Status migrateToCurrent(Database &db);
// The same, over a given list (for tests of the migrator).
Status migrate(Database &db, std::span<const Migration> steps);

} // namespace chorus::store
