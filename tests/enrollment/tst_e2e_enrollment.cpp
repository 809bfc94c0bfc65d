// SPDX-License-Identifier: GPL-3.0-or-later
// The admin's and the device's whole path with the real executables over loopback:
// keys init → survey sign → publish → enroll → device enroll → device update → collect → sync
// (with the enrolled endpoint and token) accepted; then a revoked device gets 401 and is told to re-enrol, and a package tampered with
// on the receiver is refused by the device.
#include "../e2e/E2eHarness.h"

#include "enrollment/EnrollmentBundle.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace chorus;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestE2eEnrollment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishEnrollUpdateCollectSync_thenRevoke()
    {
        E2eHarness h;
        writeFile(h.path(QStringLiteral("pass")), "admin passphrase 4711\n");
        writeFile(h.path(QStringLiteral("operator")), "operator passphrase 0815\n");
        const QString keys = h.path(QStringLiteral("keys"));
        const QString pass = h.path(QStringLiteral("pass"));
        RunResult r = h.chorusctl({QStringLiteral("keys"), QStringLiteral("init"), QStringLiteral("--dir"), keys,
                                   QStringLiteral("--passphrase-file"), pass, QStringLiteral("--kdf"),
                                   QStringLiteral("interactive")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QString whyNot;
        QVERIFY2(h.startReceiver(&whyNot, keys + QStringLiteral("/signing-ed25519.pub")), qPrintable(whyNot));
        const QString adminToken = h.path(QStringLiteral("admin-token"));
        const QStringList admin{QStringLiteral("--endpoint"), h.endpoint(), QStringLiteral("--admin-token-file"), adminToken};
        const QStringList publish = QStringList{QStringLiteral("survey"), QStringLiteral("publish"), QStringLiteral("--keys"), keys} + admin;

        const QString survey = h.path(QStringLiteral("survey.chorus.json"));
        r = h.chorusctl({QStringLiteral("survey"), QStringLiteral("new"), QStringLiteral("--from"),
                         QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"), QStringLiteral("--public-key-file"),
                         keys + QStringLiteral("/council-rsa.pub"), QStringLiteral("--endpoint"), h.endpoint(),
                         QStringLiteral("--version"), QStringLiteral("7"), QStringLiteral("--out"), survey});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl({QStringLiteral("survey"), QStringLiteral("sign"), survey, QStringLiteral("--keys"), keys,
                         QStringLiteral("--passphrase-file"), pass});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl(publish + QStringList{survey});
        QVERIFY2(r.exitCode == 0 && r.out.contains("(created)"), qPrintable(r.describe()));

        // A lower version is refused by the receiver.
        const QString older = h.path(QStringLiteral("older.chorus.json"));
        r = h.chorusctl({QStringLiteral("survey"), QStringLiteral("new"), QStringLiteral("--from"), survey,
                         QStringLiteral("--public-key-file"), keys + QStringLiteral("/council-rsa.pub"),
                         QStringLiteral("--version"), QStringLiteral("6"), QStringLiteral("--out"), older});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(h.chorusctl({QStringLiteral("survey"), QStringLiteral("sign"), older, QStringLiteral("--keys"), keys,
                             QStringLiteral("--passphrase-file"), pass}).exitCode == 0);
        r = h.chorusctl(publish + QStringList{older});
        QVERIFY2(r.exitCode == 1 && r.err.contains("older"), qPrintable(r.describe()));

        const QString bundle = h.path(QStringLiteral("tablet.bundle"));
        const QString png = h.path(QStringLiteral("tablet.png"));
        r = h.chorusctl(QStringList{QStringLiteral("enroll"), QStringLiteral("--device"), QStringLiteral("tablet-e2e"),
                                    QStringLiteral("--council"), QStringLiteral("Example Borough Council"),
                                    QStringLiteral("--survey"), QStringLiteral("libraries_consultation_2026"),
                                    QStringLiteral("--keys"), keys, QStringLiteral("--passphrase-file"), pass,
                                    QStringLiteral("--out"), bundle, QStringLiteral("--qr"), png}
                        + admin);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        auto parsed = enrollment::readBundle(readFile(bundle));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QVERIFY(r.out.contains(parsed->fingerprint().toLatin1()));
        QVERIFY(readFile(png).startsWith("\x89PNG"));
        QCOMPARE(QFile::permissions(bundle) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        const QByteArray deviceToken = parsed->deviceToken;

        const QString db = h.path(QStringLiteral("device.db"));
        const QStringList device{QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"), h.path(QStringLiteral("operator"))};
        r = h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--bundle"), bundle,
                                    QStringLiteral("--kdf"), QStringLiteral("interactive")}
                        + device);
        QVERIFY2(r.exitCode == 0 && r.out.contains(parsed->fingerprint().toLatin1()), qPrintable(r.describe()));
        r = h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("update")} + device);
        QVERIFY2(r.exitCode == 0 && r.out.contains("installed (libraries_consultation_2026 version 7)"), qPrintable(r.describe()));
        r = h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("update")} + device);
        QVERIFY2(r.exitCode == 0 && r.out.contains("already current"), qPrintable(r.describe()));

        writeFile(h.path(QStringLiteral("answers.json")),
                  "{\"uses_library\": \"no\", \"why_not_used\": [\"hours\"], \"agree_evening_hours\": \"1\","
                  " \"agree_hubs\": \"2\"}");
        const QStringList collect{QStringLiteral("collect"), QStringLiteral("--survey"), survey, QStringLiteral("--answers"),
                                  h.path(QStringLiteral("answers.json")), QStringLiteral("--db"), db,
                                  QStringLiteral("--grant"), QStringLiteral("consultation"), QStringLiteral("--grant"),
                                  QStringLiteral("equality_monitoring"),
                                  QStringLiteral("--operator"), QStringLiteral("e2e")};
        r = h.chorusctl(collect);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString instanceId = QString::fromUtf8(r.out).section(QLatin1Char('\n'), 0, 0).mid(10).trimmed();
        // Sync with what the enrollment holds: endpoint, token and TLS settings.
        const QStringList sync{QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--passphrase-file"),
                               h.path(QStringLiteral("operator"))};
        r = h.chorusctl(sync);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QVERIFY2(r.out.contains((instanceId + QStringLiteral("\taccepted")).toUtf8()), qPrintable(r.describe()));

        r = h.chorusctl(QStringList{QStringLiteral("enroll"), QStringLiteral("list")} + admin);
        QVERIFY2(r.exitCode == 0 && r.out.contains("tablet-e2e\tactive"), qPrintable(r.describe()));
        r = h.chorusctl(QStringList{QStringLiteral("enroll"), QStringLiteral("revoke"), QStringLiteral("--device"),
                                    QStringLiteral("tablet-e2e")}
                        + admin);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl(collect);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = h.chorusctl(sync);
        QVERIFY2(r.exitCode != 0 && QByteArray(r.out + r.err).contains("re-enrol"), qPrintable(r.describe()));
        r = h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("update")} + device);
        QVERIFY2(r.exitCode == 1 && r.err.contains("re-enrol"), qPrintable(r.describe()));

        // Neither token nor passphrase ever printed by any command or the receiver's log.
        const QByteArray everything = h.allOutput();
        QVERIFY(!everything.contains(deviceToken));
        QVERIFY(!everything.contains(readFile(adminToken).trimmed()));
        QVERIFY(!everything.contains("passphrase 4711"));
        QVERIFY(!everything.contains("passphrase 0815"));
        // The token is sealed in the device database.
        QDirIterator it(h.path(QString()), {QStringLiteral("device.db*")}, QDir::Files);
        while (it.hasNext()) {
            QVERIFY2(!readFile(it.next()).contains(deviceToken), qPrintable(it.filePath()));
        }
    }

    void tamperedPackageOnTheReceiver_isRefusedByTheDevice()
    {
        E2eHarness h;
        writeFile(h.path(QStringLiteral("pass")), "admin passphrase 4711\n");
        writeFile(h.path(QStringLiteral("operator")), "operator passphrase 0815\n");
        const QString keys = h.path(QStringLiteral("keys"));
        const QString pass = h.path(QStringLiteral("pass"));
        QVERIFY(h.chorusctl({QStringLiteral("keys"), QStringLiteral("init"), QStringLiteral("--dir"), keys,
                             QStringLiteral("--passphrase-file"), pass, QStringLiteral("--kdf"), QStringLiteral("interactive")})
                    .exitCode == 0);
        QString whyNot;
        QVERIFY2(h.startReceiver(&whyNot, keys + QStringLiteral("/signing-ed25519.pub")), qPrintable(whyNot));
        const QStringList admin{QStringLiteral("--endpoint"), h.endpoint(), QStringLiteral("--admin-token-file"),
                                h.path(QStringLiteral("admin-token")), QStringLiteral("--keys"), keys};
        // The package was changed after signing: its signature is the original's.
        const QString survey = h.path(QStringLiteral("survey.chorus.json"));
        QVERIFY(h.chorusctl({QStringLiteral("survey"), QStringLiteral("new"), QStringLiteral("--from"),
                             QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"), QStringLiteral("--public-key-file"),
                             keys + QStringLiteral("/council-rsa.pub"), QStringLiteral("--out"), survey})
                    .exitCode == 0);
        QVERIFY(h.chorusctl({QStringLiteral("survey"), QStringLiteral("sign"), survey, QStringLiteral("--keys"), keys,
                             QStringLiteral("--passphrase-file"), pass}).exitCode == 0);
        QByteArray bytes = readFile(survey);
        bytes.replace("Libraries and community hubs", "Libraries and community hubz");
        writeFile(survey, bytes);
        // Publish checks the signature before sending anything.
        RunResult r = h.chorusctl(QStringList{QStringLiteral("survey"), QStringLiteral("publish"), survey} + admin);
        QVERIFY2(r.exitCode == 1 && r.err.contains("does not verify") && r.err.contains("Nothing was sent"),
                 qPrintable(r.describe()));
        // Signed with another key directory, it passes that local check; the receiver holds the
        // council's key and refuses it before replacing anything.
        const QString otherKeys = h.path(QStringLiteral("other-keys"));
        QVERIFY(h.chorusctl({QStringLiteral("keys"), QStringLiteral("init"), QStringLiteral("--dir"), otherKeys,
                             QStringLiteral("--passphrase-file"), pass, QStringLiteral("--kdf"), QStringLiteral("interactive")})
                    .exitCode == 0);
        QVERIFY(h.chorusctl({QStringLiteral("survey"), QStringLiteral("sign"), survey, QStringLiteral("--keys"), otherKeys,
                             QStringLiteral("--passphrase-file"), pass}).exitCode == 0);
        QStringList otherAdmin = admin;
        otherAdmin.last() = otherKeys;
        r = h.chorusctl(QStringList{QStringLiteral("survey"), QStringLiteral("publish"), survey} + otherAdmin);
        QVERIFY2(r.exitCode == 1 && r.err.contains("does not verify against the council signing key this receiver holds"),
                 qPrintable(r.describe()));
        // Someone with write access to the receiver's folder plants it anyway (the older way of
        // offering packages): the device still refuses it.
        QVERIFY(QDir().mkpath(h.path(QStringLiteral("receiver/packages"))));
        writeFile(h.path(QStringLiteral("receiver/packages/libraries.chorus.json")), bytes);
        QVERIFY(QFile::copy(survey + QStringLiteral(".sig"), h.path(QStringLiteral("receiver/packages/libraries.chorus.json.sig"))));
        const QString bundle = h.path(QStringLiteral("tablet.bundle"));
        QVERIFY(h.chorusctl(QStringList{QStringLiteral("enroll"), QStringLiteral("--device"), QStringLiteral("t2"),
                                        QStringLiteral("--keys"), keys, QStringLiteral("--passphrase-file"), pass,
                                        QStringLiteral("--out"), bundle} + admin)
                    .exitCode == 0);
        const QStringList device{QStringLiteral("--db"), h.path(QStringLiteral("device.db")), QStringLiteral("--passphrase-file"),
                                 h.path(QStringLiteral("operator"))};
        QVERIFY(h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--bundle"), bundle,
                                        QStringLiteral("--kdf"), QStringLiteral("interactive")} + device)
                    .exitCode == 0);
        r = h.chorusctl(QStringList{QStringLiteral("device"), QStringLiteral("update")} + device);
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("refused") && r.out.contains("not signed by this device's council signing key"),
                 qPrintable(r.describe()));
        QVERIFY(r.err.contains("1 survey package(s) refused"));
    }
};

QTEST_GUILESS_MAIN(TestE2eEnrollment)
#include "tst_e2e_enrollment.moc"
