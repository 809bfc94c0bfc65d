// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceOutbox.h"

#include "StoreOutbox.h"
#include "common/Logging.h"
#include "store/Retention.h"
#include "store/SqliteStore.h"

#include <QFileInfo>

namespace chorus::cli {

namespace {

// The retention rule is housekeeping: a failure is logged, never allowed to stop a sync.
void retain(store::Store &store, const char *when)
{
    auto removed = store::applyRetention(store, QDateTime::currentDateTimeUtc());
    if (!removed) {
        qCWarning(lcStore) << "envelope retention" << when << "failed:" << removed.error().message;
    } else if (*removed > 0) {
        qCInfo(lcStore) << "envelope retention" << when << "removed" << *removed << "accepted envelope(s)";
    }
}

// The command owns the database for the length of one sync run. The retention rule for
// accepted envelopes runs when the run starts (envelopes whose N days ran out while the device
// was idle) and after every acceptance (so "0 days" means gone as soon as the server has it).
class DeviceDatabaseOutbox final : public sync::StoreOutbox
{
public:
    explicit DeviceDatabaseOutbox(std::unique_ptr<store::SqliteStore> store)
        : sync::StoreOutbox(store->responses())
        , m_store(std::move(store))
    {
        retain(*m_store, "before sync");
    }

    Status markAccepted(const QString &instanceId) override
    {
        if (Status accepted = sync::StoreOutbox::markAccepted(instanceId); !accepted) {
            return accepted;
        }
        retain(*m_store, "after acceptance");
        return {};
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
