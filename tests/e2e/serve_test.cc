// `sitegen serve` as a user runs it: a child process on a free loopback port, fetched over HTTP.
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "preview_server.h"
#include "serve.h"
#include "test_support.h"
#include "write.h"

using namespace sitegen;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// A running `sitegen serve` on the fixture site; stopped with SIGTERM on destruction.
class Server {
 public:
  explicit Server(const std::string& source) : log_(dir_ / "log") {
    pid_ = fork();
    if (pid_ == 0) {
      int log = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(log, 1);
      dup2(log, 2);
      execl(test::sitegen_binary().c_str(), "sitegen", "serve", "--port", "0", "--source", source.c_str(), nullptr);
      _exit(127);
    }
    static const std::regex url("http://127\\.0\\.0\\.1:([0-9]+)/");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(50ms);
      std::smatch m;
      std::string text = log();
      if (std::regex_search(text, m, url)) port_ = std::stoi(m[1].str());
    }
    REQUIRE(port_ != 0);
  }
  ~Server() { stop(); }

  int stop() {
    if (pid_ <= 0) return exit_code_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return exit_code_;
  }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string log() const { return fs::exists(log_) ? test::read_file(log_) : ""; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(5, 0);
    return c;
  }

 private:
  test::TempDir dir_;
  std::string log_;
  pid_t pid_ = 0;
  int port_ = 0;
  int exit_code_ = -1;
};

// Sends `target` exactly as written (no client-side normalisation) and returns status and body.
std::pair<int, std::string> raw_get(int port, const std::string& target) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string response;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, static_cast<size_t>(n));
  close(fd);
  int status = response.size() > 12 ? std::stoi(response.substr(9, 3)) : 0;
  return {status, response};
}

// Polls `path` until its body contains `text` or two seconds pass.
bool shows_within_two_seconds(const Server& server, const std::string& path, const std::string& text) {
  auto deadline = std::chrono::steady_clock::now() + 2s;
  while (std::chrono::steady_clock::now() < deadline) {
    auto response = server.client().Get(path.c_str());
    if (response && response->body.find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

}  // namespace

TEST_CASE("serve answers pages as text/html and unknown paths with the site's 404 page", "[serve]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Server server(dir.path());
  auto client = server.client();
  for (const char* path : {"/", "/smtp/", "/fr/smtp/214-help-message/",
                           "/ar/compare/smtp/214-help-message-vs-535-authentication-failed/"}) {
    INFO(path);
    auto response = client.Get(path);
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "text/html; charset=utf-8");
    // The page says which build it came from (0: the one serve started with), for the live-reload script.
    CHECK(response->body.find("<script src=\"/__sitegen/live.js\" data-build=\"0\"></script>") != std::string::npos);
  }
  auto missing = client.Get("/smtp/999-nothing/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("<h1>Page not found</h1>") != std::string::npos);
  auto folder = client.Get("/smtp");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/smtp/");
  CHECK(server.stop() == 0);
  CHECK(server.log().find("sitegen serve: stopped") != std::string::npos);
}

TEST_CASE("serve rebuilds on an edit, keeps the last good site on a broken edit and recovers", "[serve]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Server server(dir.path());
  const std::string en = test::read_file(dir / "locales/en.json");
  auto edit = [&](const std::string& from, const std::string& to) {
    std::string text = en;
    text.replace(text.find(from), from.size(), to);
    test::write_file(dir / "locales/en.json", text);
  };
  edit("Built with sitegen.", "Built with sitegen, edited.");
  CHECK(shows_within_two_seconds(server, "/smtp/", "Built with sitegen, edited."));

  test::write_file(dir / "locales/en.json", "{ \"ui\": ");
  CHECK(shows_within_two_seconds(server, "/__sitegen/status", "locales/en.json"));
  auto page = server.client().Get("/smtp/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("Built with sitegen, edited.") != std::string::npos);
  CHECK(server.log().find("sitegen serve: still serving the last good site") != std::string::npos);

  edit("Built with sitegen.", "Built with sitegen, fixed.");
  CHECK(shows_within_two_seconds(server, "/smtp/", "Built with sitegen, fixed."));
  CHECK(shows_within_two_seconds(server, "/__sitegen/status", "\"error\":\"\""));

  // A page that connects for events after rebuilds it did not see still hears of them: here the
  // page came from the first build, and three more (edited, broken, fixed) ended before it connected.
  std::string events;
  server.client().Get("/__sitegen/events?since=0", [&](const char* data, size_t length) {
    events.append(data, length);
    return false;  // the first event is enough
  });
  CHECK(events.find("event: reload") != std::string::npos);

  // Stopped, it leaves nothing behind: neither its temporary site nor the staging folder beside it.
  const std::string out = (fs::temp_directory_path() / ("sitegen-serve-" + std::to_string(server.pid()))).string();
  REQUIRE(fs::exists(out));
  CHECK(fs::exists(staging_dir_of(out)));  // the rebuilds above left the site before last there
  CHECK(server.stop() == 0);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(staging_dir_of(out)));
}

TEST_CASE("serve never returns a file outside the output folder", "[serve][security]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  test::write_file(dir / "secret.txt", "TOP-SECRET-CONTENT");
  const std::string out = dir / "preview";
  // A symlink inside the served folder that points outside it.
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(test::sitegen_binary().c_str(), "sitegen", "build", "--quiet", "--source", dir.path().c_str(), "--out",
          out.c_str(), nullptr);
    _exit(127);
  }
  waitpid(pid, nullptr, 0);
  fs::create_symlink(dir / "secret.txt", out + "/leak.txt");
  CHECK(resolve_served_file(out, "/leak.txt") == "");
  CHECK(resolve_served_file(out, "/../secret.txt") == "");
  CHECK(resolve_served_file(out, "/smtp/") == fs::canonical(out + "/smtp/index.html").string());

  Server server(dir.path());
  for (const char* target : {"/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                             "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt",
                             "/smtp/..%5c..%5csecret.txt", "/..\\secret.txt", "/%c0%ae%c0%ae/secret.txt",
                             "//etc/passwd", "/../../../../../../etc/passwd", "/leak.txt"}) {
    INFO(target);
    auto [status, response] = raw_get(server.port(), target);
    CHECK(status != 200);
    CHECK(response.find("TOP-SECRET-CONTENT") == std::string::npos);
    CHECK(response.find("root:") == std::string::npos);
  }
}

TEST_CASE("serve answers 200 concurrent requests from 50 clients", "[serve]") {
  test::TempDir dir;
  test::make_fixture_site("mini", dir.path());
  Server server(dir.path());
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 50; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.client();
      const char* paths[] = {"/", "/smtp/", "/fr/smtp/214-help-message/", "/sitemap.xml"};
      for (int r = 0; r < 4; ++r) {
        auto response = client.Get(paths[(c + r) % 4]);
        if (response && response->status == 200 && !response->body.empty()) ++ok;
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(ok == 200);
}
