// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QCommandLineParser>

namespace chorus::survey {
struct SurveyPackage;
}
namespace chorus::response {
struct Response;
}

namespace chorus::cli {

// The outreach-event flags of `chorusctl collect`: the event's name (--event) and the ONS code
// of its ward (--ward), sealed into the submission's meta as the app does after its event
// screen, so keyed-in paper forms reach the report's ward tables too.
void addEventOptions(QCommandLineParser &parser);

// Checks the flags and sets response.eventName / eventWard. A ward must be a ward code and,
// when the survey carries ward boundaries, one of its wards. Errors are usage-level mistakes.
Status applyEventOptions(const QCommandLineParser &parser, const survey::SurveyPackage &package,
                         response::Response &response);

} // namespace chorus::cli
