#pragma once
// Typed access to one JSON object of a document, with the JSON path of every field, so each
// reader error names where it is. Constructing a JsonObject checks, in this order: that the
// value is an object, that it has no key outside `required` + `optional` (rule "unknown-key"),
// and that every `required` key is present (rule "missing-key").

#include <boost/json/value.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace swarmergy::scenario::json {

using KeyList = std::initializer_list<std::string_view>;

// "a number", "a string", ... for messages.
std::string kindName(const boost::json::value& value);

// Throws ScenarioError("wrong-type") unless `value` is a JSON number.
double toDouble(const boost::json::value& value, const std::string& path);

class JsonObject {
public:
    JsonObject(const boost::json::value& value, std::string path, KeyList required, KeyList optional = {});

    const std::string& path() const { return path_; }
    std::string pathOf(std::string_view key) const { return path_ + "." + std::string(key); }

    // Present and not null.
    bool has(std::string_view key) const;

    double number(std::string_view key) const;
    double numberOr(std::string_view key, double fallback) const;
    int integer(std::string_view key) const;
    bool booleanOr(std::string_view key, bool fallback) const;
    std::string string(std::string_view key) const;
    std::vector<double> numbers(std::string_view key) const;
    const boost::json::array& array(std::string_view key) const;
    // Absent key = empty array.
    const boost::json::array& arrayOrEmpty(std::string_view key) const;
    JsonObject object(std::string_view key, KeyList required, KeyList optional = {}) const;
    // Absent or null = nullopt.
    std::optional<JsonObject> optionalObject(std::string_view key, KeyList required, KeyList optional = {}) const;
    // Null allowed (nullopt), absent not.
    std::optional<double> nullableNumber(std::string_view key) const;

private:
    const boost::json::object* object_;
    std::string path_;

    const boost::json::value& at(std::string_view key) const;
};

}  // namespace swarmergy::scenario::json
