// SPDX-License-Identifier: GPL-3.0-or-later
// Finalize latency (p50/p95) beside its physical floor, measured in the same run on the same
// disk: one fsync of a small write plus one RSA-2048 public-key operation (the OAEP wrap of a
// response key, as the ODK envelope does). The ratio is the figure; absolute times vary.
//
// Usage: bench_store_finalize [--dir DIR] [--count N]   (DIR defaults to the current directory)
#include "consent/ConsentCapture.h"
#include "consent/SurveyConsent.h"
#include "consent/LedgerRow.h"
#include "crypto/CouncilKeys.h"
#include "crypto/OdkEnvelope.h"
#include "response/Finalizer.h"
#include "response/SubmissionXml.h"
#include "store/SqliteStore.h"
#include "survey/AnswersJson.h"
#include "survey/SurveyLoader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace chorus;
using namespace chorus::store;

namespace {

struct Percentiles {
    double p50 = 0;
    double p95 = 0;
};

Percentiles percentiles(std::vector<double> micros)
{
    std::sort(micros.begin(), micros.end());
    auto at = [&](double q) { return micros[std::min(micros.size() - 1, size_t(q * double(micros.size())))]; };
    return {at(0.50), at(0.95)};
}

double timeMicros(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1000.0;
}

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), n);
    return bytes;
}

struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CtxFree {
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};

// One RSA-2048 OAEP (SHA-256, MGF1-SHA-256) encryption of a 32-byte key.
bool rsaWrap(EVP_PKEY *key, const QByteArray &aesKey, QByteArray *out)
{
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new(key, nullptr));
    size_t len = 0;
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) <= 0
        || EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), EVP_sha256()) <= 0
        || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) <= 0) {
        return false;
    }
    const auto *in = reinterpret_cast<const unsigned char *>(aesKey.constData());
    if (EVP_PKEY_encrypt(ctx.get(), nullptr, &len, in, size_t(aesKey.size())) <= 0) {
        return false;
    }
    out->resize(qsizetype(len));
    return EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(out->data()), &len, in, size_t(aesKey.size())) > 0;
}

// A realistic response to the demo survey with its consent record, as the app hands it to the
// Finalizer: answers, a consent capture (receipt code, notice hash) and a fresh instanceID.
Result<response::Response> demoResponse(const survey::SurveyPackage &package)
{
    const QJsonObject answers{{QStringLiteral("uses_library"), QStringLiteral("yes")},
                              {QStringLiteral("libraries_used"), QStringLiteral("central riverside")},
                              {QStringLiteral("visit_frequency"), QStringLiteral("weekly")},
                              {QStringLiteral("satisfaction"), QStringLiteral("4")},
                              {QStringLiteral("agree_evening_hours"), QStringLiteral("5")},
                              {QStringLiteral("agree_hubs"), QStringLiteral("2")},
                              {QStringLiteral("hub_concerns"), QStringLiteral("Fewer books at the branch I use")},
                              {QStringLiteral("comments"), QStringLiteral("Longer opening hours on Saturdays, please")},
                              {QStringLiteral("sex"), QStringLiteral("female")}};
    auto response = survey::fillFromAnswersJson(package, answers);
    if (!response) {
        return response.error();
    }
    consent::CaptureRequest request = consent::captureRequestFor(package, QStringLiteral("en"), response->instanceId);
    auto evidence = consent::paperFormEvidence(request.offeredPurposes, request.offeredPurposes);
    if (!evidence) {
        return evidence.error();
    }
    request.actions = *evidence;
    request.mode = consent::CollectionMode::Kiosk;
    request.deviceId = QStringLiteral("bench");
    request.appVersion = QStringLiteral("bench");
    auto captured = consent::captureConsent(request);
    if (!captured) {
        return captured.error();
    }
    response->consent = captured->record;
    return response;
}

// The Finalizer over SQLite in memory, and each of its stages on its own (the same work it does,
// called through the same public functions), so a change shows where the time went.
int cpuOnly(const survey::SurveyPackage &package, int n)
{
    auto memory = SqliteStore::open(QStringLiteral(":memory:"));
    auto stages = SqliteStore::open(QStringLiteral(":memory:"));
    auto key = crypto::CouncilPublicKey::fromBase64(package.publicKey.toLatin1());
    if (!memory || !stages || !key) {
        std::fprintf(stderr, "cannot open an in-memory store or read the survey's key\n");
        return 1;
    }
    response::Finalizer finalizer(**memory);
    std::vector<double> whole, serialize, seal, store;
    for (int i = 0; i < n; ++i) {
        auto response = demoResponse(package);
        auto again = demoResponse(package);
        bool ok = response.ok() && again.ok();
        whole.push_back(timeMicros([&] { ok = ok && finalizer.finalize(package, *response).ok(); }));
        QByteArray xml;
        serialize.push_back(timeMicros([&] { xml = response::SubmissionXml::serialize(package, *again); }));
        Result<crypto::SealedSubmission> sealed = makeError(ErrorKind::Internal, QString());
        seal.push_back(timeMicros([&] {
            sealed = crypto::OdkEnvelope::seal(*key, package.id, package.version, again->instanceId, xml);
        }));
        ok = ok && sealed.ok();
        if (ok) {
            FinalizedResponse row{sealed->instanceId, package.id, package.version, sealed->manifest,
                                  sealed->encryptedFiles, QDateTime::currentDateTimeUtc(),
                                  consent::ledgerRowFor(*again->consent)};
            store.push_back(timeMicros([&] { ok = (*stages)->responses().finalize(row).ok(); }));
        }
        if (!ok) {
            std::fprintf(stderr, "Finalizer::finalize failed\n");
            return 1;
        }
    }
    const auto print = [](const char *what, const std::vector<double> &samples) {
        const Percentiles p = percentiles(samples);
        std::printf("  %-34s p50 %7.1f us  p95 %7.1f us\n", what, p.p50, p.p95);
    };
    std::printf("Finalizer CPU work, SQLite in memory (%d samples)\n", n);
    print("Finalizer::finalize (whole)", whole);
    print("  submission XML", serialize);
    print("  ODK seal (AES, 2 RSA public ops)", seal);
    print("  store: envelope+ledger+audit tx", store);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("chorus.store.debug=false\nchorus.store.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Directory on the disk to measure."), QStringLiteral("DIR"),
                      QDir::currentPath()});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Samples per figure."), QStringLiteral("N"),
                      QStringLiteral("300")});
    parser.addOption({QStringLiteral("cpu-only"),
                      QStringLiteral("Only run the Finalizer over SQLite in memory N times and print its p50/p95 and "
                                     "those of its stages (for a profiler: no disk, no floor)."),
                      QStringLiteral("N")});
    parser.process(app);
    const int count = std::max(20, parser.value(QStringLiteral("count")).toInt());
    QTemporaryDir dir(QDir(parser.value(QStringLiteral("dir"))).filePath(QStringLiteral("bench-store-XXXXXX")));
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a directory under %s\n", qPrintable(parser.value(QStringLiteral("dir"))));
        return 1;
    }

    survey::ValidationReport report;
    auto package = survey::SurveyLoader::loadFile(QStringLiteral(CHORUS_SOURCE_DIR "/examples/demo.chorus.json"), &report);
    if (!package) {
        std::fprintf(stderr, "cannot load the demo survey: %s\n", qPrintable(package.error().message));
        return 1;
    }
    if (parser.isSet(QStringLiteral("cpu-only"))) {
        return cpuOnly(*package, parser.value(QStringLiteral("cpu-only")).toInt());
    }
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_RSA_gen(2048));
    auto store = SqliteStore::open(dir.filePath(QStringLiteral("device.db")));
    if (!key || !store) {
        std::fprintf(stderr, "setup failed: %s\n", store ? "RSA key generation" : qPrintable(store.error().message));
        return 1;
    }
    const QByteArray fsyncPath = QFile::encodeName(dir.filePath(QStringLiteral("fsync.bin")));
    const QByteArray appendPath = QFile::encodeName(dir.filePath(QStringLiteral("append.bin")));
    const int fsyncFd = ::open(fsyncPath.constData(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    const int appendFd = ::open(appendPath.constData(), O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0600);
    const QByteArray small = randomBytes(512);
    const QByteArray page = randomBytes(4096);

    // Every round takes one sample of each figure, so a noisy moment on the shared disk
    // lands on the floor and on finalize alike.
    std::vector<double> fsyncs, appends, rsas, finalizeOnly, wrapAndFinalize, fullFinalize, cpuFinalize;
    response::Finalizer finalizer(**store);
    // The same path over SQLite in memory: no disk, so what is left is the CPU work (serialize,
    // seal, SQL) that the disk-bound figure carries on top of its fsync.
    auto memoryStore = SqliteStore::open(QStringLiteral(":memory:"));
    if (!memoryStore) {
        std::fprintf(stderr, "cannot open an in-memory store\n");
        return 1;
    }
    response::Finalizer cpuFinalizer(**memoryStore);
    QByteArray wrapped;
    for (int i = 0; i < count + 10; ++i) {
        const bool warm = i >= 10;
        // Floor 1: a small overwrite + fsync on the same disk.
        const double f = timeMicros([&] {
            if (::pwrite(fsyncFd, small.constData(), size_t(small.size()), 0) != small.size() || ::fsync(fsyncFd) != 0) {
                std::perror("fsync floor");
            }
        });
        // Context, not the floor: what a WAL commit does before the WAL is reused (append + fdatasync).
        const double a = timeMicros([&] {
            if (::write(appendFd, page.constData(), size_t(page.size())) != page.size() || ::fdatasync(appendFd) != 0) {
                std::perror("append floor");
            }
        });
        // Floor 2: one RSA-2048 public operation through EVP.
        const QByteArray aesKey = randomBytes(32);
        const double r = timeMicros([&] { rsaWrap(key.get(), aesKey, &wrapped); });

        // Finalize as the app does it: a draft exists (saved untimed), finalize stores the
        // envelope + parts, deletes the draft and writes the audit row in one synchronous=FULL
        // transaction; "with wrap" adds the RSA operation a real seal cannot avoid.
        double timed[2] = {0, 0};
        for (int withWrap = 0; withWrap < 2; ++withWrap) {
            const QString id = QStringLiteral("uuid:bench-%1-%2").arg(i).arg(withWrap);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            (void)(*store)->drafts().save({id, QStringLiteral("bench"), QStringLiteral("1"), randomBytes(2048), now});
            FinalizedResponse response{id, QStringLiteral("bench"), QStringLiteral("1"), randomBytes(900),
                                       {FilePart{QStringLiteral("submission.xml.enc"), randomBytes(3072)}}, now,
                                       std::nullopt};
            bool ok = true;
            timed[withWrap] = timeMicros([&] {
                if (withWrap) {
                    ok = rsaWrap(key.get(), aesKey, &wrapped);
                }
                ok = ok && (*store)->responses().finalize(response).ok();
            });
            if (!ok) {
                std::fprintf(stderr, "finalize failed\n");
                return 1;
            }
        }
        // The real path: serialize, seal (AES + RSA wrap to the package's key), store the envelope
        // and the consent ledger entry, delete the draft, audit; one transaction.
        auto full = demoResponse(*package);
        if (!full) {
            std::fprintf(stderr, "cannot build a response: %s\n", qPrintable(full.error().message));
            return 1;
        }
        (void)(*store)->drafts().save({full->instanceId, package->id, package->version, randomBytes(2048),
                                       QDateTime::currentDateTimeUtc()});
        bool finalized = true;
        const double real = timeMicros([&] { finalized = finalizer.finalize(*package, *full).ok(); });
        if (!finalized) {
            std::fprintf(stderr, "Finalizer::finalize failed\n");
            return 1;
        }
        auto cpuOnly = demoResponse(*package);
        if (!cpuOnly) {
            return 1;
        }
        const double cpu = timeMicros([&] { finalized = cpuFinalizer.finalize(*package, *cpuOnly).ok(); });
        if (!finalized) {
            std::fprintf(stderr, "Finalizer::finalize (memory) failed\n");
            return 1;
        }
        if (warm) {
            cpuFinalize.push_back(cpu);
            fullFinalize.push_back(real);
            fsyncs.push_back(f);
            appends.push_back(a);
            rsas.push_back(r);
            finalizeOnly.push_back(timed[0]);
            wrapAndFinalize.push_back(timed[1]);
        }
    }
    ::close(fsyncFd);
    ::close(appendFd);

    const Percentiles f = percentiles(fsyncs);
    const Percentiles a = percentiles(appends);
    const Percentiles r = percentiles(rsas);
    const Percentiles s = percentiles(finalizeOnly);
    const Percentiles w = percentiles(wrapAndFinalize);
    const Percentiles full = percentiles(fullFinalize);
    const Percentiles cpu = percentiles(cpuFinalize);
    const double floor = f.p50 + r.p50;
    const double floorP95 = f.p95 + r.p95;
    std::printf("store finalize benchmark (%d samples each, dir %s)\n", count, qPrintable(parser.value(QStringLiteral("dir"))));
    std::printf("  floor: fsync of 512 B        p50 %9.1f us  p95 %9.1f us\n", f.p50, f.p95);
    std::printf("  floor: RSA-2048 OAEP public  p50 %9.1f us  p95 %9.1f us\n", r.p50, r.p95);
    std::printf("  floor = fsync p50 + RSA p50      %9.1f us\n", floor);
    std::printf("  (context: 4 KiB append+fdatasync p50 %9.1f us  p95 %9.1f us)\n", a.p50, a.p95);
    std::printf("  store finalize only          p50 %9.1f us  p95 %9.1f us  (p95 / fsync p50 = %.2f)\n", s.p50, s.p95,
                s.p95 / f.p50);
    std::printf("  RSA wrap + store finalize    p50 %9.1f us  p95 %9.1f us\n", w.p50, w.p95);
    std::printf("  Finalizer (seal + consent)   p50 %9.1f us  p95 %9.1f us\n", full.p50, full.p95);
    std::printf("  (context: Finalizer, SQLite in memory: CPU only  p50 %9.1f us  p95 %9.1f us)\n", cpu.p50, cpu.p95);
    std::printf("  store only:  ratio p50 / floor = %.2f, p95 / floor = %.2f\n", w.p50 / floor, w.p95 / floor);
    std::printf("  Finalizer:   ratio p50 / floor = %.2f\n", full.p50 / floor);
    std::printf("  Finalizer:   ratio p95 / floor = %.2f  (goal <= 1.5; the disk's own fsync p95 / p50 is %.2f)\n",
                full.p95 / floor, f.p95 / f.p50);
    std::printf("  Finalizer:   ratio p95 / (fsync p95 + RSA p95) = %.2f\n", full.p95 / floorP95);
    return 0;
}
