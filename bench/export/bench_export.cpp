// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped `chorusctl export` and `chorusctl withdrawals list`, run as the real program on
// a pulled folder on disk, beside their ceiling measured in the same run: the RSA-2048
// private-operation rate of the same key (a record costs one operation to unwrap its AES key
// and one to check its signature, so the ceiling is half that rate).
//
//   bench_export [--records N] [--workers W] [--format csv|xlsx|json] [--kdf minimum|moderate]
//                [--skip-withdrawals]        (default 10000 records, all cores, csv, minimum)
//
// Each command runs as a child process and its peak RSS is that child's (wait4). Export runs on
// one worker and on W; the RSA rate is measured on 1 and W threads. Sealing the folder is not
// timed. `--kdf moderate` makes the keys at the shipped Argon2id cost (256 MiB) to show the
// KDF's memory is released before the records are read.
#include "../BenchSupport.h"
#include "crypto/CouncilKeys.h"
#include "crypto/KeyDirectory.h"
#include "crypto/OdkEnvelope.h"
#include "crypto/RsaOaep.h"
#include "response/SubmissionXml.h"
#include "survey/SurveyLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace chorus;
using Clock = std::chrono::steady_clock;

namespace
{

const QByteArray kPassphrase("bench passphrase, not a secret");

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine().trimmed()) : QStringLiteral("unknown");
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

response::Response makeResponse(const survey::SurveyPackage &p, qint64 i)
{
    response::Response r;
    r.instanceId = QStringLiteral("uuid:00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
    r.surveyId = p.id;
    r.surveyVersion = p.version;
    r.bankVersion = p.bankVersion;
    r.language = p.defaultLanguage();
    r.started = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    r.finished = r.started.addSecs(300);
    for (const survey::Question *q : p.allQuestions()) {
        if (!q->isAnswerable() || !p.repeatOf(q->name).isEmpty())
            continue;
        if (q->hasChoices() && !q->choices.isEmpty())
            r.answers.insert(q->name, response::Answer::answered(q->choices.at(int(i % q->choices.size())).code));
        else if (q->type == survey::QuestionType::Integer)
            r.answers.insert(q->name, response::Answer::answered(QString::number(i % 90)));
        else if (q->type == survey::QuestionType::Text)
            r.answers.insert(q->name,
                response::Answer::answered(
                    QStringLiteral("A comment of ordinary length about opening hours, number %1.").arg(i)));
        else
            r.answers.insert(q->name, response::Answer::notAnswered());
    }
    return r;
}

// ADMIN/submissions/<n>/ as `chorusctl pull` leaves it, every record sealed on its own.
void writePulledFolder(const QString &admin, const survey::SurveyPackage &package,
    const crypto::CouncilPublicKey &key, qint64 records)
{
    const QDir submissions(QDir(admin).filePath(QStringLiteral("submissions")));
    for (qint64 i = 0; i < records; ++i) {
        const response::Response r = makeResponse(package, i);
        auto sealed = crypto::OdkEnvelope::seal(
            key, r.surveyId, r.surveyVersion, r.instanceId, response::SubmissionXml::serialize(package, r));
        if (!sealed)
            qFatal("seal failed");
        const QString dir = submissions.filePath(QStringLiteral("%1").arg(i, 9, 10, QLatin1Char('0')));
        QDir().mkpath(dir);
        writeFile(dir + QLatin1String("/submission.xml"), sealed->manifest);
        for (const FilePart &part : sealed->encryptedFiles)
            writeFile(dir + QLatin1Char('/') + part.name, part.bytes);
    }
}

// Raw RSA-2048 private operations per second on `threads` threads, one op = one OAEP decrypt
// into a stack buffer, as the envelope code does.
double rsaPrivateRate(const crypto::CouncilKeyPair &keys, int threads, double budgetSeconds)
{
    const QByteArray plain(32, 'k');
    auto wrapped = crypto::rsaOaepEncrypt(
        keys.publicKey, reinterpret_cast<const unsigned char *>(plain.constData()), std::size_t(plain.size()));
    if (!wrapped)
        qFatal("rsa encrypt failed");
    std::atomic<long> ops { 0 };
    std::vector<std::thread> pool;
    const auto start = Clock::now();
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&] {
            long mine = 0;
            unsigned char out[256];
            while (std::chrono::duration<double>(Clock::now() - start).count() < budgetSeconds) {
                if (!crypto::rsaOaepDecryptInto(keys.privateKey, *wrapped, out, sizeof out))
                    qFatal("rsa decrypt failed");
                ++mine;
            }
            ops += mine;
        });
    }
    for (std::thread &t : pool)
        t.join();
    return double(ops) / std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const QString &fallback) { return bench::option(args, name, fallback); };
    const qint64 records = option("--records", QStringLiteral("10000")).toLongLong();
    const int workers = option("--workers", QString::number(QThread::idealThreadCount())).toInt();
    const QString format = option("--format", QStringLiteral("csv"));
    const bool moderateKdf = option("--kdf", QStringLiteral("minimum")) == QLatin1String("moderate");
    const QString chorusctl = QStringLiteral(CHORUSCTL_PATH);

    auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"));
    if (!package)
        qFatal("cannot load the demo survey: %s", qPrintable(package.error().message));
    QTemporaryDir dir;
    const QString keysDir = dir.filePath(QStringLiteral("keys"));
    const QString admin = dir.filePath(QStringLiteral("admin"));
    const QString passFile = dir.filePath(QStringLiteral("pass"));
    writeFile(passFile, kPassphrase + '\n');
    crypto::KeyDirectory keys(keysDir);
    if (!keys.init(kPassphrase, moderateKdf ? crypto::KdfParams::moderate() : crypto::KdfParams::minimum()))
        qFatal("keys init failed");
    auto council = keys.councilPublicKey();
    auto floorKeys = crypto::generateCouncilKeyPair(); // same size and exponent as the council key
    if (!council || !floorKeys)
        qFatal("key setup failed");
    writePulledFolder(admin, *package, *council, records);

    const QString loadBefore = loadAverage();
    const double rsa1 = rsaPrivateRate(*floorKeys, 1, 2.0);
    const double rsaW = rsaPrivateRate(*floorKeys, workers, 2.0);
    auto exportArgs = [&](int w, const QString &out) {
        return QStringList { QStringLiteral("export"), QStringLiteral("--in"), admin, QStringLiteral("--keys"),
            keysDir, QStringLiteral("--passphrase-file"), passFile, QStringLiteral("--out"), out,
            QStringLiteral("--format"), format, QStringLiteral("--workers"), QString::number(w),
            QStringLiteral("--quiet") };
    };
    const bench::ChildRun one = bench::runChild(chorusctl, exportArgs(1, dir.filePath(QStringLiteral("out1"))));
    const bench::ChildRun many = bench::runChild(chorusctl, exportArgs(workers, dir.filePath(QStringLiteral("outW"))));
    bench::ChildRun withdrawals;
    const bool withWithdrawals = !args.contains(QLatin1String("--skip-withdrawals"));
    if (withWithdrawals)
        withdrawals = bench::runChild(chorusctl,
            { QStringLiteral("withdrawals"), QStringLiteral("list"), QStringLiteral("--in"), admin,
                QStringLiteral("--keys"), keysDir, QStringLiteral("--passphrase-file"), passFile });
    const double rsa1After = rsaPrivateRate(*floorKeys, 1, 2.0);
    const QString loadAfter = loadAverage();

    const double rate1 = double(records) / one.seconds;
    const double rateW = double(records) / many.seconds;
    std::printf("chorusctl export --format %s, %lld records pulled on disk, keys at the %s KDF cost\n",
        qPrintable(format), static_cast<long long>(records), moderateKdf ? "moderate (shipped)" : "minimum");
    std::printf("  RSA-2048 private ops/s, 1 thread   %9.0f   (after the runs: %.0f)\n", rsa1, rsa1After);
    std::printf("  RSA-2048 private ops/s, %d threads  %9.0f\n", workers, rsaW);
    std::printf("  2-op ceiling, records/s, 1 core    %9.0f\n", rsa1 / 2);
    std::printf("  export, 1 worker: records/s        %9.0f   = %.2fx the 1-core ceiling (goal >= 0.95)\n", rate1,
        rate1 / (rsa1 / 2));
    std::printf("  export, %d workers: records/s       %9.0f   = %.2fx the 1-core ceiling (goal >= 1.8 on 2 cores)\n",
        workers, rateW, rateW / (rsa1 / 2));
    std::printf("  export wall time, 1 / %d workers    %9.1f s / %.1f s (includes the KDF)\n", workers, one.seconds,
        many.seconds);
    std::printf("  export peak RSS, 1 / %d workers     %9.1f MB / %.1f MB\n", workers, one.peakRssMb,
        many.peakRssMb);
    if (withWithdrawals)
        std::printf("  withdrawals list: wall, peak RSS   %9.1f s, %.1f MB   (%.2fx export's time on %d workers)\n",
            withdrawals.seconds, withdrawals.peakRssMb, withdrawals.seconds / many.seconds, workers);
    std::printf("  load average before / after       %s / %s\n", qPrintable(loadBefore), qPrintable(loadAfter));
    return 0;
}
