// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/SealedSpool.h"

#include <QDir>
#include <QtEndian>

#include <sodium.h>

#include <array>

namespace chorus::exports
{

namespace
{
constexpr qsizetype kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// Larger than any submission SubmissionXml::parse accepts: a bigger length is damage.
constexpr quint32 kMaxEntryBytes = 64 * 1024 * 1024;

// Entry n is sealed under nonce n: the key is fresh for every spool, so a counter never repeats.
std::array<unsigned char, kNonceSize> nonceFor(quint64 index)
{
    std::array<unsigned char, kNonceSize> nonce {};
    qToLittleEndian(index, nonce.data());
    return nonce;
}
} // namespace

SealedSpool::SealedSpool(const QString &directory)
    : m_directory(directory)
    , m_file(QDir(directory).filePath(QStringLiteral(".chorus-spool-XXXXXX")))
{
}

Status SealedSpool::open()
{
    if (!crypto::ensureSodium())
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    m_key = crypto::SecretBytes::random(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!m_key.isValid())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot lock memory for the spool key"));
    if (!m_file.open())
        return makeError(ErrorKind::Io,
            QStringLiteral("%1: cannot create a temporary file (%2)").arg(m_directory, m_file.errorString()));
    return {};
}

Status SealedSpool::append(const QByteArray &plaintext)
{
    if (quint64(plaintext.size()) + kTagSize > kMaxEntryBytes)
        return makeError(ErrorKind::InvalidInput, QStringLiteral("a decrypted submission is larger than 64 MB"));
    QByteArray entry(4 + plaintext.size() + kTagSize, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(entry.data());
    qToLittleEndian(quint32(plaintext.size() + kTagSize), p);
    const auto nonce = nonceFor(m_written);
    unsigned long long sealed = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(p + 4, &sealed,
        reinterpret_cast<const unsigned char *>(plaintext.constData()), quint64(plaintext.size()), nullptr, 0, nullptr,
        nonce.data(), m_key.data());
    if (m_file.write(entry) != entry.size())
        return makeError(ErrorKind::Io,
            QStringLiteral("%1: cannot write the temporary file (%2); is the disk full?")
                .arg(m_file.fileName(), m_file.errorString()));
    ++m_written;
    return {};
}

Status SealedSpool::rewind()
{
    if (!m_file.flush() || !m_file.seek(0))
        return makeError(ErrorKind::Io,
            QStringLiteral("%1: cannot write the temporary file (%2); is the disk full?")
                .arg(m_file.fileName(), m_file.errorString()));
    m_read = 0;
    return {};
}

std::optional<Result<QByteArray>> SealedSpool::next()
{
    if (m_read >= m_written)
        return std::nullopt;
    auto damaged = [&] {
        return Result<QByteArray>(makeError(ErrorKind::Io,
            QStringLiteral("%1: the temporary file changed while the export ran; run it again").arg(m_file.fileName())));
    };
    unsigned char header[4];
    if (m_file.read(reinterpret_cast<char *>(header), 4) != 4)
        return damaged();
    const quint32 size = qFromLittleEndian<quint32>(header);
    if (size < quint32(kTagSize) || size > kMaxEntryBytes)
        return damaged();
    const QByteArray sealed = m_file.read(size);
    if (sealed.size() != qsizetype(size))
        return damaged();
    QByteArray plaintext(size - kTagSize, Qt::Uninitialized);
    const auto nonce = nonceFor(m_read);
    unsigned long long opened = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plaintext.data()), &opened,
            nullptr, reinterpret_cast<const unsigned char *>(sealed.constData()), size, nullptr, 0, nonce.data(),
            m_key.data())
        != 0)
        return damaged();
    ++m_read;
    return Result<QByteArray>(std::move(plaintext));
}

} // namespace chorus::exports
