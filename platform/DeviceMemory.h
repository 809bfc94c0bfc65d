// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace chorus::platform {

// How much memory this device can give the app: the physical memory, or the limit of the
// control group the app runs in when that is lower (containers, systemd slices). 0 = unknown.
quint64 usableMemoryBytes();

// The pure part, for tests: `physical` bytes and the text of cgroup v2 `memory.max` (or v1
// `memory.limit_in_bytes`); "max", empty or unreadable text means no limit.
quint64 usableMemoryBytes(quint64 physical, const QByteArray &cgroupLimit);

} // namespace chorus::platform
