// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "response/Response.h"

#include <QByteArray>

namespace chorus::survey {
struct SurveyPackage;
}

namespace chorus::response {

// The ODK instance XML of a finalized response: the plaintext that the ODK envelope encrypts
// and the export side parses back after decryption. The mapping (root element, answer states,
// repeats, metadata) is specified in docs/formats/submission.md.
//
// serialize() is deterministic: the same package and response always give the same bytes
// (elements in form order, no formatting whitespace, UTC timestamps with milliseconds), which
// an OpenRosa re-send after a crash relies on.
class SubmissionXml
{
public:
    static constexpr const char *kNamespace = "urn:x-chorus:submission:1";

    static QByteArray serialize(const survey::SurveyPackage &package, const Response &response);

    // Parses a submission written by serialize(); needs no package. Refuses DTDs, unknown
    // answer states and documents over `maxBytes`.
    static Result<Response> parse(const QByteArray &xml, qsizetype maxBytes = 16 * 1024 * 1024);
};

} // namespace chorus::response
