// CanonicalJson and Fingerprint: the request in one fixed JSON form (fields in
// api.md's order, defaults written out, empty ones left out), written
// through nlohmann's ordered_json, and its SHA-256.

#include "core/json_string.h"
#include "core/sha256.h"
#include "parting/fingerprint.h"
#include "request/enum_names.h"

namespace parting {
namespace {

using Json = nlohmann::ordered_json;

void Field(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void Field(Json& object, const char* key, const std::optional<Date>& value) {
  if (value) object[key] = value->ToIso();
}

void Strings(Json& object, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) object[key] = values;
}

void PeriodField(Json& object, const char* key, const std::optional<Period>& period) {
  if (period)
    object[key] = Json{{"amount", period->amount},
                       {"unit", request::NameOf(request::kTimeUnits, period->unit)}};
}

Json PartyObject(const Party& p, bool recipient) {
  Json party = JsonObject();
  Field(party, "organization", p.organization);
  Field(party, "name", p.name);
  Field(party, "role", p.role);
  if (recipient)
    party["form_of_address"] = request::NameOf(request::kFormsOfAddress, p.form_of_address);
  Strings(party, "address", p.address);
  Field(party, "country", p.country);
  Field(party, "email", p.email);
  Field(party, "phone", p.phone);
  if (p.legal) {
    const LegalIdentity& l = *p.legal;
    Json legal = JsonObject();
    Field(legal, "legal_form", l.legal_form);
    Field(legal, "seat", l.seat);
    Field(legal, "register_court", l.register_court);
    Field(legal, "register_number", l.register_number);
    Strings(legal, "managing_directors", l.managing_directors);
    Field(legal, "vat_id", l.vat_id);
    Field(legal, "tax_id", l.tax_id);
    if (l.share_capital)
      legal["share_capital"] = Json{{"amount", l.share_capital->amount.ToDecimal()},
                                    {"currency", l.share_capital->currency}};
    party["legal"] = std::move(legal);
  }
  return party;
}

Json ContractObject(const Contract& c) {
  Json contract = JsonObject();
  Field(contract, "title", c.title);
  Field(contract, "reference", c.reference);
  Field(contract, "signed_on", c.signed_on);
  Field(contract, "termination_clause", c.termination_clause);
  PeriodField(contract, "notice_period", c.notice_period);
  contract["notice_anchor"] = request::NameOf(request::kNoticeAnchors, c.notice_anchor);
  Field(contract, "term_end", c.term_end);
  if (c.auto_renewal) {
    Json renewal = JsonObject();
    PeriodField(renewal, "period", c.auto_renewal);
    contract["auto_renewal"] = std::move(renewal);
  }
  contract["early_termination_allowed"] = c.early_termination_allowed;
  contract["immediate_for_cause"] = c.immediate_for_cause;
  Field(contract, "currency", c.currency);
  return contract;
}

Json TerminationObject(const Termination& t) {
  Json termination = JsonObject();
  Strings(termination, "reasons", t.reasons);
  if (!t.documented_situations.empty()) {
    Json& situations = termination["documented_situations"] = Json::array();
    for (const auto& s : t.documented_situations) {
      Json situation = {{"date", s.date.ToIso()}};
      Field(situation, "text", s.text);
      situations.push_back(std::move(situation));
    }
  }
  Field(termination, "requested_end_date", t.requested_end_date);
  Field(termination, "receipt_date", t.receipt_date);
  termination["for_cause"] = t.for_cause;
  return termination;
}

Json TransitionObject(const Transition& tr) {
  Json transition = JsonObject();
  Strings(transition, "handover", tr.handover);
  Field(transition, "handover_by", tr.handover_by);
  if (tr.contact) {
    Json contact = JsonObject();
    Field(contact, "name", tr.contact->name);
    Field(contact, "email", tr.contact->email);
    Field(contact, "phone", tr.contact->phone);
    transition["contact"] = std::move(contact);
  }
  if (!tr.alternatives.empty()) {
    Json& alternatives = transition["alternatives"] = Json::array();
    for (const auto& a : tr.alternatives) {
      Json alternative = JsonObject();
      Field(alternative, "name", a.name);
      Field(alternative, "note", a.note);
      alternatives.push_back(std::move(alternative));
    }
  }
  return transition;
}

Json GoodwillObject(const Goodwill& g) {
  Json goodwill = JsonObject();
  goodwill["kind"] = request::NameOf(request::kGoodwillKinds, g.kind);
  if (g.amount) goodwill["amount"] = g.amount->ToDecimal();
  Field(goodwill, "currency", g.currency);
  Field(goodwill, "invoice", g.invoice);
  return goodwill;
}

}  // namespace

std::string CanonicalJson(const LetterRequest& r) {
  Json canonical = JsonObject();
  canonical["language"] = LanguageCode(r.language);
  canonical["letter_date"] = r.letter_date.ToIso();
  canonical["sender"] = PartyObject(r.sender, false);
  canonical["recipient"] = PartyObject(r.recipient, true);
  canonical["contract"] = ContractObject(r.contract);
  canonical["termination"] = TerminationObject(r.termination);
  if (!r.projects.empty()) {
    Json& projects = canonical["projects"] = Json::array();
    for (const auto& p : r.projects) {
      Json project = JsonObject();
      Field(project, "name", p.name);
      Field(project, "deliverable", p.deliverable);
      Field(project, "due", p.due);
      projects.push_back(std::move(project));
    }
  }
  canonical["transition"] = TransitionObject(r.transition);
  canonical["goodwill"] = GoodwillObject(r.goodwill);
  canonical["options"] = {{"paper", request::NameOf(request::kPapers, r.options.paper)},
                          {"draft", r.options.draft},
                          {"apology", r.options.apology},
                          {"fallback_clause", r.options.fallback_clause},
                          {"confirm_receipt", r.options.confirm_receipt},
                          {"sign", r.options.sign}};
  // Only when asked for: the fingerprints of letters from before the option
  // stay as they were.
  if (r.options.archive) canonical["options"]["archive"] = true;
  if (r.delivery && r.delivery->email) {
    const EmailDelivery& e = *r.delivery->email;
    Json email = JsonObject();
    Field(email, "to", e.to);
    Field(email, "subject", e.subject);
    Strings(email, "cc", e.cc);
    canonical["delivery"] = {{"email", std::move(email)}};
  }
  return DumpJson(canonical);
}

std::string Fingerprint(const LetterRequest& request) { return Sha256Hex(CanonicalJson(request)); }

}  // namespace parting
