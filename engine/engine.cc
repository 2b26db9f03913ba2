#include "parting/engine.h"

#include <chrono>
#include <ctime>

#include "compose/composer.h"
#include "parting/fingerprint.h"
#include "layout/typesetter.h"
#include "pdf/pdf_writer.h"

namespace parting {

struct Engine::Impl {
  Resources resources;
  std::shared_ptr<const compose::Composer> composer;
  std::shared_ptr<const layout::Typesetter> typesetter;
};

Resources Resources::FromRoot(const std::filesystem::path& root) {
  Resources r;
  r.templates_dir = root / "letter_templates";
  r.fonts_dir = root / "fonts";
  r.today = [] {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  };
  return r;
}

Result<std::shared_ptr<const Engine>> Engine::Create(Resources resources) {
  auto impl = std::make_unique<Impl>();
  auto composer = compose::Composer::Load(resources.templates_dir);
  if (!composer.ok()) return composer.status();
  auto typesetter = layout::Typesetter::Load(resources.fonts_dir);
  if (!typesetter.ok()) return typesetter.status();
  impl->resources = std::move(resources);
  impl->composer = *composer;
  impl->typesetter = *typesetter;
  return std::shared_ptr<const Engine>(std::make_shared<Engine>(std::move(impl)));
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<Plan> Engine::PlanLetter(std::string_view request_json) const {
  auto request = ParseRequest(request_json);
  if (!request.ok()) return request.status();
  return MakePlan(*request);
}

Result<std::string> Engine::PlanJson(std::string_view request_json) const {
  auto plan = PlanLetter(request_json);
  if (!plan.ok()) return plan.status();
  return PlanToJson(*plan);
}

Result<std::string> Engine::Render(std::string_view request_json) const {
  auto request = ParseRequest(request_json);
  if (!request.ok()) return request.status();
  return RenderRequest(*request);
}

Result<std::string> Engine::RenderRequest(const LetterRequest& request) const {
  auto letter = RenderWithPlan(request);
  if (!letter.ok()) return letter.status();
  return std::move(letter->pdf);
}

Result<RenderedLetter> Engine::RenderWithPlan(const LetterRequest& request) const {
  auto plan = MakePlan(request);
  if (!plan.ok()) return plan.status();
  auto document = impl_->composer->Compose(request, *plan);
  if (!document.ok()) return document.status();
  auto pages = impl_->typesetter->Lay(*document);
  if (!pages.ok()) return pages.status();
  auto pdf = pdf::WritePdf(*pages);
  if (!pdf.ok()) return pdf.status();
  return RenderedLetter{std::move(*pdf), std::move(*plan), Fingerprint(request),
                        document->subject, document->salutation};
}

Result<LetterRequest> Engine::ParseRequest(std::string_view request_json) const {
  return ParseLetterRequest(request_json, impl_->resources.today());
}

void Engine::WarmUp() const { impl_->typesetter->WarmUp(); }

std::vector<LocalizedReason> Engine::Reasons(Language language) const {
  std::vector<LocalizedReason> out;
  for (auto& r : impl_->composer->ReasonLabels(language)) out.push_back({r.id, r.label});
  return out;
}

}  // namespace parting
