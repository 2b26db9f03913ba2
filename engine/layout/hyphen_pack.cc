#include "layout/hyphen_pack.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <fstream>
#include <sstream>

namespace parting::layout {
namespace {

constexpr char kBundleMagic[4] = {'P', 'H', 'Y', 'B'};
constexpr char kPackMagic[4] = {'P', 'H', 'Y', 'P'};
constexpr uint32_t kVersion = 2;  // 2: PatternFileHash by 8-byte words

struct PackHeader {
  char magic[4];
  uint32_t version;
  uint32_t levels;
  uint32_t trans_size;  // sizeof(HyphenTrans) of the machine that wrote it
  uint64_t source_size;
  uint64_t source_hash;
};

struct LevelHeader {
  char lhmin, rhmin, clhmin, crhmin;
  int32_t utf8;
  char cset[MAX_NAME];
  int32_t nohyphenl;
  int32_t nohyphen;  // offset into the strings, -1 for none
  int32_t num_states;
  int32_t num_trans;
  int32_t strings_size;
  int32_t reserved;
};

struct StateRecord {
  int32_t match;  // offset into the strings, -1 for none
  int32_t repl;
  int32_t fallback_state;
  int32_t num_trans;
  int32_t first_trans;
  int8_t replindex;
  int8_t replcut;
  int16_t reserved;
};

void Pad(std::string* out) {
  while (out->size() % 8 != 0) out->push_back('\0');
}

template <typename T>
void Put(std::string* out, const T& value) {
  out->append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads what a pack or bundle holds, refusing to read past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Get(T* value) {
    if (bytes_.size() - at_ < sizeof(T)) return false;
    std::memcpy(value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  // `n` bytes in place; false when fewer remain.
  bool Take(size_t n, const char** data) {
    if (bytes_.size() - at_ < n) return false;
    *data = bytes_.data() + at_;
    at_ += n;
    return true;
  }
  void Align() { at_ = std::min(bytes_.size(), (at_ + 7) / 8 * 8); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

int32_t AddString(const char* s, std::string* strings) {
  if (s == nullptr) return -1;
  const auto offset = static_cast<int32_t>(strings->size());
  strings->append(s);
  strings->push_back('\0');
  return offset;
}

void WriteLevel(const HyphenDict& level, std::string* out) {
  std::string strings;
  std::vector<HyphenTrans> trans;
  std::vector<StateRecord> states(level.num_states);
  for (int i = 0; i < level.num_states; ++i) {
    const HyphenState& state = level.states[i];
    StateRecord& record = states[i];
    record = {};
    record.match = AddString(state.match, &strings);
    record.repl = AddString(state.repl, &strings);
    // libhyphen sets these only for states with a replacement, and reads
    // them only then: the others hold whatever memory held.
    record.replindex = state.repl != nullptr ? state.replindex : 0;
    record.replcut = state.repl != nullptr ? state.replcut : 0;
    record.fallback_state = state.fallback_state;
    record.num_trans = state.num_trans;
    record.first_trans = static_cast<int32_t>(trans.size());
    trans.insert(trans.end(), state.trans, state.trans + state.num_trans);
  }
  int32_t nohyphen = -1;
  if (level.nohyphen != nullptr) {
    // libhyphen keeps NOHYPHEN as nohyphenl + 1 strings, each ended by '\0'.
    nohyphen = static_cast<int32_t>(strings.size());
    const char* piece = level.nohyphen;
    for (int i = 0; i <= level.nohyphenl; ++i) {
      const size_t n = std::strlen(piece) + 1;
      strings.append(piece, n);
      piece += n;
    }
  }
  LevelHeader header{};
  header.lhmin = level.lhmin;
  header.rhmin = level.rhmin;
  header.clhmin = level.clhmin;
  header.crhmin = level.crhmin;
  header.utf8 = level.utf8;
  // Only the name: libhyphen leaves the rest of its buffer uninitialised.
  std::strncpy(header.cset, level.cset, MAX_NAME - 1);
  header.nohyphenl = level.nohyphenl;
  header.nohyphen = nohyphen;
  header.num_states = level.num_states;
  header.num_trans = static_cast<int32_t>(trans.size());
  header.strings_size = static_cast<int32_t>(strings.size());
  Put(out, header);
  Pad(out);
  // Zero the padding inside each HyphenTrans so that packs are reproducible.
  for (const HyphenTrans& t : trans) {
    HyphenTrans clean;
    std::memset(&clean, 0, sizeof clean);
    clean.ch = t.ch;
    clean.new_state = t.new_state;
    Put(out, clean);
  }
  Pad(out);
  for (const StateRecord& record : states) Put(out, record);
  out->append(strings);
  Pad(out);
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

uint64_t PatternFileHash(std::string_view bytes) {
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t hash = 14695981039346656037ull ^ bytes.size();
  size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    hash = (hash ^ word) * kPrime;
  }
  for (; at < bytes.size(); ++at) hash = (hash ^ static_cast<unsigned char>(bytes[at])) * kPrime;
  return hash ^ (hash >> 29);
}

Result<std::string> PackDictionaries(const std::vector<PatternFile>& files) {
  std::string bundle(kBundleMagic, 4);
  Put(&bundle, kVersion);
  Put(&bundle, static_cast<uint32_t>(files.size()));
  for (const PatternFile& file : files) {
    auto source = ReadFile(file.path);
    if (!source.ok()) return source.status();
    HyphenDict* dict = hnj_hyphen_load(file.path.c_str());
    if (dict == nullptr) return Status::Internal("libhyphen cannot load " + file.path);
    std::string pack(kPackMagic, 4);
    Put(&pack, kVersion);
    uint32_t levels = 0;
    for (const HyphenDict* level = dict; level != nullptr; level = level->nextlevel) ++levels;
    Put(&pack, levels);
    Put(&pack, static_cast<uint32_t>(sizeof(HyphenTrans)));
    Put(&pack, static_cast<uint64_t>(source->size()));
    Put(&pack, PatternFileHash(*source));
    Pad(&pack);
    for (const HyphenDict* level = dict; level != nullptr; level = level->nextlevel)
      WriteLevel(*level, &pack);
    hnj_hyphen_free(dict);

    Put(&bundle, static_cast<uint32_t>(file.name.size()));
    bundle.append(file.name);
    Pad(&bundle);
    Put(&bundle, static_cast<uint64_t>(pack.size()));
    bundle.append(pack);
  }
  return bundle;
}

std::unique_ptr<PackedDictionary> PackedDictionary::Open(std::string_view bundle,
                                                         std::string_view name,
                                                         std::string_view file_bytes) {
  Reader in(bundle);
  const char* magic = nullptr;
  uint32_t version = 0, count = 0;
  if (!in.Take(4, &magic) || std::memcmp(magic, kBundleMagic, 4) != 0 || !in.Get(&version) ||
      version != kVersion || !in.Get(&count))
    return nullptr;
  std::string_view pack;
  for (uint32_t i = 0; i < count && pack.empty(); ++i) {
    uint32_t name_size = 0;
    const char* entry_name = nullptr;
    uint64_t pack_size = 0;
    const char* pack_bytes = nullptr;
    if (!in.Get(&name_size) || !in.Take(name_size, &entry_name)) return nullptr;
    in.Align();
    if (!in.Get(&pack_size) || !in.Take(pack_size, &pack_bytes)) return nullptr;
    if (std::string_view(entry_name, name_size) == name) pack = {pack_bytes, pack_size};
  }
  if (pack.empty()) return nullptr;

  Reader p(pack);
  PackHeader header;
  if (!p.Get(&header) || std::memcmp(header.magic, kPackMagic, 4) != 0 ||
      header.version != kVersion || header.trans_size != sizeof(HyphenTrans) ||
      header.source_size != file_bytes.size() || header.source_hash != PatternFileHash(file_bytes))
    return nullptr;
  p.Align();
  std::unique_ptr<PackedDictionary> packed(new PackedDictionary());
  for (uint32_t l = 0; l < header.levels; ++l) {
    LevelHeader level;
    const char* trans_bytes = nullptr;
    const char* state_bytes = nullptr;
    const char* strings = nullptr;
    if (!p.Get(&level) || level.num_states <= 0 || level.num_trans < 0 || level.strings_size < 0)
      return nullptr;
    p.Align();
    if (!p.Take(sizeof(HyphenTrans) * level.num_trans, &trans_bytes)) return nullptr;
    p.Align();
    if (!p.Take(sizeof(StateRecord) * level.num_states, &state_bytes) ||
        !p.Take(level.strings_size, &strings))
      return nullptr;
    p.Align();
    // The bundle is only read through these pointers: libhyphen's
    // hyphenation functions never write to a loaded dictionary.
    auto* trans = reinterpret_cast<HyphenTrans*>(const_cast<char*>(trans_bytes));
    auto string_at = [&](int32_t offset) -> char* {
      return offset < 0 || offset >= level.strings_size ? nullptr
                                                        : const_cast<char*>(strings + offset);
    };
    auto state_array = std::make_unique<StateArray>(level.num_states);
    HyphenState* states = state_array->data();
    for (int32_t i = 0; i < level.num_states; ++i) {
      StateRecord record;
      std::memcpy(&record, state_bytes + sizeof(StateRecord) * i, sizeof record);
      if (record.first_trans < 0 || record.num_trans < 0 ||
          record.first_trans + static_cast<int64_t>(record.num_trans) > level.num_trans ||
          record.fallback_state < -1 || record.fallback_state >= level.num_states)
        return nullptr;
      HyphenState& state = states[i];
      state.match = string_at(record.match);
      state.repl = string_at(record.repl);
      state.replindex = record.replindex;
      state.replcut = record.replcut;
      state.fallback_state = record.fallback_state;
      state.num_trans = record.num_trans;
      state.trans = record.num_trans > 0 ? trans + record.first_trans : nullptr;
    }
    for (int32_t i = 0; i < level.num_trans; ++i)
      if (trans[i].new_state < 0 || trans[i].new_state >= level.num_states) return nullptr;
    auto dict = std::make_unique<HyphenDict>();
    std::memset(dict.get(), 0, sizeof(HyphenDict));
    dict->lhmin = level.lhmin;
    dict->rhmin = level.rhmin;
    dict->clhmin = level.clhmin;
    dict->crhmin = level.crhmin;
    dict->nohyphen = string_at(level.nohyphen);
    dict->nohyphenl = level.nohyphenl;
    dict->num_states = level.num_states;
    std::memcpy(dict->cset, level.cset, MAX_NAME);
    dict->cset[MAX_NAME - 1] = '\0';
    dict->utf8 = level.utf8;
    dict->states = states;
    if (!packed->levels_.empty()) packed->levels_.back()->nextlevel = dict.get();
    packed->levels_.push_back(std::move(dict));
    packed->states_.push_back(std::move(state_array));
  }
  if (packed->levels_.empty()) return nullptr;
  return packed;
}

PackedDictionary::~PackedDictionary() = default;

PackedDictionary::StateArray::StateArray(size_t count) {
  constexpr size_t kHugePage = 2u << 20;
  const size_t bytes = std::max<size_t>(count, 1) * sizeof(HyphenState);
  // Room to start at a huge-page boundary; the kernel backs only what is
  // touched.
  mapped_ = bytes + kHugePage;
  mapping_ = ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) throw std::bad_alloc();
  auto start = (reinterpret_cast<uintptr_t>(mapping_) + kHugePage - 1) & ~(kHugePage - 1);
  ::madvise(reinterpret_cast<void*>(start), bytes, MADV_HUGEPAGE);  // advice: may be ignored
  // Anonymous memory comes zeroed, and Open() sets every field of every
  // state: no second pass over some 11 MB (German) to zero it again.
  states_ = reinterpret_cast<HyphenState*>(start);
}

PackedDictionary::StateArray::~StateArray() { ::munmap(mapping_, mapped_); }

}  // namespace parting::layout
