// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to chorus_server: the rules both storages apply to devices and packages.
#include "Storage.h"

#include "store/SurveyRepository.h"

namespace chorus::server::detail {

// Assignments are stored as one comma-separated column ("*" for all).
inline QString joinSurveys(const QStringList &surveys)
{
    return surveys.join(QLatin1Char(','));
}

// What publishing `incoming` over `held` (if any) does, or the Conflict to answer.
inline Result<PublishOutcome> publishDecision(const std::optional<PublishedPackage> &held,
                                              const PublishedPackage &incoming)
{
    if (!held) {
        return PublishOutcome::Created;
    }
    const int order = store::compareSurveyVersions(incoming.info.version, held->info.version).value_or(0);
    if (order > 0) {
        return PublishOutcome::Replaced;
    }
    if (order < 0) {
        return makeError(ErrorKind::Conflict,
                         QStringLiteral("survey %1 version %2 is older than the published version %3; devices never "
                                        "go back to an older survey: publish a higher version")
                             .arg(incoming.info.surveyId, incoming.info.version, held->info.version));
    }
    if (incoming.bytes == held->bytes && incoming.signature == held->signature) {
        return PublishOutcome::Unchanged;
    }
    return makeError(ErrorKind::Conflict,
                     QStringLiteral("survey %1 version %2 is already published with different content; raise the "
                                    "version to publish a change")
                         .arg(incoming.info.surveyId, incoming.info.version));
}

} // namespace chorus::server::detail
