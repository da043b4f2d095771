#include "build.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "fingerprint.h"
#include "translations.h"
#include "hosting.h"
#include "output_lock.h"
#include "plan.h"
#include "progress.h"
#include "search_index.h"
#include "site.h"
#include "views.h"
#include "worker_pool.h"
#include "write.h"

namespace fs = std::filesystem;

namespace sitegen {

namespace {

// The folders a site is made from; the output may neither be inside one nor hold one.
const char* const kInputFolders[] = {"content", "locales", "templates", "static"};

bool is_inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(fs::absolute(path), ec), b = fs::weakly_canonical(fs::absolute(folder), ec);
  auto [end, unused] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return end == b.end();
}

// Why the output folder cannot be where it is: each build would read the last one's pages.
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

// Where the output goes, resolved once (a symlink given as --out leads to the folder it names,
// and stays a link), or nothing after reporting why it cannot go there.
std::optional<fs::path> output_folder(const BuildOptions& options, const fs::path& source, const Config& config,
                                      Diagnostics& diagnostics, int& exit_code) {
  const fs::path out_dir =
      resolve_output_folder((options.out ? fs::path(*options.out) : source / config.output).string());
  if (auto problem = output_overlap(source, out_dir)) {
    if (options.out) {
      diagnostics.error("sitegen", 0, "", "--out " + *options.out + ": " + *problem);
      exit_code = kExitUsage;
    } else {
      diagnostics.error("sitegen.json", 0, "output", *problem);
      exit_code = kExitInputError;
    }
    return std::nullopt;
  }
  if (!options.out && !is_inside(out_dir, source)) {
    diagnostics.warning("sitegen.json", 0, "output",
                        "the site is written outside the site folder, to " + fs::weakly_canonical(out_dir).string());
  }
  return out_dir;
}

std::vector<std::pair<std::string, size_t>> per_locale_counts(const Plan& pages, const Config& config) {
  std::vector<std::pair<std::string, size_t>> out;
  for (const auto& locale : config.locales) out.emplace_back(locale, pages.pages_per_locale() - 1);  // not its 404 page
  return out;
}

// Each of the user's files that stands where the new site needs a path, with the entry whose
// page needs it.
void report_user_files_in_the_way(const UserFilesInTheWay& e, const Plan& pages, const fs::path& out_dir,
                                  Diagnostics& diagnostics) {
  for (const auto& path : e.paths()) {
    std::string wanted_by;
    for (const auto& page : pages) {
      if (page.file == path || page.file.rfind(path + "/", 0) == 0 || path.rfind(page.file + "/", 0) == 0) {
        wanted_by = page.code       ? page.code->file + " (" + page.path + ")"
                    : page.protocol ? "index of " + page.protocol->file + " (" + page.path + ")"
                                    : page.path;
        break;
      }
    }
    diagnostics.error((out_dir / path).string(), 0, "",
                      "not made by sitegen, and " + (wanted_by.empty() ? std::string("the new site") : "the page of " + wanted_by) +
                          " needs this path; move it away, or build with --force to replace it (it is then kept in " +
                          replaced_dir_of(out_dir.string()) + ")");
  }
}

// The hosting files, streamed into the staging folder as they are made.
class HostingToWriter : public HostingSink {
 public:
  HostingToWriter(OutputWriter& writer, const Digest& inputs) : writer_(writer), inputs_(inputs) {}
  void begin(const std::string& path) override { file_ = writer_.write_streamed(path, inputs_); }
  void append(std::string_view bytes) override { file_->append(bytes); }
  void end() override {
    file_->finish();
    file_.reset();
  }

 private:
  OutputWriter& writer_;
  Digest inputs_;
  std::unique_ptr<OutputWriter::StreamedFile> file_;
};

// Thrown when BuildOptions::cancel is set: the staged files are left for the next build.
struct BuildCancelled {};
// Thrown under --strict when the site is larger than its host takes: the new site is not swapped in.
struct TooLargeForHost {};

// The write stage: every page, search index, hosting file and asset, then the swap.
void write_site(const BuildOptions& options, const Site& input, const Plan& pages, OutputWriter& writer,
                const BuildProgress& progress, Diagnostics& diagnostics, BuildResult& result) {
  const Config& config = input.config;
  Fingerprints fingerprints(input);
  // The rendered Markdown and localized strings are made the first time a page or a search
  // index has to be rendered: a build that changes nothing never needs them.
  std::optional<SiteData> site_data;
  std::once_flag site_data_made;
  auto site = [&]() -> const SiteData& {
    std::call_once(site_data_made,
                   [&] { site_data.emplace(prepare_site_data(config, input.catalog, input.locales, input.assets)); });
    return *site_data;
  };
  writer.expect_pages(pages.size(), [&pages](size_t i) { return pages[i].file; });
  for (const auto& [path, bytes] : input.assets.files) writer.write(path, bytes);
  for (const auto& [path, bytes] : input.static_files) writer.write(path, bytes);  // static/, as it is
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
      HostingToWriter sink(writer, hosting_inputs);
      write_hosting_files(pages, input.catalog, config, sink);
    }
  });
  // view -> render -> write, page by page on every core; pages whose inputs did not change
  // since the last build are linked, not rendered. Each page is written as soon as it is made,
  // so memory does not grow with the site.
  std::atomic<size_t> done{0}, rendered{0};
  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  try {
    for_each_index(
        pages.size(), jobs,
        [&](size_t i) {
          if (options.cancel && options.cancel->load(std::memory_order_relaxed)) return;
          const Page page = pages[i];
          const Digest inputs = fingerprints.page(page);
          if (options.force || !writer.reuse_page(i, page.file, inputs)) {
            const View view = make_view(page, site());
            writer.write_page(i, page.file, input.templates.render(page_kind_name(page.kind), view.page, view.shared),
                              inputs);
            ++rendered;
          }
          ++done;
        },
        progress ? std::function<void()>([&] { progress(done, pages.size()); }) : nullptr);
  } catch (...) {
    site_files.wait();  // it uses the writer, which the caller is about to destroy
    throw;
  }
  site_files.get();  // rethrows what went wrong there
  if (options.cancel && *options.cancel) throw BuildCancelled();
  // The sizes are known now, before the new site replaces the old one (a preview's are not counted).
  if (!options.private_output) check_host_sizes(writer.site_bytes(), writer.largest_file(), config, diagnostics);
  if (options.strict && diagnostics.has_errors()) throw TooLargeForHost();
  writer.commit();
  result.rendered = rendered;
  result.written = writer.written();
  result.unchanged = writer.unchanged();
  result.removed = writer.removed();
  result.kept = writer.kept();
  result.replaced = writer.replaced();
  result.replaced_dir = writer.replaced_dir();
}

}  // namespace

BuildResult build_site(const BuildOptions& options, Diagnostics& diagnostics, const BuildProgress& progress) {
  const auto started = std::chrono::steady_clock::now();
  BuildResult result;
  diagnostics.set_warnings_are_errors(options.strict);
  if (options.out && options.out->empty()) {
    diagnostics.error("sitegen", 0, "", "--out needs a folder name");
    result.exit_code = kExitUsage;
    return result;
  }
  const fs::path source(options.source);

  // load
  std::optional<Site> loaded = load_site(source.string(), diagnostics);
  if (loaded) check_plan(loaded->catalog, loaded->config, diagnostics);
  if (loaded) check_static_files(loaded->static_files, loaded->catalog, loaded->config, diagnostics);
  if (!loaded || diagnostics.has_errors()) {
    result.exit_code = kExitInputError;
    return result;
  }
  Site& input = *loaded;
  if (options.cancel && *options.cancel) {
    result.exit_code = kExitInterrupted;
    return result;
  }
  if (options.base_url) input.config.base_url = normalize_base_url(*options.base_url);
  if (options.hosting) input.config.hosting = *options.hosting;

  // plan
  const Plan pages = plan_site(input.catalog, input.config);
  result.pages = pages.size();
  result.pages_per_locale = per_locale_counts(pages, input.config);
  result.translations = coverage_line(translation_coverage(input.catalog, input.config));
  const std::optional<fs::path> out_dir = output_folder(options, source, input.config, diagnostics, result.exit_code);
  if (!out_dir || diagnostics.has_errors()) {
    if (result.exit_code == kExitOk) result.exit_code = kExitInputError;  // a warning under --strict
    return result;
  }
  result.out_dir = out_dir->string();
  // Before anything is written: more files than the host takes is said now, not at deploy time.
  check_host_limits(planned_file_count(pages, input.config, input.assets.files.size(), input.static_files.size()),
                    input.config, diagnostics);
  if (options.strict && diagnostics.has_errors()) {
    result.exit_code = kExitInputError;
    return result;
  }

  // view, render, write
  try {
    // Taken before the previous site is read: another build into the same folder would
    // otherwise interleave with this one.
    std::optional<OutputLock> lock;
    if (!options.held_lock) lock.emplace(out_dir->string(), "sitegen build");
    OutputWriter writer(out_dir->string(), options.force);
    if (options.private_output) writer.treat_as_private();
    write_site(options, input, pages, writer, progress, diagnostics, result);
  } catch (const BuildCancelled&) {
    result.exit_code = kExitInterrupted;
  } catch (const TooLargeForHost&) {
    result.exit_code = kExitInputError;
  } catch (const UserFilesInTheWay& e) {
    report_user_files_in_the_way(e, pages, *out_dir, diagnostics);
    result.exit_code = kExitOutputError;
  } catch (const RenderError& e) {
    diagnostics.error("sitegen", 0, "", e.what());
    result.exit_code = kExitInputError;
  } catch (const OutputError& e) {
    diagnostics.error("sitegen", 0, "", e.what());
    result.exit_code = kExitOutputError;
  } catch (const fs::filesystem_error& e) {
    diagnostics.error("sitegen", 0, "", e.what());
    result.exit_code = kExitOutputError;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  BuildResult result;
  {
    ProgressLine progress(err, !options.quiet && &err == &std::cerr && isatty(STDERR_FILENO));
    result = build_site(options, diagnostics,
                        progress.enabled() ? BuildProgress([&](size_t done, size_t total) { progress.show(done, total); })
                                           : nullptr);
  }
  Diagnostics::PrintOptions print;
  print.errors_only = options.quiet;
  print.color = &err == &std::cerr && use_color(STDERR_FILENO);
  diagnostics.print(err, print);
  if (result.exit_code == kExitInputError) {
    err << "sitegen: " << diagnostics.error_count() << " error(s); nothing was written\n";
  } else if (result.exit_code == kExitOutputError && !diagnostics.all().empty() &&
             diagnostics.all().front().file != "sitegen") {
    err << "sitegen: nothing was written\n";
  }
  if (result.exit_code != kExitOk) return result.exit_code;
  for (const auto& file : result.kept) {
    if (!options.quiet) err << (fs::path(result.out_dir) / file).string() << ": warning: not made by sitegen; kept\n";
  }
  for (const auto& file : result.replaced) {
    err << (fs::path(result.out_dir) / file).string()
        << ": warning: not made by sitegen; replaced by a page (--force) and kept in " << result.replaced_dir << "\n";
  }
  if (!options.quiet) {
    std::string per_locale;
    for (const auto& [locale, count] : result.pages_per_locale) {
      per_locale += (per_locale.empty() ? "" : ", ") + locale + " " + std::to_string(count);
    }
    char figures[96];
    std::snprintf(figures, sizeof figures, "in %.2f s (%.0f pages/s)", result.seconds,
                  static_cast<double>(result.pages) / std::max(result.seconds, 1e-3));
    out << "sitegen: built " << result.pages << " pages (" << per_locale << ", each with its 404 page) " << figures << ": "
        << result.rendered << " rendered; files: " << result.written << " written, " << result.unchanged
        << " unchanged, " << result.removed << " removed -> " << result.out_dir << "\n";
    if (!result.translations.empty()) out << "sitegen: prose translated: " << result.translations << "\n";
  }
  return kExitOk;
}

}  // namespace sitegen
