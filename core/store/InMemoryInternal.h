// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared between the in-memory fakes; not part of the store's interface.

#include "InMemoryStore.h"

namespace chorus::store::inmemory {

using Data = InMemoryStore::Data;

// Stored times have millisecond precision; the fakes round the same way SQLite storage does.
inline QDateTime stored(const QDateTime &t)
{
    return fromStoredTime(toStoredTime(t));
}

std::unique_ptr<ResponseRepository> makeResponses(std::shared_ptr<Data> data);

} // namespace chorus::store::inmemory
