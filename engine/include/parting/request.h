// LetterRequest: the validated content of one letter request (api.md).
//
// Plain value types, filled by ParseLetterRequest() from JSON. Once a
// LetterRequest exists it is valid: every date is a real day, every enum is
// known, every amount is exact. Optional input stays optional; nothing is
// guessed. Thread-compatible values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/amount.h"
#include "parting/date.h"
#include "parting/status.h"

namespace parting {

enum class Language { kEn, kDe, kPt, kPl, kTh };
enum class FormOfAddress { kMr, kMs, kNeutral };
enum class TimeUnit { kDays, kWeeks, kMonths };
enum class NoticeAnchor { kAnyDay, kEndOfMonth, kEndOfQuarter };
enum class GoodwillKind { kNone, kRefundLastMonth, kCancelLastInvoice, kWaiveFee };
enum class Paper { kA4, kLetter };

/// "en", "de", … and back; nullopt for an unsupported code.
std::string_view LanguageCode(Language language);
std::optional<Language> LanguageFromCode(std::string_view code);
/// Every supported language, in a stable order.
const std::vector<Language>& AllLanguages();

/// The stable ids of the reason catalog in domain.md, in catalog order.
const std::vector<std::string>& ReasonIds();
bool IsKnownReason(std::string_view id);

struct Period {
  int amount = 0;  ///< >= 0
  TimeUnit unit = TimeUnit::kMonths;
};

/// A company's capital as the register states it.
struct ShareCapital {
  Amount amount;
  std::string currency;  ///< ISO 4217
};

/// The sender's mandatory company details (sender.legal), printed in the
/// footer of every page only as given: nothing here is ever filled in.
struct LegalIdentity {
  std::string legal_form;      ///< "GmbH", "sp. z o.o."
  std::string seat;            ///< "Hamburg"
  std::string register_court;  ///< "Amtsgericht Hamburg", "Sąd Rejonowy dla m.st. Warszawy"
  std::string register_number;  ///< "HRB 123456", "KRS 0000123456"
  std::vector<std::string> managing_directors;
  std::string vat_id;  ///< "DE123456789"
  std::string tax_id;  ///< "NIP 5250001009", "CNPJ 12.345.678/0001-90"
  std::optional<ShareCapital> share_capital;
};

/// At most this many managing directors in sender.legal.
inline constexpr size_t kMaxManagingDirectors = 20;

struct Party {
  std::string organization;
  std::string name;
  std::string role;
  std::vector<std::string> address;  ///< street, postcode and town, …
  std::string country;               ///< ISO 3166-1 alpha-2, may be empty
  std::string email;
  std::string phone;
  FormOfAddress form_of_address = FormOfAddress::kNeutral;  ///< recipient only
  std::optional<LegalIdentity> legal;                       ///< sender only
};

struct Contract {
  std::string title;
  std::string reference;
  std::optional<Date> signed_on;
  std::string termination_clause;
  std::optional<Period> notice_period;
  NoticeAnchor notice_anchor = NoticeAnchor::kAnyDay;
  std::optional<Date> term_end;
  std::optional<Period> auto_renewal;  ///< the renewal period, when it renews
  bool early_termination_allowed = true;  ///< resolved default (api.md)
  bool immediate_for_cause = false;
  std::string currency;  ///< ISO 4217, may be empty
};

struct DocumentedSituation {
  Date date;
  std::string text;
};

struct Termination {
  std::vector<std::string> reasons;  ///< catalog ids, no duplicates
  std::vector<DocumentedSituation> documented_situations;
  std::optional<Date> requested_end_date;
  /// The day the client is expected to receive the letter; notice counts from
  /// it (domain.md). Absent: the letter date. Never before the letter date.
  std::optional<Date> receipt_date;
  bool for_cause = false;
};

struct Project {
  std::string name;
  std::string deliverable;
  std::optional<Date> due;
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

struct Alternative {
  std::string name;
  std::string note;
};

struct Transition {
  std::vector<std::string> handover;
  std::optional<Date> handover_by;
  std::optional<Contact> contact;
  std::vector<Alternative> alternatives;
};

struct Goodwill {
  GoodwillKind kind = GoodwillKind::kNone;
  std::optional<Amount> amount;
  std::string currency;  ///< ISO 4217; the contract's currency when absent
  std::string invoice;
};

struct Options {
  Paper paper = Paper::kA4;
  bool draft = false;
  bool apology = true;
  /// End the contract, in the alternative, on the next date it allows.
  bool fallback_clause = true;
  /// Ask the client to confirm receipt of the letter.
  bool confirm_receipt = true;
  /// Sign the final letter with the service's certificate (PAdES B-B); never
  /// a draft.
  bool sign = false;
  /// An archive copy: PDF/A-2b (docs/pdfa.md); never a draft.
  bool archive = false;
};

/// A ready-to-send e-mail with the letter attached, made by batch runs
/// (api-extensions.md). Addresses are checked like every e-mail of the request.
struct EmailDelivery {
  std::string to;               ///< one address, required
  std::string subject;          ///< empty: the letter's own subject line
  std::vector<std::string> cc;  ///< at most kMaxCopyRecipients addresses
};

/// How the letter travels besides the PDF. Only e-mail so far.
struct Delivery {
  std::optional<EmailDelivery> email;
};

inline constexpr size_t kMaxCopyRecipients = 10;

struct LetterRequest {
  Language language = Language::kEn;
  Date letter_date;
  Party sender;
  Party recipient;
  Contract contract;
  Termination termination;
  std::vector<Project> projects;
  Transition transition;
  Goodwill goodwill;
  Options options;
  std::optional<Delivery> delivery;  ///< absent unless it asks for something
};

/// The largest request text ParseLetterRequest() accepts, in bytes.
inline constexpr size_t kMaxRequestBytes = 4 * 1024 * 1024;
/// How deeply arrays and objects may nest; the schema needs four levels.
inline constexpr size_t kMaxJsonDepth = 32;

/// Parses and validates one request (UTF-8 JSON text). `today` is the letter
/// date when the request gives none.
///
/// Returns kUnparseable ("line 3, column 7: …", "not valid UTF-8 at byte 12")
/// for text that is not a JSON object in valid UTF-8, nested deeper than
/// kMaxJsonDepth or longer than kMaxRequestBytes; kInvalid with every
/// offending field otherwise (missing, wrong type, unknown field, impossible
/// date, bad amount, …), each with its RFC 6901 pointer. Never returns a
/// partly filled request. Strings come back trimmed; "" and null in optional
/// fields count as absent. Thread-safe.
///
///   Result<LetterRequest> r = ParseLetterRequest(body, today);
///   if (!r.ok()) return r.status();  // errors(): {"/contract/notice_period/unit",
///                                    //            "must be one of days, weeks, months"}
Result<LetterRequest> ParseLetterRequest(std::string_view json, Date today);

}  // namespace parting
