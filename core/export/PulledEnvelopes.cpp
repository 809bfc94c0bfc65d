// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/PulledEnvelopes.h"

#include <QFile>
#include <QFileInfo>

namespace chorus::exports
{

namespace
{
constexpr qint64 kMaxPartBytes = 64 * 1024 * 1024;

Result<QByteArray> readPart(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Io, QStringLiteral("%1: cannot read (%2)").arg(path, f.errorString()));
    if (f.size() > kMaxPartBytes)
        return makeError(ErrorKind::InvalidInput, QStringLiteral("%1: larger than 64 MB").arg(path));
    return f.readAll();
}
} // namespace

PulledEnvelopes::PulledEnvelopes(const QString &adminDir)
    : m_submissions(QDir(adminDir).filePath(QStringLiteral("submissions")))
{
}

PulledEnvelopes::~PulledEnvelopes() = default;

namespace
{
// Envelope folders only: hidden ones are a pull's unfinished `.partial-…` staging.
std::unique_ptr<QDirIterator> submissionFolders(const QDir &submissions)
{
    return std::make_unique<QDirIterator>(submissions.path(), QDir::Dirs | QDir::NoDotAndDotDot);
}
} // namespace

Status PulledEnvelopes::checkAdminFolder(const QString &adminDir)
{
    if (adminDir.isEmpty())
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no admin folder was given"));
    if (!QFileInfo(adminDir).isDir())
        return makeError(ErrorKind::NotFound,
            QStringLiteral("%1: no such folder; give the admin folder `chorusctl pull` wrote").arg(adminDir));
    if (!QFileInfo(QDir(adminDir).filePath(QStringLiteral("submissions"))).isDir())
        return makeError(ErrorKind::NotFound,
            QStringLiteral("%1: not an admin folder (no submissions folder in it); give the folder `chorusctl pull` "
                           "wrote, or run `chorusctl pull` first")
                .arg(adminDir));
    return {};
}

Status PulledEnvelopes::open()
{
    if (Status s = checkAdminFolder(QFileInfo(m_submissions.path()).path()); !s)
        return s;
    m_count = 0;
    for (auto counting = submissionFolders(m_submissions); counting->hasNext(); counting->next())
        ++m_count;
    m_entries = submissionFolders(m_submissions);
    return {};
}

std::optional<Result<Envelope>> PulledEnvelopes::next()
{
    if (!m_entries || !m_entries->hasNext())
        return std::nullopt;
    const QDir dir(m_entries->next());
    Envelope envelope;
    envelope.id = dir.dirName();
    auto manifest = readPart(dir.filePath(QStringLiteral("submission.xml")));
    if (!manifest)
        return Result<Envelope>(manifest.error());
    envelope.manifest = *manifest;
    for (const QString &name : dir.entryList({ QStringLiteral("*.enc") }, QDir::Files, QDir::Name)) {
        auto bytes = readPart(dir.filePath(name));
        if (!bytes)
            return Result<Envelope>(bytes.error());
        envelope.files.append(FilePart { name, *bytes });
    }
    return Result<Envelope>(std::move(envelope));
}

} // namespace chorus::exports
