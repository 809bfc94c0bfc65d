// SPDX-License-Identifier: GPL-3.0-or-later
// Crypto throughput, each figure beside the floor it is bounded by, measured in the same run
// on the same code path (EVP through core/crypto): RSA-2048 private and public operation
// rates, AES-256-CFB MB/s, seal latency of a 3 KB submission (p50/p95) against its two RSA
// public operations, and open time against one RSA private operation. Figures and floors are
// interleaved round by round, so the ratios hold on a busy machine.
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

namespace
{

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Runs `op` until `budget` has passed; returns operations per second.
template<typename Op> double rate(double budget, Op op)
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
        xml += "<q" + QByteArray::number(i) + ">answer_" + QByteArray::number(i * 7) + "</q" + QByteArray::number(i)
            + ">";
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
    const OdkKey key32 = OdkKey::random();
    unsigned char unwrapBuffer[256];
    const QByteArray wrapped = rsaOaepEncrypt(pair->publicKey, key32.data(), key32.size()).value();

    // rsaOaepDecryptInto is what OdkEnvelope::open uses.
    const double privateRate
        = rate(budget, [&] { (void)rsaOaepDecryptInto(pair->privateKey, wrapped, unwrapBuffer, sizeof unwrapBuffer); });
    const double publicRate = rate(budget, [&] { (void)rsaOaepEncrypt(pair->publicKey, key32.data(), key32.size()); });
    std::printf("RSA-2048 private op (OAEP unwrap): %8.0f ops/s  (%6.1f us)\n", privateRate, 1e6 / privateRate);
    std::printf("RSA-2048 public op  (OAEP wrap):   %8.0f ops/s  (%6.1f us)\n", publicRate, 1e6 / publicRate);

    const QByteArray bulk(8 << 20, 'x');
    const QByteArray iv(16, '\x01');
    const double aesRate = rate(budget / 4, [&] { (void)odkAesEncrypt(key32, iv, bulk); });
    std::printf("AES-256-CFB + PKCS#7 encrypt:      %8.0f MB/s\n", aesRate * double(bulk.size()) / 1e6);

    // Seal and its floor are measured interleaved, one of each per round, so load from other
    // processes hits both alike and the ratio stays meaningful on a busy machine.
    const QByteArray xml = submissionOf(3 * 1024);
    std::vector<double> sealUs;
    std::vector<double> publicUs;
    QByteArray lastManifest;
    FileParts lastFiles;
    const auto sealStart = Clock::now();
    for (int i = 0; seconds(Clock::now() - sealStart) < 2 * budget || i < 200; ++i) {
        const auto t0 = Clock::now();
        (void)rsaOaepEncrypt(pair->publicKey, key32.data(), key32.size());
        const auto t1 = Clock::now();
        auto sealed = OdkEnvelope::seal(pair->publicKey, QStringLiteral("equality"), QStringLiteral("1"),
            QStringLiteral("uuid:bench-%1").arg(i), xml);
        const auto t2 = Clock::now();
        publicUs.push_back(seconds(t1 - t0) * 1e6);
        sealUs.push_back(seconds(t2 - t1) * 1e6);
        lastManifest = sealed->manifest;
        lastFiles = sealed->encryptedFiles;
    }
    const double p50 = percentile(sealUs, 0.50);
    const double p95 = percentile(sealUs, 0.95);
    const double floor50 = 2 * percentile(publicUs, 0.50);
    const double floor95 = 2 * percentile(publicUs, 0.95);
    std::printf("seal 3 KB submission (%zu runs):   p50 %6.1f us  p95 %6.1f us\n", sealUs.size(), p50, p95);
    std::printf(
        "  floor, interleaved: 2 RSA public ops (key + signature) p50 %6.1f us  p95 %6.1f us\n", floor50, floor95);
    std::printf("  seal / floor: p50 %.2f  p95 %.2f\n", p50 / floor50, p95 / floor95);

    std::vector<double> privateUs;
    std::vector<double> openUs;
    std::vector<double> openVerifiedUs;
    const auto openStart = Clock::now();
    for (int i = 0; seconds(Clock::now() - openStart) < 2 * budget || i < 50; ++i) {
        const auto t0 = Clock::now();
        (void)rsaOaepDecryptInto(pair->privateKey, wrapped, unwrapBuffer, sizeof unwrapBuffer);
        const auto t1 = Clock::now();
        (void)OdkEnvelope::open(pair->privateKey, lastManifest, lastFiles, false);
        const auto t2 = Clock::now();
        (void)OdkEnvelope::open(pair->privateKey, lastManifest, lastFiles, true);
        const auto t3 = Clock::now();
        privateUs.push_back(seconds(t1 - t0) * 1e6);
        openUs.push_back(seconds(t2 - t1) * 1e6);
        openVerifiedUs.push_back(seconds(t3 - t2) * 1e6);
    }
    const double privateMedian = percentile(privateUs, 0.5);
    std::printf(
        "open 3 KB (%zu runs, medians), interleaved with 1 RSA private op (%6.1f us):\n", openUs.size(), privateMedian);
    std::printf("  no signature check: %6.1f us = %.2f x the RSA private rate\n", percentile(openUs, 0.5),
        privateMedian / percentile(openUs, 0.5));
    std::printf("  signature verified: %6.1f us = %.2f x the RSA private rate (2 private ops)\n",
        percentile(openVerifiedUs, 0.5), privateMedian / percentile(openVerifiedUs, 0.5));
    return 0;
}
