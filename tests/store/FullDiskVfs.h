// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// A SQLite VFS shim over the default one that fails writes with SQLITE_FULL once a byte
// budget is spent: a full disk, without needing root to mount a small tmpfs.
namespace chorus::store::testing::fulldisk {

inline constexpr const char *kVfsName = "chorus-fulldisk";

// Registers the shim (once). Returns false if SQLite refused it.
bool install();
// Bytes that may still be written; negative = unlimited.
void setBudget(qint64 bytes);
qint64 failedWrites();

} // namespace chorus::store::testing::fulldisk
