// sitegen's command line: CLI11 subcommands wired to the functions that do the work.
#include <CLI/CLI.hpp>
#include <iostream>

#include "build.h"
#include "check.h"
#include "config.h"
#include "diagnostics.h"
#include "init.h"
#include "serve.h"

namespace {

// --base-url takes what sitegen.json's base_url takes: one rule, one message.
std::string check_base_url(const std::string& url) { return sitegen::base_url_problem(url).value_or(""); }

// Every subcommand reads a site folder.
void add_source_option(CLI::App* command, std::string& source) {
  command->add_option("--source", source, "Site folder with sitegen.json, content/, locales/, templates/")
      ->capture_default_str();
}

// "sitegen frobnicate": CLI11 would say only that a subcommand is required; this names the word
// and the command it most likely meant.
bool is_unknown_command(const CLI::App& app, int argc, char** argv, std::ostream& err) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (command->get_name() == argv[1]) return false;
    names.push_back(command->get_name());
  }
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  err << "sitegen: \"" << argv[1] << "\" is not a command" << sitegen::did_you_mean(argv[1], names)
      << "; the commands are " << list << " (sitegen help <command> tells more)\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sitegen: builds a static reference site of protocol reply codes"};
  const std::string version = std::string("sitegen ") + SITEGEN_VERSION;
  app.set_version_flag("-V,--version", version);
  app.require_subcommand(1);

  sitegen::BuildOptions build;
  CLI::App* build_command = app.add_subcommand("build", "Build the site into the output folder");
  add_source_option(build_command, build.source);
  build_command->add_option("--out", build.out, "Output folder (default: \"output\" in sitegen.json, site/)");
  build_command->add_option("--base-url", build.base_url, "Public URL of the site, e.g. https://example.org/codes/")
      ->check(check_base_url);
  build_command->add_option("--host", build.hosting,
                            "The static host the site is for, overriding \"hosting\" in sitegen.json: generic, "
                            "cloudflare-pages, netlify or github-pages (each gets only the files and rules it reads)")
      ->check(CLI::IsMember(sitegen::known_hosts()));
  build_command->add_flag("--strict", build.strict, "Treat warnings (such as missing translations) as errors");
  build_command->add_flag("--quiet", build.quiet, "Print errors only");
  build_command->add_option("-j,--jobs", build.jobs, "Render threads (default: one per core)")
      ->check(CLI::Range(0u, sitegen::kMaxJobs));
  build_command->add_flag("--force", build.force,
                          "Render every page, even unchanged ones, and replace files of yours where pages go "
                          "(they are kept beside the output)");

  sitegen::CheckOptions check;
  CLI::App* check_command =
      app.add_subcommand("check", "Validate and lint content, locales and templates without writing anything");
  add_source_option(check_command, check.source);
  check_command->add_flag("--strict", check.strict, "Treat warnings as errors");
  check_command->add_flag("--quiet", check.quiet, "Print errors only, and no verdict line");
  check_command->add_flag("--sources", check.sources,
                          "Also list, for each page kind, the template and partials it is made from, the site's or "
                          "sitegen's theme's");
  check_command->add_flag("--links", check.links, "Also verify that every internal link of the built site resolves");
  check_command->add_flag("--translations", check.translations,
                          "Also report, per locale, the prose fields translated, stale and missing (with --strict, "
                          "any gap fails)");
  check_command->add_option("--out", check.out, "The built site to check with --links (default: sitegen.json \"output\")");
  check_command->add_option("--base-url", check.base_url, "The base URL the site was built with (default: read from its robots.txt, else sitegen.json)")
      ->check(check_base_url);

  sitegen::ServeOptions serve;
  CLI::App* serve_command =
      app.add_subcommand("serve", "Build, serve on this machine, rebuild on every change and reload open pages");
  add_source_option(serve_command, serve.source);
  serve_command->add_option("--port", serve.port, "Port to listen on (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_command->add_option("--bind", serve.bind, "Address to listen on; only this machine unless you change it")
      ->capture_default_str();
  serve_command->add_option("--out", serve.out, "Folder for the preview build (default: a temporary folder)");
  serve_command->add_option("--base-url", serve.base_url, "Public URL of the site; its path is where the preview is served")
      ->check(check_base_url);
  serve_command->add_option("--allow-host", serve.allow_hosts,
                            "Also answer requests for this host name (repeat for more); by default only "
                            "localhost and the bound address are answered");
  serve_command->add_flag("--strict", serve.strict, "Treat warnings as errors");
  serve_command->add_flag("--quiet", serve.quiet, "Print errors only");
  serve_command->add_option("-j,--jobs", serve.jobs, "Render threads (default: one per core)")
      ->check(CLI::Range(0u, sitegen::kMaxJobs));

  sitegen::InitOptions init;
  CLI::App* init_command = app.add_subcommand("init", "Start a new site in an empty folder, ready to build");
  init_command->add_option("dir", init.dir, "The folder (new or empty)")->required();
  init_command->add_option("--locales", init.locales, "The site's languages, the default first (e.g. en,fr)")
      ->delimiter(',')
      ->capture_default_str();
  init_command->add_flag("--quiet", init.quiet, "Print errors only");

  CLI::App* version_command = app.add_subcommand("version", "Print the version of sitegen");
  std::vector<std::string> help_topic;
  CLI::App* help_command = app.add_subcommand("help", "Print help: of sitegen, or of one command (sitegen help build)");
  help_command->add_option("command", help_topic, "The command to explain");

  if (is_unknown_command(app, argc, argv, std::cerr)) return sitegen::kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : sitegen::kExitUsage;
  }
  // Every failure the commands foresee is a diagnostic and an exit code; this is for the rest
  // (out of memory, a thread the system refuses), which must still end with a message.
  if (version_command->parsed()) {
    std::cout << version << "\n";
    return 0;
  }
  if (help_command->parsed()) {
    if (help_topic.empty()) {
      // app.help() would describe the parsed subcommand, help itself.
      std::cout << app.get_formatter()->make_help(&app, "sitegen", CLI::AppFormatMode::Normal);
      return 0;
    }
    for (CLI::App* command : {build_command, check_command, serve_command, init_command, version_command}) {
      if (command->get_name() == help_topic[0]) {
        std::cout << command->get_formatter()->make_help(command, "sitegen " + command->get_name(),
                                                          CLI::AppFormatMode::Normal);
        return 0;
      }
    }
    std::cerr << "sitegen help: \"" << help_topic[0] << "\" is not a command"
              << sitegen::did_you_mean(help_topic[0], {"build", "check", "serve", "init", "version", "help"}) << "\n";
    return sitegen::kExitUsage;
  }
  try {
    if (build_command->parsed()) return sitegen::run_build(build, std::cout, std::cerr);
    if (check_command->parsed()) return sitegen::run_check(check, std::cout, std::cerr);
    if (serve_command->parsed()) return sitegen::run_serve(serve, std::cout, std::cerr);
    if (init_command->parsed()) return sitegen::run_init(init, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "sitegen: error: " << e.what() << "\n";
    return sitegen::kExitOutputError;
  }
  return sitegen::kExitUsage;
}
