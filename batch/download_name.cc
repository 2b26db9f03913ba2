#include "batch/download_name.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <cctype>
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/utf8.h"
#include "parting/language.h"

namespace parting::batch {
namespace {

constexpr size_t kMaxSlugLength = 48;
constexpr size_t kMaxChosenChars = 120;
constexpr std::string_view kPdf = ".pdf";

// ICU's transliterator ids per language: the language's own ASCII
// conventions first (its row's ascii_transliteration: German umlauts as
// ae/oe/ue, ß as ss), then any other script to Latin, then Latin to ASCII.
// Names in Latin letters skip "Any-Latin", which takes ICU some ten
// milliseconds to build.
std::string TransliteratorId(Language language, bool latin) {
  return std::string(InfoOf(language).ascii_transliteration) + (latin ? "" : "Any-Latin; ") +
         "Latin-ASCII";
}

// Whether every letter of `text` is Latin (marks and punctuation go with any).
bool AllLatin(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const std::optional<char32_t> c = DecodeUtf8(text, pos);
    if (!c) return false;
    UErrorCode error = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(*c), &error);
    if (U_FAILURE(error) ||
        (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED))
      return false;
  }
  return true;
}

// Latin letters the way ICU's "de-ASCII" and "Latin-ASCII" fold them, without
// building those transliterators (their registry takes ICU some 15 ms, most
// of a one-letter batch): canonical decomposition (ICU's NFD), marks dropped,
// and in German a diaeresis on a, o or u written as an e; then the letters
// of the supported languages that do not decompose. Empty when anything is
// left that is not ASCII: ICU's own chain takes such a name. The names come
// out as the full chain gives them but for capitals' case ("MUeLLER" for
// "MUELLER"), which the file name's slug lowercases anyway.
std::string FoldLatin(std::string_view text, Language language) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) return {};
  const icu::UnicodeString decomposed = nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      error);
  if (U_FAILURE(error)) return {};
  // The language's own ASCII conventions (its table row): "de-ASCII" writes
  // a diaeresis on a, o, u as an e.
  const bool umlaut_e =
      std::string_view(InfoOf(language).ascii_transliteration).starts_with("de-ASCII");
  std::string ascii;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      ascii += static_cast<char>(c);
    } else if (c == 0x0308 && umlaut_e && !ascii.empty() &&
               std::string_view("aouAOU").find(ascii.back()) != std::string_view::npos) {
      ascii += 'e';  // ä ö ü: ae oe ue
    } else if (u_charType(c) == U_NON_SPACING_MARK) {
      continue;
    } else if (c == U'ß') {
      ascii += "ss";
    } else if (c == U'ł' || c == U'Ł') {
      ascii += c == U'ł' ? 'l' : 'L';
    } else {
      return {};
    }
  }
  return ascii;
}

// "Müller" → "Mueller" (de), "บริษัท" → "bris'ath": ASCII for every script.
// Empty when ICU cannot. ASCII stays as it is; other names are remembered,
// since a batch names the same few organisations again and again and ICU's
// transliterators are slow.
std::string ToAscii(std::string_view text, Language language) {
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(text);
  constexpr size_t kRemembered = 4096;
  static std::mutex mutex;  // a Transliterator is not safe for concurrent use
  static std::map<std::pair<Language, bool>, std::unique_ptr<icu::Transliterator>> by_kind;
  static std::map<std::pair<Language, std::string>, std::string, std::less<>> remembered;
  std::pair<Language, std::string> key(language, text);
  std::lock_guard lock(mutex);
  if (auto found = remembered.find(key); found != remembered.end()) return found->second;
  const bool latin = AllLatin(text);
  std::string ascii = latin ? FoldLatin(text, language) : std::string();
  if (ascii.empty()) {
    auto [at, inserted] = by_kind.try_emplace(std::make_pair(language, latin));
    if (inserted) {
      UErrorCode error = U_ZERO_ERROR;
      const std::string id = TransliteratorId(language, latin);
      at->second.reset(icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, error));
      if (U_FAILURE(error)) at->second.reset();
    }
    if (!at->second) return {};
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    at->second->transliterate(unicode);
    unicode.toUTF8String(ascii);
  }
  if (remembered.size() >= kRemembered) remembered.clear();
  remembered.emplace(std::move(key), ascii);
  return ascii;
}

// Lowercase ASCII letters and digits, every other run of characters one '-'.
std::string Slug(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) continue;
    if (std::isalnum(byte)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += static_cast<char>(std::tolower(byte));
    } else {
      pending_dash = true;
    }
    if (slug.size() >= kMaxSlugLength) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

bool EndsWithPdf(std::string_view name) {
  if (name.size() < kPdf.size()) return false;
  const std::string_view tail = name.substr(name.size() - kPdf.size());
  for (size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) != kPdf[i]) return false;
  return true;
}

// RFC 8187 value characters: attr-char stays, every other byte is %XX.
std::string PercentEncoded(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string DownloadFileName(std::string_view recipient, std::string_view letter_date,
                             Language language) {
  std::string name = "letter";
  for (const std::string& part : {Slug(ToAscii(recipient, language)), Slug(letter_date)})
    if (!part.empty()) name += "-" + part;
  return name + std::string(kPdf);
}

std::string DownloadFileNameFor(const LetterRequest& request) {
  const Party& recipient = request.recipient;
  return DownloadFileName(recipient.organization.empty() ? recipient.name : recipient.organization,
                          request.letter_date.ToIso(), request.language);
}

Result<std::string> ChosenFileName(std::string_view name) {
  const auto refuse = [](std::string why) {
    return Status::Invalid({{"", "the filename parameter " + why}});
  };
  if (name.empty()) return refuse("must not be empty");
  size_t chars = 0;
  for (size_t pos = 0; pos < name.size(); ++chars) {
    const std::optional<char32_t> cp = DecodeUtf8(name, pos);
    if (!cp) return refuse("is not valid UTF-8");
    if (*cp < 0x20 || (*cp >= 0x7F && *cp <= 0x9F) || *cp == '/' || *cp == '\\' || *cp == '"')
      return refuse("must not contain control characters, slashes or quotes");
  }
  if (chars > kMaxChosenChars)
    return refuse("must be at most " + std::to_string(kMaxChosenChars) + " characters");
  if (name == "." || name == "..") return refuse("must name a file");
  return EndsWithPdf(name) ? std::string(name) : std::string(name) + std::string(kPdf);
}

std::string AsciiFileName(std::string_view utf8_name, Language language) {
  const std::string_view stem =
      EndsWithPdf(utf8_name) ? utf8_name.substr(0, utf8_name.size() - kPdf.size()) : utf8_name;
  const std::string slug = Slug(ToAscii(stem, language));
  return (slug.empty() ? std::string("letter") : slug) + std::string(kPdf);
}

std::string AttachmentDisposition(const std::string& ascii_name, const std::string& utf8_name) {
  std::string value = "attachment; filename=\"" + ascii_name + "\"";
  if (!utf8_name.empty() && utf8_name != ascii_name)
    value += "; filename*=UTF-8''" + PercentEncoded(utf8_name);
  return value;
}

}  // namespace parting::batch
