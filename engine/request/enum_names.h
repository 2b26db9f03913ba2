// How the request spells its enum values: one table per enum, read by the
// section readers (ReadEnum) and written back by CanonicalJson (NameOf), so
// that a spelling is given once.
#pragma once

#include <cstddef>
#include <string_view>

#include "parting/request.h"
#include "request/json_reader.h"

namespace parting::request {

inline constexpr EnumName<TimeUnit> kTimeUnits[] = {
    {"days", TimeUnit::kDays},
    {"weeks", TimeUnit::kWeeks},
    {"months", TimeUnit::kMonths},
};

inline constexpr EnumName<NoticeAnchor> kNoticeAnchors[] = {
    {"any_day", NoticeAnchor::kAnyDay},
    {"end_of_month", NoticeAnchor::kEndOfMonth},
    {"end_of_quarter", NoticeAnchor::kEndOfQuarter},
};

inline constexpr EnumName<GoodwillKind> kGoodwillKinds[] = {
    {"none", GoodwillKind::kNone},
    {"refund_last_month", GoodwillKind::kRefundLastMonth},
    {"cancel_last_invoice", GoodwillKind::kCancelLastInvoice},
    {"waive_fee", GoodwillKind::kWaiveFee},
};

inline constexpr EnumName<Paper> kPapers[] = {
    {"A4", Paper::kA4},
    {"letter", Paper::kLetter},
};

inline constexpr EnumName<FormOfAddress> kFormsOfAddress[] = {
    {"mr", FormOfAddress::kMr},
    {"ms", FormOfAddress::kMs},
    {"neutral", FormOfAddress::kNeutral},
};

/// The spelling of `value` in `names` (every value has one).
template <typename E, std::size_t N>
constexpr std::string_view NameOf(const EnumName<E> (&names)[N], E value) {
  for (const EnumName<E>& n : names)
    if (n.value == value) return n.name;
  return names[0].name;
}

}  // namespace parting::request
