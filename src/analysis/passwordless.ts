// Accounts configured to take no password: a ClickHouse user with an empty <password> open to
// every network, and the container settings that tell a database image to start without one
// (MYSQL_ALLOW_EMPTY_PASSWORD=yes, POSTGRES_HOST_AUTH_METHOD=trust, CLICKHOUSE_PASSWORD="").
// An empty value elsewhere (`password: ""` in chart values) usually means "generated" or "set
// at deploy time", so only these explicit shapes count.

import type { FileKind } from "../core/file-kinds.js";

export interface PasswordlessAccount {
  start: number;
  end: number;
  /** `The ClickHouse user \`default\``, `MYSQL_ALLOW_EMPTY_PASSWORD=yes`. */
  what: string;
  /** An account open to every address: a ClickHouse user with `::/0`. */
  openToAll: boolean;
}

// <default> <password></password> … <networks><ip>::/0</ip></networks> … </default>
const CLICKHOUSE_EMPTY_PASSWORD = /<password>\s*<\/password>|<password\s*\/>/g;
const OPEN_NETWORK = /<ip>\s*(?:::\/0|0\.0\.0\.0\/0|::)\s*<\/ip>/;
const USER_OPEN = /<([A-Za-z_][\w.-]*)>\s*$/;

// MYSQL_ALLOW_EMPTY_PASSWORD: "yes"   - ALLOW_EMPTY_PASSWORD=yes   POSTGRES_HOST_AUTH_METHOD: trust   CLICKHOUSE_PASSWORD: ""
const EMPTY_PASSWORD_SETTING =
  /\b((?:MYSQL|MARIADB)_ALLOW_EMPTY(?:_ROOT)?_PASSWORD|ALLOW_EMPTY_PASSWORD)["']?\s*[:=]\s*["']?(?:yes|true|1)\b|\b(POSTGRES_HOST_AUTH_METHOD)["']?\s*[:=]\s*["']?trust\b|\b(CLICKHOUSE_PASSWORD)["']?\s*[:=][ \t]*(?:""|'')?[ \t]*(?:#.*)?$/gm;

const SETTING_KINDS: ReadonlySet<FileKind> = new Set(["yaml", "dotenv", "dockerfile", "shell"]);

export function passwordlessAccounts(text: string, kind: FileKind): PasswordlessAccount[] {
  const found: PasswordlessAccount[] = [];
  if (kind === "xml" && text.includes("<users>")) found.push(...clickhouseUsers(text));
  if (SETTING_KINDS.has(kind) && /EMPTY|TRUST|CLICKHOUSE_PASSWORD/i.test(text)) {
    for (const match of text.matchAll(EMPTY_PASSWORD_SETTING)) {
      // CLICKHOUSE_PASSWORD is read by clients too (an exporter's): only the server's image makes it an account.
      if (match[3] !== undefined && !isClickHouseServer(text, match.index)) continue;
      // The match starts at the setting's name; a trailing comment is not part of it.
      const setting = match[0].replace(/\s*(?:#.*)?$/, "");
      const shown = setting.replace(/["']/g, "").replace(/\s*=\s*/, "=").replace(/\s*:\s*/, ": ").replace(/(?:=|: )$/, (sign) => `${sign}""`);
      found.push({ start: match.index, end: match.index + setting.length, what: `\`${shown}\``, openToAll: false });
    }
  }
  return found;
}

/** Each user of a ClickHouse `<users>` section whose password is empty and whose networks admit any address. */
function clickhouseUsers(text: string): PasswordlessAccount[] {
  const found: PasswordlessAccount[] = [];
  for (const match of text.matchAll(CLICKHOUSE_EMPTY_PASSWORD)) {
    // The user's element: the nearest opening tag before the password, and its closing tag after it.
    const before = text.slice(Math.max(0, match.index - 2000), match.index);
    const lines = before.split("\n");
    let user: string | undefined;
    for (let i = lines.length - 1; i >= 0 && user === undefined; i--) {
      const open = USER_OPEN.exec(lines[i]!.trim() === "" ? "" : lines[i]!);
      if (open && open[1] !== "password") user = open[1];
    }
    if (user === undefined) continue;
    const close = text.indexOf(`</${user}>`, match.index);
    const block = text.slice(match.index, close === -1 ? Math.min(text.length, match.index + 4000) : close);
    if (!OPEN_NETWORK.test(block)) continue;
    found.push({ start: match.index, end: match.index + match[0].length, what: `The ClickHouse user \`${user}\``, openToAll: true });
  }
  return found;
}

/** The nearest `image:` above an offset (its service's, in a compose file or a pod spec) runs the ClickHouse server. */
function isClickHouseServer(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 3000), offset);
  const images = [...before.matchAll(/\bimage["']?\s*[:=]\s*["']?([^\s"']+)/g)];
  const image = images.at(-1)?.[1];
  return image !== undefined && /clickhouse(?:-server)?(?::|$)/i.test(image.split("/").at(-1) ?? "");
}

