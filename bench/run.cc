// Runs a command several times and prints its median wall time and the peak resident memory of
// any run: how the benchmark measures every program, ours and the peers', the same way.
//
//   kg_bench_run [--repeat N] [--in FILE] [--out FILE] [--env NAME=VALUE]... -- COMMAND ARGS...
//
// Prints one line: "seconds_median seconds_min max_rss_kb exit_code cpu_median cpu_min" (CPU:
// user + system, of the process and the children it waited for). The command runs directly
// (no shell), with stdin from FILE (default /dev/null) and stdout to FILE (default /dev/null).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  int repeat = 1;
  std::string in = "/dev/null", out = "/dev/null";
  std::vector<std::string> env;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (i + 1 >= argc) break;
    if (a == "--repeat") {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--in") {
      in = argv[++i];
    } else if (a == "--out") {
      out = argv[++i];
    } else if (a == "--env") {
      env.emplace_back(argv[++i]);
    } else {
      break;
    }
  }
  if (i >= argc) {
    std::fprintf(stderr, "usage: %s [--repeat N] [--in F] [--out F] [--env N=V] -- CMD...\n",
                 argv[0]);
    return 2;
  }
  std::vector<double> times, cpu;
  long max_rss = 0;
  int code = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
      const int fd_in = open(in.c_str(), O_RDONLY);
      const int fd_out = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd_in < 0 || fd_out < 0) _exit(127);
      dup2(fd_in, 0);
      dup2(fd_out, 1);
      for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
      execvp(argv[i], argv + i);
      _exit(127);
    }
    int status = 0;
    struct rusage usage;
    wait4(pid, &status, 0, &usage);
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    max_rss = std::max(max_rss, usage.ru_maxrss);
    cpu.push_back(static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%.6f %.6f %ld %d %.6f %.6f\n", times[times.size() / 2], times.front(), max_rss, code,
              cpu[cpu.size() / 2], cpu.front());
  return 0;
}
