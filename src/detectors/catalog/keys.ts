// Private keys: PEM (RSA, EC, DSA, PKCS#8, encrypted PKCS#8), OpenSSH, PGP, age, PuTTY, and
// PEM keys stored base64-encoded (Kubernetes Secrets, kubeconfig client-key-data).
import type { Detector } from "../types.js";
import { bareToken, decodeBase64, pemBlock } from "../patterns.js";
import { shannonEntropy } from "../entropy.js";
import { BASE64, BECH32_UPPER, base64, fake, fakePem } from "../samples.js";

/** A key's body is random: a stand-in (`MIIE…your key…`, repeated `A`s) is not. */
function hasRandomBody(block: string): boolean {
  const body = block
    .replace(/-----(?:BEGIN|END) [A-Z0-9 ]+-----/g, "")
    .replace(/^[A-Za-z-]+: .*$/gm, "")
    .replace(/\\n|\s/g, "");
  return body.length >= 64 && shannonEntropy(body) >= 4.5;
}

function pemKey(spec: { id: string; description: string; label: string; source: string; severity?: "warning" }): Detector {
  const { id, description, label, source, severity } = spec;
  const yamlIndented = fakePem(label, `${id}-yaml`).replace(/^/gm, "    ");
  return {
    id,
    description,
    source,
    keywords: [`begin ${label.toLowerCase()}`],
    pattern: new RegExp(pemBlock(label)),
    confidence: "high",
    ...(severity ? { severity } : {}),
    validate: hasRandomBody,
    get samples() {
      return {
        truePositives: [
          fakePem(label, `${id}-1`),
          `tls.key: |\n${yamlIndented}`,
          `{"key": "${fakePem(label, `${id}-json`, { eol: "\\n" })}\\n"}`,
        ],
        falsePositives: [
          { text: `-----BEGIN ${label}-----\n...\n-----END ${label}-----`, why: "an elided key in documentation" },
          { text: `-----BEGIN ${label}-----\n${"A".repeat(64)}\n${"A".repeat(64)}\n-----END ${label}-----`, why: "a body without randomness" },
          { text: fakePem("PUBLIC KEY", `${id}-public`), why: "a public key" },
          { text: fakePem("CERTIFICATE", `${id}-cert`), why: "a certificate" },
        ],
      };
    },
  };
}

const PEM_DOCS = "https://www.rfc-editor.org/rfc/rfc7468";

export const KEY_DETECTORS: readonly Detector[] = [
  pemKey({ id: "rsa-private-key", description: "RSA private key (PKCS#1 PEM)", label: "RSA PRIVATE KEY", source: "https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2" }),
  pemKey({ id: "ec-private-key", description: "EC private key (SEC 1 PEM)", label: "EC PRIVATE KEY", source: "https://www.rfc-editor.org/rfc/rfc5915" }),
  pemKey({ id: "dsa-private-key", description: "DSA private key (PEM)", label: "DSA PRIVATE KEY", source: "https://www.openssl.org/docs/man3.0/man1/openssl-dsa.html" }),
  pemKey({ id: "pkcs8-private-key", description: "Private key (PKCS#8 PEM)", label: "PRIVATE KEY", source: PEM_DOCS }),
  pemKey({
    id: "encrypted-private-key",
    description: "Passphrase-encrypted private key (encrypted PKCS#8 PEM)",
    label: "ENCRYPTED PRIVATE KEY",
    source: PEM_DOCS,
    // Useless without its passphrase, but still key material that belongs in a secret store.
    severity: "warning",
  }),
  pemKey({ id: "openssh-private-key", description: "OpenSSH private key", label: "OPENSSH PRIVATE KEY", source: "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key" }),
  {
    id: "pgp-private-key-block",
    description: "PGP private key block",
    source: "https://www.rfc-editor.org/rfc/rfc9580#name-forming-ascii-armor",
    keywords: ["begin pgp private key block"],
    pattern: new RegExp(pemBlock("PGP PRIVATE KEY BLOCK", 65536)),
    confidence: "high",
    validate: hasRandomBody,
    get samples() {
      return {
        truePositives: [
          fakePem("PGP PRIVATE KEY BLOCK", "pgp-1", { headers: ["Version: GnuPG v2", "Comment: carbon release signing"] }) ,
          fakePem("PGP PRIVATE KEY BLOCK", "pgp-2", { bytes: 2400 }),
        ],
        falsePositives: [
          { text: fakePem("PGP PUBLIC KEY BLOCK", "pgp-public"), why: "a public key block" },
          { text: fakePem("PGP SIGNATURE", "pgp-signature"), why: "a signature" },
        ],
      };
    },
  },
  {
    id: "age-secret-key",
    description: "age secret key",
    source: "https://github.com/FiloSottile/age#readme",
    keywords: ["age-secret-key-1"],
    pattern: new RegExp(bareToken(`AGE-SECRET-KEY-1[${BECH32_UPPER}]{58}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`# created: 2024-01-01T00:00:00Z\n# public key: age1example\n${fake("AGE-SECRET-" + "KEY-1", 58, BECH32_UPPER, "age")}`],
        falsePositives: [
          { text: `SOPS_AGE_KEY_FILE=~/.config/sops/age/keys.txt  # holds AGE-SECRET-KEY-1…`, why: "prose naming the prefix" },
          { text: `age1${fake("", 58, BECH32_UPPER, "age-public").toLowerCase()}`, why: "an age public key (recipient)" },
        ],
      };
    },
  },
  {
    id: "putty-private-key",
    description: "PuTTY private key file (.ppk)",
    source: "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html",
    keywords: ["putty-user-key-file-"],
    pattern: new RegExp(
      String.raw`(?<secret>PuTTY-User-Key-File-[23]: [\w.@-]{3,60}\r?\nEncryption: [\w-]{1,40}\r?\nComment: [^\r\n]{0,256}\r?\n` +
        String.raw`Public-Lines: \d{1,4}\r?\n[A-Za-z0-9+/=\r\n]{4,16384}` +
        // Version 3 files that are encrypted name their key derivation before the private lines.
        String.raw`(?:(?:Key-Derivation|Argon2-[A-Za-z]{1,12}): [^\r\n]{1,128}\r?\n){0,6}` +
        String.raw`Private-Lines: \d{1,4}\r?\n[A-Za-z0-9+/=\r\n]{20,16384})`,
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          [
            "PuTTY-User-Key-File-3: ssh-ed25519",
            "Encryption: none",
            "Comment: ingest@bastion",
            "Public-Lines: 2",
            ...(fake("", 128, BASE64, "ppk-pub").match(/.{1,64}/g) ?? []),
            "Private-Lines: 1",
            fake("", 44, BASE64, "ppk-priv"),
            `Private-MAC: ${fake("", 64, "0123456789abcdef", "ppk-mac")}`,
          ].join("\n"),
        ],
        falsePositives: [{ text: "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: truncated", why: "a file without its private lines" }],
      };
    },
  },
  {
    id: "base64-private-key",
    description: "PEM private key stored base64-encoded (Kubernetes Secret data, kubeconfig client-key-data)",
    source: "https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets",
    keywords: ["ls0tls1crudjti"],
    // "LS0tLS1CRUdJTi" is base64 of "-----BEGIN ".
    pattern: new RegExp(bareToken(String.raw`LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,32768}={0,2}`)),
    confidence: "high",
    validate: (secret) => /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----/.test(decodeBase64(secret.slice(0, 64)) ?? ""),
    get samples() {
      return {
        truePositives: [
          `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${base64(fakePem("RSA PRIVATE KEY", "b64-rsa"))}`,
          `    client-key-data: ${base64(fakePem("EC PRIVATE KEY", "b64-ec"))}`,
        ],
        falsePositives: [
          { text: `  tls.crt: ${base64(fakePem("CERTIFICATE", "b64-cert"))}`, why: "a base64-encoded certificate" },
          { text: `  ca.pub: ${base64(fakePem("PUBLIC KEY", "b64-pub"))}`, why: "a base64-encoded public key" },
        ],
      };
    },
  },
];
