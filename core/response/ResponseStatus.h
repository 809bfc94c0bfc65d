// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace chorus::response {

// Where a response is in its life. The outbox is a query on this state, never a separate
// list, so a record cannot be "sent" in one place and "queued" in another.
//
//   draft → finalized → sending → accepted
//                 │        ├────→ conflict          (409, the server holds different XML)
//                 │        ├────→ deleted_on_server (409, the server deleted it)
//                 │        └────→ failed            (with a reason; transient ones are retried)
//                 └─→ withdrawn (erased on the device before it was ever accepted)
enum class ResponseState {
    Draft,
    Finalized,
    Sending,
    Accepted,
    Conflict,
    DeletedOnServer,
    Failed,
    Withdrawn,
};

// Every state, in lifecycle order (for counts and tests).
QList<ResponseState> allResponseStates();

// Stable names stored in the database and printed by chorusctl ("deleted_on_server").
QString stateName(ResponseState state);
std::optional<ResponseState> stateFromName(const QString &name);

// The one place that decides which moves are legal. Pure: the store calls it before every
// write, the tests call it directly. Illegal moves return InvalidInput naming both states.
//
// - sending → sending is legal: after a crash mid-upload the same bytes are sent again.
// - failed → sending is legal: transient failures are retried; the store only queues
//   transient ones, an operator may re-queue a permanent one.
// - withdrawal is possible only while the server cannot yet hold the record as accepted:
//   from finalized or failed. A record that may have reached the server is withdrawn by a
//   withdrawal request instead, which travels the outbox.
// - accepted, conflict, deleted_on_server and withdrawn are final.
Status transition(ResponseState from, ResponseState to);

bool isFinal(ResponseState state);

} // namespace chorus::response
