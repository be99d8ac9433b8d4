// What insecure-transport needs to tell a credential crossing a network in clear from its
// look-alikes: which service an address names (from its key, its service name and its port, not a
// path fragment), whether a record carries a credential, whether a setting sits in a branch the
// user opts into, and whether a line only prints an address. Every scan is bounded.

import { nameWords } from "../../core/vocabulary.js";
import { isCommentLine, type TextLine } from "./text.js";

/** Paths that carry no credential: health checks, and the public keys and discovery documents of an identity provider. */
export const NO_CREDENTIAL_PATH =
  /^\/(?:v1\/sys\/(?:health|seal-status|leader)|healthz?|readyz|livez|metrics|ping)(?:[/?#]|$)|\/(?:protocol\/openid-connect\/certs|jwks(?:\.json)?|\.well-known\/[\w.-]+|keys)(?:[/?#]|$)/i;

/**
 * Paths of endpoints that receive credentials: token, login and OAuth endpoints.
 *   /oauth/token   /realms/carbon/protocol/openid-connect/token   /api/v1/auth/login   /auth/verify
 */
export const AUTH_PATH = /^(?:\/api)?(?:\/v\d+)?\/(?:oauth2?|token|auth|login|signin|sign-in|authenticate|connect\/token)(?:[/?#]|$)|\/protocol\/openid-connect\/(?:token|auth)(?:[/?#]|$)|\/oauth2?\/(?:token|authorize)(?:[/?#]|$)/i;

/** Words of a key whose address receives credentials: `TOKEN_URL`, `ACCESS_AUTH_SERVICE_URL`, `keycloak.url`. */
export const AUTH_KEY_WORDS: readonly string[] = [
  "token", "oauth", "oauth2", "oidc", "auth", "authn", "login", "keycloak", "sso", "sasl", "credential", "credentials", "password", "secret", "idp",
];
/** Words of a service name (the first label of a host) that receives credentials: `auth-service`, `keycloak.iam.svc`. */
export const AUTH_HOST_WORDS: readonly string[] = ["keycloak", "auth", "sso", "login", "idp", "oauth", "oidc"];

/** Last words of keys whose address no client sends anything to: chart metadata, server bind addresses. */
export const NOT_A_CLIENT_KEY_WORDS: readonly string[] = [
  "home", "homepage", "icon", "logo", "source", "sources", "website", "docs", "documentation", "repository", "repo", "link", "href", "listeners", "listener", "bind",
];

/** The file sends Schema Registry credentials: `basic.auth.user.info`, `SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO`, `schema_registry_password`. */
export const REGISTRY_CREDENTIALS =
  /basic[._-]?auth[._-]?(?:user[._-]?info|credentials[._-]?source)|bearer[._-]?auth[._-]?(?:token|credentials)|schema[._-]?registry[._-]?(?:basic[._-]?auth|user(?:name)?|password|api[._-]?(?:key|secret)|secret|credentials?)/i;

/** The words of a host's service name: its first DNS label (`auth-service` of `auth-service.access.svc`), not a website's domain (`www.keycloak.org`). */
export function serviceWords(host: string): string[] {
  const label = host.replace(/^\[|\]$/g, "").split(".")[0] ?? "";
  return label.split(/[-_]/).filter(Boolean);
}

/** A host that resolves nowhere (RFC 6761 `.invalid`): a stub, not a server. */
export function isReservedHost(host: string): boolean {
  return /(?:^|\.)invalid$/i.test(host);
}

// password: x   api_key = x   "secretKey": x   sasl:   (the whole key, to tell `tlsSecret:` from `secret_key:`)
const CREDENTIAL_KEY = /([A-Za-z0-9_.-]*?)(password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|sasl|credentials?|private[_-]?key)([A-Za-z0-9_-]*)["']?\s*[:=]/gi;
// Keys that name a TLS Secret, a certificate or a pull secret rather than give a client a credential: secretName, tlsSecret, imagePullSecrets.
const NAMES_A_SECRET = /^(?:tls|cert|ca|image[_-]?pull)|(?:names?|selector)$/i;

/** The record (call, block or YAML siblings) gives a client a credential; comment lines and Secret names do not count. */
export function carriesCredential(record: string): boolean {
  for (const line of record.split("\n")) {
    if (isCommentLine(line)) continue;
    for (const match of line.matchAll(CREDENTIAL_KEY)) {
      const key = `${match[1]}${match[2]}${match[3]}`;
      if (!NAMES_A_SECRET.test(key)) return true;
    }
  }
  return false;
}

/**
 * The record's feature is off as shipped (`ldap: { enabled: false, tls: false, bindPassword: … }`),
 * or every credential in it is left empty (`user: ""`, `password:`): the toggle matters once a
 * user turns the feature on or fills the credential in, so it is a weaker finding.
 */
export function isDormantRecord(record: string): boolean {
  if (/^\s*["']?enabled["']?\s*[:=]\s*["']?false\b/im.test(record)) return true;
  let credentials = 0;
  for (const line of record.split("\n")) {
    if (isCommentLine(line)) continue;
    for (const match of line.matchAll(CREDENTIAL_KEY)) {
      if (NAMES_A_SECRET.test(`${match[1]}${match[2]}${match[3]}`)) continue;
      credentials++;
      const value = line.slice(match.index + match[0].length).trim();
      if (!/^(?:""|''|~|null)?\s*(?:#.*)?$/i.test(value)) return false;
    }
  }
  return credentials > 0;
}

/** Keys of the records around a line, innermost first: `ingress`, `hosts` for `tls: false` under `ingress.hosts[0]`; `vault` for `vault { address = … }`. */
export function ancestorKeys(lines: readonly TextLine[], index: number, max = 3): string[] {
  const keys: string[] = [];
  let indent = indentOf(lines[index]!.text);
  for (let k = index - 1; k >= Math.max(0, index - 300) && indent > 0 && keys.length < max; k--) {
    const text = lines[k]!.text;
    if (text.trim() === "" || isCommentLine(text)) continue;
    const own = indentOf(text);
    if (own >= indent) continue;
    indent = own;
    const key = /^\s*(?:-\s+)?["']?([\w.-]+)["']?\s*(?::|(?:\s+"[^"]*")*\s*\{)/.exec(text)?.[1];
    if (key) keys.push(key);
  }
  return keys;
}

/** Records that route traffic to a service rather than connect to one: a TLS toggle there is not a client's transport. */
export const ROUTING_RECORD = /^(?:ingress|ingresses|route|routes|httproute|virtualservice|gateway)$/i;

// A condition on a TLS flag: `if not verify_ssl:`  `if *cfg.DisableTLSCheck {`  `args.skip_tls_verify`  `if (!opts.tls)`
const TLS_FLAG = /verif|insecure|skip|disable|unsafe|self[_-]?signed|no[_-]?(?:ssl|tls)|(?:use|enable)[_-]?(?:ssl|tls)|(?:ssl|tls)[_-]?(?:enabled|on)\b|(?:^|[^a-z_])(?:ssl|tls|secure)\b/i;
const HEADER_IF = /^\s*(?:\}\s*)?(?:if|elif|else\s+if|unless)\b(.*)$/;
const HEADER_ELSE = /^\s*(?:\}\s*)?else\b\s*:?\s*\{?\s*$/;
const FUNCTION_HEADER = /^\s*(?:export\s+)?(?:async\s+)?(?:def|func|function|class|fn)\b/;
const TEMPLATE_IF = /\{\{-?\s*(?:if|else\s+if|with)\s+([^}]*)\}\}/;
const TEMPLATE_END = /\{\{-?\s*end\s*-?\}\}/;

/**
 * The setting at `column` of line `index` only applies when the user turns a TLS check off: it
 * sits in the branch of a condition on a TLS flag, which is an opt-out, not a default.
 *   verify = False if args.skip_tls_verify else True
 *   if configuration.verify_ssl: … else: cert_reqs = ssl.CERT_NONE
 *   if *testconfig.DisableTLSCheck { … InsecureSkipVerify: true … }
 *   {{- if .Values.tls.insecureSkipVerify }} insecureSkipVerify: true
 */
export function inOptOutBranch(lines: readonly TextLine[], index: number, column: number): boolean {
  const line = lines[index]!.text;
  const after = line.slice(column);
  const conditional = /\bif\b(.+?)\belse\b/.exec(after);
  if (conditional && TLS_FLAG.test(conditional[1]!)) return true;
  const ternary = /([^?]{0,80})\?\s*[{(]?\s*$/.exec(line.slice(0, column));
  if (ternary && TLS_FLAG.test(ternary[1]!)) return true;
  for (let k = index - 1; k >= Math.max(0, index - 6); k--) {
    const text = lines[k]!.text;
    if (TEMPLATE_END.test(text)) break;
    const template = TEMPLATE_IF.exec(text);
    if (template) {
      if (TLS_FLAG.test(template[1]!)) return true;
      break;
    }
  }
  let indent = indentOf(line);
  let elseIndent = -1;
  for (let k = index - 1; k >= Math.max(0, index - 60) && (indent > 0 || elseIndent !== -1); k--) {
    const text = lines[k]!.text;
    if (text.trim() === "" || isCommentLine(text)) continue;
    const own = indentOf(text);
    if (elseIndent !== -1) {
      if (own > elseIndent) continue;
      if (own === elseIndent) {
        const header = HEADER_IF.exec(text);
        if (header) return TLS_FLAG.test(header[1]!);
        continue;
      }
      elseIndent = -1;
    }
    if (own >= indent) continue;
    indent = own;
    if (FUNCTION_HEADER.test(text)) return false;
    const header = HEADER_IF.exec(text);
    if (header && TLS_FLAG.test(header[1]!)) return true;
    if (!header && HEADER_ELSE.test(text)) elseIndent = own;
  }
  return false;
}

// echo "Auth: http://localhost:8010"   print(f"… {url}")   logger.info("… verify_tls=False …")   console.log(…)
const ECHO = /^\s*[@-]?\s*(?:\$\s+)?echo\s/;
const MESSAGE_CALL = /(?:^|[^\w])(?:print|println|puts|console\.\w+|(?:log|logger|logging|_log|_logger|LOG|LOGGER)\.\w+|warnings\.warn)\s*\(/;

/** The line only shows text (an echo or a print or log call before `column`), unless it writes a file. */
export function isMessage(line: string, column: number): boolean {
  if (ECHO.test(line)) return !/>|\|\s*tee\b/.test(line);
  const call = MESSAGE_CALL.exec(line);
  return call !== null && call.index < column;
}

/** A server's TLS context (`server_side=True`, `PROTOCOL_TLS_SERVER`): hostname checks and peer certificates are the clients' business there. */
export function isServerContext(text: string, offset: number, record: string): boolean {
  const SERVER = /server_side\s*=\s*True|PROTOCOL_TLS_SERVER|Purpose\.CLIENT_AUTH|\bcreateServer\s*\(|\btls\.createServer\b/;
  if (SERVER.test(record)) return true;
  const before = text.slice(Math.max(0, offset - 600), offset);
  return SERVER.test(before.split("\n").slice(-8).join("\n"));
}

/**
 * Verification is off to read a peer's certificate (a certificate checker), and nothing sent on
 * that connection is a credential.
 *   context.check_hostname = False; context.verify_mode = ssl.CERT_NONE; … ssock.getpeercert()
 */
export function readsPeerCertificate(text: string, offset: number): boolean {
  const ahead = text.slice(offset, Math.min(text.length, offset + 2500));
  const end = ahead.search(/\n\s*(?:def|func|function|class)\s/);
  const body = end === -1 ? ahead : ahead.slice(0, end);
  return /getpeercert|get_server_certificate|getPeerCertificate|PeerCertificates|get_peer_cert_chain/.test(body) && !/authorization|bearer|password|token|api[_-]?key/i.test(body);
}

/** The words of the key written right before an address: `VAULT_ADDR=`, `schema.registry.url:`, `--vault-addr` (a bounded tail keeps this linear). */
export function keyWordsBefore(before: string): string[] {
  const key = /([A-Za-z_][\w.-]*)["']?\s*(?:[:=]|\s)\s*["']?$/.exec(before.slice(-120))?.[1] ?? "";
  return nameWords(key);
}

function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charAt(i) === " " || text.charAt(i) === "\t" || text.charAt(i) === "-")) i++;
  return i;
}
