// The template context schema: every key the engine gives a template.
#include "compose/context_schema.h"

namespace parting::compose {

const std::vector<KeySpec>& ContextKeys() {
  using K = KeyKind;
  static const std::vector<KeySpec> kKeys = {
      {"letter_date", K::kText, false, "the letter's date, long form"},
      {"effective_end_date", K::kText, false, "the day the contract ends (plan), long form"},

      {"sender.organization", K::kText, true, "the sender's organization"},
      {"sender.name", K::kText, true, "the signatory"},
      {"sender.role", K::kText, true, "the signatory's role"},
      {"sender.email", K::kText, true, "the sender's e-mail address"},
      {"sender.phone", K::kText, true, "the sender's phone number"},
      {"sender.town", K::kText, true,
       "the town of the sender's last address line, when it reads \"postcode town\""},

      {"recipient.organization", K::kText, true, "the client's organization"},
      {"recipient.name", K::kText, true, "the client's contact person, in full"},
      {"recipient.surname", K::kText, true,
       "the family name of recipient.name (with particles such as \"von\")"},
      {"recipient.title", K::kText, true, "academic titles leading the name, as given (\"Dr.\")"},
      {"recipient.bare_name", K::kText, true,
       "recipient.name without courtesy words and academic titles (\"Maria Keller\")"},
      {"recipient.salutation_title", K::kText, true,
       "the title a salutation uses, in the language's form: \"Dr.\", \"Prof.\", "
       "\"Professor\" (en), \"Dra.\" (pt), \"Doktorze\" / \"Doktor\" (pl vocative)"},
      {"recipient.window_name", K::kText, true,
       "the name line of the address window: \"Herrn Dr. Thomas Müller\", \"Dr. Maria "
       "Keller\", \"Pan dr Jan Kowalski\", \"คุณสมชาย ใจดี\""},
      {"recipient.mr", K::kFlag, false,
       "form of address: mr (the request's, or a courtesy word in the name when neutral)"},
      {"recipient.ms", K::kFlag, false, "form of address: ms"},
      {"recipient.neutral", K::kFlag, false, "form of address: neutral"},

      {"contract.title", K::kText, true, "the agreement's title"},
      {"contract.title_names_contract", K::kFlag, false,
       "the title names the agreement itself (\"Rahmenvertrag …\", \"Umowa o …\", "
       "\"Contrato de …\"): no second \"contract\" before it"},
      {"contract.title_object", K::kText, true,
       "the title as the object of \"we terminate\", where the language declines it: \"den "
       "Rahmenvertrag über …\", \"die Wartungsvereinbarung …\" (de), \"Umowę o …\" (pl); absent "
       "when the title does not start with such a noun (the template quotes it)"},
      {"contract.title_subject", K::kText, true,
       "the title opening a sentence: \"Der Rahmenvertrag über …\" (de), \"Umowa o …\" (pl); "
       "present exactly when contract.title_object is"},
      {"contract.title_genitive", K::kText, true,
       "the title in the genitive, where a subject line declines it: \"des Rahmenvertrags "
       "über …\" (de, with its article), \"Umowy ramowej o …\" (pl); absent otherwise"},
      {"contract.reference", K::kText, true, "the agreement's reference"},
      {"contract.signed_on", K::kText, true,
       "the day it was signed, long form; absent when after the letter date"},
      {"contract.clause", K::kText, true, "the clause that governs termination"},
      {"contract.notice_period", K::kText, true, "the notice period (\"3 months\")"},
      {"contract.term_end", K::kText, true, "the end of the fixed term, long form"},

      {"route.ordinary_notice", K::kFlag, false, "the end date comes from ordinary notice"},
      {"route.end_of_term", K::kFlag, false, "the end date is the end of a term"},
      {"route.for_cause", K::kFlag, false, "the contract ends for cause, on receipt of the letter"},
      {"route.requested", K::kFlag, false, "the end date is the later date the sender asked for"},
      {"immediate", K::kFlag, false, "same as route.for_cause: the letter ends it on receipt"},
      {"for_cause", K::kFlag, false, "the termination is for cause (with or without notice)"},
      {"ends_at_term_end", K::kFlag, false, "the contract ends at a fixed term's end"},
      {"confirms_non_renewal", K::kFlag, false,
       "the term ends and the contract will not be continued"},

      {"term_ended_on", K::kText, true,
       "the day a fixed term ended when that was before the letter date: with "
       "confirms_non_renewal, the letter confirms the end, never a term that still \"expires\""},
      {"fallback_clause", K::kFlag, false,
       "options.fallback_clause: end it, in the alternative, on the next date the contract "
       "allows"},
      {"confirm_receipt", K::kFlag, false,
       "options.confirm_receipt: ask the client to confirm receipt"},

      {"has_reasons", K::kFlag, false, "the letter gives at least one reason"},
      {"several_reasons", K::kFlag, false, "more than one reason"},
      {"firm", K::kFlag, false,
       "a reason is abusive_to_staff or unethical_conduct: calm, firm, no apology"},
      {"has_situations", K::kFlag, false, "at least one documented situation"},
      {"situations", K::kList, false,
       "documented situations, in request order; none dated after the letter"},
      {"situations[].date", K::kText, false, "its date, long form"},
      {"situations[].text", K::kText, false, "what happened (prose)"},
      {"one_situation", K::kFlag, false, "exactly one documented situation"},
      {"situations_repeated", K::kFlag, false,
       "at least two documented situations at least 28 days apart: only then may a reason say "
       "\"repeatedly\" or \"in recent months\""},
      {"cites_client_conduct", K::kFlag, false,
       "a reason names the client's own conduct (payment_problems, unreasonable_demands, "
       "lack_of_respect): no \"this is no judgement of you\" after it"},

      {"projects", K::kList, false, "work still to be delivered"},
      {"projects[].name", K::kText, false, "the project"},
      {"projects[].deliverable", K::kText, true, "what is delivered (prose)"},
      {"projects[].due", K::kText, true, "by when, long form; absent when already past"},
      {"one_project", K::kFlag, false, "exactly one project"},

      {"has_handover", K::kFlag, false, "at least one thing is handed over"},
      {"handover", K::kList, false, "what is handed over"},
      {"handover[].item", K::kText, false, "one thing handed over (prose)"},
      {"handover_by", K::kText, true, "the hand-over date, long form; absent when already past"},
      {"contact.name", K::kText, true, "the hand-over contact"},
      {"contact.courtesy_name", K::kText, true,
       "the contact as running text names them: in Thai with คุณ before a name without a title "
       "of its own (\"คุณนภัสสร ศรีสุข\", \"คุณ John Smith\", \"นางสาวสมหญิง ใจงาม\"); "
       "elsewhere the name as given"},
      {"contact.email", K::kText, true, "the contact's e-mail address"},
      {"contact.phone", K::kText, true, "the contact's phone number"},

      {"alternatives", K::kList, false, "providers who may serve the client better"},
      {"alternatives[].name", K::kText, false, "the provider"},
      {"alternatives[].note", K::kText, true, "why it may fit (prose)"},
      {"one_alternative", K::kFlag, false, "exactly one alternative"},

      {"goodwill.refund_last_month", K::kFlag, false, "goodwill: refund of the last month"},
      {"goodwill.cancel_last_invoice", K::kFlag, false, "goodwill: the last invoice is cancelled"},
      {"goodwill.waive_fee", K::kFlag, false, "goodwill: a fee is waived"},
      {"goodwill.amount", K::kText, true, "the amount, formatted with its currency"},
      {"goodwill.invoice", K::kText, true, "the invoice number"},

      {"section.thanks", K::kFlag, false, "the letter has this part"},
      {"section.decision", K::kFlag, false, "the letter has this part"},
      {"section.contract", K::kFlag, false, "the letter has this part"},
      {"section.projects", K::kFlag, false, "the plan has it and there are projects"},
      {"section.transition", K::kFlag, false,
       "the plan has it and there is a hand-over list, date or contact"},
      {"section.goodwill", K::kFlag, false, "the plan has it and goodwill is not none"},
      {"section.apology", K::kFlag, false, "the letter has this part"},
      {"section.alternatives", K::kFlag, false, "the plan has it and there are alternatives"},
      {"section.closing", K::kFlag, false, "the letter has this part"},
  };
  return kKeys;
}

namespace {

std::unique_ptr<KeyNode> BuildTree() {
  auto root = std::make_unique<KeyNode>();
  for (const KeySpec& spec : ContextKeys()) {
    KeyNode* node = root.get();
    std::string_view path = spec.path;
    std::string walked;
    while (!path.empty()) {
      size_t dot = path.find('.');
      std::string_view part = path.substr(0, dot);
      if (part.ends_with("[]")) part.remove_suffix(2);
      walked += walked.empty() ? "" : ".";
      walked += part;
      auto& child = node->children[std::string(part)];
      if (!child) {
        child = std::make_unique<KeyNode>();
        child->path = walked;
      }
      node = child.get();
      path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    node->kind = spec.kind;
    node->optional = spec.optional;
  }
  return root;
}

}  // namespace

const KeyNode& ContextKeyTree() {
  static const std::unique_ptr<KeyNode> kTree = BuildTree();
  return *kTree;
}

}  // namespace parting::compose
