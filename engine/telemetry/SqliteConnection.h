#pragma once
// A thin RAII layer over the SQLite C API, private to engine/telemetry.
// Every failure throws SqliteError naming the database file and the SQL step that
// failed, so an operator reading a log knows which file and which operation broke.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace swarmergy::telemetry {

class SqliteError : public std::runtime_error {
public:
    SqliteError(const std::string& path, std::string_view step, std::string_view detail);
};

class Connection {
public:
    explicit Connection(std::string path);   // opens or creates the file
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql, std::string_view step);   // statements without rows
    std::int64_t queryInt(std::string_view sql, std::string_view step);   // first column of first row
    std::string queryText(std::string_view sql, std::string_view step);
    [[noreturn]] void fail(std::string_view step, int code) const;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    std::int64_t changes() const;
    std::int64_t lastInsertRowid() const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// One prepared statement, prepared once and reused (sqlite3_reset between uses).
class Statement {
public:
    Statement(Connection& connection, std::string_view sql, std::string step);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, std::string_view value);
    bool step();   // true while a row is available; resets itself when done or on error
    void run();    // executes a statement that returns no row, then resets
    void reset();

    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    bool columnIsNull(int column) const;

private:
    void check(int code);
    Connection& connection_;
    std::string step_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Resets a statement when a row loop is left early (exception or break), so no read
// transaction stays open behind the caller's back.
class ResetOnExit {
public:
    explicit ResetOnExit(Statement& statement) : statement_(statement) {}
    ~ResetOnExit() { statement_.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& statement_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back by the destructor unless committed. IMMEDIATE
// takes the write lock up front, so a second writer waits (busy_timeout) instead of
// failing half-way with SQLITE_BUSY when it upgrades from reader to writer.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace swarmergy::telemetry
