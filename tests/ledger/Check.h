#pragma once
// Minimal helpers for the ledger tests: plain executables that print what failed and return
// non-zero. CHECK_EQ prints both sides when they can be streamed.
#include <cstdio>
#include <exception>
#include <functional>
#include <sstream>
#include <string>

namespace swarmergy::ledger_test {
inline int failures = 0;

// Runs f and reports whether it threw an exception of type E (anything else is a failure).
template <class E, class F>
bool throwsA(F&& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const E& e) {
        if (message) *message = e.what();
        return true;
    } catch (const std::exception& e) {
        std::printf("  unexpected exception: %s\n", e.what());
        return false;
    }
    return false;
}

inline int testResult(const char* name) {
    if (failures == 0) std::printf("PASS %s\n", name);
    else std::printf("%d failure(s) in %s\n", failures, name);
    return failures == 0 ? 0 : 1;
}
}  // namespace swarmergy::ledger_test

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);               \
            ++swarmergy::ledger_test::failures;                                       \
        }                                                                             \
    } while (0)

#define CHECK_EQ(actual, expected)                                                    \
    do {                                                                              \
        const auto& a_ = (actual);                                                    \
        const auto& e_ = (expected);                                                  \
        if (!(a_ == e_)) {                                                            \
            std::ostringstream os_;                                                   \
            os_ << a_ << " != " << e_;                                                \
            std::printf("FAIL %s:%d: %s == %s (%s)\n", __FILE__, __LINE__, #actual,   \
                        #expected, os_.str().c_str());                                \
            ++swarmergy::ledger_test::failures;                                       \
        }                                                                             \
    } while (0)

#define CHECK_THROWS(ExceptionType, expr)                                             \
    do {                                                                              \
        if (!swarmergy::ledger_test::throwsA<ExceptionType>([&] { (void)(expr); })) { \
            std::printf("FAIL %s:%d: %s did not throw %s\n", __FILE__, __LINE__,      \
                        #expr, #ExceptionType);                                       \
            ++swarmergy::ledger_test::failures;                                       \
        }                                                                             \
    } while (0)
