// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace chorus::store {

class Statement;

enum class OpenMode {
    ReadWrite, // create if missing, migrate to the current schema
    ReadOnly,  // never writes, never migrates (inspection, export, backup source)
};

struct OpenOptions {
    OpenMode mode = OpenMode::ReadWrite;
    std::chrono::milliseconds busyTimeout{5000};
    // PRAGMA quick_check at open: catches a damaged file before anything is written to it.
    bool quickCheck = true;
    // Migrate to the current schema (ReadWrite only). Off for tests of the migrator itself.
    bool migrate = true;
    // A registered SQLite VFS by name; empty for the default. Tests use a shim that fails
    // writes (a full disk) this way.
    QByteArray vfs;
};

// One SQLite connection (RAII over sqlite3*). Opening applies the settings every Chorus
// database relies on: WAL, synchronous=FULL (a finalized response survives power loss),
// secure_delete=ON (deleted drafts leave no bytes behind), foreign keys, a busy timeout,
// a bounded WAL, temp tables in memory (no plaintext in stray temp files), a new file
// created 0600. A database written by a newer Chorus is refused before it is opened for
// writing. One connection belongs to one thread at a time. Statements and transactions point
// at their Database: keep it in one place (SqliteStore holds it on the heap) while they live.
class Database
{
public:
    // ":memory:" opens a private in-memory database.
    static Result<Database> open(const QString &path, const OpenOptions &options = {});

    Database(Database &&) noexcept;
    Database &operator=(Database &&) noexcept;
    ~Database();

    sqlite3 *handle() const { return m_db.get(); }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    // For fixed SQL only (schema, pragmas): values always go through Statement::bind.
    Status exec(const char *sql);
    Result<Statement> prepare(const char *sql);
    // prepare() for the hot paths (finalize): the statement is compiled once per connection and
    // kept; the returned Statement resets it and clears its bindings when it goes out of scope,
    // so re-parsing SQL is not paid per response. `sql` must be a string literal: the cache is
    // keyed by its address. If that statement is already in use, a fresh one is prepared.
    Result<Statement> cached(const char *sql);

    Result<int> userVersion();
    qint64 lastInsertRowId() const;
    // Copies the WAL into the main file and truncates it (used before scans and backups).
    Status checkpoint();
    // After deleting secrets: secure_delete has zeroed them in the database pages, but older
    // copies of those pages still sit in the WAL until a checkpoint truncates it. Best effort:
    // a checkpoint blocked by a reader is logged and retried by the next scrub.
    void scrubWal();
    // PRAGMA integrity_check; ok() when SQLite reports "ok".
    Status integrityCheck();
    // Online backup through SQLite's backup API into a new file at `destination` (0600).
    Status backupTo(const QString &destination);

    // The error for the last failed call on this connection, with `what` in front.
    Error lastError(const QString &what) const;

private:
    struct Closer {
        void operator()(sqlite3 *db) const;
    };
    Database(sqlite3 *db, QString path, bool readOnly);

    struct StatementCache;
    struct CacheDeleter {
        void operator()(StatementCache *cache) const;
    };

    std::unique_ptr<sqlite3, Closer> m_db;
    // Declared after m_db: destroyed (its statements finalized) before the connection closes.
    std::unique_ptr<StatementCache, CacheDeleter> m_cache;
    QString m_path;
    bool m_readOnly = false;
};

// A prepared statement (RAII over sqlite3_stmt*). Parameters are 1-based, as in SQLite.
class Statement
{
public:
    Statement(Statement &&) noexcept = default;
    Statement &operator=(Statement &&) noexcept = default;
    ~Statement() = default;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindNull(int index);

    // true: a row is ready; false: done. SQLITE_BUSY is retried within the busy timeout.
    Result<bool> step();
    // Runs a statement that returns no rows.
    Status run();
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 int64(int column) const;
    bool isNull(int column) const;

    // Rows changed by the last run() on this connection.
    int changes() const;

private:
    friend class Database;
    struct Finalizer {
        bool *inUse = nullptr; // set for a cached statement: reset and hand back, never finalize
        void operator()(sqlite3_stmt *stmt) const;
    };
    Statement(sqlite3_stmt *stmt, Database *db, bool *cachedInUse = nullptr);

    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
    Database *m_db = nullptr;
    std::optional<Error> m_bindError;
    bool m_returnedRows = false; // a BUSY retry after rows were returned would repeat them
};

// BEGIN IMMEDIATE ... COMMIT. Rolls back unless commit() succeeded, so an early return or an
// error path can never leave half a response behind.
class Transaction
{
public:
    static Result<Transaction> begin(Database &db);

    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    ~Transaction();

    Status commit();

private:
    explicit Transaction(Database *db) : m_db(db) {}
    Database *m_db = nullptr;
};

} // namespace chorus::store
