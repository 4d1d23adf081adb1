// Writer driven by tst_telemetry_kill: appends 15-minute steps of N meters to a store, forever
// (or up to a step limit), continuing after the last committed step. Before each batch it
// prints "begin <step start>", after each commit "commit <step start>", each with one
// write(2) to stdout, so the parent reading the pipe knows exactly what was committed when
// it sends SIGKILL.
//
// usage: telemetry_kill_writer DB METERS RUCHES [MAX_STEPS]

#include "engine/telemetry/TelemetryStore.h"
#include "tests/engine/telemetry/KillWriterValues.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace swarmergy::telemetry;

namespace {

void say(const std::string& word, std::int64_t stepStartUtc) {
    const std::string line = word + " " + std::to_string(stepStartUtc) + "\n";
    // Short writes to a pipe are atomic (< PIPE_BUF) and unbuffered: nothing waits in stdio.
    if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
        std::exit(3);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: telemetry_kill_writer DB METERS RUCHES [MAX_STEPS]\n";
        return 2;
    }
    try {
        const std::string path = argv[1];
        const int meterCount = std::stoi(argv[2]);
        const int rucheCount = std::stoi(argv[3]);
        const long maxSteps = argc > 4 ? std::stol(argv[4]) : -1;

        auto store = TelemetryStore::open(path);
        std::vector<MeterInfo> meters;
        for (int i = 0; i < meterCount; ++i)
            meters.push_back({telemetry_test::killMeterId(i), MeterKind::Alveole, telemetry_test::killRucheId(i, rucheCount)});
        store->registerMeters(meters);

        const std::int64_t stepSeconds = telemetry_test::kKillStepMinutes * 60;
        const auto last = store->lastCommittedStep();
        std::int64_t next = last ? *last + stepSeconds : telemetry_test::kKillFirstStepUtc;
        std::vector<Reading> batch(static_cast<std::size_t>(meterCount));
        for (long written = 0; maxSteps < 0 || written < maxSteps; ++written, next += stepSeconds) {
            for (int i = 0; i < meterCount; ++i)
                batch[static_cast<std::size_t>(i)] = {meters[static_cast<std::size_t>(i)].id, telemetry_test::killValues(i, next)};
            say("begin", next);
            store->appendStep(next, telemetry_test::kKillStepMinutes, batch, {0.25, 0.0625});
            say("commit", next);
        }
    } catch (const std::exception& error) {
        std::cerr << "telemetry_kill_writer: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
