// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The real chorus-receiver executable on a free loopback port (it picks one with :0 and says
// which). Its log (stderr) goes to a file, so a busy receiver never blocks on a full pipe.

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QThread>

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
        m_logFile = dataDir + QStringLiteral(".log");
        m_process.setStandardErrorFile(m_logFile);
        m_process.start(QStringLiteral(CHORUS_RECEIVER_PATH),
                        QStringList{QStringLiteral("--data"), dataDir, QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")}
                            + extra);
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
            if (match.hasMatch()) {
                m_port = match.captured(1).toInt();
                return true;
            }
        }
        *whyNot = QStringLiteral("chorus-receiver did not start: ") + QString::fromUtf8(m_out + err());
        return false;
    }

    // Waits (bounded) until the receiver's log contains `needle`.
    bool waitForLog(const QByteArray &needle, int ms = 15000)
    {
        const QDeadlineTimer deadline(ms);
        while (!err().contains(needle) && !deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(20); // returns at once when nothing is on stdout: poll the file
            QThread::msleep(5);
        }
        return err().contains(needle);
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    // Exit code after a normal exit, -1 after a crash or when it did not end in time.
    int waitForExit(int ms = 30000)
    {
        if (!m_process.waitForFinished(ms)) {
            return -1;
        }
        m_out += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    int port() const { return m_port; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString adminTokenFile() const { return m_dataDir + QStringLiteral("/admin-token"); }
    QByteArray err() const
    {
        QFile log(m_logFile);
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    }
    const QByteArray &out() const { return m_out; }

private:
    QProcess m_process;
    QString m_dataDir;
    QByteArray m_out;
    QString m_logFile;
    int m_port = 0;
};
