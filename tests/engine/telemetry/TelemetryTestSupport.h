#pragma once
// Small helpers shared by the telemetry tests: a failure counter with readable messages
// and a scratch directory removed at exit.

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>
#include <iostream>
#include <string>

namespace telemetry_test {

inline int failures = 0;

inline void fail(const char* file, int line, const std::string& what) {
    ++failures;
    std::cerr << file << ":" << line << ": FAILED: " << what << "\n";
}

#define CHECK(cond)                                                                                                    \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            telemetry_test::fail(__FILE__, __LINE__, #cond);                                                           \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                                                          \
    do {                                                                                                               \
        const double va_ = (a), vb_ = (b);                                                                             \
        if (!(std::fabs(va_ - vb_) <= (tol)))                                                                          \
            telemetry_test::fail(__FILE__, __LINE__,                                                                   \
                                 std::string(#a " == " #b ": ") + std::to_string(va_) + " vs " + std::to_string(vb_)); \
    } while (0)

// Expects `expr` to throw `Type` whose message contains `fragment`.
#define CHECK_THROWS(Type, expr, fragment)                                                                             \
    do {                                                                                                               \
        try {                                                                                                          \
            expr;                                                                                                      \
            telemetry_test::fail(__FILE__, __LINE__, "no exception from " #expr);                                      \
        } catch (const Type& error_) {                                                                                 \
            if (std::string(error_.what()).find(fragment) == std::string::npos)                                        \
                telemetry_test::fail(__FILE__, __LINE__,                                                               \
                                     std::string("message of " #expr " lacks '") + (fragment) + "': " + error_.what()); \
        } catch (const std::exception& other_) {                                                                       \
            telemetry_test::fail(__FILE__, __LINE__, std::string("wrong exception from " #expr ": ") + other_.what());  \
        }                                                                                                              \
    } while (0)

class ScratchDir {
public:
    // A kill -9 tests the process, not the disk: on tmpfs (/dev/shm) every fsync is free, so
    // the test's time goes into killing and verifying, not into waiting for a shared disk.
    static std::filesystem::path baseDirectory() {
        std::error_code error;
        const std::filesystem::path shm = "/dev/shm";
        if (std::filesystem::is_directory(shm, error) && access(shm.c_str(), W_OK) == 0)
            return shm;
        return std::filesystem::temp_directory_path();
    }

    ScratchDir() {
        std::string pattern = (baseDirectory() / "swarmergy-telemetry-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            std::cerr << "cannot create a scratch directory under " << pattern << "\n";
            std::exit(2);
        }
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline int report(const char* suite) {
    if (failures == 0)
        std::cout << suite << ": all checks passed\n";
    else
        std::cerr << suite << ": " << failures << " check(s) failed\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace telemetry_test
