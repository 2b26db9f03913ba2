#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <cstdio>

#include "core/json_string.h"
#include "parting/fingerprint.h"

namespace parting {
namespace {

class Writer {
 public:
  void Key(const char* key) {
    Comma();
    Quoted(key);
    out_ += ':';
    fresh_ = true;
  }
  void String(std::string_view s) {
    Comma();
    Quoted(s);
  }
  void Raw(const std::string& s) {
    Comma();
    out_ += s;
  }
  void Bool(bool b) { Raw(b ? "true" : "false"); }
  void Int(long v) { Raw(std::to_string(v)); }
  void Open(char c) {
    Comma();
    out_ += c;
    fresh_ = true;
  }
  void Close(char c) {
    out_ += c;
    fresh_ = false;
  }
  std::string Take() { return std::move(out_); }

 private:
  void Quoted(std::string_view s) { AppendJsonString(out_, s); }
  void Comma() {
    if (!fresh_ && !out_.empty()) out_ += ',';
    fresh_ = false;
  }
  std::string out_;
  bool fresh_ = true;
};

void Field(Writer& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value);
}

void Field(Writer& w, const char* key, const std::optional<Date>& value) {
  if (!value) return;
  w.Key(key);
  w.String(value->ToIso());
}

void Strings(Writer& w, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  w.Key(key);
  w.Open('[');
  for (const auto& v : values) w.String(v);
  w.Close(']');
}

const char* UnitName(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays: return "days";
    case TimeUnit::kWeeks: return "weeks";
    case TimeUnit::kMonths: return "months";
  }
  return "months";
}

void PeriodField(Writer& w, const char* key, const std::optional<Period>& period) {
  if (!period) return;
  w.Key(key);
  w.Open('{');
  w.Key("amount");
  w.Int(period->amount);
  w.Key("unit");
  w.String(UnitName(period->unit));
  w.Close('}');
}

void PartyObject(Writer& w, const char* key, const Party& p, bool recipient) {
  w.Key(key);
  w.Open('{');
  Field(w, "organization", p.organization);
  Field(w, "name", p.name);
  Field(w, "role", p.role);
  if (recipient) {
    w.Key("form_of_address");
    w.String(p.form_of_address == FormOfAddress::kMr   ? "mr"
             : p.form_of_address == FormOfAddress::kMs ? "ms"
                                                       : "neutral");
  }
  Strings(w, "address", p.address);
  Field(w, "country", p.country);
  Field(w, "email", p.email);
  Field(w, "phone", p.phone);
  if (p.legal) {
    const LegalIdentity& l = *p.legal;
    w.Key("legal");
    w.Open('{');
    Field(w, "legal_form", l.legal_form);
    Field(w, "seat", l.seat);
    Field(w, "register_court", l.register_court);
    Field(w, "register_number", l.register_number);
    Strings(w, "managing_directors", l.managing_directors);
    Field(w, "vat_id", l.vat_id);
    Field(w, "tax_id", l.tax_id);
    if (l.share_capital) {
      w.Key("share_capital");
      w.Open('{');
      w.Key("amount");
      w.String(l.share_capital->amount.ToDecimal());
      w.Key("currency");
      w.String(l.share_capital->currency);
      w.Close('}');
    }
    w.Close('}');
  }
  w.Close('}');
}

}  // namespace

std::string CanonicalJson(const LetterRequest& r) {
  Writer w;
  w.Open('{');
  w.Key("language");
  w.String(LanguageCode(r.language));
  w.Key("letter_date");
  w.String(r.letter_date.ToIso());
  PartyObject(w, "sender", r.sender, false);
  PartyObject(w, "recipient", r.recipient, true);

  const Contract& c = r.contract;
  w.Key("contract");
  w.Open('{');
  Field(w, "title", c.title);
  Field(w, "reference", c.reference);
  Field(w, "signed_on", c.signed_on);
  Field(w, "termination_clause", c.termination_clause);
  PeriodField(w, "notice_period", c.notice_period);
  w.Key("notice_anchor");
  w.String(c.notice_anchor == NoticeAnchor::kEndOfMonth     ? "end_of_month"
           : c.notice_anchor == NoticeAnchor::kEndOfQuarter ? "end_of_quarter"
                                                             : "any_day");
  Field(w, "term_end", c.term_end);
  if (c.auto_renewal) {
    w.Key("auto_renewal");
    w.Open('{');
    PeriodField(w, "period", c.auto_renewal);
    w.Close('}');
  }
  w.Key("early_termination_allowed");
  w.Bool(c.early_termination_allowed);
  w.Key("immediate_for_cause");
  w.Bool(c.immediate_for_cause);
  Field(w, "currency", c.currency);
  w.Close('}');

  const Termination& t = r.termination;
  w.Key("termination");
  w.Open('{');
  Strings(w, "reasons", t.reasons);
  if (!t.documented_situations.empty()) {
    w.Key("documented_situations");
    w.Open('[');
    for (const auto& s : t.documented_situations) {
      w.Open('{');
      w.Key("date");
      w.String(s.date.ToIso());
      Field(w, "text", s.text);
      w.Close('}');
    }
    w.Close(']');
  }
  Field(w, "requested_end_date", t.requested_end_date);
  Field(w, "receipt_date", t.receipt_date);
  w.Key("for_cause");
  w.Bool(t.for_cause);
  w.Close('}');

  if (!r.projects.empty()) {
    w.Key("projects");
    w.Open('[');
    for (const auto& p : r.projects) {
      w.Open('{');
      Field(w, "name", p.name);
      Field(w, "deliverable", p.deliverable);
      Field(w, "due", p.due);
      w.Close('}');
    }
    w.Close(']');
  }

  const Transition& tr = r.transition;
  w.Key("transition");
  w.Open('{');
  Strings(w, "handover", tr.handover);
  Field(w, "handover_by", tr.handover_by);
  if (tr.contact) {
    w.Key("contact");
    w.Open('{');
    Field(w, "name", tr.contact->name);
    Field(w, "email", tr.contact->email);
    Field(w, "phone", tr.contact->phone);
    w.Close('}');
  }
  if (!tr.alternatives.empty()) {
    w.Key("alternatives");
    w.Open('[');
    for (const auto& a : tr.alternatives) {
      w.Open('{');
      Field(w, "name", a.name);
      Field(w, "note", a.note);
      w.Close('}');
    }
    w.Close(']');
  }
  w.Close('}');

  const Goodwill& g = r.goodwill;
  w.Key("goodwill");
  w.Open('{');
  w.Key("kind");
  w.String(g.kind == GoodwillKind::kRefundLastMonth     ? "refund_last_month"
           : g.kind == GoodwillKind::kCancelLastInvoice ? "cancel_last_invoice"
           : g.kind == GoodwillKind::kWaiveFee          ? "waive_fee"
                                                        : "none");
  if (g.amount) {
    w.Key("amount");
    w.String(g.amount->ToDecimal());
  }
  Field(w, "currency", g.currency);
  Field(w, "invoice", g.invoice);
  w.Close('}');

  w.Key("options");
  w.Open('{');
  w.Key("paper");
  w.String(r.options.paper == Paper::kLetter ? "letter" : "A4");
  w.Key("draft");
  w.Bool(r.options.draft);
  w.Key("apology");
  w.Bool(r.options.apology);
  w.Key("fallback_clause");
  w.Bool(r.options.fallback_clause);
  w.Key("confirm_receipt");
  w.Bool(r.options.confirm_receipt);
  w.Key("sign");
  w.Bool(r.options.sign);
  // Only when asked for: the fingerprints of letters from before the option
  // stay as they were.
  if (r.options.archive) {
    w.Key("archive");
    w.Bool(true);
  }
  w.Close('}');

  if (r.delivery && r.delivery->email) {
    const EmailDelivery& e = *r.delivery->email;
    w.Key("delivery");
    w.Open('{');
    w.Key("email");
    w.Open('{');
    Field(w, "to", e.to);
    Field(w, "subject", e.subject);
    Strings(w, "cc", e.cc);
    w.Close('}');
    w.Close('}');
  }
  w.Close('}');
  return w.Take();
}

std::string Fingerprint(const LetterRequest& request) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(CanonicalJson(request));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace parting
