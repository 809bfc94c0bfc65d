// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QDateTime>

#include <chrono>

namespace chorus::store {

class SettingsRepository;
class Store;

// How long a device keeps the envelope of a response after the server accepted it. Once
// accepted the server holds it durably and the device cannot read it anyway; keeping it a
// few days lets a council recover from a server restore. 0 days = remove at the next
// applyRetention() after acceptance. Stored in settings under kAcceptedEnvelopeRetentionKey.
inline constexpr auto kAcceptedEnvelopeRetentionKey = "retention.accepted_envelope_days";
inline constexpr std::chrono::days kDefaultAcceptedEnvelopeRetention{7};

Result<std::chrono::days> acceptedEnvelopeRetention(SettingsRepository &settings);
Status setAcceptedEnvelopeRetention(SettingsRepository &settings, std::chrono::days keep);

// Removes the envelopes whose retention has run out (after a sync, at start-up). Returns how
// many were removed; the records keep their ids and states.
Result<int> applyRetention(Store &store, const QDateTime &now);

} // namespace chorus::store
