#include "cli/swarmergy-engine/Arguments.h"

#include <algorithm>
#include <charconv>

namespace swarmergy::cli {

namespace {

const OptionSpec* findSpec(const std::vector<OptionSpec>& specs, const std::string& name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

}  // namespace

Arguments::Arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& specs)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.rfind("--", 0) != 0 || word.size() == 2)
            throw UsageError("unexpected argument '" + word + "' (options start with --)");
        const std::size_t equals = word.find('=');
        const std::string name = word.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
        if (name == "help") {
            values_["help"] = "";
            continue;
        }
        const OptionSpec* spec = findSpec(specs, name);
        if (!spec)
            throw UsageError("unknown option --" + name);
        if (values_.count(name))
            throw UsageError("option --" + name + " given twice");
        if (spec->valueName.empty()) {
            if (equals != std::string::npos)
                throw UsageError("option --" + name + " takes no value");
            values_[name] = "";
        } else if (equals != std::string::npos) {
            values_[name] = word.substr(equals + 1);
        } else if (i + 1 < words.size()) {
            values_[name] = words[++i];
        } else {
            throw UsageError("option --" + name + " needs a value (" + spec->valueName + ")");
        }
    }
    if (helpRequested())
        return;
    for (const OptionSpec& spec : specs)
        if (spec.required && !values_.count(spec.name))
            throw UsageError("missing required option --" + spec.name + " " + spec.valueName);
}

std::string Arguments::text(const std::string& name) const
{
    const auto it = values_.find(name);
    if (it == values_.end())
        throw UsageError("missing required option --" + name);
    return it->second;
}

std::optional<std::string> Arguments::optionalText(const std::string& name) const
{
    const auto it = values_.find(name);
    return it == values_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::int64_t Arguments::integer(const std::string& name, std::int64_t minimum, std::int64_t maximum) const
{
    const std::string value = text(name);
    std::int64_t result = 0;
    const auto [end, errc] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (errc != std::errc() || end != value.data() + value.size() || value.empty())
        throw UsageError("--" + name + " expects an integer, got '" + value + "'");
    if (result < minimum || result > maximum)
        throw UsageError("--" + name + " must be in [" + std::to_string(minimum) + ", " + std::to_string(maximum) +
                         "], got " + value);
    return result;
}

std::optional<std::int64_t> Arguments::optionalInteger(const std::string& name, std::int64_t minimum,
                                                       std::int64_t maximum) const
{
    return has(name) ? std::optional<std::int64_t>(integer(name, minimum, maximum)) : std::nullopt;
}

std::string describeOptions(const std::vector<OptionSpec>& specs)
{
    std::string text;
    for (const OptionSpec& spec : specs) {
        std::string left = "  --" + spec.name + (spec.valueName.empty() ? "" : " " + spec.valueName);
        left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
        text += left + spec.help + (spec.required ? "" : " (optional)") + "\n";
    }
    return text + "  --help                  this text\n";
}

}  // namespace swarmergy::cli
