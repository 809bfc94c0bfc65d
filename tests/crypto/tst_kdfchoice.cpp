// SPDX-License-Identifier: GPL-3.0-or-later
// The vault's Argon2id cost follows the device's memory: INTERACTIVE on low-memory tablets,
// MODERATE elsewhere, and the parameters travel with the wrapped key so either unlocks later.
#include "CliRunner.h"
#include "DeviceMemory.h"
#include "crypto/DeviceVault.h"
#include "crypto/KeyFile.h"

#include <QTemporaryDir>
#include <QTest>

using chorus::crypto::KdfParams;

namespace {
constexpr quint64 kGiB = 1ull << 30;

bool same(const KdfParams &a, const KdfParams &b)
{
    return a.opsLimit == b.opsLimit && a.memLimit == b.memLimit;
}
} // namespace

class TestKdfChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forDeviceMemory_lowMemoryTablet_isInteractive()
    {
        // A "2 GB" tablet reports a little under 2 GiB; a 1 GB one far less.
        QVERIFY(same(KdfParams::forDeviceMemory(1'900'000'000ull), KdfParams::interactive()));
        QVERIFY(same(KdfParams::forDeviceMemory(kGiB), KdfParams::interactive()));
        QVERIFY(same(KdfParams::forDeviceMemory(KdfParams::kLowMemoryBytes - 1), KdfParams::interactive()));
    }

    void forDeviceMemory_desktopOrUnknown_isModerate()
    {
        QVERIFY(same(KdfParams::forDeviceMemory(KdfParams::kLowMemoryBytes), KdfParams::moderate()));
        QVERIFY(same(KdfParams::forDeviceMemory(16 * kGiB), KdfParams::moderate()));
        QVERIFY(same(KdfParams::forDeviceMemory(0), KdfParams::moderate()));
    }

    void named_acceptsTheThreeChoices_andExplainsAnythingElse()
    {
        QVERIFY(same(*KdfParams::named(QStringLiteral("moderate"), kGiB), KdfParams::moderate()));
        QVERIFY(same(*KdfParams::named(QStringLiteral("interactive"), 64 * kGiB), KdfParams::interactive()));
        QVERIFY(same(*KdfParams::named(QStringLiteral("auto"), kGiB), KdfParams::interactive()));
        QVERIFY(same(*KdfParams::named(QStringLiteral("auto"), 8 * kGiB), KdfParams::moderate()));
        const auto bad = KdfParams::named(QStringLiteral("sensitive"), 8 * kGiB);
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QLatin1String("'sensitive'")));
        QVERIFY(bad.error().message.contains(QLatin1String("interactive")));
    }

    void usableMemory_takesTheLowerOfPhysicalAndCgroupLimit()
    {
        using chorus::platform::usableMemoryBytes;
        QCOMPARE(usableMemoryBytes(8 * kGiB, "max\n"), 8 * kGiB);
        QCOMPARE(usableMemoryBytes(8 * kGiB, ""), 8 * kGiB);
        QCOMPARE(usableMemoryBytes(8 * kGiB, "1073741824\n"), kGiB);
        // cgroup v1's "no limit" is a huge number: not a limit.
        QCOMPARE(usableMemoryBytes(8 * kGiB, "9223372036854771712\n"), 8 * kGiB);
        QCOMPARE(usableMemoryBytes(8 * kGiB, "garbage"), 8 * kGiB);
        QCOMPARE(usableMemoryBytes(0, "536870912"), 536870912ull);
        QVERIFY(usableMemoryBytes() > 0); // this machine has some memory and we can read it
    }

    void interactiveVault_storesItsParameters_andUnlocksWithThem()
    {
        chorus::crypto::DeviceVault::Options options;
        options.kdf = KdfParams::interactive();
        auto vault = chorus::crypto::DeviceVault::create("correct horse battery staple", options);
        QVERIFY(vault);
        const auto stored = chorus::crypto::KeyFile::readParams(vault->wrappedKey(), QStringLiteral("vault"));
        QVERIFY(stored);
        QVERIFY(same(*stored, KdfParams::interactive()));
        // A vault opened later with the device's default options still unlocks: the cost is read from the key.
        chorus::crypto::DeviceVault later(vault->wrappedKey());
        QVERIFY(later.unlock("correct horse battery staple"));
    }

    void deviceEnroll_unknownCost_isAUsageError()
    {
        QTemporaryDir tmp;
        QString err;
        const int code = chorus::testing::runChorusctl({QStringLiteral("device"), QStringLiteral("enroll"),
                                           QStringLiteral("--db"), tmp.filePath(QStringLiteral("d.db")),
                                           QStringLiteral("--passphrase-file"), tmp.filePath(QStringLiteral("p")),
                                           QStringLiteral("--bundle"), tmp.filePath(QStringLiteral("b.json")),
                                           QStringLiteral("--kdf"), QStringLiteral("cheap")},
                                          nullptr, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QLatin1String("'cheap'")), qPrintable(err));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("d.db")))); // nothing created on a usage error
    }
};

QTEST_GUILESS_MAIN(TestKdfChoice)
#include "tst_kdfchoice.moc"
