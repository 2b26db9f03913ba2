// Footer pieces from sender.legal and the language's labels.
#include "compose/legal_footer.h"

#include "compose/escape.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

class Pieces {
 public:
  explicit Pieces(const Labels& labels) : labels_(labels.legal) {}

  // "Label: value"; the value alone when the label is empty or the value
  // already starts with it ("KRS 0000123456", "NIP 525-000-10-09").
  void Add(const std::string& key, const std::string& value) {
    std::string clean = CleanText(value);
    if (clean.empty()) return;
    const std::string& label = Label(key);
    if (label.empty() || clean.starts_with(label))
      pieces_.push_back(clean);
    else
      pieces_.push_back(label + Label("separator") + clean);
  }

  void AddRaw(std::string piece) {
    if (!piece.empty()) pieces_.push_back(std::move(piece));
  }

  const std::string& Label(const std::string& key) const {
    static const std::string kNone;
    auto found = labels_.find(key);
    return found == labels_.end() ? kNone : found->second;
  }

  std::vector<std::string> Take() { return std::move(pieces_); }

 private:
  const std::map<std::string, std::string>& labels_;
  std::vector<std::string> pieces_;
};

// The digits of an identifier: "PL 676-123-45-67" → "6761234567".
std::string Digits(const std::string& id) {
  std::string out;
  for (char c : id)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

}  // namespace

std::vector<std::string> LegalFooter(const LetterRequest& request, const Labels& labels) {
  if (!request.sender.legal) return {};
  const LegalIdentity& legal = *request.sender.legal;
  Pieces pieces(labels);
  // The company with its legal form: the name alone when it carries the form.
  const std::string organization = CleanText(request.sender.organization);
  const std::string form = CleanText(legal.legal_form);
  if (!organization.empty() && (form.empty() || organization.find(form) != std::string::npos)) {
    pieces.AddRaw(organization);
  } else if (!organization.empty()) {
    pieces.AddRaw(organization);
    pieces.Add("legal_form", form);
  } else {
    pieces.Add("legal_form", form);
  }
  pieces.Add("seat", legal.seat);
  // The register court and its number belong together ("Registergericht:
  // Amtsgericht Hamburg, HRB 123456") where the number needs no label.
  const std::string court = CleanText(legal.register_court);
  const std::string number = CleanText(legal.register_number);
  if (!court.empty() && !number.empty() && pieces.Label("register_number").empty()) {
    pieces.Add("register_court", court + ", " + number);
  } else {
    pieces.Add("register_court", court);
    pieces.Add("register_number", number);
  }
  std::string directors;
  for (const std::string& name : legal.managing_directors) {
    std::string clean = CleanText(name);
    if (!clean.empty()) directors += (directors.empty() ? "" : ", ") + clean;
  }
  pieces.Add("managing_directors", directors);
  // A VAT number that is the tax number with a country prefix (Poland's
  // "PL" + NIP, Thailand's 13 digits) is one number: printed once, as the
  // tax number.
  const std::string tax_digits = Digits(legal.tax_id);
  if (tax_digits.empty() || Digits(legal.vat_id) != tax_digits) pieces.Add("vat_id", legal.vat_id);
  pieces.Add("tax_id", legal.tax_id);
  if (legal.share_capital)
    pieces.Add("share_capital", locale::FormatAmount(request.language, legal.share_capital->amount,
                                                     legal.share_capital->currency));
  return pieces.Take();
}

}  // namespace parting::compose
