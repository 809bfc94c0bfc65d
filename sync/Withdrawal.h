// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Outbox.h"

#include <QDateTime>

namespace chorus::sync {

// A withdrawal request: "erase response <target>". It travels the outbox and the OpenRosa
// endpoint like a submission (its own instanceID, so resends are idempotent), and carries only
// ids and a time, nothing about the person. The receiver recognises the root element, erases
// the target (or blocks it if it has not arrived yet) and lists the request on its admin API.
//
//   <chorus-withdrawal xmlns="https://chorus.invalid/ns/withdrawal/1">
//     <meta><instanceID>uuid:REQUEST</instanceID></meta>
//     <target>uuid:RESPONSE</target>
//     <requestedAt>2026-11-24T12:00:00Z</requestedAt>
//   </chorus-withdrawal>
//
// Build it once and store the bytes: the same request must be resent byte for byte.
OutboxItem makeWithdrawalRequest(const QString &requestInstanceId, const QString &targetInstanceId,
                                 const QDateTime &requestedAt);

} // namespace chorus::sync
