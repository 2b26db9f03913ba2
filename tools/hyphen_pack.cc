// parting_hyphen_pack OUT DIR: packs every hyphenation pattern file of DIR
// (the regular files hyph_*.dic; links to them are skipped) into one bundle
// at OUT, which the build embeds into the layout stage (engine/layout/
// hyphen_pack.h says why). Written atomically, so an interrupted build never
// leaves half a bundle behind.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "layout/hyphen_pack.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: parting_hyphen_pack OUT DIR\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path out = argv[1];
  std::vector<parting::layout::PatternFile> files;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(argv[2], ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_symlink() || !entry.is_regular_file()) continue;
    if (name.rfind("hyph_", 0) != 0 || entry.path().extension() != ".dic") continue;
    files.push_back({name, entry.path().string()});
  }
  if (ec) {
    std::cerr << "parting_hyphen_pack: " << argv[2] << ": " << ec.message() << "\n";
    return 1;
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  auto bundle = parting::layout::PackDictionaries(files);
  if (!bundle.ok()) {
    std::cerr << "parting_hyphen_pack: " << bundle.status().ToString() << "\n";
    return 1;
  }
  const fs::path partial = out.string() + ".partial";
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file.write(bundle->data(), static_cast<std::streamsize>(bundle->size()));
    if (!file.flush()) {
      std::cerr << "parting_hyphen_pack: cannot write " << partial << "\n";
      return 1;
    }
  }
  fs::rename(partial, out, ec);
  if (ec) {
    std::cerr << "parting_hyphen_pack: " << out << ": " << ec.message() << "\n";
    return 1;
  }
  std::cout << "packed " << files.size() << " hyphenation dictionaries, " << bundle->size()
            << " bytes\n";
  return 0;
}
