// Validates request files against the LetterRequest schema of
// docs/openapi.json with Ajv (JSON Schema 2020-12, formats from ajv-formats).
//
//   node tests/schema/validate.mjs docs/openapi.json DIR
//
// Prints one line per *.json file of DIR, sorted: "NAME valid" or
// "NAME invalid POINTER MESSAGE" (the first error). A file that is not JSON
// is "NAME unparseable". Exit status 0 unless the schema itself is broken.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [openapiPath, dir] = process.argv.slice(2);
const openapi = JSON.parse(readFileSync(openapiPath, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
// OpenAPI's $refs point into the document: register it whole, validate one schema.
ajv.addSchema({ ...openapi, $id: "openapi.json" });
const validate = ajv.getSchema("openapi.json#/components/schemas/LetterRequest");
if (!validate) {
  console.error("validate: no #/components/schemas/LetterRequest");
  process.exit(2);
}
for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  let request;
  try {
    request = JSON.parse(readFileSync(join(dir, name), "utf8"));
  } catch {
    console.log(`${name} unparseable`);
    continue;
  }
  if (validate(request)) {
    console.log(`${name} valid`);
  } else {
    const error = validate.errors[0];
    console.log(`${name} invalid ${error.instancePath || "/"} ${error.message}`);
  }
}
