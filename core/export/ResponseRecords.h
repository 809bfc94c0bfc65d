// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/ExportModel.h"
#include "response/Response.h"

namespace chorus::exports
{

// A decrypted response as an export record: "repeat[n]/name" answer paths become repeat
// instances. `ward` is the event ward sealed in the submission (meta/chorus:eventWard), empty
// when the response was not collected at an event mapped to a ward.
Record recordFromResponse(const response::Response &response);

// A catalogue read off one response, for exports without the survey package: every answer path
// becomes a text question in name order (repeat members in their group). Without the package
// there are no labels, types or census mappings; pass the package when there is one.
Catalogue catalogueFromResponse(const response::Response &response);

} // namespace chorus::exports
