// Engine: the whole pipeline, JSON request -> plan or PDF.
//
// Build one with Engine::Create() at start-up (fonts opened, templates
// compiled and checked); then Plan() and Render() are const and safe to call
// from many threads at once. The command line and the server are thin callers.
//
//   auto engine = parting::Engine::Create(parting::Resources::FromRoot("."));
//   if (!engine.ok()) die(engine.status().ToString());
//   parting::Result<std::string> pdf = (*engine)->Render(json_text);
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/date.h"
#include "parting/plan.h"
#include "parting/request.h"
#include "parting/status.h"

namespace parting {

/// The certificate that signs letters asking for `options.sign`: a PEM
/// certificate (any intermediates after it) with its PEM key, or a PKCS#12
/// file with its password. Configured by the operator, never by a request.
struct SigningIdentity {
  std::filesystem::path certificate;
  std::filesystem::path key;
  std::filesystem::path pkcs12;
  std::string password;
};

/// Everything the engine reads from outside: where the templates and fonts
/// are, what day it is, and who signs.
struct Resources {
  std::filesystem::path templates_dir;  ///< letter_templates/
  std::filesystem::path fonts_dir;      ///< fonts/
  std::function<Date()> today;          ///< the local date
  std::optional<SigningIdentity> signing;  ///< none: `options.sign` is refused

  /// templates and fonts below one project or install folder; today from the
  /// system clock (local time).
  static Resources FromRoot(const std::filesystem::path& root);
};

struct LocalizedReason {
  std::string id;
  std::string label;
};

/// One rendered letter with what a batch manifest and a cover e-mail need.
struct RenderedLetter {
  std::string pdf;          ///< the PDF bytes
  Plan plan;                ///< the facts the letter states
  std::string fingerprint;  ///< Fingerprint() of the request
  std::string subject;      ///< the letter's subject line, as printed
  std::string salutation;   ///< "Sehr geehrter Herr Müller,", as printed
};

class Engine {
 public:
  static Result<std::shared_ptr<const Engine>> Create(Resources resources);

  /// Parses, validates and plans. kUnparseable / kInvalid with pointers.
  Result<Plan> PlanLetter(std::string_view request_json) const;
  /// The plan as api.md's JSON.
  Result<std::string> PlanJson(std::string_view request_json) const;
  /// The letter as PDF bytes.
  Result<std::string> Render(std::string_view request_json) const;
  Result<std::string> RenderRequest(const LetterRequest& request) const;
  /// The letter with its plan, fingerprint, subject and salutation; the same
  /// failures as RenderRequest(). `fingerprint`: the request's Fingerprint()
  /// when the caller has it already (a batch has, to skip letters written
  /// before), so that it is not computed twice; computed when empty.
  Result<RenderedLetter> RenderWithPlan(const LetterRequest& request,
                                        std::string fingerprint = {}) const;
  /// A redline of two drafts of one letter: `{"before": <request>, "after":
  /// <request>}` -> the after letter as a draft in which inserted words are
  /// underlined and deleted words struck through, after a first page of the
  /// facts that changed ("no changes" when none did). kUnparseable for text
  /// that is not such an object; kInvalid with pointers below /before and
  /// /after, and /after/language when the two languages differ.
  Result<std::string> Compare(std::string_view body) const;
  /// The same for two parsed requests; pointers of plan and compose errors
  /// get the prefixes /before and /after.
  Result<std::string> CompareRequests(LetterRequest before, LetterRequest after) const;
  /// ParseLetterRequest() with the engine's today as the default letter date.
  Result<LetterRequest> ParseRequest(std::string_view request_json) const;

  std::vector<LocalizedReason> Reasons(Language language) const;

  /// Opens what Create() leaves for first use (hyphenation dictionaries; the
  /// German one takes seconds). A service calls it once, in the background,
  /// right after start-up. Thread-safe.
  void WarmUp() const;

  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  ~Engine();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parting
