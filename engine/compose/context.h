// The Mustache context of one letter: request + plan -> the keys of
// context_schema.h, every request value cleaned and wrapped (escape.h),
// dates and amounts formatted for the letter's language (engine/locale).
//
// Optional values the input does not give are left out, never filled with a
// guess; templates guard them (the template check enforces it). Pure,
// thread-safe.
#pragma once

#include <kainjow/mustache.hpp>

#include "compose/template_set.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {

using MustacheData = kainjow::mustache::data;

/// The context object for `request` and `plan`, in `request.language`;
/// `labels` give the courtesy words before a name (name_prefix).
MustacheData BuildContext(const LetterRequest& request, const Plan& plan,
                          const Labels& labels = {});

/// Whether `plan` has `section` and the request gives it something to say
/// (a projects part needs projects, a goodwill part a goodwill kind, …).
bool HasSection(const LetterRequest& request, const Plan& plan, Section section);

}  // namespace parting::compose
