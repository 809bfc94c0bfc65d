// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminWorkspace.h"

#include "CliSupport.h"
#include "Endpoint.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

namespace
{
const QString kRecentKey = u"workspace/recent"_s;
const char *const kSubfolders[] = { "keys", "pulled", "exports", "reports", "surveys", "census", "devices" };
} // namespace

AdminWorkspace::AdminWorkspace(QObject *parent) : QObject(parent)
{
    const QSettings settings;
    m_endpoint = settings.value(u"receiver/endpoint"_s).toString();
    m_adminTokenFile = settings.value(u"receiver/adminTokenFile"_s).toString();
    m_caFile = settings.value(u"receiver/caFile"_s).toString();
    m_pins = settings.value(u"receiver/pins"_s).toString();
}

void AdminWorkspace::setEndpoint(const QString &endpoint)
{
    if (m_endpoint == endpoint)
        return;
    m_endpoint = endpoint;
    QSettings().setValue(u"receiver/endpoint"_s, m_endpoint);
    Q_EMIT receiverChanged();
}

void AdminWorkspace::setAdminTokenFile(const QString &file)
{
    const QString path = localPath(file);
    if (m_adminTokenFile == path)
        return;
    m_adminTokenFile = path;
    QSettings().setValue(u"receiver/adminTokenFile"_s, m_adminTokenFile);
    Q_EMIT receiverChanged();
}

void AdminWorkspace::setCaFile(const QString &file)
{
    const QString path = localPath(file);
    if (m_caFile == path)
        return;
    m_caFile = path;
    QSettings().setValue(u"receiver/caFile"_s, m_caFile);
    Q_EMIT receiverChanged();
}

void AdminWorkspace::setPins(const QString &pins)
{
    if (m_pins == pins)
        return;
    m_pins = pins;
    QSettings().setValue(u"receiver/pins"_s, m_pins);
    Q_EMIT receiverChanged();
}

bool AdminWorkspace::endpointIsLoopbackHttp() const
{
    const QUrl url(m_endpoint.trimmed());
    return url.scheme() == QLatin1String("http") && sync::isLoopbackHost(url.host());
}

Result<QByteArray> AdminWorkspace::adminToken() const
{
    if (m_endpoint.trimmed().isEmpty())
        return makeError(
            ErrorKind::InvalidInput, tr("Enter the receiver's address, for example https://survey.example.gov.uk"));
    if (m_adminTokenFile.isEmpty())
        return makeError(ErrorKind::InvalidInput, tr("Choose the file that holds the receiver's admin token."));
    return cli::readPassphraseFile(m_adminTokenFile);
}

Result<cli::AdminConnection> AdminWorkspace::receiverConnection() const
{
    auto token = adminToken();
    if (!token)
        return token.error();
    cli::AdminConnection c;
    c.adminToken = *token;
    c.endpoint = QUrl(m_endpoint.trimmed(), QUrl::StrictMode);
    c.curl.allowHttpLoopback = endpointIsLoopbackHttp();
    if (Status allowed = sync::checkUrlAllowed(c.endpoint, c.curl.allowHttpLoopback); !allowed)
        return allowed.error();
    if (!m_caFile.isEmpty()) {
        auto pem = cli::readFileCapped(m_caFile, 16 * 1024);
        if (!pem)
            return pem.error();
        c.caPem = *pem;
        c.curl.caPem = c.caPem;
    }
    static const QRegularExpression pinForm(u"^sha256//[A-Za-z0-9+/]{43}=$"_s);
    const QStringList pins = m_pins.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    for (const QString &pin : pins) {
        if (!pinForm.match(pin).hasMatch())
            return makeError(ErrorKind::InvalidInput,
                             tr("The pin \"%1\" is not of the form sha256//BASE64 (44 characters after //). "
                                "docs/deploy.md shows how to compute it from the receiver's certificate.")
                                 .arg(pin.left(60)));
    }
    if (pins.size() > 2)
        return makeError(ErrorKind::InvalidInput, tr("Give at most two pins: the primary and one backup."));
    c.curl.pins = pins;
    return c;
}

QString AdminWorkspace::recentPath() const
{
    return QSettings().value(kRecentKey).toString();
}

QString AdminWorkspace::localPath(const QString &pathOrUrl)
{
    const QString trimmed = pathOrUrl.trimmed();
    if (trimmed.startsWith(u"file:"_s))
        return QUrl(trimmed).toLocalFile();
    return trimmed;
}

bool AdminWorkspace::openFolder(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    if (path.isEmpty()) {
        setError(tr("Choose a folder to work in."));
        return false;
    }
    QDir dir(path);
    // Private like every folder Chorus makes: the workspace holds keys, pulled records and exports.
    if (!dir.exists() && !makeDirectory(path)) {
        setError(tr("Cannot create the folder %1. Choose a folder you can write to.").arg(path));
        return false;
    }
    for (const char *name : kSubfolders) {
        if (!makeDirectory(dir.filePath(QLatin1String(name)))) {
            setError(tr("Cannot create %1 in %2. Choose a folder you can write to.").arg(QLatin1String(name), path));
            return false;
        }
    }
    m_path = dir.absolutePath();
    QSettings().setValue(kRecentKey, m_path);
    setError({});
    Q_EMIT pathChanged();
    return true;
}

QStringList AdminWorkspace::files(const QString &dir, const QString &pattern) const
{
    if (dir.isEmpty())
        return {};
    const QDir d(dir);
    QStringList out;
    for (const QString &name : d.entryList({ pattern }, QDir::Files, QDir::Name))
        out.append(d.filePath(name));
    return out;
}

QString AdminWorkspace::firstFile(const QString &dir, const QString &pattern) const
{
    const QStringList found = files(dir, pattern);
    return found.isEmpty() ? QString() : found.constFirst();
}

bool AdminWorkspace::openExternally(const QString &path) const
{
    return !path.isEmpty() && QFileInfo::exists(path) && QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

QString AdminWorkspace::sub(const QString &name) const
{
    return m_path.isEmpty() ? QString() : QDir(m_path).filePath(name);
}

void AdminWorkspace::setError(const QString &message)
{
    if (m_lastError == message)
        return;
    m_lastError = message;
    Q_EMIT lastErrorChanged();
}

} // namespace chorus::admin
