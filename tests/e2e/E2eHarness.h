// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Runs the real executables for end-to-end tests and keeps what they printed, so tests can
// check both results and that no secret or answer reached a terminal or log.
struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const;
};

class E2eHarness
{
public:
    E2eHarness();
    ~E2eHarness();

    QString path(const QString &relative) const;
    RunResult chorusctl(const QStringList &args, int timeoutMs = 120000);
    RunResult receiverCommand(const QStringList &args, int timeoutMs = 30000);

    // Starts chorus-receiver on a free loopback port; returns false with a reason on failure.
    // `signingKeyFile`: the council's signing-ed25519.pub, without which the receiver publishes nothing.
    bool startReceiver(QString *whyNot, const QString &signingKeyFile = {});
    void stopReceiver();
    QString endpoint() const { return m_endpoint; }

    // Everything printed by every command so far (stdout and stderr), including the receiver's log.
    QByteArray allOutput() const;

private:
    RunResult runProcess(const QString &program, const QStringList &args, int timeoutMs);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_receiver;
    QString m_endpoint;
    QByteArray m_output;
};
