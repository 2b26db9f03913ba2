// Builds the Mustache context from the request and the plan.
#include "compose/context.h"

#include <algorithm>
#include <string>

#include "compose/contract_title.h"
#include "compose/escape.h"
#include "compose/person_name.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

using kainjow::mustache::data;

// Sets a wrapped value unless it is empty: absent input stays absent.
void SetValue(data& object, const std::string& key, std::string wrapped) {
  if (!wrapped.empty()) object.set(key, std::move(wrapped));
}

void SetFlag(data& object, const std::string& key, bool value) {
  object.set(key, value ? data::type::bool_true : data::type::bool_false);
}

// A date stays on one line: "28. Februar 2027", never "28. Februar⏎2027".
std::string DateValue(Language language, const std::optional<Date>& date) {
  return date ? Verbatim(Unbreakable(locale::FormatDate(language, *date))) : "";
}

bool HasReason(const LetterRequest& request, std::string_view id) {
  const auto& reasons = request.termination.reasons;
  return std::find(reasons.begin(), reasons.end(), id) != reasons.end();
}

data Sender(const Party& sender) {
  data out{data::type::object};
  SetValue(out, "organization", Verbatim(sender.organization));
  SetValue(out, "name", Verbatim(sender.name));
  SetValue(out, "role", Verbatim(sender.role));
  SetValue(out, "email", Verbatim(sender.email));
  SetValue(out, "phone", Verbatim(sender.phone));
  SetValue(out, "town", Verbatim(TownOf(sender.address)));
  return out;
}

data Recipient(Language language, const Party& recipient, const Labels& labels) {
  data out{data::type::object};
  const AddressedPerson person =
      AddressPerson(language, recipient.form_of_address, recipient.name, labels.name_prefix);
  const NameParts& parts = person.parts;
  SetValue(out, "organization", Verbatim(recipient.organization));
  SetValue(out, "name", Verbatim(recipient.name));
  SetValue(out, "bare_name", Verbatim(parts.bare));
  SetValue(out, "surname", Verbatim(parts.surname));
  SetValue(out, "title", Verbatim(parts.title));
  SetValue(out, "salutation_title", Verbatim(person.salutation_title));
  SetValue(out, "window_name", Verbatim(person.window_line));
  SetFlag(out, "mr", person.form == FormOfAddress::kMr);
  SetFlag(out, "ms", person.form == FormOfAddress::kMs);
  SetFlag(out, "neutral", person.form == FormOfAddress::kNeutral);
  return out;
}

// A date the letter may state as past: none after the letter's own date.
std::optional<Date> NotAfter(const std::optional<Date>& date, Date letter_date) {
  return date && *date <= letter_date ? date : std::nullopt;
}
// A date the letter may promise: none already past.
std::optional<Date> NotBefore(const std::optional<Date>& date, Date letter_date) {
  return date && *date >= letter_date ? date : std::nullopt;
}

data ContractData(Language language, const Contract& contract, Date letter_date) {
  data out{data::type::object};
  SetValue(out, "title", Verbatim(contract.title));
  SetFlag(out, "title_names_contract", TitleNamesContract(language, contract.title));
  SetValue(out, "title_object", Verbatim(TitleAsObject(language, contract.title)));
  SetValue(out, "title_subject", Verbatim(TitleAsSubject(language, contract.title)));
  SetValue(out, "title_genitive", Verbatim(TitleGenitive(language, contract.title)));
  SetValue(out, "reference", Verbatim(contract.reference));
  // "Since we signed on <a later date>" would be false: a signing date after
  // the letter's is left out (the plan warns about it).
  SetValue(out, "signed_on", DateValue(language, NotAfter(contract.signed_on, letter_date)));
  SetValue(out, "clause", Verbatim(contract.termination_clause));
  if (contract.notice_period && contract.notice_period->amount > 0)
    SetValue(out, "notice_period",
             Verbatim(locale::FormatPeriod(language, *contract.notice_period)));
  SetValue(out, "term_end", DateValue(language, contract.term_end));
  return out;
}

data RouteData(const Plan& plan) {
  data out{data::type::object};
  for (Route route :
       {Route::kOrdinaryNotice, Route::kEndOfTerm, Route::kForCause, Route::kRequested})
    SetFlag(out, std::string(RouteName(route)), plan.route == route);
  return out;
}

// The documented situations the letter may cite: with a text, and not dated
// after the letter.
std::vector<const DocumentedSituation*> Citable(const std::vector<DocumentedSituation>& situations,
                                                Date letter_date) {
  std::vector<const DocumentedSituation*> out;
  for (const DocumentedSituation& situation : situations)
    if (!CleanText(situation.text).empty() && situation.date <= letter_date)
      out.push_back(&situation);
  return out;
}

data Situations(Language language, const std::vector<const DocumentedSituation*>& situations) {
  data list{data::type::list};
  for (const DocumentedSituation* cited : situations) {
    const DocumentedSituation& situation = *cited;
    data item{data::type::object};
    item.set("date", DateValue(language, situation.date));
    item.set("text", Literal(situation.text));
    list.push_back(item);
  }
  return list;
}

data Projects(Language language, const std::vector<Project>& projects, Date letter_date) {
  data list{data::type::list};
  for (const Project& project : projects) {
    if (CleanText(project.name).empty()) continue;
    data item{data::type::object};
    item.set("name", Verbatim(project.name));
    SetValue(item, "deliverable", Literal(project.deliverable));
    // "By <a past date>" cannot be promised; the plan warns about it.
    SetValue(item, "due", DateValue(language, NotBefore(project.due, letter_date)));
    list.push_back(item);
  }
  return list;
}

data Alternatives(const std::vector<Alternative>& alternatives) {
  data list{data::type::list};
  for (const Alternative& alternative : alternatives) {
    if (CleanText(alternative.name).empty()) continue;
    data item{data::type::object};
    item.set("name", Verbatim(alternative.name));
    SetValue(item, "note", Literal(alternative.note));
    list.push_back(item);
  }
  return list;
}

// How running text names a person: Thai puts คุณ before a name that carries
// no title of its own (the window's rule), other languages give the name as
// it stands.
std::string CourtesyName(Language language, const std::string& name, const Labels& labels) {
  if (language != Language::kTh) return name;
  return AddressPerson(language, FormOfAddress::kNeutral, name, labels.name_prefix).window_line;
}

void AddTransition(data& context, Language language, const Transition& transition, Date letter_date,
                   const Labels& labels) {
  data handover{data::type::list};
  for (const std::string& thing : transition.handover) {
    if (CleanText(thing).empty()) continue;
    data item{data::type::object};
    item.set("item", Literal(thing));
    handover.push_back(item);
  }
  SetFlag(context, "has_handover", !handover.list_value().empty());
  context.set("handover", handover);
  SetValue(context, "handover_by",
           DateValue(language, NotBefore(transition.handover_by, letter_date)));
  data contact{data::type::object};
  if (transition.contact) {
    SetValue(contact, "name", Verbatim(transition.contact->name));
    SetValue(contact, "courtesy_name",
             Verbatim(CourtesyName(language, transition.contact->name, labels)));
    SetValue(contact, "email", Verbatim(transition.contact->email));
    SetValue(contact, "phone", Verbatim(transition.contact->phone));
  }
  context.set("contact", contact);
  data alternatives = Alternatives(transition.alternatives);
  SetFlag(context, "one_alternative", alternatives.list_value().size() == 1);
  context.set("alternatives", alternatives);
}

data GoodwillData(Language language, const Goodwill& goodwill, const Contract& contract) {
  data out{data::type::object};
  SetFlag(out, "refund_last_month", goodwill.kind == GoodwillKind::kRefundLastMonth);
  SetFlag(out, "cancel_last_invoice", goodwill.kind == GoodwillKind::kCancelLastInvoice);
  SetFlag(out, "waive_fee", goodwill.kind == GoodwillKind::kWaiveFee);
  // An amount without any currency would be a number without meaning: left out.
  const std::string& currency = goodwill.currency.empty() ? contract.currency : goodwill.currency;
  if (goodwill.amount && !currency.empty())
    SetValue(out, "amount", Verbatim(locale::FormatAmount(language, *goodwill.amount, currency)));
  SetValue(out, "invoice", Verbatim(goodwill.invoice));
  return out;
}

data Sections(const LetterRequest& request, const Plan& plan) {
  data out{data::type::object};
  for (Section section : {Section::kThanks, Section::kDecision, Section::kContract,
                          Section::kProjects, Section::kTransition, Section::kGoodwill,
                          Section::kApology, Section::kAlternatives, Section::kClosing})
    SetFlag(out, std::string(SectionName(section)), HasSection(request, plan, section));
  return out;
}

}  // namespace

bool HasSection(const LetterRequest& request, const Plan& plan, Section section) {
  if (std::find(plan.sections.begin(), plan.sections.end(), section) == plan.sections.end())
    return false;
  auto any_text = [](const auto& items, auto text_of) {
    return std::any_of(items.begin(), items.end(),
                       [&](const auto& item) { return !CleanText(text_of(item)).empty(); });
  };
  const Transition& transition = request.transition;
  const std::optional<Contact>& contact = transition.contact;
  switch (section) {
    case Section::kProjects:
      return any_text(request.projects, [](const Project& p) { return p.name; });
    case Section::kTransition:
      return any_text(transition.handover, [](const std::string& s) { return s; }) ||
             transition.handover_by.has_value() ||
             (contact && !CleanText(contact->name + contact->email + contact->phone).empty());
    case Section::kGoodwill:
      return request.goodwill.kind != GoodwillKind::kNone;
    case Section::kAlternatives:
      return any_text(transition.alternatives, [](const Alternative& a) { return a.name; });
    default:
      return true;
  }
}

MustacheData BuildContext(const LetterRequest& request, const Plan& plan, const Labels& labels) {
  const Language language = request.language;
  data context{data::type::object};
  context.set("letter_date", DateValue(language, plan.letter_date));
  context.set("effective_end_date", DateValue(language, plan.effective_end_date));
  context.set("sender", Sender(request.sender));
  context.set("recipient", Recipient(language, request.recipient, labels));
  context.set("contract", ContractData(language, request.contract, plan.letter_date));

  context.set("route", RouteData(plan));
  SetFlag(context, "immediate", plan.route == Route::kForCause);
  SetFlag(context, "for_cause", request.termination.for_cause);
  SetFlag(context, "ends_at_term_end", plan.ends_at_term_end);
  SetFlag(context, "confirms_non_renewal", plan.confirms_non_renewal);
  // A fixed term that ended before the letter: the letter may not speak of
  // a term that "expires" on the end date.
  const std::optional<Date>& term_end = request.contract.term_end;
  SetValue(context, "term_ended_on",
           term_end && *term_end < plan.letter_date ? DateValue(language, term_end) : "");
  SetFlag(context, "fallback_clause", request.options.fallback_clause);
  SetFlag(context, "confirm_receipt", request.options.confirm_receipt);

  const Termination& termination = request.termination;
  SetFlag(context, "has_reasons", !termination.reasons.empty());
  SetFlag(context, "several_reasons", termination.reasons.size() > 1);
  SetFlag(context, "firm",
          HasReason(request, "abusive_to_staff") || HasReason(request, "unethical_conduct"));
  const std::vector<const DocumentedSituation*> citable =
      Citable(termination.documented_situations, plan.letter_date);
  data situations = Situations(language, citable);
  SetFlag(context, "has_situations", !citable.empty());
  SetFlag(context, "one_situation", citable.size() == 1);
  SetFlag(context, "situations_repeated", plan.situations_repeated);
  // Reasons that cite the client's own conduct: the letter then does not
  // go on to say that the decision is no judgement of the client.
  SetFlag(context, "cites_client_conduct",
          HasReason(request, "payment_problems") || HasReason(request, "unreasonable_demands") ||
              HasReason(request, "lack_of_respect"));
  context.set("situations", situations);

  data projects = Projects(language, request.projects, plan.letter_date);
  SetFlag(context, "one_project", projects.list_value().size() == 1);
  context.set("projects", projects);
  AddTransition(context, language, request.transition, plan.letter_date, labels);
  context.set("goodwill", GoodwillData(language, request.goodwill, request.contract));
  context.set("section", Sections(request, plan));
  return context;
}

}  // namespace parting::compose
