// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "consent/ConsentCapture.h"

#include <QCommandLineParser>

namespace chorus::survey {
struct SurveyPackage;
}
namespace chorus::response {
struct Response;
}

namespace chorus::cli {

// The consent flags of `chorusctl collect`: a keyed-in paper form records which boxes were
// ticked (--grant, once per purpose), who keyed it in (--operator) and how it was collected
// (--mode, "paper" unless told otherwise).
void addConsentOptions(QCommandLineParser &parser);

// Captures the consent described by the flags for `response` (its language and instanceID),
// attaches the record to the response and applies it to the answers (no equality grant: the
// equality answers become NOT_ASKED). Returns the capture, whose receipt code the caller shows.
// Errors are usage-level mistakes (unknown purpose, missing operator) worded for the operator.
Result<consent::CapturedConsent> captureConsentFromOptions(const QCommandLineParser &parser,
                                                           const survey::SurveyPackage &package,
                                                           response::Response &response);

// Writes the receipt's QR code as a PNG when --receipt-qr was given.
Status writeReceiptQrIfAsked(const QCommandLineParser &parser, const consent::ReceiptCode &code);

} // namespace chorus::cli
