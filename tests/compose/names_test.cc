// Names and titles in every language: the address window's name line and the
// salutation, composed from the name, its titles and the form of address
// (issue 8.3). One table per language.
#include <doctest/doctest.h>

#include "letters.h"

namespace parting::compose {
namespace {

using testing::Compose;
using testing::FullPlan;
using testing::FullRequest;

struct Case {
  FormOfAddress form;
  const char* name;
  const char* window;  ///< the name line of the address window, "" for none
  const char* salutation;
};

void Check(Language language, const Case& c) {
  CAPTURE(c.name);
  CAPTURE(static_cast<int>(c.form));
  LetterRequest request = FullRequest(language);
  request.recipient.form_of_address = c.form;
  request.recipient.name = c.name;
  Document doc = Compose(request, FullPlan());
  CHECK(doc.salutation == c.salutation);
  // The window: the organization, then the name line when there is a name.
  REQUIRE(doc.recipient_lines.size() >= 2);
  CHECK(doc.recipient_lines[0] == "Müller & Söhne AG");
  if (*c.window)
    CHECK(doc.recipient_lines[1] == c.window);
  else
    CHECK(doc.recipient_lines[1] == "Leopoldstraße 5");
}

using F = FormOfAddress;

TEST_CASE("English names: a title takes the place of Mr. or Ms.") {
  const Case cases[] = {
      {F::kMs, "Dr. Maria Keller", "Dr. Maria Keller", "Dear Dr. Keller:"},
      {F::kMr, "Dr. Thomas Müller", "Dr. Thomas Müller", "Dear Dr. Müller:"},
      {F::kNeutral, "Dr. Maria Keller", "Dr. Maria Keller", "Dear Dr. Keller:"},
      {F::kMs, "Prof. Dr. Anna Weber", "Prof. Dr. Anna Weber", "Dear Professor Weber:"},
      {F::kMr, "J. R. Schmidt", "Mr. J. R. Schmidt", "Dear Mr. Schmidt:"},
      {F::kMr, "Mr. John Smith", "Mr. John Smith", "Dear Mr. Smith:"},
      {F::kNeutral, "Mrs. Jane Doe", "Mrs. Jane Doe", "Dear Mrs. Doe:"},
      {F::kMs, "Anna von Bergen", "Ms. Anna von Bergen", "Dear Ms. von Bergen:"},
      {F::kNeutral, "Alex Morgan", "Alex Morgan", "Dear Alex Morgan:"},
      {F::kMr, "", "", "Dear Sir or Madam:"},
  };
  for (const Case& c : cases) Check(Language::kEn, c);
}

TEST_CASE("German names: Herrn Dr. in the window, the highest title in the salutation") {
  const Case cases[] = {
      {F::kMr, "Dr. Thomas Müller", "Herrn Dr. Thomas Müller", "Sehr geehrter Herr Dr. Müller,"},
      {F::kMs, "Prof. Dr. Anna Weber", "Frau Prof. Dr. Anna Weber",
       "Sehr geehrte Frau Prof. Weber,"},
      {F::kMs, "Dr. Dr. h.c. Ute Lang", "Frau Dr. Dr. h.c. Ute Lang",
       "Sehr geehrte Frau Dr. Lang,"},
      {F::kMr, "Dipl.-Ing. Jörg Brandt", "Herrn Dipl.-Ing. Jörg Brandt",
       "Sehr geehrter Herr Brandt,"},
      {F::kMr, "J. R. Schmidt", "Herrn J. R. Schmidt", "Sehr geehrter Herr Schmidt,"},
      {F::kNeutral, "Herr Jan Vogt", "Herrn Jan Vogt", "Sehr geehrter Herr Vogt,"},
      // No form of address: "Guten Tag," and the full name with the highest
      // title (DIN 5008), never "Sehr geehrte/r".
      {F::kNeutral, "Dr. Maria Keller", "Dr. Maria Keller", "Guten Tag, Dr. Maria Keller,"},
      {F::kNeutral, "Prof. Dr. Anna Weber", "Prof. Dr. Anna Weber", "Guten Tag, Prof. Anna Weber,"},
      {F::kNeutral, "Dipl.-Ing. Kim Brandt", "Dipl.-Ing. Kim Brandt", "Guten Tag, Kim Brandt,"},
      {F::kNeutral, "Alex Morgan", "Alex Morgan", "Guten Tag, Alex Morgan,"},
      {F::kNeutral, "", "", "Sehr geehrte Damen und Herren,"},
      {F::kMs, "Anna von Bergen", "Frau Anna von Bergen", "Sehr geehrte Frau von Bergen,"},
  };
  for (const Case& c : cases) Check(Language::kDe, c);
}

TEST_CASE("Portuguese names: Dr. or Dra. instead of Sr. or Sra., never both") {
  const Case cases[] = {
      {F::kMr, "Dr. Ricardo Almeida", "Dr. Ricardo Almeida", "Prezado Dr. Ricardo Almeida,"},
      {F::kMs, "Dr. Ana Souza", "Dra. Ana Souza", "Prezada Dra. Ana Souza,"},
      {F::kMs, "Dra. Helena Martins", "Dra. Helena Martins", "Prezada Dra. Helena Martins,"},
      {F::kMs, "Prof. Carla Dias", "Profa. Carla Dias", "Prezada Profa. Carla Dias,"},
      {F::kMr, "Ricardo Almeida", "Sr. Ricardo Almeida", "Prezado Sr. Ricardo Almeida,"},
      {F::kNeutral, "Sra. Lúcia Prado", "Sra. Lúcia Prado", "Prezada Sra. Lúcia Prado,"},
      {F::kMr, "J. R. Schmidt", "Sr. J. R. Schmidt", "Prezado Sr. J. R. Schmidt,"},
      // Gender unknown: a formal opening without "(a)"; the window names the person.
      {F::kNeutral, "Alex Souza", "Alex Souza", "Cordiais saudações,"},
      {F::kNeutral, "Dr. Alex Souza", "Dr. Alex Souza", "Cordiais saudações,"},
  };
  for (const Case& c : cases) Check(Language::kPt, c);
}

TEST_CASE("Polish names: Pan dr in the window, the title's vocative in the salutation") {
  const Case cases[] = {
      {F::kMr, "Dr. Jan Kowalski", "Pan dr Jan Kowalski", "Szanowny Panie Doktorze,"},
      {F::kMr, "dr Jan Kowalski", "Pan dr Jan Kowalski", "Szanowny Panie Doktorze,"},
      {F::kMs, "dr hab. Anna Nowak", "Pani dr hab. Anna Nowak", "Szanowna Pani Doktor,"},
      {F::kMs, "Prof. Dr. Ewa Lis", "Pani prof. dr Ewa Lis", "Szanowna Pani Profesor,"},
      {F::kMr, "mgr inż. Piotr Zieliński", "Pan mgr inż. Piotr Zieliński", "Szanowny Panie,"},
      {F::kMr, "Jan Kowalski", "Pan Jan Kowalski", "Szanowny Panie,"},
      {F::kNeutral, "Pani Maria Wiśniewska", "Pani Maria Wiśniewska", "Szanowna Pani,"},
      {F::kNeutral, "dr Adam Wójcik", "dr Adam Wójcik", "Szanowni Państwo,"},
  };
  for (const Case& c : cases) Check(Language::kPl, c);
}

TEST_CASE("Thai names: คุณ joined to the name, or the name's own title, never both") {
  const Case cases[] = {
      {F::kMr, "สมชาย ใจดี", "คุณสมชาย ใจดี", "เรียน คุณสมชาย ใจดี"},
      {F::kMs, "นางสาวสมหญิง ใจงาม", "นางสาวสมหญิง ใจงาม", "เรียน นางสาวสมหญิง ใจงาม"},
      {F::kMr, "นายสมชาย ใจดี", "นายสมชาย ใจดี", "เรียน นายสมชาย ใจดี"},
      {F::kMs, "นาง วิไล รักไทย", "นาง วิไล รักไทย", "เรียน นาง วิไล รักไทย"},
      {F::kNeutral, "ดร.อรุณ ที่ดี", "ดร.อรุณ ที่ดี", "เรียน ดร.อรุณ ที่ดี"},
      {F::kMr, "รศ.ดร.ปกรณ์ ศรีสุข", "รศ.ดร.ปกรณ์ ศรีสุข", "เรียน รศ.ดร.ปกรณ์ ศรีสุข"},
      {F::kNeutral, "คุณอรุณ ที่ดี", "คุณอรุณ ที่ดี", "เรียน คุณอรุณ ที่ดี"},
      {F::kMs, "Dr. Anna von Bergen", "Dr. Anna von Bergen", "เรียน Dr. Anna von Bergen"},
      {F::kMr, "John Smith", "คุณ John Smith", "เรียน คุณ John Smith"},
  };
  for (const Case& c : cases) Check(Language::kTh, c);
}

}  // namespace
}  // namespace parting::compose
