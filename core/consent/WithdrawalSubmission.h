// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WithdrawalRequest.h"
#include "common/Result.h"
#include "store/ResponseRepository.h"

namespace chorus::consent {

// A withdrawal request travels the same way as a response: as an ODK encrypted submission to
// the survey's form, sealed to the council key, queued in the device outbox and stored by any
// OpenRosa receiver (chorus-receiver, ODK Central) without changes. Sealing means the receiver
// cannot tell a withdrawal from a response, so nothing on the server links a receipt hash to
// the moment or place someone changed their mind. The admin side finds requests after
// decrypting (isWithdrawalSubmission) and applies them (WithdrawalMatcher).
//
// The plaintext instance (docs/formats/consent-record.md):
//   <chorus_withdrawal id="SURVEY" version="VERSION">
//     <request>{WithdrawalRequest JSON}</request>
//     <meta><instanceID>uuid:REQUEST_ID</instanceID></meta>
//   </chorus_withdrawal>

QByteArray withdrawalSubmissionXml(const WithdrawalRequest &request, const QString &surveyVersion);
bool isWithdrawalSubmission(const QByteArray &xml);
Result<WithdrawalRequest> parseWithdrawalSubmission(const QByteArray &xml);

// Seals the request to the council key (ODK base64RsaPublicKey form) as a response to be
// queued with ResponseRepository::finalize(): instanceID "uuid:<request id>".
Result<store::FinalizedResponse> sealWithdrawalRequest(const WithdrawalRequest &request, const QString &surveyVersion,
                                                       const QString &councilPublicKeyBase64);

} // namespace chorus::consent
