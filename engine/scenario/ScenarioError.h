#pragma once
// The one error type of the scenario and schedule readers and writers. It says where (a JSON
// path such as $.ruches[0].alveoles[3].battery.soc0_kwh) and which rule of
// scenario-format.md was broken (a short id such as "soc0-in-window"), so a caller can both
// print it and test for it.

#include <stdexcept>
#include <string>

namespace swarmergy::scenario {

class ScenarioError : public std::runtime_error {
public:
    // what() is "path: explanation".
    ScenarioError(std::string path, std::string rule, const std::string& explanation);

    const std::string& path() const noexcept { return path_; }
    const std::string& rule() const noexcept { return rule_; }

private:
    std::string path_;
    std::string rule_;
};

}  // namespace swarmergy::scenario
