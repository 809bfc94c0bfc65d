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

LedgerCheck checkChain(const ChainRecord &chain, const QList<ChainedEntry> &rows)
{
    LedgerCheck check;
    check.entries = int(rows.size());
    if (rows.isEmpty() && chain.key.isEmpty()) {
        return check;
    }
    if (chain.key.isEmpty()) {
        check.problems.append(QStringLiteral("the ledger's chain record is missing: the ledger was altered outside "
                                             "Chorus"));
        return check;
    }
    auto problem = [&](const ChainedEntry &row, const QString &what) {
        check.problems.append(QStringLiteral("entry %1 (consent %2): %3")
                                  .arg(row.seq ? QString::number(*row.seq) : QStringLiteral("?"),
                                       row.entry.consentId, what));
    };
    QByteArray previous(kMacBytes, '\0');
    qint64 expected = 1;
    for (const ChainedEntry &row : rows) {
        if (row.entry.withdrawnAt) {
            ++check.withdrawn;
        }
        if (!row.seq) {
            problem(row, QStringLiteral("not in the chain (added outside Chorus)"));
            continue;
        }
        if (*row.seq != expected) {
            check.problems.append(QStringLiteral("entries %1 to %2 are missing (deleted)").arg(expected).arg(*row.seq - 1));
        } else if (!sameMac(row.link, linkMac(chain.key, previous, *row.seq, row.entry))) {
            problem(row, QStringLiteral("its ids, survey or capture time were changed"));
        }
        if (!sameMac(row.state, stateMac(chain.key, row.link, row.entry))) {
            problem(row, QStringLiteral("its receipt hash, notice, purposes, withdrawal or server time were changed"));
        } else if (row.entry.withdrawnAt && !row.entry.receiptHash.isEmpty()) {
            problem(row, QStringLiteral("withdrawn but still holds its receipt hash"));
        }
        previous = row.link;
        expected = *row.seq + 1;
    }
    if (!sameMac(chain.head, headMac(chain.key, chain.length, chain.lastLink))) {
        check.problems.append(QStringLiteral("the ledger's chain record was changed outside Chorus"));
    } else if (chain.length != expected - 1 || !sameMac(chain.lastLink, previous)) {
        check.problems.append(QStringLiteral("the ledger should end at entry %1 but ends at entry %2: entries were "
                                             "removed from the end, or the chain record was changed")
                                  .arg(chain.length)
                                  .arg(expected - 1));
    }
    return check;
}

} // namespace chorus::store::ledger
