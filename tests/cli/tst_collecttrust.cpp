// SPDX-License-Identifier: GPL-3.0-or-later
// `chorusctl collect` seals answers to the key inside the survey package, so it takes only a
// package whose signature verifies: against the enrolled council key on an enrolled device,
// against an explicitly given key (or explicitly none, for tests) on a database never enrolled,
// and the choice is in the audit log. A side output after the response is stored (the receipt
// QR code) cannot turn that success into a failure a script would retry.
#include "CliRunner.h"

#include "crypto/CouncilKeys.h"
#include "crypto/DeviceVault.h"
#include "crypto/Signing.h"
#include "enrollment/DeviceEnrollment.h"
#include "enrollment/EnrollmentBundle.h"
#include "enrollment/VaultSettings.h"
#include "store/SqliteStore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace chorus;
using chorus::testing::runCli;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// How many responses the database holds, from the audit lines finalize() writes.
int finalizedCount(const QString &db)
{
    auto store = store::SqliteStore::open(db);
    if (!store)
        return -1;
    auto events = (*store)->audit().list();
    if (!events)
        return -1;
    return int(std::count_if(events->cbegin(), events->cend(),
                             [](const store::AuditEvent &e) { return e.kind == u"response.finalized"_s; }));
}

QString trustRecorded(const QString &db)
{
    auto store = store::SqliteStore::open(db);
    if (!store)
        return {};
    auto events = (*store)->audit().list();
    for (const store::AuditEvent &e : events ? *events : QList<store::AuditEvent>()) {
        if (e.kind == u"collect.package"_s)
            return e.detail;
    }
    return {};
}

} // namespace

class TestCollectTrust : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    crypto::SigningKey m_key;
    QByteArray m_package;
    QString m_answers;
    QString m_keyFile;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A package (and FILE.sig) signed by the council key, with `bytes` as its content.
    QString signedPackage(const QString &name, const QByteArray &bytes, const QByteArray &signedBytes)
    {
        const QString file = path(name);
        writeAll(file, bytes);
        writeAll(file + u".sig"_s, m_key.sign(signedBytes).toBase64() + '\n');
        return file;
    }

    QStringList collect(const QString &package, const QString &db, const QStringList &extra = {}) const
    {
        return QStringList{u"collect"_s, u"--survey"_s, package, u"--db"_s, db, u"--answers"_s, m_answers,
                           u"--grant"_s, u"equality_monitoring"_s, u"--grant"_s, u"consultation"_s, u"--operator"_s,
                           u"op-7"_s}
             + extra;
    }

    QString enrolledDb(const QString &name)
    {
        const QString db = path(name);
        auto store = store::SqliteStore::open(db);
        if (!store)
            qFatal("no store");
        crypto::DeviceVault::Options fast;
        fast.kdf = crypto::KdfParams::interactive();
        auto vault = enrollment::unlockOrCreateVault((*store)->settings(), "operator passphrase", true, fast);
        if (!vault)
            qFatal("no vault: %s", qPrintable(vault.error().message));
        enrollment::EnrollmentBundle b;
        b.council = u"Example Borough Council"_s;
        b.endpoint = QUrl(u"https://collect.example.gov.uk"_s);
        b.projectId = u"equality-2026"_s;
        b.device = u"tablet-07"_s;
        b.deviceToken = QByteArrayLiteral("Wf4wcsg-I84GdYkXAzrpxVIRxZoLa-j1hsP6Q81digI");
        b.signingPublicKey = m_key.publicKey();
        b.surveys = {u"*"_s};
        b.issuedAt = QDateTime::currentDateTimeUtc();
        b.expiresAt = b.issuedAt.addDays(1);
        auto enrolled = enrollment::enroll(*enrollment::writeBundle(b, m_key), (*store)->settings(), *vault);
        if (!enrolled)
            qFatal("not enrolled: %s", qPrintable(enrolled.error().message));
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_key = crypto::SigningKey::generate().value();
        m_package = readAll(QStringLiteral(CHORUS_SOURCE_DIR "/tests/consent/data/consent-survey.chorus.json"));
        m_answers = path(u"answers.json"_s);
        writeAll(m_answers, R"({"satisfaction": "4", "improvements": "Open on Sundays", "sex": "female"})");
        m_keyFile = path(u"signing-ed25519.pub"_s);
        writeAll(m_keyFile, m_key.publicKey().toBase64() + '\n');
    }

    void enrolled_signedPackage_isCollected_andTheCheckIsAudited()
    {
        const QString db = enrolledDb(u"enrolled-ok.db"_s);
        const QString package = signedPackage(u"ok.chorus.json"_s, m_package, m_package);
        const auto run = runCli(collect(package, db));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(finalizedCount(db), 1);
        QVERIFY2(trustRecorded(db).contains(u"enrolled council signing key"_s), qPrintable(trustRecorded(db)));
    }

    void enrolled_oneChangedByte_isRefused_andNothingIsFinalized_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("a label") << QByteArray("Your library: have your say") << QByteArray("Your library: have your sax");
        // Another valid RSA key: the response would be sealed to a key nobody at the council holds.
        const QByteArray other = crypto::generateCouncilKeyPair().value().publicKey.toBase64();
        const qsizetype at = m_package.indexOf("\"publicKey\": \"") + 14;
        const QByteArray held = m_package.mid(at, m_package.indexOf('"', at) - at);
        QTest::newRow("encryption.publicKey") << held << other;
    }

    void enrolled_oneChangedByte_isRefused_andNothingIsFinalized()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QVERIFY(m_package.contains(from));
        QByteArray changed = m_package;
        changed.replace(from, to);
        const QString db = enrolledDb(u"enrolled-%1.db"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        // Signed before the change, as a package swapped in transit would be.
        const QString package = signedPackage(u"changed.chorus.json"_s, changed, m_package);
        const auto run = runCli(collect(package, db));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(u"not signed by this device's council signing key"_s), qPrintable(run.err));
        QVERIFY(!run.out.contains(u"finalized"_s));
        QCOMPARE(finalizedCount(db), 0);
    }

    void enrolled_trustOptions_areRefused()
    {
        const QString db = enrolledDb(u"enrolled-flags.db"_s);
        const QString package = signedPackage(u"flags.chorus.json"_s, m_package, m_package);
        QCOMPARE(runCli(collect(package, db, {u"--unsigned-test-package"_s})).code, 2);
        QCOMPARE(runCli(collect(package, db, {u"--signing-key"_s, m_keyFile})).code, 2);
        QCOMPARE(finalizedCount(db), 0);
    }

    void notEnrolled_withoutATrustOption_isAUsageError_andCreatesNoDatabase()
    {
        const QString db = path(u"new-none.db"_s);
        const QString package = signedPackage(u"none.chorus.json"_s, m_package, m_package);
        const auto run = runCli(collect(package, db));
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(u"--signing-key"_s) && run.err.contains(u"--unsigned-test-package"_s),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(db));
    }

    void notEnrolled_signingKey_checksTheSignature()
    {
        QByteArray changed = m_package;
        changed.replace("have your say", "have your sax");
        const QString bad = signedPackage(u"key-bad.chorus.json"_s, changed, m_package);
        const QString db = path(u"new-key.db"_s);
        QCOMPARE(runCli(collect(bad, db, {u"--signing-key"_s, m_keyFile})).code, 1);
        QVERIFY(!QFile::exists(db));

        const QString good = signedPackage(u"key-good.chorus.json"_s, m_package, m_package);
        const auto run = runCli(collect(good, db, {u"--signing-key"_s, m_keyFile}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(finalizedCount(db), 1);
        QVERIFY2(trustRecorded(db).contains(u"given on the command line"_s), qPrintable(trustRecorded(db)));
    }

    void notEnrolled_unsignedTestPackage_isCollected_withAWarning_andRecorded()
    {
        const QString package = path(u"unsigned.chorus.json"_s);
        writeAll(package, m_package);
        const QString db = path(u"new-unsigned.db"_s);
        const auto run = runCli(collect(package, db, {u"--unsigned-test-package"_s}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(u"signature not checked"_s), qPrintable(run.err));
        QCOMPARE(finalizedCount(db), 1);
        QVERIFY2(trustRecorded(db).contains(u"unsigned test package"_s), qPrintable(trustRecorded(db)));
    }

    void receiptQrThatCannotBeWritten_warns_andStillExitsZero()
    {
        const QString package = signedPackage(u"qr.chorus.json"_s, m_package, m_package);
        const QString db = path(u"qr.db"_s);
        // A regular file where the QR code's folder should be: the write fails for root too.
        writeAll(path(u"not-a-folder"_s), "x");
        const auto run = runCli(collect(package, db,
                                        {u"--signing-key"_s, m_keyFile, u"--receipt-qr"_s,
                                         path(u"not-a-folder/receipt.png"_s)}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"finalized uuid:"_s));
        QVERIFY(run.out.contains(u"receipt "_s));
        QVERIFY2(run.err.contains(u"receipt QR code was not written"_s), qPrintable(run.err));
        QCOMPARE(finalizedCount(db), 1);
    }
};

QTEST_GUILESS_MAIN(TestCollectTrust)
#include "tst_collecttrust.moc"
