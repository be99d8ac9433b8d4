import { isPlaceholderValue } from "../detectors/placeholders.js";
import { basename } from "../core/file-kinds.js";
import { isSecretLikeKey } from "../core/vocabulary.js";

/** A secret found by the format of a file whose name says it stores credentials. */
export interface CredentialFileMatch {
  format: string; // for the message: "shadow password hash"
  start: number;
  end: number;
  secret: string;
}

// user:HASH:... with a crypt(3) or htpasswd hash: $1$ MD5, $5$/$6$ SHA, $apr1$, $2y$ bcrypt, {SHA}, yescrypt, 13-char DES.
const CRYPT_HASH = /^(?:\$(?:1|2[abxy]?|5|6|apr1|y|7|gy|sha1|md5)\$[./A-Za-z0-9$,=+-]{8,200}|\{(?:SHA|SSHA|SMD5)\}[A-Za-z0-9+/=]{20,100}|[./A-Za-z0-9]{13})$/;

interface CredentialFormat {
  name: string;
  matches(path: string): boolean;
  scan(text: string): CredentialFileMatch[];
}

function eachLine(text: string, visit: (line: string, start: number) => void): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    visit(text.slice(start, end).replace(/\r$/, ""), start);
    start = end + 1;
  }
}

const FORMATS: readonly CredentialFormat[] = [
  {
    // /etc/shadow, .htpasswd, proftpd's ftpd.passwd: user:hash[:...]
    name: "password hash",
    matches: (path) => /^(?:shadow|gshadow|master\.passwd|\.?htpasswd|[\w.-]*passwd[\w.-]*)$/i.test(basename(path)),
    scan(text) {
      const found: CredentialFileMatch[] = [];
      eachLine(text, (line, start) => {
        if (line.startsWith("#")) return;
        const fields = line.split(":");
        const hash = fields[1] ?? "";
        if (fields.length >= 2 && CRYPT_HASH.test(hash)) {
          const offset = start + fields[0]!.length + 1;
          found.push({ format: "password hash", start: offset, end: offset + hash.length, secret: hash });
        }
      });
      return found;
    },
  },
  {
    // ~/.pgpass: hostname:port:database:username:password
    name: "PostgreSQL password file",
    matches: (path) => basename(path) === ".pgpass" || basename(path) === "pgpass.conf",
    scan(text) {
      const found: CredentialFileMatch[] = [];
      eachLine(text, (line, start) => {
        if (line.startsWith("#")) return;
        const match = /^(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(.+)$/.exec(line);
        if (match?.[1]) found.push({ format: "PostgreSQL password", start: start + line.length - match[1].length, end: start + line.length, secret: match[1] });
      });
      return found;
    },
  },
  {
    // ~/.netrc: machine host login user password secret (on one line or several)
    name: "netrc password",
    matches: (path) => /^[._]netrc$/.test(basename(path)),
    scan(text) {
      const found: CredentialFileMatch[] = [];
      for (const match of text.matchAll(/\bpassword[ \t]+(\S{1,500})/g)) {
        const secret = match[1]!;
        const start = match.index! + match[0].length - secret.length;
        found.push({ format: "netrc password", start, end: start + secret.length, secret });
      }
      return found;
    },
  },
  {
    // Rails config/master.key and config/credentials/<env>.key: 32 hex characters.
    name: "Rails master key",
    matches: (path) => /(?:^|\/)config\/(?:master|credentials\/[\w-]+)\.key$/.test(path),
    scan(text) {
      const match = /^\s*([0-9a-f]{32})\s*$/.exec(text);
      if (!match) return [];
      const start = text.indexOf(match[1]!);
      return [{ format: "Rails master key", start, end: start + 32, secret: match[1]! }];
    },
  },
  {
    // ~/.git-credentials: https://user:password@host, one per line; the password may hold '@' and '#'.
    name: "git credential store",
    matches: (path) => basename(path) === ".git-credentials",
    scan(text) {
      const found: CredentialFileMatch[] = [];
      eachLine(text, (line, start) => {
        const scheme = line.indexOf("://");
        const at = line.lastIndexOf("@");
        const colon = scheme === -1 ? -1 : line.indexOf(":", scheme + 3);
        if (scheme === -1 || colon === -1 || at < colon) return;
        const secret = line.slice(colon + 1, at);
        if (secret && !isPlaceholderValue(secret)) found.push({ format: "git credential", start: start + colon + 1, end: start + at, secret });
      });
      return found;
    },
  },
  {
    // A browser profile's saved logins (Firefox logins.json): encrypted with a key that sits beside it.
    name: "saved browser logins",
    matches: (path) => basename(path) === "logins.json",
    scan(text) {
      const found: CredentialFileMatch[] = [];
      for (const match of text.matchAll(/"encrypted(?:Username|Password)"\s*:\s*"([A-Za-z0-9+/=]{16,4096})"/g)) {
        const secret = match[1]!;
        const start = match.index! + match[0].length - secret.length - 1;
        found.push({ format: "saved browser login", start, end: start + secret.length, secret });
      }
      return found;
    },
  },
  {
    // INSERT INTO users (id, username, password) VALUES (1, 'ann', '$2y$12$…'), (…);  a dump of accounts.
    name: "SQL dump with passwords",
    matches: (path) => /\.sql$/i.test(path),
    scan: scanSqlInserts,
  },
];

const INSERT_HEADER = /INSERT\s+INTO\s+[`"\[\]\w.]{1,200}\s*\(([^()]{1,4000})\)\s*VALUES\s*/gi;

function scanSqlInserts(text: string): CredentialFileMatch[] {
  const found: CredentialFileMatch[] = [];
  for (const header of text.matchAll(INSERT_HEADER)) {
    const columns = header[1]!.split(",").map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ""));
    const secretColumns = columns.flatMap((c, i) => (isSecretLikeKey(c) ? [i] : []));
    if (secretColumns.length === 0) continue;
    // Tuples follow until the statement's semicolon; each is "(v1, 'v2', …)".
    const end = text.indexOf(";\n", header.index! + header[0].length);
    const body = text.slice(header.index! + header[0].length, end === -1 ? text.length : end);
    const bodyStart = header.index! + header[0].length;
    for (const tuple of body.matchAll(/\(([^()]*)\)/g)) {
      const values = splitSqlValues(tuple[1]!, bodyStart + tuple.index! + 1);
      for (const index of secretColumns) {
        const value = values[index];
        if (value?.quoted && value.text && !isPlaceholderValue(value.text)) {
          found.push({ format: `password column \`${columns[index]}\` in a SQL dump`, start: value.start, end: value.end, secret: value.text });
        }
      }
    }
  }
  return found;
}

function splitSqlValues(list: string, offset: number): { text: string; start: number; end: number; quoted: boolean }[] {
  const values: { text: string; start: number; end: number; quoted: boolean }[] = [];
  let i = 0;
  while (i < list.length) {
    while (list[i] === " " || list[i] === "\t" || list[i] === "\n" || list[i] === "\r") i++;
    if (list[i] === "'") {
      let j = i + 1;
      while (j < list.length && !(list[j] === "'" && list[j + 1] !== "'")) j += list[j] === "'" ? 2 : list[j] === "\\" ? 2 : 1;
      values.push({ text: list.slice(i + 1, j), start: offset + i + 1, end: offset + j, quoted: true });
      i = list.indexOf(",", j);
    } else {
      const comma = list.indexOf(",", i);
      const stop = comma === -1 ? list.length : comma;
      values.push({ text: list.slice(i, stop).trim(), start: offset + i, end: offset + stop, quoted: false });
      i = comma;
    }
    if (i === -1) break;
    i++;
  }
  return values;
}

/** Secrets found by the layout of credential files: shadow, .htpasswd, .pgpass, .netrc, Rails keys, git and browser credential stores, SQL dumps. */
export function scanCredentialFile(path: string, text: string): CredentialFileMatch[] {
  const format = FORMATS.find((f) => f.matches(path));
  return format ? format.scan(text) : [];
}

export function isCredentialFile(path: string): boolean {
  return FORMATS.some((f) => f.matches(path));
}
