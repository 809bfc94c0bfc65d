// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "crypto/SecretBytes.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryFile>

#include <optional>

namespace chorus::exports
{

// A temporary file of decrypted submissions, written once and read back once in order, so a
// second pass over the records costs disk reads instead of RSA operations and memory stays
// bounded whatever the number of records. Each entry is sealed (XChaCha20-Poly1305) with a
// random key that lives only in this object's locked memory: a spool left behind by a crash,
// or read while the export runs, is unreadable noise. The file is removed on destruction (on
// Linux, QTemporaryFile opens it with O_TMPFILE: it never has a name in the folder at all).
class SealedSpool
{
public:
    explicit SealedSpool(const QString &directory);
    SealedSpool(const SealedSpool &) = delete;
    SealedSpool &operator=(const SealedSpool &) = delete;

    Status open();
    // Seals `plaintext` and appends it. The caller wipes its own copy.
    Status append(const QByteArray &plaintext);
    // Ends writing; next() then returns the entries in the order they were appended.
    Status rewind();
    std::optional<Result<QByteArray>> next();
    qint64 count() const { return m_written; }

private:
    QString m_directory;
    QTemporaryFile m_file;
    crypto::SecretBytes m_key;
    quint64 m_written = 0;
    quint64 m_read = 0;
};

} // namespace chorus::exports
