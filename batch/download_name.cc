#include "batch/download_name.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include "core/utf8.h"

namespace parting::batch {
namespace {

constexpr size_t kMaxSlugLength = 48;
constexpr size_t kMaxChosenChars = 120;
constexpr std::string_view kPdf = ".pdf";

// ICU's transliterator ids per language: the language's own ASCII
// conventions first (German umlauts as ae/oe/ue, ß as ss), then any other
// script to Latin, then Latin to ASCII.
const char* TransliteratorId(Language language) {
  switch (language) {
    case Language::kDe:
      return "de-ASCII; Any-Latin; Latin-ASCII";
    case Language::kTh:
      return "Thai-Latin; Any-Latin; Latin-ASCII";
    case Language::kEn:
    case Language::kPt:
    case Language::kPl:
      break;
  }
  return "Any-Latin; Latin-ASCII";
}

// "Müller" → "Mueller" (de), "บริษัท" → "bris'ath": ASCII for every script.
// Empty when ICU cannot.
std::string ToAscii(std::string_view text, Language language) {
  static std::mutex mutex;  // a Transliterator is not safe for concurrent use
  static std::map<Language, std::unique_ptr<icu::Transliterator>> by_language;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard lock(mutex);
    auto [at, inserted] = by_language.try_emplace(language);
    if (inserted) {
      UErrorCode error = U_ZERO_ERROR;
      at->second.reset(
          icu::Transliterator::createInstance(TransliteratorId(language), UTRANS_FORWARD, error));
      if (U_FAILURE(error)) at->second.reset();
    }
    if (!at->second) return {};
    at->second->transliterate(unicode);
  }
  std::string ascii;
  unicode.toUTF8String(ascii);
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
