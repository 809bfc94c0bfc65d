// SPDX-License-Identifier: GPL-3.0-or-later
// Crypto throughput, each figure beside the floor it is bounded by, measured in the same run
// on the same code path (EVP through core/crypto): RSA-2048 private and public operation
// rates, AES-256-CFB MB/s, seal latency of a 3 KB submission (p50/p95) against its two RSA
// public operations, and open rates against the RSA private rate.
//
//   bench_crypto [--seconds S]   (default 1 s per figure)
#include "crypto/OdkCipher.h"
#include "crypto/OdkEnvelope.h"
#include "crypto/RsaOaep.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace chorus;
using namespace chorus::crypto;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Runs `op` until `budget` has passed; returns operations per second.
template<typename Op>
double rate(double budget, Op op)
{
    long count = 0;
    const auto start = Clock::now();
    while (seconds(Clock::now() - start) < budget) {
        for (int i = 0; i < 16; ++i) {
            op();
        }
        count += 16;
    }
    return double(count) / seconds(Clock::now() - start);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, static_cast<std::size_t>(p * double(values.size())));
    return values[index];
}

QByteArray submissionOf(int bytes)
{
    QByteArray xml("<data id=\"equality\">");
    int i = 0;
    while (xml.size() < bytes - 40) {
        xml += "<q" + QByteArray::number(i) + ">answer_" + QByteArray::number(i * 7) + "</q" + QByteArray::number(i) + ">";
        ++i;
    }
    return xml + "</data>";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double budget = 1.0;
    const QStringList args = app.arguments();
    if (const auto at = args.indexOf(QStringLiteral("--seconds")); at > 0 && at + 1 < args.size()) {
        budget = std::max(0.1, args.at(at + 1).toDouble());
    }

    auto pair = generateCouncilKeyPair();
    if (!pair) {
        std::fprintf(stderr, "key generation failed\n");
        return 1;
    }
    const SecretBytes key32 = SecretBytes::random(32);
    const QByteArray wrapped = rsaOaepEncrypt(pair->publicKey, key32.data(), key32.size()).value();

    const double privateRate = rate(budget, [&] { (void)rsaOaepDecrypt(pair->privateKey, wrapped); });
    const double publicRate = rate(budget, [&] { (void)rsaOaepEncrypt(pair->publicKey, key32.data(), key32.size()); });
    std::printf("RSA-2048 private op (OAEP unwrap): %8.0f ops/s  (%6.1f us)\n", privateRate, 1e6 / privateRate);
    std::printf("RSA-2048 public op  (OAEP wrap):   %8.0f ops/s  (%6.1f us)\n", publicRate, 1e6 / publicRate);

    const QByteArray bulk(8 << 20, 'x');
    const QByteArray iv(16, '\x01');
    const double aesRate = rate(budget / 4, [&] { (void)odkAesEncrypt(key32, iv, bulk); });
    std::printf("AES-256-CFB + PKCS#7 encrypt:      %8.0f MB/s\n", aesRate * double(bulk.size()) / 1e6);

    const QByteArray xml = submissionOf(3 * 1024);
    const auto publicUs = 1e6 / publicRate;
    std::vector<double> latencies;
    const auto sealStart = Clock::now();
    QByteArray lastManifest;
    FileParts lastFiles;
    for (int i = 0; seconds(Clock::now() - sealStart) < budget || i < 200; ++i) {
        const auto t0 = Clock::now();
        auto sealed = OdkEnvelope::seal(pair->publicKey, QStringLiteral("equality"), QStringLiteral("1"),
                                        QStringLiteral("uuid:bench-%1").arg(i), xml);
        latencies.push_back(seconds(Clock::now() - t0) * 1e6);
        lastManifest = sealed->manifest;
        lastFiles = sealed->encryptedFiles;
    }
    const double p50 = percentile(latencies, 0.50);
    const double p95 = percentile(latencies, 0.95);
    std::printf("seal 3 KB submission (%zu runs):   p50 %6.1f us  p95 %6.1f us\n", latencies.size(), p50, p95);
    std::printf("  floor: 1 RSA public op %6.1f us; seal does 2 (key + signature) = %6.1f us\n", publicUs, 2 * publicUs);
    std::printf("  p50 / 2 public ops = %.2f   p95 / 2 public ops = %.2f\n", p50 / (2 * publicUs), p95 / (2 * publicUs));

    const double openRate = rate(budget, [&] { (void)OdkEnvelope::open(pair->privateKey, lastManifest, lastFiles, false); });
    const double openVerifiedRate =
        rate(budget, [&] { (void)OdkEnvelope::open(pair->privateKey, lastManifest, lastFiles, true); });
    std::printf("open 3 KB, no signature check:     %8.0f /s  = %.2f x RSA private rate\n", openRate,
                openRate / privateRate);
    std::printf("open 3 KB, signature verified:     %8.0f /s  = %.2f x RSA private rate (needs 2 private ops)\n",
                openVerifiedRate, openVerifiedRate / privateRate);
    return 0;
}
