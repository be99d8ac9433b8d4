// Durations as Kubernetes controllers and Vault write them: Go durations (`2160h`, `720h0m0s`,
// `1h30m`), Vault's day suffix (`30d`), and bare integers, which Vault and Terraform read as seconds.

const UNIT_HOURS: Record<string, number> = {
  ns: 1 / 3.6e12, us: 1 / 3.6e9, "µs": 1 / 3.6e9, ms: 1 / 3.6e6, s: 1 / 3600, m: 1 / 60, h: 1, d: 24, w: 168,
};
const PART = /([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h|d|w)/y;

/** Hours in a duration, or null when the text is not one (templated, empty, malformed). */
export function durationHours(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? text / 3600 : null;
  const trimmed = text.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) / 3600;
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  let hours = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const at = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== at) return null;
    hours += Number(match[1]) * UNIT_HOURS[match[2]!]!;
  }
  return hours;
}

/** `2160h` → "90 days", `36h` → "1.5 days", `2h` → "2 hours": how a message shows a lifetime. */
export function describeHours(hours: number): string {
  if (hours < 24) return `${round(hours)} hour${hours === 1 ? "" : "s"}`;
  const days = hours / 24;
  return `${round(days)} day${days === 1 ? "" : "s"}`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
}
