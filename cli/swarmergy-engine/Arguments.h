#pragma once
// Options of one subcommand: "--name value", "--name=value" or a bare "--flag". Anything
// else (unknown option, missing value, repeated option, stray word) is a UsageError.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace swarmergy::cli {

// Bad command line: the program prints the message and the usage, and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;      // without the leading "--"
    std::string valueName; // empty for a flag
    std::string help;
    bool required = false;
};

class Arguments {
public:
    // Throws UsageError. "--help" is always accepted, as a flag.
    Arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs);

    bool helpRequested() const { return has("help"); }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string text(const std::string& name) const;
    std::optional<std::string> optionalText(const std::string& name) const;
    // Whole-word integers only ("12", not "12x" or "1e3"); throws UsageError with the option name.
    std::int64_t integer(const std::string& name, std::int64_t minimum, std::int64_t maximum) const;
    std::optional<std::int64_t> optionalInteger(const std::string& name, std::int64_t minimum, std::int64_t maximum) const;

private:
    std::map<std::string, std::string> values_;
};

// "  --scenario FILE   help" lines for a command's help text.
std::string describeOptions(const std::vector<OptionSpec>& specs);

}  // namespace swarmergy::cli
