// SPDX-License-Identifier: GPL-3.0-or-later
#include "FullDiskVfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace chorus::store::testing::fulldisk {

namespace {

std::atomic<qint64> g_budget{-1};
std::atomic<qint64> g_failed{0};
sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_shim;
sqlite3_io_methods g_methods;

// Our file object, with the real VFS's file object right behind it.
struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;
};

sqlite3_file *real(sqlite3_file *file)
{
    return reinterpret_cast<ShimFile *>(file)->real;
}

int shimWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    qint64 budget = g_budget.load();
    while (budget >= 0) {
        if (budget < amount) {
            ++g_failed;
            return SQLITE_FULL;
        }
        if (g_budget.compare_exchange_weak(budget, budget - amount)) {
            break;
        }
    }
    return real(file)->pMethods->xWrite(real(file), data, amount, offset);
}

int shimClose(sqlite3_file *f) { return real(f)->pMethods->xClose(real(f)); }
int shimRead(sqlite3_file *f, void *d, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), d, n, o); }
int shimTruncate(sqlite3_file *f, sqlite3_int64 s) { return real(f)->pMethods->xTruncate(real(f), s); }
int shimSync(sqlite3_file *f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int shimFileSize(sqlite3_file *f, sqlite3_int64 *s) { return real(f)->pMethods->xFileSize(real(f), s); }
int shimLock(sqlite3_file *f, int l) { return real(f)->pMethods->xLock(real(f), l); }
int shimUnlock(sqlite3_file *f, int l) { return real(f)->pMethods->xUnlock(real(f), l); }
int shimCheckReserved(sqlite3_file *f, int *r) { return real(f)->pMethods->xCheckReservedLock(real(f), r); }
int shimFileControl(sqlite3_file *f, int op, void *a) { return real(f)->pMethods->xFileControl(real(f), op, a); }
int shimSectorSize(sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); }
int shimDeviceCharacteristics(sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int shimShmMap(sqlite3_file *f, int i, int s, int e, void volatile **p)
{
    return real(f)->pMethods->xShmMap(real(f), i, s, e, p);
}
int shimShmLock(sqlite3_file *f, int o, int n, int fl) { return real(f)->pMethods->xShmLock(real(f), o, n, fl); }
void shimShmBarrier(sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); }
int shimShmUnmap(sqlite3_file *f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); }
int shimFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **p) { return real(f)->pMethods->xFetch(real(f), o, n, p); }
int shimUnfetch(sqlite3_file *f, sqlite3_int64 o, void *p) { return real(f)->pMethods->xUnfetch(real(f), o, p); }

int shimOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *shim = reinterpret_cast<ShimFile *>(file);
    shim->real = reinterpret_cast<sqlite3_file *>(shim + 1);
    const int rc = g_real->xOpen(g_real, name, shim->real, flags, outFlags);
    // SQLite calls xClose only when pMethods is set, so set it only on success.
    shim->base.pMethods = (rc == SQLITE_OK && shim->real->pMethods) ? &g_methods : nullptr;
    return rc;
}

} // namespace

bool install()
{
    if (sqlite3_vfs_find(kVfsName)) {
        return true;
    }
    g_real = sqlite3_vfs_find(nullptr);
    if (!g_real) {
        return false;
    }
    g_shim = *g_real;
    g_shim.zName = kVfsName;
    g_shim.szOsFile = int(sizeof(ShimFile)) + g_real->szOsFile;
    g_shim.xOpen = shimOpen;
    g_shim.pNext = nullptr;

    std::memset(&g_methods, 0, sizeof g_methods);
    g_methods.iVersion = 3;
    g_methods.xClose = shimClose;
    g_methods.xRead = shimRead;
    g_methods.xWrite = shimWrite;
    g_methods.xTruncate = shimTruncate;
    g_methods.xSync = shimSync;
    g_methods.xFileSize = shimFileSize;
    g_methods.xLock = shimLock;
    g_methods.xUnlock = shimUnlock;
    g_methods.xCheckReservedLock = shimCheckReserved;
    g_methods.xFileControl = shimFileControl;
    g_methods.xSectorSize = shimSectorSize;
    g_methods.xDeviceCharacteristics = shimDeviceCharacteristics;
    g_methods.xShmMap = shimShmMap;
    g_methods.xShmLock = shimShmLock;
    g_methods.xShmBarrier = shimShmBarrier;
    g_methods.xShmUnmap = shimShmUnmap;
    g_methods.xFetch = shimFetch;
    g_methods.xUnfetch = shimUnfetch;
    return sqlite3_vfs_register(&g_shim, 0) == SQLITE_OK;
}

void setBudget(qint64 bytes)
{
    g_budget = bytes;
}

qint64 failedWrites()
{
    return g_failed.load();
}

} // namespace chorus::store::testing::fulldisk
