import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  CHECKLIST_ROLES,
  FilePass,
  ROLES,
  RULES,
  SNIPPET_WIDTH,
  SUPPRESSION_MARKER,
  addMaskedExcerpts,
  basename,
  classify,
  createRuleInstances,
  createScrubber,
  decode,
  dirname,
  docsFenceFor,
  fingerprint,
  lineTexts,
  loadConfig,
  lowerSeverity,
  parseSuppressions,
  preloadParsers,
  redact,
  resolveReport,
  roleOfPath,
  runInWorkers,
  serializeConfig,
  severityInRole,
  sha256,
  sourceFromBytes,
  threadsFor,
  unreadableOutcome,
  withoutSourceText,
  workerScript
} from "./chunk-GHR2IQ3I.js";
import {
  __commonJS,
  __toESM
} from "./chunk-K5PXIU67.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename2 = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename2 : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        const cached = cache[path];
        if (cached) {
          return cached;
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/core/version.ts
import { readFileSync } from "node:fs";
var TOOL_NAME = "carbon-secret-lint";
var TOOL_VERSION = (() => {
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8"));
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
    }
  }
  return "0.0.0";
})();

// src/core/checklist.ts
var CHECKLIST = [
  {
    id: "secrets-in-store",
    title: "All secrets stored in Vault or Kubernetes Secrets",
    rationale: "Manifests take secrets from a store (secretKeyRef, envFrom.secretRef, Vault CRDs), never as literal values.",
    decidedBy: "Kubernetes or compose manifests that take secrets through secretKeyRef, envFrom.secretRef or Vault resources."
  },
  {
    id: "no-secrets-in-source",
    title: "No secrets in source code or configuration files",
    rationale: "A secret in a repository is readable by everyone with a clone, forever, through history.",
    decidedBy: "A scan of the repository's text files for hardcoded and logged secrets."
  },
  {
    id: "env-gitignored",
    title: "`.env` files added to `.gitignore`",
    rationale: "The guide keeps development credentials in local `.env` files that must never be committed.",
    decidedBy: "A .gitignore that ignores `.env` wherever one would be created, and no tracked `.env`."
  },
  {
    id: "encrypted-at-rest",
    title: "Secrets encrypted at rest",
    rationale: "A plaintext Kubernetes Secret committed to git is only base64, not encryption.",
    decidedBy: "Kubernetes Secret manifests, or their encrypted forms (SealedSecret, SOPS, ExternalSecret, VaultStaticSecret)."
  },
  {
    id: "tls-in-transit",
    title: "TLS enabled for all secret transmission",
    rationale: "Credentials sent over plaintext transports can be read on the wire.",
    decidedBy: "Configuration of the clients and servers that carry credentials (Vault address, Kafka, databases, Redis)."
  },
  {
    id: "rotation-automated",
    title: "Rotation schedule defined and automated",
    rationale: "The guide rotates API keys every 90 days, database passwords every 60, certificates and admin credentials every 30.",
    decidedBy: "A rotation policy in the repository: cert-manager Certificates, Vault secret refresh, rotation configuration."
  },
  {
    id: "audit-logging",
    title: "Access audit logging enabled",
    rationale: "Every secret access must be attributable.",
    decidedBy: "A Vault audit device or audit configuration in the repository."
  },
  {
    id: "emergency-procedures",
    title: "Emergency procedures documented",
    rationale: "A leaked credential needs a written, rehearsed rotation and break-glass procedure.",
    decidedBy: "A runbook that documents emergency rotation or break-glass access."
  },
  {
    id: "startup-validation",
    title: "Secrets validated on service startup",
    rationale: "A service that starts without its secrets fails later and less clearly.",
    decidedBy: "Services whose entry points check their required secrets before serving."
  },
  {
    id: "auth-failure-alerts",
    title: "Monitoring alerts configured for auth failures",
    rationale: "Failed authentication is the first sign of a leaked or expired credential.",
    decidedBy: "An alerting rule (Prometheus or similar) on authentication failures."
  }
];

// src/engine/checklist.ts
var PARTIAL_SCOPES = {
  diff: "a --diff scan reports only what the change adds",
  staged: "a --staged scan reports only what is staged"
};
function isPartialScope(scope) {
  return scope in PARTIAL_SCOPES;
}
function where(path, line) {
  return path ? `${path}${line ? `:${line}` : ""}: ` : "";
}
function rollUpChecklist(input) {
  const partial = PARTIAL_SCOPES[input.scope];
  const projectRules = new Set(input.enabledRules.filter((r) => r.meta.scope === "project").map((r) => r.meta.id));
  return CHECKLIST.map((item) => {
    const base = { id: item.id, title: item.title };
    if (input.skipped.includes(item.id)) return { ...base, status: "not-applicable", evidence: ["skipped by configuration"] };
    const failing = input.findings.filter((f) => f.checklist.includes(item.id) && f.severity !== "info" && (projectRules.has(f.ruleId) || CHECKLIST_ROLES.includes(f.role)));
    if (failing.length > 0) {
      return { ...base, status: "fail", evidence: failing.map((f) => `${f.path}:${f.line}: ${f.ruleId}: ${f.message}`) };
    }
    const evidence = input.evidence.filter((e) => e.checklist === item.id);
    const passes = evidence.filter((e) => e.status === "pass");
    if (passes.length > 0) {
      const seen = passes.map((e) => where(e.path, e.line) + e.message);
      if (partial) return { ...base, status: "unknown", evidence: [`${partial}, so it cannot decide this item for the whole repository (a full scan can)`, ...seen] };
      return { ...base, status: "pass", evidence: seen };
    }
    const notApplicable = evidence.filter((e) => e.status === "not-applicable");
    if (notApplicable.length > 0) {
      return { ...base, status: "not-applicable", evidence: notApplicable.map((e) => where(e.path, e.line) + e.message) };
    }
    const deciding = input.enabledRules.filter((r) => r.meta.checklist.includes(item.id));
    const hint = deciding.length ? `nothing in the repository decides it (checked by ${deciding.map((r) => r.meta.id).join(", ")}); evidence would be: ${item.decidedBy}` : `no enabled rule decides it; evidence would be: ${item.decidedBy}`;
    return { ...base, status: "unknown", evidence: [hint] };
  });
}

// src/engine/git.ts
import { spawn, spawnSync } from "node:child_process";
import { readFileSync as readFileSync2, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname as dirname2, join, resolve } from "node:path";
var HARDENED_CONFIG = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "core.pager=cat",
  "core.editor=false",
  "sequence.editor=false",
  "core.askPass=",
  "core.untrackedCache=false",
  "core.sshCommand=false",
  "core.gitProxy=",
  "core.alternateRefsCommand=",
  "core.quotePath=true",
  "core.abbrev=40",
  "credential.helper=",
  "diff.external=",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "diff.srcPrefix=a/",
  "diff.dstPrefix=b/",
  "diff.relative=false",
  "diff.renames=false",
  "diff.orderFile=/dev/null",
  "diff.algorithm=myers",
  "diff.indentHeuristic=false",
  "diff.interHunkContext=0",
  "diff.suppressBlankEmpty=false",
  "color.ui=false",
  "gpg.program=false",
  "gpg.openpgp.program=false",
  "gpg.x509.program=false",
  "gpg.ssh.program=false",
  "gpg.ssh.defaultKeyCommand=",
  "log.showSignature=false",
  "log.showRoot=true",
  "log.mailmap=false",
  "i18n.logOutputEncoding=UTF-8",
  "protocol.allow=never",
  "uploadpack.packObjectsHook="
];
var PROGRAM_KEY = /^(?:diff\.[^\n]+\.(?:command|textconv)|filter\.[^\n]+\.(?:clean|smudge|process)|merge\.[^\n]+\.driver|hook\.[^\n]+\.command|credential\.[^\n]+\.helper|remote\.[^\n]+\.(?:uploadpack|receivepack|vcs)|(?:difftool|mergetool|browser|man)\.[^\n]+\.(?:cmd|path)|pager\.[^\n]+|gpg\.[^\n]+\.program|alias\.[^\n]+)$/i;
var HARDENED_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_OPTIONAL_LOCKS: "0",
  GIT_PAGER: "cat",
  PAGER: "cat",
  GIT_EXTERNAL_DIFF: "",
  GIT_ASKPASS: "",
  SSH_ASKPASS: "",
  GIT_CONFIG_NOSYSTEM: "1",
  LC_ALL: "C"
};
function gitArgs(args, neutralised = []) {
  return ["--no-pager", ...[...HARDENED_CONFIG, ...neutralised].flatMap((c) => ["-c", c]), ...args];
}
function repositoryKeys(cwd) {
  const stamp = configStamp(cwd);
  const cached = stamp === null ? void 0 : keysCache.get(cwd);
  if (cached && cached.stamp === stamp) return cached.keys;
  const listed = spawnSync("git", gitArgs(["config", "--list", "--name-only", "-z"]), { cwd, env: gitEnv(), maxBuffer: 1 << 24, windowsHide: true });
  const names = listed.status === 0 ? listed.stdout.toString("utf8").split("\0").filter(Boolean) : [];
  const keys = [...new Set(names.filter((name) => PROGRAM_KEY.test(name)))].map((name) => `${name}=`);
  if (stamp !== null) keysCache.set(cwd, { stamp, keys });
  return keys;
}
var keysCache = /* @__PURE__ */ new Map();
function configStamp(cwd) {
  const gitDir = findGitDir(resolve(cwd));
  if (gitDir === null) return null;
  const files = [join(gitDir, "config"), join(gitDir, "config.worktree"), join(homedir(), ".gitconfig"), join(process.env.XDG_CONFIG_HOME ?? join(homedir(), ".config"), "git", "config"), "/etc/gitconfig"];
  if (process.env.GIT_CONFIG_GLOBAL || process.env.GIT_CONFIG_SYSTEM || process.env.GIT_CONFIG_COUNT) return null;
  return files.map((file) => fileStamp(file)).join("|");
}
function fileStamp(file) {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "-";
  }
}
function findGitDir(dir) {
  for (let current = dir; ; current = dirname2(current)) {
    const candidate = join(current, ".git");
    try {
      const s = statSync(candidate);
      if (s.isDirectory()) return candidate;
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync2(candidate, "utf8"));
      return pointer ? resolve(current, pointer[1].trim()) : null;
    } catch {
    }
    if (dirname2(current) === current) return null;
  }
}
function gitEnv() {
  const env = { ...process.env, ...HARDENED_ENV };
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_EDITOR", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_PROXY_COMMAND"]) delete env[name];
  return env;
}
var GitError = class extends Error {
  constructor(message, stderr) {
    super(message);
    this.stderr = stderr;
  }
  stderr;
};
function runGit(cwd, args, input) {
  const result = spawnSync("git", gitArgs(args, repositoryKeys(cwd)), {
    cwd,
    env: gitEnv(),
    input,
    maxBuffer: 1 << 30,
    stdio: ["pipe", "pipe", "pipe"],
    windowsHide: true
  });
  if (result.error) throw new GitError(`could not run git: ${result.error.message}`, "");
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}
function splitNul(buffer) {
  const text = buffer.toString("utf8");
  return text.split("\0").filter((s) => s.length > 0);
}
function probeRepository(dir) {
  let out;
  try {
    out = runGit(dir, ["rev-parse", "--show-toplevel", "--show-prefix"]);
  } catch {
    return { kind: "none" };
  }
  if (out.status !== 0) {
    if (/dubious ownership|safe\.directory/i.test(out.stderr)) {
      return {
        kind: "untrusted",
        message: `git refuses to read ${dir}: it is owned by another user (safe.directory). Scanned as plain files instead; to scan it as a repository, run: git config --global --add safe.directory '${dir}'`
      };
    }
    return { kind: "none" };
  }
  const [top = dir, prefix = ""] = out.stdout.toString("utf8").split("\n");
  return { kind: "repository", top, prefix };
}

// src/engine/ignore-rules.ts
var import_ignore = __toESM(require_ignore(), 1);
var IgnoreRules = class {
  levels = /* @__PURE__ */ new Map();
  add(gitignorePath, text) {
    const dir = dirname(gitignorePath);
    const lines = lineTexts(text);
    this.levels.set(dir, { dir, file: gitignorePath, matcher: (0, import_ignore.default)({ allowRelativePaths: true }).add(text), lines });
  }
  get files() {
    return [...this.levels.values()].map((l) => l.file).sort();
  }
  isIgnored(path) {
    const parts = path.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const verdict = this.decide(parts.slice(0, depth).join("/") + "/");
      if (verdict?.ignored) return verdict;
    }
    return this.decide(path) ?? { ignored: false };
  }
  /** The verdict of the deepest .gitignore with a matching line, for one path (dirs end in "/"). */
  decide(path) {
    const trimmed = path.endsWith("/") ? path.slice(0, -1) : path;
    const dirs = [""];
    const segments = trimmed.split("/");
    for (let i = 1; i < segments.length; i++) dirs.push(segments.slice(0, i).join("/"));
    for (let i = dirs.length - 1; i >= 0; i--) {
      const level = this.levels.get(dirs[i]);
      if (!level) continue;
      const relative = level.dir ? path.slice(level.dir.length + 1) : path;
      const result = level.matcher.checkIgnore(relative);
      if (result.ignored || result.unignored) {
        const rule = result.rule ?? findNegation(level, relative);
        return {
          ignored: result.ignored,
          ...rule ? { source: { path: level.file, line: lineOf(level, rule.pattern), pattern: rule.pattern, negative: rule.negative } } : {}
        };
      }
    }
    return void 0;
  }
};
function lineOf(level, pattern) {
  const index = level.lines.findLastIndex((l) => l.trim() === pattern.trim());
  return index === -1 ? 1 : index + 1;
}
function findNegation(level, relative) {
  for (let i = level.lines.length - 1; i >= 0; i--) {
    const line = level.lines[i].trim();
    if (!line.startsWith("!")) continue;
    const probe = (0, import_ignore.default)({ allowRelativePaths: true }).add(line.slice(1));
    if (probe.ignores(relative)) return { pattern: line, negative: true };
  }
  return void 0;
}

// src/engine/git-scopes.ts
var ScopeError = class extends Error {
  name = "ScopeError";
};
var BATCH_BYTES = 64 * 1024 * 1024;
function blobSizes(cwd, shas) {
  const sizes = /* @__PURE__ */ new Map();
  if (shas.length === 0) return sizes;
  const out = runGit(cwd, ["cat-file", "--batch-check=%(objectname) %(objectsize)"], shas.join("\n") + "\n");
  for (const line of out.stdout.toString("utf8").split("\n")) {
    const [sha, size] = line.split(" ");
    if (sha && size && /^\d+$/.test(size)) sizes.set(sha, Number(size));
  }
  return sizes;
}
var BlobReader = class {
  /**
   * `shas` in the order they will likely be read. `sizes` marks the blobs sure to be read: they
   * are batched apart from the rest, so a hook reading 10 staged files never fetches 2,000.
   */
  constructor(cwd, shas, sizes) {
    this.cwd = cwd;
    const unique = [...new Set(shas)];
    this.group(unique.filter((sha) => sizes.has(sha)), sizes);
    this.group(unique.filter((sha) => !sizes.has(sha)), sizes);
  }
  cwd;
  cache = /* @__PURE__ */ new Map();
  batchOf = /* @__PURE__ */ new Map();
  group(shas, sizes) {
    let batch = [];
    let bytes = 0;
    for (const sha of shas) {
      batch.push(sha);
      this.batchOf.set(sha, batch);
      bytes += sizes.get(sha) ?? 0;
      if (bytes >= BATCH_BYTES || batch.length >= 2e3) {
        batch = [];
        bytes = 0;
      }
    }
  }
  read(sha) {
    const cached = this.cache.get(sha);
    if (cached) {
      this.cache.delete(sha);
      return cached;
    }
    const batch = this.batchOf.get(sha) ?? [sha];
    const out = runGit(this.cwd, ["cat-file", "--batch"], batch.join("\n") + "\n");
    if (out.status !== 0) throw new GitError(`git cat-file failed: ${out.stderr.trim()}`, out.stderr);
    const data = out.stdout;
    let offset = 0;
    while (offset < data.length) {
      const headerEnd = data.indexOf(10, offset);
      if (headerEnd === -1) break;
      const [objectSha, , size] = data.subarray(offset, headerEnd).toString("utf8").split(" ");
      if (!size || !/^\d+$/.test(size)) {
        offset = headerEnd + 1;
        continue;
      }
      const start = headerEnd + 1;
      const end = start + Number(size);
      if (objectSha) this.cache.set(objectSha, data.subarray(start, end));
      offset = end + 1;
    }
    for (const other of batch) this.batchOf.delete(other);
    const blob = this.cache.get(sha);
    this.cache.delete(sha);
    if (!blob) throw new GitError(`blob ${sha} is missing from the repository`, "");
    return blob;
  }
};
function requireRepository(root, flag) {
  const probe = probeRepository(root);
  if (probe.kind === "untrusted") throw new ScopeError(probe.message);
  if (probe.kind !== "repository") throw new ScopeError(`${flag} needs a git repository, and ${root} is not inside one`);
}
function indexEntries(root) {
  const out = runGit(root, ["ls-files", "-z", "-s", "--", "."]);
  if (out.status !== 0) throw new GitError(`git ls-files failed: ${out.stderr.trim()}`, out.stderr);
  const entries = /* @__PURE__ */ new Map();
  for (const record of splitNul(out.stdout)) {
    const tab = record.indexOf("	");
    const [mode = "", sha = ""] = record.slice(0, tab).split(" ");
    entries.set(record.slice(tab + 1), { path: record.slice(tab + 1), sha, mode });
  }
  return [...entries.values()];
}
function treeEntries(root, treeish) {
  const out = runGit(root, ["ls-tree", "-r", "-z", "--full-tree", treeish, "--", "."]);
  if (out.status !== 0) throw new GitError(`git ls-tree failed: ${out.stderr.trim()}`, out.stderr);
  const prefix = runGit(root, ["rev-parse", "--show-prefix"]).stdout.toString("utf8").trim();
  const entries = [];
  for (const record of splitNul(out.stdout)) {
    const tab = record.indexOf("	");
    const [mode = "", type = "", sha = ""] = record.slice(0, tab).split(" ");
    const full = record.slice(tab + 1);
    if (type !== "blob" || prefix && !full.startsWith(prefix)) continue;
    entries.push({ path: full.slice(prefix.length), sha, mode });
  }
  return entries;
}
function blobDiscovery(root, entries, notices, needed) {
  const files = entries.filter((e) => {
    if (e.mode === "120000") notices.push({ path: e.path, message: "symbolic link not followed" });
    if (e.mode === "160000") notices.push({ path: e.path, message: "submodule not scanned" });
    return e.mode.startsWith("100");
  });
  const sizes = blobSizes(root, files.filter((f) => !needed || needed.has(f.path) || basename(f.path) === ".gitignore").map((f) => f.sha));
  const reader = new BlobReader(root, files.map((f) => f.sha), sizes);
  const ignoreRules = new IgnoreRules();
  const candidates = files.map((f) => ({ path: f.path, tracked: true, size: sizes.get(f.sha) ?? 0, read: () => reader.read(f.sha), blob: f.sha }));
  for (const c of candidates) {
    if (basename(c.path) === ".gitignore") ignoreRules.add(c.path, c.read().toString("utf8"));
  }
  candidates.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { inGit: true, candidates, ignoreRules, notices };
}
function discoverStaged(root) {
  requireRepository(root, "--staged");
  const notices = [];
  const entries = indexEntries(root);
  const diff = runGit(root, ["diff", "--cached", "--name-only", "--no-ext-diff", "--no-textconv", "--relative", "-z", "--no-renames", "--diff-filter=ACMRT", "HEAD", "--", "."]);
  let changed;
  if (diff.status === 0) changed = new Set(splitNul(diff.stdout));
  else if (runGit(root, ["rev-parse", "--verify", "-q", "HEAD"]).status !== 0) changed = new Set(entries.map((e) => e.path));
  else throw new GitError(`git diff --cached failed: ${diff.stderr.trim()}`, diff.stderr);
  return { ...blobDiscovery(root, entries, notices, changed), selected: changed };
}
function requireBase(root, base, what) {
  if (runGit(root, ["rev-parse", "--verify", "-q", `${base}^{commit}`]).status === 0) return;
  const shallow = runGit(root, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
  throw new ScopeError(
    `${what}: the base "${base}" is not in this repository${shallow ? " (it is a shallow clone)" : ""}. Fetch it first: in GitHub Actions, check out with \`fetch-depth: 0\`, or run \`git fetch origin <base>\`.`
  );
}
function readAtBase(root, base, path) {
  requireRepository(root, `reading ${path} at the base`);
  requireBase(root, base, `reading ${path} at the base`);
  const listed = runGit(root, ["--literal-pathspecs", "ls-tree", "-z", base, "--", path]);
  if (listed.status !== 0) throw new GitError(`git ls-tree failed: ${listed.stderr.trim()}`, listed.stderr);
  const [entry] = splitNul(listed.stdout);
  if (!entry) return null;
  const [mode = "", , sha = ""] = entry.slice(0, entry.indexOf("	")).split(" ");
  if (!mode.startsWith("100")) throw new ScopeError(`${path} at the base ${base} is not a regular file${mode === "120000" ? " but a symbolic link, which is not followed" : ""}`);
  const blob = runGit(root, ["cat-file", "blob", sha]);
  if (blob.status !== 0) throw new GitError(`git cat-file failed: ${blob.stderr.trim()}`, blob.stderr);
  return blob.stdout;
}
function discoverDiff(root, base) {
  requireRepository(root, "--diff");
  requireBase(root, base, "--diff");
  const mergeBase = runGit(root, ["merge-base", base, "HEAD"]);
  if (mergeBase.status !== 0) {
    throw new ScopeError(`--diff: "${base}" and HEAD share no history here (a shallow clone?). Check out with \`fetch-depth: 0\` or fetch the base branch.`);
  }
  const from = mergeBase.stdout.toString("utf8").trim();
  const notices = [];
  const discovery = blobDiscovery(root, treeEntries(root, "HEAD"), notices);
  const diff = runGit(root, ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--diff-algorithm=myers", "--no-indent-heuristic", "--inter-hunk-context=0", "-O/dev/null", "--relative", "--no-renames", "--diff-filter=ACMRT", from, "HEAD", "--", "."]);
  if (diff.status !== 0) throw new GitError(`git diff failed: ${diff.stderr.trim()}`, diff.stderr);
  const addedLines = parseAddedLines(diff.stdout.toString("utf8"));
  return { ...discovery, selected: new Set(addedLines.keys()), addedLines };
}
function parseAddedLines(diff) {
  const added = /* @__PURE__ */ new Map();
  let current = null;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const target = line.slice(4);
      current = target === "/dev/null" ? null : /* @__PURE__ */ new Set();
      if (current) added.set(unquotePath(target).replace(/^b\//, ""), current);
    } else if (line.startsWith("@@") && current) {
      const match = /\+(\d+)(?:,(\d+))?/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === void 0 ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return added;
}
function unquotePath(path) {
  if (!path.startsWith('"')) return path;
  const bytes = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push({ n: 10, t: 9, '"': 34, "\\": 92 }[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}
function discoverHistory(root, range) {
  requireRepository(root, "--history");
  const args = ["log", "--reverse", "--no-show-signature", "--no-color", "--no-mailmap", "--root", "--format=%x00commit %H %cI", "--raw", "--no-abbrev", "--no-renames", "--relative", "-z", "--diff-filter=AM"];
  const out = runGit(root, [...args, ...range ? [range] : ["--all"], "--", "."]);
  if (out.status !== 0) {
    throw new ScopeError(`--history: git log failed for ${range ?? "--all"}: ${out.stderr.trim().split("\n")[0] ?? ""}`);
  }
  const seen = /* @__PURE__ */ new Map();
  const fields = out.stdout.toString("utf8").split("\0");
  let commit = "";
  let date = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n/, "");
    if (field.startsWith("commit ")) {
      [, commit = "", date = ""] = field.split(" ");
    } else if (field.startsWith(":")) {
      const [, newMode = "", , newSha = ""] = field.slice(1).split(" ");
      const path = fields[++i] ?? "";
      if (newMode.startsWith("100") && !seen.has(newSha)) seen.set(newSha, { path, commit, date });
    }
  }
  const shas = [...seen.keys()];
  const sizes = blobSizes(root, shas);
  const reader = new BlobReader(root, shas, sizes);
  const introducedBy = /* @__PURE__ */ new Map();
  const candidates = [];
  for (const [sha, where2] of seen) {
    const candidate = { path: where2.path, tracked: true, size: sizes.get(sha) ?? 0, read: () => reader.read(sha) };
    candidates.push(candidate);
    introducedBy.set(candidate, { commit: where2.commit, date: where2.date });
  }
  return { inGit: true, candidates, ignoreRules: new IgnoreRules(), notices: [], introducedBy };
}

// src/engine/result-cache.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync as readFileSync3, renameSync, statSync as statSync2, writeFileSync } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { dirname as dirname3, join as join2 } from "node:path";
var FORMAT = 1;
function cacheIdentity(parts) {
  return sha256(JSON.stringify(parts));
}
function defaultCacheLocation(root) {
  const gitDir = join2(root, ".git");
  try {
    if (lstatSync(gitDir).isDirectory()) return join2(gitDir, "carbon-secret-lint", "results.json");
  } catch {
  }
  const base = process.env.XDG_CACHE_HOME || join2(homedir2(), ".cache");
  return join2(base, "carbon-secret-lint", `${sha256(root).slice(0, 16)}.json`);
}
var ResultCache = class _ResultCache {
  constructor(path, identity, previous, problem) {
    this.path = path;
    this.identity = identity;
    this.previous = previous;
    this.problem = problem;
  }
  path;
  identity;
  previous;
  next = {};
  hits = 0;
  misses = 0;
  /** Why the file on disk was not used (unreadable, another version): said once, as a notice. */
  problem;
  static open(path, identity) {
    let raw;
    try {
      raw = readFileSync3(path, "utf8");
    } catch {
      return new _ResultCache(path, identity, {}, null);
    }
    try {
      const data = JSON.parse(raw);
      if (data.format !== FORMAT || typeof data.entries !== "object" || data.entries === null) {
        return new _ResultCache(path, identity, {}, `the result cache ${path} is not one this version reads; it is rebuilt`);
      }
      return new _ResultCache(path, identity, data.identity === identity ? data.entries : {}, null);
    } catch {
      return new _ResultCache(path, identity, {}, `the result cache ${path} does not parse; it is rebuilt`);
    }
  }
  /**
   * The cached outcome of a file whose content is unchanged, with its reports' values read back
   * from the file; null when the file must be scanned. `remember` says what to store after the scan.
   */
  lookup(probe, index) {
    const entry = this.previous[probe.key];
    const mtimeMs = probe.absolutePath ? mtimeOf(probe.absolutePath) : void 0;
    let bytes;
    let id = probe.blob;
    const readBytes = () => bytes ??= probe.read();
    if (entry && entry.size === probe.size) {
      const unchanged = id !== void 0 && entry.id === id || id === void 0 && mtimeMs !== void 0 && entry.mtimeMs === mtimeMs || id === void 0 && entry.id === `sha1:${sha1(readBytes())}`;
      if (unchanged) {
        const outcome = unseal(entry.outcome, index, () => decodedText(readBytes()));
        if (outcome) {
          this.hits++;
          this.next[probe.key] = mtimeMs === void 0 ? entry : { ...entry, mtimeMs };
          return { outcome, remember: null };
        }
      }
    }
    this.misses++;
    try {
      id ??= `sha1:${sha1(readBytes())}`;
    } catch {
      return { outcome: null, remember: null };
    }
    return { outcome: null, remember: { id, ...mtimeMs !== void 0 ? { mtimeMs } : {} } };
  }
  /** Keeps a freshly scanned file's outcome, sealed; a file whose values cannot be sealed is left out. */
  store(probe, remember, outcome) {
    const sealed = seal(outcome);
    if (sealed) this.next[probe.key] = { id: remember.id, size: probe.size, ...remember.mtimeMs !== void 0 ? { mtimeMs: remember.mtimeMs } : {}, outcome: sealed };
  }
  /** Writes what this scan saw (files gone since are dropped); a failure is returned, not thrown. */
  save() {
    try {
      mkdirSync(dirname3(this.path), { recursive: true });
      if (lstatSync(dirname3(this.path)).isSymbolicLink()) return `the result cache was not written: ${dirname3(this.path)} is a symbolic link`;
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, identity: this.identity, entries: this.next }));
      renameSync(temporary, this.path);
      return null;
    } catch (error) {
      return `the result cache could not be written to ${this.path}: ${error.code ?? error.message}`;
    }
  }
};
function mtimeOf(path) {
  try {
    return statSync2(path).mtimeMs;
  } catch {
    return void 0;
  }
}
function sha1(bytes) {
  return createHash("sha1").update(bytes).digest("hex");
}
function decodedText(bytes) {
  const decoded = decode(bytes);
  return "skipped" in decoded ? "" : decoded.text;
}
function seal(outcome) {
  const values = [];
  const reports = [];
  for (const { secretAt, ...report } of outcome.reports) {
    const { secret, ...descriptor } = report.descriptor;
    if (secret === void 0) {
      reports.push({ ...report, descriptor });
      continue;
    }
    if (secretAt === void 0 || secretAt < 0) return null;
    values.push(secret);
    reports.push({ ...report, descriptor: { ...descriptor, sealed: { start: secretAt, length: secret.length, sha256: sha256(secret) } } });
  }
  const { index: _index, reports: _reports, ...rest } = outcome;
  const sealed = { ...rest, reports };
  if (values.length > 0) {
    const serialized = JSON.stringify(sealed);
    if (values.some((value) => value.length >= 4 && serialized.includes(JSON.stringify(value).slice(1, -1)))) return null;
  }
  return sealed;
}
function unseal(sealed, index, text) {
  const reports = [];
  for (const report of sealed.reports) {
    const { sealed: where2, ...descriptor } = report.descriptor;
    if (!where2) {
      reports.push({ ...report, descriptor });
      continue;
    }
    const secret = text().slice(where2.start, where2.start + where2.length);
    if (secret.length !== where2.length || sha256(secret) !== where2.sha256) return null;
    reports.push({ ...report, descriptor: { ...descriptor, secret } });
  }
  return { ...sealed, index, reports };
}

// src/core/rule-docs.ts
function renderRuleDoc(rule) {
  const { meta } = rule;
  const items = meta.checklist.map((id) => `\`${id}\` (${CHECKLIST.find((c) => c.id === id)?.title ?? id})`);
  const lines = [
    `# ${meta.id}`,
    "",
    meta.description,
    "",
    `- Default severity: \`${meta.severity}\`${meta.recommended ? " (in `recommended`)" : " (only in `strict`)"}`,
    `- Checklist: ${items.join("; ")}`,
    `- Reads: ${rulesReading(rule)}`,
    ...meta.cwe?.length ? [`- CWE: ${meta.cwe.join(", ")}`] : [],
    "",
    ...docSections(meta.docs),
    "## Options",
    ""
  ];
  const options = Object.entries(meta.options ?? {});
  if (options.length === 0) lines.push("None.");
  else {
    lines.push("| option | default | meaning |", "| --- | --- | --- |");
    for (const [name, schema] of options) lines.push(`| \`${name}\` | \`${JSON.stringify(schema.default)}\` | ${schema.description} |`);
  }
  lines.push(
    "",
    "## Suppressing",
    "",
    `\`# carbon-secret-lint-disable-next-line ${meta.id} -- why this is safe\` on the line above, in the file's comment syntax.`,
    ""
  );
  return lines.join("\n");
}
function rulesReading(rule) {
  const files = rule.meta.kinds ? rule.meta.kinds.join(", ") : "every text file";
  return rule.meta.scope === "project" ? `the whole repository (${files})` : `each file (${files})`;
}
var RULES_TABLE_START = "<!-- rules table: generated by `npm run generate` from each rule's metadata -->";
var RULES_TABLE_END = "<!-- end of rules table -->";
function renderRulesTable(rules) {
  const rows = rules.map(
    (rule) => `| [\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md) | ${rule.meta.severity} | ${rule.meta.checklist.map((id) => `\`${id}\``).join(", ")} | ${rulesReading(rule)} | ${rule.meta.description.replace(/\|/g, "\\|")} |`
  );
  return [RULES_TABLE_START, "| rule | severity | checklist | reads | what it reports |", "| --- | --- | --- | --- | --- |", ...rows, RULES_TABLE_END].join("\n");
}
function withRulesTable(readme, rules) {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start === -1 || end < start) throw new Error("README.md has no rules table markers");
  return readme.slice(0, start) + renderRulesTable(rules) + readme.slice(end + RULES_TABLE_END.length);
}
function renderDiagnosticDoc(meta) {
  return [
    `# ${meta.id}`,
    "",
    meta.description,
    "",
    `- Severity: \`${meta.severity}\`, reported by the engine whatever the preset (${meta.enabledBy})`,
    "- Checklist: none (it is about the scan's own configuration)",
    "",
    ...docSections(meta.docs)
  ].join("\n");
}
function docSections(docs) {
  return [
    "## Why",
    "",
    docs.why,
    "",
    "## How to fix",
    "",
    docs.fix,
    "",
    ...example("Bad", docs.bad),
    ...example("Good", docs.good)
  ];
}
function example(title, { path, code: code2 }) {
  return [`## ${title}`, "", `\`${path}\``, "", "```" + docsFenceFor(path), code2.trimEnd(), "```", ""];
}

// src/engine/diagnostics.ts
var INVALID_SUPPRESSION = {
  id: "invalid-suppression",
  description: "A suppression comment that names no rule, names an unknown rule, or gives no reason.",
  severity: "warning",
  enabledBy: "always",
  docs: {
    why: "A suppression silences a finding for everyone who reads the report afterwards, so it must say what it silences and why. One that names no rule or an unknown one hides a typo; one without a reason leaves the reviewer nothing to check. None of them silences anything: the finding it was meant for is still reported.",
    fix: "Name the rule and say why the line is safe after ` -- `: `carbon-secret-lint-disable-next-line <rule-id> -- why this is safe`.",
    bad: { path: "services/ingest/config.py", code: '# carbon-secret-lint-disable-next-line\nCLICKHOUSE_PASSWORD = "example-only"\n' },
    good: { path: "services/ingest/config.py", code: `# carbon-secret-lint-disable-next-line hardcoded-secret -- the docs' sample value, rejected by the server
CLICKHOUSE_PASSWORD = "example-only"
` }
  }
};
var UNUSED_SUPPRESSION = {
  id: "unused-suppression",
  description: "A suppression comment that silences nothing on its line: the finding it was written for is gone.",
  severity: "warning",
  enabledBy: "with `reportUnusedSuppressions: true` in the config",
  docs: {
    why: "A suppression that outlives its finding will silence the next real one written on that line.",
    fix: "Remove the comment.",
    bad: { path: "services/ingest/config.py", code: '# carbon-secret-lint-disable-next-line hardcoded-secret -- sample value\nCLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' },
    good: { path: "services/ingest/config.py", code: 'CLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' }
  }
};
var DIAGNOSTICS = [INVALID_SUPPRESSION, UNUSED_SUPPRESSION];

// src/engine/scan.ts
var import_ignore4 = __toESM(require_ignore(), 1);
import { existsSync, statSync as statSync3 } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve as resolve2 } from "node:path";

// src/engine/discover.ts
import { lstatSync as lstatSync2, readdirSync, readFileSync as readFileSync4 } from "node:fs";
import { join as join3 } from "node:path";
function discoverWorktree(root) {
  const notices = [];
  const probe = probeRepository(root);
  if (probe.kind === "untrusted") notices.push({ message: probe.message });
  let listed = probe.kind === "repository" ? listFromGit(root) : listFromFilesystem(root, notices);
  let inGit = probe.kind === "repository";
  if (inGit && listed.length === 0) {
    const files = listFromFilesystem(root, notices);
    if (files.length > 0) {
      notices.push({ message: "the directory is ignored by the enclosing git repository; scanned as plain files" });
      listed = files;
      inGit = false;
    }
  }
  const ignoreRules = new IgnoreRules();
  const candidates = [];
  for (const { path, tracked } of listed) {
    const full = join3(root, path);
    let stat;
    try {
      stat = lstatSync2(full);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) {
      notices.push({ path, message: "symbolic link not followed" });
      continue;
    }
    if (!stat.isFile()) {
      if (stat.isDirectory()) notices.push({ path, message: "submodule or nested repository not scanned" });
      else notices.push({ path, message: "not a regular file (a FIFO, socket or device); not read" });
      continue;
    }
    candidates.push({ path, tracked, size: stat.size, read: () => readFileSync4(full), absolutePath: full });
    if (basename(path) === ".gitignore") {
      try {
        ignoreRules.add(path, readFileSync4(full, "utf8"));
      } catch (error) {
        notices.push({ path, message: `could not read: ${error.message}` });
      }
    }
  }
  const kept = inGit ? candidates : candidates.filter((c) => !ignoreRules.isIgnored(c.path).ignored);
  kept.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { inGit, candidates: kept, ignoreRules, notices };
}
function listFromGit(root) {
  const out = runGit(root, ["ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--", "."]);
  if (out.status !== 0) throw new Error(`git ls-files failed in ${root}: ${out.stderr.trim()}`);
  const seen = /* @__PURE__ */ new Map();
  for (const entry of splitNul(out.stdout)) {
    const tag = entry.slice(0, 1);
    const path = entry.slice(2);
    seen.set(path, (seen.get(path) ?? false) || tag !== "?");
  }
  return [...seen].map(([path, tracked]) => ({ path, tracked }));
}
var ALWAYS_SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules"]);
function listFromFilesystem(root, notices) {
  const found = [];
  const pending = [""];
  while (pending.length > 0) {
    const dir = pending.pop();
    let entries;
    try {
      entries = readdirSync(dir ? join3(root, dir) : root, { withFileTypes: true });
    } catch (error) {
      notices.push({ path: dir || ".", message: `directory could not be read (${error.code ?? error.message}); its files were not scanned` });
      continue;
    }
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      } else found.push({ path, tracked: false });
    }
  }
  return found;
}

// src/engine/file-roles.ts
var import_ignore2 = __toESM(require_ignore(), 1);
function createRoleResolver(settings) {
  const configured = Object.entries(settings.paths).map(([role, globs]) => ({ role, matcher: (0, import_ignore2.default)({ allowRelativePaths: true }).add(globs ?? []) }));
  const cache = /* @__PURE__ */ new Map();
  return (path) => {
    let role = cache.get(path);
    if (role === void 0) {
      role = configured.find((c) => c.matcher.ignores(path))?.role ?? roleOfPath(path);
      cache.set(path, role);
    }
    return role;
  };
}

// src/engine/finalize.ts
var import_ignore3 = __toESM(require_ignore(), 1);
var MAX_FINDINGS_PER_SCAN = 5e4;
function finalize(pending, context) {
  const allowlist = allowlistOf(context.config);
  const scrubLine = context.scrubValues;
  const seen = /* @__PURE__ */ new Set();
  const findings = [];
  let leftOut = 0;
  let hiddenByRole = 0;
  const valueOf = /* @__PURE__ */ new Map();
  for (const item of pending) {
    if (allowlist.value(item)) continue;
    const print = fingerprintOf(item);
    if (allowlist.finding(print, item.report.path)) continue;
    if (!firstOccurrence(seen, item, print, context.oncePerFingerprint)) continue;
    if (suppressed(item, context)) continue;
    const rule = context.rulesById.get(item.ruleId);
    const role = context.roleOf(item.report.path);
    const severity = severityFor(item, rule, role, context.config);
    if (severity === null) {
      hiddenByRole++;
      continue;
    }
    if (findings.length === MAX_FINDINGS_PER_SCAN) {
      leftOut++;
      continue;
    }
    const finding = toFinding(item, print, rule, role, severity, scrubLine);
    if (item.report.descriptor.secret) valueOf.set(finding, sha256(item.report.descriptor.secret));
    findings.push(finding);
  }
  if (leftOut > 0) context.notices.push({ message: `${MAX_FINDINGS_PER_SCAN} findings are reported for this scan; ${leftOut} more were left out` });
  return { findings: oneFindingPerValue(findings, valueOf, context.rulesById), hiddenByRole };
}
function oneFindingPerValue(findings, valueOf, rulesById) {
  const byPlace = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (!valueOf.has(finding)) continue;
    const key = `${finding.path}\0${finding.line}`;
    const group = byPlace.get(key);
    if (group) group.push(finding);
    else byPlace.set(key, [finding]);
  }
  const sameValue = (a, b) => valueOf.get(a) === valueOf.get(b) || a.line === a.endLine && b.line === b.endLine && a.column < b.endColumn && b.column < a.endColumn;
  const replaced = /* @__PURE__ */ new Set();
  for (const group of byPlace.values()) {
    if (group.length < 2) continue;
    for (const precise of group) {
      const supersedes = rulesById.get(precise.ruleId)?.meta.supersedes ?? [];
      for (const other of group) {
        if (other === precise || replaced.has(precise) || !supersedes.includes(other.ruleId) || !sameValue(precise, other)) continue;
        replaced.add(other);
        for (const item of other.checklist) if (!precise.checklist.includes(item)) precise.checklist.push(item);
      }
    }
  }
  return replaced.size === 0 ? findings : findings.filter((f) => !replaced.has(f));
}
function severityFor({ severity, report }, rule, role, config) {
  const own = lowerSeverity(severity, report.descriptor.severity);
  if (rule.meta.scope === "project") return own;
  return severityInRole(own, report.descriptor.looksLive, role, config.roles.severity[role]);
}
function allowlistOf(config) {
  const { paths, fingerprints, values } = config.settings.allowlist;
  const allowedPaths = paths.length ? (0, import_ignore3.default)({ allowRelativePaths: true }).add(paths) : null;
  const allowedFingerprints = new Set(fingerprints);
  const allowedValues = new Set(values);
  return {
    value: (item) => item.report.descriptor.secret !== void 0 && allowedValues.has(item.report.descriptor.secret),
    finding: (print, path) => allowedFingerprints.has(print) || (allowedPaths?.ignores(path) ?? false)
  };
}
function fingerprintOf({ ruleId, report }) {
  const { secret, key, messageId, data } = report.descriptor;
  const identity = secret ? sha256(secret) : key ?? `${messageId}:${JSON.stringify(data ?? {})}`;
  return fingerprint(ruleId, report.path, identity);
}
function firstOccurrence(seen, { report }, print, oncePerFingerprint) {
  const key = oncePerFingerprint ? print : `${print}:${report.line}:${report.column}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
function suppressed({ ruleId, report }, context) {
  const directive = directivesOf(report.path, context).find((d) => d.targetLine === report.line && d.ruleIds.includes(ruleId) && d.reason !== null);
  if (directive) directive.used = true;
  return directive !== void 0;
}
function directivesOf(path, { directives, index }) {
  const known = directives.get(path);
  if (known) return known;
  const file = index.read(path);
  const parsed = file && file.text.includes(SUPPRESSION_MARKER) ? parseSuppressions(file.text, file.kind) : [];
  directives.set(path, parsed);
  return parsed;
}
function toFinding({ ruleId, report, commit }, print, rule, role, severity, scrubLine) {
  const { descriptor, path, line, column, endLine, endColumn } = report;
  const template = rule.meta.messages[descriptor.messageId] ?? descriptor.messageId;
  const scrub = createScrubber(descriptor.secret ? [descriptor.secret] : []);
  return {
    ruleId,
    severity,
    path,
    role,
    line,
    column,
    endLine,
    endColumn,
    // The message never carries the value: scrub it if a rule let it slip.
    message: formatMessage(template, descriptor.data, (field, value) => isNameThatIsTheValue(field, value, descriptor.secret) ? value : scrub(value)),
    checklist: [...descriptor.checklist ?? rule.meta.checklist],
    secret: descriptor.secret ? redact(descriptor.secret) : null,
    fingerprint: print,
    commit: commit?.commit ?? null,
    ...commit ? { date: commit.date } : {},
    ...descriptor.confidence ? { confidence: descriptor.confidence } : {},
    ...report.excerpt !== void 0 ? { snippet: maskedSnippet(scrubLine(report.excerpt)) } : {}
  };
}
function formatMessage(template, data = {}, scrubValue) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) => key in data ? messageValue(scrubValue(key, String(data[key]))) : whole);
}
var NAME_FIELDS = /* @__PURE__ */ new Set(["key", "name", "service", "variable"]);
function isNameThatIsTheValue(field, value, secret) {
  return secret !== void 0 && (NAME_FIELDS.has(field) && value === secret || isRepositoryPathField(field));
}
function isRepositoryPathField(field) {
  return field.endsWith("File");
}
var MAX_MESSAGE_VALUE = 240;
function messageValue(value) {
  const lastLine = value.includes("\n") ? "\u2026" + value.slice(value.lastIndexOf("\n") + 1) : value;
  return lastLine.length > MAX_MESSAGE_VALUE ? lastLine.slice(0, MAX_MESSAGE_VALUE - 1) + "\u2026" : lastLine;
}
function maskedSnippet(masked) {
  return masked.length > SNIPPET_WIDTH * 2 ? masked.slice(0, SNIPPET_WIDTH * 2) + "\u2026" : masked;
}
function keepAdded(findings, addedLines, projectRules) {
  return findings.filter((f) => {
    const lines = addedLines.get(f.path);
    if (!lines) return false;
    if (projectRules.has(f.ruleId)) return true;
    for (let line = f.line; line <= Math.max(f.line, f.endLine); line++) if (lines.has(line)) return true;
    return false;
  });
}
function applyBaseline(findings, baseline, notices) {
  const seen = new Set(findings.map((f) => f.fingerprint));
  const stale = [...baseline].filter((print) => !seen.has(print));
  if (stale.length > 0) notices.push({ message: `${stale.length} baseline entr${stale.length === 1 ? "y is" : "ies are"} stale (fixed or gone): update the baseline with --update-baseline` });
  return findings.filter((f) => !baseline.has(f.fingerprint));
}
function suppressionProblems(directives, known, enabled, reportUnused, roleOf) {
  const problems = [];
  for (const [path, list] of directives) {
    for (const d of list) {
      const unknown = d.ruleIds.filter((id) => !known.has(id));
      let message = null;
      if (d.ruleIds.length === 0) message = "This suppression names no rule: write `carbon-secret-lint-disable-next-line <rule-id> -- reason`.";
      else if (unknown.length) message = `This suppression names unknown rule ${unknown.map((u) => `\`${u}\``).join(", ")}.`;
      else if (!d.reason) message = "This suppression gives no reason, so it silences nothing: add ` -- why this is safe` after the rule id.";
      else if (!d.used && reportUnused && d.ruleIds.every((id) => enabled.has(id)))
        message = `This suppression of ${d.ruleIds.map((u) => `\`${u}\``).join(", ")} silences nothing on line ${d.targetLine}: remove it.`;
      if (!message) continue;
      const diagnostic = d.used || d.ruleIds.length === 0 || unknown.length || !d.reason ? INVALID_SUPPRESSION : UNUSED_SUPPRESSION;
      problems.push({
        ruleId: diagnostic.id,
        severity: diagnostic.severity,
        path,
        role: roleOf(path),
        line: d.line,
        column: 1,
        endLine: d.line,
        endColumn: 1,
        message,
        checklist: [],
        secret: null,
        fingerprint: fingerprint(diagnostic.id, path, `${d.targetLine}:${d.ruleIds.join(",")}`),
        commit: null
      });
    }
  }
  return problems;
}

// src/engine/scan.ts
var ScanError = class extends Error {
  name = "ScanError";
};
async function scan(options = {}) {
  const started = performance.now();
  const root = resolve2(options.root ?? ".");
  if (!existsSync(root)) throw new ScanError(`path not found: ${options.root ?? root}`);
  if (!statSync3(root).isDirectory()) throw new ScanError(`not a directory: ${options.root ?? root} (give the directory to scan, and files with --paths)`);
  const config = typeof options.config === "object" ? options.config : loadConfig(root, options.config);
  const maxFileSize = options.maxFileSize ?? config.maxFileSize;
  const scope = options.scope ?? { kind: "worktree" };
  const discovery = discover(root, scope);
  const introducedBy = "introducedBy" in discovery ? discovery.introducedBy : void 0;
  const notices = [...discovery.notices];
  const skipped = [];
  const evidence = [];
  const pending = [];
  const directives = /* @__PURE__ */ new Map();
  const configured = createRuleInstances(options.rules ?? RULES, config, options.ruleOverrides ?? {});
  const enabled = scope.kind === "staged" ? configured.filter((instance) => !instance.gathersFacts) : configured;
  const needsFacts = enabled.some((instance) => instance.gathersFacts);
  const severityOf = new Map(enabled.map((instance) => [instance.id, instance.severity]));
  const rolesByPath = createRoleResolver(config.roles);
  const roleByContent = /* @__PURE__ */ new Map();
  const roleOf = (path) => roleByContent.get(path) ?? rolesByPath(path);
  const excluded = config.exclude.length ? (0, import_ignore4.default)({ allowRelativePaths: true }).add(config.exclude) : null;
  const included = config.include.length ? (0, import_ignore4.default)({ allowRelativePaths: true }).add(config.include) : null;
  const selectedPaths = options.paths?.length ? pathFilter(options.paths) : null;
  const scopeSelected = "selected" in discovery ? discovery.selected : null;
  const selected = selectedPaths || scopeSelected ? (path) => (!selectedPaths || selectedPaths(path)) && (!scopeSelected || scopeSelected.has(path)) : null;
  const projectFiles = [];
  const work = [];
  for (const candidate of discovery.candidates) {
    if (excluded?.ignores(candidate.path) || included && !included.ignores(candidate.path)) continue;
    const entry = { path: candidate.path, kind: classify(candidate.path), role: roleOf(candidate.path), size: candidate.size, tracked: candidate.tracked };
    projectFiles.push(entry);
    const factsOnly = selected !== null && !selected(candidate.path);
    if (factsOnly && (scope.kind === "staged" || !needsFacts)) continue;
    if (candidate.size > maxFileSize) {
      if (factsOnly) continue;
      entry.skipped = `larger than the ${formatSize(maxFileSize)} limit (${formatSize(candidate.size)}); name rules still apply`;
      skipped.push({ path: candidate.path, reason: entry.skipped });
      continue;
    }
    work.push({ task: { index: work.length, path: candidate.path, kind: entry.kind, role: entry.role, size: candidate.size, tracked: candidate.tracked, ...factsOnly ? { factsOnly } : {} }, candidate, entry });
  }
  const cache = options.cache && scope.kind !== "history" ? openCache(options.cache, config, enabled, maxFileSize, notices) : null;
  const { outcomes, threads } = await runFilePass(work, enabled, config, options, notices, cache);
  if (cache) {
    const problem = cache.save();
    if (problem) notices.push({ message: problem });
  }
  const sharedByRule = /* @__PURE__ */ new Map();
  let bytes = 0;
  let scannedFiles = 0;
  const parsed = {};
  for (const outcome of outcomes.sort((a, b) => a.index - b.index)) {
    const { task, candidate, entry } = work[outcome.index];
    for (const view of outcome.parsed ?? []) parsed[view] = (parsed[view] ?? 0) + 1;
    if (task.factsOnly) {
      for (const { ruleId, fact } of outcome.shared) shareFact(sharedByRule, ruleId, fact);
      evidence.push(...outcome.evidence);
      continue;
    }
    for (const message of outcome.notices) notices.push({ path: outcome.path, message });
    if (outcome.role) {
      entry.role = outcome.role;
      roleByContent.set(outcome.path, outcome.role);
    }
    if (outcome.skipped) {
      entry.skipped = outcome.skipped;
      skipped.push({ path: outcome.path, reason: outcome.skipped });
      continue;
    }
    scannedFiles++;
    bytes += candidate.size;
    if (outcome.directives.length > 0) directives.set(outcome.path, outcome.directives);
    for (const { ruleId, fact } of outcome.shared) shareFact(sharedByRule, ruleId, fact);
    evidence.push(...outcome.evidence);
    const commit = introducedBy?.get(candidate);
    for (const report of outcome.reports) pending.push({ ruleId: report.ruleId, severity: severityOf.get(report.ruleId), report, ...commit ? { commit } : {} });
  }
  const index = createProjectIndex(root, discovery, projectFiles, maxFileSize, scope.kind);
  await runProjectRules(enabled, index, sharedByRule, pending, evidence, notices);
  const rulesById = new Map(enabled.map((instance) => [instance.id, instance.rule]));
  const scrubValues = createScrubber(pending.flatMap((p) => p.report.descriptor.secret ? [p.report.descriptor.secret] : []));
  const { findings: finalized, hiddenByRole } = finalize(pending, { index, directives, config, oncePerFingerprint: scope.kind === "history", rulesById, roleOf, scrubValues, notices });
  if (hiddenByRole > 0) notices.push({ message: rolesNotice(hiddenByRole, config) });
  const projectRules = new Set(enabled.filter((instance) => instance.rule.meta.scope === "project").map((instance) => instance.id));
  const addedLines = scope.kind === "diff" ? discovery.addedLines : void 0;
  const inChange = addedLines ? keepAdded(finalized, addedLines, projectRules) : finalized;
  const findings = options.baseline ? applyBaseline(inChange, options.baseline, notices) : inChange;
  const suppressedCount = pending.length - hiddenByRole - findings.length;
  const knownIds = new Set([...RULES, ...enabled.map((instance) => instance.rule)].map((r) => r.meta.id));
  const problems = suppressionProblems(directives, knownIds, new Set(enabled.map((instance) => instance.id)), config.reportUnusedSuppressions, roleOf);
  const reported = [...findings, ...problems];
  reported.sort(compareFindings);
  for (const notice of notices) notice.message = scrubValues(notice.message);
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    scope: scope.kind,
    findings: reported,
    checklist: rollUpChecklist({
      findings: reported,
      evidence,
      enabledRules: enabled.map((instance) => instance.rule),
      skipped: config.settings.skippedChecklist,
      scope: scope.kind
    }),
    stats: { files: scannedFiles, bytes, skipped, durationMs: Math.round(performance.now() - started), threads, parsed, ...cache ? { cached: cache.hits } : {} },
    notices,
    suppressed: Math.max(0, suppressedCount),
    rules: [...enabled.map(({ rule }) => ruleDescriptor(rule)), ...diagnosticDescriptors(problems)]
  };
}
function rolesNotice(hidden, config) {
  const off = ROLES.filter((role) => config.roles.severity[role] === "off");
  return `${hidden} finding${hidden === 1 ? " was" : "s were"} not reported because ${hidden === 1 ? "its file is" : "their files are"} ${off.join(", ")} (where only a credential that looks live, in a test or an example, is reported); to see them, set \`roles: { test: { severity: warning } }\` (or another role) in the config`;
}
function ruleDescriptor(rule) {
  return {
    id: rule.meta.id,
    description: rule.meta.description,
    severity: rule.meta.severity,
    checklist: [...rule.meta.checklist],
    cwe: [...rule.meta.cwe ?? []],
    help: renderRuleDoc(rule)
  };
}
function diagnosticDescriptors(problems) {
  const reported = new Set(problems.map((p) => p.ruleId));
  return DIAGNOSTICS.filter((d) => reported.has(d.id)).map((d) => ({ id: d.id, description: d.description, severity: d.severity, checklist: [], cwe: [], help: renderDiagnosticDoc(d) }));
}
function shareFact(sharedByRule, ruleId, fact) {
  const facts = sharedByRule.get(ruleId);
  if (facts) facts.push(fact);
  else sharedByRule.set(ruleId, [fact]);
}
var BUILD = (() => {
  try {
    const { size, mtimeMs } = statSync3(fileURLToPath(import.meta.url));
    return `${size}:${mtimeMs}`;
  } catch {
    return "unknown";
  }
})();
function openCache(path, config, enabled, maxFileSize, notices) {
  const identity = cacheIdentity([TOOL_VERSION, BUILD, serializeConfig(config), enabled.map((instance) => [instance.id, instance.severity]), maxFileSize]);
  const cache = ResultCache.open(path, identity);
  if (cache.problem) notices.push({ message: cache.problem });
  return cache;
}
var cacheKey = (task) => `${task.path}\0${task.kind}\0${task.role}\0${task.factsOnly ? "facts" : "all"}`;
async function runFilePass(allWork, enabled, config, options, notices, cache) {
  if (!cache) return runFilePassUncached(allWork, enabled, config, options, notices);
  const fromCache = [];
  const work = [];
  const toStore = /* @__PURE__ */ new Map();
  for (const item of allWork) {
    const { task, candidate } = item;
    const probe = {
      key: cacheKey(task),
      size: task.size,
      ...candidate.blob ? { blob: candidate.blob } : {},
      ...candidate.absolutePath ? { absolutePath: candidate.absolutePath } : {},
      read: () => candidate.read()
    };
    const { outcome, remember } = cache.lookup(probe, task.index);
    if (outcome) {
      fromCache.push(outcome);
      continue;
    }
    work.push(item);
    if (remember) toStore.set(task.index, { probe, remember });
  }
  const run = await runFilePassUncached(work, enabled, config, options, notices);
  for (const outcome of run.outcomes) {
    const pending = toStore.get(outcome.index);
    if (pending && !outcome.skipped?.startsWith("could not be read")) cache.store(pending.probe, pending.remember, outcome);
  }
  return { outcomes: [...run.outcomes, ...fromCache], threads: run.threads };
}
async function runFilePassUncached(work, enabled, config, options, notices) {
  const totalBytes = work.reduce((sum, w) => sum + w.task.size, 0);
  const largest = work.reduce((max, w) => Math.max(max, w.task.size), 0);
  const threads = options.rules ? 0 : threadsFor(work.length, totalBytes, largest);
  const script = threads > 1 ? workerScript() : null;
  let outcomes = [];
  let remaining = work;
  if (script) {
    const items = work.map(({ task, candidate }) => candidate.absolutePath ? { task, absolutePath: candidate.absolutePath } : { task, read: () => candidate.read() });
    const init = { rules: enabled.map((instance) => ({ id: instance.id, severity: instance.severity })), config: serializeConfig(config) };
    const run = await runInWorkers(items, init, threads, script, (done) => options.onProgress?.(done, work.length));
    outcomes = run.outcomes;
    const left = new Set(run.leftover.map((item) => item.task.index));
    remaining = work.filter((w) => left.has(w.task.index));
    if (remaining.length > 0) notices.push({ message: `a worker thread stopped; ${remaining.length} file(s) were scanned in the main thread instead` });
  }
  if (remaining.length > 0) {
    const counts = /* @__PURE__ */ new Map();
    for (const { task } of remaining) counts.set(task.kind, (counts.get(task.kind) ?? 0) + 1);
    preloadParsers(counts);
    const pass = new FilePass(enabled);
    for (const { task, candidate } of remaining) {
      let bytes;
      try {
        bytes = candidate.read();
      } catch (error) {
        outcomes.push(unreadableOutcome(task, error));
        continue;
      }
      outcomes.push(await pass.process(task, bytes));
      options.onProgress?.(outcomes.length, work.length);
    }
  }
  return { outcomes, threads: script ? threads : 1 };
}
async function runProjectRules(enabled, index, sharedByRule, pending, evidence, notices) {
  const sink = {
    report(instance, descriptor) {
      if (!descriptor.path) {
        notices.push({ message: `rule ${instance.id} reported without a path` });
        return true;
      }
      const file = descriptor.range ? index.read(descriptor.path) : void 0;
      const report = resolveReport(instance.id, descriptor, file, descriptor.path);
      if (file) addMaskedExcerpts(file, [report]);
      pending.push({ ruleId: instance.id, severity: instance.severity, report });
      return true;
    },
    evidence: (descriptor) => evidence.push(descriptor),
    share: () => void 0
  };
  for (const instance of enabled) {
    const project = instance.handlers.project;
    if (!project) continue;
    try {
      await instance.run(sink, () => project({ ...index, shared: () => sharedByRule.get(instance.id) ?? [] }));
    } catch (error) {
      notices.push({ message: `rule ${instance.id} failed on the project: ${withoutSourceText(error.message)}` });
    }
  }
}
function readCandidate(candidate, kind) {
  try {
    const read = sourceFromBytes({ ...candidate, kind }, candidate.read());
    return "file" in read ? read.file : void 0;
  } catch {
    return void 0;
  }
}
function discover(root, scope) {
  switch (scope.kind) {
    case "staged":
      return discoverStaged(root);
    case "diff":
      return discoverDiff(root, scope.base);
    case "history":
      return discoverHistory(root, scope.range);
    default:
      return discoverWorktree(root);
  }
}
function createProjectIndex(root, discovery, files, maxFileSize, scope) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const candidates = new Map(discovery.candidates.map((c) => [c.path, c]));
  const cache = /* @__PURE__ */ new Map();
  return {
    root,
    inGit: discovery.inGit,
    scope,
    files,
    has: (path) => byPath.has(path),
    read(path) {
      if (cache.has(path)) return cache.get(path);
      const entry = byPath.get(path);
      const candidate = candidates.get(path);
      const file = !entry || !candidate || entry.skipped || candidate.size > maxFileSize ? void 0 : readCandidate(candidate, entry.kind);
      cache.set(path, file);
      return file;
    },
    isIgnored: (path) => discovery.ignoreRules.isIgnored(path),
    shared: () => []
  };
}
function pathFilter(paths) {
  const prefixes = paths.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "")).filter((p) => p !== "" && p !== ".");
  if (prefixes.length === 0) return () => true;
  return (path) => prefixes.some((p) => path === p || path.startsWith(p + "/"));
}
function compareFindings(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint);
}
function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

// src/reporters/github.ts
var COMMANDS = { error: "error", warning: "warning", info: "notice" };
var ANNOTATIONS_PER_TYPE = 10;
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotation(f) {
  const props = [
    `file=${escapeProperty(f.path)}`,
    `line=${f.line}`,
    `endLine=${Math.max(f.endLine, f.line)}`,
    ...f.endLine === f.line ? [`col=${f.column}`, `endColumn=${Math.max(f.endColumn, f.column)}`] : [],
    `title=${escapeProperty(`${f.ruleId}${f.checklist.length ? ` (${f.checklist.join(", ")})` : ""}`)}`
  ];
  return `::${COMMANDS[f.severity]} ${props.join(",")}::${escapeData(f.message)}`;
}
function formatGithub(result) {
  const lines = [];
  const rank = { error: 0, warning: 1, info: 2 };
  const sorted = [...result.findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown = { error: 0, warning: 0, info: 0 };
  let hidden = 0;
  for (const f of sorted) {
    if (shown[f.severity] >= ANNOTATIONS_PER_TYPE) {
      hidden++;
      continue;
    }
    shown[f.severity]++;
    lines.push(annotation(f));
  }
  if (hidden > 0) {
    lines.push(`::notice title=carbon-secret-lint::${hidden} more finding${hidden === 1 ? "" : "s"} not annotated (GitHub shows ten of each kind per step): see the job summary or the SARIF report`);
  }
  const failing = result.checklist.filter((c) => c.status === "fail").map((c) => c.id);
  lines.push(`carbon-secret-lint: ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}; checklist failing: ${failing.length ? failing.join(", ") : "none"}`);
  return lines.join("\n") + "\n";
}

// src/reporters/text.ts
var UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function visible(text) {
  return text.replace(UNSAFE, (ch) => {
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    const code2 = ch.charCodeAt(0);
    return code2 <= 255 ? `\\x${code2.toString(16).padStart(2, "0")}` : `\\u${code2.toString(16).padStart(4, "0")}`;
  });
}
function capped(text, width) {
  return text.length > width ? text.slice(0, width - 1) + "\u2026" : text;
}
function noWorkflowCommands(output) {
  return output.replace(/^([ \t]*):(?=:)/gm, "$1:\u200B");
}

// src/reporters/markdown.ts
var MAX_FINDING_ROWS = 200;
var EVIDENCE_WIDTH = 200;
var MESSAGE_WIDTH = 500;
var PATH_WIDTH = 300;
var MAX_SUMMARY_CHARS = 9e5;
var MAX_SUPPRESSION_ROWS = 100;
var REASON_WIDTH = 300;
var STATUS = {
  pass: { emoji: "\u2705", label: "pass" },
  fail: { emoji: "\u274C", label: "fail" },
  unknown: { emoji: "\u2754", label: "unknown" },
  "not-applicable": { emoji: "\u2796", label: "n/a" }
};
var SEVERITY = { error: "\u{1F534} error", warning: "\u{1F7E0} warning", info: "\u{1F535} info" };
function formatMarkdown(result, notes = {}) {
  const out = [`## ${result.tool.name} ${escapeText(result.tool.version)}`, "", total(result), ""];
  if (notes.settingsFrom) out.push(settingsNote(notes.settingsFrom), "");
  if (notes.addedSuppressions?.length) out.push(...suppressionsTable(notes.addedSuppressions));
  out.push("### Security checklist", "", "| | Item | Checklist | Evidence |", "| --- | --- | --- | --- |");
  for (const item of result.checklist) {
    const status = STATUS[item.status];
    const more = item.evidence.length > 1 ? ` (+${item.evidence.length - 1} more)` : "";
    out.push(`| ${status.emoji} ${status.label} | \`${item.id}\` | ${cell(item.title)} | ${cell(capped(item.evidence[0] ?? "", EVIDENCE_WIDTH))}${more} |`);
  }
  out.push("");
  out.push("### Findings", "");
  if (result.findings.length === 0) {
    out.push("No findings.", "");
    return out.join("\n");
  }
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of result.findings) byFile.set(finding.path, [...byFile.get(finding.path) ?? [], finding]);
  let rows = 0;
  let size = out.reduce((n, line) => n + line.length + 1, 0);
  const full = () => rows >= MAX_FINDING_ROWS || size >= MAX_SUMMARY_CHARS;
  const push = (...lines) => {
    out.push(...lines);
    size += lines.reduce((n, line) => n + line.length + 1, 0);
  };
  for (const [path, findings] of byFile) {
    if (full()) break;
    push(`#### ${code(capped(path, PATH_WIDTH))}`, "", "| Severity | Line | Rule | Message |", "| --- | ---: | --- | --- |");
    for (const finding of findings) {
      if (full()) break;
      rows++;
      push(`| ${SEVERITY[finding.severity]} | ${finding.line} | \`${finding.ruleId}\` | ${cell(capped(finding.message, MESSAGE_WIDTH))} |`);
    }
    push("");
  }
  const hidden = result.findings.length - rows;
  if (hidden > 0) out.push(`\u2026and ${hidden} more finding${hidden === 1 ? "" : "s"} (run \`${result.tool.name} --format json\` for all of them).`, "");
  return noWorkflowCommands(out.join("\n"));
}
function settingsNote(from) {
  const config = from.config ? code(from.config) : "no configuration file there: the defaults apply";
  const baseline = from.baseline === void 0 ? "" : ` Baseline: ${from.baseline ? code(from.baseline) : "no baseline file there, so no finding is hidden"}.`;
  return `> Pull request: the configuration and the baseline come from the base commit ${code(from.commit.slice(0, 12))}, not from the pull request, so it cannot change what its own scan reports. Configuration: ${config}.${baseline}`;
}
function suppressionsTable(suppressions) {
  const rows = suppressions.slice(0, MAX_SUPPRESSION_ROWS).map((s) => {
    const rules = s.ruleIds.length ? s.ruleIds.map((id) => `\`${id}\``).join(", ") : "(none named)";
    const reason = s.reason ? cell(capped(maskLongRuns(s.reason), REASON_WIDTH)) : "*(no reason given)*";
    return `| ${code(`${capped(s.path, PATH_WIDTH)}:${s.line}`)} | ${rules} | ${reason} |`;
  });
  const hidden = suppressions.length - rows.length;
  return [
    "### Suppressions this pull request adds",
    "",
    "These comments silence findings in this scan, and the pull request wrote them: check that each one is deserved.",
    "",
    "| Where | Rules | Reason |",
    "| --- | --- | --- |",
    ...rows,
    ...hidden > 0 ? ["", `\u2026and ${hidden} more.`] : [],
    ""
  ];
}
function maskLongRuns(text) {
  return text.replace(/\S{20,}/g, (run) => redact(run));
}
function total(result) {
  const count = (s) => result.findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  const items = (s) => result.checklist.filter((c) => c.status === s).length;
  const files = result.stats.files;
  return `**${errors} error${errors === 1 ? "" : "s"}**, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info \xB7 checklist ${items("pass")} pass, ${items("fail")} fail, ${items("unknown")} unknown, ${items("not-applicable")} n/a \xB7 ${files} file${files === 1 ? "" : "s"} scanned` + (result.suppressed > 0 ? ` \xB7 ${result.suppressed} suppressed` : "");
}
function cell(text) {
  const pieces = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("`", at);
    if (open === -1) break;
    let run = open;
    while (text.charAt(run) === "`") run++;
    const fence = text.slice(open, run);
    const close = findFence(text, run, fence);
    if (close === -1) {
      pieces.push(prose(text.slice(at, run)));
      at = run;
      continue;
    }
    pieces.push(prose(text.slice(at, open)), fence + inCode(text.slice(run, close)).replace(/\|/g, "\\|") + fence);
    at = close + fence.length;
  }
  pieces.push(prose(text.slice(at)));
  return pieces.join("");
}
function findFence(text, from, fence) {
  for (let i = text.indexOf(fence, from); i !== -1; i = text.indexOf(fence, i + 1)) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + fence.length);
    if (before !== "`" && after !== "`") return i;
    while (text.charAt(i) === "`") i++;
  }
  return -1;
}
function prose(text) {
  return visible(escapeText(text).replace(/\|/g, "\\|").replace(/\r\n|\r|\n/g, "<br>"));
}
function inCode(text) {
  return visible(text.replace(/\r\n|\r|\n/g, " "));
}
function escapeText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function code(text) {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${inCode(text)}${pad}${fence}`;
}

// src/reporters/sarif.ts
var LEVEL = { error: "error", warning: "warning", info: "note" };
var SECURITY_SEVERITY = { error: "8.0", warning: "5.0", info: "2.0" };
function pascalCase(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}
function reportingDescriptor(rule, options) {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.help, markdown: rule.help },
    ...options.docsBaseUrl ? { helpUri: `${options.docsBaseUrl}${rule.id}.md` } : {},
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "secrets", ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: "high",
      "security-severity": SECURITY_SEVERITY[rule.severity],
      checklist: rule.checklist
    }
  };
}
function sarifResult(finding, ruleIndex) {
  return {
    ruleId: finding.ruleId,
    ...ruleIndex >= 0 ? { ruleIndex } : {},
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.path), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: Math.max(finding.endLine, finding.line),
            endColumn: Math.max(finding.endLine > finding.line ? 1 : finding.column, finding.endColumn),
            ...finding.snippet ? { snippet: { text: finding.snippet } } : {}
          }
        }
      }
    ],
    // Stable across line moves, so code scanning keeps one alert per secret.
    partialFingerprints: { "carbonSecretLint/v1": finding.fingerprint },
    properties: {
      checklist: finding.checklist,
      role: finding.role,
      ...finding.secret ? { redactedSecret: finding.secret } : {},
      ...finding.commit ? { commit: finding.commit } : {},
      ...finding.confidence ? { confidence: finding.confidence } : {}
    }
  };
}
function formatSarif(result, options = {}) {
  const rules = [...result.rules];
  for (const finding of result.findings) {
    if (!rules.some((r) => r.id === finding.ruleId)) {
      rules.push({ id: finding.ruleId, description: finding.message, severity: finding.severity, checklist: [], cwe: [], help: finding.message });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            semanticVersion: result.tool.version,
            version: result.tool.version,
            rules: rules.map((rule) => reportingDescriptor(rule, options))
          }
        },
        automationDetails: { id: `carbon-secret-lint/${options.failure === void 0 ? result.scope : "failed"}/` },
        columnKind: "utf16CodeUnits",
        results: result.findings.map((f) => sarifResult(f, rules.findIndex((r) => r.id === f.ruleId))),
        invocations: [
          {
            executionSuccessful: options.failure === void 0,
            toolExecutionNotifications: [
              ...options.failure === void 0 ? [] : [notification(options.failure, void 0, "error")],
              ...result.notices.map((n) => notification(n.message, n.path)),
              ...result.stats.skipped.map((s) => notification(`skipped: ${s.reason}`, s.path))
            ]
          }
        ],
        properties: { checklist: result.checklist, stats: result.stats }
      }
    ]
  };
  return JSON.stringify(log, null, 2) + "\n";
}
function notification(text, path, level = "note") {
  return {
    level,
    message: { text },
    ...path ? { locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(path), uriBaseId: "%SRCROOT%" } } }] } : {}
  };
}
function relativeUri(path) {
  return encodeURI(path).replace(/[#?[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export {
  TOOL_NAME,
  TOOL_VERSION,
  CHECKLIST,
  isPartialScope,
  runGit,
  probeRepository,
  ScopeError,
  readAtBase,
  discoverDiff,
  defaultCacheLocation,
  renderRuleDoc,
  withRulesTable,
  renderDiagnosticDoc,
  DIAGNOSTICS,
  ScanError,
  scan,
  formatGithub,
  visible,
  capped,
  noWorkflowCommands,
  formatMarkdown,
  formatSarif
};
