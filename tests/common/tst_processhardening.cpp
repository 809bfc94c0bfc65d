// SPDX-License-Identifier: GPL-3.0-or-later
// Every Chorus main() calls hardenProcess(): no core file, no ptrace by other processes. Tested
// with real cores: a child process holding a known secret crashes with core dumps allowed, and
// the core file the kernel writes is scanned. A child that did not harden itself is the control
// (its core exists and holds the secret, so the scan can fail); secrets in SecretBytes stay out
// even of that core (sodium_malloc'd memory is excluded from dumps).
#include "common/ProcessHardening.h"
#include "crypto/SecretBytes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace chorus;

namespace {

constexpr std::size_t kSentinelSize = 64;

// A recognisable byte run, computed rather than stored so the only copies are the ones a
// child writes itself.
unsigned char sentinelByte(std::size_t i, unsigned char salt)
{
    return static_cast<unsigned char>((i * 131U + salt * 29U + 7U) & 0xFFU);
}

QByteArray sentinel(unsigned char salt)
{
    QByteArray bytes(kSentinelSize, Qt::Uninitialized);
    for (std::size_t i = 0; i < kSentinelSize; ++i)
        bytes[qsizetype(i)] = char(sentinelByte(i, salt));
    return bytes;
}

enum class Hold { PlainHeap, SecretBytes };

struct Crash {
    bool coreDumped = false; // what waitpid() says
    QByteArray core;         // the core file's bytes, empty when none was written
};

// Forks a child that allows core files, writes the sentinel into memory as `hold` says,
// optionally hardens itself, and aborts in `dir` (core_pattern "core" writes there).
Crash crashChild(const QString &dir, Hold hold, unsigned char salt, bool harden)
{
    const QByteArray dirPath = QFile::encodeName(dir);
    crypto::ensureSodium(); // not in the child: sodium_init takes locks
    const pid_t pid = fork();
    if (pid == 0) {
        // Only async-signal-safe calls from here: the parent may have other threads.
        rlimit unlimited{};
        getrlimit(RLIMIT_CORE, &unlimited);
        unlimited.rlim_cur = unlimited.rlim_max;
        setrlimit(RLIMIT_CORE, &unlimited);
        prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
        if (chdir(dirPath.constData()) != 0)
            _exit(90);
        volatile unsigned char *held = nullptr;
        crypto::SecretBytes secret;
        if (hold == Hold::PlainHeap) {
            held = static_cast<unsigned char *>(std::malloc(kSentinelSize));
        } else {
            secret = crypto::SecretBytes(kSentinelSize);
            held = secret.data();
        }
        if (!held)
            _exit(91);
        for (std::size_t i = 0; i < kSentinelSize; ++i)
            held[i] = sentinelByte(i, salt);
        if (harden && !hardenProcess())
            _exit(92);
        std::signal(SIGABRT, SIG_DFL); // QtTest's crash handler would print a backtrace instead
        std::raise(SIGABRT);
        _exit(93);
    }
    Crash crash;
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return crash;
    crash.coreDumped = WIFSIGNALED(status) && WCOREDUMP(status);
    for (const QFileInfo &file : QDir(dir).entryInfoList({QStringLiteral("core*")}, QDir::Files)) {
        QFile core(file.filePath());
        if (core.open(QIODevice::ReadOnly))
            crash.core = core.readAll();
    }
    return crash;
}

} // namespace

class TestProcessHardening : public QObject
{
    Q_OBJECT

    // Skips unless this system writes a child's core into its working folder (core_pattern
    // "core", a core size limit that may be raised): the control must be able to fail.
    void requireReadableCores(const Crash &control)
    {
        if (control.core.isEmpty()) {
            QFile pattern(QStringLiteral("/proc/sys/kernel/core_pattern"));
            const QByteArray value = pattern.open(QIODevice::ReadOnly) ? pattern.readAll().trimmed() : QByteArray("?");
            QSKIP(qPrintable(QStringLiteral("no core file was written for an unhardened child (core_pattern '%1', or "
                                            "a sanitizer build, which disables core dumps): set core_pattern to "
                                            "'core' to run this test")
                                 .arg(QString::fromLocal8Bit(value))));
        }
    }

private Q_SLOTS:
    void hardenProcess_makesTheProcessNonDumpable_withNoCoreLimit()
    {
        // In a child, so this test process keeps its own settings for the tests below.
        const pid_t pid = fork();
        if (pid == 0) {
            if (processIsHardened())
                _exit(10); // hardened before the call: the check below would prove nothing
            if (!hardenProcess())
                _exit(11);
            rlimit core{};
            getrlimit(RLIMIT_CORE, &core);
            // A process may not raise the hard limit again without privileges; root can, so
            // the dumpable flag is what keeps root's processes from dumping.
            _exit(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 && core.rlim_cur == 0 && core.rlim_max == 0
                          && processIsHardened()
                      ? 0
                      : 12);
        }
        int status = 0;
        QCOMPARE(waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void forcedCore_ofAHardenedProcess_isNotWritten()
    {
        QTemporaryDir controlDir;
        QTemporaryDir hardenedDir;
        QVERIFY(controlDir.isValid() && hardenedDir.isValid());
        const Crash control = crashChild(controlDir.path(), Hold::PlainHeap, 1, false);
        requireReadableCores(control);
        QVERIFY(control.coreDumped);
        QVERIFY2(control.core.contains(sentinel(1)), "the control core does not hold the secret: the scan is broken");

        const Crash hardened = crashChild(hardenedDir.path(), Hold::PlainHeap, 2, true);
        QVERIFY(!hardened.coreDumped);
        QVERIFY(hardened.core.isEmpty());
        QVERIFY(QDir(hardenedDir.path()).isEmpty());
    }

    void forcedCore_ofAnUnhardenedProcess_holdsNoSecretBytes()
    {
        // Even where a core is written (a process that could not harden, or a root-taken dump),
        // key material in SecretBytes is not in it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Crash crash = crashChild(dir.path(), Hold::SecretBytes, 3, false);
        requireReadableCores(crash);
        QVERIFY(crash.coreDumped);
        QVERIFY(!crash.core.contains(sentinel(3)));
    }
};

QTEST_GUILESS_MAIN(TestProcessHardening)
#include "tst_processhardening.moc"
