import { describe, expect, it } from "vitest";
import {
  DETECTORS,
  GENERIC_DETECTOR_IDS,
  createCustomDetector,
  findSecrets,
  isDefaultCredential,
  isPlaceholderValue,
  shannonEntropy,
  type Detector,
} from "../src/detectors/index.js";
import { BASE62, BASE64, HEX, base64, fake, fakeJwt, fakePem } from "../src/detectors/samples.js";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ONE_MEGABYTE = 1 << 20;
/** A hang guard, not a benchmark: a backtracking blow-up takes minutes, not seconds. */
const ADVERSARIAL_BUDGET_MS = 2_000;

/** `unit` repeated up to about `size` characters. */
function repeatTo(unit: string, size = ONE_MEGABYTE): string {
  return unit.repeat(Math.max(1, Math.ceil(size / Math.max(1, unit.length))));
}

/** The characters a detector's true positives are made of, newlines aside. */
function sampleAlphabet(detector: Detector): string {
  return [...new Set(detector.samples.truePositives.join("").replace(/[\r\n]/g, ""))].join("");
}

/** Unbounded quantifiers (`*`, `+`, `{n,}`) outside character classes: every repetition must be bounded. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "*" || ch === "+") found.push(`${ch} at ${i}`);
    else if (ch === "{" && /^\{\d+,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  }
  return found;
}

/** Inputs built to make a backtracking regex blow up: repeated prefixes and long runs of accepted characters. */
function adversarialInputs(detector: Detector): string[] {
  const keyword = detector.keywords[0] ?? "";
  const firstSample = detector.samples.truePositives[0] ?? keyword;
  return [
    repeatTo(keyword),
    keyword + repeatTo(fake("", 1 << 16, sampleAlphabet(detector), `${detector.id}-run`)),
    keyword + "=" + "a".repeat(ONE_MEGABYTE),
    repeatTo(firstSample.slice(0, -1)),
  ];
}

describe("detector catalog", () => {
  it("holds at least 80 detectors, sorted by unique kebab-case id", () => {
    expect(DETECTORS.length).toBeGreaterThanOrEqual(80);
    const ids = DETECTORS.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id, id).toMatch(KEBAB_CASE);
  });

  it("documents every detector: description, source, lower-case keywords, samples", () => {
    for (const detector of DETECTORS) {
      expect(detector.description, detector.id).not.toBe("");
      expect(detector.source, detector.id).toMatch(/^https:\/\//);
      expect(detector.keywords.length, detector.id).toBeGreaterThan(0);
      for (const keyword of detector.keywords) expect(keyword, detector.id).toBe(keyword.toLowerCase());
      expect(detector.samples.truePositives.length, detector.id).toBeGreaterThan(0);
      expect(detector.samples.falsePositives.length, detector.id).toBeGreaterThan(0);
    }
  });

  it("bounds every repetition (no *, + or {n,} outside character classes)", () => {
    for (const detector of DETECTORS) expect(unboundedQuantifiers(detector.pattern.source), detector.id).toEqual([]);
  });

  it("marks only provider-agnostic shapes as generic", () => {
    expect([...GENERIC_DETECTOR_IDS].sort()).toEqual([
      "authorization-basic-header",
      "authorization-bearer-header",
      "curl-basic-auth",
      "http-url-credentials",
      "jwt",
      "token-in-prose",
    ]);
  });
});

for (const detector of DETECTORS) {
  describe(detector.id, () => {
    const alone = [detector];

    it("has a keyword in every true positive", () => {
      for (const sample of detector.samples.truePositives) {
        const lower = sample.toLowerCase();
        expect(detector.keywords.some((keyword) => lower.includes(keyword)), sample.slice(0, 80)).toBe(true);
      }
    });

    it("finds each true positive, alone and within the whole catalog", () => {
      for (const sample of detector.samples.truePositives) {
        const own = findSecrets(sample, alone);
        expect(own.length, `missed: ${sample.slice(0, 120)}`).toBeGreaterThan(0);
        for (const match of own) expect(sample.slice(match.start, match.end)).toBe(match.secret);
        const found = own[0];
        if (found === undefined) continue;
        const covering = findSecrets(sample).filter((match) => match.start <= found.start && match.end >= found.end);
        expect(covering.length, `the catalog lost ${detector.id} in: ${sample.slice(0, 120)}`).toBeGreaterThan(0);
      }
    });

    it("ignores each false positive, which says why in one line", () => {
      for (const { text, why } of detector.samples.falsePositives) {
        expect(why, text).toMatch(/^[^\n]{3,}$/);
        expect(findSecrets(text, alone).map((match) => match.secret), `${why}: ${text.slice(0, 120)}`).toEqual([]);
      }
    });

    it("finishes quickly on adversarial input", () => {
      for (const input of adversarialInputs(detector)) {
        const started = performance.now();
        findSecrets(input, alone);
        const elapsed = performance.now() - started;
        expect(elapsed, `${detector.id} took ${Math.round(elapsed)} ms on ${JSON.stringify(input.slice(0, 40))}…`).toBeLessThan(
          ADVERSARIAL_BUDGET_MS,
        );
      }
    });
  });
}

describe("findSecrets", () => {
  const githubToken = fake("gh" + "p_", 36, BASE62, "test-ghp");

  it("reports the secret's exact offsets, the password alone for URLs", () => {
    const password = fake("", 20, BASE62, "test-pw");
    const text = `# config\nDATABASE_URL=postgresql+psycopg2://ingest:${password}@db.carbon.internal:5432/ingest\n`;
    const [match, ...rest] = findSecrets(text);
    expect(rest).toEqual([]);
    expect(match?.detector.id).toBe("postgres-url-credentials");
    expect(match?.secret).toBe(password);
    expect(match?.start).toBe(text.indexOf(password));
    expect(match?.end).toBe(text.indexOf(password) + password.length);
  });

  it("keeps the provider detector when a generic one matches the same span", () => {
    const matches = findSecrets(`curl -H "Authorization: Bearer ${githubToken}" https://api.github.com/user`);
    expect(matches.map((match) => match.detector.id)).toEqual(["github-pat-classic"]);
  });

  it("prefers the Kubernetes service account token over a plain JWT", () => {
    const token = fakeJwt({ iss: "kubernetes/serviceaccount", sub: "system:serviceaccount:carbon:ingest" }, "test-sa");
    expect(findSecrets(`token: ${token}`).map((match) => match.detector.id)).toEqual(["kubernetes-service-account-token"]);
  });

  it("reports the service account file once, as GCP, not also as a bare PKCS#8 key", () => {
    const file = JSON.stringify({ type: "service_account", private_key: fakePem("PRIVATE KEY", "test-gcp") + "\n" });
    expect(findSecrets(file).map((match) => match.detector.id)).toEqual(["gcp-service-account-key"]);
  });

  it("never reports the same span twice and returns findings in text order", () => {
    const aws = fake("AKIA", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "test-order");
    const text = `a=${githubToken}\nb=${aws}\nc=${githubToken}\n`;
    const matches = findSecrets(text);
    expect(matches.map((match) => match.start)).toEqual([...matches.map((match) => match.start)].sort((x, y) => x - y));
    expect(matches.map((match) => match.detector.id)).toEqual(["github-pat-classic", "aws-access-key-id", "github-pat-classic"]);
  });

  it("marks documented examples: AWS's EXAMPLE keys and a detector's listed examples", () => {
    const matches = findSecrets("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    expect(matches.map((match) => [match.detector.id, match.isExample])).toEqual([
      ["aws-access-key-id", true],
      ["aws-secret-access-key", true],
    ]);
    const stripeDocsKey = "sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc";
    expect(findSecrets(`stripe.api_key = "${stripeDocsKey}"`)[0]?.isExample).toBe(true);
    expect(findSecrets(`t=${githubToken}`)[0]?.isExample).toBe(false);
    // RFC 6749's example client credentials, and jwt.io's example token
    const rfcBasic = Buffer.from("s6BhdRkqt3:gX1fBat3bV").toString("base64");
    expect(findSecrets(`Authorization: Basic ${rfcBasic}`).map((m) => [m.detector.id, m.isExample])).toEqual([["authorization-basic-header", true]]);
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwtIo = `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: "1234567890", name: "John Doe", iat: 1516239022 })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
    expect(findSecrets(`token = "${jwtIo}"`).map((m) => [m.detector.id, m.isExample])).toEqual([["jwt", true]]);
  });

  it("runs only detectors whose keyword occurs, including keywords that overlap in the text", () => {
    const probe = (id: string, keyword: string): Detector => ({
      id,
      description: id,
      source: "https://example.invalid",
      keywords: [keyword],
      pattern: /(?<secret>zz[0-9]{4})/,
      confidence: "high",
      samples: { truePositives: [], falsePositives: [] },
    });
    const catalog = [probe("needs-abc", "abc"), probe("needs-bcd", "bcd"), probe("needs-qqq", "qqq")];
    // "abcd" holds "abc" and "bcd" overlapping; "qqq" never occurs, so its detector must not run.
    const ran = findSecrets("ABCD zz1234", catalog).map((match) => match.detector.id);
    expect(ran).toHaveLength(1);
    expect(["needs-abc", "needs-bcd"]).toContain(ran[0]);
    expect(findSecrets("nothing here zz1234", catalog)).toEqual([]);
    // Both keyword detectors were selected: each alone still finds the value.
    expect(findSecrets("ABCD zz1234", [catalog[1] as Detector]).length).toBe(1);
  });

  it("runs a keyword-less custom detector on every text and rejects placeholders it finds", () => {
    const custom = createCustomDetector({ id: "carbon-internal-key", pattern: String.raw`ck_(?<secret>[a-z0-9_{}$]{8,40})` });
    expect(findSecrets(`key=ck_${fake("", 24, "abcdef0123456789", "test-custom")}`, [custom]).length).toBe(1);
    expect(findSecrets("key=ck_${CARBON_KEY}", [custom])).toEqual([]);
    expect(() => createCustomDetector({ id: "broken", pattern: "(" })).toThrow(/customPatterns "broken"/);
  });

  it("survives zero-length matches and empty input", () => {
    const empty = createCustomDetector({ id: "empty", pattern: "x*", keywords: [] });
    expect(findSecrets("abc", [empty])).toEqual([]);
    expect(findSecrets("")).toEqual([]);
  });

  it("scans a megabyte of mixed text with the whole catalog in reasonable time", () => {
    const everySample = DETECTORS.flatMap((detector) => [...detector.samples.truePositives, ...detector.samples.falsePositives.map((fp) => fp.text)]);
    const text = repeatTo(everySample.join("\n") + "\n");
    const started = performance.now();
    const matches = findSecrets(text);
    expect(matches.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("the whole catalog stays silent on fingerprints, public material and placeholders", () => {
  const pngBase64 = "data:image/png;base64," + base64(String.fromCharCode(0x89) + "PNG\r\n" + fake("", 3000, BASE64, "png"));
  const benign: { text: string; why: string }[] = [
    { text: `request_id: 3f2b8c1e-9a4d-4e7b-b2c1-7d9e0f1a2b3c`, why: "a UUID" },
    { text: `commit ${fake("", 40, HEX, "sha1")}`, why: "a git SHA" },
    { text: `sha256:${fake("", 64, HEX, "sha256")}`, why: "a sha256 digest" },
    { text: `  integrity: sha512-${fake("", 86, BASE64, "integrity")}==`, why: "a lockfile integrity hash" },
    { text: `"integrity": "sha1-${fake("", 27, BASE64, "integrity1")}="`, why: "a legacy lockfile hash" },
    { text: `<img src="${pngBase64}">`, why: "a base64 image" },
    { text: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${fake("", 300, BASE64, "ssh-pub")} ops@bastion`, why: "an SSH public key" },
    { text: fakePem("PUBLIC KEY", "benign-pub"), why: "a PEM public key" },
    { text: fakePem("CERTIFICATE", "benign-cert"), why: "a certificate" },
    { text: `GITHUB_TOKEN=${"gh" + "p_"}${"x".repeat(36)}`, why: "a placeholder token" },
    { text: `STRIPE_SECRET_KEY=${"sk_" + "live_"}XXXXXXXXXXXXXXXXXXXXXXXX`, why: "a placeholder key" },
    { text: `API_TOKEN=<your-token>`, why: "a template" },
    { text: `caiso_api_key="ACTUAL_KEY"`, why: "the guide's placeholder" },
    { text: `clickhouse_password="ACTUAL_PASSWORD"`, why: "the guide's placeholder" },
    { text: `DATABASE_URL=postgres://ingest:\${POSTGRES_PASSWORD}@db:5432/ingest`, why: "an environment reference" },
    { text: `const ghp_count = tokens.filter((t) => t.startsWith("gh" + "p_")).length;`, why: "code that handles the prefix" },
    { text: `"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"`, why: "a registry URL" },
  ];

  it.each(benign)("$why", ({ text }) => {
    expect(findSecrets(text).map((match) => `${match.detector.id}: ${match.secret}`)).toEqual([]);
  });

  // A stock default is still a credential in the URL: the catalog matches it and
  // hardcoded-secret lowers it to a weak default (fixtures/hardcoded-secret/*/dsn-default-credentials).
  it("matches a connection string whose password is a stock default, for the rule to judge", () => {
    const matches = findSecrets(`AMQP_URL=amqp://guest:guest@localhost:5672/`);
    expect(matches.map((match) => match.secret)).toEqual(["guest"]);
  });
});

describe("isPlaceholderValue", () => {
  it.each([
    "${DB_PASS}",
    "$PASS",
    "<password>",
    "password",
    "changeme",
    "****",
    "{{ .Values.x }}",
    "{{.Values.db.password}}",
    "%(pw)s",
    "",
    "ACTUAL_KEY",
    "your-api-key",
    "YOUR_PASSWORD_HERE",
    "mySecretToken",
    "xxxxxxxxxxxx",
    "sk_live_XXXXXXXXXXXXXXXX",
    "abc...xyz",
    "123456789",
    "ENC[AES256_GCM,data:abc,type:str]",
    "vault:secret/data/ingest#password",
  ])("%j is a placeholder", (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    fake("", 20, BASE62, "real-1"),
    fake("", 40, BASE64, "real-2"),
    "Tr0ub4dor&3",
    "correct-horse-battery-staple",
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  ])("%j is not a placeholder", (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });

  it("knows the stock default credentials apart from placeholders", () => {
    expect(isDefaultCredential("guest")).toBe(true);
    expect(isDefaultCredential(fake("", 12, BASE62, "not-default"))).toBe(false);
  });
});

describe("shannonEntropy", () => {
  it("measures bits per character", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("ab")).toBe(1);
    expect(shannonEntropy("0123456789abcdef")).toBe(4);
  });
});
