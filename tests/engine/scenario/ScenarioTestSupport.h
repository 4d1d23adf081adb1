#pragma once
// Shared by the scenario tests: a tiny test runner, a valid scenario to break one rule at a
// time, and JSON editing helpers.

#include "engine/scenario/ScenarioIo.h"

#include <boost/json.hpp>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace swarmergy::scenario::test {

inline int& failureCount()
{
    static int failures = 0;
    return failures;
}

inline void fail(const std::string& what, const char* file, int line)
{
    ++failureCount();
    std::cerr << file << ":" << line << ": FAILED: " << what << "\n";
}

#define CHECK(cond)                                                   \
    do {                                                              \
        if (!(cond))                                                  \
            ::swarmergy::scenario::test::fail(#cond, __FILE__, __LINE__); \
    } while (0)

#define CHECK_EQ(a, b)                                                                                  \
    do {                                                                                                \
        const auto& check_a_ = (a);                                                                     \
        const auto& check_b_ = (b);                                                                     \
        if (!(check_a_ == check_b_)) {                                                                  \
            std::cerr << "  left:  " << check_a_ << "\n  right: " << check_b_ << "\n";                 \
            ::swarmergy::scenario::test::fail(#a " == " #b, __FILE__, __LINE__);                          \
        }                                                                                               \
    } while (0)

struct TestCase {
    std::string name;
    std::function<void()> body;
};

inline std::vector<TestCase>& registry()
{
    static std::vector<TestCase> tests;
    return tests;
}

struct Register {
    Register(std::string name, std::function<void()> body) { registry().push_back({std::move(name), std::move(body)}); }
};

#define TEST_CASE(name)                                                       \
    static void name();                                                       \
    static const ::swarmergy::scenario::test::Register register_##name(#name, name); \
    static void name()

inline int runAll()
{
    int failedCases = 0;
    for (const TestCase& test : registry()) {
        const int before = failureCount();
        try {
            test.body();
        } catch (const std::exception& e) {
            fail(std::string("unexpected exception: ") + e.what(), test.name.c_str(), 0);
        }
        const bool passed = failureCount() == before;
        failedCases += passed ? 0 : 1;
        std::cout << (passed ? "PASS " : "FAIL ") << test.name << "\n";
    }
    std::cout << registry().size() - failedCases << "/" << registry().size() << " test cases passed\n";
    return failedCases == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

// Two ruches joined by a line, three alvéoles, four steps; every kind of asset appears once.
inline model::Scenario validScenario()
{
    model::Scenario s;
    s.name = "tiny-two-ruches";
    s.start = "2026-06-24T00:00:00Z";
    s.stepMinutes = 15;
    s.steps = 4;
    s.grid.connected = true;
    s.grid.importPrice = {0.18, 0.26, 0.34, 0.26};
    s.grid.exportPrice = {0.08, 0.08, 0.08, 0.08};

    model::Ruche r1;
    r1.id = "ruche-1";
    r1.gate = model::Gate{400, 300};
    r1.hiveStore = model::Battery{200, 100, 100, 0.95, 0.95, 100, 20, 200, 0.005};
    r1.seasonStore = model::SeasonStore{100, 60, 0.65, 0.5, 20000, 8000, 0.12};
    model::Alveole a1{"a-0001", 17, 3.0, {0.41, 0.35, 1.2, 0.8}, {0, 0.5, 2.5, 1.0},
                      model::Battery{10, 5, 5, 0.95, 0.95, 5, 1, 10, 0.01}};
    model::Alveole a2{"a-0002", 12, 5.0, {0.3, 0.3, 0.6, 0.9}, {0, 0, 0, 0}, std::nullopt};
    r1.alveoles = {a1, a2};

    model::Ruche r2;
    r2.id = "ruche-2";
    r2.gate = model::Gate{250, 250};
    model::Alveole a3{"a-0003", 9, 4.0, {0.5, 0.45, 0.7, 1.1}, {0, 1.5, 3.0, 0.2},
                      model::Battery{13.5, 5, 5, 0.9, 0.9, 6, 2, 12, 0}};
    r2.alveoles = {a3};

    s.ruches = {r1, r2};
    s.lines = {model::Line{"l-1-2", "ruche-1", "ruche-2", 250, 0.02}};
    return s;
}

inline boost::json::value validDocument()
{
    return boost::json::parse(writeScenario(validScenario()));
}

// Reads `text` and checks it is rejected with `rule` at `path`, and that the message starts
// with the path (what() = "path: explanation").
inline void expectRejected(const std::string& text, const std::string& rule, const std::string& path,
                           const char* file, int line)
{
    try {
        readScenario(text);
        fail("accepted, expected rule " + rule + " at " + path, file, line);
    } catch (const ScenarioError& e) {
        const std::string message = e.what();
        if (e.rule() != rule || e.path() != path || message.rfind(path + ": ", 0) != 0)
            fail("expected [" + rule + "] at " + path + ", got [" + e.rule() + "] " + message, file, line);
    }
}

#define EXPECT_REJECTED(text, rule, path) ::swarmergy::scenario::test::expectRejected((text), (rule), (path), __FILE__, __LINE__)
#define EXPECT_DOC_REJECTED(doc, rule, path) EXPECT_REJECTED(boost::json::serialize(doc), rule, path)

}  // namespace swarmergy::scenario::test
