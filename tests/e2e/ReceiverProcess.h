// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real chorus-receiver executable on a free loopback port (it picks one with :0 and says
// which), with its stdout and stderr kept apart: the structured log is on stderr.

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <csignal>

class ReceiverProcess
{
public:
    ~ReceiverProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // `chorus-receiver token issue`: the new device token, or empty.
    static QByteArray issueToken(const QString &dataDir, const QString &device)
    {
        QProcess issue;
        issue.start(QStringLiteral(CHORUS_RECEIVER_PATH),
                    {QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--data"), dataDir,
                     QStringLiteral("--device"), device});
        if (!issue.waitForFinished(30000) || issue.exitCode() != 0) {
            return {};
        }
        return issue.readAllStandardOutput().trimmed();
    }

    bool start(const QString &dataDir, const QStringList &extra, QString *whyNot)
    {
        m_dataDir = dataDir;
        m_process.start(QStringLiteral(CHORUS_RECEIVER_PATH),
                        QStringList{QStringLiteral("--data"), dataDir, QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")}
                            + extra);
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
            m_err += m_process.readAllStandardError();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
            if (match.hasMatch()) {
                m_port = match.captured(1).toInt();
                return true;
            }
        }
        *whyNot = QStringLiteral("chorus-receiver did not start: ") + QString::fromUtf8(m_out + m_err);
        return false;
    }

    // Waits (bounded) until the receiver's stderr contains `needle`.
    bool waitForLog(const QByteArray &needle, int ms = 15000)
    {
        const QDeadlineTimer deadline(ms);
        while (!m_err.contains(needle) && !deadline.hasExpired()) {
            if (m_process.state() == QProcess::NotRunning) {
                m_err += m_process.readAllStandardError();
                return m_err.contains(needle);
            }
            m_process.waitForReadyRead(50);
            m_err += m_process.readAllStandardError();
        }
        return m_err.contains(needle);
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    // Exit code after a normal exit, -1 after a crash or when it did not end in time.
    int waitForExit(int ms = 30000)
    {
        if (!m_process.waitForFinished(ms)) {
            return -1;
        }
        m_out += m_process.readAllStandardOutput();
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    int port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString adminTokenFile() const { return m_dataDir + QStringLiteral("/admin-token"); }
    const QByteArray &err() const { return m_err; }
    const QByteArray &out() const { return m_out; }

private:
    QProcess m_process;
    QString m_dataDir;
    QByteArray m_out;
    QByteArray m_err;
    int m_port = 0;
};
