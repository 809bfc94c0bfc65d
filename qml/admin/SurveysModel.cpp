// SPDX-License-Identifier: GPL-3.0-or-later
#include "SurveysModel.h"

#include "AdminWorkspace.h"
#include "CliSupport.h"
#include "Endpoint.h"
#include "SurveyOperations.h"
#include "PackageAdmin.h"
#include "crypto/SecretBytes.h"
#include "survey/PackageSignature.h"
#include "survey/SurveyLoader.h"

#include <QDir>
#include <QFile>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

namespace
{
// Built-in starters, compiled in from examples/.
struct Template {
    const char *id;
    const char *resource;
};
const Template kTemplates[] = {
    { "equality-consultation", ":/chorus-admin/templates/demo.chorus.json" },
};
} // namespace

SurveysModel::SurveysModel(AdminWorkspace &workspace, QObject *parent) : AdminJob(parent), m_workspace(workspace)
{
    connect(&m_workspace, &AdminWorkspace::pathChanged, this, &SurveysModel::refresh);
    refresh();
}

QVariantList SurveysModel::templates() const
{
    return { QVariantMap { { u"id"_s, u"equality-consultation"_s },
        { u"title"_s, tr("Equality monitoring (Census 2021 questions) with consultation questions") } } };
}

void SurveysModel::refresh()
{
    QStringList found;
    for (const QString &file : m_workspace.files(m_workspace.surveysDir(), u"*.json"_s))
        found.append(file);
    if (found != m_files) {
        m_files = found;
        Q_EMIT filesChanged();
    }
    if (m_selected.isEmpty() && !m_files.isEmpty())
        setSelected(m_files.constFirst());
}

void SurveysModel::setSelected(const QString &file)
{
    const QString path = AdminWorkspace::localPath(file);
    if (m_selected == path)
        return;
    m_selected = path;
    m_problems.clear();
    m_checked = false;
    m_description.clear();
    m_signed = false;
    // Checking is cheap: the page shows the result as soon as a survey is chosen.
    if (!m_selected.isEmpty() && inspect())
        return;
    Q_EMIT selectedChanged();
}

bool SurveysModel::inspect()
{
    auto lint = cli::lintSurvey(m_selected);
    if (!lint)
        return false;
    m_problems.clear();
    for (const survey::ValidationProblem &p : lint->report.problems())
        m_problems.append(QVariantMap { { u"path"_s, p.path }, { u"message"_s, p.message } });
    m_checked = true;
    m_description = lint->report.isEmpty()
        ? tr("%1 version %2: %3 question(s), no problems found.").arg(lint->surveyId, lint->version).arg(lint->questions)
        : tr("%n problem(s) found. Fix them in the file, then check again.", "", int(lint->report.size()));
    m_signed = cli::surveySignatureValid(m_selected, m_workspace.keysDir());
    Q_EMIT selectedChanged();
    return true;
}

bool SurveysModel::createFromTemplate(const QString &templateId, const QString &fileName, const QString &endpoint)
{
    if (!m_workspace.isOpen()) {
        failNow(tr("Choose a workspace folder first."));
        return false;
    }
    QString name = fileName.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
        failNow(tr("Enter a file name for the new survey, for example library-survey-2026."));
        return false;
    }
    if (!name.endsWith(u".json"_s))
        name += u".chorus.json"_s;
    const QString target = QDir(m_workspace.surveysDir()).filePath(name);
    if (QFile::exists(target)) {
        failNow(tr("%1 already exists. Choose another name.").arg(name));
        return false;
    }
    const char *resource = nullptr;
    for (const Template &t : kTemplates) {
        if (templateId == QLatin1String(t.id))
            resource = t.resource;
    }
    QFile file(resource ? QString::fromLatin1(resource) : QString());
    if (!resource || !file.open(QIODevice::ReadOnly)) {
        failNow(tr("Choose a template."));
        return false;
    }
    cli::NewSurveyRequest request;
    request.templateBytes = file.readAll();
    request.keysDir = m_workspace.keysDir();
    if (!endpoint.trimmed().isEmpty()) {
        // The receiver's base address or its OpenRosa submission URL: the package holds the latter.
        const QUrl base(endpoint.trimmed());
        const bool loopbackHttp = base.scheme() == QLatin1String("http") && sync::isLoopbackHost(base.host());
        auto url = sync::submissionUrl(endpoint.trimmed(), loopbackHttp);
        if (!url) {
            failNow(url.error().message);
            return false;
        }
        request.endpoint = url->toString();
    }
    survey::ValidationReport report;
    auto bytes = cli::surveyFromTemplate(request, &report);
    if (!bytes) {
        failNow(bytes.error().kind == ErrorKind::NotFound || bytes.error().kind == ErrorKind::Io
                ? tr("Create the council's keys first (Keys page): the survey needs the council public key.")
                : bytes.error().message);
        return false;
    }
    if (Status s = writeFileAtomically(target, *bytes, FileAccess::Shared); !s) {
        failNow(s.error().message);
        return false;
    }
    refresh();
    setSelected(target);
    check();
    return true;
}

bool SurveysModel::check()
{
    if (m_selected.isEmpty()) {
        failNow(tr("Choose a survey package first."));
        return false;
    }
    if (!inspect()) {
        auto lint = cli::lintSurvey(m_selected);
        failNow(lint ? tr("Cannot check %1.").arg(m_selected) : lint.error().message);
        return false;
    }
    return m_problems.isEmpty();
}

bool SurveysModel::sign(const QString &passphrase)
{
    if (m_selected.isEmpty()) {
        failNow(tr("Choose a survey package first."));
        return false;
    }
    if (passphrase.isEmpty()) {
        failNow(tr("Enter the key passphrase: the signing key is stored encrypted under it."));
        return false;
    }
    const QString file = m_selected;
    const QString keysDir = m_workspace.keysDir();
    auto secret = std::make_shared<QByteArray>(passphrase.toUtf8());
    return launch([this, file, keysDir, secret](const cli::OperationControl &) {
        Completion done;
        const Status s = cli::signSurvey(file, keysDir, *secret);
        crypto::wipe(*secret);
        if (!s)
            done.error = s.error().message;
        else
            done.summary = tr("Signed. Devices accept this package only with this signature.");
        done.apply = [this, file, keysDir] {
            if (m_selected == file) {
                m_signed = cli::surveySignatureValid(file, keysDir);
                Q_EMIT selectedChanged();
            }
        };
        return done;
    });
}

bool SurveysModel::publish()
{
    if (m_selected.isEmpty()) {
        failNow(tr("Choose a survey package first."));
        return false;
    }
    if (!cli::surveySignatureValid(m_selected, m_workspace.keysDir())) {
        failNow(tr("Sign the survey first: devices refuse a package without the council's signature."));
        return false;
    }
    auto connection = m_workspace.receiverConnection();
    if (!connection) {
        failNow(connection.error().message);
        return false;
    }
    auto admin = std::make_shared<cli::AdminConnection>(std::move(*connection));
    const QString file = m_selected;
    return launch([admin, file](const cli::OperationControl &) {
        Completion done;
        auto bytes = cli::readFileCapped(file, 4 * 1024 * 1024);
        auto sigText = cli::readFileCapped(file + u".sig"_s, 4096);
        if (!bytes || !sigText) {
            done.error = (!bytes ? bytes.error() : sigText.error()).message;
            crypto::wipe(admin->adminToken);
            return done;
        }
        auto signature = survey::decodeBase64Key(*sigText, 64, tr("the signature file"));
        auto package = survey::SurveyLoader::load(*bytes);
        if (!signature || !package) {
            done.error = !signature ? signature.error().message : package.error().message;
            crypto::wipe(admin->adminToken);
            return done;
        }
        sync::CurlTransport transport(admin->curl);
        sync::ReceiverAdmin receiver(transport, admin->endpoint, admin->adminToken);
        crypto::wipe(admin->adminToken);
        auto published = receiver.publishPackage(package->id, *bytes, *signature);
        if (!published) {
            done.error = published.error().message;
            return done;
        }
        done.summary = tr("Published %1 version %2 (%3). Enrolled devices fetch it when they next update.")
                           .arg(published->surveyId, published->version, published->outcome);
        return done;
    });
}

} // namespace chorus::admin
