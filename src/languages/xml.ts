// XML config (Maven settings, web.config, Spring beans, Tomcat, .NET): a small tag scanner, no DTDs.
//   <password>x</password>                     password → x
//   <add key="DbPassword" value="x"/>          DbPassword → x   (key/name with value)
//   <entry key="api.token">x</entry>           api.token → x    (key/name with text)
//   <datasource password="x" />                password → x     (any other attribute)

import { bind, type Assignment, type LiteralSpan } from "./binding.js";
import { hasReference } from "./strings.js";

const NAME = /[^\s=/>"'<!?]+/y;
const ATTRIBUTE_NAME = /[^\s=/>"']+/y;
const UNQUOTED_ATTRIBUTE = /[^\s>]+/y;
const KEY_ATTRIBUTES = new Set(["key", "name"]);
// Config files nest a few levels; the caps keep a pathological file linear.
const MAX_DEPTH = 128;
const MAX_CLOSE_SEARCH = 16;

interface Attribute {
  name: string;
  literal: LiteralSpan;
}

interface OpenElement {
  name: string;
  contentStart: number;
  hasChildren: boolean;
  key: string | null; // <entry key="x"> names its text
}

export function xmlAssignments(text: string): Assignment[] {
  const found: Assignment[] = [];
  const stack: OpenElement[] = [];
  const path = (): string[] => stack.map((e) => e.name);
  let pos = 0;
  for (let lt = text.indexOf("<", pos); lt !== -1; lt = text.indexOf("<", pos)) {
    if (text.startsWith("<!--", lt)) {
      pos = after(text, "-->", lt + 4);
    } else if (text.startsWith("<![CDATA[", lt)) {
      pos = after(text, "]]>", lt + 9); // text content; read when its element closes
    } else if (text.startsWith("<?", lt)) {
      pos = after(text, "?>", lt + 2);
    } else if (text.startsWith("<!", lt)) {
      pos = after(text, ">", lt + 2);
    } else if (text.charAt(lt + 1) === "/") {
      // </password>
      NAME.lastIndex = lt + 2;
      const name = NAME.test(text) ? text.slice(lt + 2, NAME.lastIndex) : "";
      pos = after(text, ">", lt + 2);
      const depth = openElement(stack, name);
      const element = stack[depth];
      if (depth === -1 || !element) continue;
      stack.length = depth;
      const literal = element.hasChildren ? null : textContent(text, element.contentStart, lt);
      if (literal) {
        const keyPath = [...path(), element.name, ...(element.key === null ? [] : [element.key])];
        found.push(bind(element.key ?? element.name, keyPath, literal, "xml"));
      }
    } else {
      NAME.lastIndex = lt + 1;
      if (!NAME.test(text)) {
        pos = lt + 1; // "a < b" in text
        continue;
      }
      const name = text.slice(lt + 1, NAME.lastIndex);
      const tag = readAttributes(text, NAME.lastIndex);
      pos = tag.end;
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildren = true;
      const keyAttribute = tag.attributes.find((a) => KEY_ATTRIBUTES.has(a.name.toLowerCase()));
      const valueAttribute = tag.attributes.find((a) => a.name.toLowerCase() === "value");
      const elementPath = [...path(), name];
      for (const attribute of tag.attributes) {
        if (keyAttribute && (attribute === keyAttribute || attribute === valueAttribute)) continue;
        found.push(bind(attribute.name, [...elementPath, attribute.name], attribute.literal, "xml"));
      }
      if (keyAttribute && valueAttribute) {
        const key = keyAttribute.literal.value;
        found.push(bind(key, [...elementPath, key], valueAttribute.literal, "xml"));
      }
      if (!tag.selfClosing && stack.length < MAX_DEPTH) {
        stack.push({ name, contentStart: tag.end, hasChildren: false, key: keyAttribute && !valueAttribute ? keyAttribute.literal.value : null });
      }
    }
  }
  return found;
}

/** The open element a closing tag ends: the innermost of that name, a few levels up at most (tolerant of unclosed tags). */
function openElement(stack: readonly OpenElement[], name: string): number {
  for (let i = stack.length - 1; i >= 0 && i >= stack.length - MAX_CLOSE_SEARCH; i -= 1) {
    if (stack[i]?.name === name) return i;
  }
  return -1;
}

function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at === -1 ? text.length : at + close.length;
}

/** Attributes up to the tag's ">" (quotes may hold ">"). */
function readAttributes(text: string, start: number): { attributes: Attribute[]; end: number; selfClosing: boolean } {
  const attributes: Attribute[] = [];
  let i = start;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ">") return { attributes, end: i + 1, selfClosing: text.charAt(i - 1) === "/" };
    if (c === "<") return { attributes, end: i, selfClosing: true }; // an unclosed tag
    ATTRIBUTE_NAME.lastIndex = i;
    if (!ATTRIBUTE_NAME.test(text)) {
      i += 1;
      continue;
    }
    const name = text.slice(i, ATTRIBUTE_NAME.lastIndex);
    i = skipWhitespace(text, ATTRIBUTE_NAME.lastIndex);
    if (text.charAt(i) !== "=") continue;
    i = skipWhitespace(text, i + 1);
    const quote = text.charAt(i);
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close === -1) return { attributes, end: text.length, selfClosing: true };
      attributes.push({ name, literal: decoded(text, i + 1, close, true) });
      i = close + 1;
    } else {
      // <input value=x>   (HTML-style, unquoted)
      UNQUOTED_ATTRIBUTE.lastIndex = i;
      if (!UNQUOTED_ATTRIBUTE.test(text)) continue;
      const end = text.charAt(UNQUOTED_ATTRIBUTE.lastIndex - 1) === "/" ? UNQUOTED_ATTRIBUTE.lastIndex - 1 : UNQUOTED_ATTRIBUTE.lastIndex;
      attributes.push({ name, literal: decoded(text, i, end, false) });
      i = end;
    }
  }
  return { attributes, end: text.length, selfClosing: true };
}

/** An element's text when it is only text (or one CDATA section), trimmed; null when empty. */
function textContent(text: string, start: number, end: number): LiteralSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s += 1;
  while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
  if (s === e) return null;
  if (text.startsWith("<![CDATA[", s) && text.endsWith("]]>", e) && text.indexOf("]]>", s) === e - 3) {
    const value = text.slice(s + 9, e - 3);
    return { value, valueStart: s + 9, valueEnd: e - 3, quoted: false, templated: hasReference(value) };
  }
  if (text.slice(s, e).includes("<")) return null; // comments or mixed content
  return decoded(text, s, e, false);
}

function decoded(text: string, start: number, end: number, quoted: boolean): LiteralSpan {
  const value = decodeEntities(text.slice(start, end));
  return { value, valueStart: start, valueEnd: end, quoted, templated: hasReference(value) };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith("#")) return ENTITIES[name] ?? whole;
    const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function skipWhitespace(text: string, start: number): number {
  let i = start;
  while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
  return i;
}
