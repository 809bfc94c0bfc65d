// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real, small tmpfs mounted for one test, and a way to fill it to the last page: what a full
// disk does to a writer cannot be faked by a mock file. Mounting needs root (CI runs as root);
// without it mount() says why and the test QSKIPs.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace chorus::testing {

class SmallTmpfs
{
public:
    SmallTmpfs() = default;
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;
    ~SmallTmpfs()
    {
        if (m_mounted) {
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
        }
    }

    // Mounts a tmpfs of `bytes` (rounded up to pages). On failure `why` says what to do.
    bool mount(qint64 bytes, QString *why)
    {
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary folder for the mount point");
            return false;
        }
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0777";
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                    options.constData())
            != 0) {
            *why = QStringLiteral("cannot mount a small tmpfs (%1): this test needs root, as in CI")
                       .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        m_mounted = true;
        return true;
    }

    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Fills the file system with a filler file, leaving `leaveFree` bytes (rounded to pages).
    bool fill(qint64 leaveFree = 0)
    {
        const QByteArray name = QFile::encodeName(filePath(QStringLiteral("filler")));
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) {
            return false;
        }
        const QByteArray chunk(64 * 1024, 'F');
        qint64 written = 0;
        for (;;) {
            const ssize_t n = ::write(fd, chunk.constData(), static_cast<size_t>(chunk.size()));
            if (n <= 0) {
                break;
            }
            written += n;
        }
        const bool full = errno == ENOSPC;
        const bool trimmed = leaveFree <= 0 || ::ftruncate(fd, qMax<qint64>(0, written - leaveFree)) == 0;
        ::close(fd);
        return full && trimmed;
    }

    void unfill() { QFile::remove(filePath(QStringLiteral("filler"))); }

    // Files in the mount other than the filler, hidden ones (temporary files) included.
    QStringList leftovers(const QString &under = {}) const
    {
        QStringList names;
        const QDir dir(under.isEmpty() ? path() : under);
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
            if (name != QLatin1String("filler")) {
                names.append(name);
            }
        }
        return names;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace chorus::testing
