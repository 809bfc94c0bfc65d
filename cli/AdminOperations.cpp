// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminOperations.h"

#include "CliSupport.h"
#include "CurlTransport.h"
#include "Endpoint.h"

#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

namespace
{

// Counts the requests of a pull for the progress display and refuses the next one once the
// run is cancelled. The pull client keeps its cursor on disk after every page, so stopping
// between requests leaves a state the next run resumes from.
class ObservedTransport : public sync::Transport
{
public:
    ObservedTransport(sync::Transport &target, const OperationControl &control)
        : m_target(target), m_control(control)
    {
    }

    Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
    {
        if (m_control.isCancelled()) {
            m_cancelled = true;
            return makeError(ErrorKind::Network, u"the pull was cancelled; run it again to carry on"_s);
        }
        auto reply = m_target.send(request);
        ++m_requests;
        if (m_control.progress)
            m_control.progress(OperationStage::Downloading, m_requests, -1);
        return reply;
    }
    bool cancelled() const { return m_cancelled; }

private:
    sync::Transport &m_target;
    const OperationControl &m_control;
    qint64 m_requests = 0;
    bool m_cancelled = false;
};

} // namespace

Result<QByteArray> PassphraseSource::read() const
{
    if (!bytes.isEmpty())
        return bytes;
    if (file.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"no passphrase given: enter the key passphrase"_s);
    return readPassphraseFile(file);
}

QString currentUserName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

Result<PullOutcome> runPull(const PullRequest &request, const OperationControl &control)
{
    if (request.adminToken.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"no admin token: give the receiver's admin token"_s);
    const QUrl base(request.endpoint.trimmed(), QUrl::StrictMode);
    if (Status allowed = sync::checkUrlAllowed(base, request.allowHttpLoopback); !allowed)
        return allowed.error();
    sync::CurlOptions curl;
    curl.allowHttpLoopback = request.allowHttpLoopback;
    curl.caFile = request.caFile;
    sync::CurlTransport transport(curl);
    ObservedTransport observed(transport, control);
    sync::PullOptions options;
    options.retryDamaged = request.retryDamaged;
    auto summary = sync::PullClient(observed, base, request.adminToken).pull(request.outDir, options);
    if (observed.cancelled())
        return PullOutcome { summary ? *summary : sync::PullSummary {}, true };
    if (!summary)
        return summary.error();
    return PullOutcome { *summary, false };
}

Result<ExportFormat> parseExportFormat(const QString &name)
{
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (name == QLatin1String("xlsx"))
        return ExportFormat::Xlsx;
    if (name == QLatin1String("json"))
        return ExportFormat::Json;
    return makeError(ErrorKind::InvalidInput, u"--format must be csv, xlsx or json"_s);
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Xlsx:
        return u"xlsx"_s;
    case ExportFormat::Json:
        return u"json"_s;
    }
    return {};
}

} // namespace chorus::cli
