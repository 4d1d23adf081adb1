#include "engine/anomaly/AlarmModel.h"

#include <algorithm>

#include "engine/anomaly/AlarmJournal.h"

namespace swarmergy::anomaly {

const char* priorityName(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Low: return "low";
    case AlarmPriority::Medium: return "medium";
    case AlarmPriority::High: return "high";
    case AlarmPriority::Urgent: return "urgent";
    }
    return "?";
}

const char* alarmStateName(AlarmState state)
{
    switch (state) {
    case AlarmState::Normal: return "normal";
    case AlarmState::Unacknowledged: return "unacknowledged";
    case AlarmState::Acknowledged: return "acknowledged";
    case AlarmState::ReturnedUnacknowledged: return "returned-unacknowledged";
    case AlarmState::Shelved: return "shelved";
    case AlarmState::Suppressed: return "suppressed";
    }
    return "?";
}

AlarmManager::AlarmManager(AlarmJournal* journal) : journal_(journal) {}

void AlarmManager::addSuppressionRule(const std::string& causeType, std::vector<std::string> childTypes)
{
    auto& children = suppression_[causeType];
    children.insert(children.end(), childTypes.begin(), childTypes.end());
}

Alarm& AlarmManager::get(int id)
{
    if (id < 1 || id > int(alarms_.size())) throw AlarmActionError("no alarm with id " + std::to_string(id));
    return alarms_[std::size_t(id - 1)];
}

const Alarm* AlarmManager::find(int id) const
{
    return id >= 1 && id <= int(alarms_.size()) ? &alarms_[std::size_t(id - 1)] : nullptr;
}

std::optional<int> AlarmManager::idOf(const std::string& type, const std::string& subject) const
{
    const auto it = byKey_.find({type, subject});
    if (it == byKey_.end()) return std::nullopt;
    return it->second;
}

void AlarmManager::setState(Alarm& alarm, AlarmState state, std::int64_t timeUtc, const std::string& event,
                            const std::string& operatorName)
{
    alarm.state = state;
    alarm.lastChangeUtc = timeUtc;
    if (journal_)
        journal_->append({timeUtc, alarm.id, alarm.condition.type, alarm.condition.subject,
                          priorityName(alarm.condition.priority), event, alarmStateName(state), operatorName,
                          alarm.condition.message});
}

void AlarmManager::annunciate(Alarm& alarm, std::int64_t timeUtc, const std::string& event)
{
    ++alarm.annunciations;
    annunciationTimes_.push_back(timeUtc);
    alarm.acknowledgedBy.clear();
    setState(alarm, AlarmState::Unacknowledged, timeUtc, event);
}

const Alarm* AlarmManager::activeCauseFor(const AlarmCondition& condition) const
{
    if (condition.parentSubject.empty()) return nullptr;
    for (const auto& [causeType, children] : suppression_) {
        if (std::find(children.begin(), children.end(), condition.type) == children.end()) continue;
        const auto id = idOf(causeType, condition.parentSubject);
        if (id && find(*id)->conditionActive) return find(*id);
    }
    return nullptr;
}

int AlarmManager::raise(const AlarmCondition& condition, std::int64_t timeUtc)
{
    const auto key = std::make_pair(condition.type, condition.subject);
    auto it = byKey_.find(key);
    if (it == byKey_.end()) {
        Alarm created;
        created.id = int(alarms_.size()) + 1;
        created.firstRaisedUtc = timeUtc;
        alarms_.push_back(created);
        it = byKey_.emplace(key, created.id).first;
    }
    Alarm& alarm = get(it->second);
    alarm.condition = condition;
    if (alarm.conditionActive) return alarm.id;
    alarm.conditionActive = true;
    if (const Alarm* cause = activeCauseFor(condition)) {
        alarm.suppressedByAlarm = cause->id;
        ++suppressedTransitions_;
        setState(alarm, AlarmState::Suppressed, timeUtc, "suppressed");
    } else if (alarm.state == AlarmState::Shelved) {
        setState(alarm, AlarmState::Shelved, timeUtc, "raised-while-shelved");
    } else {
        annunciate(alarm, timeUtc, "raised");
    }
    if (suppression_.count(condition.type)) suppressChildren(alarm, timeUtc);
    return alarm.id;
}

void AlarmManager::clear(const std::string& type, const std::string& subject, std::int64_t timeUtc)
{
    const auto id = idOf(type, subject);
    if (!id) return;
    Alarm& alarm = get(*id);
    if (!alarm.conditionActive) return;
    alarm.conditionActive = false;
    switch (alarm.state) {
    case AlarmState::Unacknowledged: setState(alarm, AlarmState::ReturnedUnacknowledged, timeUtc, "returned"); break;
    case AlarmState::Acknowledged: setState(alarm, AlarmState::Normal, timeUtc, "returned"); break;
    case AlarmState::Suppressed:
        alarm.suppressedByAlarm = 0;
        setState(alarm, AlarmState::Normal, timeUtc, "returned-while-suppressed");
        break;
    case AlarmState::Shelved: setState(alarm, AlarmState::Shelved, timeUtc, "returned-while-shelved"); break;
    default: break;
    }
    if (suppression_.count(type)) releaseChildren(alarm, timeUtc);
}

void AlarmManager::suppressChildren(const Alarm& cause, std::int64_t timeUtc)
{
    const auto& children = suppression_[cause.condition.type];
    for (Alarm& a : alarms_) {
        if (a.id == cause.id || !a.conditionActive || a.condition.parentSubject != cause.condition.subject) continue;
        if (std::find(children.begin(), children.end(), a.condition.type) == children.end()) continue;
        if (a.state == AlarmState::Suppressed) continue;
        a.suppressedByAlarm = cause.id;
        ++suppressedTransitions_;
        setState(a, AlarmState::Suppressed, timeUtc, "suppressed");
    }
}

void AlarmManager::releaseChildren(const Alarm& cause, std::int64_t timeUtc)
{
    for (Alarm& a : alarms_) {
        if (a.suppressedByAlarm != cause.id) continue;
        a.suppressedByAlarm = 0;
        if (a.conditionActive) annunciate(a, timeUtc, "released");
        else setState(a, AlarmState::Normal, timeUtc, "released");
    }
}

void AlarmManager::acknowledge(int id, const std::string& operatorName, std::int64_t timeUtc)
{
    Alarm& alarm = get(id);
    if (alarm.state == AlarmState::Unacknowledged) {
        alarm.acknowledgedBy = operatorName;
        setState(alarm, AlarmState::Acknowledged, timeUtc, "acknowledged", operatorName);
    } else if (alarm.state == AlarmState::ReturnedUnacknowledged) {
        alarm.acknowledgedBy = operatorName;
        setState(alarm, AlarmState::Normal, timeUtc, "acknowledged", operatorName);
    } else {
        throw AlarmActionError("alarm " + std::to_string(id) + " is " + alarmStateName(alarm.state) +
                               ": nothing to acknowledge");
    }
}

void AlarmManager::shelve(int id, const std::string& operatorName, std::int64_t untilUtc, std::int64_t timeUtc)
{
    Alarm& alarm = get(id);
    if (untilUtc <= timeUtc) throw AlarmActionError("shelve of alarm " + std::to_string(id) + ": expiry must be in the future");
    if (alarm.state != AlarmState::Unacknowledged && alarm.state != AlarmState::Acknowledged &&
        alarm.state != AlarmState::ReturnedUnacknowledged)
        throw AlarmActionError("alarm " + std::to_string(id) + " is " + alarmStateName(alarm.state) + ": cannot shelve");
    alarm.shelvedUntilUtc = untilUtc;
    alarm.shelvedBy = operatorName;
    setState(alarm, AlarmState::Shelved, timeUtc, "shelved", operatorName);
}

void AlarmManager::unshelve(int id, const std::string& operatorName, std::int64_t timeUtc)
{
    Alarm& alarm = get(id);
    if (alarm.state != AlarmState::Shelved)
        throw AlarmActionError("alarm " + std::to_string(id) + " is " + alarmStateName(alarm.state) + ": not shelved");
    alarm.shelvedUntilUtc = 0;
    // Back in front of the operator if the condition is still there (ISA-18.2 §11.6).
    if (alarm.conditionActive) annunciate(alarm, timeUtc, operatorName.empty() ? "shelve-expired" : "unshelved");
    else setState(alarm, AlarmState::Normal, timeUtc, operatorName.empty() ? "shelve-expired" : "unshelved", operatorName);
}

void AlarmManager::advanceTo(std::int64_t timeUtc)
{
    for (Alarm& a : alarms_)
        if (a.state == AlarmState::Shelved && a.shelvedUntilUtc <= timeUtc) unshelve(a.id, {}, timeUtc);
}

std::vector<Alarm> AlarmManager::alarms() const { return alarms_; }

std::vector<Alarm> AlarmManager::standingAlarms() const
{
    std::vector<Alarm> out;
    for (const Alarm& a : alarms_)
        if (a.state != AlarmState::Normal && a.state != AlarmState::Suppressed) out.push_back(a);
    return out;
}

int AlarmManager::annunciationsBetween(std::int64_t fromUtc, std::int64_t toUtc) const
{
    return int(std::count_if(annunciationTimes_.begin(), annunciationTimes_.end(),
                             [&](std::int64_t t) { return t >= fromUtc && t < toUtc; }));
}

double AlarmManager::alarmsPerOperatorPerDay(std::int64_t fromUtc, std::int64_t toUtc, int operators) const
{
    const double days = double(toUtc - fromUtc) / 86400.0;
    if (days <= 0 || operators < 1) return 0;
    return annunciationsBetween(fromUtc, toUtc) / days / operators;
}

}  // namespace swarmergy::anomaly
