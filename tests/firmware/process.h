// Spawns a helper process (virtual hub, QEMU) with its stdout on a pipe; kills it on exit.
#pragma once
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <poll.h>

#include <string>
#include <vector>

extern char **environ;

namespace fwtest {

class Process {
public:
    ~Process() { kill(SIGKILL); }

    bool start(const std::vector<std::string> &argv)
    {
        int out[2];
        if (pipe(out) != 0) return false;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        posix_spawn_file_actions_addclose(&actions, out[0]);
        std::vector<char *> args;
        for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        const int rc = posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        stdout_ = out[0];
        return rc == 0;
    }

    // The first line the process prints (e.g. its pty path); empty on timeout or exit.
    std::string readLine(int timeoutMs = 10000)
    {
        std::string line;
        char c;
        while (true) {
            pollfd p{stdout_, POLLIN, 0};
            if (::poll(&p, 1, timeoutMs) <= 0) return {};
            if (::read(stdout_, &c, 1) != 1) return {};
            if (c == '\n') return line;
            line += c;
        }
    }

    void kill(int sig)
    {
        if (pid_ > 0) {
            ::kill(pid_, sig);
            int status;
            waitpid(pid_, &status, 0);
            pid_ = -1;
        }
        if (stdout_ >= 0) ::close(stdout_);
        stdout_ = -1;
    }

    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int stdout_ = -1;
};

}  // namespace fwtest
