// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DraftRepository.h"
#include "ResponseRepository.h"
#include "SurveyRepository.h"

// Checks shared by every repository implementation (SQLite and the in-memory fake), so both
// refuse the same inputs with the same messages.
namespace chorus::store::rules {

Status validate(const FinalizedResponse &response);
Status validate(const Draft &draft);
Status validate(const StoredSurvey &survey);
Status validate(const ConsentEntry &entry);

// The decision for storing `incoming` when `current` is stored (nullptr: nothing stored).
// ok() with *write = false means "identical, nothing to do".
Status checkSurveyUpgrade(const StoredSurvey *current, const StoredSurvey &incoming, bool *write);

// removeEnvelope() is only for a response the server has: its envelope is no longer needed.
Status envelopeMayBeRemoved(const QString &instanceId, ResponseState state);

Error notFound(const QString &instanceId);
Error alreadyFinalized(const QString &instanceId);
Error consentExists(const QString &consentId);
Error consentNotFound(const QString &consentId);

} // namespace chorus::store::rules
