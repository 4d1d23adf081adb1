#pragma once
// The alarm event journal: every alarm transition and operator action as one row in SQLite,
// in the order they happened. Errors throw std::runtime_error naming the file and the step.

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace swarmergy::anomaly {

struct AlarmEvent {
    std::int64_t timeUtc = 0;
    int alarmId = 0;
    std::string type, subject, priority;
    std::string event;        // raised, acknowledged, cleared, shelved, unshelved, shelve-expired, suppressed, ...
    std::string state;        // state after the event
    std::string operatorName; // empty for automatic events
    std::string detail;       // the condition's message
};

class AlarmJournal {
public:
    // ":memory:" for a journal that lives with the process.
    explicit AlarmJournal(const std::string& path);
    ~AlarmJournal();
    AlarmJournal(const AlarmJournal&) = delete;
    AlarmJournal& operator=(const AlarmJournal&) = delete;

    void append(const AlarmEvent& event);
    // Events of one alarm (alarmId > 0) or all (0), oldest first.
    std::vector<AlarmEvent> events(int alarmId = 0) const;
    long count() const;

private:
    void exec(const char* sql) const;
    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace swarmergy::anomaly
