// SPDX-License-Identifier: GPL-3.0-or-later
// The Secret Service keystore against a real GNOME Keyring in a private session (with-keyring.sh).
#include "KeyringTestSupport.h"
#include "SecretServiceKeyStore.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>

using namespace chorus;
using namespace chorus::platform;
using namespace std::chrono_literals;

namespace {

// The child side of availability_withoutASessionBus: reports what availability() said.
constexpr char kProbeVariable[] = "CHORUS_KEYSTORE_PROBE";

int runProbe()
{
    SecretServiceKeyStore keyStore(1s);
    const Status status = keyStore.availability();
    std::fputs(status ? "available\n" : qPrintable(status.error().message + QLatin1Char('\n')), stdout);
    return status ? 0 : 3;
}

bool sameBytes(const crypto::SecretBytes &a, const crypto::SecretBytes &b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

class TestSecretServiceKeyStore : public QObject
{
    Q_OBJECT

    SecretServiceKeyStore m_store;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString reason = test::noKeyringReason(); !reason.isEmpty()) {
            QSKIP(qPrintable(reason));
        }
        const Status available = m_store.availability();
        QVERIFY2(available, qPrintable(available ? QString() : available.error().message));
    }

    void store_load_remove_roundTrip()
    {
        const auto key = crypto::SecretBytes::random(32);
        QVERIFY(m_store.store(QStringLiteral("round-trip"), QStringLiteral("Chorus test key"), key));
        auto loaded = m_store.load(QStringLiteral("round-trip"));
        QVERIFY(loaded);
        QVERIFY(loaded->has_value());
        QVERIFY(sameBytes(**loaded, key));

        // Storing again replaces, it does not add a second item.
        const auto replacement = crypto::SecretBytes::random(32);
        QVERIFY(m_store.store(QStringLiteral("round-trip"), QStringLiteral("Chorus test key"), replacement));
        loaded = m_store.load(QStringLiteral("round-trip"));
        QVERIFY(loaded && loaded->has_value());
        QVERIFY(sameBytes(**loaded, replacement));

        QVERIFY(m_store.remove(QStringLiteral("round-trip")));
        loaded = m_store.load(QStringLiteral("round-trip"));
        QVERIFY(loaded);
        QVERIFY(!loaded->has_value());
        QVERIFY(m_store.remove(QStringLiteral("round-trip"))); // already gone: fine
    }

    void load_missingEntry_isNullopt()
    {
        auto loaded = m_store.load(QStringLiteral("never-stored"));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QVERIFY(!loaded->has_value());
    }

    void twoEntries_doNotSeeEachOther()
    {
        const auto first = crypto::SecretBytes::random(32);
        const auto second = crypto::SecretBytes::random(32);
        QVERIFY(m_store.store(QStringLiteral("device-a"), QStringLiteral("a"), first));
        QVERIFY(m_store.store(QStringLiteral("device-b"), QStringLiteral("b"), second));
        auto a = m_store.load(QStringLiteral("device-a"));
        auto b = m_store.load(QStringLiteral("device-b"));
        QVERIFY(a && a->has_value() && b && b->has_value());
        QVERIFY(sameBytes(**a, first));
        QVERIFY(sameBytes(**b, second));
        QVERIFY(m_store.remove(QStringLiteral("device-a")));
        b = m_store.load(QStringLiteral("device-b"));
        QVERIFY(b && b->has_value());
        QVERIFY(sameBytes(**b, second));
        QVERIFY(m_store.remove(QStringLiteral("device-b")));
    }

    void availability_withoutAWorkingSessionBus_failsWithinTheTimeout_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no bus address, no runtime bus") << QString() << QStringLiteral("no D-Bus session bus");
        QTest::newRow("dead socket") << QStringLiteral("unix:path=%1/nobody-here") << QStringLiteral("no D-Bus session bus");
        QTest::newRow("bus that never answers") << QStringLiteral("unix:path=%1/silent") << QStringLiteral("did not answer in time");
    }

    void availability_withoutAWorkingSessionBus_failsWithinTheTimeout()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A listening socket that is never accepted: the connection is made by the kernel and
        // then the D-Bus handshake waits for an answer that never comes.
        QLocalServer silent;
        silent.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(silent.listen(dir.filePath(QStringLiteral("silent"))));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kProbeVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
        env.remove(QStringLiteral("DISPLAY"));
        if (address.isEmpty()) {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        } else {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address.arg(dir.path()));
        }
        QProcess probe;
        probe.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        probe.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(probe.waitForFinished(30000));
        const auto elapsed = timer.elapsed();
        const QString said = QString::fromUtf8(probe.readAllStandardOutput());
        QCOMPARE(probe.exitCode(), 3);
        QVERIFY2(said.contains(expected), qPrintable(said));
        // The probe's timeout is 1 s; the rest is process start-up on a loaded machine.
        QVERIFY2(elapsed < 15000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    }

    // Last: once locked, the throwaway keyring could only be opened again through a prompt.
    void lockedKeyring_givesAClearError_withoutAPrompt()
    {
        const auto key = crypto::SecretBytes::random(32);
        QVERIFY(m_store.store(QStringLiteral("before-lock"), QStringLiteral("Chorus test key"), key));
        QVERIFY(test::lockDefaultKeyring());

        QElapsedTimer timer;
        timer.start();
        const Status available = m_store.availability();
        QVERIFY(!available);
        QCOMPARE(available.error().kind, ErrorKind::Permission);
        QVERIFY2(available.error().message.contains(QLatin1String("locked")), qPrintable(available.error().message));

        auto loaded = m_store.load(QStringLiteral("before-lock"));
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().kind, ErrorKind::Permission);
        QVERIFY(loaded.error().message.contains(QLatin1String("locked")));

        const Status stored = m_store.store(QStringLiteral("after-lock"), QStringLiteral("x"), key);
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::Permission);
        const Status removed = m_store.remove(QStringLiteral("before-lock"));
        QVERIFY(!removed);
        QCOMPARE(removed.error().kind, ErrorKind::Permission);
        // No prompt was waited for: each answer came straight back, well inside the timeout.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kProbeVariable)) {
        return runProbe();
    }
    QCoreApplication app(argc, argv);
    TestSecretServiceKeyStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretservicekeystore.moc"
