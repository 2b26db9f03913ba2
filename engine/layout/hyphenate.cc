#include "layout/hyphenate.h"

#include "layout/hyphen_pack.h"
#include "parting/language.h"

#include <cctype>
#include <fstream>
#include <mutex>

#include <hyphen.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <system_error>
#include <unordered_map>

namespace parting::layout {
namespace {

enum class UnitKind { kLetter, kHyphen, kNonBreakingHyphen, kApostrophe };

// One character of the word as the dictionary sees it: a letter (lowercased,
// with its combining marks composed into it), a hyphen or an apostrophe.
struct Unit {
  UChar32 lookup = 0;
  size_t begin = 0;  // byte offset of its first code point in the word
  UnitKind kind = UnitKind::kLetter;
};

bool IsLetter(const Unit& unit) { return unit.kind == UnitKind::kLetter; }

// Splits `word` into units; false for anything Points() must refuse.
bool DecodeWord(std::string_view word, const UNormalizer2* nfc, std::vector<Unit>* units) {
  if (word.size() > INT32_MAX) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    const size_t begin = static_cast<size_t>(i);
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
    if (u_isalpha(c)) {
      units->push_back({c, begin, UnitKind::kLetter});
    } else if (U_GET_GC_MASK(c) & U_GC_M_MASK) {
      // A mark belongs to the letter before it; the dictionaries know only
      // precomposed letters, so "a" + U+0328 must become "ą" or nothing.
      if (units->empty() || !IsLetter(units->back())) return false;
      const UChar32 composed = unorm2_composePair(nfc, units->back().lookup, c);
      if (composed < 0) return false;
      units->back().lookup = composed;
    } else if (c == u'-' || c == 0x2010) {
      units->push_back({u'-', begin, UnitKind::kHyphen});
    } else if (c == 0x2011) {
      units->push_back({u'-', begin, UnitKind::kNonBreakingHyphen});
    } else if (c == u'\'' || c == 0x2019) {
      units->push_back({u'\'', begin, UnitKind::kApostrophe});
    } else {
      return false;
    }
  }
  return true;
}

// Lowercases the letters for lookup, with the language's full case mapping
// where it keeps one code point per unit (it does except for rare letters
// such as U+0130 "İ"); otherwise with the simple one-to-one mapping, so that
// unit indexes, and so byte offsets, stay exact.
void Lowercase(const char* locale, std::vector<Unit>* units) {
  std::u16string text;
  for (const Unit& unit : *units) {
    UChar buffer[U16_MAX_LENGTH];
    int32_t n = 0;
    U16_APPEND_UNSAFE(buffer, n, unit.lookup);
    text.append(buffer, buffer + n);
  }
  std::u16string lower(text.size() * 3 + 1, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_strToLower(lower.data(), static_cast<int32_t>(lower.size()), text.data(),
                                 static_cast<int32_t>(text.size()), locale, &status);
  if (U_SUCCESS(status) && u_countChar32(lower.data(), n) == static_cast<int32_t>(units->size())) {
    int32_t i = 0;
    for (Unit& unit : *units) U16_NEXT_UNSAFE(lower.data(), i, unit.lookup);
    return;
  }
  for (Unit& unit : *units) unit.lookup = u_tolower(unit.lookup);
}

int CountLetters(const std::vector<Unit>& units, size_t from, size_t to) {
  int letters = 0;
  for (size_t i = from; i < to; ++i) letters += IsLetter(units[i]) ? 1 : 0;
  return letters;
}

bool IsBreakingHyphen(const Unit& unit) { return unit.kind == UnitKind::kHyphen; }
bool IsAnyHyphen(const Unit& unit) {
  return unit.kind == UnitKind::kHyphen || unit.kind == UnitKind::kNonBreakingHyphen;
}

}  // namespace

struct Hyphenator::Dictionary {
  // libhyphen builds its automaton when it opens a pattern file; for German
  // (two levels, some 290,000 states) that takes seconds. So the automaton
  // comes from the pack the build embedded (hyphen_pack.h) when that pack
  // was made from this very file, which takes milliseconds; only a file that
  // changed since the build is loaded by libhyphen, on first use (or by
  // WarmUp()), never for letters in other languages.
  std::string path;
  mutable std::once_flag once;
  mutable std::unique_ptr<PackedDictionary> packed;
  mutable HyphenDict* loaded = nullptr;  // from hnj_hyphen_load: ours to free
  mutable HyphenDict* dict = nullptr;
  HyphenDict* Get() const {
    std::call_once(once, [this] {
      // The pattern file in one read, to check that the pack was made from it.
      std::string bytes;
      std::error_code error;
      const auto size = std::filesystem::file_size(path, error);
      std::ifstream in(path, std::ios::binary);
      if (!error && in) {
        bytes.resize(size);
        in.read(bytes.data(), static_cast<std::streamsize>(size));
        bytes.resize(static_cast<size_t>(in.gcount()));
      }
      const std::string name = std::filesystem::path(path).filename().string();
      packed = PackedDictionary::Open(EmbeddedHyphenationPacks(), name, bytes);
      if (packed) {
        dict = packed->dict();
      } else {
        dict = loaded = hnj_hyphen_load(path.c_str());
      }
    });
    return dict;
  }
  /// Whether the automaton came from an embedded pack (for tests).
  bool FromPack() const {
    Get();
    return packed != nullptr;
  }
  const char* locale = "";
  FragmentMinimum minimum;
  bool utf8 = false;
  // For single-byte charsets: Unicode code point -> the dictionary's byte.
  std::unordered_map<UChar32, char> bytes;

  ~Dictionary() {
    if (loaded != nullptr) hnj_hyphen_free(loaded);
  }

  // Units [from, to) in the dictionary's charset; false when one cannot be
  // represented.
  bool Encode(const std::vector<Unit>& units, size_t from, size_t to, std::string* out) const {
    for (size_t i = from; i < to; ++i) {
      if (utf8) {
        char buffer[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(buffer, n, units[i].lookup);
        out->append(buffer, n);
        continue;
      }
      auto it = bytes.find(units[i].lookup);
      if (it == bytes.end()) return false;
      out->push_back(it->second);
    }
    return true;
  }

  // Appends the dictionary's points inside units [from, to), one part of the
  // word between hyphens, already encoded as `encoded`.
  void AddPoints(const std::vector<Unit>& units, size_t from, size_t to, const std::string& encoded,
                 std::vector<HyphenPoint>* points) const {
    HyphenDict* dict = Get();
    if (dict == nullptr) return;  // the file could not be read: no points
    const int size = static_cast<int>(encoded.size());
    std::vector<char> hyphens(encoded.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    // After this call hyphens[i] is odd where a break may follow unit
    // from + i: libhyphen indexes bytes in 8-bit charsets (one per unit) and
    // renumbers to characters for UTF-8 (hnj_hyphen_norm).
    hnj_hyphen_hyphenate3(dict, encoded.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut,
                          minimum.left, minimum.right, minimum.left, minimum.right);
    const int part_letters = CountLetters(units, from, to);
    int letters_before = 0;
    for (size_t i = from; i + 1 < to; ++i) {
      letters_before += IsLetter(units[i]) ? 1 : 0;
      const size_t k = i - from;
      if ((hyphens[k] & 1) == 0) continue;
      if (rep != nullptr && rep[k] != nullptr) continue;  // non-standard: changes letters
      if (!IsLetter(units[i]) || !IsLetter(units[i + 1])) continue;  // next to an apostrophe
      if (letters_before < minimum.left || part_letters - letters_before < minimum.right) continue;
      points->push_back({units[i + 1].begin, false});
    }
    if (rep != nullptr) {
      for (int i = 0; i < size; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
};

FragmentMinimum MinimumFragments(Language language) {
  const LanguageInfo& info = InfoOf(language);
  return {info.hyphen_left, info.hyphen_right};
}

Hyphenator::Hyphenator() = default;
Hyphenator::~Hyphenator() = default;

Result<std::shared_ptr<const Hyphenator>> Hyphenator::Load(const std::filesystem::path& dir) {
  std::shared_ptr<Hyphenator> hyphenator(new Hyphenator());
  UErrorCode nfc_status = U_ZERO_ERROR;
  hyphenator->nfc_ = unorm2_getNFCInstance(&nfc_status);
  if (U_FAILURE(nfc_status))
    return Status::Internal(std::string("ICU has no NFC data: ") + u_errorName(nfc_status));
  for (const LanguageInfo& info : kLanguages) {
    if (*info.hyphenation_file == '\0') continue;  // not hyphenated (Thai)
    const std::filesystem::path path = dir / info.hyphenation_file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return Status::NotFound("hyphenation dictionary not found: " + path.string() +
                              " (install the Debian package " + info.hyphenation_package + ")");
    }
    auto dictionary = std::make_unique<Dictionary>();
    dictionary->locale = info.icu_locale;  // for lowercasing
    dictionary->minimum = MinimumFragments(info.language);
    // The charset is the file's first line; libhyphen treats exactly
    // "UTF-8" as UTF-8 and every other name as a single-byte charset.
    std::string charset;
    {
      std::ifstream in(path);
      std::getline(in, charset);
      while (!charset.empty() && std::isspace(static_cast<unsigned char>(charset.back())))
        charset.pop_back();
    }
    if (charset.empty())
      return Status::Internal("hyphenation dictionary " + path.string() + " names no charset");
    dictionary->utf8 = charset == "UTF-8";
    dictionary->path = path.string();
    if (!dictionary->utf8) {
      UErrorCode status = U_ZERO_ERROR;
      UConverter* converter = ucnv_open(charset.c_str(), &status);
      if (U_FAILURE(status) || ucnv_getMaxCharSize(converter) != 1) {
        if (converter != nullptr) ucnv_close(converter);
        return Status::Internal("hyphenation dictionary " + path.string() +
                                " names a charset that is not single-byte or unknown to ICU: '" +
                                charset + "'");
      }
      ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      for (int byte = 1; byte < 256; ++byte) {
        const char in = static_cast<char>(byte);
        UChar out[4];
        UErrorCode byte_status = U_ZERO_ERROR;
        const int32_t n = ucnv_toUChars(converter, out, 4, &in, 1, &byte_status);
        if (U_SUCCESS(byte_status) && n == 1 && !U16_IS_SURROGATE(out[0]))
          dictionary->bytes.emplace(out[0], in);
      }
      ucnv_close(converter);
    }
    hyphenator->dictionaries_[LanguageIndex(info.language)] = std::move(dictionary);
  }
  return std::shared_ptr<const Hyphenator>(std::move(hyphenator));
}

void Hyphenator::WarmUp() const {
  for (const auto& dictionary : dictionaries_)
    if (dictionary) dictionary->Get();
}

bool Hyphenator::Prepacked(Language language) const {
  const Dictionary* dictionary = dictionaries_[static_cast<size_t>(language)].get();
  return dictionary != nullptr && dictionary->FromPack();
}

bool Hyphenator::Supports(Language language) const {
  return dictionaries_[static_cast<size_t>(language)] != nullptr;
}

std::vector<HyphenPoint> Hyphenator::Points(Language language, std::string_view word) const {
  const Dictionary* dictionary = dictionaries_[static_cast<size_t>(language)].get();
  if (dictionary == nullptr) return {};
  std::vector<Unit> units;
  if (!DecodeWord(word, nfc_, &units)) return {};
  const int word_letters = CountLetters(units, 0, units.size());
  if (word_letters < kMinimumWordLetters) return {};
  Lowercase(dictionary->locale, &units);

  const FragmentMinimum minimum = dictionary->minimum;
  std::vector<HyphenPoint> points;
  std::string encoded;
  int letters_before = 0;
  for (size_t from = 0; from < units.size();) {
    size_t to = from;
    while (to < units.size() && !IsAnyHyphen(units[to])) ++to;
    encoded.clear();
    if (!dictionary->Encode(units, from, to, &encoded)) return {};
    if (CountLetters(units, from, to) >= kMinimumWordLetters)
      dictionary->AddPoints(units, from, to, encoded, &points);
    letters_before += CountLetters(units, from, to);
    // units[to], if any, is a hyphen: a break may follow it when letters
    // stand on both sides and the whole word keeps its fragment minimum.
    if (to + 1 < units.size() && to > from && IsBreakingHyphen(units[to]) &&
        IsLetter(units[to - 1]) && IsLetter(units[to + 1]) && letters_before >= minimum.left &&
        word_letters - letters_before >= minimum.right) {
      points.push_back({units[to + 1].begin, true});
    }
    from = to + 1;
  }
  return points;
}

}  // namespace parting::layout
