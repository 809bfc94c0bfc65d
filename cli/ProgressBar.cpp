// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProgressBar.h"

#include <cstdio>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace chorus::cli
{

namespace
{
constexpr int kBarWidth = 30;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
} // namespace

QString stageName(OperationStage stage)
{
    switch (stage) {
    case OperationStage::Downloading:
        return u"downloading"_s;
    case OperationStage::CheckingWithdrawals:
        return u"checking withdrawals"_s;
    case OperationStage::Decrypting:
        return u"decrypting"_s;
    }
    return {};
}

bool ProgressBar::stderrIsTerminal(const Io &io)
{
    // A string-backed stream is a test or an embedding caller, never a terminal.
    return io.err.string() == nullptr && ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(Io &io, bool enabled) : m_io(io), m_enabled(enabled && stderrIsTerminal(io)) {}

ProgressBar::~ProgressBar()
{
    clear();
}

void ProgressBar::update(OperationStage stage, qint64 done, qint64 total)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = total > 0 && done >= total;
    if (m_drawn && !last && now - m_last < kRedrawEvery)
        return;
    m_last = now;
    QString line;
    if (total > 0) {
        const int filled = int(double(done) / double(total) * kBarWidth);
        line = u"\r%1 [%2%3] %4% %5/%6"_s.arg(stageName(stage).leftJustified(20))
                   .arg(QString(filled, QLatin1Char('#')), QString(kBarWidth - filled, QLatin1Char(' ')))
                   .arg(int(100.0 * double(done) / double(total)), 3)
                   .arg(done)
                   .arg(total);
    } else {
        line = u"\r%1 %2 request(s)"_s.arg(stageName(stage)).arg(done);
    }
    m_io.err << line << Qt::flush;
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (!m_drawn)
        return;
    m_io.err << u"\r%1\r"_s.arg(QString(78, QLatin1Char(' '))) << Qt::flush;
    m_drawn = false;
}

} // namespace chorus::cli
