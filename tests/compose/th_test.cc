// The Thai letter: the shipped sample goes through the parser and the rules
// exactly as a request would, and every part reads as a Thai business letter
// (เรื่อง before เรียน, no comma after the salutation, Buddhist-era dates,
// no Latin sentence punctuation, จึงเรียนมาเพื่อโปรดทราบ before the closing).
#include <doctest/doctest.h>

#include "compose/composer.h"
#include "letters.h"
#include "locale/locale.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {
namespace {

using testing::AllText;
using testing::BlocksOf;
using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::Has;
using testing::SectionText;

std::string Sample() {
  return parting::testing::ReadFile(parting::testing::SourceDir() /
                                    "letter_templates/th/samples/full.json");
}

LetterRequest SampleRequest() {
  Result<LetterRequest> request = ParseLetterRequest(Sample(), D("2027-01-29"));
  if (!request.ok()) throw std::runtime_error(request.status().ToString());
  return request.value();
}

Plan PlanFor(const LetterRequest& request) {
  Result<Plan> plan = MakePlan(request);
  if (!plan.ok()) throw std::runtime_error(plan.status().ToString());
  return plan.value();
}

// Nothing a reader must never see, and no Latin sentence punctuation: Thai
// ends a sentence with a space, not a full stop, and uses no comma outside
// numbers and lists. A full stop or comma is only allowed inside a value
// (an amount, a reference, an e-mail address, "ข้อ 12.1").
void CheckCleanThai(const Document& doc) {
  std::string text = AllText(doc);
  CAPTURE(text);
  // Sentence punctuation is checked in what the templates write, not in the
  // address window, where a name may carry "Dr.".
  std::string prose =
      doc.subject + "\n" + doc.salutation + "\n" + BodyText(doc) + "\n" + doc.closing;
  for (const char* bad : {"{{", "}}", "()", "( ", " )", "  ", " ,", " .", " :", "**", "\xEE\x80"})
    CHECK_MESSAGE(!Has(text, bad), "found '" << std::string(bad) << "'");
  CHECK_FALSE(Has(doc.salutation, ","));
  for (size_t i = 0; i < prose.size(); ++i) {
    if (prose[i] != '.' && prose[i] != ',') continue;
    if (i >= 2 && prose.compare(i - 2, 2, "Dr") == 0) continue;  // a title in the name
    bool at_end = i + 1 == prose.size() || prose[i + 1] == ' ' || prose[i + 1] == '\n';
    CHECK_MESSAGE(!at_end, "sentence punctuation at "
                               << i << ": '" << prose.substr(i > 30 ? i - 30 : 0, 40) << "'");
  }
  for (const Block& block : doc.body) {
    CHECK_FALSE(block.spans.empty());
    for (const Span& span : block.spans) CHECK_FALSE(span.text.empty());
  }
}

TEST_CASE("the Thai templates load with every reason label") {
  auto composer = testing::ShippedComposer();
  std::vector<ReasonLabel> labels = composer->ReasonLabels(Language::kTh);
  REQUIRE(labels.size() == ReasonIds().size());
  for (size_t i = 0; i < labels.size(); ++i) {
    CAPTURE(labels[i].id);
    CHECK(labels[i].id == ReasonIds()[i]);
    CHECK_FALSE(labels[i].label.empty());
    CHECK_FALSE(Has(labels[i].label, "."));
  }
}

TEST_CASE("the Thai sample becomes a full letter") {
  LetterRequest request = SampleRequest();
  CHECK(request.language == Language::kTh);
  Plan plan = PlanFor(request);
  CHECK(plan.effective_end_date == D("2027-02-28"));
  CHECK(plan.warnings.empty());
  Document doc = Compose(request, plan);
  std::string text = AllText(doc);
  CAPTURE(text);

  CHECK(doc.bcp47 == "th-TH");
  CHECK(testing::Spaced(doc.subject) == "เรื่อง การบอกเลิกสัญญาจ้างบริการการตลาดดิจิทัล เลขที่ FS-2566-014");
  CHECK(doc.salutation == "เรียน คุณสมชาย ใจดี");
  CHECK(doc.closing == "ขอแสดงความนับถือ");
  CHECK(testing::Spaced(doc.date_line) == "29 มกราคม 2570");  // the date alone, Buddhist era
  CHECK(doc.page_label == "หน้า {page} จาก {pages}");
  CHECK(doc.draft_mark == "ฉบับร่าง");
  CHECK(testing::Spaced(doc.reference_lines) ==
        std::vector<std::string>{"เลขที่สัญญา: FS-2566-014", "วันที่ทำสัญญา: 1 มีนาคม 2566"});
  CHECK(doc.recipient_lines[0] == "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด");
  CHECK(Has(doc.recipient_lines[1], "สมชาย ใจดี"));
  CHECK(doc.recipient_lines.back() == "กรุงเทพมหานคร 10500");  // same country: no country line

  // The facts, as the engine formats them for Thai.
  CHECK(locale::FormatDate(Language::kTh, D("2027-02-28")) == "28 กุมภาพันธ์ 2570");
  CHECK(Has(text, "28 กุมภาพันธ์ 2570"));
  CHECK(Has(text, locale::FormatAmount(Language::kTh, *Amount::FromDecimal("45000.00"), "THB")));
  CHECK(Has(text, "45,000.00\u00a0บาท (สี่หมื่นห้าพันบาทถ้วน)"));
  CHECK(Has(text, "สมชาย ใจดี"));
  CHECK(Has(text, "แคมเปญเปิดตัวน้ำพริกป้าแดง"));
  CHECK(Has(text, "แคมเปญเดือนแห่งความกตัญญู"));
  CHECK(Has(text, "บริษัท ฤๅษี ครีเอทีฟ จำกัด"));
  CHECK(Has(text, "คุณนภัสสร ศรีสุข"));
  CHECK(Has(text, "napatsorn@fahsai.example"));
  CHECK(Has(text, "INV-2570-0112"));
  CHECK(Has(text, "ตลาดนัดยามค่ำ"));
  CHECK(Has(text, "ฟ้องร้อง"));

  // The signer's name in parentheses under the signature, as Thai letters sign.
  REQUIRE(doc.signature_lines.size() >= 2);
  CHECK(doc.signature_lines[1] == "(ปิยะนุช รุ่งเรืองศรี)");
  std::string body = BodyText(doc);
  CHECK(
      testing::Spaced(body).starts_with("ตามที่ท่านได้ไว้วางใจให้บริษัทฯ ดูแลงานของท่าน นับตั้งแต่ได้ลงนามใน"
                                        "สัญญาร่วมกันเมื่อวันที่ 1 มีนาคม 2566 นั้น"));
  // The sample cites late payments: no "this is no reproach of you" after them.
  CHECK_FALSE(Has(body, "มิได้เป็นการตำหนิท่าน"));
  CHECK(Has(body, "บริษัทฯ เชื่อมั่นว่าผู้ให้บริการรายอื่นจะดูแลท่านได้ดียิ่งกว่า"));
  // Two situations seven weeks apart back "in recent months".
  CHECK(Has(body, "รอบการชำระเงินในช่วงหลายเดือนที่ผ่านมา"));
  CHECK(Has(body, "การตัดสินใจครั้งนี้มาจากข้อพิจารณาหลายประการประกอบกัน"));
  CHECK(Has(body, "เมื่อวันที่ 14 ตุลาคม 2569 บริษัทฯ ได้รับชำระค่าบริการ"));
  CHECK(Has(body,
            "บริษัทฯ จึงขอบอกเลิกสัญญาจ้างบริการการตลาดดิจิทัล เลขที่ FS-2566-014 ลงวันที่ 1 "
            "มีนาคม 2566 ตามสิทธิที่กำหนดไว้ในสัญญา ข้อ 12.1 โดยให้สัญญาสิ้นสุดลงในวันที่ 28 "
            "กุมภาพันธ์ 2570"));
  CHECK(Has(body, "ได้บอกกล่าวล่วงหน้าไม่น้อยกว่า 30 วัน ตามที่สัญญากำหนดแล้ว"));
  CHECK(Has(body,
            "แคมเปญเปิดตัวน้ำพริกป้าแดง ส่งมอบวิดีโอโฆษณาและชุดภาพสำหรับสื่อออนไลน์ "
            "ภายในวันที่ 15 กุมภาพันธ์ 2570"));
  CHECK(
      Has(body,
          "ให้แก่ท่าน เป็นจำนวนเงิน 45,000.00\u00a0บาท (สี่หมื่นห้าพันบาทถ้วน) ตามใบแจ้งหนี้เลขที่ INV-2570-0112"));
  CHECK(Has(body, "ขออภัยในความไม่สะดวกมา ณ โอกาสนี้"));
  CHECK(Has(body, "บริษัท ฤๅษี ครีเอทีฟ จำกัด (เชี่ยวชาญการตลาด"));
  // The formula every Thai letter closes on, as its own last paragraph.
  CHECK(PlainText(doc.body.back().spans) == "จึงเรียนมาเพื่อโปรดทราบ");
  CheckCleanThai(doc);

  std::vector<Section> order;
  for (const Block& block : doc.body)
    if (order.empty() || order.back() != block.section) order.push_back(block.section);
  CHECK(order == plan.sections);
  CHECK(order.size() == 9);
}

TEST_CASE("Thai salutations: เรียน คุณ with the full name, whatever the form of address") {
  struct Case {
    FormOfAddress form;
    const char* name;
    const char* organization;
    const char* expected;
  };
  const Case cases[] = {
      {FormOfAddress::kMr, "สมชาย ใจดี", "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด", "เรียน คุณสมชาย ใจดี"},
      {FormOfAddress::kMs, "สุดารัตน์ ฟ้าประทาน", "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด", "เรียน คุณสุดารัตน์ ฟ้าประทาน"},
      {FormOfAddress::kNeutral, "อรุณ ที่ดี", "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด", "เรียน คุณอรุณ ที่ดี"},
      // A name with its own title takes no คุณ in front of it.
      {FormOfAddress::kMs, "Dr. Anna von Bergen", "", "เรียน Dr. Anna von Bergen"},
      {FormOfAddress::kMr, "", "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด", "เรียน ผู้บริหาร บริษัท ปู่ปั้น ฟู้ดส์ จำกัด"},
      {FormOfAddress::kNeutral, "", "", "เรียน ท่านผู้เกี่ยวข้อง"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    LetterRequest request = SampleRequest();
    request.recipient.form_of_address = c.form;
    request.recipient.name = c.name;
    request.recipient.organization = c.organization;
    Document doc = Compose(request, PlanFor(request));
    CHECK(doc.salutation == c.expected);
    CheckCleanThai(doc);
  }
}

TEST_CASE("every reason renders in Thai, on its own and after another") {
  LetterRequest request = SampleRequest();
  request.termination.reasons.clear();
  std::string without;
  {
    Document doc = Compose(request, PlanFor(request));
    without = PlainText(BlocksOf(doc, Section::kDecision)[0].spans);
    CheckCleanThai(doc);
  }
  for (const std::string& id : ReasonIds()) {
    CAPTURE(id);
    request.termination.reasons = {id};
    Document doc = Compose(request, PlanFor(request));
    std::string with = PlainText(BlocksOf(doc, Section::kDecision)[0].spans);
    CHECK(testing::Added(with, without) > 40 * 3);  // Thai letters are 3 bytes in UTF-8
    CheckCleanThai(doc);
    // After another reason, in one paragraph, separated by a single space.
    request.termination.reasons = {"time_drain", id};
    if (id == "time_drain") request.termination.reasons = {"stalled_relationship", id};
    doc = Compose(request, PlanFor(request));
    std::vector<Block> decision = BlocksOf(doc, Section::kDecision);
    CHECK(decision[0].kind == BlockKind::kParagraph);
    CheckCleanThai(doc);
  }
}

TEST_CASE("abuse and unethical conduct: calm, values-based, final, no apology") {
  struct Case {
    const char* reason;
    const char* named;
  };
  const Case cases[] = {{"abusive_to_staff", "การให้เกียรติซึ่งกันและกันเป็นค่านิยมหลักขององค์กร"},
                        {"unethical_conduct", "ยึดถือแนวทางแบบอนุรักษนิยม"}};
  for (const Case& c : cases) {
    CAPTURE(c.reason);
    LetterRequest request = SampleRequest();
    request.termination.reasons = {c.reason, "payment_problems"};
    Plan plan = PlanFor(request);
    Document doc = Compose(request, plan);
    std::string body = BodyText(doc);
    CHECK(Has(body, c.named));
    CHECK(Has(body, "ถือเป็นการตัดสินใจขั้นสุดท้าย"));
    CHECK_FALSE(Has(body, "มิได้เป็นการตำหนิท่าน"));  // would ring false here
    CHECK_FALSE(Has(body, "ขออภัย"));
    CHECK_FALSE(Has(body, "ร่วมงานกันอีก"));
    CHECK(BlocksOf(doc, Section::kApology).empty());
    CHECK(BlocksOf(doc, Section::kGoodwill).empty());
    CHECK(PlainText(doc.body.back().spans) == "จึงเรียนมาเพื่อโปรดทราบ");
    CheckCleanThai(doc);
  }
}

TEST_CASE("Thai termination for cause with immediate effect") {
  LetterRequest request = SampleRequest();
  request.termination.for_cause = true;
  request.contract.immediate_for_cause = true;
  request.termination.reasons = {"abusive_to_staff"};
  Plan plan = PlanFor(request);
  REQUIRE(plan.route == Route::kForCause);
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "เรื่อง การบอกเลิกสัญญาจ้างบริการการตลาดดิจิทัล เลขที่ FS-2566-014 "
        "โดยให้มีผลทันที");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract,
            "ลงวันที่ 1 มีนาคม 2566 ด้วยเหตุอันสมควร ตามสิทธิที่กำหนดไว้ในสัญญา ข้อ 12.1 "
            "โดยให้มีผลทันทีนับแต่วันที่ท่านได้รับหนังสือฉบับนี้"));
  // It ends on receipt, never "on the date of this letter".
  CHECK_FALSE(Has(contract, "วันที่ลงในหนังสือ"));
  CHECK(Has(contract, "ให้ถือว่าหนังสือฉบับนี้เป็นการบอกเลิกสัญญาโดยให้มีผลในวันที่เร็วที่สุด"));
  CHECK_FALSE(Has(contract, "บอกกล่าวล่วงหน้า"));
  CheckCleanThai(doc);

  // For cause, but with notice: the cause is named, the notice kept.
  request.contract.immediate_for_cause = false;
  plan = PlanFor(request);
  REQUIRE(plan.route == Route::kOrdinaryNotice);
  doc = Compose(request, plan);
  CHECK_FALSE(Has(doc.subject, "ทันที"));
  contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract, "ลงวันที่ 1 มีนาคม 2566 ด้วยเหตุอันสมควร ตามสิทธิที่กำหนดไว้ในสัญญา ข้อ 12.1"));
  CHECK(Has(contract, "ไม่น้อยกว่า 30 วัน"));
  CheckCleanThai(doc);
}

TEST_CASE("a Thai term that ends without renewal is confirmed, not cut short") {
  LetterRequest request = SampleRequest();
  request.contract.term_end = D("2027-02-10");  // 30 days' notice no longer fit before it
  request.contract.early_termination_allowed = false;
  Plan plan = PlanFor(request);
  REQUIRE(plan.route == Route::kEndOfTerm);
  REQUIRE(plan.confirms_non_renewal);
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) == "เรื่อง การไม่ต่ออายุสัญญาจ้างบริการการตลาดดิจิทัล เลขที่ FS-2566-014");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract,
            "ลงวันที่ 1 มีนาคม 2566 จะครบกำหนดระยะเวลาตามสัญญาในวันที่ 10 "
            "กุมภาพันธ์ 2570"));
  CHECK(Has(contract, "ขอแจ้งยืนยันว่าจะไม่ต่ออายุสัญญาดังกล่าวเมื่อครบกำหนด"));
  CHECK(Has(contract, "ตามที่กำหนดไว้ในสัญญา ข้อ 12.1 โดยให้มีผลในวันเดียวกัน"));
  CHECK_FALSE(Has(contract, "บอกกล่าวล่วงหน้า"));
  CheckCleanThai(doc);

  // The notice fits before the term's end: notice given to the end of the term.
  request.contract.term_end = D("2027-03-31");
  plan = PlanFor(request);
  REQUIRE(plan.route == Route::kEndOfTerm);
  REQUIRE(plan.ends_at_term_end);
  REQUIRE_FALSE(plan.confirms_non_renewal);
  doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) == "เรื่อง การบอกเลิกสัญญาจ้างบริการการตลาดดิจิทัล เลขที่ FS-2566-014");
  contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract, "สิ้นสุดลงในวันที่ 31 มีนาคม 2570 ซึ่งเป็นวันครบกำหนดระยะเวลาของสัญญา"));
  CheckCleanThai(doc);
}

TEST_CASE("each kind of Thai goodwill names its amount and invoice") {
  struct Case {
    GoodwillKind kind;
    const char* words;
  };
  const Case cases[] = {
      {GoodwillKind::kRefundLastMonth, "ยินดีคืนค่าบริการของเดือนสุดท้ายให้แก่ท่าน เป็นจำนวนเงิน"},
      {GoodwillKind::kCancelLastInvoice,
       "ขอยกเลิกใบแจ้งหนี้ฉบับล่าสุด เลขที่ INV-2570-0112 จำนวนเงิน 45,000.00\u00a0บาท (สี่หมื่นห้าพันบาทถ้วน) "
       "โดยท่านไม่ต้องชำระ"},
      {GoodwillKind::kWaiveFee,
       "ขอยกเว้นค่าธรรมเนียม จำนวนเงิน 45,000.00\u00a0บาท (สี่หมื่นห้าพันบาทถ้วน) ซึ่งตามปกติ"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.words);
    LetterRequest request = SampleRequest();
    request.goodwill.kind = c.kind;
    Document doc = Compose(request, PlanFor(request));
    std::string text = SectionText(doc, Section::kGoodwill);
    CHECK(Has(text, c.words));
    CHECK(Has(text, "45,000.00\u00a0บาท (สี่หมื่นห้าพันบาทถ้วน)"));
    CHECK(Has(text, "INV-2570-0112"));
    CheckCleanThai(doc);
  }
}

TEST_CASE("optional Thai facts that are absent leave no trace") {
  LetterRequest request = SampleRequest();
  request.contract = Contract{};
  request.contract.notice_period = Period{30, TimeUnit::kDays};
  request.goodwill.amount.reset();
  request.goodwill.invoice.clear();
  request.projects = {{"แคมเปญเปิดตัวน้ำพริกป้าแดง", "", std::nullopt}};
  request.transition.handover.clear();
  request.transition.handover_by.reset();
  request.transition.contact = Contact{"", "", "02 123 4567"};
  request.transition.alternatives = {{"บริษัท ฤๅษี ครีเอทีฟ จำกัด", ""}};
  request.termination.documented_situations.clear();
  request.recipient.organization.clear();
  Document doc = Compose(request, PlanFor(request));
  CheckCleanThai(doc);
  std::string text = AllText(doc);
  CHECK(testing::Spaced(doc.subject) == "เรื่อง การบอกเลิกสัญญา");
  CHECK(Has(text, "บริษัทฯ จึงขอบอกเลิกสัญญาระหว่างบริษัทฯ กับท่าน โดยให้สัญญาสิ้นสุดลงในวันที่"));
  CHECK(Has(text, "ท่านสามารถติดต่อบริษัทฯ ได้ทางโทรศัพท์หมายเลข 02 123 4567"));
  CHECK(Has(text, "ยินดีคืนค่าบริการของเดือนสุดท้ายให้แก่ท่าน\n"));
  CHECK_FALSE(Has(text, "เลขที่ "));
  CHECK_FALSE(Has(text, "ลงวันที่"));
  CHECK_FALSE(Has(text, "ภายในวันที่"));
  CHECK_FALSE(Has(text, "ทีมงานของ"));
  CHECK(doc.reference_lines.empty());

  // A contact with a name but neither e-mail nor phone: "โดยตรง".
  request.transition.contact = Contact{"นภัสสร ศรีสุข", "", ""};
  doc = Compose(request, PlanFor(request));
  CHECK(Has(SectionText(doc, Section::kTransition), "ท่านสามารถติดต่อคุณนภัสสร ศรีสุข ได้โดยตรง"));
  CheckCleanThai(doc);
}

TEST_CASE(
    "a Thai contact: คุณ before a bare name, a space before a Latin one, none before a title") {
  // คุณ joins a Thai name directly (คุณนภัสสร); before a Latin name Thai sets
  // a space (คุณ John Smith), as between any Thai and Latin word; a name
  // with its own title (นางสาว…, ดร.…) takes no คุณ.
  const std::pair<const char*, const char*> cases[] = {
      {"นภัสสร ศรีสุข", "ท่านสามารถติดต่อคุณนภัสสร ศรีสุข ได้โดยตรง"},
      {"John Smith", "ท่านสามารถติดต่อคุณ John Smith ได้โดยตรง"},
      {"นางสาวสมหญิง ใจงาม", "ท่านสามารถติดต่อนางสาวสมหญิง ใจงาม ได้โดยตรง"},
      {"ดร.อรุณ ที่ดี", "ท่านสามารถติดต่อดร.อรุณ ที่ดี ได้โดยตรง"},
  };
  for (const auto& [name, sentence] : cases) {
    CAPTURE(name);
    LetterRequest request = SampleRequest();
    request.transition.contact = Contact{name, "", ""};
    Document doc = Compose(request, PlanFor(request));
    CHECK(Has(SectionText(doc, Section::kTransition), sentence));
    CHECK_FALSE(Has(SectionText(doc, Section::kTransition), "คุณนางสาว"));
    CheckCleanThai(doc);
  }
}

TEST_CASE("a Thai letter keeps one voice: บริษัทฯ, never เรา") {
  LetterRequest request = SampleRequest();
  request.termination.reasons.clear();
  for (const std::string& id : ReasonIds())
    if (id != "abusive_to_staff" && id != "unethical_conduct")
      request.termination.reasons.push_back(id);
  const std::string text = AllText(Compose(request, PlanFor(request)));
  CHECK_FALSE(Has(text, "เรา"));
  CHECK(Has(text, "บริษัทฯ"));
}

}  // namespace
}  // namespace parting::compose
