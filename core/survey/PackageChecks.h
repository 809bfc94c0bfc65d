// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "survey/SurveyLoader.h"

namespace chorus::survey {

// Checks that need the whole package: unique names, references between questions,
// expressions. Adds to `report`.
void checkPackage(const SurveyPackage &package, ValidationReport &report, const LoadLimits &limits);

// Empty if `base64` is an ODK base64RsaPublicKey (base64 DER SubjectPublicKeyInfo of an
// RSA-2048 key), otherwise why not.
QString checkOdkPublicKey(const QString &base64);

// Empty if `url` is an acceptable OpenRosa submission URL (HTTPS; plain HTTP only on loopback).
QString checkSubmissionUrl(const QUrl &url);

} // namespace chorus::survey
