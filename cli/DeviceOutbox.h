// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Outbox.h"
#include "common/Result.h"

#include <QString>

#include <functional>
#include <memory>

namespace chorus::cli {

// The device store's outbox for `chorusctl sync --db` and the app's sync; returns nullptr and
// fills `error` when the database cannot be opened. It applies the envelope retention rule
// (store/Retention.h) when opened and after every acceptance, so every sync run leaves only the
// accepted envelopes still inside their retention period.
std::unique_ptr<sync::Outbox> openDeviceOutbox(const QString &dbPath, Error *error);

// Tests replace the opener to run the command against an in-memory outbox; pass {} to restore.
using OutboxOpener = std::function<std::unique_ptr<sync::Outbox>(const QString &dbPath, Error *error)>;
void setOutboxOpenerForTests(OutboxOpener opener);

} // namespace chorus::cli
