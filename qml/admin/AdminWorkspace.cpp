// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminWorkspace.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace chorus::admin
{

namespace
{
const QString kRecentKey = u"workspace/recent"_s;
const char *const kSubfolders[] = { "keys", "pulled", "exports", "reports", "surveys", "census" };
} // namespace

AdminWorkspace::AdminWorkspace(QObject *parent) : QObject(parent) {}

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
    if (!dir.exists() && !QDir().mkpath(path)) {
        setError(tr("Cannot create the folder %1. Choose a folder you can write to.").arg(path));
        return false;
    }
    for (const char *name : kSubfolders) {
        if (!dir.mkpath(QLatin1String(name))) {
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
