// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceOutbox.h"

#include "StoreOutbox.h"
#include "store/SqliteStore.h"

#include <QFileInfo>

namespace chorus::cli {

namespace {
// The command owns the database for the length of one sync run.
class DeviceDatabaseOutbox final : public sync::StoreOutbox
{
public:
    explicit DeviceDatabaseOutbox(std::unique_ptr<store::SqliteStore> store)
        : sync::StoreOutbox(store->responses())
        , m_store(std::move(store))
    {
    }

private:
    std::unique_ptr<store::SqliteStore> m_store;
};
} // namespace

std::unique_ptr<sync::Outbox> openDeviceOutbox(const QString &dbPath, Error *error)
{
    // Syncing never creates a device database: a mistyped path must not look like "nothing to send".
    if (!QFileInfo::exists(dbPath)) {
        if (error) {
            *error = makeError(ErrorKind::NotFound,
                               QStringLiteral("%1: no such device database (check --db)").arg(dbPath));
        }
        return nullptr;
    }
    auto store = store::SqliteStore::open(dbPath);
    if (!store) {
        if (error) {
            *error = store.error();
        }
        return nullptr;
    }
    return std::make_unique<DeviceDatabaseOutbox>(std::move(*store));
}

} // namespace chorus::cli
