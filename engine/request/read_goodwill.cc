// ReadGoodwill and ReadOptions: the parting gesture and how the letter is made.
#include "request/enum_names.h"
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {

Goodwill ReadGoodwill(const Node& node, const std::string& contract_currency, ErrorSink& sink) {
  Goodwill goodwill;
  goodwill.currency = contract_currency;
  std::optional<ObjectReader> object =
      ReadObject(node, {"kind", "amount", "currency", "invoice"}, sink);
  if (!object) return goodwill;
  goodwill.kind =
      ReadEnum(object->Field("kind"), kGoodwillKinds, sink).value_or(GoodwillKind::kNone);
  const Node amount = object->Field("amount");
  goodwill.amount = ReadAmount(amount, sink);
  const Node currency = object->Field("currency");
  if (std::optional<std::string> code = ReadCurrency(currency, sink)) goodwill.currency = *code;
  // An amount must say what money it is in, here or in the contract.
  if (goodwill.amount && goodwill.currency.empty() && !Given(currency))
    sink.Add(currency.pointer, "is required for an amount when the contract has no currency");
  // ... and be a sum that money can be paid in: no "¥2,400.50".
  if (goodwill.amount && !goodwill.currency.empty()) {
    const int digits = CurrencyFractionDigits(goodwill.currency);
    if (digits < 2 && goodwill.amount->cents % (digits == 0 ? 100 : 10) != 0) {
      sink.Add(amount.pointer,
               digits == 0
                   ? "must be a whole number of " + goodwill.currency + ", which has no minor unit"
                   : "must have at most one decimal in " + goodwill.currency);
      goodwill.amount.reset();
    }
  }
  goodwill.invoice = ReadString(object->Field("invoice"), kNameChars, sink).value_or("");
  return goodwill;
}

Options ReadOptions(const Node& node, ErrorSink& sink) {
  Options options;
  std::optional<ObjectReader> object = ReadObject(node, {"paper", "draft", "apology", "fallback_clause", "confirm_receipt", "sign", "archive"},
                 sink);
  if (!object) return options;
  options.paper = ReadEnum(object->Field("paper"), kPapers, sink).value_or(Paper::kA4);
  options.draft = ReadBool(object->Field("draft"), sink).value_or(false);
  options.apology = ReadBool(object->Field("apology"), sink).value_or(true);
  options.fallback_clause = ReadBool(object->Field("fallback_clause"), sink).value_or(true);
  options.confirm_receipt = ReadBool(object->Field("confirm_receipt"), sink).value_or(true);
  const Node& sign = object->Field("sign");
  options.sign = ReadBool(sign, sink).value_or(false);
  if (options.sign && options.draft)
    sink.Add(sign.pointer, "a draft is never signed: sign the final letter (draft false)");
  const Node& archive = object->Field("archive");
  options.archive = ReadBool(archive, sink).value_or(false);
  if (options.archive && options.draft)
    sink.Add(archive.pointer,
             "a draft is not archived: the archive copy is of the final letter (draft false)");
  return options;
}

}  // namespace parting::request
