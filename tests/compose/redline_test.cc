// The redline of two drafts: word by word, deleted words put back where they
// stood, values from the request kept whole, and the changes page that lists
// what differs (or says that nothing does).
#include "compose/redline.h"

#include <doctest/doctest.h>

#include <string>

#include "compose/changes.h"
#include "letters.h"

namespace parting::compose {
namespace {

Span Text(std::string text) { return Span{std::move(text)}; }
Span Value(std::string text) { return Span{std::move(text), false, false, true, true}; }

Document Letter(std::vector<Block> body, std::string bcp47 = "en-US") {
  Document doc;
  doc.bcp47 = std::move(bcp47);
  doc.body = std::move(body);
  return doc;
}

Block Paragraph(std::vector<Span> spans, Section section = Section::kDecision) {
  return Block{BlockKind::kParagraph, std::move(spans), section};
}

/// The block as text with marks: [+inserted+] and [-deleted-].
std::string Marked(const Block& block) {
  std::string out;
  for (const Span& span : block.spans) {
    if (span.change == Change::kInserted)
      out += "[+" + span.text + "+]";
    else if (span.change == Change::kDeleted)
      out += "[-" + span.text + "-]";
    else
      out += span.text;
  }
  return out;
}

TEST_CASE("one word changed: the old word struck, the new one inserted, a space between") {
  const Document before = Letter({Paragraph({Text("We end the contract with regret.")})});
  const Document after = Letter({Paragraph({Text("We end the agreement with regret.")})});
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 1);
  CHECK(Marked(marked.body[0]) == "We end the [-contract-] [+agreement+] with regret.");
  CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{1, 1});
}

TEST_CASE("a changed date: the old date struck as a whole, then the new one") {
  const Document before =
      Letter({Paragraph({Text("The contract ends on "), Value("28 February 2027"), Text(".")})});
  const Document after =
      Letter({Paragraph({Text("The contract ends on "), Value("31 March 2027"), Text(".")})});
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 1);
  CHECK(Marked(marked.body[0]) == "The contract ends on [-28 February-] [+31 March+] 2027.");
  for (const Span& span : marked.body[0].spans)
    if (span.change != Change::kNone) CHECK(span.verbatim);
  CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{2, 2});
}

TEST_CASE("a reason added: a new list item, every word of it inserted") {
  const Block heading{BlockKind::kHeading, {Text("Our reasons")}, Section::kDecision};
  const Block item1{BlockKind::kListItem, {Text("Invoices were paid late.")}, Section::kDecision};
  const Block item2{
      BlockKind::kListItem, {Text("Scope grew without agreement.")}, Section::kDecision};
  const Block closing = Paragraph({Text("Thank you.")}, Section::kClosing);
  const Document before = Letter({heading, item1, closing});
  const Document after = Letter({heading, item1, item2, closing});
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 4);
  CHECK(Marked(marked.body[1]) == "Invoices were paid late.");
  CHECK(Marked(marked.body[2]) == "[+Scope grew without agreement.+]");
  CHECK(marked.body[2].kind == BlockKind::kListItem);
  CHECK(Marked(marked.body[3]) == "Thank you.");
  CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{4, 0});
}

TEST_CASE("a whole date changed: deletions first, then insertions, punctuation inside") {
  const Document before =
      Letter({Paragraph({Text("It ends on "), Value("December 22, 2026"), Text(" or later.")})});
  const Document after =
      Letter({Paragraph({Text("It ends on "), Value("January 9, 2027"), Text(" or later.")})});
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 1);
  CHECK(Marked(marked.body[0]) == "It ends on [-December 22, 2026-] [+January 9, 2027+] or later.");
}

TEST_CASE("a changed subject is marked; an unchanged salutation is left alone") {
  Document before = Letter({Paragraph({Text("Same.")})});
  Document after = before;
  before.subject = "Termination of the Services Agreement (SA-1)";
  after.subject = "Termination of the Master Services Agreement (SA-1)";
  before.salutation = after.salutation = "Dear Ms. Collins:";
  const Document marked = Redline(before, after);
  CHECK(Marked(Block{BlockKind::kHeading, marked.subject_marks}) ==
        "Termination of the [+Master +]Services Agreement (SA-1)");
  CHECK(marked.salutation_marks.empty());
  CHECK(CountChanges(marked) == RedlineCounts{1, 0});
  CHECK(Redline(before, before).subject_marks.empty());
}

TEST_CASE("long bodies: word by word when few words differ, span by span when most do") {
  std::vector<Block> before_body, rewritten, one_word;
  auto words = [](const char* stem, int i) {
    std::string text;
    for (int w = 0; w < 60; ++w) text += stem + std::to_string(i * 60 + w) + " ";
    return text;
  };
  for (int i = 0; i < 400; ++i) {
    const std::string kept = "Kept paragraph " + std::to_string(i) + ". ";
    before_body.push_back(Paragraph({Text(kept), Text(words("alpha", i))}));
    rewritten.push_back(Paragraph({Text(kept), Text(words("omega", i))}));
    one_word.push_back(Paragraph({Text(kept), Text(words("alpha", i))}));
  }
  one_word[7].spans[1].text.replace(0, 6, "gamma0");  // "alpha420" -> "gamma0420"

  SUBCASE("one word differs: marked alone") {
    const Document marked = Redline(Letter(before_body), Letter(one_word));
    CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{1, 1});
  }
  SUBCASE("every span rewritten: whole spans marked, in bounded time") {
    const Document marked = Redline(Letter(before_body), Letter(rewritten));
    REQUIRE(marked.body.size() == 400);
    const Block& first = marked.body[0];
    REQUIRE(first.spans.size() == 3);
    CHECK(first.spans[0].text == "Kept paragraph 0. ");
    CHECK(first.spans[0].change == Change::kNone);
    CHECK(first.spans[1].change == Change::kDeleted);
    CHECK(first.spans[1].text == before_body[0].spans[1].text);  // whole, with its spaces
    CHECK(first.spans[2].change == Change::kInserted);
    CHECK(first.spans[2].text == rewritten[0].spans[1].text);
    CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{24000, 24000});
  }
}

TEST_CASE("a paragraph removed: its words stay, struck through, after the one before") {
  const Document before =
      Letter({Paragraph({Text("First part.")}), Paragraph({Text("Gone part.")}, Section::kApology),
              Paragraph({Text("Last part.")}, Section::kClosing)});
  const Document after = Letter(
      {Paragraph({Text("First part.")}), Paragraph({Text("Last part.")}, Section::kClosing)});
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 2);
  CHECK(Marked(marked.body[0]) == "First part.[-Gone part.-]");
  CHECK(Marked(marked.body[1]) == "Last part.");
  CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{0, 2});
}

TEST_CASE("nothing changed: the letter as it was, no mark") {
  const Document doc =
      Letter({Paragraph({Text("We end the contract on "), Value("28 February 2027"), Text(".")})});
  const Document marked = Redline(doc, doc);
  CHECK(marked.body == doc.body);
  CHECK(CountChanges(marked.body, "en-US") == RedlineCounts{});
}

TEST_CASE("Thai is compared by its words, not by whole phrases") {
  // "We thank you for the cooperation" -> "We thank you sincerely for the cooperation".
  const Document before = Letter({Paragraph({Text("ขอขอบคุณสำหรับความร่วมมือ")})}, "th-TH");
  const Document after = Letter({Paragraph({Text("ขอขอบคุณอย่างยิ่งสำหรับความร่วมมือ")})}, "th-TH");
  const Document marked = Redline(before, after);
  REQUIRE(marked.body.size() == 1);
  CHECK(Marked(marked.body[0]) == "ขอขอบคุณ[+อย่างยิ่ง+]สำหรับความร่วมมือ");
}

TEST_CASE("the address, references, date line and signer's block are marked line by line") {
  Document before = Letter({Paragraph({Text("We end the contract.")})});
  before.recipient_lines = {"Acme Ltd", "Ms. Jane Collins", "12 Harbour Road", "Leeds LS1 4AB"};
  before.reference_lines = {"Contract: C-17"};
  before.date_line = "Leeds, November 22, 2026";
  before.signature_lines = {"Nordlicht Ltd", "Jana Petersen", "Director"};
  Document after = before;
  after.recipient_lines = {"Acme Ltd", "Ms. Jane Collins", "14 Harbour Road", "Leeds LS1 4AB"};
  after.signature_lines = {"Nordlicht Ltd", "Jana Petersen"};  // the role left out
  const Document marked = Redline(before, after);
  const auto& marks = marked.line_marks;
  REQUIRE(marks.recipient.size() == 4);  // a line each, as the current draft's
  CHECK(Marked(Paragraph(marks.recipient[0])) == "Acme Ltd");
  CHECK(Marked(Paragraph(marks.recipient[2])) == "[-12-] [+14+] Harbour Road");
  // A line that went away: its words struck through after the line before.
  REQUIRE(marks.signature.size() == 2);
  CHECK(Marked(Paragraph(marks.signature[1])) == "Jana Petersen[-Director-]");
  for (const Span& span : marks.recipient[2]) CHECK(span.verbatim);  // values, never hyphenated
  CHECK(marks.references.empty());  // unchanged parts are set as they are
  CHECK(marks.date.empty());
  const RedlineCounts counts = CountChanges(marked);
  CHECK(counts.inserted == 1);
  CHECK(counts.deleted == 2);
  CHECK(Redline(before, before).line_marks.recipient.empty());
}

TEST_CASE("the changes page: changed dates and amounts, parts, warnings; or no changes") {
  using testing::D;
  LetterRequest request = testing::FullRequest(Language::kEn);
  Plan plan = testing::FullPlan();
  plan.receive_by = D("2026-11-30");
  const Document doc = testing::Compose(request, plan);

  SUBCASE("identical drafts say there are no changes") {
    const Review page = BuildChanges({request, plan, doc}, {request, plan, doc}, {});
    CHECK(page.title == "Changes since the earlier draft");
    REQUIRE(page.facts.size() == 1);
    CHECK(page.facts[0].label == "No changes");
    CHECK(page.warnings.empty());
  }
  SUBCASE("a later end date, a new amount, a part gone and a new warning") {
    LetterRequest later = request;
    later.goodwill.amount = Amount::FromDecimal("900.00");
    Plan later_plan = plan;
    later_plan.effective_end_date = D("2027-03-31");
    std::erase(later_plan.sections, Section::kApology);
    later_plan.warnings.push_back({"project_after_end", "/projects/0/due", "", "Project is late."});
    const Document later_doc = testing::Compose(later, later_plan);
    const Review page = BuildChanges({request, plan, doc}, {later, later_plan, later_doc}, {3, 1});
    REQUIRE(page.facts.size() >= 3);
    CHECK(page.facts[0].label == "Effective end date");
    CHECK(page.facts[0].value == "was February 28, 2027; now March 31, 2027");
    CHECK(page.facts[1].label == "Goodwill amount");
    CHECK(page.facts[1].value.find("1,250.00") != std::string::npos);
    CHECK(page.facts[1].value.find("900.00") != std::string::npos);
    CHECK(page.facts[2].value == "Words inserted: 3; words deleted: 1");
    REQUIRE(page.warnings.size() == 2);
    CHECK(page.warnings[0] == "Part removed: Apology");
    CHECK(page.warnings[1] == "New warning: Project is late.");
  }
  SUBCASE("a warning with other facts is listed as changed") {
    plan.warnings = {{"project_after_end", "/projects/0/due", "", "Project A is due in March."}};
    Plan later_plan = plan;
    later_plan.warnings[0].text = "Project A is due in April.";
    const Review page = BuildChanges({request, plan, doc}, {request, later_plan, doc}, {});
    REQUIRE(page.warnings.size() == 1);
    CHECK(page.warnings[0] == "Warning changed: Project A is due in April.");
    CHECK(BuildChanges({request, plan, doc}, {request, plan, doc}, {}).facts[0].label ==
          "No changes");
  }
  SUBCASE("a new address, a new signer's role, a new register entry: each listed, was and now") {
    LetterRequest later = request;
    later.recipient.address[0] = "742 Evergreen Terrace";
    later.sender.role = "Managing Partner";
    if (!later.sender.legal) later.sender.legal.emplace();
    later.sender.legal->register_number = "HRB 654321";
    const Document later_doc = testing::Compose(later, plan);
    const Review page = BuildChanges({request, plan, doc}, {later, plan, later_doc}, {});
    auto fact = [&](const std::string& label) -> std::string {
      for (const ReviewItem& item : page.facts)
        if (item.label == label) return item.value;
      return "";
    };
    CHECK(page.facts[0].label != "No changes");
    CHECK(fact("Recipient").find("; now ") != std::string::npos);
    CHECK(fact("Recipient").find(request.recipient.address[0]) < fact("Recipient").find("; now "));
    CHECK(fact("Recipient").find("742 Evergreen Terrace") > fact("Recipient").find("; now "));
    CHECK(fact("Signature block").find("Managing Partner") != std::string::npos);
    CHECK(fact("Company details in the footer").find("HRB 654321") != std::string::npos);
    CHECK(fact("Sender").empty());
    CHECK(fact("Reference lines").empty());
    CHECK(fact("Wording") == "unchanged");
  }
  SUBCASE("in German") {
    request.language = Language::kDe;
    const Document de = testing::Compose(request, plan);
    Plan later_plan = plan;
    later_plan.receive_by = D("2026-12-01");
    const Review page = BuildChanges({request, plan, de}, {request, later_plan, de}, {});
    REQUIRE(!page.facts.empty());
    CHECK(page.facts[0].label == "Zugang spätestens am");
    CHECK(page.facts[0].value == "bisher 30. November 2026; neu 1. Dezember 2026");
  }
}

TEST_CASE("the changes page speaks every language: no changes, and a moved end date") {
  using testing::D;
  struct Expected {
    Language language;
    const char* title;
    const char* no_changes;
    const char* end_label;
    const char* moved;  ///< the end date fact's value
  };
  const Expected kExpected[] = {
      {Language::kEn, "Changes since the earlier draft", "No changes", "Effective end date",
       "was February 28, 2027; now March 31, 2027"},
      {Language::kDe, "Änderungen gegenüber dem früheren Entwurf", "Keine Änderungen",
       "Vertragsende", "bisher 28. Februar 2027; neu 31. März 2027"},
      {Language::kPt, "Alterações em relação à minuta anterior", "Nenhuma alteração",
       "Data de encerramento", "antes 28 de fevereiro de 2027; agora 31 de março de 2027"},
      {Language::kPl, "Zmiany w stosunku do poprzedniego projektu", "Brak zmian",
       "Data rozwiązania umowy",
       "dotychczas 28 lutego 2027\u00a0r.; obecnie 31 marca 2027\u00a0r."},
      {Language::kTh, "การเปลี่ยนแปลงจากร่างฉบับก่อน", "ไม่มีการเปลี่ยนแปลง", "วันที่สัญญาสิ้นสุด",
       "เดิม 28 กุมภาพันธ์ 2570 เปลี่ยนเป็น 31 มีนาคม 2570"},
  };
  for (const Expected& e : kExpected) {
    CAPTURE(LanguageCode(e.language));
    const LetterRequest request = testing::FullRequest(e.language);
    const Plan plan = testing::FullPlan();
    const Document doc = testing::Compose(request, plan);
    const Review same = BuildChanges({request, plan, doc}, {request, plan, doc}, {});
    CHECK(same.title == e.title);
    REQUIRE(same.facts.size() == 1);
    CHECK(same.facts[0].label == e.no_changes);
    Plan later = plan;
    later.effective_end_date = D("2027-03-31");
    const Review moved = BuildChanges({request, plan, doc}, {request, later, doc}, {});
    REQUIRE(!moved.facts.empty());
    CHECK(moved.facts[0].label == e.end_label);
    CHECK(moved.facts[0].value == e.moved);
  }
}

}  // namespace
}  // namespace parting::compose
