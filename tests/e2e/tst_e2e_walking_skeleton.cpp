// SPDX-License-Identifier: GPL-3.0-or-later
// The walking skeleton end to end, with the real executables over loopback HTTP:
// keys init → survey new → collect (×3) → sync to chorus-receiver → pull → export,
// then the exported answers must equal the input and nothing secret reached any output.
#include "E2eHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

namespace {
struct Respondent {
    QByteArray answersJson;
    QString satisfaction;
    QString satisfactionState;
    QString comments;
    QString sexState;
};

QList<QStringList> readCsv(const QString &path)
{
    // Minimal RFC 4180 reader for the test: quoted fields with doubled quotes, CRLF rows.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    return rows;
}
} // namespace

class TestE2eWalkingSkeleton : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collectSyncPullExport_exportsExactlyTheAnswersGiven_andLeaksNothing()
    {
        E2eHarness h;
        const QByteArray passphrase = "e2e passphrase 7f3c1d";
        {
            QFile p(h.path(QStringLiteral("passphrase")));
            QVERIFY(p.open(QIODevice::WriteOnly));
            p.write(passphrase + '\n');
        }
        const QString keys = h.path(QStringLiteral("keys"));
        RunResult r = h.chorusctl({QStringLiteral("keys"), QStringLiteral("init"), QStringLiteral("--dir"), keys,
                                   QStringLiteral("--passphrase-file"), h.path(QStringLiteral("passphrase"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        QString whyNot;
        QVERIFY2(h.startReceiver(&whyNot), qPrintable(whyNot));

        const QString survey = h.path(QStringLiteral("survey.chorus.json"));
        r = h.chorusctl({QStringLiteral("survey"), QStringLiteral("new"), QStringLiteral("--from"),
                         QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"),
                         QStringLiteral("--public-key-file"), keys + QStringLiteral("/council-rsa.pub"),
                         QStringLiteral("--endpoint"), h.endpoint(), QStringLiteral("--out"), survey});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        // Collect checks the council's signature: this database is never enrolled, so the key is given.
        r = h.chorusctl({QStringLiteral("survey"), QStringLiteral("sign"), survey, QStringLiteral("--keys"), keys,
                         QStringLiteral("--passphrase-file"), h.path(QStringLiteral("passphrase"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        r = h.receiverCommand({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--data"),
                               h.path(QStringLiteral("receiver")), QStringLiteral("--device"), QStringLiteral("e2e")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString token = QString::fromUtf8(r.out).trimmed();
        QVERIFY(token.size() >= 32);
        const QString tokenFile = h.path(QStringLiteral("device-token"));
        {
            QFile file(tokenFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write(token.toUtf8() + '\n') == token.size() + 1);
        }

        // Three residents of the demo survey: a library user, a non-user (routed past the
        // satisfaction question), and one who skips the equality questions.
        const QList<Respondent> respondents = {
            {"{\"uses_library\": \"yes\", \"libraries_used\": [\"central\"], \"visit_frequency\": \"weekly\","
             " \"satisfaction\": \"4\", \"agree_evening_hours\": \"5\", \"agree_hubs\": \"4\","
             " \"comments\": \"Open on Sundays SENTINEL-ALPHA, please\", \"sex\": {\"state\": \"prefer_not_to_say\"}}",
             QStringLiteral("4"), QStringLiteral("answered"), QStringLiteral("Open on Sundays SENTINEL-ALPHA, please"),
             QStringLiteral("prefer_not_to_say")},
            {"{\"uses_library\": \"no\", \"why_not_used\": [\"hours\"], \"agree_evening_hours\": \"1\","
             " \"agree_hubs\": \"2\", \"comments\": \"Quote \\\"this\\\"\\nand a new line SENTINEL-BETA\","
             " \"sex\": \"female\"}",
             QString(), QStringLiteral("not_asked"), QStringLiteral("Quote \"this\"\nand a new line SENTINEL-BETA"),
             QStringLiteral("answered")},
            {"{\"uses_library\": \"yes\", \"libraries_used\": [\"online\"], \"satisfaction\": \"5\","
             " \"agree_evening_hours\": \"3\", \"agree_hubs\": \"3\"}",
             QStringLiteral("5"), QStringLiteral("answered"), QString(), QStringLiteral("not_answered")},
        };
        const QString db = h.path(QStringLiteral("device.db"));
        QStringList instanceIds;
        for (int i = 0; i < respondents.size(); ++i) {
            const QString answers = h.path(QStringLiteral("answers%1.json").arg(i));
            QFile f(answers);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(respondents.at(i).answersJson);
            f.close();
            // A keyed-in paper form on which both consent boxes were ticked.
            r = h.chorusctl({QStringLiteral("collect"), QStringLiteral("--survey"), survey, QStringLiteral("--signing-key"),
                             keys + QStringLiteral("/signing-ed25519.pub"), QStringLiteral("--answers"),
                             answers, QStringLiteral("--db"), db, QStringLiteral("--grant"),
                             QStringLiteral("equality_monitoring"), QStringLiteral("--grant"),
                             QStringLiteral("consultation"), QStringLiteral("--operator"), QStringLiteral("e2e")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            const QString printed = QString::fromUtf8(r.out).section(QLatin1Char('\n'), 0, 0).trimmed();
            QVERIFY2(printed.startsWith(QLatin1String("finalized uuid:")), qPrintable(printed));
            instanceIds << printed.mid(QStringLiteral("finalized ").size());
            // The answer files are gone before sync: only the device database holds the responses.
            QVERIFY(QFile::remove(answers));
        }

        // No plaintext answer anywhere in the device database files.
        for (const QString &name : QDir(h.path(QString())).entryList({QStringLiteral("device.db*")}, QDir::Files)) {
            QFile f(h.path(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY2(!bytes.contains("SENTINEL"), qPrintable(name));
        }

        r = h.chorusctl({QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--endpoint"), h.endpoint(),
                         QStringLiteral("--token-file"), tokenFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        // A second run finds nothing left to send and duplicates nothing.
        r = h.chorusctl({QStringLiteral("sync"), QStringLiteral("--db"), db, QStringLiteral("--endpoint"), h.endpoint(),
                         QStringLiteral("--token-file"), tokenFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        r = h.chorusctl({QStringLiteral("outbox"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        for (const QString &id : std::as_const(instanceIds)) {
            QVERIFY2(r.out.contains((id + QStringLiteral("\taccepted")).toUtf8()), r.out.constData());
        }

        QFile adminTokenFile(h.path(QStringLiteral("admin-token")));
        QVERIFY(adminTokenFile.open(QIODevice::ReadOnly));
        const QString adminToken = QString::fromUtf8(adminTokenFile.readAll()).trimmed();
        const QString adminDir = h.path(QStringLiteral("admin"));
        r = h.chorusctl({QStringLiteral("pull"), QStringLiteral("--endpoint"), h.endpoint(), QStringLiteral("--admin-token-file"),
                         h.path(QStringLiteral("admin-token")), QStringLiteral("--out"), adminDir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(QDir(adminDir + QStringLiteral("/submissions")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
                 respondents.size());

        // The receiver stores envelopes it cannot read.
        QDirIterator it(h.path(QStringLiteral("receiver")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("SENTINEL"), qPrintable(f.fileName()));
        }

        const QString out = h.path(QStringLiteral("export"));
        r = h.chorusctl({QStringLiteral("export"), QStringLiteral("--in"), adminDir, QStringLiteral("--keys"), keys,
                         QStringLiteral("--passphrase-file"), h.path(QStringLiteral("passphrase")), QStringLiteral("--format"),
                         QStringLiteral("csv"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        const QStringList csvFiles = QDir(out).entryList({QStringLiteral("*.csv")}, QDir::Files);
        QCOMPARE(csvFiles.size(), 1);
        const QList<QStringList> rows = readCsv(out + QLatin1Char('/') + csvFiles.constFirst());
        QCOMPARE(rows.size(), respondents.size() + 1);
        const QStringList header = rows.constFirst();
        const auto column = [&](const QString &name) { return header.indexOf(name); };
        QVERIFY(column(QStringLiteral("instanceID")) >= 0);
        QVERIFY(column(QStringLiteral("satisfaction")) >= 0);
        QVERIFY(column(QStringLiteral("comments")) >= 0);
        QVERIFY(column(QStringLiteral("satisfaction__state")) >= 0);
        QVERIFY(column(QStringLiteral("sex__state")) >= 0);
        for (int i = 0; i < respondents.size(); ++i) {
            const QString id = instanceIds.at(i);
            const auto row = std::find_if(rows.cbegin() + 1, rows.cend(),
                                          [&](const QStringList &candidate) { return candidate.value(column(QStringLiteral("instanceID"))) == id; });
            QVERIFY2(row != rows.cend(), qPrintable(id));
            const Respondent &expected = respondents.at(i);
            QCOMPARE(row->value(column(QStringLiteral("satisfaction"))), expected.satisfaction);
            QCOMPARE(row->value(column(QStringLiteral("satisfaction__state"))), expected.satisfactionState);
            QCOMPARE(row->value(column(QStringLiteral("comments"))), expected.comments);
            QCOMPARE(row->value(column(QStringLiteral("sex__state"))), expected.sexState);
        }

        h.stopReceiver();
        // Nothing any command or the receiver printed holds an answer, the passphrase or a token.
        const QByteArray printed = h.allOutput();
        QVERIFY(!printed.contains("SENTINEL"));
        QVERIFY(!printed.contains(passphrase));
        QVERIFY(!printed.contains(adminToken.toUtf8()));
        // The device token appears once: where `chorus-receiver token issue` hands it to the admin.
        QCOMPARE(printed.count(token.toUtf8()), 1);
    }
};

QTEST_GUILESS_MAIN(TestE2eWalkingSkeleton)
#include "tst_e2e_walking_skeleton.moc"
