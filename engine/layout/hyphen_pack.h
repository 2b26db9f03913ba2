// Hyphenation packs: libhyphen's pattern automaton, built once at build time.
//
// libhyphen builds its automaton from the pattern file every time a program
// opens a dictionary; for German (two levels, some 292,000 states) that takes
// one to three seconds. A pack is that automaton written out as flat arrays:
// PackDictionaries() writes the packs of some dictionaries into one bundle
// (the build does this, tools/hyphen_pack.cc), and PackedDictionary rebuilds a
// HyphenDict from a bundle in a few milliseconds, with the transition tables
// and strings pointing into the bundle's bytes instead of being copied.
//
// A pack remembers the size and a hash of the pattern file it was built from;
// Open() refuses a pack whose file has since changed (a Debian update), and the
// caller falls back to libhyphen's own loader. Packs are native-endian and
// native-layout: built and used on the same machine, never shipped.
#pragma once

#include <hyphen.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::layout {

/// FNV-1a 64 over 8-byte words of `bytes` (a pass of a megabyte takes a
/// fraction of a millisecond): identifies the pattern file a pack was built
/// from.
uint64_t PatternFileHash(std::string_view bytes);

/// One dictionary to pack: its file name (the bundle's key) and path.
struct PatternFile {
  std::string name;  ///< "hyph_de_DE.dic"
  std::string path;
};

/// Loads each file with libhyphen and writes all packs as one bundle.
Result<std::string> PackDictionaries(const std::vector<PatternFile>& files);

/// A HyphenDict rebuilt from a bundle. Only reads the bundle, which must
/// outlive it. Immutable; safe to hyphenate with from many threads (as a
/// HyphenDict from hnj_hyphen_load is).
class PackedDictionary {
 public:
  /// The pack named `name` in `bundle`, when it was built from a file with
  /// exactly `file_bytes`; nullptr when the bundle has no such pack, or it is
  /// stale or malformed.
  static std::unique_ptr<PackedDictionary> Open(std::string_view bundle, std::string_view name,
                                                std::string_view file_bytes);
  ~PackedDictionary();
  PackedDictionary(const PackedDictionary&) = delete;
  PackedDictionary& operator=(const PackedDictionary&) = delete;

  /// The first level; never freed with hnj_hyphen_free().
  HyphenDict* dict() { return levels_.empty() ? nullptr : levels_.front().get(); }

 private:
  PackedDictionary() = default;

  /// Memory for one level's states (German's are some 11 MB): an anonymous
  /// mapping the kernel may back with huge pages, so that filling it costs a
  /// few page faults instead of thousands.
  class StateArray {
   public:
    explicit StateArray(size_t count);
    ~StateArray();
    StateArray(const StateArray&) = delete;
    StateArray& operator=(const StateArray&) = delete;
    HyphenState* data() const { return states_; }

   private:
    void* mapping_ = nullptr;
    size_t mapped_ = 0;
    HyphenState* states_ = nullptr;
  };

  std::vector<std::unique_ptr<HyphenDict>> levels_;
  std::vector<std::unique_ptr<StateArray>> states_;
};

/// The bundle the build embedded into this program (empty when built without).
std::string_view EmbeddedHyphenationPacks();

}  // namespace parting::layout
