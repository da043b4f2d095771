// libFuzzer target: an output folder's manifest as arbitrary bytes, through the reader. Nothing
// may crash; no path that could leave the folder may come out; and what it read, written out and
// read again, is the same (the manifest a build writes is the one the next build reads), the
// folders' times included.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sitegen::Manifest manifest = sitegen::parse_manifest(std::string(reinterpret_cast<const char*>(data), size));
  for (const auto& [path, entry] : manifest.files) {
    if (!sitegen::is_safe_relative_path(std::string(path))) std::abort();
  }
  for (const auto& path : manifest.user_files) {
    if (!sitegen::is_safe_relative_path(path)) std::abort();
  }
  const std::vector<std::string> user_files(manifest.user_files.begin(), manifest.user_files.end());
  const sitegen::Manifest again = sitegen::parse_manifest(sitegen::manifest_text(manifest.files, user_files));
  if (again.files != manifest.files || again.user_files != manifest.user_files) std::abort();
  // The staging folder's manifest ends with the folders' times: they read back the same too.
  const sitegen::Manifest times = sitegen::parse_manifest(sitegen::folder_lines(manifest.folder_times));
  if (!(times.folder_times == manifest.folder_times)) std::abort();
  return 0;
}
