// SPDX-License-Identifier: GPL-3.0-or-later
#include "E2eHarness.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

QString RunResult::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

E2eHarness::E2eHarness() = default;

E2eHarness::~E2eHarness()
{
    stopReceiver();
}

QString E2eHarness::path(const QString &relative) const
{
    return m_dir.filePath(relative);
}

RunResult E2eHarness::runProcess(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, args);
    RunResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "did not start or finish in time: " + program.toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    m_output += result.out + result.err;
    return result;
}

RunResult E2eHarness::chorusctl(const QStringList &args, int timeoutMs)
{
    return runProcess(QStringLiteral(CHORUSCTL_PATH), args, timeoutMs);
}

RunResult E2eHarness::receiverCommand(const QStringList &args, int timeoutMs)
{
    return runProcess(QStringLiteral(CHORUS_RECEIVER_PATH), args, timeoutMs);
}

bool E2eHarness::startReceiver(QString *whyNot, const QString &signingKeyFile)
{
    // Ask the kernel for a free port, then hand it to the receiver. Another process could take
    // it in between; the health check below would then fail clearly rather than hang.
    quint16 port = 0;
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *whyNot = QStringLiteral("no free loopback port");
            return false;
        }
        port = probe.serverPort();
    }
    m_endpoint = QStringLiteral("http://127.0.0.1:%1").arg(port);
    m_receiver = std::make_unique<QProcess>();
    m_receiver->setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("--data"), path(QStringLiteral("receiver")), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--admin-token-file"),
                     path(QStringLiteral("admin-token"))};
    if (!signingKeyFile.isEmpty()) {
        args << QStringLiteral("--signing-key") << signingKeyFile;
    }
    m_receiver->start(QStringLiteral(CHORUS_RECEIVER_PATH), args);
    if (!m_receiver->waitForStarted(10000)) {
        *whyNot = QStringLiteral("chorus-receiver did not start");
        return false;
    }
    QNetworkAccessManager nam;
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (m_receiver->state() != QProcess::Running) {
            *whyNot = QStringLiteral("chorus-receiver exited: ") + QString::fromUtf8(m_receiver->readAll());
            return false;
        }
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(m_endpoint + QStringLiteral("/healthz"))));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool up = reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        if (up) {
            return true;
        }
        QThread::msleep(50);
    }
    *whyNot = QStringLiteral("chorus-receiver did not answer /healthz within 15 s");
    return false;
}

void E2eHarness::stopReceiver()
{
    if (!m_receiver) {
        return;
    }
    m_receiver->terminate();
    if (!m_receiver->waitForFinished(10000)) {
        m_receiver->kill();
        m_receiver->waitForFinished(5000);
    }
    m_output += m_receiver->readAll();
    m_receiver.reset();
}

QByteArray E2eHarness::allOutput() const
{
    return m_output;
}
