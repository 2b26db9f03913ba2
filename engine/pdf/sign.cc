#include "pdf/sign.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "pdf/sign_structure.h"
#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

// Room for the CMS beyond the size a trial signature had: ECDSA signatures
// vary by a few bytes from one signing to the next.
constexpr size_t kContentsSlack = 64;
// "[0 a b c]" with room for three ten-digit numbers, padded with spaces.
constexpr size_t kByteRangeWidth = 3 + 3 * 11 + 1;

std::string OpenSslError() {
  const unsigned long code = ERR_get_error();
  if (code == 0) return "unknown OpenSSL error";
  char text[256];
  ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

void FreeCertificates(STACK_OF(X509) * certificates) { sk_X509_pop_free(certificates, X509_free); }

Result<std::string> ReadFile(const std::filesystem::path& path, const char* flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(std::string(flag) + ": cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A PDF text string: UTF-16BE with its byte order mark, in hex.
std::string TextString(std::string_view utf8) {
  std::string out = "<FEFF";
  char hex[5];
  for (uint16_t unit : Utf16Units(utf8)) {
    std::snprintf(hex, sizeof hex, "%04X", unit);
    out += hex;
  }
  return out + ">";
}

std::string PdfDate(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "(D:%Y%m%d%H%M%SZ)", &utc);
  return text;
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

// The byte offset that the last "startxref" of `pdf` gives.
std::optional<size_t> LastXref(std::string_view pdf) {
  const size_t at = pdf.rfind("startxref");
  if (at == std::string_view::npos) return std::nullopt;
  size_t i = at + 9;
  while (i < pdf.size() && std::isspace(static_cast<unsigned char>(pdf[i]))) ++i;
  size_t value = 0;
  const size_t digits = i;
  while (i < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf[i])))
    value = value * 10 + static_cast<size_t>(pdf[i++] - '0');
  if (i == digits) return std::nullopt;
  return value;
}

// The DER of a SET OF attributes, as CMS signs it: the members' encodings
// sorted (X.690 11.6), behind the universal SET tag.
std::string SignedAttributesDer(CMS_SignerInfo* signer) {
  std::vector<std::string> members;
  for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i) {
    X509_ATTRIBUTE* attribute = CMS_signed_get_attr(signer, i);
    unsigned char* der = nullptr;
    const int n = i2d_X509_ATTRIBUTE(attribute, &der);
    if (n <= 0) return {};
    members.emplace_back(reinterpret_cast<char*>(der), static_cast<size_t>(n));
    OPENSSL_free(der);
  }
  std::sort(members.begin(), members.end());
  std::string content;
  for (const std::string& member : members) content += member;
  std::string der(1, '\x31');
  const size_t n = content.size();
  if (n < 0x80) {
    der += static_cast<char>(n);
  } else {
    std::string length;
    for (size_t rest = n; rest > 0; rest >>= 8) length.insert(length.begin(), static_cast<char>(rest & 0xFF));
    der += static_cast<char>(0x80 | length.size());
    der += length;
  }
  return der + content;
}

}  // namespace

struct Signer::Keys {
  X509* certificate = nullptr;
  EVP_PKEY* key = nullptr;
  STACK_OF(X509)* chain = nullptr;
  ~Keys() {
    X509_free(certificate);
    EVP_PKEY_free(key);
    if (chain != nullptr) FreeCertificates(chain);
  }
};

Signer::Signer(std::unique_ptr<Keys> keys) : keys_(std::move(keys)) {
  X509_NAME* subject = X509_get_subject_name(keys_->certificate);
  const int at = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
  if (at >= 0) {
    unsigned char* utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, at)));
    if (n > 0) common_name_.assign(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
    OPENSSL_free(utf8);
  }
}

Signer::~Signer() = default;

Result<std::shared_ptr<const Signer>> Signer::FromPem(const std::filesystem::path& certificate,
                                                      const std::filesystem::path& key) {
  auto certificate_pem = ReadFile(certificate, "--signing-cert");
  if (!certificate_pem.ok()) return certificate_pem.status();
  auto key_pem = ReadFile(key, "--signing-key");
  if (!key_pem.ok()) return key_pem.status();
  auto keys = std::make_unique<Keys>();
  BioPtr certificates(BIO_new_mem_buf(certificate_pem->data(), static_cast<int>(certificate_pem->size())));
  keys->certificate = PEM_read_bio_X509(certificates.get(), nullptr, nullptr, nullptr);
  if (keys->certificate == nullptr)
    return Status::NotFound(std::string("--signing-cert: ") + certificate.string() + " holds no PEM certificate");
  keys->chain = sk_X509_new_null();
  while (X509* more = PEM_read_bio_X509(certificates.get(), nullptr, nullptr, nullptr))
    sk_X509_push(keys->chain, more);
  ERR_clear_error();  // the end of the file reads as an error
  BioPtr key_bio(BIO_new_mem_buf(key_pem->data(), static_cast<int>(key_pem->size())));
  keys->key = PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
  if (keys->key == nullptr)
    return Status::NotFound(std::string("--signing-key: ") + key.string() + " holds no unencrypted PEM private key");
  if (X509_check_private_key(keys->certificate, keys->key) != 1) {
    ERR_clear_error();
    return Status::NotFound(std::string("--signing-key: ") + key.string() + " is not the key of " + certificate.string());
  }
  return std::shared_ptr<const Signer>(new Signer(std::move(keys)));
}

Result<std::shared_ptr<const Signer>> Signer::FromPkcs12(const std::filesystem::path& file,
                                                         const std::string& password) {
  auto bytes = ReadFile(file, "--signing-p12");
  if (!bytes.ok()) return bytes.status();
  BioPtr bio(BIO_new_mem_buf(bytes->data(), static_cast<int>(bytes->size())));
  PKCS12* p12 = d2i_PKCS12_bio(bio.get(), nullptr);
  if (p12 == nullptr) return Status::NotFound(std::string("--signing-p12: ") + file.string() + " is not a PKCS#12 file");
  auto keys = std::make_unique<Keys>();
  const int parsed = PKCS12_parse(p12, password.c_str(), &keys->key, &keys->certificate, &keys->chain);
  PKCS12_free(p12);
  if (parsed != 1 || keys->certificate == nullptr || keys->key == nullptr) {
    ERR_clear_error();
    return Status::NotFound(std::string("--signing-p12: ") + file.string() +
                                                ": wrong password, or no certificate with its key");
  }
  if (keys->chain == nullptr) keys->chain = sk_X509_new_null();
  return std::shared_ptr<const Signer>(new Signer(std::move(keys)));
}

Result<std::string> Signer::SignDetached(std::string_view first, std::string_view second) const {
  std::string data;
  data.reserve(first.size() + second.size());
  data.append(first).append(second);
  BioPtr in(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPtr cms(CMS_sign(nullptr, nullptr, keys_->chain, nullptr, flags));
  if (!cms) return Status::Internal("CMS_sign: " + OpenSslError());
  CMS_SignerInfo* signer = CMS_add1_signer(cms.get(), keys_->certificate, keys_->key, EVP_sha256(), flags);
  if (signer == nullptr) return Status::Internal("CMS_add1_signer: " + OpenSslError());

  // signing-certificate-v2 (RFC 5035): binds the signer's certificate.
  ESS_SIGNING_CERT_V2* binding = OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), keys_->certificate, nullptr, 1);
  if (binding == nullptr) return Status::Internal("signing-certificate-v2: " + OpenSslError());
  unsigned char* binding_der = nullptr;
  const int binding_size = i2d_ESS_SIGNING_CERT_V2(binding, &binding_der);
  ESS_SIGNING_CERT_V2_free(binding);
  const int added = binding_size > 0 ? CMS_signed_add1_attr_by_NID(signer, NID_id_smime_aa_signingCertificateV2,
                                                                   V_ASN1_SEQUENCE, binding_der, binding_size)
                                     : 0;
  OPENSSL_free(binding_der);
  if (added != 1) return Status::Internal("signing-certificate-v2: " + OpenSslError());
  if (CMS_final(cms.get(), in.get(), nullptr, flags) != 1)
    return Status::Internal("CMS_final: " + OpenSslError());

  // OpenSSL always adds a signing-time attribute, which PAdES baseline
  // signatures must not carry (the time is the signature dictionary's /M):
  // remove it and sign the remaining attributes again.
  const int time_at = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
  if (time_at >= 0) {
    X509_ATTRIBUTE_free(CMS_signed_delete_attr(signer, time_at));
    const std::string attributes = SignedAttributesDer(signer);
    if (attributes.empty()) return Status::Internal("cannot encode the signed attributes");
    MdCtxPtr context(EVP_MD_CTX_new());
    size_t size = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, keys_->key) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size,
                       reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1)
      return Status::Internal("signing: " + OpenSslError());
    std::vector<unsigned char> signature(size);
    if (EVP_DigestSign(context.get(), signature.data(), &size,
                       reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1)
      return Status::Internal("signing: " + OpenSslError());
    if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(size)) != 1)
      return Status::Internal("signing: " + OpenSslError());
  }
  unsigned char* der = nullptr;
  const int n = i2d_CMS_ContentInfo(cms.get(), &der);
  if (n <= 0) return Status::Internal("i2d_CMS_ContentInfo: " + OpenSslError());
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

Result<std::string> SignPdf(std::string_view pdf, const Signer& signer, const SignatureField& field) {
  const std::optional<size_t> previous_xref = LastXref(pdf);
  if (!previous_xref) return Status::Internal("signing: the PDF has no startxref");
  QPDF document;
  try {
    document.setSuppressWarnings(true);
    document.processMemoryFile("letter", pdf.data(), pdf.size());
  } catch (const std::exception& e) {
    return Status::Internal(std::string("signing: cannot read the PDF: ") + e.what());
  }
  QPDFObjectHandle root = document.getRoot();
  if (root.hasKey("/AcroForm")) return Status::Internal("signing: the PDF already has a form");
  const std::vector<QPDFObjectHandle> pages = document.getAllPages();
  if (field.page < 0 || static_cast<size_t>(field.page) >= pages.size())
    return Status::Internal("signing: the PDF has no page " + std::to_string(field.page + 1));
  QPDFObjectHandle page = pages[static_cast<size_t>(field.page)];
  const double page_height = page.getKey("/MediaBox").getArrayItem(3).getNumericValue();

  // New objects: the signature dictionary, the field's widget, its look.
  QPDFObjectHandle signature = document.makeIndirectObject(QPDFObjectHandle::newNull());
  QPDFObjectHandle widget = document.makeIndirectObject(QPDFObjectHandle::newNull());
  QPDFObjectHandle look = document.makeIndirectObject(QPDFObjectHandle::newNull());
  // In a tagged letter, the widget is a Form element of the signer's block.
  QPDFObjectHandle form = document.makeIndirectObject(QPDFObjectHandle::newNull());
  const WidgetTag tag = TagWidget(document, widget, form);
  auto ref = [](const QPDFObjectHandle& object) {
    return std::to_string(object.getObjectID()) + " 0 R";
  };

  QPDFObjectHandle catalog = root.shallowCopy();
  catalog.replaceKey("/AcroForm", QPDFObjectHandle::parse("<< /SigFlags 3 >>"));
  QPDFObjectHandle fields = QPDFObjectHandle::newArray();
  fields.appendItem(widget);
  catalog.getKey("/AcroForm").replaceKey("/Fields", fields);

  QPDFObjectHandle page_copy = page.shallowCopy();
  QPDFObjectHandle annotations = QPDFObjectHandle::newArray();
  if (page.hasKey("/Annots") && page.getKey("/Annots").isArray())
    for (const QPDFObjectHandle& item : page.getKey("/Annots").aitems()) annotations.appendItem(item);
  annotations.appendItem(widget);
  page_copy.replaceKey("/Annots", annotations);
  // Tab order follows the structure (PDF/UA-1, 7.18.3).
  if (!tag.objects.empty()) page_copy.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));

  const double x1 = field.x, y1 = page_height - field.y - field.height;
  const double x2 = field.x + field.width, y2 = page_height - field.y;
  // The look: a thin frame, and a tick, drawn without a font (nothing to embed).
  const std::string w = Number(field.width), h = Number(field.height);
  const std::string look_stream = "q 0.2 0.35 0.6 RG 0.8 w 0.4 0.4 " + Number(field.width - 0.8) + " " +
                                  Number(field.height - 0.8) + " re S 1.6 w " + Number(field.height * 0.25) +
                                  " " + Number(field.height * 0.5) + " m " + Number(field.height * 0.42) + " " +
                                  Number(field.height * 0.3) + " l " + Number(field.height * 0.8) + " " +
                                  Number(field.height * 0.72) + " l S Q\n";

  std::string update;
  if (!pdf.empty() && pdf.back() != '\n') update += '\n';
  std::vector<std::pair<int, size_t>> offsets;  // object number, offset
  auto begin_object = [&](int number) {
    offsets.emplace_back(number, pdf.size() + update.size());
    update += std::to_string(number) + " 0 obj\n";
  };
  begin_object(root.getObjectID());
  update += catalog.unparse() + "\nendobj\n";
  begin_object(page.getObjectID());
  update += page_copy.unparse() + "\nendobj\n";

  // The signature dictionary, with room for the CMS: its size is learnt from
  // a trial signature of the same signer.
  auto trial = signer.SignDetached("trial", "");
  if (!trial.ok()) return trial.status();
  const size_t reserved = trial->size() + kContentsSlack;
  begin_object(signature.getObjectID());
  update += "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ";
  const size_t byte_range_at = pdf.size() + update.size();
  update += std::string(kByteRangeWidth, ' ');
  update += " /Contents ";
  const size_t contents_at = pdf.size() + update.size();
  update += "<" + std::string(2 * reserved, '0') + ">";
  const size_t contents_end = pdf.size() + update.size();
  update += " /M " + PdfDate(field.time) + " /Name " + TextString(field.name) + " /Reason " +
            TextString(field.reason);
  if (!field.location.empty()) update += " /Location " + TextString(field.location);
  update += " >>\nendobj\n";

  begin_object(widget.getObjectID());
  update += "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T " + TextString("Signature1") +
            " /TU " + TextString(field.name) + " /V " + ref(signature) + " /P " + ref(page) +
            " /Rect [" + Number(x1) + " " + Number(y1) + " " + Number(x2) + " " + Number(y2) +
            "] /AP << /N " + ref(look) + " >>" + tag.widget_keys + " >>\nendobj\n";
  begin_object(look.getObjectID());
  update += "<< /Type /XObject /Subtype /Form /BBox [0 0 " + w + " " + h + "] /Length " +
            std::to_string(look_stream.size()) + " >>\nstream\n" + look_stream + "endstream\nendobj\n";
  for (const auto& [number, text] : tag.objects) {
    begin_object(number);
    update += text + "\nendobj\n";
  }

  // Cross-reference section for the objects written, and the trailer.
  std::sort(offsets.begin(), offsets.end());
  const size_t xref_at = pdf.size() + update.size();
  update += "xref\n";
  for (size_t i = 0; i < offsets.size();) {
    size_t j = i;
    while (j + 1 < offsets.size() && offsets[j + 1].first == offsets[j].first + 1) ++j;
    update += std::to_string(offsets[i].first) + " " + std::to_string(j - i + 1) + "\n";
    for (size_t k = i; k <= j; ++k) {
      char entry[24];
      std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[k].second);
      update += entry;
    }
    i = j + 1;
  }
  QPDFObjectHandle trailer = document.getTrailer().shallowCopy();
  trailer.removeKey("/XRefStm");
  // A letter whose cross-reference is a stream (pdf/object_stream.h): its
  // dictionary's stream keys are no trailer's.
  for (const char* key : {"/Type", "/W", "/Index", "/Filter", "/DecodeParms", "/Length"})
    trailer.removeKey(key);
  trailer.replaceKey("/Size", QPDFObjectHandle::newInteger(form.getObjectID() + 1));
  trailer.replaceKey("/Prev", QPDFObjectHandle::newInteger(static_cast<long long>(*previous_xref)));
  update += "trailer\n" + trailer.unparse() + "\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";

  std::string out;
  out.reserve(pdf.size() + update.size());
  out.append(pdf).append(update);
  char range[kByteRangeWidth + 1];
  const int written = std::snprintf(range, sizeof range, "[0 %zu %zu %zu]", contents_at, contents_end,
                                    out.size() - contents_end);
  if (written < 0 || static_cast<size_t>(written) > kByteRangeWidth)
    return Status::Internal("signing: the letter is too large to sign");
  std::memcpy(out.data() + byte_range_at, range, static_cast<size_t>(written));

  auto cms = signer.SignDetached(std::string_view(out).substr(0, contents_at),
                                 std::string_view(out).substr(contents_end));
  if (!cms.ok()) return cms.status();
  if (cms->size() > reserved) return Status::Internal("signing: the signature outgrew its room");
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < cms->size(); ++i) {
    const auto byte = static_cast<unsigned char>((*cms)[i]);
    out[contents_at + 1 + 2 * i] = kHex[byte >> 4];
    out[contents_at + 2 + 2 * i] = kHex[byte & 0xF];
  }
  return out;
}

}  // namespace parting::pdf
