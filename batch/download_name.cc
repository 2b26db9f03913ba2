#include "batch/download_name.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace parting::batch {
namespace {

constexpr size_t kMaxSlugLength = 48;

// "Müller" → "Muller", "บริษัท" → "bris-ath": ICU's transliteration to
// ASCII, so that every script gives a readable name. Empty when ICU cannot.
std::string ToAscii(std::string_view text) {
  static std::mutex mutex;  // a Transliterator is not safe for concurrent use
  static std::unique_ptr<icu::Transliterator> to_ascii = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, error));
    return U_SUCCESS(error) ? std::move(transliterator) : nullptr;
  }();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard lock(mutex);
    if (!to_ascii) return {};
    to_ascii->transliterate(unicode);
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

}  // namespace

std::string DownloadFileName(std::string_view recipient, std::string_view letter_date) {
  std::string name = "letter";
  for (const std::string& part : {Slug(ToAscii(recipient)), Slug(letter_date)})
    if (!part.empty()) name += "-" + part;
  return name + ".pdf";
}

std::string DownloadFileNameFor(const LetterRequest& request) {
  const Party& recipient = request.recipient;
  return DownloadFileName(recipient.organization.empty() ? recipient.name : recipient.organization,
                          request.letter_date.ToIso());
}

std::string AttachmentDisposition(const std::string& file_name) {
  return "attachment; filename=\"" + file_name + "\"";
}

}  // namespace parting::batch
