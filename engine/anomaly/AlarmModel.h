#pragma once
// Alarm management after ISA-18.2 (ANSI/ISA-18.2-2016, "Management of Alarm Systems for the
// Process Industries"): each alarm has a priority and a state; the operator acknowledges and
// may shelve an alarm until an expiry; alarms caused by an upstream condition are suppressed
// by design (a ruche outage raises one alarm, not one per silent alvéole). Every transition is
// written to an AlarmJournal if one is attached. Plain C++: the console's alarm view reads
// alarms() and rate figures, and calls acknowledge()/shelve() with the operator's name.
//
// States (ISA-18.2 figure 5, the subset we use):
//   Normal --condition--> Unacknowledged --ack--> Acknowledged --clear--> Normal
//   Unacknowledged --clear--> ReturnedUnacknowledged --ack--> Normal
//   ReturnedUnacknowledged --condition--> Unacknowledged
//   any active state --shelve(until)--> Shelved --expiry or unshelve--> Unacknowledged if the
//   condition is still active, else Normal
//   any state --cause active--> Suppressed --cause cleared--> Unacknowledged if still active

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace swarmergy::anomaly {

class AlarmJournal;

enum class AlarmPriority { Low = 0, Medium = 1, High = 2, Urgent = 3 };
enum class AlarmState { Normal, Unacknowledged, Acknowledged, ReturnedUnacknowledged, Shelved, Suppressed };
const char* priorityName(AlarmPriority priority);
const char* alarmStateName(AlarmState state);

// What a detector reports. parentSubject is the upstream subject (an alvéole's ruche).
struct AlarmCondition {
    std::string type;            // e.g. "hub-silent"
    std::string subject;         // e.g. "ruche-1/alveole-17"
    std::string parentSubject;   // e.g. "ruche-1"; empty for a top-level subject
    AlarmPriority priority = AlarmPriority::Medium;
    std::string message;
};

struct Alarm {
    int id = 0;
    AlarmCondition condition;
    AlarmState state = AlarmState::Normal;
    bool conditionActive = false;
    std::int64_t firstRaisedUtc = 0;
    std::int64_t lastChangeUtc = 0;
    std::int64_t shelvedUntilUtc = 0;
    std::string acknowledgedBy;
    std::string shelvedBy;
    int suppressedByAlarm = 0;   // id of the cause alarm while Suppressed
    int annunciations = 0;       // times it was shown to an operator (became Unacknowledged)
};

// Rejected operator action (unknown alarm, wrong state, expiry in the past).
class AlarmActionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class AlarmManager {
public:
    // journal may be null; it must outlive the manager.
    explicit AlarmManager(AlarmJournal* journal = nullptr);

    // While an alarm of causeType is active on subject S, alarms of the child types whose
    // parentSubject is S are suppressed (and so are those already active).
    void addSuppressionRule(const std::string& causeType, std::vector<std::string> childTypes);

    // The condition is active at timeUtc. Returns the alarm id (stable per type+subject).
    int raise(const AlarmCondition& condition, std::int64_t timeUtc);
    // The condition returned to normal. Unknown or inactive: no effect.
    void clear(const std::string& type, const std::string& subject, std::int64_t timeUtc);

    // Operator actions; throw AlarmActionError if not allowed in the alarm's state.
    void acknowledge(int id, const std::string& operatorName, std::int64_t timeUtc);
    void shelve(int id, const std::string& operatorName, std::int64_t untilUtc, std::int64_t timeUtc);
    void unshelve(int id, const std::string& operatorName, std::int64_t timeUtc);
    // Ends expired shelves. Call as time advances.
    void advanceTo(std::int64_t timeUtc);

    const Alarm* find(int id) const;
    std::optional<int> idOf(const std::string& type, const std::string& subject) const;
    std::vector<Alarm> alarms() const;            // every alarm ever raised, by id
    std::vector<Alarm> standingAlarms() const;    // what the alarm list shows: not Normal, not Suppressed

    // Annunciations (an alarm becoming Unacknowledged) in [fromUtc, toUtc), per operator per
    // day; ISA-18.2 suggests about 150 a day per operator as the most manageable.
    int annunciationsBetween(std::int64_t fromUtc, std::int64_t toUtc) const;
    double alarmsPerOperatorPerDay(std::int64_t fromUtc, std::int64_t toUtc, int operators) const;
    int suppressedCount() const { return suppressedTransitions_; }

private:
    Alarm& get(int id);
    void setState(Alarm& alarm, AlarmState state, std::int64_t timeUtc, const std::string& event,
                  const std::string& operatorName = {});
    void annunciate(Alarm& alarm, std::int64_t timeUtc, const std::string& event);
    const Alarm* activeCauseFor(const AlarmCondition& condition) const;
    void suppressChildren(const Alarm& cause, std::int64_t timeUtc);
    void releaseChildren(const Alarm& cause, std::int64_t timeUtc);

    AlarmJournal* journal_;
    std::map<std::string, std::vector<std::string>> suppression_;   // cause type -> child types
    std::map<std::pair<std::string, std::string>, int> byKey_;      // (type, subject) -> id
    std::vector<Alarm> alarms_;                                      // id = index + 1
    std::vector<std::int64_t> annunciationTimes_;
    int suppressedTransitions_ = 0;
};

}  // namespace swarmergy::anomaly
