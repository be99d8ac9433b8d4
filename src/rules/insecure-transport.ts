import { defineRule, type SourceFile } from "../core/types.js";
import { decodeURIComponentSafe, hasReference } from "../languages/strings.js";
import { emitEvidence, factsOf, shareEvidence } from "../core/facts.js";
import { enclosingRegion, isCommentLine, isLoopbackHost, linesOf, parseUrl, URL_PATTERN, type ParsedUrl } from "../analysis/manifests/text.js";
import { CLEARTEXT_SCHEMES, COOKIE_CONTEXT, TLS_SWITCH_KEYS, VAULT_PORT } from "../analysis/manifests/vocabulary.js";
import {
  ancestorKeys,
  AUTH_HOST_WORDS,
  AUTH_KEY_WORDS,
  AUTH_PATH,
  carriesCredential,
  isDormantRecord,
  inOptOutBranch,
  isMessage,
  isReservedHost,
  isServerContext,
  keyWordsBefore,
  NO_CREDENTIAL_PATH,
  NOT_A_CLIENT_KEY_WORDS,
  readsPeerCertificate,
  REGISTRY_CREDENTIALS,
  ROUTING_RECORD,
  serviceWords,
} from "../analysis/manifests/transport.js";
import { contentRange, parsedYaml, rangeOf, scalarOf, valueOf, walkMaps } from "../analysis/manifests/yaml-nodes.js";
import { nameWords } from "../core/vocabulary.js";

interface Hit {
  messageId: string;
  start: number;
  end: number;
  data?: Record<string, string>;
  local?: boolean;
  secret?: string;
  /**
   * Lower than the rule's: the credential itself does not cross (an S3 client signs its
   * requests), or the address is a server whose clients decide what they send it.
   */
  severity?: "warning";
}

interface Pass {
  offset: number;
  message: string;
}

interface FileContext {
  file: SourceFile;
  lines: ReturnType<typeof linesOf>;
  /** The line being checked, or -1 for a synthesised `NAME=value` (no surrounding lines to read). */
  index: number;
  /** The file configures SASL credentials somewhere (for Kafka `PLAINTEXT`). */
  sasl: boolean;
  /** Every Kafka bootstrap server of the file is on the loopback interface. */
  kafkaLocal: boolean;
  /** The file gives a Schema Registry client credentials (basic or bearer auth). */
  registryCredentials: boolean;
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
  // requests.get(url, verify=False)   verify_ssl: bool = False   VERIFY_SSL=false
  /\bverify\s*=\s*False\b/,
  /\b(?:verify_ssl|ssl_verify|verify_certs|validate_certs|tls_verify|ssl_verification|verify_tls|sslverify)["']?\s*(?::\s*bool\s*=|[:=])\s*["']?(?:false|0|no)\b/i,
  /\b(?:ssl_)?cert_reqs\s*[:=]\s*(?:ssl\.)?["']?CERT_NONE\b/,
  /\bcheck_hostname\s*=\s*False\b/,
  /\brejectUnauthorized["']?\s*:\s*false\b/,
  /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*[:=]\s*["']?0\b/,
  /\b(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|tls[_-]?skip[_-]?verify|skip[_-]?tls[_-]?verify|VAULT_SKIP_VERIFY)["']?\s*[:=]\s*["']?(?:true|1|yes)\b/i,
  /(?:^|\s)--?(?:insecure-skip-tls-verify|tls-skip-verify)(?:=true)?(?=\s|$)/,
];
// ssl=False   secure: false   "tls": false   use_ssl = 0
const TLS_OFF = new RegExp(`\\b(${TLS_SWITCH_KEYS.join("|")})["']?\\s*[:=]\\s*["']?(?:False|false|0)\\b`);
// S3 and object-store clients: insecure: true   disable_ssl: true   (plain http to the endpoint)
const INSECURE_ON = /\b(insecure|disable_?ssl|disable_?tls|ssl_?disabled|tls_?disabled|disableSSL)["']?\s*[:=]\s*["']?(?:True|true|1|yes)\b/;
// kc.sh start --http-enabled=true   KC_HTTP_ENABLED: "true"
const KEYCLOAK_HTTP = /(?:^|\s)--http-enabled(?:=|\s+)["']?true\b|\bKC_HTTP_ENABLED["']?\s*[:=]\s*["']?true\b/i;
// The settings of a TLS context that a server sets too: check_hostname, cert_reqs, rejectUnauthorized (VERIFY_OFF's order).
const CONTEXT_SETTINGS = new Set([2, 3, 4]);
const PROCESS_WIDE = 5;
const VAULT_CHART_TLS_DISABLE = /^\s*tlsDisable\s*:\s*["']?true\b/;
const TLS_DISABLE = /\btls_disable["']?\s*[:=]\s*["']?(?:1|true)\b/i;
const TLS_CERT_FILE = /\btls_cert_file\s*=/;
const LOOPBACK_ADDRESS = /address["']?\s*[:=]\s*["']?(?:127\.0\.0\.1|localhost|\[::1\])/i;
const CURL = /\b(?:curl|wget)\b/;
// "protocol": "ftp" / transport: ftp / FileZilla's <Protocol>0</Protocol> (FTP, TLS only if offered) and 6 (plain FTP).
const FTP_PROTOCOL = /(?:["']?(?:protocol|transport|type)["']?\s*[:=]\s*["']?(ftp)["']?(?=[\s,;}]|$)|<Protocol>\s*([06])\s*<\/Protocol>)/i;
const SAVED_PASSWORD = /["']?(?:pass|password|passwd)["']?\s*[:=]\s*["']?[^\s"'$<{]|<Pass(?:\s[^>]*)?>[^<\s]/i;
// remote-ftp's "ignorehost": true, OpenSSH's StrictHostKeyChecking no: the server's host key is not checked.
const SSH_HOST_KEY_UNCHECKED = /["']?ignorehost["']?\s*[:=]\s*true\b|\bStrictHostKeyChecking["']?\s*[=: ]\s*["']?no\b/i;
const CURL_INSECURE = /\s(?:--insecure|--no-check-certificate|-[a-jl-zA-Z]*k[a-zA-Z]*)(?=\s|$)/;
const CURL_CREDENTIAL = /authorization|x-vault-token|bearer|\btoken\b|\$\{?\w*token|(?:^|\s)(?:-u|--user)\s|password|api[-_]?key/i;

export default defineRule({
  meta: {
    id: "insecure-transport",
    // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
    description: "A credential crosses a network in clear: http:// to Vault or a token/login endpoint, Kafka SASL_PLAINTEXT, sslmode=disable, certificate checks turned off, TLS off on a client given a password, passwords in redis:// URLs, Vault listeners with tls_disable or the Vault chart's global.tlsDisable, Keycloak serving plain HTTP, TLS switched off for a deployed service, an SFTP connection with a saved password that skips the host key check.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "json", "python", "javascript", "dockerfile", "shell", "ini", "toml", "properties", "xml", "hcl", "dotenv", "text"],
    keywords: ["http://", "https://", "redis://", "rediss://", "amqp://", "ldap://", "ftp://", "mqtt://", "ftp", "<protocol>", "plaintext", "ssl", "tls", "verify", "secure", "cert_none", "check_hostname", "rejectunauthorized", "curl", "wget", "http-enabled", "http_enabled", "ignorehost", "stricthostkeychecking"],
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
      sshHostKeyUnchecked: "This SSH/SFTP connection does not check the server's host key (`{{setting}}`) and has a saved password: whoever answers for the host receives the password. Keep host key checking on (a known_hosts entry) and use key authentication.",
      ftpPlaintext: "This connection uses plain FTP (`{{setting}}`) with a saved password: the password crosses the network in clear. Use SFTP, or FTPS with TLS required.",
      curlInsecure: "`{{tool}}` sends a credential with certificate checks off: drop `-k`/`--insecure` and pass `--cacert`.",
      plaintextClient: "`{{setting}}` connects a client that is given a credential over plain TCP/http: what it authenticates with (an access key and its signed requests, a password) and the data it moves cross the network in clear. Use the server's TLS endpoint.",
      httpIdentityProvider: "An identity provider is addressed over plain http (`{{url}}`): whatever its clients send its token endpoint (client secrets, passwords, refresh tokens) crosses the network in clear, and its signing keys can be substituted. Use https.",
      serviceTlsOff: "TLS is off for the service in this deployed configuration (`{{setting}}`): the tokens, passwords and data its clients exchange with it cross the network in clear. Turn it on here, as the guide asks for all secret transmission.",
      vaultChartTlsDisabled: "The Vault Helm values set `global.tlsDisable: true`: Vault's listeners serve plain http, so tokens and secrets reach it in clear. Set it to `false` and mount a certificate (`server.extraVolumes`, `tls_cert_file`).",
      keycloakHttp: "Keycloak serves plain HTTP (`{{setting}}`): passwords, client secrets and tokens reach it in clear. Serve HTTPS (`--https-certificate-file`, `--https-certificate-key-file`).",
    },
    options: {
      reportLoopback: {
        type: "boolean",
        default: false,
        description: "Also report plaintext to localhost (traffic that never leaves the machine or the pod), as `info`.",
      },
    },
    docs: {
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      why: 'The guide\'s checklist asks for "TLS enabled for all secret transmission" ("Use TLS for all secret transmission"). A Vault token sent to `http://vault:8200`, a user\'s bearer token posted to `http://auth-service/auth/verify`, a SASL password on a `SASL_PLAINTEXT` listener, a database DSN with `sslmode=disable`, or a client told not to verify certificates hands the credential to anyone on the network path.\n\nThe rule reports only where a credential crosses a network in clear, and names the service from more than a path fragment: Vault is `VAULT_ADDR`, a `vault` host or block, or port 8200; an authentication endpoint is a token, login or OAuth address (by its key, its service name or its path) that receives credentials; a Schema Registry only when the file gives its client credentials. An SSH or SFTP connection saved with its password that does not check the server\'s host key (remote-ftp\'s `\"ignorehost\": true`, `StrictHostKeyChecking no`) is a warning: whoever answers for the host receives the password. Two cases are warnings, not errors: an identity provider\'s base address (`KEYCLOAK_BASE_URL`, an `issuer` or realm URL), whose clients decide what they send it, and a client given access keys without TLS (an S3 client signs its requests, so the secret key itself does not cross). It leaves alone: traffic to localhost (unless `reportLoopback`), tests and test data (their traffic is a test\'s: mocks, in-process servers), hosts under `.invalid`; addresses that receive nothing secret (health checks, JWKS and discovery documents, issuer strings, chart `home`/`icon` links, server listen addresses) and lines that only print one (`echo`, `print`, log calls); a TLS toggle on a record that carries no credential (an ingress\'s `tls: false`, a cache without a password) or whose only "secret" is the name of a TLS Secret; verification turned off in a branch the user opts into (`verify = False if args.skip_tls_verify else True`, `if not verify_ssl: … CERT_NONE`), on a server\'s TLS context, or to read a peer\'s certificate.',
      fix: "Use the TLS form of each transport: `https://` for Vault (`VAULT_ADDR`), token endpoints and the services that receive tokens; `SASL_SSL` for Kafka; `sslmode=verify-full` for Postgres; `rediss://` for Redis; `tls_cert_file`/`tls_key_file` on Vault listeners. Keep certificate verification on and point clients at the CA bundle (`verify=\"/etc/ssl/certs/ca.pem\"`, `VAULT_CACERT`). A check the user may turn off belongs behind a flag that defaults to on.",
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      bad: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: http://vault.vault.svc:8200\n  KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT\n" },
      good: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: https://vault.vault.svc:8200\n  VAULT_CACERT: /vault/tls/ca.crt\n  KAFKA_SECURITY_PROTOCOL: SASL_SSL\n" },
    },
  },
  create(context) {
    const reportLoopback = context.options.reportLoopback;
    return {
      file(file) {
        // A test's traffic goes to mocks and in-process servers; test data is nobody's transport.
        if (file.role === "test" || file.role === "fixture") return;
        const lines = linesOf(file.text);
        const ctx: FileContext = {
          file,
          lines,
          index: -1,
          sasl: SASL_CREDENTIALS.test(file.text),
          kafkaLocal: kafkaIsLocal(file.text),
          registryCredentials: REGISTRY_CREDENTIALS.test(file.text),
          savedPassword: SAVED_PASSWORD.test(file.text),
          hits: [],
          passes: [],
          regionBudget: REGION_BUDGET,
        };
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i]!;
          if (line.text.length === 0 || isCommentLine(line.text)) continue;
          ctx.index = i;
          checkLine(ctx, line.text, (offset) => line.start + offset);
          if (CURL.test(line.text)) checkCurl(ctx, lines, i);
        }
        ctx.index = -1;
        // env: [{name: VAULT_ADDR, value: "http://…"}] has the name and the value on different lines.
        if (file.kind === "yaml") for (const entry of splitEnvEntries(file)) checkLine(ctx, entry.line, entry.map);
        const seen = new Set<string>();
        for (const hit of ctx.hits) {
          // One Keycloak server, one finding: its flag and its environment variable say the same.
          const id = hit.messageId === "keycloakHttp" ? hit.messageId : `${hit.messageId}:${hit.start}`;
          if (seen.has(id) || (hit.local && !reportLoopback)) continue;
          seen.add(id);
          context.report({
            messageId: hit.messageId,
            data: hit.data ?? {},
            range: { start: hit.start, end: hit.end },
            key: `${hit.messageId}:${JSON.stringify(hit.data ?? {})}`,
            ...(hit.secret ? { secret: hit.secret } : {}),
            ...(hit.local ? { severity: "info" as const } : hit.severity ? { severity: hit.severity } : {}),
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
  if (ftp && SAVED_PASSWORD.test(savedConnectionText(ctx, at(ftp.index), ftp[2] !== undefined))) {
    const setting = ftp[0].replace(/["'\s]/g, "");
    ctx.hits.push({ messageId: "ftpPlaintext", start: at(ftp.index), end: at(ftp.index + ftp[0].length), data: { setting }, local: lineIsLocal(line) });
  }
  // A password saved beside a connection that takes any host key goes to whoever answers for the host.
  const hostKey = ctx.savedPassword && ctx.regionBudget > 0 ? SSH_HOST_KEY_UNCHECKED.exec(line) : null;
  if (hostKey && SAVED_PASSWORD.test(savedConnectionText(ctx, at(hostKey.index), false))) {
    const setting = hostKey[0].replace(/["']/g, "").replace(/\s+/g, " ");
    ctx.hits.push({ messageId: "sshHostKeyUnchecked", start: at(hostKey.index), end: at(hostKey.index + hostKey[0].length), data: { setting }, severity: "warning", local: lineIsLocal(line) });
  }
  const jdbc = JDBC_NO_SSL.exec(line);
  if (jdbc) ctx.hits.push({ messageId: "jdbcNoSsl", start: at(jdbc.index), end: at(jdbc.index + jdbc[0].length), local: lineIsLocal(line) });
  checkVerify(ctx, line, at);
  const before = ctx.hits.length;
  checkTlsSwitch(ctx, line, at, TLS_OFF, "tlsOff");
  checkTlsSwitch(ctx, line, at, INSECURE_ON, "plaintextClient");
  if (ctx.hits.length === before) checkServiceTls(ctx, line, at);
  const keycloak = KEYCLOAK_HTTP.exec(line);
  if (keycloak) {
    const setting = keycloak[0].trim().replace(/["']/g, "");
    const start = keycloak.index + keycloak[0].length - keycloak[0].trimStart().length;
    ctx.hits.push({ messageId: "keycloakHttp", start: at(start), end: at(keycloak.index + keycloak[0].length), data: { setting }, local: lineIsLocal(line) });
  }
  const tlsDisable = TLS_DISABLE.exec(line);
  if (tlsDisable) {
    const offset = at(tlsDisable.index);
    const region = ctx.regionBudget-- > 0 ? enclosingRegion(ctx.file.text, offset) : { start: offset, end: offset };
    const local = LOOPBACK_ADDRESS.test(ctx.file.text.slice(region.start, region.end));
    ctx.hits.push({ messageId: "vaultTlsDisabled", start: offset, end: at(tlsDisable.index + tlsDisable[0].length), local });
  } else if (VAULT_CHART_TLS_DISABLE.test(line) && ctx.index !== -1 && ctx.regionBudget-- > 0 && ancestorKeys(ctx.lines, ctx.index, 1)[0] === "global") {
    // global:\n  tlsDisable: true   (the Vault Helm chart: every listener and client address is http)
    const start = line.length - line.trimStart().length;
    ctx.hits.push({ messageId: "vaultChartTlsDisabled", start: at(start), end: at(line.trimEnd().length), local: false });
  } else if (TLS_CERT_FILE.test(line)) {
    ctx.passes.push({ offset: at(line.search(TLS_CERT_FILE)), message: "the Vault listener serves TLS (`tls_cert_file`)" });
  }
}

/**
 * Certificate checks turned off, where that is a default that puts a credential at risk: not a
 * branch the user opts into, not a server's context, not a certificate checker reading a peer's
 * certificate, not a line that prints the setting, not a record whose servers are all local.
 */
function checkVerify(ctx: FileContext, line: string, at: (offset: number) => number): void {
  for (const [n, pattern] of VERIFY_OFF.entries()) {
    const match = pattern.exec(line);
    if (!match) continue;
    if (isMessage(line, match.index) || (ctx.index !== -1 && inOptOutBranch(ctx.lines, ctx.index, match.index))) return;
    const offset = at(match.index);
    const record = ctx.regionBudget-- > 0 ? recordText(ctx, offset) : line;
    if (CONTEXT_SETTINGS.has(n) && isServerContext(ctx.file.text, offset, record)) return;
    if (n <= 3 && readsPeerCertificate(ctx.file.text, offset)) return;
    // NODE_TLS_REJECT_UNAUTHORIZED=0 holds for every connection of the process, whatever else the file addresses.
    const hosts = n === PROCESS_WIDE ? [] : hostsOf(record);
    if (hosts.length > 0 && hosts.every(isReservedHost)) return;
    const local = hosts.length > 0 && hosts.every((h) => isLoopbackHost(h) || isReservedHost(h));
    const setting = match[0].trim().replace(/["']/g, "");
    ctx.hits.push({ messageId: "verifyDisabled", start: offset, end: at(match.index + match[0].length), data: { setting }, local });
    return;
  }
}

/**
 * `ssl=False` / `insecure: true` on a client that is given a credential: the record (call, block,
 * YAML siblings) holds a password, key or token, and is not a routing record (an ingress's `tls`).
 *   clickhouse_connect.get_client(host=…, password=…, secure=False)
 *   s3: { endpoint: minio:9000, insecure: true, access_key: …, secret_key: … }
 */
function checkTlsSwitch(ctx: FileContext, line: string, at: (offset: number) => number, pattern: RegExp, messageId: string): void {
  const match = pattern.exec(line);
  if (!match || ctx.regionBudget-- <= 0) return;
  if (isMessage(line, match.index) || (ctx.index !== -1 && inOptOutBranch(ctx.lines, ctx.index, match.index))) return;
  const offset = at(match.index);
  const record = recordText(ctx, offset);
  if (!carriesCredential(record) || COOKIE_CONTEXT.test(record)) return;
  if (ctx.index !== -1 && ancestorKeys(ctx.lines, ctx.index).some((k) => ROUTING_RECORD.test(k))) return;
  const hosts = hostsOf(record);
  if (hosts.length > 0 && hosts.every(isReservedHost)) return;
  const local = hosts.length > 0 && hosts.every((h) => isLoopbackHost(h) || isReservedHost(h));
  // A client given access keys signs its requests (SigV4): the key id and the data cross in clear, not the secret.
  const signsRequests = messageId === "plaintextClient" && !/pass(?:word)?\b/i.test(record);
  const weaker = signsRequests || isDormantRecord(record);
  ctx.hits.push({ messageId, start: offset, end: at(match.index + match[0].length), data: { setting: match[0].replace(/["']/g, "").replace(/\s+/g, " ") }, local, ...(weaker ? { severity: "warning" as const } : {}) });
}

// ENABLE_MTLS=false   ACCESS_TLS_ENABLED: "false"   tls_enabled: bool = Field(default=False, …)
const SERVICE_TLS_OFF =
  /\b((?:[A-Za-z0-9]+_)*(?:enable_m?tls|m?tls_enabled))\b["']?\s*(?::\s*bool\s*)?(?:[:=]\s*["']?(?:false|0|no)\b|=\s*(?:Field\(\s*(?:default\s*=\s*)?)?False\b)/i;

/**
 * TLS switched off for a whole service in what is deployed (an environment's settings, a
 * chart's `security.tls.enabled`, a settings class's default): every token and password between
 * its clients and it travels in clear. Local and CI setups run without TLS on purpose, so only
 * deployable files count, and a warning: whether credentials cross is decided by its clients.
 */
function checkServiceTls(ctx: FileContext, line: string, at: (offset: number) => number): void {
  if (ctx.file.role !== "deployable" || isCommentLine(line)) return;
  const named = SERVICE_TLS_OFF.exec(line);
  if (named) {
    const setting = named[0].replace(/["']/g, "").replace(/\s+/g, " ");
    ctx.hits.push({ messageId: "serviceTlsOff", start: at(named.index), end: at(named.index + named[0].length), data: { setting }, local: false, severity: "warning" });
    return;
  }
  // security:\n  tls:\n    enabled: false
  const toggle = /^\s*enabled\s*:\s*["']?false\b/i.exec(line);
  if (!toggle || ctx.index === -1 || ctx.regionBudget-- <= 0) return;
  const [parent, grandparent] = ancestorKeys(ctx.lines, ctx.index, 2).map((k) => k.toLowerCase());
  if ((parent === "tls" || parent === "mtls") && grandparent === "security") {
    const start = line.length - line.trimStart().length;
    ctx.hits.push({ messageId: "serviceTlsOff", start: at(start), end: at(toggle[0].length), data: { setting: `security.${parent}.enabled: false` }, local: false, severity: "warning" });
  }
}

/** The call, block or YAML siblings a setting belongs to. */
function recordText(ctx: FileContext, offset: number): string {
  const region = enclosingRegion(ctx.file.text, offset);
  return ctx.file.text.slice(region.start, region.end);
}

/** The hosts a record addresses: its URLs, and `host:` / `server:` / `endpoint:` values. */
function hostsOf(record: string): string[] {
  const hosts: string[] = [];
  for (const match of record.matchAll(URL_PATTERN)) hosts.push(parseUrl(match[1]!, match[2]!).host);
  for (const match of record.matchAll(/\b(?:host|hostname|server|endpoint|address)["']?\s*[:=]\s*["']?([A-Za-z0-9][\w.-]*|\[[0-9a-fA-F:]+\])(?![\w.-]*:\/\/)/g)) {
    if (!/^(?:https?|tcp|ssl|tls)$/i.test(match[1]!)) hosts.push(match[1]!.toLowerCase());
  }
  return hosts;
}

/** The saved connection a protocol or host-key setting belongs to: FileZilla's <Server> element, else the enclosing block. */
function savedConnectionText(ctx: FileContext, offset: number, fileZilla: boolean): string {
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
    // a stub that resolves nowhere, or a line that only shows the address: nothing is sent
    if (isReservedHost(url.host) || isMessage(line, match.index)) continue;
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
    if (scheme !== "http" && scheme !== "https") continue;
    const endpoint = credentialEndpoint(ctx, line.slice(0, match.index), url, line);
    if (!endpoint) continue;
    const what = endpoint.what;
    if (scheme === "http") {
      const address = `${scheme}://${url.host}${url.port ? `:${url.port}` : ""}`;
      if (endpoint.providerBase) {
        ctx.hits.push({ messageId: "httpIdentityProvider", start, end, data: { url: address }, local, severity: "warning" });
      } else {
        ctx.hits.push({ messageId: "httpEndpoint", start, end, data: { what, url: address }, local });
      }
    } else {
      ctx.passes.push({ offset: start, message: `${what} is reached over https (\`https://${url.host}${url.port ? `:${url.port}` : ""}\`)` });
    }
  }
  // rediss://:pw@cache:6380   amqps://user:pw@mq   (credentials over TLS)
  const secureCredentials = /\b(rediss|amqps|ldaps):\/\/[^\s"'@/]*:[^\s"'@/]+@/.exec(line);
  if (secureCredentials) ctx.passes.push({ offset: at(secureCredentials.index), message: `credentials travel over TLS (\`${secureCredentials[1]}://\`)` });
}

/**
 * What an http(s) address carries credentials to ("Vault", "The Schema Registry", "An
 * authentication endpoint"), or null. The service is named by the key before the address, the
 * address's service name, its port or the block it sits in, never by a path fragment alone
 * (`/v1/` is every versioned API); a path only says which endpoint of it is addressed.
 */
interface CredentialEndpoint {
  what: string;
  /**
   * The base address of an identity provider (`KEYCLOAK_BASE_URL: http://keycloak:8080`): its
   * discovery and key documents are public, and its token endpoint receives what a client
   * chooses to send, so the address alone is a weaker signal than a token or login endpoint.
   */
  providerBase?: boolean;
}

function credentialEndpoint(ctx: FileContext, before: string, url: ParsedUrl, line: string): CredentialEndpoint | null {
  if (NO_CREDENTIAL_PATH.test(url.path)) return null;
  const keyWords = keyWordsBefore(before);
  // home: http://www.keycloak.org/   SCHEMA_REGISTRY_LISTENERS: http://0.0.0.0:8081
  if (keyWords.length > 0 && NOT_A_CLIENT_KEY_WORDS.includes(keyWords.at(-1)!)) return null;
  const hostWords = serviceWords(url.host);
  // VAULT_ADDR=   vault-0.vault-internal   :8200   vault { address = "…" }
  if (keyWords.includes("vault") || hostWords.includes("vault") || url.port === VAULT_PORT) return { what: "Vault" };
  const registry = (keyWords.includes("schema") && keyWords.includes("registry")) || hostWords.includes("schemaregistry") || /schema-registry/.test(url.host);
  // A Schema Registry receives a credential only where its client is given one (basic or bearer auth).
  if (registry) return ctx.registryCredentials ? { what: "The Schema Registry" } : null;
  if (keyWords.some((w) => AUTH_KEY_WORDS.includes(w)) || hostWords.some((w) => AUTH_HOST_WORDS.includes(w)) || AUTH_PATH.test(url.path)) {
    return { what: "An authentication endpoint", providerBase: isIdentityProviderBase(keyWords, hostWords, url) };
  }
  if (CURL.test(line) && CURL_CREDENTIAL.test(line)) return { what: "A request carrying a credential" };
  if (ctx.index !== -1 && ctx.regionBudget-- > 0 && ancestorKeys(ctx.lines, ctx.index).some((k) => nameWords(k).includes("vault"))) return { what: "Vault" };
  return null;
}

/**
 * An identity provider named by its key or service name, addressed at its root or a realm
 * (`KEYCLOAK_BASE_URL`, `oidc.issuer`, `http://keycloak:8080/realms/x`), with no word of a
 * credential-receiving endpoint (`token`, `login`, `auth`) in the key or path.
 *   ACCESS_AUTH_SERVICE_URL: http://auth-service:8000   -> an endpoint that receives tokens
 *   ACCESS_KEYCLOAK_BASE_URL: http://keycloak:8080      -> a provider's base address
 */
function isIdentityProviderBase(keyWords: string[], hostWords: string[], url: ParsedUrl): boolean {
  if (AUTH_PATH.test(url.path)) return false;
  if (!/^(?:\/(?:auth\/)?realms\/[\w.-]+)?\/?$/.test(url.path)) return false;
  if (keyWords.some((w) => CREDENTIAL_ENDPOINT_KEY_WORDS.has(w))) return false;
  const provider = (w: string) => IDENTITY_PROVIDER_WORDS.has(w);
  return keyWords.some(provider) || (hostWords.some(provider) && !hostWords.some((w) => CREDENTIAL_ENDPOINT_KEY_WORDS.has(w)));
}

const IDENTITY_PROVIDER_WORDS = new Set(["keycloak", "oidc", "idp", "sso", "issuer"]);
const CREDENTIAL_ENDPOINT_KEY_WORDS = new Set(["token", "auth", "authn", "login", "sasl", "credential", "credentials", "password", "secret", "oauth", "oauth2"]);

// curl -k -H "X-Vault-Token: $VAULT_TOKEN" https://vault:8200/v1/…   (continuation lines joined)
function checkCurl(ctx: FileContext, lines: { text: string; start: number }[], index: number): void {
  let text = lines[index]!.text;
  for (let j = index + 1; j < Math.min(lines.length, index + 20) && /\\\s*$/.test(lines[j - 1]!.text); j++) text += " " + lines[j]!.text;
  const tool = CURL.exec(text)?.[0] ?? "curl";
  if (!CURL_INSECURE.test(text) || !CURL_CREDENTIAL.test(text) || isMessage(text, text.search(CURL))) return;
  if (inOptOutBranch(ctx.lines, index, 0)) return;
  // curl -k -u admin:pw https://localhost:8443/   (a request that never leaves the machine)
  const hosts = [...text.matchAll(URL_PATTERN)].map((m) => parseUrl(m[1]!, m[2]!).host);
  if (hosts.length > 0 && hosts.every(isReservedHost)) return;
  const local = hosts.length > 0 && hosts.every((h) => isLoopbackHost(h) || isReservedHost(h));
  const line = lines[index]!;
  const at = line.text.search(CURL);
  ctx.hits.push({ messageId: "curlInsecure", start: line.start + at, end: line.start + at + tool.length, data: { tool }, local });
}

// host=localhost   @127.0.0.1:5432   "127.0.0.1:%d/%s?sslmode=disable"   //localhost:6379
const LOOPBACK_IN_TEXT = /(?:^|[@=/\s"'(,])(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?=[:/\s"',;)?]|$)/;

function lineIsLocal(line: string): boolean {
  const host = /(?:@|host=|\/\/)(\[[^\]]+\]|[\w.-]+)/.exec(line)?.[1];
  if (host !== undefined) return isLoopbackHost(host);
  return LOOPBACK_IN_TEXT.test(line);
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
