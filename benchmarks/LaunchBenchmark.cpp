// Launch to first frame: tapedeck-window against a bare Qt Widgets window with one button
// (BareWindow.cpp), in one run, on the same X server (run it under Xvfb). Each launch is
// timed from just before the program is started to the moment it has painted its first frame
// (FirstFrameReport, both read CLOCK_MONOTONIC). One launch of each is a warm-up; then the
// two alternate, 7 launches each, and the medians and their ratio are printed. Every launch
// starts with an empty home (fresh settings: a first launch), never the user's own.
// Prints figures; never fails on timing.
//
//   launch_benchmark TAPEDECK_WINDOW BARE_WINDOW [LAUNCHES]
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <iterator>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

constexpr int kFrameTimeoutMs = 20000;

long long monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// The children's environment: ours, with a fresh home and the report asked for.
std::vector<std::string> childEnvironment(const std::string& home) {
    const char* const replaced[] = {
        "HOME=", "XDG_CONFIG_HOME=", "XDG_DATA_HOME=", "XDG_CACHE_HOME=", "QT_QPA_PLATFORM="};
    std::vector<std::string> out;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        if (std::none_of(std::begin(replaced), std::end(replaced),
                         [&entry](const char* name) { return entry.rfind(name, 0) == 0; })) {
            out.push_back(entry);
        }
    }
    out.push_back("HOME=" + home);
    out.push_back("XDG_CONFIG_HOME=" + home + "/.config");
    out.push_back("XDG_DATA_HOME=" + home + "/.local/share");
    out.push_back("XDG_CACHE_HOME=" + home + "/.cache");
    out.push_back("TAPEDECK_FIRST_FRAME_REPORT=1");
    return out;
}

// One launch's figures; negative on failure.
struct Launch {
    double wallMs = -1; // from exec to the first frame
    double cpuMs = -1;  // the program's CPU time (all its threads) until then
};

Launch launch(const std::string& program, const std::string& scratch) {
    const std::string home = scratch + "/home";
    std::system(("rm -rf '" + home + "' && mkdir -p '" + home + "'").c_str());
    std::vector<std::string> environment = childEnvironment(home);
    std::vector<char*> envp;
    for (std::string& e : environment) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) {
        return {};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string path = program;
    char* argv[] = {path.data(), nullptr};
    pid_t pid = 0;
    const long long started = monotonicNs();
    const int spawned = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        std::fprintf(stderr, "could not start %s: %s\n", program.c_str(), std::strerror(spawned));
        return {};
    }
    std::string text;
    long long frame = -1;
    long long cpu = -1;
    const long long deadline = started + kFrameTimeoutMs * 1'000'000LL;
    while (frame < 0 && monotonicNs() < deadline) {
        pollfd wait{out[0], POLLIN, 0};
        if (poll(&wait, 1, 100) <= 0) {
            continue;
        }
        char buffer[256];
        const ssize_t got = read(out[0], buffer, sizeof buffer);
        if (got <= 0) {
            break; // it exited
        }
        text.append(buffer, static_cast<std::size_t>(got));
        const std::size_t at = text.find("first-frame ");
        if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
            char* rest = nullptr;
            frame = std::strtoll(text.c_str() + at + 12, &rest, 10);
            const char* cpuField = std::strstr(rest, " cpu ");
            cpu = cpuField != nullptr ? std::atoll(cpuField + 5) : -1;
        }
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    close(out[0]);
    if (frame < 0) {
        std::fprintf(stderr, "%s showed no frame\n", program.c_str());
        return {};
    }
    return {static_cast<double>(frame - started) / 1e6,
            cpu >= 0 ? static_cast<double>(cpu) / 1e6 : -1.0};
}

struct Figures {
    double median = 0;
    double best = 0;
    double worst = 0;
    std::size_t count = 0;
};

Figures summarize(std::vector<double> ms) {
    Figures f;
    ms.erase(std::remove_if(ms.begin(), ms.end(), [](double v) { return v < 0; }), ms.end());
    if (ms.empty()) {
        return f;
    }
    std::sort(ms.begin(), ms.end());
    f.count = ms.size();
    f.median =
        ms.size() % 2 == 1 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    f.best = ms.front();
    f.worst = ms.back();
    return f;
}

void print(const char* name, const char* what, const Figures& f) {
    std::printf("%-16s %-5s median %6.1f ms, best %6.1f ms, worst %6.1f ms (%zu launches)\n", name,
                what, f.median, f.best, f.worst, f.count);
}

void printRatio(const char* what, const Figures& window, const Figures& bare) {
    if (window.count > 0 && bare.count > 0 && bare.median > 0) {
        std::printf("%s ratio: %.2fx the bare window\n", what, window.median / bare.median);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s TAPEDECK_WINDOW BARE_WINDOW [LAUNCHES]\n", argv[0]);
        return 2;
    }
    const std::string window = argv[1];
    const std::string bare = argv[2];
    const int launches = argc > 3 ? std::max(1, std::atoi(argv[3])) : 7;
    if (std::getenv("DISPLAY") == nullptr) {
        std::fprintf(stderr, "launch_benchmark needs an X server (run it under xvfb-run)\n");
        return 2;
    }
    char scratchTemplate[] = "/tmp/tapedeck-launch-XXXXXX";
    const char* scratch = mkdtemp(scratchTemplate);
    if (scratch == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    // Warm-up: the libraries reach the page cache, fontconfig its cache.
    launch(bare, scratch);
    launch(window, scratch);
    std::vector<double> windowMs;
    std::vector<double> bareMs;
    std::vector<double> windowCpuMs;
    std::vector<double> bareCpuMs;
    for (int i = 0; i < launches; ++i) {
        const Launch b = launch(bare, scratch);
        const Launch w = launch(window, scratch);
        bareMs.push_back(b.wallMs);
        bareCpuMs.push_back(b.cpuMs);
        windowMs.push_back(w.wallMs);
        windowCpuMs.push_back(w.cpuMs);
    }
    std::system(("rm -rf '" + std::string(scratch) + "'").c_str());
    const Figures w = summarize(windowMs);
    const Figures b = summarize(bareMs);
    const Figures wCpu = summarize(windowCpuMs);
    const Figures bCpu = summarize(bareCpuMs);
    std::printf("Launch to first frame (exec to the first frame painted), under this X server;\n"
                "cpu: the program's CPU time until then, which other load hardly moves:\n");
    print("tapedeck-window", "wall", w);
    print("bare Qt window", "wall", b);
    print("tapedeck-window", "cpu", wCpu);
    print("bare Qt window", "cpu", bCpu);
    printRatio("wall", w, b);
    printRatio("cpu", wCpu, bCpu);
    std::printf("(the goal is at most 1.25x, wall)\n");
    return 0;
}
