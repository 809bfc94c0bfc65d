// SPDX-License-Identifier: GPL-3.0-or-later
#include "consent/ReceiptCode.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using chorus::consent::ReceiptCode;
using chorus::consent::ReceiptHashKey;

namespace {
constexpr int kRandomCodes = 2000;

ReceiptHashKey testKey()
{
    QByteArray bytes;
    for (int i = 0; i < 32; ++i)
        bytes.append(static_cast<char>(i));
    return ReceiptHashKey{bytes};
}
} // namespace

class TestReceiptCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_givesTwelveSymbolsInThreeGroupsOfFour()
    {
        static const QRegularExpression shape(u"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"_s);
        const ReceiptCode code = ReceiptCode::generate();
        QVERIFY2(shape.match(code.formatted()).hasMatch(), qPrintable(code.formatted()));
        QCOMPARE(code.canonical().size(), 12);
        QVERIFY(ReceiptCode::kRandomBits >= 50);
    }

    void generate_codesAreDistinctCheckedAndUseTheWholeAlphabet()
    {
        QSet<QString> seen;
        QSet<QChar> symbols;
        for (int i = 0; i < 10000; ++i) {
            const ReceiptCode code = ReceiptCode::generate();
            QVERIFY(ReceiptCode::checkSymbolMatches(code.canonical()));
            QVERIFY2(!seen.contains(code.canonical()), "a 55-bit code repeated within 10,000 draws");
            seen.insert(code.canonical());
            for (qsizetype j = 0; j < ReceiptCode::kDataSymbols; ++j)
                symbols.insert(code.canonical()[j]);
        }
        QCOMPARE(symbols.size(), 32);
    }

    void checkSymbol_knownVectors_pinTheAlgorithm()
    {
        // Independent implementation (Python) of the scheme in docs/formats/consent-record.md.
        QCOMPARE(ReceiptCode::checkSymbol(u"00000000000"), u'0');
        QCOMPARE(ReceiptCode::checkSymbol(u"00000000001"), u'2'); // weight alpha^1 = 2
        QCOMPARE(ReceiptCode::checkSymbol(u"10000000000"), u'7'); // weight alpha^11 = 7
        QCOMPARE(ReceiptCode::checkSymbol(u"7K2MQX9DR4T"), u'1');
        QCOMPARE(ReceiptCode::checkSymbol(u"ZZZZZZZZZZZ"), u'K');
    }

    void checkSymbol_everySingleSubstitution_isDetected()
    {
        const QStringView alphabet = ReceiptCode::alphabet();
        for (int n = 0; n < kRandomCodes; ++n) {
            const QString code = ReceiptCode::generate().canonical();
            for (qsizetype pos = 0; pos < code.size(); ++pos) {
                for (QChar replacement : alphabet) {
                    if (replacement == code[pos])
                        continue;
                    QString typo = code;
                    typo[pos] = replacement;
                    if (ReceiptCode::checkSymbolMatches(typo))
                        QFAIL(qPrintable(u"substitution not caught: %1 -> %2"_s.arg(code, typo)));
                }
            }
        }
    }

    void checkSymbol_everyTranspositionOfTwoDifferentSymbols_isDetected()
    {
        // Adjacent swaps are what the brief requires; the distinct weights catch any swap.
        for (int n = 0; n < kRandomCodes; ++n) {
            const QString code = ReceiptCode::generate().canonical();
            for (qsizetype i = 0; i < code.size(); ++i) {
                for (qsizetype j = i + 1; j < code.size(); ++j) {
                    if (code[i] == code[j])
                        continue;
                    QString swapped = code;
                    std::swap(swapped[i], swapped[j]);
                    if (ReceiptCode::checkSymbolMatches(swapped))
                        QFAIL(qPrintable(u"swap not caught: %1 -> %2"_s.arg(code, swapped)));
                }
            }
        }
    }

    void checkSymbol_everyAdjacentPairOfSymbols_swapIsDetectedAtEveryPosition()
    {
        // Exhaustive over all 32 x 31 ordered symbol pairs at every adjacent data position.
        const QStringView alphabet = ReceiptCode::alphabet();
        const QString base = ReceiptCode::generate().canonical().left(ReceiptCode::kDataSymbols);
        for (qsizetype pos = 0; pos + 1 < ReceiptCode::kDataSymbols; ++pos) {
            for (QChar a : alphabet) {
                for (QChar b : alphabet) {
                    if (a == b)
                        continue;
                    QString data = base;
                    data[pos] = a;
                    data[pos + 1] = b;
                    QString swapped = data + ReceiptCode::checkSymbol(data);
                    std::swap(swapped[pos], swapped[pos + 1]);
                    QVERIFY(!ReceiptCode::checkSymbolMatches(swapped));
                }
            }
        }
    }

    void parse_acceptsLowerCaseSeparatorsAndCrockfordAliases()
    {
        auto code = ReceiptCode::fromDataSymbols(u"1010Q0X9DR4");
        QVERIFY(code.ok());
        const QString typed = u" i0l o-q0x9 dr4"_s + code->canonical().right(1).toLower();
        auto parsed = ReceiptCode::parse(typed);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(*parsed, *code);
        QCOMPARE(ReceiptCode::parse(code->formatted())->canonical(), code->canonical());
    }

    void parse_characterOutsideAlphabet_namesTheCharacter()
    {
        auto parsed = ReceiptCode::parse(u"7K2M-QX9D-R4TU");
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"'U'"));
    }

    void parse_wrongLength_saysHowManyCharactersWereEntered()
    {
        auto parsed = ReceiptCode::parse(u"7K2M-QX9D-R4T");
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(u"12 characters"));
        QVERIFY(parsed.error().message.contains(u"11 were entered"));
    }

    void parse_wrongCheckSymbol_saysACharacterIsWrongOrSwapped()
    {
        QVERIFY(ReceiptCode::parse(u"7K2M-QX9D-R4T1").ok());
        auto parsed = ReceiptCode::parse(u"7K2M-QX9D-R4T2");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, chorus::ErrorKind::InvalidInput);
        QVERIFY(parsed.error().message.contains(u"wrong or two are swapped"));
    }

    void fromDataSymbols_rejectsBadSymbolsAndLength()
    {
        QVERIFY(!ReceiptCode::fromDataSymbols(u"7K2MQX9DR4").ok());
        QVERIFY(!ReceiptCode::fromDataSymbols(u"7K2MQX9DR4U").ok());
        QVERIFY(!ReceiptCode::fromDataSymbols(u"7k2mqx9dr4t").ok()); // canonical alphabet only
    }

    void receiptCodeHash_matchesKeyedBlake2bKnownAnswer()
    {
        // Python: hashlib.blake2b(b"7K2MQX9DR4T1", key=bytes(range(32)), digest_size=32)
        const auto code = ReceiptCode::parse(u"7K2M-QX9D-R4T1");
        QCOMPARE(chorus::consent::receiptCodeHash(*code, testKey()),
                 u"68072c45d0271e51989ffd0c32af7b6caab3b99504df5c8fe2237c1bef451817"_s);
    }

    void receiptCodeHash_dependsOnCodeAndKeyButNotOnHowItWasTyped()
    {
        const auto key = testKey();
        const auto a = ReceiptCode::parse(u"7K2M-QX9D-R4T1");
        const auto typed = ReceiptCode::parse(u"7k2mqx9dr4t1");
        const auto other = ReceiptCode::generate();
        const QString hash = chorus::consent::receiptCodeHash(*a, key);
        QVERIFY(chorus::consent::isReceiptCodeHash(hash));
        QCOMPARE(chorus::consent::receiptCodeHash(*typed, key), hash);
        QVERIFY(chorus::consent::receiptCodeHash(other, key) != hash);
        const auto otherKey = chorus::consent::deriveReceiptHashKey(u"survey-1"_s, QByteArrayLiteral("council"));
        QVERIFY(chorus::consent::receiptCodeHash(*a, otherKey) != hash);
        QVERIFY(!hash.contains(a->canonical(), Qt::CaseInsensitive));
    }

    void deriveReceiptHashKey_separatesSurveysAndCouncils()
    {
        using chorus::consent::deriveReceiptHashKey;
        const auto k = deriveReceiptHashKey(u"ab"_s, QByteArrayLiteral("c"));
        QCOMPARE(k.bytes.size(), 32);
        QCOMPARE(deriveReceiptHashKey(u"ab"_s, QByteArrayLiteral("c")).bytes, k.bytes);
        QVERIFY(deriveReceiptHashKey(u"a"_s, QByteArrayLiteral("bc")).bytes != k.bytes);
        QVERIFY(deriveReceiptHashKey(u"ab"_s, QByteArrayLiteral("d")).bytes != k.bytes);
    }

    void isReceiptCodeHash_rejectsCodesAndUpperCase()
    {
        using chorus::consent::isReceiptCodeHash;
        QVERIFY(!isReceiptCodeHash(u"7K2MQX9DR4T1"));
        QVERIFY(!isReceiptCodeHash(QString(64, u'A')));
        QVERIFY(isReceiptCodeHash(QString(64, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestReceiptCode)
#include "tst_receiptcode.moc"
