// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReceiptCode.h"

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace chorus::consent {

namespace {

constexpr QStringView kAlphabet = u"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// GF(32) with the primitive polynomial x^5 + x^2 + 1: alpha = x generates all 31 non-zero
// elements, so alpha^0 .. alpha^11 are twelve distinct non-zero weights.
constexpr unsigned kPrimitive = 0b100101;

constexpr unsigned gfMul(unsigned a, unsigned b)
{
    unsigned product = 0;
    while (b != 0) {
        if (b & 1u)
            product ^= a;
        b >>= 1;
        a <<= 1;
        if (a & 0b100000u)
            a ^= kPrimitive;
    }
    return product;
}

// Weight of position i (0-based, check symbol last): alpha^(11 - i), so the check symbol has
// weight 1 and the equation sum(w_i * s_i) = 0 over all twelve symbols fixes it.
constexpr std::array<unsigned, ReceiptCode::kSymbols> makeWeights()
{
    std::array<unsigned, ReceiptCode::kSymbols> weights{};
    unsigned power = 1;
    for (int i = ReceiptCode::kSymbols - 1; i >= 0; --i) {
        weights[static_cast<size_t>(i)] = power;
        power = gfMul(power, 0b10);
    }
    return weights;
}
constexpr auto kWeights = makeWeights();

int symbolValue(QChar c)
{
    const auto index = kAlphabet.indexOf(c);
    return index < 0 ? -1 : static_cast<int>(index);
}

// Maps one typed character to a canonical symbol: upper-cases, applies Crockford's aliases.
// Returns a null QChar for a character that is not a symbol at all.
QChar canonicalSymbol(QChar typed)
{
    const QChar upper = typed.toUpper();
    if (upper == u'I' || upper == u'L')
        return u'1';
    if (upper == u'O')
        return u'0';
    return symbolValue(upper) >= 0 ? upper : QChar();
}

unsigned weightedSum(QStringView symbols)
{
    unsigned sum = 0;
    for (qsizetype i = 0; i < symbols.size(); ++i)
        sum ^= gfMul(kWeights[static_cast<size_t>(i)], static_cast<unsigned>(symbolValue(symbols[i])));
    return sum;
}

} // namespace

QStringView ReceiptCode::alphabet()
{
    return kAlphabet;
}

QChar ReceiptCode::checkSymbol(QStringView dataSymbols)
{
    Q_ASSERT(dataSymbols.size() == kDataSymbols);
    // The check weight is 1, so the check value is the sum of the weighted data symbols.
    return kAlphabet[weightedSum(dataSymbols)];
}

bool ReceiptCode::checkSymbolMatches(QStringView canonicalSymbols)
{
    if (canonicalSymbols.size() != kSymbols)
        return false;
    for (QChar c : canonicalSymbols) {
        if (symbolValue(c) < 0)
            return false;
    }
    return weightedSum(canonicalSymbols) == 0;
}

ReceiptCode ReceiptCode::generate()
{
    // Idempotent and thread-safe; picks the best entropy source before the first draw.
    [[maybe_unused]] static const int sodiumReady = sodium_init();
    QString symbols;
    symbols.reserve(kSymbols);
    for (int i = 0; i < kDataSymbols; ++i)
        symbols.append(kAlphabet[static_cast<qsizetype>(randombytes_uniform(32))]);
    symbols.append(checkSymbol(symbols));
    return ReceiptCode(symbols);
}

Result<ReceiptCode> ReceiptCode::fromDataSymbols(QStringView dataSymbols)
{
    if (dataSymbols.size() != kDataSymbols)
        return makeError(ErrorKind::InvalidInput,
                         u"A receipt code has %1 data symbols, not %2."_s.arg(kDataSymbols).arg(dataSymbols.size()));
    for (QChar c : dataSymbols) {
        if (symbolValue(c) < 0)
            return makeError(ErrorKind::InvalidInput, u"'%1' is not a receipt code symbol."_s.arg(c));
    }
    QString symbols = dataSymbols.toString();
    symbols.append(checkSymbol(dataSymbols));
    return ReceiptCode(symbols);
}

Result<ReceiptCode> ReceiptCode::parse(QStringView typed)
{
    QString symbols;
    symbols.reserve(kSymbols);
    for (QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        const QChar symbol = canonicalSymbol(c);
        if (symbol.isNull())
            return makeError(ErrorKind::InvalidInput,
                             u"'%1' cannot appear in a receipt code: codes use the digits 0-9 and the letters "
                             "A-Z except I, L, O and U. Check the code and type it again."_s.arg(c));
        symbols.append(symbol);
    }
    if (symbols.size() != kSymbols)
        return makeError(ErrorKind::InvalidInput,
                         u"A receipt code has %1 characters (for example 7K2M-QX9D-R4T1), but %2 were entered. "
                         "Check the code and type it again."_s.arg(kSymbols).arg(symbols.size()));
    if (!checkSymbolMatches(symbols))
        return makeError(ErrorKind::InvalidInput,
                         u"This receipt code is not valid: a character is wrong or two are swapped. "
                         "Check the code and type it again."_s);
    return ReceiptCode(symbols);
}

QString ReceiptCode::formatted() const
{
    QString out;
    for (qsizetype i = 0; i < m_symbols.size(); ++i) {
        if (i > 0 && i % kGroupSize == 0)
            out.append(u'-');
        out.append(m_symbols[i]);
    }
    return out;
}

ReceiptHashKey deriveReceiptHashKey(const QString &surveyId, const QByteArray &councilPublicKey)
{
    // Length-prefixed fields, so ("ab", "c") and ("a", "bc") cannot collide.
    const QByteArray id = surveyId.toUtf8();
    QByteArray input = QByteArrayLiteral("chorus/receipt-hash-key/v1");
    for (const QByteArray *field : {&id, &councilPublicKey}) {
        const quint32 n = static_cast<quint32>(field->size());
        for (int shift = 24; shift >= 0; shift -= 8)
            input.append(static_cast<char>((n >> shift) & 0xffu));
        input.append(*field);
    }
    ReceiptHashKey key;
    key.bytes.resize(crypto_generichash_KEYBYTES);
    crypto_generichash(reinterpret_cast<unsigned char *>(key.bytes.data()), static_cast<size_t>(key.bytes.size()),
                       reinterpret_cast<const unsigned char *>(input.constData()),
                       static_cast<unsigned long long>(input.size()), nullptr, 0);
    return key;
}

QString receiptCodeHash(const ReceiptCode &code, const ReceiptHashKey &key)
{
    Q_ASSERT(!code.isNull());
    Q_ASSERT(key.bytes.size() >= int(crypto_generichash_KEYBYTES_MIN)
             && key.bytes.size() <= int(crypto_generichash_KEYBYTES_MAX));
    const QByteArray message = code.canonical().toLatin1();
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char *>(message.constData()),
                       static_cast<unsigned long long>(message.size()),
                       reinterpret_cast<const unsigned char *>(key.bytes.constData()),
                       static_cast<size_t>(key.bytes.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

bool isReceiptCodeHash(QStringView text)
{
    if (text.size() != 2 * qsizetype(crypto_generichash_BYTES))
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace chorus::consent
