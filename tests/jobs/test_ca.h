// A throw-away certificate authority made with the openssl command, and
// server certificates it signs: one for 127.0.0.1 and localhost, one for
// another name (mail.example), to test that TLS peers are verified.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace parting::testing {

struct TestCa {
  std::filesystem::path dir;
  std::filesystem::path ca;                            ///< the CA certificate (PEM)
  std::filesystem::path certificate, key;              ///< for 127.0.0.1 and localhost
  std::filesystem::path other_certificate, other_key;  ///< for mail.example only
};

inline void Openssl(const std::string& arguments) {
  int status = 0;
  const std::string output = RunCommand("openssl " + arguments + " 2>&1", &status);
  REQUIRE_MESSAGE(status == 0, "openssl " << arguments << ": " << output);
}

inline TestCa MakeTestCa() {
  TestCa ca;
  ca.dir = TempDir("parting_test_ca_");
  const std::string d = ca.dir.string() + "/";
  ca.ca = ca.dir / "ca.pem";
  Openssl("req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Parting Test CA' -keyout " + d +
          "ca.key -out " + d +
          "ca.pem -addext basicConstraints=critical,CA:TRUE -addext "
          "keyUsage=critical,keyCertSign,cRLSign");
  auto issue = [&](const std::string& name, const std::string& names) {
    WriteFile(ca.dir / (name + ".ext"), "subjectAltName=" + names +
                                            "\nbasicConstraints=CA:FALSE\n"
                                            "extendedKeyUsage=serverAuth\n");
    Openssl("req -newkey rsa:2048 -nodes -subj '/CN=" + name + "' -keyout " + d + name +
            ".key -out " + d + name + ".csr");
    Openssl("x509 -req -in " + d + name + ".csr -CA " + d + "ca.pem -CAkey " + d +
            "ca.key -CAcreateserial -days 2 -out " + d + name + ".pem -extfile " + d + name +
            ".ext");
  };
  issue("local", "IP:127.0.0.1,DNS:localhost");
  issue("other", "DNS:mail.example");
  ca.certificate = ca.dir / "local.pem";
  ca.key = ca.dir / "local.key";
  ca.other_certificate = ca.dir / "other.pem";
  ca.other_key = ca.dir / "other.key";
  return ca;
}

}  // namespace parting::testing
