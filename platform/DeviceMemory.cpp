// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceMemory.h"

#include <QFile>

#include <unistd.h>

namespace chorus::platform {

namespace {

quint64 physicalMemory()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0) {
        return 0;
    }
    return static_cast<quint64>(pages) * static_cast<quint64>(pageSize);
}

// The limit of the cgroup this process is in: v2 keeps it at the unified mount point when the
// process sits in its own namespace (containers); v1 under memory/. Small files, read whole.
QByteArray cgroupLimitText()
{
    for (const char *path : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
        QFile file(QString::fromLatin1(path));
        if (file.open(QIODevice::ReadOnly)) {
            return file.read(64);
        }
    }
    return {};
}

} // namespace

quint64 usableMemoryBytes(quint64 physical, const QByteArray &cgroupLimit)
{
    bool ok = false;
    const quint64 limit = cgroupLimit.trimmed().toULongLong(&ok);
    // cgroup v1 writes "no limit" as a huge page-rounded number; anything above physical is that.
    if (!ok || limit == 0 || (physical != 0 && limit >= physical)) {
        return physical;
    }
    return limit;
}

quint64 usableMemoryBytes()
{
    return usableMemoryBytes(physicalMemory(), cgroupLimitText());
}

} // namespace chorus::platform
