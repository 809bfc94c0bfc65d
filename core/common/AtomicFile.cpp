// SPDX-License-Identifier: GPL-3.0-or-later
#include "AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chorus {

namespace {

constexpr mode_t kPrivateFile = 0600;
constexpr mode_t kSharedFile = 0666; // less the umask
constexpr mode_t kPrivateDir = 0700;
constexpr mode_t kSharedDir = 0777;
constexpr qsizetype kBufferBytes = 64 * 1024;

QString reason(int errnum)
{
    if (errnum == ENOSPC || errnum == EDQUOT) {
        return QStringLiteral("the disk is full; nothing was replaced: free some space and run it again");
    }
    return QString::fromLocal8Bit(std::strerror(errnum));
}

Error ioError(const QString &path, const QString &what, int errnum)
{
    return makeError(ErrorKind::Io, QStringLiteral("%1: %2 (%3)").arg(path, what, reason(errnum)));
}

// Writes every byte, retrying short writes and interruptions.
int writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return errno;
        }
        data += n;
        left -= n;
    }
    return 0;
}

int syncFd(int fd)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR) {
            return errno;
        }
    }
    return 0;
}

// close() may report a deferred write error (NFS); it must not be retried on EINTR.
int closeFd(int fd)
{
    return ::close(fd) == 0 || errno == EINTR ? 0 : errno;
}

} // namespace

Status makeDirectory(const QString &path, FileAccess access)
{
    if (path.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no folder name was given"));
    }
    QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList missing;
    while (!QFileInfo::exists(dir)) {
        missing.prepend(dir);
        const QString parent = QFileInfo(dir).path();
        if (parent == dir) {
            break;
        }
        dir = parent;
    }
    if (missing.isEmpty() && !QFileInfo(dir).isDir()) {
        return makeError(ErrorKind::Io, QStringLiteral("%1: is not a folder").arg(dir));
    }
    const mode_t mode = access == FileAccess::Private ? kPrivateDir : kSharedDir;
    for (const QString &each : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(each).constData(), mode) != 0 && errno != EEXIST) {
            return ioError(each, QStringLiteral("cannot create the folder"), errno);
        }
        if (!QFileInfo(each).isDir()) {
            return makeError(ErrorKind::Io, QStringLiteral("%1: is not a folder").arg(each));
        }
    }
    return {};
}

Status syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return ioError(path, QStringLiteral("cannot open the folder to flush it"), errno);
    }
    const int synced = syncFd(fd);
    ::close(fd);
    if (synced != 0 && synced != EINVAL) { // EINVAL: the file system cannot sync folders
        return ioError(path, QStringLiteral("cannot flush the folder to disk"), synced);
    }
    return {};
}

AtomicFile::AtomicFile(QString path, FileAccess access, Durability durability)
    : m_path(std::move(path))
    , m_access(access)
    , m_durability(durability)
{
}

AtomicFile::~AtomicFile()
{
    discard();
}

Status AtomicFile::failed(const QString &what, int errnum)
{
    m_error = ioError(m_path, what, errnum);
    discard();
    return *m_error;
}

Status AtomicFile::open()
{
    if (m_path.isEmpty()) {
        m_error = makeError(ErrorKind::InvalidInput, QStringLiteral("no file name was given"));
        return *m_error;
    }
    const QFileInfo target(m_path);
    if (target.isDir()) {
        m_error = makeError(ErrorKind::Io, QStringLiteral("%1: is a folder, not a file").arg(m_path));
        return *m_error;
    }
    if (Status made = makeDirectory(target.absolutePath(), m_access); !made) {
        m_error = made.error();
        return made;
    }
    const mode_t mode = m_access == FileAccess::Private ? kPrivateFile : kSharedFile;
    // Hidden, so folder listings (pull's submissions, the admin app) never pick one up.
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        m_tempPath = target.absoluteDir().filePath(
            QStringLiteral(".%1.%2.tmp").arg(target.fileName()).arg(QRandomGenerator::global()->generate(), 8, 16,
                                                                    QLatin1Char('0')));
        m_fd = ::open(QFile::encodeName(m_tempPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (m_fd < 0 && errno != EEXIST) {
            const int errnum = errno;
            m_tempPath.clear();
            return failed(QStringLiteral("cannot create a file in its folder"), errnum);
        }
    }
    if (m_fd < 0) {
        m_tempPath.clear();
        return failed(QStringLiteral("cannot create a temporary file"), EEXIST);
    }
    // The umask may only remove bits: a Private file is exactly 0600 whatever it is.
    if (m_access == FileAccess::Private && ::fchmod(m_fd, kPrivateFile) != 0) {
        return failed(QStringLiteral("cannot make the file private"), errno);
    }
    return {};
}

Status AtomicFile::write(const QByteArray &bytes)
{
    if (m_error) {
        return *m_error;
    }
    if (m_fd < 0) {
        m_error = makeError(ErrorKind::Internal, QStringLiteral("%1: written before it was opened").arg(m_path));
        return *m_error;
    }
    // Streaming writers (CSV, JSON lines) write a record at a time: gather them into fewer calls.
    if (m_buffer.size() + bytes.size() < kBufferBytes) {
        m_buffer.append(bytes);
        return {};
    }
    if (!m_buffer.isEmpty()) {
        if (Status flushed = flushBuffer(); !flushed) {
            return flushed;
        }
    }
    if (bytes.size() < kBufferBytes) {
        m_buffer.append(bytes);
        return {};
    }
    // A whole file in one piece (a key, a pulled envelope): straight to the disk, no copy.
    if (const int errnum = writeAll(m_fd, bytes); errnum != 0) {
        return failed(QStringLiteral("cannot write"), errnum);
    }
    return {};
}

Status AtomicFile::flushBuffer()
{
    const int errnum = writeAll(m_fd, m_buffer);
    m_buffer.resize(0); // keeps the capacity for the next records
    if (errnum != 0) {
        return failed(QStringLiteral("cannot write"), errnum);
    }
    return {};
}

Status AtomicFile::releaseForExternalWriter()
{
    if (m_error) {
        return *m_error;
    }
    if (!m_buffer.isEmpty()) {
        if (Status flushed = flushBuffer(); !flushed) {
            return flushed;
        }
    }
    m_external = true;
    const int fd = std::exchange(m_fd, -1);
    if (const int errnum = closeFd(fd); errnum != 0) {
        return failed(QStringLiteral("cannot write"), errnum);
    }
    return {};
}

Status AtomicFile::commit()
{
    if (m_error) {
        return *m_error;
    }
    if (m_tempPath.isEmpty()) {
        m_error = makeError(ErrorKind::Internal, QStringLiteral("%1: committed before it was opened").arg(m_path));
        return *m_error;
    }
    if (!m_buffer.isEmpty()) {
        if (Status flushed = flushBuffer(); !flushed) {
            return flushed;
        }
    }
    if (m_external) {
        // The library closed its own handle; open the file again to sync what it wrote.
        m_fd = ::open(QFile::encodeName(m_tempPath).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) {
            return failed(QStringLiteral("cannot open what was written"), errno);
        }
    }
    if (m_durability == Durability::Synced) {
        if (const int errnum = syncFd(m_fd); errnum != 0) {
            return failed(QStringLiteral("cannot write"), errnum);
        }
    }
    if (const int errnum = closeFd(std::exchange(m_fd, -1)); errnum != 0) {
        return failed(QStringLiteral("cannot write"), errnum);
    }
    if (::rename(QFile::encodeName(m_tempPath).constData(), QFile::encodeName(m_path).constData()) != 0) {
        return failed(QStringLiteral("cannot move the new file into place"), errno);
    }
    m_tempPath.clear();
    if (m_durability == Durability::Synced) {
        if (Status synced = syncDirectory(QFileInfo(m_path).absolutePath()); !synced) {
            m_error = synced.error();
            return synced;
        }
    }
    return {};
}

void AtomicFile::discard()
{
    m_buffer.clear();
    if (m_fd >= 0) {
        ::close(std::exchange(m_fd, -1));
    }
    if (!m_tempPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_tempPath).constData());
        m_tempPath.clear();
    }
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes, FileAccess access)
{
    AtomicFile file(path, access);
    if (Status s = file.open(); !s) {
        return s;
    }
    if (Status s = file.write(bytes); !s) {
        return s;
    }
    return file.commit();
}

Status appendToFile(const QString &path, const QByteArray &bytes, FileAccess access)
{
    if (path.isEmpty()) {
        return makeError(ErrorKind::InvalidInput, QStringLiteral("no file name was given"));
    }
    if (Status made = makeDirectory(QFileInfo(path).absolutePath(), access); !made) {
        return made;
    }
    const QByteArray native = QFile::encodeName(path);
    const mode_t mode = access == FileAccess::Private ? kPrivateFile : kSharedFile;
    bool created = true;
    int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0 && errno == EEXIST) {
        created = false;
        fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    }
    if (fd < 0) {
        return ioError(path, QStringLiteral("cannot open to append"), errno);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int errnum = errno;
        ::close(fd);
        return ioError(path, QStringLiteral("cannot append"), errnum);
    }
    // Logs written by earlier versions under the umask become private too.
    if (access == FileAccess::Private && (st.st_mode & 0077) != 0 && ::fchmod(fd, kPrivateFile) != 0) {
        const int errnum = errno;
        ::close(fd);
        return ioError(path, QStringLiteral("cannot make the file private"), errnum);
    }
    int errnum = writeAll(fd, bytes);
    if (errnum == 0) {
        errnum = syncFd(fd);
    }
    if (errnum != 0) {
        // All or nothing: no half line is left for the next reader to trip over.
        if (created) {
            ::unlink(native.constData());
        } else if (::ftruncate(fd, st.st_size) == 0) {
            ::fsync(fd);
        }
        ::close(fd);
        return ioError(path, QStringLiteral("cannot append"), errnum);
    }
    if (const int closed = closeFd(fd); closed != 0) {
        return ioError(path, QStringLiteral("cannot append"), closed);
    }
    if (created) {
        return syncDirectory(QFileInfo(path).absolutePath());
    }
    return {};
}

} // namespace chorus
