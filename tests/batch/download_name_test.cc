#include "batch/download_name.h"

#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/ulocdata.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <string>

#include "parting/language.h"

namespace parting::batch {
namespace {

TEST_CASE("download names are ASCII and safe in a header") {
  CHECK(DownloadFileName("Cedar & Stone Retail Inc.", "2026-11-22") ==
        "letter-cedar-stone-retail-inc-2026-11-22.pdf");
  CHECK(DownloadFileName("Müller & Söhne AG", "2026-11-22") ==
        "letter-muller-sohne-ag-2026-11-22.pdf");
  // The letter's language decides how its letters become ASCII.
  CHECK(DownloadFileName("Müller & Söhne AG", "2026-11-22", Language::kDe) ==
        "letter-mueller-soehne-ag-2026-11-22.pdf");
  CHECK(DownloadFileName("Großhandel Weiß", "", Language::kDe) == "letter-grosshandel-weiss.pdf");
  CHECK(DownloadFileName("บริษัท สยามเทค จำกัด", "", Language::kTh) ==
        "letter-bris-ath-syam-thekh-cakad.pdf");
  CHECK(DownloadFileName("Przedsiębiorstwo Łódź", "") == "letter-przedsiebiorstwo-lodz.pdf");
  // Latin names take a shorter chain than names in other scripts; both kinds
  // in one language, in either order, keep their own transliteration.
  CHECK(DownloadFileName("Παπαδόπουλος Müller", "", Language::kDe) ==
        "letter-papadopoulos-mueller.pdf");
  CHECK(DownloadFileName("Jörg", "", Language::kDe) == "letter-joerg.pdf");
  CHECK(DownloadFileName("Иванов", "", Language::kDe) == "letter-ivanov.pdf");
  CHECK(DownloadFileName("../../etc/passwd\"; x=\r\n", "") == "letter-etc-passwd-x.pdf");
  // Other scripts are transliterated: a readable ASCII name, not an empty one.
  const std::string thai = DownloadFileName("บริษัท", "");
  CHECK(thai.size() > std::string("letter-.pdf").size());
  for (const char c : thai)
    CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'));
  CHECK(DownloadFileName("\xff\xfe", "") == "letter.pdf");
  CHECK(DownloadFileName("", "") == "letter.pdf");
  CHECK(DownloadFileName(std::string(500, 'a'), "").size() < 80);
}

TEST_CASE("download names come from the recipient and the letter date") {
  LetterRequest request;
  request.letter_date = Date{2026, 11, 22};
  request.recipient.organization = "Acme";
  request.recipient.name = "Jo";
  CHECK(DownloadFileNameFor(request) == "letter-acme-2026-11-22.pdf");
  request.recipient.organization.clear();
  request.recipient.name = "Jo Lee";
  CHECK(DownloadFileNameFor(request) == "letter-jo-lee-2026-11-22.pdf");
  request.recipient.name.clear();
  CHECK(DownloadFileNameFor(request) == "letter-2026-11-22.pdf");
  CHECK(AttachmentDisposition("letter.pdf") == "attachment; filename=\"letter.pdf\"");
  request.language = Language::kDe;
  request.recipient.organization = "Müller & Söhne AG";
  CHECK(DownloadFileNameFor(request) == "letter-mueller-soehne-ag-2026-11-22.pdf");
}

// The name ICU's whole transliterator chain gives `text`, as a file name.
std::string IcuFileName(const std::string& text, Language language) {
  const std::string id = language == Language::kDe ? "de-ASCII; Latin-ASCII" : "Latin-ASCII";
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> chain(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, error));
  REQUIRE(U_SUCCESS(error));
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  chain->transliterate(unicode);
  std::string ascii;
  unicode.toUTF8String(ascii);
  std::string slug;
  for (const char c : ascii)
    if (std::isalnum(static_cast<unsigned char>(c)))
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "letter-" + slug + ".pdf";
}

TEST_CASE("Latin names fold as ICU's transliterators fold them, every letter of every language") {
  // Latin names skip ICU's transliterator registry (download_name.cc's
  // FoldLatin): each letter of each Latin-script language's alphabet (CLDR's
  // exemplar characters, both cases, and the letters of the other
  // languages), between two ASCII letters, gives the name ICU's chain gives.
  icu::UnicodeSet letters;
  for (const LanguageInfo& info : kLanguages) {
    if (info.language == Language::kTh) continue;
    UErrorCode error = U_ZERO_ERROR;
    ULocaleData* data = ulocdata_open(info.icu_locale, &error);
    REQUIRE(U_SUCCESS(error));
    USet* set = ulocdata_getExemplarSet(data, nullptr, USET_ADD_CASE_MAPPINGS,
                                        ULOCDATA_ES_STANDARD, &error);
    ulocdata_close(data);
    REQUIRE(U_SUCCESS(error));
    letters.addAll(*icu::UnicodeSet::fromUSet(set));
    uset_close(set);
  }
  CHECK(letters.contains(U'ł'));
  CHECK(letters.contains(U'Ü'));
  int checked = 0;
  for (const LanguageInfo& info : kLanguages) {
    if (info.language == Language::kTh) continue;
    for (int32_t i = 0; i < letters.size(); ++i) {
      std::string name = "x";
      icu::UnicodeString(letters.charAt(i)).toUTF8String(name);
      name += "y";
      CAPTURE(name);
      CAPTURE(info.code);
      CHECK(DownloadFileName(name, "", info.language) == IcuFileName(name, info.language));
      ++checked;
    }
  }
  CHECK(checked > 4 * 52);
}

TEST_CASE("a chosen name travels as filename* with an ASCII stand-in") {
  auto chosen = ChosenFileName("Kündigung Müller");
  REQUIRE(chosen.ok());
  CHECK(*chosen == "Kündigung Müller.pdf");
  CHECK(*ChosenFileName("a.PDF") == "a.PDF");
  CHECK(AsciiFileName(*chosen, Language::kDe) == "kuendigung-mueller.pdf");
  CHECK(AsciiFileName("การบอกเลิกสัญญา.pdf", Language::kTh) == "kar-bxk-leik-sayya.pdf");
  CHECK(AttachmentDisposition("kuendigung-mueller.pdf", *chosen) ==
        "attachment; filename=\"kuendigung-mueller.pdf\"; "
        "filename*=UTF-8''K%C3%BCndigung%20M%C3%BCller.pdf");
  CHECK(AttachmentDisposition("a.pdf", "a.pdf") == "attachment; filename=\"a.pdf\"");
  for (const char* bad : {"", "../etc/passwd", "a\\b", "quote\"d", "line\nbreak", ".", "\xff"}) {
    CAPTURE(bad);
    CHECK_FALSE(ChosenFileName(bad).ok());
  }
  CHECK_FALSE(ChosenFileName(std::string(121, 'a')).ok());
  CHECK(ChosenFileName(std::string(120, 'a')).ok());
}

}  // namespace
}  // namespace parting::batch
