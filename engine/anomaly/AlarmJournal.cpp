#include "engine/anomaly/AlarmJournal.h"

#include <sqlite3.h>

#include <stdexcept>

namespace swarmergy::anomaly {

namespace {
// Finalises a statement on every exit path.
struct Statement {
    sqlite3_stmt* stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};
}  // namespace

AlarmJournal::AlarmJournal(const std::string& path) : path_(path)
{
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw std::runtime_error("alarm journal " + path + ": cannot open: " + why);
    }
    exec("CREATE TABLE IF NOT EXISTS alarm_events ("
         " seq INTEGER PRIMARY KEY AUTOINCREMENT, time_utc INTEGER NOT NULL, alarm_id INTEGER NOT NULL,"
         " type TEXT NOT NULL, subject TEXT NOT NULL, priority TEXT NOT NULL, event TEXT NOT NULL,"
         " state TEXT NOT NULL, operator TEXT NOT NULL, detail TEXT NOT NULL)");
    exec("CREATE INDEX IF NOT EXISTS alarm_events_by_alarm ON alarm_events(alarm_id, seq)");
}

AlarmJournal::~AlarmJournal() { sqlite3_close(db_); }

void AlarmJournal::exec(const char* sql) const
{
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string why = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error("alarm journal " + path_ + ": " + why);
    }
}

void AlarmJournal::append(const AlarmEvent& e)
{
    Statement s;
    if (sqlite3_prepare_v2(db_,
                           "INSERT INTO alarm_events(time_utc, alarm_id, type, subject, priority, event, state, operator,"
                           " detail) VALUES (?,?,?,?,?,?,?,?,?)",
                           -1, &s.stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error("alarm journal " + path_ + ": prepare insert: " + sqlite3_errmsg(db_));
    sqlite3_bind_int64(s.stmt, 1, e.timeUtc);
    sqlite3_bind_int(s.stmt, 2, e.alarmId);
    int column = 3;
    for (const std::string* text : {&e.type, &e.subject, &e.priority, &e.event, &e.state, &e.operatorName, &e.detail})
        sqlite3_bind_text(s.stmt, column++, text->c_str(), int(text->size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s.stmt) != SQLITE_DONE)
        throw std::runtime_error("alarm journal " + path_ + ": insert: " + sqlite3_errmsg(db_));
}

std::vector<AlarmEvent> AlarmJournal::events(int alarmId) const
{
    Statement s;
    if (sqlite3_prepare_v2(db_,
                           "SELECT time_utc, alarm_id, type, subject, priority, event, state, operator, detail"
                           " FROM alarm_events WHERE ?1 = 0 OR alarm_id = ?1 ORDER BY seq",
                           -1, &s.stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error("alarm journal " + path_ + ": prepare select: " + sqlite3_errmsg(db_));
    sqlite3_bind_int(s.stmt, 1, alarmId);
    std::vector<AlarmEvent> out;
    int rc;
    while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
        AlarmEvent e;
        e.timeUtc = sqlite3_column_int64(s.stmt, 0);
        e.alarmId = sqlite3_column_int(s.stmt, 1);
        std::string* fields[] = {&e.type, &e.subject, &e.priority, &e.event, &e.state, &e.operatorName, &e.detail};
        for (int c = 0; c < 7; ++c) {
            const auto* text = sqlite3_column_text(s.stmt, c + 2);
            *fields[c] = text ? reinterpret_cast<const char*>(text) : "";
        }
        out.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE) throw std::runtime_error("alarm journal " + path_ + ": select: " + sqlite3_errmsg(db_));
    return out;
}

long AlarmJournal::count() const
{
    Statement s;
    if (sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM alarm_events", -1, &s.stmt, nullptr) != SQLITE_OK ||
        sqlite3_step(s.stmt) != SQLITE_ROW)
        throw std::runtime_error("alarm journal " + path_ + ": count: " + sqlite3_errmsg(db_));
    return long(sqlite3_column_int64(s.stmt, 0));
}

}  // namespace swarmergy::anomaly
