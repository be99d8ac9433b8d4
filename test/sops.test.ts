import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/load.js";
import { scan } from "../src/engine/scan.js";
import { listCases, materialise } from "./helpers/fixtures.js";
import { removeTempDirs } from "./helpers/repo.js";
import { AGE_RECIPIENT_HRP, AGE_SECRET_KEY_HRP, ageIdentitiesIn, ageRecipientOf, bech32Decode, bech32Encode, bech32Words, isAgeRecipient, shortRecipient } from "../src/analysis/age-keys.js";
import { sopsCreationRules } from "../src/analysis/manifests/sops.js";
import { createSourceFile } from "../src/core/source-file.js";
import { classify } from "../src/core/file-kinds.js";

// The X25519 identity of the C2SP age test vectors (CCTV age/testdata/x25519), assembled so no
// age key appears whole in this file; its recipient as `age-keygen -y` prints it.
const VECTOR_IDENTITY = ["AGE-SECRET-KEY-1", "XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6"].join("");
const VECTOR_RECIPIENT = "age1w3tyke4gev25vaxxsvcgqu4484rf6ejpmavs57p6yz6lhy2sfs5swrvwyn";

/** A fresh X25519 key pair as age would print it: the identity and its recipient, made by Node's crypto. */
function freshPair(): { identity: string; recipient: string } {
  const { privateKey, publicKey } = generateKeyPairSync("x25519");
  const d = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  const x = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return { identity: bech32Encode(AGE_SECRET_KEY_HRP, d).toUpperCase(), recipient: bech32Encode(AGE_RECIPIENT_HRP, x) };
}

describe("bech32 (BIP-173)", () => {
  it("accepts the specification's valid strings", () => {
    for (const valid of ["A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"]) {
      expect(bech32Words(valid), valid).not.toBeNull();
    }
  });

  it("rejects the specification's invalid strings", () => {
    for (const invalid of ["\x201nwldj5", "pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "A1G7SGD8", "10a06t8", "1qzzfhee", "A12uEL5L"]) {
      expect(bech32Words(invalid), JSON.stringify(invalid)).toBeNull();
    }
  });

  it("round-trips bytes", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => (i * 37) & 0xff);
    const decoded = bech32Decode(bech32Encode("age", bytes));
    expect(decoded?.hrp).toBe("age");
    expect([...decoded!.bytes]).toEqual([...bytes]);
  });
});

describe("age identities and recipients", () => {
  it("derives the published test vector's recipient", () => {
    expect(ageRecipientOf(VECTOR_IDENTITY)).toBe(VECTOR_RECIPIENT);
    expect(isAgeRecipient(VECTOR_RECIPIENT)).toBe(true);
  });

  it("derives the recipient of a key pair made at test time", () => {
    for (let i = 0; i < 5; i++) {
      const { identity, recipient } = freshPair();
      expect(ageRecipientOf(identity)).toBe(recipient);
    }
  });

  it("rejects a key whose checksum fails or whose case is mixed", () => {
    const broken = VECTOR_IDENTITY.slice(0, -1) + (VECTOR_IDENTITY.endsWith("Q") ? "P" : "Q");
    expect(ageRecipientOf(broken)).toBeNull();
    expect(ageRecipientOf(VECTOR_IDENTITY.slice(0, 20) + VECTOR_IDENTITY.slice(20).toLowerCase())).toBeNull();
    expect(ageIdentitiesIn(`key: ${broken}\n`)).toEqual([]);
  });

  it("finds identities in a key file and reports only their recipients", () => {
    const text = `# created: 2024-01-01T00:00:00Z\n# public key: ${VECTOR_RECIPIENT}\n${VECTOR_IDENTITY}\n`;
    const found = ageIdentitiesIn(text);
    expect(found).toEqual([{ start: text.indexOf("AGE-"), end: text.indexOf("AGE-") + VECTOR_IDENTITY.length, recipient: VECTOR_RECIPIENT }]);
    expect(JSON.stringify(found)).not.toContain(VECTOR_IDENTITY.slice(16));
  });

  it("shortens a recipient for messages", () => {
    expect(shortRecipient(VECTOR_RECIPIENT)).toBe("age1w3ty…rvwyn");
  });
});

describe("SOPS creation rules", () => {
  it("reads comma-separated and key-group recipients with their places", () => {
    const other = freshPair().recipient;
    const text = [
      "creation_rules:",
      "  - path_regex: secrets/.*\\.yaml$",
      `    age: ${VECTOR_RECIPIENT}, ${other}`,
      "  - path_regex: terraform/.*\\.tfvars$",
      "    key_groups:",
      "      - age:",
      `          - ${other}`,
      "        pgp:",
      "          - FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4",
      "  - kms: arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "",
    ].join("\n");
    const rules = sopsCreationRules(createSourceFile({ path: ".sops.yaml", kind: classify(".sops.yaml"), text, size: text.length, tracked: true }));
    expect(rules.map((r) => r.pathRegex)).toEqual(["secrets/.*\\.yaml$", "terraform/.*\\.tfvars$", null]);
    expect(rules.map((r) => r.recipients.map((x) => x.recipient))).toEqual([[VECTOR_RECIPIENT, other], [other], []]);
    for (const r of rules.flatMap((rule) => rule.recipients)) expect(text.slice(r.start, r.end)).toBe(r.recipient);
  });
});

describe("sops-recipient-key-committed on a repository", () => {
  afterAll(removeTempDirs);

  it("is an error for operational rules, a warning for examples, and never shows the key", async () => {
    const fixture = listCases().find((c) => c.rule === "sops-recipient-key-committed" && c.name === "demo-key-in-examples")!;
    const result = await scan({ root: materialise(fixture), config: defaultConfig() });
    const findings = result.findings.filter((f) => f.ruleId === "sops-recipient-key-committed");
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [8, "error"],
      [14, "error"],
      [20, "warning"],
    ]);
    expect(findings[0]!.message).toContain("Files matching `(secrets|k8s/.*/secrets)/.*\\.(ya?ml|json)$` are encrypted for age1w3ty…rvwyn");
    expect(findings[0]!.message).toContain("committed at examples/sops/demo.agekey:3");
    expect(findings[0]!.checklist).toContain("encrypted-at-rest");
    expect(JSON.stringify(result)).not.toContain(VECTOR_IDENTITY.slice(16, 40));
  });
});
