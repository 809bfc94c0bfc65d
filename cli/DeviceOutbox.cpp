// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER until the store adapter lands: the lead replaces this file with the adapter that
// opens the device database's outbox. It exists only so chorusctl links meanwhile.
#include "DeviceOutbox.h"

namespace chorus::cli {

std::unique_ptr<sync::Outbox> openDeviceOutbox(const QString &dbPath, Error *error)
{
    if (error) {
        *error = makeError(ErrorKind::Unsupported,
                           QStringLiteral("%1: this chorusctl was built without the device store").arg(dbPath));
    }
    return nullptr;
}

} // namespace chorus::cli
