// SPDX-License-Identifier: GPL-3.0-or-later
#include "LedgerChain.h"

#include "Clock.h"

#include <QtEndian>

#include <sodium.h>

namespace chorus::store::ledger {

namespace {

// Length-prefixed fields, so no two different entries encode to the same bytes.
class Encoder
{
public:
    explicit Encoder(const char *domain) { add(QByteArray(domain)); }
    Encoder &add(const QByteArray &bytes)
    {
        const quint32 size = qToBigEndian(quint32(bytes.size()));
        m_bytes.append(reinterpret_cast<const char *>(&size), sizeof size);
        m_bytes.append(bytes);
        return *this;
    }
    Encoder &add(const QString &text) { return add(text.toUtf8()); }
    Encoder &add(qint64 value) { return add(QByteArray::number(value)); }
    Encoder &add(const std::optional<QDateTime> &time)
    {
        return add(time ? QByteArray::number(toStoredTime(*time)) : QByteArray());
    }
    QByteArray mac(const QByteArray &key) const
    {
        QByteArray out(crypto_auth_hmacsha256_BYTES, '\0');
        crypto_auth_hmacsha256_state state;
        crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(key.constData()),
                                    size_t(key.size()));
        crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(m_bytes.constData()),
                                      quint64(m_bytes.size()));
        crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(out.data()));
        sodium_memzero(&state, sizeof state);
        return out;
    }

private:
    QByteArray m_bytes;
};

} // namespace

QByteArray linkMac(const QByteArray &key, const QByteArray &previousLink, qint64 seq, const ConsentEntry &entry)
{
    return Encoder("chorus-ledger-link-v1")
        .add(previousLink)
        .add(seq)
        .add(entry.consentId)
        .add(entry.responseId)
        .add(entry.surveyId)
        .add(entry.surveyVersion)
        .add(std::optional<QDateTime>(entry.capturedAt))
        .mac(key);
}

QByteArray stateMac(const QByteArray &key, const QByteArray &link, const ConsentEntry &entry)
{
    return Encoder("chorus-ledger-state-v1")
        .add(link)
        .add(entry.receiptHash)
        .add(entry.noticeId)
        .add(entry.noticeVersion)
        .add(entry.noticeLocale)
        .add(entry.noticeSha256)
        .add(encodePurposes(entry.purposes))
        .add(entry.mode)
        .add(entry.withdrawnAt)
        .add(entry.withdrawalChannel)
        .add(entry.withdrawalScope.join(QLatin1Char(',')))
        .add(entry.serverReceivedAt)
        .mac(key);
}

QByteArray headMac(const QByteArray &key, qint64 length, const QByteArray &lastLink)
{
    return Encoder("chorus-ledger-head-v1").add(length).add(lastLink).mac(key);
}

bool sameMac(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size() && !a.isEmpty()
        && sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray newKey()
{
    if (sodium_init() < 0) {
        return {};
    }
    QByteArray key(kKeyBytes, '\0');
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

void eraseForWithdrawal(ConsentEntry &entry, const LedgerWithdrawal &withdrawal)
{
    if (!entry.withdrawnAt) {
        entry.withdrawnAt = withdrawal.at;
        entry.withdrawalChannel = withdrawal.channel;
        entry.withdrawalScope = withdrawal.scope;
    }
    entry.receiptHash.clear();
    entry.noticeId.clear();
    entry.noticeVersion.clear();
    entry.noticeLocale.clear();
    entry.noticeSha256.clear();
    entry.purposes.clear();
    entry.mode.clear();
}

QString encodePurposes(const QMap<QString, bool> &purposes)
{
    QStringList parts;
    for (auto it = purposes.cbegin(); it != purposes.cend(); ++it) {
        parts.append(it.key() + (it.value() ? QStringLiteral("=1") : QStringLiteral("=0")));
    }
    return parts.join(QLatin1Char(','));
}

QMap<QString, bool> decodePurposes(const QString &text)
{
    QMap<QString, bool> purposes;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.lastIndexOf(QLatin1Char('='));
        if (eq > 0) {
            purposes.insert(part.left(eq), part.mid(eq + 1) == QLatin1String("1"));
        }
    }
    return purposes;
}

} // namespace chorus::store::ledger
