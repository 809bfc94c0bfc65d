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
#include "export/PulledEnvelopes.h"
#include "export/ReleaseRegister.h"
#include "export/ResponseRecords.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QThread>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

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

// How the report was made, for the release register.
QJsonObject releaseFilters(const ReportRequest &request)
{
    const ReportOptions &o = request.options;
    QJsonObject filters { { u"k"_s, o.sdc.k }, { u"round5"_s, o.sdc.roundTo5 },
        { u"suppress_zeros"_s, o.sdc.suppressZeros }, { u"area"_s, o.areaCode }, { u"year"_s, o.referenceYear },
        { u"census"_s, QJsonArray::fromStringList(request.censusFiles) } };
    if (request.pulledDir.isEmpty())
        filters.insert(u"records"_s, QJsonArray::fromStringList(request.jsonInputs));
    else
        filters.insert(u"pulled"_s, request.pulledDir);
    if (!request.withdrawnFile.isEmpty())
        filters.insert(u"withdrawn"_s, request.withdrawnFile);
    filters.insert(u"survey"_s, request.surveyPackage.isEmpty() ? request.catalogueFile : request.surveyPackage);
    return filters;
}

// Every earlier release of the survey: the workspace's register, and the state file of a report
// made in the output folder before the register existed.
Result<QList<Release>> earlierReleases(const QString &registerPath, const QString &statePath, const QString &surveyId)
{
    QList<Release> earlier;
    if (QFile::exists(registerPath)) {
        auto bytes = readFileCapped(registerPath, 256 * 1024 * 1024);
        if (!bytes)
            return bytes.error();
        auto parsed = parseReleaseRegister(*bytes);
        if (!parsed)
            return makeError(parsed.error().kind, registerPath + u": "_s + parsed.error().message);
        earlier = *parsed;
    }
    if (QFile::exists(statePath)) {
        auto bytes = readFileCapped(statePath, 64 * 1024 * 1024);
        if (!bytes)
            return bytes.error();
        const QJsonObject state = QJsonDocument::fromJson(*bytes).object();
        if (state.value(u"format"_s).toString() != u"chorus-report-state/1"_s)
            return makeError(ErrorKind::InvalidInput,
                statePath + u": not a report state file; move it away if it is not from an earlier report"_s);
        Release legacy;
        legacy.at = QFileInfo(statePath).lastModified().toUTC();
        legacy.surveyId = surveyId;
        legacy.outDir = QFileInfo(statePath).absolutePath();
        legacy.k = std::max(1, state.value(u"k"_s).toInt());
        legacy.cells = state.value(u"cells"_s).toObject();
        earlier.append(legacy);
    }
    return earlier;
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
    const QString workspace = request.workspaceDir.isEmpty() ? request.pulledDir : request.workspaceDir;
    if (workspace.isEmpty())
        return makeError(ErrorKind::InvalidInput,
            u"no admin workspace: the release register that every report is checked against lives there, so choose "
            "the admin folder the records came from"_s);
    const QString registerPath = releaseRegisterPath(workspace, catalogue->surveyId);
    auto earlier = earlierReleases(registerPath, statePath, catalogue->surveyId);
    if (!earlier)
        return earlier.error();
    const Release candidate = releaseOf(*report, catalogue->surveyId, QFileInfo(request.outDir).absoluteFilePath(),
        releaseFilters(request), outcome.records, QDateTime::currentDateTimeUtc());
    if (const QStringList conflicts = releaseConflicts(candidate, *earlier); !conflicts.isEmpty())
        return makeError(ErrorKind::Permission,
            u"report not released, nothing was written: "_s + conflicts.join(QLatin1Char(' ')));

    outcome.htmlPath = dir.filePath(u"report.html"_s);
    outcome.csvPath = dir.filePath(u"report.csv"_s);
    outcome.characteristics = report->characteristics.size();
    if (Status s = writeFileAtomically(outcome.htmlPath, renderReportHtml(*report)); !s)
        return s.error();
    if (Status s = writeFileAtomically(outcome.csvPath, renderReportCsv(*report)); !s)
        return s.error();
    if (Status s = writeFileAtomically(statePath, reportState(*report)); !s)
        return s.error();
    // Recorded only once the report exists; rewritten whole (never appended in place) so a crash
    // leaves the previous register intact.
    QByteArray registerBytes;
    if (QFile::exists(registerPath)) {
        auto bytes = readFileCapped(registerPath, 256 * 1024 * 1024);
        if (!bytes)
            return bytes.error();
        registerBytes = *bytes;
    }
    const QString registerDir = QFileInfo(registerPath).absolutePath();
    if (!QDir().mkpath(registerDir))
        return makeError(ErrorKind::Io, u"cannot create the release register folder %1: check it is writable"_s.arg(registerDir));
    if (Status s = writeFileAtomically(registerPath, registerBytes + releaseLine(candidate)); !s)
        return s.error();
    outcome.registerPath = registerPath;
    return outcome;
}

} // namespace chorus::cli
