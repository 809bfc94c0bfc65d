// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace chorus::consent {

// A withdrawal receipt code: the only handle a respondent needs to withdraw a response, so it
// must be unguessable, easy to read aloud and type, and must catch the typing mistakes people
// make. It is the pseudonymous "other identifier" of ICO consent guidance: no name is needed.
//
// Shape: 11 random Crockford base32 symbols (55 bits) and one check symbol, shown as
// three groups of four, e.g. "7K2M-QX9D-R4T1". The check symbol is a weighted sum over GF(32)
// with all weights distinct and non-zero, which detects every single-symbol substitution and
// every transposition of two different symbols (adjacent or not). Crockford's own mod-37 check
// needs five extra symbols (*~$=U) that are awkward to type and read; this scheme needs none.
// docs/formats/consent-record.md has the arithmetic.
//
// The code itself is never stored: only receiptCodeHash() of it, keyed per survey.
class ReceiptCode
{
public:
    static constexpr int kDataSymbols = 11;
    static constexpr int kSymbols = kDataSymbols + 1;
    static constexpr int kRandomBits = kDataSymbols * 5;
    static constexpr int kGroupSize = 4;

    // A fresh code from libsodium's CSPRNG.
    static ReceiptCode generate();

    // Accepts what people type: any case, hyphens and spaces anywhere, and Crockford's
    // aliases (I, L -> 1; O -> 0). Rejects other characters, the wrong length and a wrong
    // check symbol, each with a message that says which.
    static Result<ReceiptCode> parse(QStringView typed);

    // Builds a code from 11 data symbols (canonical alphabet), appending the check symbol.
    // For tests and for codes keyed in from paper; returns an error on a bad symbol.
    static Result<ReceiptCode> fromDataSymbols(QStringView dataSymbols);

    bool isNull() const { return m_symbols.isEmpty(); }

    // The 12 canonical symbols with no separators, e.g. "7K2MQX9DR4T1".
    QString canonical() const { return m_symbols; }
    // Grouped for display and QR, e.g. "7K2M-QX9D-R4T1".
    QString formatted() const;

    friend bool operator==(const ReceiptCode &, const ReceiptCode &) = default;

    // The check symbol for `dataSymbols` (canonical alphabet, no separators).
    static QChar checkSymbol(QStringView dataSymbols);
    // True if `canonicalSymbols` (all 12, canonical alphabet) has a correct check symbol.
    static bool checkSymbolMatches(QStringView canonicalSymbols);

    // The Crockford base32 alphabet, in value order.
    static QStringView alphabet();

private:
    explicit ReceiptCode(QString symbols) : m_symbols(std::move(symbols)) {}
    QString m_symbols;
};

// The key for receiptCodeHash(): 32 bytes, the same on every device collecting a survey and
// at the receiver, so a withdrawal made on any device (or by letter) finds the record.
struct ReceiptHashKey {
    QByteArray bytes;
};

// Derives the receipt-hash key for a survey from its id and the council's public key (the
// bytes of the survey package's `base64RsaPublicKey`, decoded). Binding to the council key
// keeps two councils' hashes of the same code unrelated. This is domain separation, not a
// secret: the codes' 55 random bits are what resists guessing (see the format document).
ReceiptHashKey deriveReceiptHashKey(const QString &surveyId, const QByteArray &councilPublicKey);

// Keyed BLAKE2b-256 (libsodium crypto_generichash) of the canonical symbols, as 64 lowercase
// hex characters. This is the only form in which a receipt code is ever stored or sent.
QString receiptCodeHash(const ReceiptCode &code, const ReceiptHashKey &key);

// True if `text` looks like a receiptCodeHash(): 64 lowercase hex characters.
bool isReceiptCodeHash(QStringView text);

} // namespace chorus::consent
