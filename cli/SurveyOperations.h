// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Survey package work for the admin app, as library functions: a new package from a template
// with the council's public key, every problem of a package with its JSON path, and a detached
// signature with the key directory's signing key. (`chorusctl survey new|lint|sign` do the same
// from the command line.)

#include "common/Result.h"
#include "survey/ValidationReport.h"

#include <QByteArray>
#include <QString>

namespace chorus::cli
{

struct NewSurveyRequest {
    QByteArray templateBytes;
    QString keysDir; // its council-rsa.pub goes into the package
    QString endpoint; // optional: the submission URL devices send to
    QString version; // optional: digits
};

// The new package's bytes, or an error; `report` lists what would make it invalid.
Result<QByteArray> surveyFromTemplate(const NewSurveyRequest &request, survey::ValidationReport *report);

struct LintResult {
    survey::ValidationReport report; // empty: the package is valid
    QString surveyId;
    QString version;
    qsizetype questions = 0;
};
// Reads and checks a package file; an unreadable file is an error, an invalid one a report.
Result<LintResult> lintSurvey(const QString &file);

// Signs the exact bytes of `file` with the key directory's signing key and writes FILE.sig
// (base64 and a newline, as `chorusctl survey sign` does). Refuses an invalid package.
Status signSurvey(const QString &file, const QString &keysDir, const QByteArray &passphrase);

// Whether FILE.sig exists and matches FILE under the key directory's signing public key.
bool surveySignatureValid(const QString &file, const QString &keysDir);

} // namespace chorus::cli
