// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminOperations.h"
#include "Cli.h"

#include <chrono>

namespace chorus::cli
{

// A one-line progress bar on stderr for long runs, redrawn in place at most every 100 ms.
// Drawn only when stderr is a terminal (never into a log file or a test's string), and not at
// all when the command was given --quiet.
class ProgressBar
{
public:
    ProgressBar(Io &io, bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar &) = delete;
    ProgressBar &operator=(const ProgressBar &) = delete;

    bool enabled() const { return m_enabled; }
    void update(OperationStage stage, qint64 done, qint64 total);
    // Clears the bar so the next message starts on a clean line.
    void clear();

    static bool stderrIsTerminal(const Io &io);

private:
    Io &m_io;
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last {};
};

QString stageName(OperationStage stage);

} // namespace chorus::cli
