import { defineRule, type SourceFile } from "../core/types.js";
import { decodeURIComponentSafe, hasReference } from "../languages/strings.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { enclosingRegion, isCommentLine, isLoopbackHost, linesOf, parseUrl, URL_PATTERN, type ParsedUrl } from "../analysis/manifests/text.js";
import {
  CLEARTEXT_SCHEMES,
  CLIENT_CREDENTIAL_ARGUMENT,
  COOKIE_CONTEXT,
  CREDENTIAL_ENDPOINT_HOST_WORDS,
  CREDENTIAL_ENDPOINT_KEY_WORDS,
  CREDENTIAL_ENDPOINT_PATH,
  TLS_SWITCH_KEYS,
  UNAUTHENTICATED_PATH,
  VAULT_PORT,
} from "../analysis/manifests/vocabulary.js";
import { contentRange, parsedYaml, rangeOf, scalarOf, valueOf, walkMaps } from "../analysis/manifests/yaml-nodes.js";
import { nameWords } from "../core/vocabulary.js";

interface Hit {
  messageId: string;
  start: number;
  end: number;
  data?: Record<string, string>;
  local?: boolean;
  secret?: string;
}

interface Pass {
  offset: number;
  message: string;
}

interface FileContext {
  file: SourceFile;
  /** The file configures SASL credentials somewhere (for Kafka `PLAINTEXT`). */
  sasl: boolean;
  /** Every Kafka bootstrap server of the file is on the loopback interface. */
  kafkaLocal: boolean;
  hits: Hit[];
  passes: Pass[];
  /** The file saves a password (for a plain FTP protocol setting). */
  savedPassword: boolean;
  /** Region scans left for this file: each reads up to a few KB around a setting, so a generated file cannot make them quadratic. */
  regionBudget: number;
}

const REGION_BUDGET = 200;

interface TransportFact {
  type: "transport";
}

const KAFKA_PROTOCOL = /\bsecurity[._-]?protocol["']?\s*[:=]\s*["']?(SASL_PLAINTEXT|PLAINTEXT|SASL_SSL|SSL)\b/i;
const SASL_CREDENTIALS = /sasl[._-]?(?:username|password|plain[._-]?(?:username|password)|jaas)|sasl\.jaas\.config/i;
const BOOTSTRAP = /bootstrap[._-]?servers["']?\s*[:=]\s*["']?([^\s"'#]+)/gi;
const SSLMODE = /\bsslmode["']?\s*[:=]\s*["']?(disable|allow|prefer|require|verify-ca|verify-full)\b/i;
const JDBC_NO_SSL = /\buseSSL\s*=\s*false\b/i;
const VERIFY_OFF: readonly RegExp[] = [
  // requests.get(url, verify=False)
  /\bverify\s*=\s*False\b/,
  /\b(?:verify_ssl|ssl_verify|verify_certs|validate_certs|tls_verify|ssl_verification|verify_tls|sslverify)["']?\s*[:=]\s*["']?(?:false|0|no)\b/i,
  /\b(?:ssl_)?cert_reqs\s*[:=]\s*(?:ssl\.)?["']?CERT_NONE\b/,
  /\bcheck_hostname\s*=\s*False\b/,
  /\brejectUnauthorized["']?\s*:\s*false\b/,
  /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*[:=]\s*["']?0\b/,
  /\b(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|tls[_-]?skip[_-]?verify|skip[_-]?tls[_-]?verify|VAULT_SKIP_VERIFY)["']?\s*[:=]\s*["']?(?:true|1|yes)\b/i,
  /(?:^|\s)--?(?:insecure-skip-tls-verify|tls-skip-verify)(?:=true)?(?=\s|$)/,
];
// ssl=False   secure: false   "tls": false   use_ssl = 0
const TLS_OFF = new RegExp(`\\b(${TLS_SWITCH_KEYS.join("|")})["']?\\s*[:=]\\s*["']?(?:False|false|0)\\b`);
const TLS_DISABLE = /\btls_disable["']?\s*[:=]\s*["']?(?:1|true)\b/i;
const TLS_CERT_FILE = /\btls_cert_file\s*=/;
const LOOPBACK_ADDRESS = /address["']?\s*[:=]\s*["']?(?:127\.0\.0\.1|localhost|\[::1\])/i;
const CURL = /\b(?:curl|wget)\b/;
// "protocol": "ftp" / transport: ftp / FileZilla's <Protocol>0</Protocol> (FTP, TLS only if offered) and 6 (plain FTP).
const FTP_PROTOCOL = /(?:["']?(?:protocol|transport|type)["']?\s*[:=]\s*["']?(ftp)["']?(?=[\s,;}]|$)|<Protocol>\s*([06])\s*<\/Protocol>)/i;
const SAVED_PASSWORD = /["']?(?:pass|password|passwd)["']?\s*[:=]\s*["']?[^\s"'$<{]|<Pass(?:\s[^>]*)?>[^<\s]/i;
const CURL_INSECURE = /\s(?:--insecure|--no-check-certificate|-[a-jl-zA-Z]*k[a-zA-Z]*)(?=\s|$)/;
const CURL_CREDENTIAL = /authorization|x-vault-token|bearer|\btoken\b|\$\{?\w*token|(?:^|\s)(?:-u|--user)\s|password|api[-_]?key/i;

export default defineRule({
  meta: {
    id: "insecure-transport",
    // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
    description: "Credentials sent in clear: http:// to Vault or auth endpoints, Kafka SASL_PLAINTEXT, sslmode=disable, certificate checks turned off, passwords in redis:// URLs, Vault listeners with tls_disable.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "json", "python", "javascript", "dockerfile", "shell", "ini", "toml", "properties", "xml", "hcl", "dotenv", "text"],
    keywords: ["http://", "https://", "redis://", "rediss://", "amqp://", "ldap://", "ftp://", "mqtt://", "ftp", "<protocol>", "plaintext", "ssl", "tls", "verify", "secure", "cert_none", "check_hostname", "rejectunauthorized", "curl", "wget"],
    checklist: ["tls-in-transit"],
    cwe: ["CWE-319", "CWE-295"],
    messages: {
      httpEndpoint: "{{what}} is addressed over plain http (`{{url}}`): the tokens and credentials sent to it cross the network in clear. Use https.",
      urlCredentials: "This `{{scheme}}://` URL carries a password in clear: use `{{tls}}://` so the credential travels over TLS.",
      kafkaSaslPlaintext: "Kafka `security.protocol` is `SASL_PLAINTEXT`: the SASL credentials and every message cross the network unencrypted. Use `SASL_SSL`.",
      kafkaPlaintext: "Kafka `security.protocol` is `PLAINTEXT` in a configuration that sets SASL credentials: use `SASL_SSL`.",
      sslmodeDisabled: "`sslmode={{mode}}` lets the database password and data travel without TLS: use `sslmode=verify-full` (or at least `require`).",
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      jdbcNoSsl: "`useSSL=false` sends the database credentials without TLS: use `sslMode=VERIFY_IDENTITY` (or `useSSL=true&requireSSL=true`).",
      verifyDisabled: "TLS certificate verification is turned off (`{{setting}}`): anyone on the path can impersonate the server and read the credentials. Verify against the CA bundle instead.",
      tlsOff: "`{{setting}}` turns TLS off for a client that is given a credential: the password travels in clear. Enable TLS.",
      vaultTlsDisabled: "This Vault listener sets `tls_disable`: tokens and secrets reach Vault in clear. Give it `tls_cert_file` and `tls_key_file`.",
      ftpPlaintext: "This connection uses plain FTP (`{{setting}}`) with a saved password: the password crosses the network in clear. Use SFTP, or FTPS with TLS required.",
      curlInsecure: "`{{tool}}` sends a credential with certificate checks off: drop `-k`/`--insecure` and pass `--cacert`.",
    },
    options: {
      reportLoopback: {
        type: "boolean",
        default: true,
        description: "Report plaintext to localhost (development setups) as `info`; false drops those findings.",
      },
    },
    docs: {
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      why: 'The guide\'s checklist asks for "TLS enabled for all secret transmission" ("Use TLS for all secret transmission"). A Vault token sent to `http://vault:8200`, a SASL password on a `SASL_PLAINTEXT` listener, a database DSN with `sslmode=disable`, or a client told not to verify certificates hands the credential to anyone on the network path. Addresses on localhost (development setups) are reported as `info`, not errors; health-check paths carry no credential and are not reported.',
      fix: "Use the TLS form of each transport: `https://` for Vault (`VAULT_ADDR`), Schema Registry and token endpoints; `SASL_SSL` for Kafka; `sslmode=verify-full` for Postgres; `rediss://` for Redis; `tls_cert_file`/`tls_key_file` on Vault listeners. Keep certificate verification on and point clients at the CA bundle (`verify=\"/etc/ssl/certs/ca.pem\"`, `VAULT_CACERT`).",
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      bad: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: http://vault.vault.svc:8200\n  KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT\n" },
      good: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: https://vault.vault.svc:8200\n  VAULT_CACERT: /vault/tls/ca.crt\n  KAFKA_SECURITY_PROTOCOL: SASL_SSL\n" },
    },
  },
  create(context) {
    const reportLoopback = context.options.reportLoopback;
    return {
      file(file) {
        const ctx: FileContext = {
          file,
          sasl: SASL_CREDENTIALS.test(file.text),
          kafkaLocal: kafkaIsLocal(file.text),
          savedPassword: SAVED_PASSWORD.test(file.text),
          hits: [],
          passes: [],
          regionBudget: REGION_BUDGET,
        };
        const lines = linesOf(file.text);
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i]!;
          if (line.text.length === 0 || isCommentLine(line.text)) continue;
          checkLine(ctx, line.text, (offset) => line.start + offset);
          if (CURL.test(line.text)) checkCurl(ctx, lines, i);
        }
        // env: [{name: VAULT_ADDR, value: "http://…"}] has the name and the value on different lines.
        if (file.kind === "yaml") for (const entry of splitEnvEntries(file)) checkLine(ctx, entry.line, entry.map);
        const seen = new Set<string>();
        for (const hit of ctx.hits) {
          const id = `${hit.messageId}:${hit.start}`;
          if (seen.has(id) || (hit.local && !reportLoopback)) continue;
          seen.add(id);
          context.report({
            messageId: hit.messageId,
            data: hit.data ?? {},
            range: { start: hit.start, end: hit.end },
            key: `${hit.messageId}:${JSON.stringify(hit.data ?? {})}`,
            ...(hit.secret ? { secret: hit.secret } : {}),
            ...(hit.local ? { severity: "info" as const } : {}),
          });
        }
        for (const pass of ctx.passes) shareEvidence(context, file, "tls-in-transit", pass.offset, pass.message);
        if (ctx.hits.length > 0 || ctx.passes.length > 0) context.share({ type: "transport" } satisfies TransportFact);
      },
      project(project) {
        if (emitEvidence(context, project, "tls-in-transit") > 0 || factsOf<TransportFact>(project, "transport").length > 0) return;
        const configuration = project.files.some((f) => ["yaml", "json", "ini", "toml", "properties", "hcl", "dotenv", "xml"].includes(f.kind));
        if (!configuration) {
          context.evidence({ checklist: "tls-in-transit", status: "not-applicable", message: "the repository has no configuration files, so no transport carrying credentials is configured in it" });
        }
      },
    };
  },
});

/** Every check on one line (or one synthesised `NAME=value`); `at` maps a line offset to a file offset. */
function checkLine(ctx: FileContext, line: string, at: (offset: number) => number): void {
  checkUrls(ctx, line, at);
  const kafka = KAFKA_PROTOCOL.exec(line);
  if (kafka) {
    const protocol = kafka[1]!.toUpperCase();
    const span = { start: at(kafka.index), end: at(kafka.index + kafka[0].length) };
    if (protocol === "SASL_PLAINTEXT") ctx.hits.push({ messageId: "kafkaSaslPlaintext", ...span, local: ctx.kafkaLocal });
    else if (protocol === "PLAINTEXT" && ctx.sasl) ctx.hits.push({ messageId: "kafkaPlaintext", ...span, local: ctx.kafkaLocal });
    else if (protocol === "SASL_SSL" || protocol === "SSL") ctx.passes.push({ offset: span.start, message: `Kafka clients use \`${protocol}\`` });
  }
  const sslmode = SSLMODE.exec(line);
  if (sslmode) {
    const mode = sslmode[1]!.toLowerCase();
    const span = { start: at(sslmode.index), end: at(sslmode.index + sslmode[0].length) };
    if (mode === "disable" || mode === "allow") ctx.hits.push({ messageId: "sslmodeDisabled", ...span, data: { mode }, local: lineIsLocal(line) });
    else if (mode !== "prefer") ctx.passes.push({ offset: span.start, message: `the database connection requires TLS (\`sslmode=${mode}\`)` });
  }
  const ftp = ctx.savedPassword && ctx.regionBudget > 0 ? FTP_PROTOCOL.exec(line) : null;
  if (ftp && SAVED_PASSWORD.test(ftpSiteText(ctx, at(ftp.index), ftp[2] !== undefined))) {
    const setting = ftp[0].replace(/["'\s]/g, "");
    ctx.hits.push({ messageId: "ftpPlaintext", start: at(ftp.index), end: at(ftp.index + ftp[0].length), data: { setting }, local: lineIsLocal(line) });
  }
  const jdbc = JDBC_NO_SSL.exec(line);
  if (jdbc) ctx.hits.push({ messageId: "jdbcNoSsl", start: at(jdbc.index), end: at(jdbc.index + jdbc[0].length), local: lineIsLocal(line) });
  for (const pattern of VERIFY_OFF) {
    const match = pattern.exec(line);
    if (!match) continue;
    const setting = match[0].trim().replace(/["']/g, "");
    ctx.hits.push({ messageId: "verifyDisabled", start: at(match.index), end: at(match.index + match[0].length), data: { setting } });
    break;
  }
  const tlsOff = TLS_OFF.exec(line);
  if (tlsOff && ctx.regionBudget-- > 0) {
    const offset = at(tlsOff.index);
    const region = enclosingRegion(ctx.file.text, offset);
    const text = ctx.file.text.slice(region.start, region.end);
    if (CLIENT_CREDENTIAL_ARGUMENT.test(text) && !COOKIE_CONTEXT.test(text)) {
      ctx.hits.push({ messageId: "tlsOff", start: offset, end: at(tlsOff.index + tlsOff[0].length), data: { setting: tlsOff[0].replace(/["']/g, "").replace(/\s+/g, " ") } });
    }
  }
  const tlsDisable = TLS_DISABLE.exec(line);
  if (tlsDisable) {
    const offset = at(tlsDisable.index);
    const region = ctx.regionBudget-- > 0 ? enclosingRegion(ctx.file.text, offset) : { start: offset, end: offset };
    const local = LOOPBACK_ADDRESS.test(ctx.file.text.slice(region.start, region.end));
    ctx.hits.push({ messageId: "vaultTlsDisabled", start: offset, end: at(tlsDisable.index + tlsDisable[0].length), local });
  } else if (TLS_CERT_FILE.test(line)) {
    ctx.passes.push({ offset: at(line.search(TLS_CERT_FILE)), message: "the Vault listener serves TLS (`tls_cert_file`)" });
  }
}

/** The site a protocol setting belongs to: FileZilla's <Server> element, else the enclosing block. */
function ftpSiteText(ctx: FileContext, offset: number, fileZilla: boolean): string {
  ctx.regionBudget--;
  const text = ctx.file.text;
  if (fileZilla) {
    const start = text.lastIndexOf("<Server", offset);
    const end = text.indexOf("</Server>", offset);
    return text.slice(Math.max(0, start, offset - 4000), end === -1 ? Math.min(text.length, offset + 4000) : Math.min(end, offset + 4000));
  }
  const region = enclosingRegion(text, offset);
  return text.slice(region.start, region.end);
}

function checkUrls(ctx: FileContext, line: string, at: (offset: number) => number): void {
  if (!line.includes("://")) return;
  for (const match of line.matchAll(URL_PATTERN)) {
    const scheme = match[1]!.toLowerCase();
    const rest = match[2]!.replace(/[,;.}]+$/, "");
    if (rest.length === 0) continue;
    const url = parseUrl(scheme, rest);
    const start = at(match.index);
    const end = at(match.index + scheme.length + 3 + rest.length);
    const local = isLoopbackHost(url.host);
    const tls = CLEARTEXT_SCHEMES[scheme];
    if (tls && url.password !== null) {
      // redis://:s3cr3t@cache:6379/0   http://user:pw@registry:8081
      // Anything but a reference is masked in the report, placeholder-looking or not.
      const password = decodeURIComponentSafe(url.password);
      const literal = !hasReference(password) && !password.startsWith("$");
      ctx.hits.push({ messageId: "urlCredentials", start, end, data: { scheme, tls }, local, ...(literal ? { secret: url.password } : {}) });
      continue;
    }
    const what = credentialEndpoint(line.slice(0, match.index), url, line);
    if (!what) continue;
    if (scheme === "http") {
      ctx.hits.push({ messageId: "httpEndpoint", start, end, data: { what, url: `${scheme}://${url.host}${url.port ? `:${url.port}` : ""}` }, local });
    } else if (scheme === "https") {
      ctx.passes.push({ offset: start, message: `${what} is reached over https (\`https://${url.host}${url.port ? `:${url.port}` : ""}\`)` });
    }
  }
  // rediss://:pw@cache:6380   amqps://user:pw@mq   (credentials over TLS)
  const secureCredentials = /\b(rediss|amqps|ldaps):\/\/[^\s"'@/]*:[^\s"'@/]+@/.exec(line);
  if (secureCredentials) ctx.passes.push({ offset: at(secureCredentials.index), message: `credentials travel over TLS (\`${secureCredentials[1]}://\`)` });
}

/** What an http(s) address carries credentials to ("Vault", "the Schema Registry", "An authentication endpoint"), or null. */
function credentialEndpoint(before: string, url: ParsedUrl, line: string): string | null {
  if (UNAUTHENTICATED_PATH.test(url.path)) return null;
  // the key right before the address: VAULT_ADDR=   schema.registry.url:   --vault-addr   (a bounded tail keeps this linear)
  const key = /([A-Za-z_][\w.-]*)["']?\s*(?:[:=]|\s)\s*["']?$/.exec(before.slice(-120))?.[1] ?? "";
  const keyWords = nameWords(key);
  const hostWords = url.host.split(/[.-]/);
  const vault = keyWords.includes("vault") || hostWords.includes("vault") || url.port === VAULT_PORT || /^\/v1\//.test(url.path);
  if (vault) return "Vault";
  const registry = (keyWords.includes("schema") && keyWords.includes("registry")) || hostWords.includes("schemaregistry") || /schema-registry/.test(url.host);
  if (registry) return "The Schema Registry";
  if (keyWords.some((w) => CREDENTIAL_ENDPOINT_KEY_WORDS.includes(w)) || hostWords.some((w) => CREDENTIAL_ENDPOINT_HOST_WORDS.includes(w)) || CREDENTIAL_ENDPOINT_PATH.test(url.path)) {
    return "An authentication endpoint";
  }
  if (CURL.test(line) && CURL_CREDENTIAL.test(line)) return "A request carrying a credential";
  return null;
}

// curl -k -H "X-Vault-Token: $VAULT_TOKEN" https://vault:8200/v1/…   (continuation lines joined)
function checkCurl(ctx: FileContext, lines: { text: string; start: number }[], index: number): void {
  let text = lines[index]!.text;
  for (let j = index + 1; j < Math.min(lines.length, index + 20) && /\\\s*$/.test(lines[j - 1]!.text); j++) text += " " + lines[j]!.text;
  const tool = CURL.exec(text)?.[0] ?? "curl";
  if (CURL_INSECURE.test(text) && CURL_CREDENTIAL.test(text)) {
    const line = lines[index]!;
    const at = line.text.search(CURL);
    ctx.hits.push({ messageId: "curlInsecure", start: line.start + at, end: line.start + at + tool.length, data: { tool } });
  }
}

function lineIsLocal(line: string): boolean {
  const host = /(?:@|host=|\/\/)(\[[^\]]+\]|[\w.-]+)/.exec(line)?.[1];
  return host !== undefined && isLoopbackHost(host);
}

function kafkaIsLocal(text: string): boolean {
  const servers: string[] = [];
  for (const match of text.matchAll(BOOTSTRAP)) servers.push(...match[1]!.split(","));
  return servers.length > 0 && servers.every((s) => isLoopbackHost(s.replace(/^[a-z]+:\/\//i, "").replace(/:[0-9]+$/, "")));
}

/** YAML `- name: X` / `value: Y` entries written on separate lines, as `X=Y` with a map back to the value's offsets. */
function splitEnvEntries(file: SourceFile): { line: string; map: (offset: number) => number }[] {
  const entries: { line: string; map: (offset: number) => number }[] = [];
  for (const doc of parsedYaml(file).documents) {
    walkMaps(doc.contents, (map) => {
      const name = scalarOf(doc, valueOf(doc, map, "name"));
      const value = scalarOf(doc, valueOf(doc, map, "value"));
      if (!name || !value || typeof name.value !== "string" || value.value === null || value.value === undefined) return;
      if (file.positionAt(rangeOf(name).start).line === file.positionAt(rangeOf(value).start).line) return; // the line check saw it
      const { start, end } = contentRange(file.text, value);
      if (end - start > 2000) return;
      const prefix = `${name.value}=`;
      const line = prefix + file.text.slice(start, end);
      entries.push({ line, map: (offset) => (offset < prefix.length ? start : start + offset - prefix.length) });
    });
  }
  return entries;
}
