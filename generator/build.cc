#include "build.h"

#include <algorithm>
#include <iostream>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

#include "diagnostics.h"
#include "fingerprint.h"
#include "hosting.h"
#include "output_lock.h"
#include "plan.h"
#include "site.h"
#include "search_index.h"
#include "views.h"
#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// The folders a site is made from; the output may neither be inside one nor hold one.
const char* const kInputFolders[] = {"content", "locales", "templates", "static"};

// "en 597, fr 597" in config order.
std::string per_locale_counts(const std::vector<Page>& pages, const Config& config) {
  std::map<std::string, int> counts;
  for (const auto& page : pages) {
    if (page.kind != PageKind::not_found) ++counts[page.locale];
  }
  std::string out;
  for (const auto& locale : config.locales) {
    if (!out.empty()) out += ", ";
    out += locale + " " + std::to_string(counts[locale]);
  }
  return out;
}

}  // namespace

bool is_inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(fs::absolute(path), ec), b = fs::weakly_canonical(fs::absolute(folder), ec);
  auto [end, unused] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return end == b.end();
}

std::optional<std::string> output_overlap(const fs::path& source, const fs::path& out_dir) {
  for (const char* input : kInputFolders) {
    const fs::path folder = source / input;
    if (is_inside(out_dir, folder)) {
      return std::string("is inside the site's ") + input + "/ folder; each build would read the last one's pages as input";
    }
    if (is_inside(folder, out_dir)) {
      return std::string("holds the site's ") + input + "/ folder; a build would mix its pages with its inputs";
    }
  }
  return std::nullopt;
}

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  if (options.out && options.out->empty()) {
    err << "sitegen: error: --out needs a folder name\n";
    return kExitUsage;
  }
  const auto started = std::chrono::steady_clock::now();
  const fs::path source(options.source);
  Diagnostics diagnostics;
  diagnostics.set_warnings_are_errors(options.strict);
  auto report = [&]() {
    Diagnostics::PrintOptions print;
    print.errors_only = options.quiet;
    print.color = &err == &std::cerr && use_color(STDERR_FILENO);
    diagnostics.print(err, print);
  };

  // load
  std::optional<Site> loaded = load_site(source.string(), diagnostics);
  if (loaded) check_plan(loaded->catalog, loaded->config, diagnostics);
  report();
  if (!loaded || diagnostics.has_errors()) {
    err << "sitegen: " << diagnostics.error_count() << " error(s); nothing was written\n";
    return kExitInputError;
  }
  Site& input = *loaded;
  Config& config = input.config;
  if (options.base_url) config.base_url = normalize_base_url(*options.base_url);

  // plan
  std::vector<Page> pages = plan_site(input.catalog, config);
  // The rendered Markdown and localized strings are made the first time a page or a search
  // index has to be rendered: a build that changes nothing never needs them.
  std::optional<SiteData> site_data;
  std::once_flag site_data_made;
  auto site = [&]() -> const SiteData& {
    std::call_once(site_data_made,
                   [&] { site_data.emplace(prepare_site_data(config, input.catalog, input.locales, input.assets)); });
    return *site_data;
  };

  // A symlink named as the output is resolved once, here: every build then writes the folder it
  // leads to, and the link stays a link.
  const fs::path out_dir = resolve_output_folder((options.out ? fs::path(*options.out) : source / config.output).string());
  if (auto problem = output_overlap(source, out_dir)) {
    if (options.out) {
      err << "sitegen: error: --out " << *options.out << ": " << *problem << "\n";
      return kExitUsage;
    }
    err << "sitegen.json: error: \"output\": " << *problem << "\n";
    return kExitInputError;
  }
  if (!options.out && !options.quiet && !is_inside(out_dir, source)) {
    err << "sitegen.json: warning: \"output\": the site is written outside the site folder, to "
        << fs::weakly_canonical(out_dir).string() << "\n";
  }
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  try {
    // Taken before the previous site is read: another build into the same folder would
    // otherwise interleave with this one.
    std::optional<OutputLock> lock;
    if (!options.held_lock) lock.emplace(out_dir.string(), "sitegen build");
    OutputWriter writer(out_dir.string(), options.force);
    Fingerprints fingerprints(input);
    for (const auto& [path, bytes] : input.assets.files) writer.write(path, bytes);
    // The site-wide files are made on a thread of their own while the pages render: the
    // sitemaps and redirect rules run to megabytes (and are made only when the outline changed).
    auto site_files = std::async(std::launch::async, [&] {
      for (const auto& locale : config.locales) {
        const std::string path = search_index_path(locale, config);
        const Digest inputs = fingerprints.search_index(locale);
        if (options.force || !writer.reuse(path, inputs)) writer.write(path, search_index(locale, site()), inputs);
      }
      const Digest hosting_inputs = fingerprints.hosting();
      if (options.force || !writer.reuse_all(hosting_inputs)) {
        for (const auto& file : hosting_files(pages, input.catalog, config)) writer.write(file.path, file.bytes, hosting_inputs);
      }
    });

    // view -> render -> write, page by page on every core; pages whose inputs did not change
    // since the last build are linked, not rendered. Each page is written as soon as it is made,
    // so memory does not grow with the site.
    std::atomic<size_t> next{0}, done{0}, rendered{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
      try {
        for (size_t i = next++; i < pages.size() && !failed; i = next++) {
          const Page& page = pages[i];
          const Digest inputs = fingerprints.page(page);
          if (options.force || !writer.reuse(page.file, inputs)) {
            const View view = make_view(page, site());
            writer.write(page.file, input.templates.render(page_kind_name(page.kind), view.page, view.shared), inputs);
            ++rendered;
          }
          ++done;
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    };
    std::vector<std::thread> workers;
    for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
    if (show_progress) {
      // A progress line for builds longer than a second; the main thread renders too otherwise.
      while (done < pages.size() && !failed) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (elapsed > 1) {
          err << "\r[" << done << "/" << pages.size() << "] pages, " << static_cast<long>(done / elapsed) << " pages/s"
              << std::flush;
        }
        if (workers.empty()) work();
      }
    } else {
      work();
    }
    for (auto& worker : workers) worker.join();
    if (show_progress) err << "\r\033[K";
    site_files.get();  // rethrows what went wrong there
    if (failure) std::rethrow_exception(failure);
    writer.commit();
    for (const auto& file : writer.kept()) {
      if (!options.quiet) err << (out_dir / file).string() << ": warning: not made by sitegen; kept\n";
    }
    for (const auto& file : writer.replaced()) {
      err << (out_dir / file).string() << ": warning: not made by sitegen; replaced by a page (--force) and kept in "
          << writer.replaced_dir() << "\n";
    }

    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char figures[96];
    std::snprintf(figures, sizeof figures, "in %.2f s (%.0f pages/s)", seconds, pages.size() / std::max(seconds, 1e-3));
    if (!options.quiet) {
      out << "sitegen: built " << pages.size() << " pages (" << per_locale_counts(pages, config) << ", plus 404.html) "
          << figures << ": " << rendered << " rendered; files: " << writer.written() << " written, "
          << writer.unchanged() << " unchanged, " << writer.removed() << " removed -> " << out_dir.string() << "\n";
    }
  } catch (const UserFilesInTheWay& e) {
    // Said per file, with the entry whose page needs the path.
    for (const auto& path : e.paths()) {
      std::string wanted_by;
      for (const auto& page : pages) {
        const bool needs = page.file == path || page.file.rfind(path + "/", 0) == 0 || path.rfind(page.file + "/", 0) == 0;
        if (needs) wanted_by = page.code ? page.code->file + " (" + page.path + ")" : page.path;
        if (needs) break;
      }
      err << (out_dir / path).string() << ": error: not made by sitegen, and "
          << (wanted_by.empty() ? std::string("the new site") : "the page of " + wanted_by)
          << " needs this path; move it away, or build with --force to replace it (it is then kept in "
          << replaced_dir_of(out_dir.string()) << ")\n";
    }
    err << "sitegen: nothing was written\n";
    return kExitOutputError;
  } catch (const RenderError& e) {
    err << e.what() << "\nsitegen: nothing was written\n";
    return kExitInputError;
  } catch (const OutputError& e) {
    err << "sitegen: error: " << e.what() << "\n";
    return kExitOutputError;
  } catch (const fs::filesystem_error& e) {
    err << "sitegen: error: " << e.what() << "\n";
    return kExitOutputError;
  }
  return kExitOk;
}

}  // namespace sitegen
