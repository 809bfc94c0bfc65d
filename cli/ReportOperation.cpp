// SPDX-License-Identifier: GPL-3.0-or-later
// runReport: the publishable equality report (HTML + CSV) from decrypted records.
#include "AdminOperations.h"
#include "CliSupport.h"
#include "ExportSupport.h"

#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "export/Census.h"
#include "export/DecryptPipeline.h"
#include "export/ExportJson.h"
#include "export/ResponseRecords.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QThread>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

using namespace chorus::exports;

namespace
{

Result<Catalogue> loadCatalogue(const ReportRequest &request)
{
    if (!request.surveyPackage.isEmpty()) {
        auto package = survey::SurveyLoader::loadFile(request.surveyPackage);
        if (!package)
            return makeError(package.error().kind, request.surveyPackage + u": "_s + package.error().message);
        return catalogueFromSurvey(*package);
    }
    if (request.catalogueFile.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"no survey: choose the survey package the responses answer"_s);
    auto bytes = readFileCapped(request.catalogueFile, 16 * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    auto parsed = parseCatalogueJson(*bytes);
    if (!parsed)
        return makeError(parsed.error().kind, request.catalogueFile + u": "_s + parsed.error().message);
    return *parsed;
}

// Adds the pulled envelopes of the catalogue's survey to the builder, decrypted in memory only.
Status addPulled(const ReportRequest &request, const Catalogue &catalogue, ReportBuilder &builder,
    const OperationControl &control, ReportOutcome &outcome)
{
    auto secret = request.passphrase.read();
    if (!secret)
        return secret.error();
    auto ring = crypto::KeyRing::load(crypto::KeyDirectory(request.keysDir), *secret);
    secret->fill('\0');
    if (!ring)
        return ring.error();
    QSet<QString> withdrawn;
    if (!request.withdrawnFile.isEmpty()) {
        auto ids = readWithdrawnIds(request.withdrawnFile);
        if (!ids)
            return ids.error();
        withdrawn = std::move(*ids);
    }
    DecryptPipeline::Options options;
    options.workers = std::max(1, QThread::idealThreadCount());
    auto counts = decryptPulled(*ring, request.pulledDir, options, withdrawn, control,
        [&](const response::Response &r) -> Status {
            if (r.surveyId == catalogue.surveyId) {
                builder.add(recordFromResponse(r));
                ++outcome.records;
            }
            return {};
        });
    if (!counts)
        return counts.error();
    outcome.openFailures = counts->failed;
    outcome.cancelled = counts->cancelled;
    return {};
}

} // namespace

Result<ReportOutcome> runReport(const ReportRequest &request, const OperationControl &control)
{
    if (request.jsonInputs.isEmpty() == request.pulledDir.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"give either --in (JSON lines) or --pulled (envelopes)"_s);
    auto catalogue = loadCatalogue(request);
    if (!catalogue)
        return catalogue.error();
    CensusData census;
    for (const QString &path : request.censusFiles) {
        if (Status s = loadCensusFile(path, census); !s)
            return s.error();
    }

    ReportOutcome outcome;
    ReportBuilder builder(*catalogue, census, request.options);
    for (const QString &path : request.jsonInputs) {
        const Status s = readRecordsJsonLines(path, [&](const Record &r) {
            builder.add(r);
            ++outcome.records;
        });
        if (!s)
            return s.error();
    }
    if (!request.pulledDir.isEmpty()) {
        if (Status s = addPulled(request, *catalogue, builder, control, outcome); !s)
            return s.error();
        if (outcome.cancelled)
            return outcome;
    }
    auto report = builder.build();
    if (!report)
        return report.error();
    if (outcome.openFailures > 0)
        report->notes.prepend(
            u"%1 submission(s) could not be opened (wrong key or damaged) and are not counted in this report."_s.arg(
                outcome.openFailures));

    const QDir dir(request.outDir);
    const QString statePath = dir.filePath(u"report-state.json"_s);
    if (QFile::exists(statePath)) {
        auto previous = readFileCapped(statePath, 64 * 1024 * 1024);
        if (!previous)
            return previous.error();
        auto warnings = differencingWarnings(*report, *previous);
        if (!warnings)
            return warnings.error();
        outcome.warnings = *warnings;
        report->warnings += *warnings;
    }
    outcome.htmlPath = dir.filePath(u"report.html"_s);
    outcome.csvPath = dir.filePath(u"report.csv"_s);
    outcome.characteristics = report->characteristics.size();
    if (Status s = writeFileAtomically(outcome.htmlPath, renderReportHtml(*report)); !s)
        return s.error();
    if (Status s = writeFileAtomically(outcome.csvPath, renderReportCsv(*report)); !s)
        return s.error();
    if (Status s = writeFileAtomically(statePath, reportState(*report)); !s)
        return s.error();
    return outcome;
}

} // namespace chorus::cli
