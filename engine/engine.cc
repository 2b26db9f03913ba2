#include "parting/engine.h"

#include <chrono>
#include <ctime>

#include "compose/composer.h"
#include "compose/letterhead.h"
#include "engine_impl.h"
#include "layout/typesetter.h"
#include "parting/fingerprint.h"
#include "pdf/pdf_writer.h"
#include "pdf/sign.h"

namespace parting {

namespace {

// The signature of a final letter, in the room left for it above the
// signer's name (the last page when the layout has none).
Result<std::string> SignLetter(std::string pdf, const layout::PageTree& pages,
                               const LetterRequest& request, const std::string& subject,
                               const pdf::Signer& signer, std::time_t time) {
  pdf::SignatureField field;
  if (pages.signature) {
    field.page = pages.signature->page;
    field.x = pages.signature->x;
    field.y = pages.signature->y;
    field.width = pages.signature->width;
    field.height = pages.signature->height;
  } else {
    field.page = static_cast<int>(pages.pages.size()) - 1;
    field.x = 70;
    field.y = 700;
    field.width = 180;
    field.height = 30;
  }
  field.name = !request.sender.name.empty() ? request.sender.name : signer.common_name();
  field.reason = subject;
  field.time = time;
  return pdf::SignPdf(pdf, signer, field);
}

// The calendar day of `time` in UTC, the zone of the signature's /M.
Date UtcDate(std::time_t time) { return Date::FromDays(time / 86400); }

}  // namespace

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
  if (resources.signing) {
    const SigningIdentity& id = *resources.signing;
    auto signer = id.pkcs12.empty() ? pdf::Signer::FromPem(id.certificate, id.key)
                                    : pdf::Signer::FromPkcs12(id.pkcs12, id.password);
    if (!signer.ok()) return signer.status();
    impl->signer = *signer;
  }
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

Result<RenderedLetter> Engine::RenderWithPlan(const LetterRequest& request,
                                              std::string fingerprint) const {
  if (request.options.sign && !impl_->signer) {
    return Status::Invalid({{"/options/sign",
                             "this service signs no letters: it has no signing certificate "
                             "(--signing-cert and --signing-key, or --signing-p12)"}});
  }
  auto plan = MakePlan(request);
  if (!plan.ok()) return plan.status();
  auto document = impl_->composer->Compose(request, *plan);
  if (!document.ok()) return document.status();
  // A signed letter says in its signature field who signed and when: the
  // certificate's name and the day of the signature's time.
  const std::time_t signing_time =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  if (request.options.sign) {
    const std::string& common_name = impl_->signer->common_name();
    document->signature_caption =
        compose::SignatureCaption(*document,
                                  !common_name.empty()           ? common_name
                                  : !request.sender.name.empty() ? request.sender.name
                                                                 : request.sender.organization,
                                  UtcDate(signing_time));
  }
  auto pages = impl_->typesetter->Lay(*document);
  if (!pages.ok()) return pages.status();
  auto pdf = pdf::WritePdf(*pages, pdf::WriteOptions{request.options.archive});
  if (!pdf.ok()) return pdf.status();
  if (request.options.sign) {
    pdf = SignLetter(std::move(*pdf), *pages, request, document->subject, *impl_->signer,
                     signing_time);
    if (!pdf.ok()) return pdf.status();
  }
  if (fingerprint.empty()) fingerprint = Fingerprint(request);
  return RenderedLetter{std::move(*pdf), std::move(*plan), std::move(fingerprint),
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
