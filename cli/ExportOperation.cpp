// SPDX-License-Identifier: GPL-3.0-or-later
// runExport: decrypt pulled envelopes with the council private key and write a record-level
// export (CSV per repeat group, XLSX or JSON lines), streaming on worker threads.
#include "AdminOperations.h"
#include "ExportSupport.h"

#include "crypto/KeyDirectory.h"
#include "crypto/KeyRing.h"
#include "export/DecryptPipeline.h"
#include "export/PulledEnvelopes.h"
#include "export/RecordWriter.h"
#include "export/ResponseRecords.h"
#include "export/SurveyCatalogue.h"
#include "survey/SurveyLoader.h"

#include <QDateTime>
#include <QJsonObject>
#include <QThread>

#include <map>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

using namespace chorus::exports;

namespace
{

// One output per survey id and version: its catalogue (from the package when it matches,
// otherwise read off the first response) and its writer.
struct Output {
    std::unique_ptr<Catalogue> catalogue;
    std::unique_ptr<RecordWriter> writer;
};

Result<std::unique_ptr<RecordWriter>> makeWriter(ExportFormat format, const QString &dir, const QString &base,
    const Catalogue &catalogue, const ExportOptions &options)
{
    switch (format) {
    case ExportFormat::Xlsx:
        return makeXlsxWriter(dir, base, catalogue, options);
    case ExportFormat::Json:
        return makeJsonLinesWriter(dir, base, catalogue, options);
    case ExportFormat::Csv:
        break;
    }
    return makeCsvWriter(dir, base, catalogue, options);
}

} // namespace

Result<ExportOutcome> runExport(const ExportRequest &request, const OperationControl &control)
{
    DecryptPipeline::Options pipelineOptions;
    pipelineOptions.workers = request.workers > 0 ? request.workers : std::max(1, QThread::idealThreadCount());
    pipelineOptions.cancel = control.cancel;

    std::optional<Catalogue> packageCatalogue;
    QString packageVersion;
    if (!request.surveyPackage.isEmpty()) {
        auto package = survey::SurveyLoader::loadFile(request.surveyPackage);
        if (!package)
            return makeError(package.error().kind, request.surveyPackage + u": "_s + package.error().message);
        packageCatalogue = catalogueFromSurvey(*package);
        packageVersion = package->version;
    }
    QSet<QString> withdrawnIds;
    if (!request.withdrawnFile.isEmpty()) {
        auto ids = readWithdrawnIds(request.withdrawnFile);
        if (!ids)
            return ids.error();
        withdrawnIds = std::move(*ids);
    }

    // An admin folder without submissions fails here, before the passphrase's KDF runs.
    if (Status s = PulledEnvelopes(request.adminDir).open(); !s)
        return s.error();
    auto secret = request.passphrase.read();
    if (!secret)
        return secret.error();
    auto ring = crypto::KeyRing::load(crypto::KeyDirectory(request.keysDir), *secret);
    secret->fill('\0');
    if (!ring)
        return ring.error();

    ExportOutcome outcome;
    std::map<QString, Output> outputs;
    auto sink = [&](const response::Response &response) -> Status {
        const QString key = response.surveyId + u"-v"_s + response.surveyVersion;
        Output &output = outputs[key];
        if (!output.writer) {
            const bool usePackage = packageCatalogue && packageCatalogue->surveyId == response.surveyId
                && (packageVersion.isEmpty() || packageVersion == response.surveyVersion);
            output.catalogue
                = std::make_unique<Catalogue>(usePackage ? *packageCatalogue : catalogueFromResponse(response));
            auto writer = makeWriter(request.format, request.outDir, key, *output.catalogue, request.options);
            if (!writer)
                return writer.error();
            output.writer = std::move(*writer);
        }
        return output.writer->write(recordFromResponse(response));
    };
    auto counts = decryptPulled(*ring, request.adminDir, pipelineOptions, withdrawnIds, control, sink);
    if (!counts)
        return counts.error();
    outcome.written = counts->written;
    outcome.withdrawn = counts->withdrawn;
    outcome.failed = counts->failed;
    if (counts->cancelled) {
        // The writers are dropped unfinished: no half export appears under its final name.
        outcome.cancelled = true;
        return outcome;
    }
    for (auto &[key, output] : outputs) {
        if (Status s = output.writer->finish(); !s)
            return s.error();
        outcome.files += output.writer->files();
    }
    const QJsonObject event { { u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { u"kind"_s, u"export.record_level"_s },
        { u"who"_s, request.who.isEmpty() ? currentUserName() : request.who },
        { u"format"_s, exportFormatName(request.format) }, { u"files"_s, outcome.files.join(QLatin1Char(';')) },
        { u"records"_s, double(outcome.written) }, { u"withdrawn"_s, double(outcome.withdrawn) },
        { u"failed"_s, double(outcome.failed) } };
    if (Status s = appendAudit(request.adminDir, event); !s)
        return s.error();
    return outcome;
}

} // namespace chorus::cli
