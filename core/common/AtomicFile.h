// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace chorus {

// Who may read a file Chorus writes. Keys, databases, exports, reports, receipts, audit and
// sync logs hold secrets or record data and are Private (file 0600, folders Chorus creates
// 0700, whatever the umask). Only files meant to be published (a signed survey package and
// its signature) are Shared: 0666 and 0777 less the umask.
enum class FileAccess { Private, Shared };

// When the bytes must be on the disk. Staged files are renamed into place together later, and
// their writer syncs the whole file system once before it records them (pull's staging folder).
enum class Durability { Synced, CallerSyncs };

// The one way Chorus writes a file (DESIGN.md: one atomic-write helper). The bytes go to a
// temporary file in the target's folder; every write and the close are checked, the file is
// fsync'ed, renamed over the target, and the folder is fsync'ed. Until commit() succeeds the
// previous file is untouched, and on any failure (a full disk above all) the temporary file is
// removed and the error says which file and why.
//
// QSaveFile is not used: Qt 6.4's commit() reports success when the buffered bytes could not
// be written on close (ENOSPC), which left 0-byte key files on a full disk, and it ignores the
// fsync result.
class AtomicFile
{
public:
    explicit AtomicFile(QString path, FileAccess access = FileAccess::Private,
                        Durability durability = Durability::Synced);
    ~AtomicFile(); // discards the temporary file unless committed
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    // Creates the missing folders and the temporary file.
    Status open();
    // Writes all of `bytes` (buffered; commit() writes the rest), or fails; after a failure
    // every later call fails the same way.
    Status write(const QByteArray &bytes);
    // Syncs, closes and renames into place.
    Status commit();
    // Removes the temporary file; the target is left as it was.
    void discard();

    // For a library that writes the file itself (libxlsxwriter): open(), let it write and close
    // temporaryPath(), then commit(), which syncs what it wrote before the rename.
    Status releaseForExternalWriter();
    QString temporaryPath() const { return m_tempPath; }
    QString path() const { return m_path; }

private:
    Status failed(const QString &what, int errnum);
    Status flushBuffer();

    QString m_path;
    QString m_tempPath;
    FileAccess m_access;
    Durability m_durability;
    QByteArray m_buffer;
    int m_fd = -1;
    bool m_external = false;
    std::optional<Error> m_error;
};

// Writes a whole file through AtomicFile.
Status writeFileAtomically(const QString &path, const QByteArray &bytes, FileAccess access = FileAccess::Private);

// Appends to a log (audit, sync log, applied withdrawals) all or nothing: the bytes are written,
// checked and fsync'ed; if any of that fails the file is cut back to its previous length.
// A new log is created with `access`; an existing one is made Private if it should be.
Status appendToFile(const QString &path, const QByteArray &bytes, FileAccess access = FileAccess::Private);

// Creates `path` and its missing parents; the folders it creates get `access` (0700 for Private).
Status makeDirectory(const QString &path, FileAccess access = FileAccess::Private);

// Flushes a folder's entries (after a rename into it) to the disk.
Status syncDirectory(const QString &path);

} // namespace chorus
