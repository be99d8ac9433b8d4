import { createRequire as __csl_createRequire } from 'node:module'; import { fileURLToPath as __csl_fileURLToPath } from 'node:url'; const require = __csl_createRequire(import.meta.url); const __filename = __csl_fileURLToPath(import.meta.url); const __dirname = __csl_fileURLToPath(new URL('.', import.meta.url));
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-K5PXIU67.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar5(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap4;
    exports.isNode = isNode2;
    exports.isPair = isPair2;
    exports.isScalar = isScalar5;
    exports.isSeq = isSeq4;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token2 of tokens) {
        if (reqSpace) {
          if (token2.type !== "space" && token2.type !== "newline" && token2.type !== "comma")
            onError(token2.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token2.type !== "comment" && token2.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token2.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token2.source.includes("	")) {
              tab = token2;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token2, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token2.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token2.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token2.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token2;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token2, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token2.source.endsWith(":"))
              onError(token2.offset + token2.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token2;
            start ?? (start = token2.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token2, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token2;
            start ?? (start = token2.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token2, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token2.source} indicator`);
            if (found)
              onError(token2, "UNEXPECTED_TOKEN", `Unexpected ${token2.source} in ${flow ?? "collection"}`);
            found = token2;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token2, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token2;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token2, "UNEXPECTED_TOKEN", `Unexpected ${token2.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token2 of end) {
          const { source, type } = token2;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token2, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token2, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token2) => token2 && (token2.type === "block-map" || token2.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token2, onError, tagName, tag) {
      const coll = token2.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token2, onError, tag) : token2.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token2, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token2, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token2, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token2.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token2.type === "block-map" ? "map" : token2.type === "block-seq" ? "seq" : token2.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token2, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token2, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token2, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart2 = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart2 = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart2; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart2; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token2 = props[i];
        switch (token2.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token2.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token2, "MISSING_CHAR", message);
            }
            length += token2.source.length;
            comment = token2.source.substring(1);
            break;
          case "error":
            onError(token2, "UNEXPECTED_TOKEN", token2.message);
            length += token2.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token2.type}`;
            onError(token2, "UNEXPECTED_TOKEN", message);
            const ts = token2.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token2, tagToken, onError) {
      const { value, type, comment, range } = token2.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token2, onError) : resolveFlowScalar.resolveFlowScalar(token2, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token2.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token2, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token2, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token2, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token2, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token2, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token2, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token2.type) {
        case "alias":
          node = composeAlias(ctx, token2, onError);
          if (anchor || tag)
            onError(token2, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token2, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token2, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token2, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token2.type === "error" ? token2.message : `Unsupported token (type: ${token2.type})`;
          onError(token2, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token2.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token2, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token2.type === "scalar" && token2.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token2;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token2 = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token2, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token2 of tokens)
          yield* this.next(token2);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token2) {
        if (node_process.env.LOG_STREAM)
          console.dir(token2, { depth: null });
        switch (token2.type) {
          case "directive":
            this.directives.add(token2.source, (offset, message, warning) => {
              const pos = getErrorPos(token2);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token2.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token2, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token2, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token2.source);
            break;
          case "error": {
            const msg = token2.source ? `${token2.message}: ${JSON.stringify(token2.source)}` : token2.message;
            const error = new errors.YAMLParseError(getErrorPos(token2), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token2), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token2.end, token2.offset + token2.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token2), "UNEXPECTED_TOKEN", `Unsupported token ${token2.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token2, strict = true, onError) {
      if (token2) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token2.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token2, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token2, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token2, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token2 ? token2.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token2.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token2.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token2, source);
          break;
        case '"':
          setFlowScalarValue(token2, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token2, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token2, source, "scalar");
      }
    }
    function setBlockScalarValue(token2, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token2.type === "block-scalar") {
        const header = token2.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token2.source = body;
      } else {
        const { offset } = token2;
        const indent = "indent" in token2 ? token2.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token2 ? token2.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token2))
          if (key !== "type" && key !== "offset")
            delete token2[key];
        Object.assign(token2, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token2, source, type) {
      switch (token2.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token2.type = type;
          token2.source = source;
          break;
        case "block-scalar": {
          const end = token2.props.slice(1);
          let oa = source.length;
          if (token2.props[0].type === "block-scalar-header")
            oa -= token2.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token2.props;
          Object.assign(token2, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token2.offset + source.length;
          const nl = { type: "newline", offset, indent: token2.indent, source: "\n" };
          delete token2.items;
          Object.assign(token2, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token2 ? token2.indent : -1;
          const end = "end" in token2 && Array.isArray(token2.end) ? token2.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token2))
            if (key !== "type" && key !== "offset")
              delete token2[key];
          Object.assign(token2, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token2) {
      switch (token2.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token2.props)
            res += stringifyToken(tok);
          return res + token2.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token2.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token2.start.source;
          for (const item of token2.items)
            res += stringifyItem(item);
          for (const st of token2.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token2);
          if (token2.end)
            for (const st of token2.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token2.source;
          if ("end" in token2 && token2.end)
            for (const st of token2.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token2 = item[field];
        if (token2 && "items" in token2) {
          for (let i = 0; i < token2.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token2.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token2.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM2 = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token2) => !!token2 && "items" in token2;
    var isScalar5 = (token2) => !!token2 && (token2.type === "scalar" || token2.type === "single-quoted-scalar" || token2.type === "double-quoted-scalar" || token2.type === "block-scalar");
    function prettyToken(token2) {
      switch (token2) {
        case BOM2:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token2);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM2:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM2;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar5;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token2) {
      switch (token2?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token2 = error ?? this.stack.pop();
        if (!token2) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token2;
        } else {
          const top = this.peek(1);
          if (token2.type === "block-scalar") {
            token2.indent = "indent" in top ? top.indent : 0;
          } else if (token2.type === "flow-collection" && top.type === "document") {
            token2.indent = 0;
          }
          if (token2.type === "flow-collection")
            fixFlowSeqItems(token2);
          switch (top.type) {
            case "document":
              top.value = token2;
              break;
            case "block-scalar":
              top.props.push(token2);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token2, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token2;
              } else {
                Object.assign(it, { key: token2, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token2 });
              else
                it.value = token2;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token2, sep: [] });
              else if (it.sep)
                it.value = token2;
              else
                Object.assign(it, { key: token2, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token2);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token2.type === "block-map" || token2.type === "block-seq")) {
            const last = token2.items[token2.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token2.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token2.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token2.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token2) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token2.end)
              token2.end.push(this.sourceToken);
            else
              token2.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser2.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser2 = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser2.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/core/types.ts
var SEVERITY_RANK = { info: 1, warning: 2, error: 3 };
var CHECKLIST_IDS = [
  "secrets-in-store",
  "no-secrets-in-source",
  "env-gitignored",
  "encrypted-at-rest",
  "tls-in-transit",
  "rotation-automated",
  "audit-logging",
  "emergency-procedures",
  "startup-validation",
  "auth-failure-alerts"
];
function defineRule(rule) {
  return rule;
}

// src/detectors/patterns.ts
var TOKEN_EDGE = String.raw`\w-`;
var BASE64_EDGE = String.raw`\w+/=-`;
function caseless(literal) {
  let source = "";
  for (const ch of literal) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    source += lower === upper ? escapeRegExp(ch) : `[${lower}${upper}]`;
  }
  return source;
}
function escapeRegExp(literal) {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function token(body, edge = TOKEN_EDGE, rightEdge = edge) {
  return String.raw`(?<![${edge}])(?<secret>${body})(?![${rightEdge}])`;
}
function bareToken(body) {
  return token(body, String.raw`\w+/-`, BASE64_EDGE);
}
function assigned(keyName2, value, valueEdge = TOKEN_EDGE) {
  const separator = String.raw`(?:["'\x60]?\]?\s{0,3}(?:=|:=|::?|=>|\?=|,|>)\s{0,5}|\s{1,5})`;
  return String.raw`(?<![A-Za-z0-9])(?:${keyName2})[\w.-]{0,24}${separator}["'\x60]?` + String.raw`(?<secret>${value})(?![${valueEdge}])`;
}
function near(keyword, value, distance = 100, edge = TOKEN_EDGE, rightEdge = edge) {
  return String.raw`(?:${keyword})[\s\S]{0,${distance}}?` + token(value, edge, rightEdge);
}
function urlCredentials(scheme) {
  const documentationHost = String.raw`(?:[\w-]{1,63}\.){0,6}example\.(?:com|org|net)(?![\w-])`;
  return String.raw`(?<![\w+.-])(?:${scheme})://(?<user>[^\s:@/?#'"\x60<>]{0,128}):` + String.raw`(?<secret>[^\s@/?#'"\x60<>]{1,256})@(?=[\w\[%])(?!${documentationHost})`;
}
function pemBlock(label, bodyMax = 16384) {
  const begin = `-----BEGIN ${escapeRegExp(label)}-----`;
  const end = `-----END ${escapeRegExp(label)}-----`;
  const headers = String.raw`(?:\s{0,8}[A-Za-z-]{1,20}: [^\n\\]{1,200}(?:\\n|\r?\n)){0,6}`;
  return String.raw`(?<secret>${begin}${headers}[A-Za-z0-9+/=\s\\]{64,${bodyMax}}${end})`;
}
var UUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
function decodeBase64(encoded) {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) return void 0;
  return Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
}
function decodeJsonObject(encoded) {
  const text = decodeBase64(encoded);
  if (text === void 0 || !text.trimStart().startsWith("{")) return void 0;
  try {
    const value = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}
function isJwt(candidate) {
  const [header, payload] = candidate.split(".");
  if (header === void 0 || payload === void 0) return false;
  const decoded2 = decodeJsonObject(header);
  return typeof decoded2?.alg === "string" && decodeJsonObject(payload) !== void 0;
}
function jwtClaims(candidate) {
  const payload = candidate.split(".")[1];
  return payload === void 0 ? void 0 : decodeJsonObject(payload);
}
function decodeUserPassword(encoded) {
  const text = decodeBase64(encoded);
  if (text === void 0 || !/^[\x20-\x7e]+$/.test(text)) return void 0;
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) return void 0;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

// src/detectors/samples.ts
var UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
var LOWER = "abcdefghijklmnopqrstuvwxyz";
var DIGITS = "0123456789";
var LETTERS = UPPER + LOWER;
var BASE62 = UPPER + LOWER + DIGITS;
var BASE64 = BASE62 + "+/";
var BASE64URL = BASE62 + "-_";
var HEX = "0123456789abcdef";
var UPPER_ALNUM = UPPER + DIGITS;
var LOWER_ALNUM = LOWER + DIGITS;
var BASE32 = UPPER + "234567";
var BASE32_LOWER = LOWER + "234567";
var BECH32_UPPER = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
function fake(prefix, length, alphabet, seed) {
  const next = mulberry32(typeof seed === "number" ? seed : hashString(seed));
  let body = "";
  for (let i = 0; i < length; i++) body += alphabet[Math.floor(next() * alphabet.length)];
  return prefix + body;
}
function fakePassword(seed) {
  return fake("", 20, BASE62, seed);
}
function fakeUuid(seed) {
  const hex = fake("", 32, HEX, seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
function base64(text) {
  return Buffer.from(text, "utf8").toString("base64");
}
function base64url(text) {
  return Buffer.from(text, "utf8").toString("base64url");
}
function fakeJwt(claims, seed, header = { alg: "RS256", typ: "JWT" }) {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${fake("", 86, BASE64URL, seed)}`;
}
function fakePem(label, seed, options = {}) {
  const { bytes = 900, eol = "\n", headers = [] } = options;
  const body = fake("", Math.ceil(bytes / 3) * 4, BASE64, seed);
  const lines = body.match(/.{1,64}/g) ?? [];
  const head = headers.length > 0 ? headers.join(eol) + eol + eol : "";
  return `${dashes}BEGIN ${label}${dashes}${eol}${head}${lines.join(eol)}${eol}${dashes}END ${label}${dashes}`;
}
var dashes = "-".repeat(5);
function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/detectors/catalog/define.ts
function prefixedToken(spec) {
  const { id, prefix, sample, variable } = spec;
  return {
    id,
    description: spec.description,
    source: spec.source,
    keywords: spec.keywords ?? [prefix.toLowerCase()],
    pattern: new RegExp(token(escapeRegExp(prefix) + spec.body)),
    entropy: spec.entropy ?? 3.5,
    confidence: spec.confidence ?? "high",
    get samples() {
      const bodyLength = sample(`${id}-length`).length - prefix.length;
      return {
        truePositives: [`${variable}=${sample(`${id}-1`)}`, `{"${variable.toLowerCase()}": "${sample(`${id}-2`)}"}`, ...spec.truePositives ?? []],
        falsePositives: [
          { text: `${variable}=${prefix}${"x".repeat(bodyLength)}`, why: "a placeholder of xs" },
          { text: `${variable}=${prefix}...`, why: "an elided example" },
          { text: `${variable}=${sample(`${id}-short`).slice(0, prefix.length + 6)}`, why: "too short for a token" },
          ...spec.falsePositives ?? []
        ]
      };
    }
  };
}

// src/detectors/catalog/ai.ts
var OPENAI_MARKER = "T3BlbkFJ";
var openaiKey = (prefix, seed) => prefix + fake("", 74, BASE64URL, `${seed}-a`) + OPENAI_MARKER + fake("", 74, BASE64URL, `${seed}-b`);
var AI_DETECTORS = [
  prefixedToken({
    id: "openai-project-api-key",
    description: "OpenAI project API key",
    source: "https://platform.openai.com/docs/api-reference/authentication",
    prefix: "sk-proj-",
    body: String.raw`[\w-]{20,250}`,
    sample: (seed) => openaiKey("sk-proj-", seed),
    variable: "OPENAI_API_KEY"
  }),
  prefixedToken({
    id: "openai-service-account-key",
    description: "OpenAI service account API key",
    source: "https://platform.openai.com/docs/api-reference/project-service-accounts",
    prefix: "sk-svcacct-",
    body: String.raw`[\w-]{20,250}`,
    sample: (seed) => openaiKey("sk-svcacct-", seed),
    variable: "OPENAI_API_KEY"
  }),
  prefixedToken({
    id: "openai-admin-key",
    description: "OpenAI organization admin API key",
    source: "https://platform.openai.com/docs/api-reference/admin-api-keys",
    prefix: "sk-admin-",
    body: String.raw`[\w-]{20,250}`,
    sample: (seed) => openaiKey("sk-admin-", seed),
    variable: "OPENAI_ADMIN_KEY"
  }),
  {
    id: "openai-api-key-legacy",
    description: "OpenAI user API key (legacy sk-\u2026T3BlbkFJ\u2026 format)",
    source: "https://platform.openai.com/docs/api-reference/authentication",
    keywords: [OPENAI_MARKER.toLowerCase()],
    pattern: new RegExp(token(String.raw`sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`OPENAI_API_KEY=${fake("sk-", 20, BASE62, "openai-legacy-1")}${OPENAI_MARKER}${fake("", 20, BASE62, "openai-legacy-2")}`],
        falsePositives: [{ text: `marker = "${OPENAI_MARKER}"`, why: "the marker alone" }]
      };
    }
  },
  {
    id: "openai-api-key",
    description: "OpenAI-style sk- key assigned to an OpenAI key name (no format marker)",
    source: "https://platform.openai.com/docs/api-reference/authentication",
    keywords: ["openai"],
    pattern: new RegExp(assigned(`${caseless("openai")}[\\w.-]{0,20}?${caseless("key")}`, String.raw`sk-[\w-]{20,250}`)),
    entropy: 3.5,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [`OPENAI_API_KEY=${fake("sk-", 48, BASE62, "openai-assigned")}`],
        falsePositives: [{ text: `OPENAI_API_KEY=sk-your-key-here`, why: "a placeholder" }]
      };
    }
  },
  prefixedToken({
    id: "anthropic-api-key",
    description: "Anthropic API key",
    source: "https://docs.anthropic.com/en/api/overview#authentication",
    prefix: "sk-ant-api03-",
    body: String.raw`[\w-]{32,120}`,
    sample: (seed) => fake("sk-ant-api03-", 93, BASE64URL, seed) + "AA",
    variable: "ANTHROPIC_API_KEY"
  }),
  prefixedToken({
    id: "anthropic-admin-key",
    description: "Anthropic Admin API key",
    source: "https://docs.anthropic.com/en/api/administration-api",
    prefix: "sk-ant-admin01-",
    body: String.raw`[\w-]{32,120}`,
    sample: (seed) => fake("sk-ant-admin01-", 93, BASE64URL, seed) + "AA",
    variable: "ANTHROPIC_ADMIN_KEY"
  }),
  prefixedToken({
    id: "huggingface-access-token",
    description: "Hugging Face user access token",
    source: "https://huggingface.co/docs/hub/security-tokens",
    prefix: "hf_",
    body: "[A-Za-z0-9]{34}",
    sample: (seed) => fake("hf_", 34, LETTERS, seed),
    variable: "HF_TOKEN"
  }),
  prefixedToken({
    id: "huggingface-org-token",
    description: "Hugging Face organization API token",
    source: "https://huggingface.co/docs/hub/security-tokens",
    prefix: "api_org_",
    body: "[A-Za-z0-9]{34}",
    sample: (seed) => fake("api_org_", 34, LETTERS, seed),
    variable: "HF_ORG_TOKEN"
  }),
  prefixedToken({
    id: "groq-api-key",
    description: "Groq API key",
    source: "https://console.groq.com/docs/quickstart",
    prefix: "gsk_",
    body: "[A-Za-z0-9]{52}",
    sample: (seed) => fake("gsk_", 52, BASE62, seed),
    variable: "GROQ_API_KEY"
  }),
  prefixedToken({
    id: "replicate-api-token",
    description: "Replicate API token",
    source: "https://replicate.com/docs/topics/security/api-tokens",
    prefix: "r8_",
    body: "[A-Za-z0-9]{37}",
    sample: (seed) => fake("r8_", 37, BASE62, seed),
    variable: "REPLICATE_API_TOKEN"
  }),
  prefixedToken({
    id: "perplexity-api-key",
    description: "Perplexity API key",
    source: "https://docs.perplexity.ai/guides/getting-started",
    prefix: "pplx-",
    body: "[A-Za-z0-9]{48}",
    sample: (seed) => fake("pplx-", 48, BASE62, seed),
    variable: "PERPLEXITY_API_KEY"
  }),
  prefixedToken({
    id: "xai-api-key",
    description: "xAI (Grok) API key",
    source: "https://docs.x.ai/docs/overview",
    prefix: "xai-",
    body: "[A-Za-z0-9]{80}",
    sample: (seed) => fake("xai-", 80, BASE62, seed),
    variable: "XAI_API_KEY"
  }),
  {
    id: "langsmith-api-key",
    description: "LangSmith personal access token or service key",
    source: "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key",
    keywords: ["lsv2_pt_", "lsv2_sk_"],
    pattern: new RegExp(token(String.raw`lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`LANGSMITH_API_KEY=${fake("lsv2_pt_", 32, HEX, "langsmith-1")}_${fake("", 10, HEX, "langsmith-2")}`],
        falsePositives: [{ text: `LANGSMITH_API_KEY=lsv2_pt_...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "cohere-api-key",
    description: "Cohere API key",
    source: "https://docs.cohere.com/docs/rate-limits",
    keywords: ["cohere"],
    pattern: new RegExp(assigned(`${caseless("cohere")}[\\w.-]{0,20}?${caseless("key")}`, "[A-Za-z0-9]{40}")),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`COHERE_API_KEY=${fake("", 40, BASE62, "cohere")}`],
        falsePositives: [{ text: `COHERE_API_KEY=your-cohere-api-key`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "wandb-api-key",
    description: "Weights & Biases API key",
    source: "https://docs.wandb.ai/guides/track/environment-variables/",
    keywords: ["wandb"],
    pattern: new RegExp(assigned(`${caseless("wandb")}[\\w.-]{0,20}?${caseless("key")}`, "[a-f0-9]{40}")),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`WANDB_API_KEY=${fake("", 40, HEX, "wandb")}`],
        falsePositives: [{ text: `WANDB_API_KEY=$WANDB_KEY`, why: "a reference to another variable" }]
      };
    }
  }
];

// src/detectors/catalog/cloud.ts
var AWS_EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
var AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
var AZURITE_ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
var awsSecret = fake("", 40, BASE64, "aws-secret-access-key");
var azureAccountKey = fake("", 86, BASE64, "azure-account-key") + "==";
var cloudflareTunnel = base64(
  JSON.stringify({ a: fake("", 32, HEX, "cf-a"), t: fakeUuid("cf-t"), s: base64(fake("", 32, BASE62, "cf-s")) })
);
var CLOUD_DETECTORS = [
  {
    id: "aws-access-key-id",
    description: "AWS access key ID",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    // AKIA long-term, ASIA temporary (STS), ABIA STS service bearer, ACCA context-specific.
    // Real IDs are base32 ([A-Z2-7]); 0, 1, 8 and 9 are accepted because hand-made fakes use them.
    pattern: new RegExp(bareToken(String.raw`(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}`)),
    entropy: 3,
    confidence: "high",
    examples: [AWS_EXAMPLE_KEY_ID],
    get samples() {
      return {
        truePositives: [
          `AWS_ACCESS_KEY_ID=${fake("AKIA", 16, BASE32, "aws-akid-1")}`,
          `aws_access_key_id = ${fake("ASIA", 16, BASE32, "aws-akid-2")}`,
          `{"AccessKeyId": "${fake("AKIA", 16, BASE32, "aws-akid-3")}"}`,
          `aws_access_key_id = ${AWS_EXAMPLE_KEY_ID}`
        ],
        falsePositives: [
          { text: `region = ASIA_PACIFIC_SOUTHEAST`, why: "an identifier that starts with a key prefix" },
          { text: `id: ${fake("AKIA", 12, BASE32, "aws-short")}`, why: "too short: an access key ID has 16 characters after the prefix" },
          { text: `AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX`, why: "a placeholder of Xs" },
          { text: `role: ${fake("AROA", 16, BASE32, "aws-role")}`, why: "AROA is a role's unique ID, not a credential" },
          { text: `MYAKIA${fake("", 16, BASE32, "aws-inword")}`, why: "the prefix inside a longer word" }
        ]
      };
    }
  },
  {
    id: "aws-secret-access-key",
    description: "AWS secret access key",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    keywords: ["secret"],
    // A 40-character base64 string is everywhere (hashes, blobs); only its key name makes it an AWS secret.
    pattern: new RegExp(
      assigned(
        `${caseless("aws")}[\\w.-]{0,20}?${caseless("secret")}|${caseless("secret")}[_.-]?${caseless("access")}[_.-]?${caseless("key")}`,
        "[A-Za-z0-9/+]{40}",
        BASE64_EDGE
      )
    ),
    entropy: 3.5,
    confidence: "high",
    examples: [AWS_EXAMPLE_SECRET],
    get samples() {
      return {
        truePositives: [
          `AWS_SECRET_ACCESS_KEY=${awsSecret}`,
          `aws_secret_access_key = ${fake("", 40, BASE64, "aws-sk-2")}`,
          `{"AccessKeyId": "x", "SecretAccessKey": "${fake("", 40, BASE64, "aws-sk-3")}"}`,
          `export AWS_SECRET_ACCESS_KEY="${fake("", 40, BASE64, "aws-sk-4")}"`,
          `os.environ["AWS_SECRET_ACCESS_KEY"] = "${fake("", 40, BASE64, "aws-sk-5")}"`,
          `aws_secret_access_key = ${AWS_EXAMPLE_SECRET}`
        ],
        falsePositives: [
          { text: `checksum = ${fake("", 40, BASE64, "aws-sk-alone")}`, why: "a 40-character base64 string with no AWS or secret key name" },
          { text: `AWS_SECRET_ACCESS_KEY=${"x".repeat(40)}`, why: "a placeholder of xs" },
          { text: `AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY}`, why: "a reference to the environment" },
          { text: `aws_secret_access_key = ${fake("", 41, BASE64, "aws-sk-long")}`, why: "41 characters: not the 40 an AWS secret has" }
        ]
      };
    }
  },
  {
    id: "aws-session-token",
    description: "AWS temporary session token",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html",
    keywords: ["session"],
    pattern: new RegExp(
      assigned(
        `${caseless("aws")}[\\w.-]{0,20}?${caseless("session")}[_.-]?${caseless("token")}|${caseless("sessiontoken")}`,
        "[A-Za-z0-9/+]{100,4096}={0,2}",
        BASE64_EDGE
      )
    ),
    entropy: 4,
    confidence: "high",
    severity: "warning",
    get samples() {
      return {
        truePositives: [
          `AWS_SESSION_TOKEN=${fake("IQoJb3JpZ2lu", 300, BASE64, "aws-st-1")}`,
          `"SessionToken": "${fake("FwoGZXIvYXdz", 280, BASE64, "aws-st-2")}"`
        ],
        falsePositives: [
          { text: `AWS_SESSION_TOKEN=${fake("", 60, BASE64, "aws-st-short")}`, why: "too short for a session token" },
          { text: `web_session_token = ${fake("", 200, BASE64, "aws-st-web")}`, why: "a web session token, not an AWS one" }
        ]
      };
    }
  },
  {
    id: "gcp-service-account-key",
    description: "Google Cloud service account key file",
    source: "https://cloud.google.com/iam/docs/keys-create-delete#creating",
    keywords: ["service_account"],
    // The private key of a JSON key file whose "type" is "service_account", before or after it
    // (json.dump(sort_keys=True) puts "type" last). The context is checked only once a key matched.
    pattern: new RegExp(
      String.raw`"private_key"\s{0,3}:\s{0,3}"(?<secret>-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,8192}-----END PRIVATE KEY-----(?:\\n)?)"` + String.raw`(?:(?<="type"\s{0,3}:\s{0,3}"service_account"[\s\S]{0,12288})|(?=[\s\S]{0,2048}?"type"\s{0,3}:\s{0,3}"service_account"))`
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          JSON.stringify(
            {
              type: "service_account",
              project_id: "carbon-ingest",
              private_key_id: fake("", 40, HEX, "gcp-sa-kid"),
              private_key: fakePem("PRIVATE KEY", "gcp-sa-1") + "\n",
              client_email: "ingest@carbon-ingest.iam.gserviceaccount.com"
            },
            null,
            2
          ),
          // json.dump(sort_keys=True) puts "private_key" before "type".
          JSON.stringify({ client_email: "x@y.iam.gserviceaccount.com", private_key: fakePem("PRIVATE KEY", "gcp-sa-2"), type: "service_account" })
        ],
        falsePositives: [
          {
            text: JSON.stringify({ type: "authorized_user", private_key: fakePem("PRIVATE KEY", "gcp-sa-user") }),
            why: "not a service account file"
          },
          {
            text: JSON.stringify({ type: "service_account", private_key_id: "abc", private_key: "<paste key here>" }),
            why: "a template without a key"
          }
        ]
      };
    }
  },
  {
    id: "gcp-api-key",
    description: "Google Cloud API key",
    source: "https://cloud.google.com/docs/authentication/api-keys",
    keywords: ["aiza"],
    pattern: new RegExp(bareToken(String.raw`AIza[\w-]{35}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GOOGLE_API_KEY=${fake("AIza", 35, BASE64URL, "gcp-key-1")}`, `const maps = "${fake("AIza", 35, BASE64URL, "gcp-key-2")}";`],
        falsePositives: [
          { text: `key: ${"AIza"}${"x".repeat(35)}`, why: "a placeholder of xs" },
          { text: `key: ${fake("AIza", 20, BASE64URL, "gcp-short")}`, why: "too short: a key has 35 characters after AIza" }
        ]
      };
    }
  },
  {
    id: "gcp-oauth-client-secret",
    description: "Google OAuth client secret",
    source: "https://developers.google.com/identity/protocols/oauth2",
    keywords: ["gocspx-"],
    pattern: new RegExp(token(String.raw`GOCSPX-[\w-]{28}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`"client_secret": "${fake("GOCSPX-", 28, BASE64URL, "gcp-oauth-1")}"`],
        falsePositives: [{ text: `client_secret: GOCSPX-<your-secret>`, why: "a template" }]
      };
    }
  },
  {
    id: "google-oauth-access-token",
    description: "Google OAuth access token (short-lived)",
    source: "https://developers.google.com/identity/protocols/oauth2",
    keywords: ["ya29."],
    pattern: new RegExp(token(String.raw`ya29\.[\w-]{30,2048}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "medium",
    severity: "warning",
    get samples() {
      return {
        truePositives: [`Authorization: Bearer ${fake("ya29.", 160, BASE64URL, "ya29-1")}`],
        falsePositives: [{ text: `token = "ya29.${"x".repeat(40)}"`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "azure-storage-connection-string",
    description: "Azure Storage or Cosmos DB account key in a connection string",
    source: "https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string",
    keywords: ["accountkey="],
    // 64-byte keys: 86 base64 characters and "==".
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9])AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`),
    entropy: 4,
    confidence: "high",
    examples: [AZURITE_ACCOUNT_KEY],
    get samples() {
      return {
        truePositives: [
          `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=carbondata;AccountKey=${azureAccountKey};EndpointSuffix=core.windows.net"`,
          `UseDevelopmentStorage=false;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY}`
        ],
        falsePositives: [
          { text: `DefaultEndpointsProtocol=https;AccountName=carbondata;AccountKey=<account-key>`, why: "a template" },
          { text: `AccountKey=${fake("", 40, BASE64, "azure-short")}==`, why: "too short for a storage account key" }
        ]
      };
    }
  },
  {
    id: "azure-storage-account-key",
    description: "Azure Storage account key assigned to a storage key name",
    source: "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
    keywords: ["azure", "storage"],
    pattern: new RegExp(
      assigned(
        `(?:${caseless("azure")}[\\w.-]{0,20}?)?${caseless("storage")}[\\w.-]{0,20}?${caseless("key")}`,
        "[A-Za-z0-9+/]{86}==",
        BASE64_EDGE
      )
    ),
    entropy: 4,
    confidence: "high",
    examples: [AZURITE_ACCOUNT_KEY],
    get samples() {
      return {
        truePositives: [`AZURE_STORAGE_KEY=${azureAccountKey}`, `storage_account_key: "${fake("", 86, BASE64, "azure-sak-2")}=="`],
        falsePositives: [{ text: `AZURE_STORAGE_KEY=${fake("", 44, BASE64, "azure-sak-short")}`, why: "too short for an account key" }]
      };
    }
  },
  {
    id: "azure-shared-access-key",
    description: "Azure Service Bus, Event Hubs, IoT Hub or SignalR shared access key",
    source: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
    keywords: ["sharedaccesskey="],
    // 32-byte keys: 43 base64 characters and "=".
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9])SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `Endpoint=sb://carbon.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake("", 43, BASE64, "azure-sas-key")}=`
        ],
        falsePositives: [{ text: `Endpoint=sb://carbon.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=<key>`, why: "a template" }]
      };
    }
  },
  {
    id: "azure-sas-token",
    description: "Azure shared access signature (sig=) in a SAS URL or token",
    source: "https://learn.microsoft.com/rest/api/storageservices/create-service-sas",
    keywords: ["sig="],
    // The signature counts only inside a SAS query: one with a service version (sv=) or an expiry (se=).
    pattern: new RegExp(
      String.raw`[?&]sig=(?<secret>(?:[A-Za-z0-9+/]|%2[BbFf]){40,128}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])` + String.raw`(?:(?<=[?&;\s](?:sv=\d{4}-|se=\d)[^\s"'<>]{0,1024})|(?=[^\s"'<>]{0,1024}?[?&](?:sv=\d{4}-|se=\d)))`
    ),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `https://carbon.blob.core.windows.net/raw?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${fake("", 40, BASE62, "azure-sig-1")}%2B${fake("", 2, BASE62, "azure-sig-1b")}%3D`,
          `SharedAccessSignature sr=carbon.servicebus.windows.net&sig=${fake("", 43, BASE62, "azure-sig-2")}%3D&se=1893456000&skn=send`
        ],
        falsePositives: [
          { text: `https://example.com/download?file=a.zip&sig=${fake("", 43, BASE62, "azure-sig-other")}`, why: "a signed URL that is not an Azure SAS (no sv= or se=)" },
          { text: `?sv=2022-11-02&sig=<signature>`, why: "a template" }
        ]
      };
    }
  },
  {
    id: "azure-ad-client-secret",
    description: "Microsoft Entra ID (Azure AD) application client secret",
    source: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
    keywords: ["q~"],
    pattern: new RegExp(token(String.raw`[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`, String.raw`\w~.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AZURE_CLIENT_SECRET=${fake("", 3, BASE62, "aad-1")}8Q~${fake("", 34, BASE62 + "_~.-", "aad-2")}`],
        falsePositives: [{ text: `path = "~/Q~notes"`, why: "a path, not a client secret" }]
      };
    }
  },
  {
    id: "azure-devops-pat",
    description: "Azure DevOps personal access token (52 characters, legacy format)",
    source: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    keywords: ["devops", "ado", "vsts"],
    pattern: new RegExp(
      assigned(`(?:${caseless("azure")}[_.-]?${caseless("devops")}|${caseless("ado")}|${caseless("vsts")})[\\w.-]{0,20}?(?:${caseless("pat")}|${caseless("token")})`, "[a-z2-7]{52}")
    ),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AZURE_DEVOPS_PAT=${fake("", 52, BASE32_LOWER, "ado-1")}`, `ado_token: ${fake("", 52, BASE32_LOWER, "ado-2")}`],
        falsePositives: [{ text: `ado_token: ${fake("", 40, HEX, "ado-sha")}`, why: "a hex digest, not a base32 PAT" }]
      };
    }
  },
  {
    id: "alibaba-access-key-id",
    description: "Alibaba Cloud AccessKey ID",
    source: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    keywords: ["ltai"],
    pattern: new RegExp(bareToken(String.raw`LTAI[A-Za-z0-9]{12,20}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_ID=${fake("LTAI", 20, BASE62, "ali-id")}`],
        falsePositives: [{ text: `name: LTAIL_LOG_SHIPPER`, why: "an identifier that starts with the prefix" }]
      };
    }
  },
  {
    id: "alibaba-access-key-secret",
    description: "Alibaba Cloud AccessKey secret",
    source: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    keywords: ["secret"],
    pattern: new RegExp(
      assigned(
        `(?:${caseless("alibaba")}|${caseless("aliyun")}|${caseless("alicloud")})[\\w.-]{0,20}?${caseless("secret")}|${caseless("access")}[_.-]?${caseless("key")}[_.-]?${caseless("secret")}`,
        "[A-Za-z0-9]{30}"
      )
    ),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake("", 30, BASE62, "ali-secret")}`, `access_key_secret: ${fake("", 30, BASE62, "ali-secret-2")}`],
        falsePositives: [{ text: `access_key_secret: \${ALIYUN_SECRET}`, why: "a reference to the environment" }]
      };
    }
  },
  {
    id: "tencent-secret-id",
    description: "Tencent Cloud SecretId",
    source: "https://www.tencentcloud.com/document/product/598/34228",
    keywords: ["akid"],
    pattern: new RegExp(bareToken(String.raw`AKID[A-Za-z0-9]{32}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TENCENTCLOUD_SECRET_ID=${fake("AKID", 32, BASE62, "tencent-id")}`],
        falsePositives: [{ text: `id = AKID${"x".repeat(32)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "tencent-secret-key",
    description: "Tencent Cloud SecretKey",
    source: "https://www.tencentcloud.com/document/product/598/34228",
    keywords: ["tencent", "qcloud"],
    pattern: new RegExp(assigned(`(?:${caseless("tencent")}|${caseless("qcloud")})[\\w.-]{0,20}?${caseless("secret")}[_.-]?${caseless("key")}`, "[A-Za-z0-9]{32}")),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TENCENTCLOUD_SECRET_KEY=${fake("", 32, BASE62, "tencent-key")}`],
        falsePositives: [{ text: `TENCENTCLOUD_SECRET_KEY=your_secret_key_here`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "ibm-cloud-api-key",
    description: "IBM Cloud API key",
    source: "https://cloud.ibm.com/docs/account?topic=account-userapikey",
    keywords: ["ibm"],
    pattern: new RegExp(assigned(`${caseless("ibm")}[\\w.-]{0,20}?(?:${caseless("api")}[_.-]?)?${caseless("key")}`, "[A-Za-z0-9_-]{44}")),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`IBMCLOUD_API_KEY=${fake("", 44, BASE64URL, "ibm-1")}`, `ibm_api_key: "${fake("", 44, BASE64URL, "ibm-2")}"`],
        falsePositives: [{ text: `IBMCLOUD_API_KEY=${fake("", 30, BASE64URL, "ibm-short")}`, why: "too short for an IBM Cloud API key" }]
      };
    }
  },
  {
    id: "digitalocean-pat",
    description: "DigitalOcean personal access token",
    source: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    keywords: ["dop_v1_"],
    pattern: new RegExp(token(String.raw`dop_v1_[a-f0-9]{64}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DIGITALOCEAN_TOKEN=${fake("dop_v1_", 64, HEX, "do-pat")}`],
        falsePositives: [{ text: `token: dop_v1_${"0".repeat(64)}`, why: "a placeholder of zeros" }]
      };
    }
  },
  {
    id: "digitalocean-oauth-token",
    description: "DigitalOcean OAuth access or refresh token",
    source: "https://docs.digitalocean.com/reference/api/oauth-api/",
    keywords: ["doo_v1_", "dor_v1_"],
    pattern: new RegExp(token(String.raw`do[or]_v1_[a-f0-9]{64}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`access_token = "${fake("doo_v1_", 64, HEX, "do-oauth")}"`, `refresh: ${fake("dor_v1_", 64, HEX, "do-refresh")}`],
        falsePositives: [{ text: `doo_v1_${fake("", 32, HEX, "do-short")}`, why: "too short: 64 hex characters follow the prefix" }]
      };
    }
  },
  {
    id: "heroku-api-key",
    description: "Heroku API key (HRKU- format)",
    source: "https://devcenter.heroku.com/articles/authentication",
    keywords: ["hrku-"],
    pattern: new RegExp(token(String.raw`HRKU-AA[\w-]{58}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`HEROKU_API_KEY=${fake("HRKU-AA", 58, BASE64URL, "heroku-new")}`],
        falsePositives: [{ text: `HEROKU_API_KEY=HRKU-<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "heroku-api-key-legacy",
    description: "Heroku API key (legacy UUID format, next to a heroku key name)",
    source: "https://devcenter.heroku.com/articles/authentication",
    keywords: ["heroku"],
    pattern: new RegExp(assigned(`${caseless("heroku")}[\\w.-]{0,20}?(?:${caseless("key")}|${caseless("token")})`, UUID)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`HEROKU_API_KEY=${fakeUuid("heroku-legacy")}`],
        falsePositives: [{ text: `heroku_app_id: ${fakeUuid("heroku-app")}`, why: "an app ID, not a key" }]
      };
    }
  },
  {
    id: "flyio-access-token",
    description: "Fly.io access token",
    source: "https://fly.io/docs/security/tokens/",
    keywords: ["fo1_", "fm1a_", "fm1r_", "fm2_"],
    pattern: new RegExp(bareToken(String.raw`fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,4096}={0,3}|fm2_[A-Za-z0-9+/]{100,4096}={0,3}`)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`FLY_API_TOKEN=${fake("fo1_", 43, BASE64URL, "fly-1")}`, `FLY_API_TOKEN="FlyV1 ${fake("fm2_", 200, BASE64, "fly-2")}"`],
        falsePositives: [{ text: `fm2_${fake("", 30, BASE64, "fly-short")}`, why: "too short for a macaroon token" }]
      };
    }
  },
  {
    id: "cloudflare-api-token",
    description: "Cloudflare API token",
    source: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
    keywords: ["cloudflare", "cf_", "cf-"],
    pattern: new RegExp(assigned(`(?:${caseless("cloudflare")}|${caseless("cf")}[_.-])[\\w.-]{0,20}?${caseless("token")}`, "[\\w-]{40}")),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CLOUDFLARE_API_TOKEN=${fake("", 40, BASE64URL, "cf-token")}`, `CF_API_TOKEN: "${fake("", 40, BASE64URL, "cf-token-2")}"`],
        falsePositives: [{ text: `CLOUDFLARE_API_TOKEN=\${{ secrets.CLOUDFLARE_API_TOKEN }}`, why: "a GitHub Actions secret reference" }]
      };
    }
  },
  {
    id: "cloudflare-global-api-key",
    description: "Cloudflare global API key",
    source: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
    keywords: ["cloudflare", "cf_", "cf-", "x-auth-key"],
    pattern: new RegExp(
      assigned(`(?:${caseless("cloudflare")}|${caseless("cf")}[_.-])[\\w.-]{0,20}?${caseless("key")}|${caseless("x-auth-key")}`, "[a-f0-9]{37}")
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CLOUDFLARE_API_KEY=${fake("", 37, HEX, "cf-global")}`, `-H "X-Auth-Key: ${fake("", 37, HEX, "cf-global-2")}"`],
        falsePositives: [{ text: `CLOUDFLARE_API_KEY=${fake("", 40, HEX, "cf-sha")}`, why: "40 hex characters (a SHA-1), not the 37 of a global key" }]
      };
    }
  },
  {
    id: "cloudflare-origin-ca-key",
    description: "Cloudflare Origin CA key",
    source: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
    keywords: ["v1.0-"],
    pattern: new RegExp(token(String.raw`v1\.0-[a-f0-9]{24}-[a-f0-9]{146}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CF_ORIGIN_CA_KEY=${fake("v1.0-", 24, HEX, "cf-ca-1")}-${fake("", 146, HEX, "cf-ca-2")}`],
        falsePositives: [{ text: `version: v1.0-beta`, why: "a version string" }]
      };
    }
  },
  {
    id: "cloudflare-tunnel-token",
    description: "Cloudflare Tunnel token",
    source: "https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/",
    keywords: ["eyjhijoi"],
    // base64 of {"a":"<account tag>","t":"<tunnel id>","s":"<secret>"}.
    pattern: new RegExp(bareToken(String.raw`eyJhIjoi[A-Za-z0-9+/]{80,1024}={0,2}`)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`cloudflared tunnel run --token ${cloudflareTunnel}`, `TUNNEL_TOKEN=${cloudflareTunnel}`],
        falsePositives: [{ text: `token: ${base64(JSON.stringify({ a: 1 }))}`, why: "a short base64 JSON object, not a tunnel token" }]
      };
    }
  }
];

// src/detectors/placeholders.ts
var PLACEHOLDER_WORDS = [
  "password",
  "passwd",
  "pass",
  "pwd",
  "secret",
  "token",
  "key",
  "apikey",
  "api_key",
  "api-key",
  "changeme",
  "change_me",
  "change-me",
  "changeit",
  "replaceme",
  "replace_me",
  "replace-me",
  "placeholder",
  "redacted",
  "removed",
  "hidden",
  "masked",
  "omitted",
  "sensitive",
  "dummy",
  "sample",
  "example",
  "fake",
  "foo",
  "bar",
  "baz",
  "foobar",
  "qux",
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "unset",
  "todo",
  "tbd",
  "fixme",
  "tba",
  "xxx",
  "yyy",
  "zzz",
  "value",
  "string",
  "secretvalue",
  "your_key_here",
  "notasecret",
  "not_a_secret",
  "not-a-secret",
  "insecure",
  "required",
  "optional",
  "actual_key",
  "actual_password",
  "actual_secret",
  "actual_token",
  "new_key",
  "new_password"
];
var PLACEHOLDER_MARKERS = [
  "your",
  "my",
  "enter",
  "insert",
  "replace",
  "put",
  "here",
  "some",
  "example",
  "sample",
  "dummy",
  "fake",
  "placeholder",
  "actual",
  "new",
  "xxx"
];
var SECRET_NAME_WORDS = [
  "password",
  "passwd",
  "passphrase",
  "pass",
  "pwd",
  "secret",
  "token",
  "key",
  "apikey",
  "credential",
  "credentials",
  "auth",
  "pat",
  "pw"
];
var DEFAULT_CREDENTIALS = [
  "admin",
  "root",
  "guest",
  "test",
  "user",
  "postgres",
  "mysql",
  "redis",
  "rabbitmq",
  "clickhouse",
  "airflow",
  "minioadmin",
  "kafka",
  "default",
  "local",
  "dev",
  "development",
  // The passwords every breach list starts with: in a config file they are weak defaults, in docs placeholders.
  "password",
  "passwd",
  "pass",
  "secret",
  "123456",
  "12345678",
  "qwerty",
  "letmein",
  "admin123",
  "password1"
];
var REFERENCE_SHAPES = [
  /\$\{/,
  // ${DB_PASS}, ${{ secrets.X }}
  /\{\{/,
  // {{ .Values.password }}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  // $PASS
  /^\$\(/,
  // $(cat /run/secrets/pw)
  /^%\([A-Za-z_][A-Za-z0-9_]*\)[sdr]$/,
  // %(pw)s
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  // %DB_PASS%
  /^<[^<>]*>$/,
  // <password>
  /^\[[^[\]]*\]$/,
  // [password]
  /^#\{[^}]*\}$/,
  // #{db.password}
  /^@[A-Za-z_][A-Za-z0-9_.]*@$/,
  // @db.password@ (Maven filtering)
  /^\{[A-Za-z_][A-Za-z0-9_.]*\}$/,
  // {password} (str.format)
  /^%[sdv]$/,
  // %s
  /^ENC\[/,
  // SOPS ciphertext
  /^(?:vault|ref\+[a-z0-9]+|secretsmanager|ssm|akv|gcpsm|op):/,
  // secret-manager references
  /^(?:process\.env|os\.environ|os\.getenv|env)\b/
  // code reading the environment
];
var MASK_SHAPES = [
  /^[*xX•#._\-]{3,}$/,
  /^[^A-Za-z0-9]{0,3}\*{3,}[^A-Za-z0-9]{0,3}$/,
  // ":****" as a URL's masked userinfo
  /([*xX•#])\1{4}/,
  /\.\.\.|…/,
  /^(.)\1+$/
];
var placeholderWords = new Set(PLACEHOLDER_WORDS);
var placeholderMarkers = new Set(PLACEHOLDER_MARKERS);
var secretNameWords = new Set(SECRET_NAME_WORDS);
var defaultCredentials = new Set(DEFAULT_CREDENTIALS);
function isPlaceholderValue(value) {
  const trimmed = unquote(value.trim());
  if (trimmed.length < 3) return true;
  if (placeholderWords.has(trimmed.toLowerCase())) return true;
  if (REFERENCE_SHAPES.some((shape) => shape.test(trimmed))) return true;
  if (MASK_SHAPES.some((shape) => shape.test(trimmed))) return true;
  if (isNameMadeOfWords(trimmed) || isSequence(trimmed)) return true;
  const plain = deleet(trimmed);
  return plain !== null && (placeholderWords.has(plain.toLowerCase()) || isNameMadeOfWords(plain));
}
function isDefaultCredential(value) {
  const lower = value.trim().toLowerCase();
  if (defaultCredentials.has(lower)) return true;
  const plain = deleet(lower);
  return plain !== null && defaultCredentials.has(plain);
}
var LEET = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };
function deleet(value) {
  if (value.length > 64 || !/[013457@$]/.test(value) || !/^[A-Za-z013457@$_.-]+$/.test(value) || !/[A-Za-z]{2}/.test(value)) return null;
  return value.replace(/[013457@$]/g, (c, at2) => {
    const letter = LEET[c] ?? c;
    const before = value.slice(0, at2).match(/[A-Za-z](?=[^A-Za-z]*$)/)?.[0] ?? value.slice(at2).match(/[A-Za-z]/)?.[0] ?? "a";
    return before === before.toUpperCase() ? letter.toUpperCase() : letter;
  });
}
function unquote(value) {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'" || first === "`") && value.endsWith(first)) {
    return value.slice(1, -1).trim();
  }
  return value;
}
function isNameMadeOfWords(value) {
  if (value.length > 64 || !/^[A-Za-z][A-Za-z _.-]*$/.test(value)) return false;
  const words = value.split(/[ _.-]+|(?<=[a-z])(?=[A-Z])/).filter((word) => word.length > 0).map((word) => word.toLowerCase());
  if (!words.every((word) => /^[a-z]+[0-9]*$/.test(word))) return false;
  if (words.length === 1) return isMarkerThenSecretNames(words[0] ?? "");
  return words.some((word) => {
    const bare = word.replace(/[0-9]+$/, "");
    return placeholderMarkers.has(bare) || secretNameWords.has(bare);
  });
}
function isGuessableName(value) {
  const unquoted = unquote(value.trim());
  const trimmed = deleet(unquoted) ?? unquoted;
  if (trimmed.length > 64 || !/^[A-Za-z][A-Za-z _.-]*$/.test(trimmed)) return false;
  const words = trimmed.split(/[ _.-]+|(?<=[a-z])(?=[A-Z])/).filter((word) => word.length > 0).map((word) => word.toLowerCase());
  if (words.length < 2 || words.some((word) => placeholderMarkers.has(word))) return false;
  return words.some((word) => secretNameWords.has(word)) && words.some((word) => !secretNameWords.has(word));
}
function isMarkerThenSecretNames(word) {
  const marker = PLACEHOLDER_MARKERS.find((candidate) => word.startsWith(candidate));
  if (marker === void 0) return false;
  let rest = word.slice(marker.length).replace(/[0-9]*$/, "").replace(/here$/, "");
  for (let names = 0; names < 2 && rest.length > 0; names++) {
    const name = SECRET_NAME_WORDS.filter((candidate) => rest.startsWith(candidate)).sort((a, b) => b.length - a.length)[0];
    if (name === void 0) return false;
    rest = rest.slice(name.length);
  }
  return rest.length === 0 && word.length > marker.length;
}
function isSequence(value) {
  if (value.length < 8) return false;
  const direction = value.charCodeAt(1) - value.charCodeAt(0);
  if (direction !== 1 && direction !== -1) return false;
  for (let i = 2; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== direction) return false;
  }
  return true;
}

// src/detectors/catalog/code-hosts.ts
var GITHUB_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats";
var GITLAB_DOCS = "https://docs.gitlab.com/security/tokens/#token-prefixes";
function githubToken(id, description, prefix) {
  const sample = (seed) => fake(prefix, 36, BASE62, seed);
  return prefixedToken({
    id,
    description,
    source: GITHUB_DOCS,
    prefix,
    body: "[A-Za-z0-9]{36,251}",
    sample,
    variable: "GITHUB_TOKEN",
    truePositives: [`git clone https://x-access-token:${sample(`${id}-url`)}@github.com/carbon/ingest.git`],
    falsePositives: [{ text: `const my${sample(`${id}-word`)} = 1`, why: "the prefix inside an identifier" }]
  });
}
function gitlabToken(id, description, prefix, body, sampleLength) {
  return prefixedToken({ id, description, source: GITLAB_DOCS, prefix, body, sample: (seed) => fake(prefix, sampleLength, BASE64URL, seed), variable: "GITLAB_TOKEN", entropy: 3 });
}
var CODE_HOST_DETECTORS = [
  githubToken("github-pat-classic", "GitHub personal access token (classic)", "ghp_"),
  githubToken("github-oauth-token", "GitHub OAuth access token", "gho_"),
  githubToken("github-user-to-server-token", "GitHub App user access token", "ghu_"),
  githubToken("github-app-installation-token", "GitHub App installation access token", "ghs_"),
  githubToken("github-refresh-token", "GitHub App refresh token", "ghr_"),
  {
    id: "github-pat-fine-grained",
    description: "GitHub fine-grained personal access token",
    source: GITHUB_DOCS,
    keywords: ["github_pat_"],
    pattern: new RegExp(token(String.raw`github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GH_TOKEN=${fake("github_pat_", 22, BASE62, "gh-fg-1")}_${fake("", 59, BASE62, "gh-fg-2")}`],
        falsePositives: [
          { text: `# create a github_pat_ token in settings`, why: "prose naming the prefix" },
          { text: `GH_TOKEN=github_pat_${"X".repeat(22)}_${"X".repeat(59)}`, why: "a placeholder of Xs" }
        ]
      };
    }
  },
  gitlabToken("gitlab-pat", "GitLab personal, project or group access token", "glpat-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-deploy-token", "GitLab deploy token", "gldt-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-runner-token", "GitLab runner authentication token", "glrt-", String.raw`[\w-]{20,300}`, 20),
  gitlabToken("gitlab-runner-registration-token", "GitLab runner registration token (deprecated)", "GR1348941", String.raw`[\w-]{20}`, 20),
  gitlabToken("gitlab-oauth-app-secret", "GitLab OAuth application secret", "gloas-", String.raw`[\w-]{64}`, 64),
  gitlabToken("gitlab-feed-token", "GitLab feed token", "glft-", String.raw`[\w-]{20}`, 20),
  gitlabToken("gitlab-agent-token", "GitLab agent for Kubernetes token", "glagent-", String.raw`[\w-]{50}`, 50),
  {
    id: "gitlab-pipeline-trigger-token",
    description: "GitLab pipeline trigger token",
    source: GITLAB_DOCS,
    keywords: ["glptt-"],
    pattern: new RegExp(token(String.raw`glptt-[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`curl -X POST -F token=${fake("glptt-", 40, HEX, "glptt")} -F ref=main https://gitlab.example.com/api/v4/projects/1/trigger/pipeline`],
        falsePositives: [{ text: `-F token=glptt-<trigger-token>`, why: "a template" }]
      };
    }
  },
  {
    id: "gitlab-ci-job-token",
    description: "GitLab CI/CD job token",
    source: GITLAB_DOCS,
    keywords: ["glcbt-"],
    pattern: new RegExp(token(String.raw`glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CI_JOB_TOKEN=${fake("glcbt-", 2, LOWER_ALNUM, "glcbt-1")}_${fake("", 20, BASE64URL, "glcbt-2")}`],
        falsePositives: [{ text: `token: glcbt-64_short`, why: "too short for a job token" }]
      };
    }
  },
  {
    id: "atlassian-api-token",
    description: "Atlassian API token (Jira, Confluence, Bitbucket)",
    source: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    keywords: ["atatt3"],
    pattern: new RegExp(token(String.raw`ATATT3[\w=-]{186}`, String.raw`\w-`, String.raw`\w=-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`JIRA_API_TOKEN=${fake("ATATT3", 186, BASE64URL, "atlassian")}`],
        falsePositives: [{ text: `JIRA_API_TOKEN=ATATT3xxxxxxxx`, why: "a truncated placeholder" }]
      };
    }
  },
  {
    id: "bitbucket-app-password",
    description: "Bitbucket app password",
    source: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    keywords: ["atbb"],
    pattern: new RegExp(token(String.raw`ATBB[A-Za-z0-9_=.-]{32}`, String.raw`\w.-`, String.raw`\w=.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BITBUCKET_APP_PASSWORD=${fake("ATBB", 32, BASE62, "bitbucket")}`],
        falsePositives: [{ text: `ATBB_MODE=enabled`, why: "an identifier with the prefix" }]
      };
    }
  },
  {
    id: "npm-access-token",
    description: "npm access token",
    source: "https://docs.npmjs.com/about-access-tokens",
    keywords: ["npm_"],
    pattern: new RegExp(token(String.raw`npm_[A-Za-z0-9]{36}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`//registry.npmjs.org/:_authToken=${fake("npm_", 36, BASE62, "npm-1")}`, `NPM_TOKEN=${fake("npm_", 36, BASE62, "npm-2")}`],
        falsePositives: [
          { text: `run: npm_config_cache=/tmp/npm_cache_directory_for_builds_x npm ci`, why: "an npm_config variable, not a token" },
          { text: `NPM_TOKEN=npm_${"x".repeat(36)}`, why: "a placeholder of xs" }
        ]
      };
    }
  },
  {
    id: "npmrc-auth-token",
    description: "Registry credential in an .npmrc (_authToken, _auth, _password)",
    source: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    keywords: ["_auth", "_password"],
    // //registry.example.com/:_authToken=…  or a top-level _auth=… line.
    pattern: new RegExp(String.raw`(?:^|(?<=:))_(?:authToken|auth|password)\s{0,3}=\s{0,3}["']?(?<secret>[A-Za-z0-9._~+/=-]{12,1024})(?![A-Za-z0-9._~+/=-])`, "m"),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `//artifactory.carbon.internal/api/npm/npm/:_authToken=${fake("", 64, BASE64URL, "npmrc-1")}`,
          `_auth=${base64(`ci-bot:${fake("", 20, BASE62, "npmrc-2")}`)}`
        ],
        falsePositives: [
          { text: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", why: "a reference to the environment" },
          { text: `self._auth = HTTPBasicAuthentication(user, pw)`, why: "Python code, not an .npmrc line" }
        ]
      };
    }
  },
  {
    id: "pypi-upload-token",
    description: "PyPI or TestPyPI API token",
    source: "https://pypi.org/help/#apitoken",
    keywords: ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"],
    // A macaroon whose location is pypi.org (AgEIcHlwaS5vcmc) or test.pypi.org (AgENdGVzdC5weXBpLm9yZw).
    pattern: new RegExp(token(String.raw`pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[\w-]{50,1024}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `password = ${fake("pypi-AgEIcHlwaS5vcmc", 160, BASE64URL, "pypi-1")}`,
          `TWINE_PASSWORD=${fake("pypi-AgENdGVzdC5weXBpLm9yZw", 120, BASE64URL, "pypi-2")}`
        ],
        falsePositives: [{ text: `password = pypi-AgEIcHlwaS5vcmc...`, why: "a truncated example" }]
      };
    }
  },
  {
    id: "docker-hub-pat",
    description: "Docker Hub personal or organization access token",
    source: "https://docs.docker.com/security/for-developers/access-tokens/",
    keywords: ["dckr_pat_", "dckr_oat_"],
    pattern: new RegExp(token(String.raw`dckr_(?:pat|oat)_[\w-]{27,40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`echo ${fake("dckr_pat_", 27, BASE64URL, "dckr-1")} | docker login -u carbon --password-stdin`],
        falsePositives: [{ text: `DOCKERHUB_TOKEN=dckr_pat_<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "docker-config-auth",
    description: 'Registry credentials in a Docker config.json / .dockerconfigjson ("auth": base64 of user:password)',
    source: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
    keywords: ['"auth"'],
    pattern: new RegExp(String.raw`"auth"\s{0,3}:\s{0,3}"(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})"`),
    confidence: "high",
    validate: (secret) => {
      const credentials = decodeUserPassword(secret);
      return credentials !== void 0 && !isPlaceholderValue(credentials.password);
    },
    get samples() {
      return {
        truePositives: [`{"auths": {"ghcr.io": {"auth": "${base64(`carbon-ci:${fake("", 24, BASE62, "docker-auth")}`)}"}}}`],
        falsePositives: [
          { text: `{"auths": {"ghcr.io": {"auth": "${base64("carbon-ci:${REGISTRY_PASSWORD}")}"}}}`, why: "the encoded password is a reference" },
          { text: `{"auth": "${base64("no colon here")}"}`, why: "does not decode to user:password" }
        ]
      };
    }
  },
  {
    id: "rubygems-api-key",
    description: "RubyGems API key",
    source: "https://guides.rubygems.org/api-key-scopes/",
    keywords: ["rubygems_"],
    pattern: new RegExp(token(String.raw`rubygems_[a-f0-9]{48}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`:rubygems_api_key: ${fake("rubygems_", 48, HEX, "rubygems")}`],
        falsePositives: [{ text: `:rubygems_api_key: rubygems_api_key_value`, why: "a key name, not a key" }]
      };
    }
  },
  {
    id: "nuget-api-key",
    description: "NuGet.org API key",
    source: "https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys",
    keywords: ["oy2"],
    pattern: new RegExp(bareToken(String.raw`oy2[a-z0-9]{43}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`dotnet nuget push pkg.nupkg --api-key ${fake("oy2", 43, LOWER_ALNUM, "nuget")} --source https://api.nuget.org/v3/index.json`],
        falsePositives: [{ text: `id: oy2short`, why: "too short for a NuGet key" }]
      };
    }
  },
  {
    id: "jfrog-api-key",
    description: "JFrog Artifactory API key",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    keywords: ["akcp"],
    pattern: new RegExp(bareToken(String.raw`AKCp[A-Za-z0-9]{69}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`ARTIFACTORY_API_KEY=${fake("AKCp", 69, BASE62, "jfrog")}`],
        falsePositives: [{ text: `ARTIFACTORY_API_KEY=AKCp${"x".repeat(69)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "jfrog-reference-token",
    description: "JFrog Platform reference token",
    source: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens",
    keywords: ["cmvmdgtuojaxoj"],
    // base64 of "reftkn:01:".
    pattern: new RegExp(bareToken(String.raw`cmVmdGtuOjAxOj[A-Za-z0-9]{40,60}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`JFROG_ACCESS_TOKEN=${fake("cmVmdGtuOjAxOj", 50, BASE62, "jfrog-ref")}`],
        falsePositives: [{ text: `token: cmVmdGtuOjAxOj`, why: "the prefix alone" }]
      };
    }
  },
  {
    id: "sonarqube-token",
    description: "SonarQube / SonarCloud user, project or global analysis token",
    source: "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
    keywords: ["squ_", "sqp_", "sqa_"],
    pattern: new RegExp(token(String.raw`sq[upa]_[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SONAR_TOKEN=${fake("sqp_", 40, HEX, "sonar-1")}`, `sonar.token=${fake("squ_", 40, HEX, "sonar-2")}`],
        falsePositives: [{ text: `SONAR_TOKEN=squ_${"0".repeat(40)}`, why: "a placeholder of zeros" }]
      };
    }
  },
  {
    id: "snyk-api-token",
    description: "Snyk API token",
    source: "https://docs.snyk.io/snyk-api/authentication-for-api",
    keywords: ["snyk"],
    pattern: new RegExp(assigned(`${caseless("snyk")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, UUID)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SNYK_TOKEN=${fakeUuid("snyk")}`],
        falsePositives: [{ text: `snyk_org_id: ${fakeUuid("snyk-org")}`, why: "an organisation ID, not a token" }]
      };
    }
  },
  {
    id: "circleci-token",
    description: "CircleCI personal or project API token",
    source: "https://circleci.com/docs/managing-api-tokens/",
    keywords: ["ccipat_", "cciprj_"],
    pattern: new RegExp(token(String.raw`CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CIRCLE_TOKEN=${fake("CCIPAT_", 22, BASE62, "circle-1")}_${fake("", 40, HEX, "circle-2")}`],
        falsePositives: [{ text: `CIRCLE_TOKEN=CCIPAT_<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "buildkite-api-token",
    description: "Buildkite API access token",
    source: "https://buildkite.com/docs/apis/managing-api-tokens",
    keywords: ["bkua_"],
    pattern: new RegExp(token(String.raw`bkua_[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BUILDKITE_API_TOKEN=${fake("bkua_", 40, HEX, "buildkite")}`],
        falsePositives: [{ text: `BUILDKITE_API_TOKEN=bkua_${"x".repeat(40)}`, why: "a placeholder of xs" }]
      };
    }
  }
];

// src/detectors/catalog/connection-strings.ts
var notDefaultCredential = (password) => !isDefaultCredential(password);
function placeholderUrls(scheme, rest) {
  return [
    { text: `${scheme}://ingest:\${DB_PASS}@${rest}`, why: "the password is an environment reference" },
    { text: `${scheme}://ingest:$PASS@${rest}`, why: "the password is a shell variable" },
    { text: `${scheme}://ingest:<password>@${rest}`, why: "the password is a template" },
    { text: `${scheme}://ingest:password@${rest}`, why: "the password is the word password" },
    { text: `${scheme}://ingest:changeme@${rest}`, why: "the password is a placeholder word" },
    { text: `${scheme}://ingest:****@${rest}`, why: "the password is masked" },
    { text: `${scheme}://ingest:{{.Values.db.password}}@${rest}`, why: "the password is a Helm template" },
    { text: `${scheme}://ingest:%(pw)s@${rest}`, why: "the password is a Python format field" },
    { text: `${scheme}://ingest:@${rest}`, why: "the password is empty" },
    { text: `${scheme}://ingest@${rest}`, why: "a user without a password" }
  ];
}
function urlDetector(spec) {
  const { id, description, source, keywords, scheme, samples } = spec;
  const first = samples[0] ?? { scheme: keywords[0] ?? "", rest: "" };
  return {
    id,
    description,
    source,
    keywords,
    pattern: new RegExp(urlCredentials(scheme)),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: samples.map(({ scheme: s, rest }, i) => `DATABASE_URL=${s}://ingest:${fakePassword(`${id}-${i}`)}@${rest}`),
        falsePositives: [
          ...placeholderUrls(first.scheme, first.rest),
          { text: `${first.scheme}://guest:guest@${first.rest}`, why: "a stock default credential" },
          { text: `${first.scheme}://${first.rest}`, why: "no credentials at all" }
        ]
      };
    }
  };
}
var CONNECTION_STRING_DETECTORS = [
  urlDetector({
    id: "clickhouse-url-credentials",
    description: "Password in a ClickHouse URL",
    source: "https://clickhouse.com/docs/interfaces/jdbc",
    keywords: ["clickhouse"],
    scheme: String.raw`clickhouses?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "clickhouse", rest: "ch.carbon.internal:9000/ingest" },
      { scheme: "clickhouses", rest: "ch.carbon.internal:9440/ingest?secure=true" },
      { scheme: "clickhouse+native", rest: "ch:9000/default" }
    ]
  }),
  urlDetector({
    id: "postgres-url-credentials",
    description: "Password in a PostgreSQL URL (libpq, SQLAlchemy dialect+driver)",
    source: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
    keywords: ["postgres"],
    scheme: String.raw`postgres(?:ql)?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "postgres", rest: "db.carbon.internal:5432/ingest" },
      { scheme: "postgresql", rest: "db:5432/ingest?sslmode=require" },
      { scheme: "postgresql+psycopg2", rest: "db.carbon.internal/ingest" }
    ]
  }),
  urlDetector({
    id: "mysql-url-credentials",
    description: "Password in a MySQL or MariaDB URL",
    source: "https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html",
    keywords: ["mysql", "mariadb"],
    scheme: String.raw`(?:mysql|mariadb)(?:x)?(?:\+[a-z0-9_]{1,20})?`,
    samples: [
      { scheme: "mysql", rest: "mysql.carbon.internal:3306/meta" },
      { scheme: "mysql+pymysql", rest: "mysql/meta" }
    ]
  }),
  urlDetector({
    id: "mongodb-url-credentials",
    description: "Password in a MongoDB connection string",
    source: "https://www.mongodb.com/docs/manual/reference/connection-string/",
    keywords: ["mongodb"],
    scheme: String.raw`mongodb(?:\+srv)?`,
    samples: [
      { scheme: "mongodb+srv", rest: "cluster0.abcde.mongodb.net/ingest?retryWrites=true" },
      { scheme: "mongodb", rest: "mongo-0.mongo:27017,mongo-1.mongo:27017/ingest?replicaSet=rs0" }
    ]
  }),
  urlDetector({
    id: "redis-url-credentials",
    description: "Password in a Redis URL",
    source: "https://www.iana.org/assignments/uri-schemes/prov/redis",
    keywords: ["redis"],
    scheme: String.raw`rediss?`,
    samples: [
      { scheme: "redis", rest: "redis.carbon.internal:6379/0" },
      { scheme: "rediss", rest: "cache.carbon.internal:6380" }
    ]
  }),
  urlDetector({
    id: "amqp-url-credentials",
    description: "Password in an AMQP (RabbitMQ) URL",
    source: "https://www.rabbitmq.com/docs/uri-spec",
    keywords: ["amqp"],
    scheme: String.raw`amqps?`,
    samples: [
      { scheme: "amqp", rest: "rabbitmq.carbon.internal:5672/%2f" },
      { scheme: "amqps", rest: "broker.carbon.internal/ingest" }
    ]
  }),
  urlDetector({
    id: "service-url-credentials",
    description: "Password in a URL of another data or messaging service (SQL Server, Snowflake, Neo4j, LDAP, SMTP, FTP, MQTT, NATS\u2026)",
    source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    keywords: ["mssql", "sqlserver", "snowflake", "cockroachdb", "neo4j", "bolt", "ldap", "smtp", "ftp", "mqtt", "nats", "couchbase", "cassandra", "influxdb", "kafka", "pulsar", "oracle", "trino", "presto", "memcached"],
    scheme: String.raw`(?:mssql|sqlserver|snowflake|cockroachdb|neo4j(?:\+s{1,2}c?)?|bolt(?:\+s)?|ldaps?|smtps?|s?ftps?|mqtts?|nats|couchbases?|cassandra|influxdb|kafka|pulsar(?:\+ssl)?|oracle(?:\+[a-z0-9_]{1,20})?|trino|presto|memcached)`,
    samples: [
      { scheme: "mssql", rest: "sql.carbon.internal:1433/meta" },
      { scheme: "snowflake", rest: "xy12345.eu-west-1/ANALYTICS/PUBLIC?warehouse=LOAD" },
      { scheme: "smtps", rest: "smtp.carbon.dev:465" },
      { scheme: "ldaps", rest: "ldap.carbon.internal:636" }
    ]
  }),
  {
    id: "jdbc-url-credentials",
    description: "Password in a JDBC URL's userinfo (jdbc:\u2026://user:password@host)",
    source: "https://docs.oracle.com/en/java/javase/21/docs/api/java.sql/java/sql/DriverManager.html",
    keywords: ["jdbc:"],
    pattern: new RegExp(urlCredentials(String.raw`jdbc:[a-z0-9]{2,20}(?::[a-z0-9]{1,20})?`)),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [
          `spring.datasource.url=jdbc:mysql://ingest:${fakePassword("jdbc-ui-1")}@mysql:3306/meta`,
          `url: jdbc:postgresql://ingest:${fakePassword("jdbc-ui-2")}@db.carbon.internal:5432/ingest`
        ],
        falsePositives: [
          { text: `spring.datasource.url=jdbc:postgresql://db:5432/ingest`, why: "no credentials in the URL" },
          { text: `url: jdbc:postgresql://ingest:\${DB_PASSWORD}@db:5432/ingest`, why: "the password is a reference" }
        ]
      };
    }
  },
  {
    id: "jdbc-password-parameter",
    description: "Password in a JDBC URL's parameters (?password=, ;password=)",
    source: "https://jdbc.postgresql.org/documentation/use/#connection-parameters",
    keywords: ["jdbc:"],
    pattern: new RegExp(
      String.raw`(?<![\w.-])jdbc:[a-z0-9]{2,20}(?::[a-z0-9]{1,20})?:(?://|@)[^\s'"\x60<>]{1,512}?[?;&]${caseless("password")}=(?<secret>[^\s&;'"\x60<>]{1,256})`
    ),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [
          `jdbc:postgresql://db.carbon.internal:5432/ingest?user=ingest&password=${fakePassword("jdbc-p-1")}&ssl=true`,
          `jdbc:sqlserver://sql.carbon.internal:1433;databaseName=meta;user=ingest;password=${fakePassword("jdbc-p-2")};encrypt=true`,
          `jdbc:clickhouse://ch:8123/default?user=ingest&password=${fakePassword("jdbc-p-3")}`
        ],
        falsePositives: [
          { text: `jdbc:postgresql://db:5432/ingest?user=ingest&password=\${DB_PASSWORD}`, why: "the password is a reference" },
          { text: `jdbc:postgresql://db:5432/ingest?user=ingest&passwordFile=/run/secrets/pw`, why: "a password file, not a password" }
        ]
      };
    }
  },
  {
    id: "jdbc-oracle-thin-credentials",
    description: "Password in an Oracle thin JDBC URL (jdbc:oracle:thin:user/password@host)",
    source: "https://docs.oracle.com/en/database/oracle/oracle-database/23/jjdbc/data-sources-and-URLs.html",
    keywords: ["jdbc:oracle:thin:"],
    pattern: new RegExp(String.raw`(?<![\w.-])jdbc:oracle:thin:(?<user>[\w$#]{1,128})/(?<secret>[^\s@/'"\x60<>]{1,256})@`),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [`url=jdbc:oracle:thin:ingest/${fakePassword("oracle")}@//ora.carbon.internal:1521/ORCLPDB1`],
        falsePositives: [
          { text: `url=jdbc:oracle:thin:@//ora.carbon.internal:1521/ORCLPDB1`, why: "no credentials in the URL" },
          { text: `url=jdbc:oracle:thin:ingest/\${ORACLE_PASSWORD}@//ora:1521/ORCLPDB1`, why: "the password is a reference" }
        ]
      };
    }
  },
  {
    id: "odbc-connection-string-password",
    description: "Password in an ODBC or ADO.NET connection string (Server=\u2026;Password=\u2026)",
    source: "https://learn.microsoft.com/dotnet/framework/data/adonet/connection-string-syntax",
    keywords: ["password=", "pwd="],
    pattern: new RegExp(
      String.raw`(?<![\w])(?:${caseless("server")}|${caseless("data source")}|${caseless("host")}|${caseless("address")})\s{0,3}=[^;\n]{1,256};[^\n]{0,512}?(?<![\w])(?:${caseless("password")}|${caseless("pwd")})\s{0,3}=\s{0,3}(?<secret>[^;\n"'<>]{1,256})`
    ),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [
          `"ConnectionStrings": {"Meta": "Server=sql.carbon.internal,1433;Database=meta;User Id=ingest;Password=${fakePassword("odbc-1")};Encrypt=True"}`,
          `DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql;DATABASE=meta;UID=ingest;PWD=${fakePassword("odbc-2")}`
        ],
        falsePositives: [
          { text: `Server=sql;Database=meta;Integrated Security=true`, why: "Windows authentication, no password" },
          { text: `Server=sql;Database=meta;User Id=ingest;Password=\${SQL_PASSWORD}`, why: "the password is a reference" }
        ]
      };
    }
  },
  {
    id: "libpq-dsn-password",
    description: "Password in a libpq keyword/value connection string (host=\u2026 password=\u2026)",
    source: "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE",
    keywords: ["password="],
    // psycopg2.connect("host=db dbname=ingest user=ingest password=…"); ';' would make it ODBC. The
    // password ends where a keyword/value pair ends (a space, a quote, the string's end): a ',' or ')'
    // after it is a call's argument list, `Client(host="db", password=pw, ssl=False)`.
    pattern: new RegExp(
      String.raw`(?<![\w])(?:host|hostaddr|dbname)\s{0,3}=[^\n;]{1,512}?(?<![\w])password\s{0,3}=\s{0,3}'?(?<secret>[^\s'"\x60;<>,()]{1,256})(?=[\s'"\x60;<>\\]|$)`
    ),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [
          `conn = psycopg2.connect("host=db.carbon.internal port=5432 dbname=ingest user=ingest password=${fakePassword("libpq-1")} sslmode=require")`,
          `PGDSN='host=db dbname=ingest password='${fakePassword("libpq-2")}''`
        ],
        falsePositives: [
          { text: `conn = psycopg2.connect("host=db dbname=ingest user=ingest password=%s" % pw)`, why: "the password is a format field" },
          { text: `conn = psycopg2.connect(f"host={host} dbname=ingest password={password}")`, why: "the password is interpolated" },
          { text: `client = Client(host="db", password=db_password_from_env, ssl=False)`, why: "keyword arguments of a call, not a keyword/value string" }
        ]
      };
    }
  },
  {
    id: "kafka-jaas-password",
    description: "Password in a Kafka SASL JAAS configuration (PLAIN or SCRAM login module)",
    source: "https://kafka.apache.org/documentation/#security_sasl_plain_clientconfig",
    keywords: ["loginmodule"],
    // sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="x" password="y";
    pattern: new RegExp(
      String.raw`org\.apache\.kafka\.common\.security\.(?:plain\.PlainLoginModule|scram\.ScramLoginModule)\s{1,8}required\b[^;]{0,512}?\bpassword\s{0,3}=\s{0,3}\\?["'](?<secret>[^"'\\\s;]{1,256})\\?["']`
    ),
    confidence: "high",
    validate: notDefaultCredential,
    get samples() {
      return {
        truePositives: [
          `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ingest" password="${fakePassword("kafka-1")}";`,
          `KAFKA_SASL_JAAS_CONFIG: "org.apache.kafka.common.security.scram.ScramLoginModule required username=\\"ingest\\" password=\\"${fakePassword("kafka-2")}\\";"`
        ],
        falsePositives: [
          {
            text: `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ingest" password="\${KAFKA_PASSWORD}";`,
            why: "the password is a reference"
          },
          { text: `sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;`, why: "OAuth login carries no password" }
        ]
      };
    }
  }
];

// src/detectors/catalog/generic.ts
var RFC_BASIC_EXAMPLES = [base64("s6BhdRkqt3:gX1fBat3bV"), base64("Aladdin:open sesame")];
var JWT_IO_EXAMPLE = [
  base64url(JSON.stringify({ alg: "HS256", typ: "JWT" })),
  base64url(JSON.stringify({ sub: "1234567890", name: "John Doe", iat: 1516239022 })),
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
].join(".");
var userJwt = fakeJwt({ sub: "svc-ingest", scope: "ingest:write", iat: 17e8, exp: 19e8 }, "jwt-1", { alg: "HS256", typ: "JWT" });
var authorizationHeader = (scheme) => String.raw`(?<![\w-])${caseless("authorization")}["']?\s{0,3}[:=,]\s{0,3}["'\x60]?\s{0,3}${caseless(scheme)}\s{1,3}`;
var GENERIC_DETECTORS = [
  {
    id: "jwt",
    description: "JSON Web Token",
    source: "https://www.rfc-editor.org/rfc/rfc7519",
    keywords: ["eyj"],
    pattern: new RegExp(bareToken(String.raw`eyJ[\w-]{10,1024}\.ey[\w-]{10,8192}\.[\w-]{16,1024}`)),
    confidence: "medium",
    // The header must decode to JSON naming an algorithm: eyJ… alone is any base64 JSON.
    validate: isJwt,
    examples: [JWT_IO_EXAMPLE],
    get samples() {
      return {
        truePositives: [`SERVICE_TOKEN=${userJwt}`, `const token = "${fakeJwt({ sub: "x", exp: 1 }, "jwt-2", { alg: "ES256" })}";`],
        falsePositives: [
          { text: `x = "${base64url(JSON.stringify({ typ: "JWT" }))}.${base64url(JSON.stringify({ sub: "x" }))}.${fake("", 43, BASE64URL, "jwt-noalg")}"`, why: "its header names no algorithm" },
          { text: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0`, why: "no signature segment" }
        ]
      };
    }
  },
  {
    id: "authorization-bearer-header",
    description: "Literal token in an Authorization: Bearer header",
    source: "https://www.rfc-editor.org/rfc/rfc6750#section-2.1",
    keywords: ["bearer"],
    pattern: new RegExp(authorizationHeader("bearer") + String.raw`(?<secret>[A-Za-z0-9._~+/-]{16,4096}={0,2})(?![\w.~+/=-])`),
    entropy: 3,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [
          `curl -H "Authorization: Bearer ${fake("", 40, BASE62, "bearer-1")}" https://api.carbon.dev/v1/ingest`,
          `headers = {"Authorization": "Bearer ${fake("", 32, BASE62, "bearer-2")}"}`
        ],
        falsePositives: [
          { text: `curl -H "Authorization: Bearer $TOKEN" https://api.carbon.dev`, why: "a shell variable" },
          { text: `headers = {"Authorization": f"Bearer {token}"}`, why: "an interpolated token" },
          { text: `Authorization: Bearer <token>`, why: "a template" },
          { text: `Authorization: Bearer aaaaaaaaaaaaaaaaaaaaaaaa`, why: "a low-entropy placeholder" }
        ]
      };
    }
  },
  {
    id: "authorization-basic-header",
    description: "Literal credentials in an Authorization: Basic header",
    source: "https://www.rfc-editor.org/rfc/rfc7617",
    keywords: ["basic"],
    pattern: new RegExp(authorizationHeader("basic") + String.raw`(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![\w+/=-])`),
    confidence: "medium",
    validate: (secret) => {
      const credentials = decodeUserPassword(secret);
      return credentials !== void 0 && !isPlaceholderValue(credentials.password);
    },
    examples: RFC_BASIC_EXAMPLES,
    get samples() {
      return {
        truePositives: [`curl -H "Authorization: Basic ${base64(`ingest:${fakePassword("basic-1")}`)}" https://ch.carbon.internal:8443`],
        falsePositives: [
          { text: `Authorization: Basic ${base64("user:password")}`, why: "decodes to a placeholder password" },
          { text: `Authorization: Basic $CREDS`, why: "a shell variable" },
          { text: `Authorization: Basic ${base64("no-colon-here")}`, why: "does not decode to user:password" }
        ]
      };
    }
  },
  {
    id: "http-url-credentials",
    description: "Password in an http(s) URL (https://user:password@host)",
    source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
    keywords: ["http"],
    pattern: new RegExp(urlCredentials(String.raw`(?:git\+)?https?`)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `pip install --index-url https://ci:${fakePassword("http-1")}@pypi.carbon.internal/simple carbon-ingest`,
          `VAULT_ADDR=http://admin:${fakePassword("http-2")}@vault.carbon.internal:8200`
        ],
        falsePositives: [
          { text: "https://x-access-token:${GITHUB_TOKEN}@github.com/carbon/ingest.git", why: "the password is a reference" },
          { text: `https://user:password@example.com`, why: "documentation placeholders" },
          { text: `new URL("https://abc:${fakePassword("http-doc")}@sub.example.com/p")`, why: "an RFC 2606 documentation host" },
          { text: `https://grafana.carbon.internal:3000/d/abc?orgId=1&from=now-1h`, why: "a port, not a password" },
          { text: `see https://git@github.com:carbon/ingest.git`, why: "a user without a password" }
        ]
      };
    }
  },
  {
    id: "curl-basic-auth",
    description: "Literal credentials passed to curl with -u / --user",
    source: "https://curl.se/docs/manpage.html#-u",
    keywords: ["curl"],
    pattern: new RegExp(
      String.raw`(?<![\w-])curl(?=\s)[^\n]{0,256}?\s(?:-u|--user)\s{0,3}["']?(?<user>[^\s:'"]{1,128}):(?<secret>[^\s'"]{1,256})["']?(?=\s|$)`
    ),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`curl -sf -u ingest:${fakePassword("curl-1")} https://ch.carbon.internal:8443/?query=SELECT%201`, `curl --user "admin:${fakePassword("curl-2")}" http://grafana:3000/api/health`],
        falsePositives: [
          { text: `curl -u "$CH_USER:$CH_PASSWORD" https://ch.carbon.internal:8443`, why: "shell variables" },
          { text: `curl -u ingest: https://ch.carbon.internal:8443`, why: "curl prompts for the password" }
        ]
      };
    }
  }
];
var GENERIC_DETECTOR_IDS = new Set(GENERIC_DETECTORS.map((detector) => detector.id));

// src/detectors/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// src/detectors/catalog/keys.ts
function hasRandomBody(block) {
  const body = block.replace(/-----(?:BEGIN|END) [A-Z0-9 ]+-----/g, "").replace(/^[A-Za-z-]+: .*$/gm, "").replace(/\\n|\s/g, "");
  return body.length >= 64 && shannonEntropy(body) >= 4.5;
}
function pemKey(spec) {
  const { id, description, label, source, severity } = spec;
  const yamlIndented = fakePem(label, `${id}-yaml`).replace(/^/gm, "    ");
  return {
    id,
    description,
    source,
    keywords: [`begin ${label.toLowerCase()}`],
    pattern: new RegExp(pemBlock(label)),
    confidence: "high",
    ...severity ? { severity } : {},
    validate: hasRandomBody,
    get samples() {
      return {
        truePositives: [
          fakePem(label, `${id}-1`),
          `tls.key: |
${yamlIndented}`,
          `{"key": "${fakePem(label, `${id}-json`, { eol: "\\n" })}\\n"}`
        ],
        falsePositives: [
          { text: `-----BEGIN ${label}-----
...
-----END ${label}-----`, why: "an elided key in documentation" },
          { text: `-----BEGIN ${label}-----
${"A".repeat(64)}
${"A".repeat(64)}
-----END ${label}-----`, why: "a body without randomness" },
          { text: fakePem("PUBLIC KEY", `${id}-public`), why: "a public key" },
          { text: fakePem("CERTIFICATE", `${id}-cert`), why: "a certificate" }
        ]
      };
    }
  };
}
var PEM_DOCS = "https://www.rfc-editor.org/rfc/rfc7468";
var KEY_DETECTORS = [
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
    severity: "warning"
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
          fakePem("PGP PRIVATE KEY BLOCK", "pgp-1", { headers: ["Version: GnuPG v2", "Comment: carbon release signing"] }),
          fakePem("PGP PRIVATE KEY BLOCK", "pgp-2", { bytes: 2400 })
        ],
        falsePositives: [
          { text: fakePem("PGP PUBLIC KEY BLOCK", "pgp-public"), why: "a public key block" },
          { text: fakePem("PGP SIGNATURE", "pgp-signature"), why: "a signature" }
        ]
      };
    }
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
        truePositives: [`# created: 2024-01-01T00:00:00Z
# public key: age1example
${fake("AGE-SECRET-KEY-1", 58, BECH32_UPPER, "age")}`],
        falsePositives: [
          { text: `SOPS_AGE_KEY_FILE=~/.config/sops/age/keys.txt  # holds AGE-SECRET-KEY-1\u2026`, why: "prose naming the prefix" },
          { text: `age1${fake("", 58, BECH32_UPPER, "age-public").toLowerCase()}`, why: "an age public key (recipient)" }
        ]
      };
    }
  },
  {
    id: "putty-private-key",
    description: "PuTTY private key file (.ppk)",
    source: "https://the.earth.li/~sgtatham/putty/0.80/htmldoc/AppendixC.html",
    keywords: ["putty-user-key-file-"],
    pattern: new RegExp(
      String.raw`(?<secret>PuTTY-User-Key-File-[23]: [\w.@-]{3,60}\r?\nEncryption: [\w-]{1,40}\r?\nComment: [^\r\n]{0,256}\r?\n` + String.raw`Public-Lines: \d{1,4}\r?\n[A-Za-z0-9+/=\r\n]{4,16384}` + // Version 3 files that are encrypted name their key derivation before the private lines.
      String.raw`(?:(?:Key-Derivation|Argon2-[A-Za-z]{1,12}): [^\r\n]{1,128}\r?\n){0,6}` + String.raw`Private-Lines: \d{1,4}\r?\n[A-Za-z0-9+/=\r\n]{20,16384})`
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
            ...fake("", 128, BASE64, "ppk-pub").match(/.{1,64}/g) ?? [],
            "Private-Lines: 1",
            fake("", 44, BASE64, "ppk-priv"),
            `Private-MAC: ${fake("", 64, "0123456789abcdef", "ppk-mac")}`
          ].join("\n")
        ],
        falsePositives: [{ text: "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: truncated", why: "a file without its private lines" }]
      };
    }
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
          `apiVersion: v1
kind: Secret
type: kubernetes.io/tls
data:
  tls.key: ${base64(fakePem("RSA PRIVATE KEY", "b64-rsa"))}`,
          `    client-key-data: ${base64(fakePem("EC PRIVATE KEY", "b64-ec"))}`
        ],
        falsePositives: [
          { text: `  tls.crt: ${base64(fakePem("CERTIFICATE", "b64-cert"))}`, why: "a base64-encoded certificate" },
          { text: `  ca.pub: ${base64(fakePem("PUBLIC KEY", "b64-pub"))}`, why: "a base64-encoded public key" }
        ]
      };
    }
  }
];

// src/detectors/catalog/saas.ts
var SLACK_TOKEN_DOCS = "https://api.slack.com/concepts/token-types";
var STRIPE_KEY_DOCS = "https://docs.stripe.com/keys";
var STRIPE_DOCS_TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
var slackDigits = (seed) => fake("", 12, DIGITS, seed);
var hexWithKeyword = (seed) => fake("", 32, HEX, seed);
var discordId = base64("1" + fake("", 17, DIGITS, "discord-id")).replace(/=+$/, "");
var sentryOrgToken = "sntrys_" + base64(JSON.stringify({ iat: 17e8, url: "https://sentry.io", region_url: "https://us.sentry.io", org: "carbon" })) + "_" + fake("", 43, BASE64, "sentry-org");
var grafanaApiKey = base64(JSON.stringify({ k: fake("", 32, BASE62, "grafana-k"), n: "ci", id: 1 }));
var grafanaCloudToken = "glc_" + base64(JSON.stringify({ o: "123456", n: "ingest", k: fake("", 24, BASE62, "glc-k"), m: { r: "prod-eu-west-0" } }));
var mapboxToken = `sk.${base64url(JSON.stringify({ u: "carbon", a: fake("", 24, LOWER_ALNUM, "mapbox-a") }))}.${fake("", 22, BASE64URL, "mapbox-sig")}`;
var SAAS_DETECTORS = [
  {
    id: "slack-bot-token",
    description: "Slack bot token",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxb-"],
    pattern: new RegExp(token(String.raw`xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24,34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SLACK_BOT_TOKEN=${"xoxb-"}${slackDigits("sb1")}-${slackDigits("sb2")}-${fake("", 24, BASE62, "sb3")}`],
        falsePositives: [{ text: `SLACK_BOT_TOKEN=xoxb-your-bot-token`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "slack-user-token",
    description: "Slack user token",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxp-", "xoxe-"],
    pattern: new RegExp(token(String.raw`xox[pe]-\d{10,13}-\d{10,13}-\d{10,13}-[A-Za-z0-9-]{28,34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`token: ${"xoxp-"}${slackDigits("su1")}-${slackDigits("su2")}-${slackDigits("su3")}-${fake("", 32, HEX, "su4")}`],
        falsePositives: [{ text: `token: xoxp-1234-5678`, why: "a truncated example" }]
      };
    }
  },
  {
    id: "slack-app-token",
    description: "Slack app-level token (Socket Mode)",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xapp-"],
    pattern: new RegExp(token(String.raw`xapp-\d-[A-Z0-9]{6,16}-\d{6,20}-[a-z0-9]{32,80}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SLACK_APP_TOKEN=${"xapp-"}1-${fake("A", 10, UPPER_ALNUM, "sa1")}-${slackDigits("sa2")}-${fake("", 64, HEX, "sa3")}`],
        falsePositives: [{ text: `SLACK_APP_TOKEN=xapp-1-XXXX`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "slack-config-token",
    description: "Slack app configuration access or refresh token",
    source: "https://api.slack.com/authentication/config-tokens",
    keywords: ["xoxe.xox", "xoxe-"],
    pattern: new RegExp(token(String.raw`xoxe\.xox[bp]-\d-[A-Z0-9]{140,180}|xoxe-\d-[A-Z0-9]{140,160}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `SLACK_CONFIG_TOKEN=${"xoxe.xoxp-"}1-${fake("", 164, UPPER_ALNUM, "sc1")}`,
          `refresh: ${"xoxe-"}1-${fake("", 146, UPPER_ALNUM, "sc2")}`
        ],
        falsePositives: [{ text: `token: xoxe.xoxp-1-${fake("", 20, UPPER_ALNUM, "sc-short")}`, why: "too short for a configuration token" }]
      };
    }
  },
  {
    id: "slack-legacy-token",
    description: "Slack legacy, workspace or refresh token (xoxa, xoxo, xoxr, xoxs)",
    source: SLACK_TOKEN_DOCS,
    keywords: ["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
    pattern: new RegExp(token(String.raw`xox[os]-\d{1,20}-\d{1,20}-\d{1,20}-[a-fA-F0-9]{8,64}|xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `token = "${"xoxs-"}${slackDigits("sl1")}-${slackDigits("sl2")}-${slackDigits("sl3")}-${fake("", 64, HEX, "sl4")}"`,
          `SLACK_TOKEN=${"xoxa-"}2-${fake("", 40, BASE62, "sl5")}`
        ],
        falsePositives: [{ text: `SLACK_TOKEN=xoxa-xxxxxxxxxxxx`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "slack-webhook-url",
    description: "Slack incoming webhook or workflow trigger URL",
    source: "https://api.slack.com/messaging/webhooks",
    keywords: ["hooks.slack.com"],
    pattern: new RegExp(
      token(
        String.raw`https://hooks\.slack\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/\d{12,20}/[a-f0-9]{32})`,
        String.raw`\w/-`
      )
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `SLACK_WEBHOOK_URL=https://${"hooks.slack.com"}/services/${fake("T", 10, UPPER_ALNUM, "sw1")}/${fake("B", 10, UPPER_ALNUM, "sw2")}/${fake("", 24, BASE62, "sw3")}`,
          `url: "https://${"hooks.slack.com"}/triggers/${fake("T", 10, UPPER_ALNUM, "sw4")}/${fake("A", 10, UPPER_ALNUM, "sw5")}/${slackDigits("sw6")}/${fake("", 32, HEX, "sw7")}"`
        ],
        falsePositives: [
          { text: `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, why: "Slack's documented placeholder" },
          { text: `https://hooks.slack.com/services/\u2026`, why: "an elided URL" }
        ]
      };
    }
  },
  {
    id: "stripe-secret-key",
    description: "Stripe live secret key",
    source: STRIPE_KEY_DOCS,
    keywords: ["sk_live_"],
    pattern: new RegExp(token(String.raw`sk_live_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_SECRET_KEY=${fake("sk_live_", 99, BASE62, "stripe-sk")}`, `stripe.api_key = "${fake("sk_live_", 24, BASE62, "stripe-sk-2")}"`],
        falsePositives: [
          { text: `STRIPE_SECRET_KEY=${"sk_live_" + "X".repeat(24)}`, why: "a placeholder of Xs" },
          { text: `if key.startswith("sk_live_"):`, why: "the prefix alone, in code that checks for it" }
        ]
      };
    }
  },
  {
    id: "stripe-restricted-key",
    description: "Stripe live restricted key",
    source: STRIPE_KEY_DOCS,
    keywords: ["rk_live_"],
    pattern: new RegExp(token(String.raw`rk_live_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_KEY=${fake("rk_live_", 99, BASE62, "stripe-rk")}`],
        falsePositives: [{ text: `STRIPE_KEY=rk_live_<restricted-key>`, why: "a template" }]
      };
    }
  },
  {
    id: "stripe-test-key",
    description: "Stripe test-mode secret or restricted key",
    source: STRIPE_KEY_DOCS,
    keywords: ["sk_test_", "rk_test_"],
    pattern: new RegExp(token(String.raw`[sr]k_test_[A-Za-z0-9]{24,247}`)),
    entropy: 3.5,
    confidence: "medium",
    severity: "warning",
    examples: [STRIPE_DOCS_TEST_KEY],
    get samples() {
      return {
        truePositives: [`STRIPE_SECRET_KEY=${fake("sk_test_", 99, BASE62, "stripe-test")}`, `stripe.api_key = "${STRIPE_DOCS_TEST_KEY}"`],
        falsePositives: [{ text: `STRIPE_SECRET_KEY=sk_test_...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "stripe-webhook-secret",
    description: "Stripe webhook signing secret",
    source: "https://docs.stripe.com/webhooks#verify-official-libraries",
    keywords: ["whsec_"],
    pattern: new RegExp(token(String.raw`whsec_[A-Za-z0-9+/]{32,88}={0,2}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`STRIPE_WEBHOOK_SECRET=${fake("whsec_", 32, BASE62, "whsec")}`],
        falsePositives: [{ text: `STRIPE_WEBHOOK_SECRET=whsec_...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "twilio-api-key",
    description: "Twilio API key SID (SK\u2026) near a twilio keyword",
    source: "https://www.twilio.com/docs/iam/api-keys",
    keywords: ["twilio"],
    pattern: new RegExp(near(caseless("twilio"), String.raw`SK[0-9a-fA-F]{32}`, 200)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TWILIO_API_KEY=${fake("SK", 32, HEX, "twilio-sk")}`, `twilio:
  api_key_sid: ${fake("SK", 32, HEX, "twilio-sk-2")}`],
        falsePositives: [{ text: `sku: ${fake("SK", 32, HEX, "twilio-nokw")}`, why: "an SK-prefixed hex string with no Twilio context" }]
      };
    }
  },
  {
    id: "twilio-auth-token",
    description: "Twilio account auth token",
    source: "https://www.twilio.com/docs/iam/api/authtoken",
    keywords: ["twilio"],
    pattern: new RegExp(assigned(`${caseless("twilio")}[\\w.-]{0,20}?${caseless("token")}`, "[a-f0-9]{32}")),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TWILIO_AUTH_TOKEN=${hexWithKeyword("twilio-auth")}`],
        falsePositives: [{ text: `TWILIO_AUTH_TOKEN=your_auth_token`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "sendgrid-api-key",
    description: "SendGrid API key",
    source: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    keywords: ["sg."],
    pattern: new RegExp(token(String.raw`SG\.[\w-]{22}\.[\w-]{43}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENDGRID_API_KEY=${fake("SG.", 22, BASE64URL, "sg1")}.${fake("", 43, BASE64URL, "sg2")}`],
        falsePositives: [{ text: `SENDGRID_API_KEY=SG.xxxxx.yyyyy`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "mailgun-api-key",
    description: "Mailgun API key near a mailgun keyword",
    source: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
    keywords: ["mailgun"],
    pattern: new RegExp(near(caseless("mailgun"), String.raw`key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `MAILGUN_API_KEY=${fake("key-", 32, HEX, "mailgun-1")}`,
          `mailgun_api_key: "${fake("", 32, HEX, "mailgun-2")}-${fake("", 8, HEX, "mailgun-3")}-${fake("", 8, HEX, "mailgun-4")}"`
        ],
        falsePositives: [{ text: `cache_key-${fake("", 32, HEX, "mailgun-nokw")}`, why: "a key- hex string with no Mailgun context" }]
      };
    }
  },
  {
    id: "mailchimp-api-key",
    description: "Mailchimp Marketing API key",
    source: "https://mailchimp.com/developer/marketing/guides/quick-start/",
    keywords: ["-us"],
    pattern: new RegExp(token(String.raw`[a-f0-9]{32}-us\d{1,2}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`MAILCHIMP_API_KEY=${fake("", 32, HEX, "mailchimp")}-us21`],
        falsePositives: [{ text: `id: ${fake("", 32, HEX, "mailchimp-en")}-en-us`, why: "a hex ID followed by a locale" }]
      };
    }
  },
  {
    id: "datadog-api-key",
    description: "Datadog API key",
    source: "https://docs.datadoghq.com/account_management/api-app-keys/",
    keywords: ["datadog", "dd_", "dd-", "dd."],
    // DD_API_KEY=…, datadog_api_key: …, and Helm's `datadog:\n  apiKey: …`.
    pattern: new RegExp(
      assigned(`(?:${caseless("datadog")}|${caseless("dd")}[_.-])[\\w.:\\s"'{-]{0,40}?${caseless("api")}[_.-]?${caseless("key")}`, "[a-f0-9]{32}")
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DD_API_KEY=${hexWithKeyword("dd-api-1")}`, `datadog:
  apiKey: ${hexWithKeyword("dd-api-2")}`, `ENV DD_API_KEY ${hexWithKeyword("dd-api-3")}`],
        falsePositives: [
          { text: `DD_API_KEY=<DATADOG_API_KEY>`, why: "a template" },
          { text: `add_api_key=${hexWithKeyword("dd-api-add")}`, why: "dd inside another word (add_api_key)" }
        ]
      };
    }
  },
  {
    id: "datadog-app-key",
    description: "Datadog application key",
    source: "https://docs.datadoghq.com/account_management/api-app-keys/",
    keywords: ["datadog", "dd_", "dd-", "dd."],
    pattern: new RegExp(
      assigned(
        `(?:${caseless("datadog")}|${caseless("dd")}[_.-])[\\w.:\\s"'{-]{0,40}?${caseless("app")}(?:${caseless("lication")})?[_.-]?${caseless("key")}`,
        "[a-f0-9]{40}"
      )
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DD_APP_KEY=${fake("", 40, HEX, "dd-app-1")}`, `datadog_application_key: "${fake("", 40, HEX, "dd-app-2")}"`],
        falsePositives: [{ text: `DD_APP_KEY=${fake("", 32, HEX, "dd-app-short")}`, why: "32 hex characters: an API key length, not an application key" }]
      };
    }
  },
  {
    id: "sentry-org-auth-token",
    description: "Sentry organization auth token",
    source: "https://docs.sentry.io/account/auth-tokens/#organization-auth-tokens",
    keywords: ["sntrys_"],
    pattern: new RegExp(token(String.raw`sntrys_eyJ[A-Za-z0-9+/]{30,1024}={0,2}_[A-Za-z0-9+/]{43}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_AUTH_TOKEN=${sentryOrgToken}`],
        falsePositives: [{ text: `SENTRY_AUTH_TOKEN=sntrys_<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "sentry-user-auth-token",
    description: "Sentry user auth token",
    source: "https://docs.sentry.io/account/auth-tokens/#user-auth-tokens",
    keywords: ["sntryu_"],
    pattern: new RegExp(token(String.raw`sntryu_[a-f0-9]{64}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_AUTH_TOKEN=${fake("sntryu_", 64, HEX, "sentry-user")}`],
        falsePositives: [{ text: `SENTRY_AUTH_TOKEN=sntryu_${"0".repeat(64)}`, why: "a placeholder of zeros" }]
      };
    }
  },
  {
    id: "sentry-dsn-secret",
    description: "Sentry DSN carrying a secret key (legacy public:secret@ form)",
    source: "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
    keywords: ["sentry"],
    pattern: new RegExp(String.raw`(?<![\w.-])https?://[a-f0-9]{32}:(?<secret>[a-f0-9]{32})@[\w.-]{0,120}sentry[\w.-]{0,120}(?::\d{1,5})?/\d{1,20}(?!\d)`),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SENTRY_DSN=https://${hexWithKeyword("dsn-public")}:${hexWithKeyword("dsn-secret")}@o123456.ingest.sentry.io/4504`],
        falsePositives: [{ text: `SENTRY_DSN=https://${hexWithKeyword("dsn-public-only")}@o123456.ingest.sentry.io/4504`, why: "a modern DSN holds only the public key" }]
      };
    }
  },
  {
    id: "new-relic-user-api-key",
    description: "New Relic user API key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    keywords: ["nrak-"],
    pattern: new RegExp(token(String.raw`NRAK-[A-Z0-9]{27}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NEW_RELIC_API_KEY=${fake("NRAK-", 27, UPPER_ALNUM, "nrak")}`],
        falsePositives: [{ text: `NEW_RELIC_API_KEY=${"NRAK-" + "X".repeat(27)}`, why: "a placeholder of Xs" }]
      };
    }
  },
  {
    id: "new-relic-insert-key",
    description: "New Relic insights insert key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    keywords: ["nrii-"],
    pattern: new RegExp(token(String.raw`NRII-[\w-]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`insert_key: ${fake("NRII-", 32, BASE64URL, "nrii")}`],
        falsePositives: [{ text: `insert_key: NRII-<key>`, why: "a template" }]
      };
    }
  },
  {
    id: "new-relic-license-key",
    description: "New Relic ingest license key",
    source: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
    keywords: ["nral"],
    pattern: new RegExp(token(String.raw`[a-f0-9]{36}NRAL`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NEW_RELIC_LICENSE_KEY=${fake("", 36, HEX, "nral")}NRAL`],
        falsePositives: [{ text: `NEW_RELIC_LICENSE_KEY=${"0".repeat(36)}NRAL`, why: "a placeholder of zeros" }]
      };
    }
  },
  {
    id: "grafana-api-key",
    description: "Grafana API key (legacy, base64 JSON)",
    source: "https://grafana.com/docs/grafana/latest/administration/service-accounts/#migrate-api-keys-to-grafana-service-accounts",
    keywords: ["eyjrijoi"],
    // base64 of {"k":"…","n":"…","id":…}.
    pattern: new RegExp(bareToken(String.raw`eyJrIjoi[A-Za-z0-9+/]{50,512}={0,2}`)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_API_KEY=${grafanaApiKey}`],
        falsePositives: [{ text: `key: ${base64(JSON.stringify({ k: "v" }))}`, why: "a short base64 JSON object" }]
      };
    }
  },
  {
    id: "grafana-service-account-token",
    description: "Grafana service account token",
    source: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    keywords: ["glsa_"],
    pattern: new RegExp(token(String.raw`glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_TOKEN=${fake("glsa_", 32, BASE62, "glsa")}_${fake("", 8, HEX, "glsa-crc")}`],
        falsePositives: [{ text: `GRAFANA_TOKEN=glsa_<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "grafana-cloud-token",
    description: "Grafana Cloud access policy token",
    source: "https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/",
    keywords: ["glc_"],
    pattern: new RegExp(token(String.raw`glc_[A-Za-z0-9+/]{32,1024}={0,2}`, TOKEN_EDGE, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`GRAFANA_CLOUD_TOKEN=${grafanaCloudToken}`],
        falsePositives: [{ text: `GRAFANA_CLOUD_TOKEN=glc_xxxxxxxx`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "dynatrace-api-token",
    description: "Dynatrace API token",
    source: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    keywords: ["dt0c01."],
    pattern: new RegExp(token(String.raw`dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DT_API_TOKEN=${fake("dt0c01.", 24, UPPER_ALNUM, "dt1")}.${fake("", 64, UPPER_ALNUM, "dt2")}`],
        falsePositives: [{ text: `DT_API_TOKEN=dt0c01.ABC.DEF`, why: "a truncated example" }]
      };
    }
  },
  {
    id: "telegram-bot-token",
    description: "Telegram bot token",
    source: "https://core.telegram.org/bots/api#authorizing-your-bot",
    keywords: [":aa"],
    pattern: new RegExp(token(String.raw`\d{8,10}:AA[\w-]{33}`, String.raw`\w:-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`TELEGRAM_BOT_TOKEN=${fake("6", 9, DIGITS, "tg1")}:${fake("AA", 33, BASE64URL, "tg2")}`],
        falsePositives: [{ text: `time: 12:AA`, why: "a short digits:AA string" }]
      };
    }
  },
  {
    id: "discord-bot-token",
    description: "Discord bot token near a discord keyword",
    source: "https://discord.com/developers/docs/reference#authentication",
    keywords: ["discord"],
    pattern: new RegExp(near(caseless("discord"), String.raw`[MNO][\w-]{22,25}\.[\w-]{6}\.[\w-]{27,38}`, 100, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    // The first segment is the bot's numeric user ID in base64.
    validate: (secret) => /^\d{17,20}$/.test(decodeBase64(secret.split(".")[0] ?? "") ?? ""),
    get samples() {
      return {
        truePositives: [`DISCORD_BOT_TOKEN=${discordId}.${fake("", 6, BASE64URL, "dc1")}.${fake("", 38, BASE64URL, "dc2")}`],
        falsePositives: [
          {
            text: `DISCORD_BOT_TOKEN=${fake("M", 23, BASE62, "dc-not-id")}.${fake("", 6, BASE64URL, "dc3")}.${fake("", 38, BASE64URL, "dc4")}`,
            why: "its first segment does not decode to a numeric user ID"
          }
        ]
      };
    }
  },
  {
    id: "discord-webhook-url",
    description: "Discord webhook URL",
    source: "https://discord.com/developers/docs/resources/webhook",
    keywords: ["discord"],
    pattern: new RegExp(token(String.raw`https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,68}`, String.raw`\w/-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DISCORD_WEBHOOK=https://${"discord.com"}/api/webhooks/1${fake("", 18, DIGITS, "dw1")}/${fake("", 68, BASE64URL, "dw2")}`],
        falsePositives: [{ text: `https://discord.com/api/webhooks/{id}/{token}`, why: "a template" }]
      };
    }
  },
  {
    id: "microsoft-teams-webhook-url",
    description: "Microsoft Teams incoming webhook URL",
    source: "https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    keywords: ["webhook.office.com"],
    pattern: new RegExp(
      token(
        String.raw`https://[\w-]{1,63}\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[\w-]{10,80})?`,
        String.raw`\w/-`
      )
    ),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [
          `TEAMS_WEBHOOK=https://carbon.${"webhook.office.com"}/webhookb2/${fakeUuid("t1")}@${fakeUuid("t2")}/IncomingWebhook/${fake("", 32, HEX, "t3")}/${fakeUuid("t4")}`
        ],
        falsePositives: [{ text: `https://carbon.webhook.office.com/webhookb2/<id>`, why: "a template" }]
      };
    }
  },
  {
    id: "shopify-access-token",
    description: "Shopify Admin API access token (shpat_, shpca_, shppa_)",
    source: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin",
    keywords: ["shpat_", "shpca_", "shppa_"],
    pattern: new RegExp(token(String.raw`shp(?:at|ca|pa)_[a-fA-F0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SHOPIFY_ACCESS_TOKEN=${fake("shpat_", 32, HEX, "shopify")}`],
        falsePositives: [{ text: `SHOPIFY_ACCESS_TOKEN=shpat_${"x".repeat(32)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "shopify-shared-secret",
    description: "Shopify app shared secret",
    source: "https://shopify.dev/docs/apps/build/authentication-authorization",
    keywords: ["shpss_"],
    pattern: new RegExp(token(String.raw`shpss_[a-fA-F0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SHOPIFY_API_SECRET=${fake("shpss_", 32, HEX, "shpss")}`],
        falsePositives: [{ text: `SHOPIFY_API_SECRET=shpss_...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "square-access-token",
    description: "Square production access token",
    source: "https://developer.squareup.com/docs/build-basics/access-tokens",
    keywords: ["eaaa", "sq0atp-"],
    pattern: new RegExp(bareToken(String.raw`EAAA[\w-]{60}|sq0atp-[\w-]{22}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SQUARE_ACCESS_TOKEN=${fake("EAAA", 60, BASE64URL, "square")}`, `token: ${fake("sq0atp-", 22, BASE64URL, "square-old")}`],
        falsePositives: [{ text: `SQUARE_ACCESS_TOKEN=EAAA${"x".repeat(60)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "square-oauth-secret",
    description: "Square OAuth application secret",
    source: "https://developer.squareup.com/docs/oauth-api/overview",
    keywords: ["sq0csp-"],
    pattern: new RegExp(token(String.raw`sq0csp-[\w-]{43}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`SQUARE_APP_SECRET=${fake("sq0csp-", 43, BASE64URL, "square-secret")}`],
        falsePositives: [{ text: `SQUARE_APP_SECRET=sq0csp-<secret>`, why: "a template" }]
      };
    }
  },
  {
    id: "braintree-access-token",
    description: "PayPal Braintree access token",
    source: "https://developer.paypal.com/braintree/docs/guides/authorization/access-token",
    keywords: ["access_token$"],
    pattern: new RegExp(token(String.raw`access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`BRAINTREE_ACCESS_TOKEN=access_token$production$${fake("", 16, LOWER_ALNUM, "bt1")}$${fake("", 32, HEX, "bt2")}`],
        falsePositives: [{ text: `BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant>$<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "linear-api-key",
    description: "Linear personal API key",
    source: "https://linear.app/developers/graphql#personal-api-keys",
    keywords: ["lin_api_"],
    pattern: new RegExp(token(String.raw`lin_api_[A-Za-z0-9]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`LINEAR_API_KEY=${fake("lin_api_", 40, BASE62, "linear")}`],
        falsePositives: [{ text: `LINEAR_API_KEY=lin_api_${"x".repeat(40)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "notion-integration-token",
    description: "Notion integration token (ntn_)",
    source: "https://developers.notion.com/docs/authorization",
    keywords: ["ntn_"],
    pattern: new RegExp(token(String.raw`ntn_\d{11}[A-Za-z0-9]{35}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`NOTION_TOKEN=${fake("ntn_", 11, DIGITS, "ntn1")}${fake("", 35, BASE62, "ntn2")}`],
        falsePositives: [{ text: `NOTION_TOKEN=ntn_<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "notion-integration-token-legacy",
    description: "Notion internal integration secret (legacy secret_ format)",
    source: "https://developers.notion.com/docs/authorization",
    keywords: ["secret_"],
    pattern: new RegExp(token(String.raw`secret_[A-Za-z0-9]{43}`)),
    entropy: 4,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [`NOTION_TOKEN=${fake("secret_", 43, BASE62, "notion-legacy")}`],
        falsePositives: [{ text: `const secret_${"key".repeat(14)}x = 1`, why: "an identifier with low entropy" }]
      };
    }
  },
  {
    id: "postman-api-key",
    description: "Postman API key",
    source: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    keywords: ["pmak-"],
    pattern: new RegExp(token(String.raw`PMAK-[a-f0-9]{24}-[a-f0-9]{34}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`POSTMAN_API_KEY=${fake("PMAK-", 24, HEX, "pmak1")}-${fake("", 34, HEX, "pmak2")}`],
        falsePositives: [{ text: `POSTMAN_API_KEY=PMAK-<key>`, why: "a template" }]
      };
    }
  },
  {
    id: "hubspot-private-app-token",
    description: "HubSpot private app access token",
    source: "https://developers.hubspot.com/docs/api/private-apps",
    keywords: ["pat-na", "pat-eu"],
    pattern: new RegExp(token(String.raw`pat-(?:na|eu)\d-${UUID}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`HUBSPOT_TOKEN=${"pat-na1-"}${fakeUuid("hubspot")}`],
        falsePositives: [{ text: `HUBSPOT_TOKEN=pat-na1-xxxxxxxx`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "airtable-pat",
    description: "Airtable personal access token",
    source: "https://airtable.com/developers/web/guides/personal-access-tokens",
    keywords: ["pat"],
    pattern: new RegExp(bareToken(String.raw`pat[A-Za-z0-9]{14}\.[a-f0-9]{64}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AIRTABLE_TOKEN=${fake("pat", 14, BASE62, "airtable1")}.${fake("", 64, HEX, "airtable2")}`],
        falsePositives: [{ text: `path: patterns.${fake("", 40, HEX, "airtable-sha")}`, why: "a path and a SHA, not a token" }]
      };
    }
  },
  {
    id: "okta-api-token",
    description: "Okta API token",
    source: "https://developer.okta.com/docs/guides/create-an-api-token/main/",
    keywords: ["okta"],
    pattern: new RegExp(assigned(`${caseless("okta")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, String.raw`00[\w-]{40}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`OKTA_API_TOKEN=${fake("00", 40, BASE64URL, "okta")}`],
        falsePositives: [{ text: `OKTA_API_TOKEN=00${"x".repeat(40)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "algolia-admin-api-key",
    description: "Algolia admin or write API key",
    source: "https://www.algolia.com/doc/guides/security/api-keys/",
    keywords: ["algolia"],
    pattern: new RegExp(assigned(`${caseless("algolia")}[\\w.-]{0,20}?${caseless("key")}`, "[a-f0-9]{32}")),
    entropy: 3,
    confidence: "medium",
    get samples() {
      return {
        truePositives: [`ALGOLIA_ADMIN_API_KEY=${hexWithKeyword("algolia")}`],
        falsePositives: [{ text: `ALGOLIA_APP_ID=ABCDEF1234`, why: "the application ID is public" }]
      };
    }
  },
  {
    id: "mapbox-secret-token",
    description: "Mapbox secret access token (sk.)",
    source: "https://docs.mapbox.com/help/dive-deeper/access-tokens/",
    keywords: ["sk.eyj1ijoi"],
    pattern: new RegExp(token(String.raw`sk\.eyJ1Ijoi[\w-]{10,512}\.[\w-]{20,30}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`MAPBOX_DOWNLOADS_TOKEN=${mapboxToken}`],
        falsePositives: [{ text: `MAPBOX_TOKEN=${mapboxToken.replace(/^sk\./, "pk.")}`, why: "a public (pk.) token" }]
      };
    }
  },
  {
    id: "firebase-cloud-messaging-server-key",
    description: "Firebase Cloud Messaging legacy server key",
    source: "https://firebase.google.com/docs/cloud-messaging/auth-server#authorize-http-requests",
    keywords: [":apa91b"],
    pattern: new RegExp(token(String.raw`AAAA[\w-]{7}:APA91b[\w-]{120,200}`, String.raw`\w:-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`FCM_SERVER_KEY=${fake("AAAA", 7, BASE64URL, "fcm1")}:${fake("APA91b", 134, BASE64URL, "fcm2")}`],
        falsePositives: [{ text: `FCM_SERVER_KEY=AAAA:APA91b...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "fastly-api-token",
    description: "Fastly API token",
    source: "https://docs.fastly.com/en/guides/using-api-tokens",
    keywords: ["fastly"],
    pattern: new RegExp(assigned(`${caseless("fastly")}[\\w.-]{0,20}?(?:${caseless("token")}|${caseless("key")})`, String.raw`[\w-]{32}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`FASTLY_API_TOKEN=${fake("", 32, BASE64URL, "fastly")}`],
        falsePositives: [{ text: `FASTLY_API_TOKEN=\${FASTLY_API_TOKEN}`, why: "a reference to the environment" }]
      };
    }
  }
];

// src/detectors/catalog/vault-and-infra.ts
var VAULT_TOKEN_DOCS = "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes";
var serviceAccountJwt = fakeJwt(
  {
    iss: "kubernetes/serviceaccount",
    "kubernetes.io/serviceaccount/namespace": "carbon-ingestion",
    "kubernetes.io/serviceaccount/service-account.name": "ingest",
    sub: "system:serviceaccount:carbon-ingestion:ingest"
  },
  "k8s-sa-1"
);
var boundServiceAccountJwt = fakeJwt(
  { aud: ["https://kubernetes.default.svc"], iss: "https://kubernetes.default.svc", sub: "system:serviceaccount:carbon:ingest", "kubernetes.io": { namespace: "carbon" } },
  "k8s-sa-2"
);
var onePasswordToken = "ops_" + base64(
  JSON.stringify({
    signInAddress: "carbon.1password.com",
    userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 65e4, salt: fake("", 22, BASE64URL, "op-salt") },
    email: "svc@carbon.dev",
    srpX: fake("", 64, HEX, "op-srp"),
    muk: { alg: "A256GCM", ext: true, k: fake("", 43, BASE64URL, "op-k"), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" },
    deviceUuid: fake("", 26, BASE62, "op-dev")
  })
);
function isServiceAccountToken(candidate) {
  if (!isJwt(candidate)) return false;
  const claims = jwtClaims(candidate);
  if (claims === void 0) return false;
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  return claims.iss === "kubernetes/serviceaccount" || subject.startsWith("system:serviceaccount:") || "kubernetes.io" in claims;
}
var VAULT_AND_INFRA_DETECTORS = [
  {
    id: "vault-service-token",
    description: "HashiCorp Vault service token (hvs.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvs."],
    pattern: new RegExp(token(String.raw`hvs\.[\w-]{24,512}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`VAULT_TOKEN=${fake("hvs.", 91, BASE64URL, "hvs-1")}`, `vault login ${fake("hvs.", 24, BASE62, "hvs-2")}`],
        falsePositives: [
          { text: `VAULT_TOKEN=hvs.XXXXXXXXXXXXXXXXXXXXXXXX`, why: "a placeholder of Xs" },
          { text: `import hvs.core`, why: "a module path" }
        ]
      };
    }
  },
  {
    id: "vault-batch-token",
    description: "HashiCorp Vault batch token (hvb.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvb."],
    pattern: new RegExp(token(String.raw`hvb\.[\w-]{60,1024}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`X-Vault-Token: ${fake("hvb.", 138, BASE64URL, "hvb")}`],
        falsePositives: [{ text: `token: hvb.short`, why: "too short for a batch token" }]
      };
    }
  },
  {
    id: "vault-recovery-token",
    description: "HashiCorp Vault recovery token (hvr.)",
    source: VAULT_TOKEN_DOCS,
    keywords: ["hvr."],
    pattern: new RegExp(token(String.raw`hvr\.[\w-]{24,512}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`recovery_token = "${fake("hvr.", 91, BASE64URL, "hvr")}"`],
        falsePositives: [{ text: `token: hvr.${"x".repeat(24)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "vault-token-legacy",
    description: "HashiCorp Vault token in the pre-1.10 format (s. or b.) next to a vault key name",
    source: VAULT_TOKEN_DOCS,
    keywords: ["vault"],
    pattern: new RegExp(assigned(`${caseless("vault")}[\\w.-]{0,20}?${caseless("token")}`, String.raw`[sb]\.[A-Za-z0-9]{24}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`VAULT_TOKEN=${fake("s.", 24, BASE62, "vault-legacy-1")}`, `curl -H "X-Vault-Token: ${fake("s.", 24, BASE62, "vault-legacy-2")}" https://vault:8200/v1/sys/health`],
        falsePositives: [{ text: `VAULT_TOKEN=s.${"x".repeat(24)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "terraform-cloud-token",
    description: "Terraform Cloud / HCP Terraform API token",
    source: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    keywords: [".atlasv1."],
    pattern: new RegExp(token(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[\w=-]{60,70}`, String.raw`\w.-`, String.raw`\w=.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`credentials "app.terraform.io" {
  token = "${fake("", 14, BASE62, "tfc-1")}${".atlasv1."}${fake("", 67, BASE64URL, "tfc-2")}"
}`],
        falsePositives: [{ text: `token = "xxxxxxxxxxxxxx.atlasv1.xxxx"`, why: "a placeholder" }]
      };
    }
  },
  {
    id: "consul-acl-token",
    description: "HashiCorp Consul ACL token",
    source: "https://developer.hashicorp.com/consul/docs/security/acl/tokens",
    keywords: ["consul"],
    pattern: new RegExp(assigned(`${caseless("consul")}[\\w.-]{0,20}?${caseless("token")}`, UUID)),
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CONSUL_HTTP_TOKEN=${fakeUuid("consul")}`],
        falsePositives: [{ text: `consul_node_id: ${fakeUuid("consul-node")}`, why: "a node ID, not a token" }]
      };
    }
  },
  {
    id: "doppler-token",
    description: "Doppler personal, service, service account, CLI, SCIM or audit token",
    source: "https://docs.doppler.com/reference/auth-token-formats",
    keywords: ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
    pattern: new RegExp(token(String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9._-]{40,200}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DOPPLER_TOKEN=${fake("dp.pt.", 43, BASE62, "doppler-1")}`, `DOPPLER_TOKEN=${fake("dp.st.", 43, BASE62, "doppler-2")}`],
        falsePositives: [{ text: `DOPPLER_TOKEN=dp.st.<token>`, why: "a template" }]
      };
    }
  },
  {
    id: "onepassword-service-account-token",
    description: "1Password service account token",
    source: "https://developer.1password.com/docs/service-accounts/security",
    keywords: ["ops_eyj"],
    pattern: new RegExp(token(String.raw`ops_eyJ[A-Za-z0-9+/]{100,4096}={0,2}`, String.raw`\w-`, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`OP_SERVICE_ACCOUNT_TOKEN=${onePasswordToken}`],
        falsePositives: [{ text: `OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...`, why: "an elided example" }]
      };
    }
  },
  {
    id: "pulumi-access-token",
    description: "Pulumi Cloud access token",
    source: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    keywords: ["pul-"],
    pattern: new RegExp(token(String.raw`pul-[a-f0-9]{40}`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`PULUMI_ACCESS_TOKEN=${fake("pul-", 40, HEX, "pulumi")}`],
        falsePositives: [{ text: `name: pul-request-handler`, why: "a name with the prefix" }]
      };
    }
  },
  {
    id: "databricks-token",
    description: "Databricks personal access token",
    source: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
    keywords: ["dapi"],
    pattern: new RegExp(bareToken(String.raw`dapi[a-f0-9]{32}(?:-\d)?`)),
    entropy: 3,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DATABRICKS_TOKEN=${fake("dapi", 32, HEX, "databricks")}`, `token = "${fake("dapi", 32, HEX, "databricks-2")}-2"`],
        falsePositives: [{ text: `DATABRICKS_TOKEN=dapi${"0".repeat(32)}`, why: "a placeholder of zeros" }]
      };
    }
  },
  {
    id: "confluent-cloud-api-secret",
    description: "Confluent Cloud API secret",
    source: "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html",
    keywords: ["confluent"],
    pattern: new RegExp(assigned(`${caseless("confluent")}[\\w.-]{0,20}?${caseless("secret")}`, "[A-Za-z0-9+/]{64}", BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`CONFLUENT_CLOUD_API_SECRET=${fake("", 64, BASE64, "confluent")}`],
        falsePositives: [{ text: `CONFLUENT_CLOUD_API_SECRET=\${CONFLUENT_SECRET}`, why: "a reference to the environment" }]
      };
    }
  },
  {
    id: "airflow-fernet-key",
    description: "Apache Airflow Fernet key (encrypts connections and variables)",
    source: "https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/fernet.html",
    keywords: ["fernet"],
    // 32 bytes, URL-safe base64: 43 characters and "=".
    pattern: new RegExp(assigned(`${caseless("fernet")}[_.-]?${caseless("key")}`, String.raw`[\w-]{43}=`, BASE64_EDGE)),
    entropy: 4,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`AIRFLOW__CORE__FERNET_KEY=${fake("", 43, BASE64URL, "fernet")}=`, `fernet_key = ${fake("", 43, BASE64URL, "fernet-2")}=`],
        falsePositives: [{ text: `AIRFLOW__CORE__FERNET_KEY=\${FERNET_KEY}`, why: "a reference to the environment" }]
      };
    }
  },
  {
    id: "prefect-api-key",
    description: "Prefect Cloud API key",
    source: "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys",
    keywords: ["pnu_"],
    pattern: new RegExp(token(String.raw`pnu_[A-Za-z0-9]{36}`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`PREFECT_API_KEY=${fake("pnu_", 36, BASE62, "prefect")}`],
        falsePositives: [{ text: `PREFECT_API_KEY=pnu_${"x".repeat(36)}`, why: "a placeholder of xs" }]
      };
    }
  },
  {
    id: "planetscale-token",
    description: "PlanetScale password, service token or OAuth token",
    source: "https://planetscale.com/docs/concepts/service-tokens",
    keywords: ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"],
    pattern: new RegExp(token(String.raw`pscale_(?:pw|tkn|oauth)_[\w.-]{32,64}`, String.raw`\w.-`)),
    entropy: 3.5,
    confidence: "high",
    get samples() {
      return {
        truePositives: [`DATABASE_PASSWORD=${fake("pscale_pw_", 43, BASE64URL, "pscale")}`],
        falsePositives: [{ text: `DATABASE_PASSWORD=pscale_pw_<password>`, why: "a template" }]
      };
    }
  },
  {
    id: "kubernetes-service-account-token",
    description: "Kubernetes service account token (a JWT issued for system:serviceaccount)",
    source: "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/",
    keywords: ["eyj"],
    pattern: new RegExp(bareToken(String.raw`eyJ[\w-]{10,1024}\.ey[\w-]{10,8192}\.[\w-]{16,1024}`)),
    confidence: "high",
    validate: isServiceAccountToken,
    get samples() {
      return {
        truePositives: [`users:
- name: ci
  user:
    token: ${serviceAccountJwt}`, `TOKEN=${boundServiceAccountJwt}`],
        falsePositives: [
          { text: `id_token: ${fakeJwt({ iss: "https://accounts.google.com", sub: "1234" }, "k8s-fp")}`, why: "a JWT from another issuer" }
        ]
      };
    }
  }
];

// src/detectors/registry.ts
var DETECTORS = Object.freeze(
  [
    ...AI_DETECTORS,
    ...CLOUD_DETECTORS,
    ...CODE_HOST_DETECTORS,
    ...CONNECTION_STRING_DETECTORS,
    ...GENERIC_DETECTORS,
    ...KEY_DETECTORS,
    ...SAAS_DETECTORS,
    ...VAULT_AND_INFRA_DETECTORS
  ].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
);

// src/detectors/match.ts
var CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 };
var EXAMPLE_MARKER = "EXAMPLE";
var keywordIndexes = /* @__PURE__ */ new WeakMap();
var globalPatterns = /* @__PURE__ */ new WeakMap();
function findSecrets(text, detectors = DETECTORS) {
  if (text.length === 0 || detectors.length === 0) return [];
  const candidates = [];
  for (const position of selectDetectors(text, detectors)) {
    const detector = detectors[position];
    if (detector !== void 0) collectMatches(text, detector, candidates);
  }
  return keepMostSpecific(candidates);
}
function selectDetectors(text, detectors) {
  const index = keywordIndexFor(detectors);
  const selected = new Set(index.unconditional);
  const { scanner } = index;
  if (scanner === null) return [...selected];
  const found = /* @__PURE__ */ new Set();
  scanner.lastIndex = 0;
  for (let match = scanner.exec(text); match !== null; match = scanner.exec(text)) {
    const keyword = match[0].toLowerCase();
    if (!found.has(keyword)) {
      const positions = index.detectorsByKeyword.get(keyword);
      if (positions === void 0) return detectors.map((_, position) => position);
      for (const occurring of [keyword, ...index.contained.get(keyword) ?? []]) {
        found.add(occurring);
        for (const position of index.detectorsByKeyword.get(occurring) ?? []) selected.add(position);
      }
      if (found.size === index.detectorsByKeyword.size) break;
    }
    scanner.lastIndex = match.index + 1;
  }
  return [...selected].sort((a, b) => a - b);
}
function keywordIndexFor(detectors) {
  const cached = keywordIndexes.get(detectors);
  if (cached !== void 0) return cached;
  const detectorsByKeyword = /* @__PURE__ */ new Map();
  const unconditional = [];
  detectors.forEach((detector, position) => {
    if (detector.keywords.length === 0) unconditional.push(position);
    for (const raw of detector.keywords) {
      const keyword = raw.toLowerCase();
      const positions = detectorsByKeyword.get(keyword) ?? [];
      if (!positions.includes(position)) positions.push(position);
      detectorsByKeyword.set(keyword, positions);
    }
  });
  const keywords = [...detectorsByKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const contained = /* @__PURE__ */ new Map();
  for (const keyword of keywords) {
    const inner = keywords.filter((other) => other !== keyword && keyword.includes(other));
    if (inner.length > 0) contained.set(keyword, inner);
  }
  const scanner = keywords.length > 0 ? new RegExp(keywords.map(escapeRegExp).join("|"), "gi") : null;
  const index = { scanner, detectorsByKeyword, contained, unconditional };
  keywordIndexes.set(detectors, index);
  return index;
}
function globalPatternFor(detector) {
  let pattern = globalPatterns.get(detector);
  if (pattern === void 0) {
    const flags = /* @__PURE__ */ new Set([...detector.pattern.flags.replace("y", ""), "g", "d"]);
    pattern = new RegExp(detector.pattern.source, [...flags].join(""));
    globalPatterns.set(detector, pattern);
  }
  return pattern;
}
function collectMatches(text, detector, into) {
  const pattern = globalPatternFor(detector);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const span = secretSpan(match);
    if (span !== void 0) {
      const [start, end] = span;
      const secret = text.slice(start, end);
      if (isSecret(detector, secret)) {
        const isExample = (detector.examples?.includes(secret) ?? false) || secret.includes(EXAMPLE_MARKER);
        into.push({ detector, secret, start, end, isExample, matchLength: match[0].length });
        continue;
      }
    }
    pattern.lastIndex = match.index + 1;
  }
}
function secretSpan(match) {
  const indices = match.indices;
  if (indices === void 0) return void 0;
  if (match.groups !== void 0 && "secret" in match.groups) return indices.groups?.secret;
  return indices[0];
}
function isSecret(detector, secret) {
  if (detector.entropy !== void 0 && shannonEntropy(secret) < detector.entropy) return false;
  if (isPlaceholderValue(secret)) return false;
  return detector.validate === void 0 || detector.validate(secret);
}
function keepMostSpecific(candidates) {
  const byPreference = [...candidates].sort(
    (a, b) => CONFIDENCE_RANK[b.detector.confidence] - CONFIDENCE_RANK[a.detector.confidence] || b.end - b.start - (a.end - a.start) || Number(GENERIC_DETECTOR_IDS.has(a.detector.id)) - Number(GENERIC_DETECTOR_IDS.has(b.detector.id)) || b.matchLength - a.matchLength || a.start - b.start || (a.detector.id < b.detector.id ? -1 : a.detector.id > b.detector.id ? 1 : 0)
  );
  const kept = [];
  for (const candidate of byPreference) {
    const at2 = firstStartingAtOrAfter(kept, candidate.start);
    const before = kept[at2 - 1];
    const after2 = kept[at2];
    if (before !== void 0 && before.end > candidate.start || after2 !== void 0 && after2.start < candidate.end) continue;
    kept.splice(at2, 0, candidate);
  }
  return kept.map(({ detector, secret, start, end, isExample }) => ({ detector, secret, start, end, isExample }));
}
function firstStartingAtOrAfter(spans, start) {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (spans[middle].start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

// src/detectors/custom.ts
function createCustomDetector(custom) {
  let pattern;
  try {
    pattern = new RegExp(custom.pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`customPatterns "${custom.id}": the pattern is not a valid regular expression (${reason}). Fix or remove it.`);
  }
  return {
    id: custom.id,
    description: custom.description ?? `Custom pattern ${custom.id}`,
    source: "configuration (customPatterns)",
    keywords: (custom.keywords ?? []).map((keyword) => keyword.toLowerCase()),
    pattern,
    confidence: "high",
    ...custom.severity !== void 0 ? { severity: custom.severity } : {},
    samples: { truePositives: [], falsePositives: [] }
  };
}

// src/core/file-kinds.ts
var KINDS = {
  dotenv: { fences: ["env", "dotenv"], embeddedName: /(?:^|\.)env$/i, docsFence: "dotenv", bindsNames: true },
  yaml: { extensions: ["yaml", "yml"], fences: ["yaml", "yml"], embeddedName: /\.ya?ml$/i, docsFence: "yaml", bindsNames: true },
  json: { extensions: ["json", "jsonc", "json5"], fences: ["json", "jsonc", "json5"], embeddedName: /\.json$/i, docsFence: "json", bindsNames: true },
  python: { extensions: ["py", "pyi", "pyw"], fences: ["python", "py"], docsFence: "python", bindsNames: true },
  // TypeScript and JavaScript alike
  javascript: {
    extensions: ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"],
    fences: ["javascript", "js", "jsx", "mjs", "typescript", "ts", "tsx"],
    docsFence: "ts",
    bindsNames: true
  },
  dockerfile: { fences: ["dockerfile", "docker"], bindsNames: true },
  shell: {
    extensions: ["sh", "bash", "zsh", "ksh"],
    // Shell start-up files and client configs that hold `export KEY=value` lines.
    names: [".bashrc", ".bash_profile", ".profile", ".zshrc", ".zprofile", ".zshenv", ".envrc", "profile", "bashrc"],
    fences: ["sh", "bash", "shell", "zsh", "ksh", "console", "shell-session", "shellsession"],
    embeddedName: /\.(?:sh|bash)$/i,
    bindsNames: true
  },
  // ini, cfg, conf
  ini: {
    extensions: ["ini", "cfg", "conf", "cnf"],
    // Client configs known by name: INI-style credentials files of npm, pip, git, s3cmd, boto, AWS.
    names: [".npmrc", ".yarnrc", ".pypirc", ".gitconfig", ".s3cfg", ".boto", "credentials", ".credentials", ".my.cnf", ".pgservice.conf", ".editorconfig", ".wgetrc", ".curlrc"],
    fences: ["ini", "cfg", "conf"],
    embeddedName: /\.(?:ini|cfg|conf|cnf)$/i,
    bindsNames: true
  },
  toml: { extensions: ["toml"], fences: ["toml"], embeddedName: /\.toml$/i, bindsNames: true },
  properties: { extensions: ["properties"], fences: ["properties", "java-properties"], embeddedName: /\.properties$/i, bindsNames: true },
  xml: { extensions: ["xml", "config", "csproj", "plist"], fences: ["xml"], embeddedName: /\.xml$/i, bindsNames: true },
  hcl: { extensions: ["tf", "tfvars", "hcl", "nomad"], fences: ["hcl", "terraform", "tf"], embeddedName: /\.(?:tf|tfvars|hcl)$/i, bindsNames: true },
  markdown: { extensions: ["md", "markdown", "mdx", "rst"], fences: ["markdown", "md"], bindsNames: true },
  gitignore: { docsFence: "gitignore", bindsNames: false },
  // plain text is read as `key = value` / `key: value` lines
  text: { bindsNames: true }
};
var FILE_KINDS = Object.keys(KINDS);
var KIND_ROWS = KINDS;
function indexBy(field) {
  return new Map(FILE_KINDS.flatMap((kind) => (KIND_ROWS[kind][field] ?? []).map((key) => [key, kind])));
}
var BY_EXTENSION = indexBy("extensions");
var BY_NAME = indexBy("names");
var BY_FENCE = indexBy("fences");
var EMBEDDED = FILE_KINDS.flatMap((kind) => KIND_ROWS[kind].embeddedName ? [[KIND_ROWS[kind].embeddedName, kind]] : []);
function kindOfFence(language) {
  return BY_FENCE.get(language) ?? "text";
}
function kindOfEmbeddedName(name) {
  return EMBEDDED.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
function bindsNames(kind) {
  return KIND_ROWS[kind].bindsNames;
}
function docsFenceFor(path) {
  const kind = classify(path);
  if (kind === "javascript") return /\.[cm]?jsx?$/i.test(path) ? "js" : "ts";
  return KIND_ROWS[kind].docsFence ?? "text";
}
function isDotenvName(name) {
  return name === ".env" || name.startsWith(".env.") || name.endsWith(".env") || /^env\.(example|sample|template|dist|tmpl)$/i.test(name);
}
function isEnvTemplateName(name) {
  return /(^|[.\-_])(example|sample|template|tmpl|dist|defaults?|schema)$/i.test(name.replace(/\.env$/, ""));
}
function basename(path) {
  const i = path.lastIndexOf("/");
  return i === -1 ? path : path.slice(i + 1);
}
function dirname(path) {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}
function classify(path) {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (isDotenvName(lower)) return "dotenv";
  if (lower === ".gitignore") return "gitignore";
  if (lower === "dockerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile") || lower === "containerfile") return "dockerfile";
  const named = BY_NAME.get(lower);
  if (named) return named;
  const dot = lower.lastIndexOf(".");
  if (dot > 0) {
    const kind = BY_EXTENSION.get(lower.slice(dot + 1));
    if (kind) return kind;
  }
  return "text";
}
function sniffKind(text) {
  const head = text.slice(0, 4096);
  const first = head.trimStart()[0];
  if (first === "{" || first === "[") {
    if (first === "[" && /^\s*\[[\w .:"'-]+\]\s*$/m.test(head) && /^\s*[\w.-]+\s*=/m.test(head)) return "ini";
    return "json";
  }
  const lines = head.split("\n").filter((l) => l.trim() !== "" && !/^\s*[#;]/.test(l));
  if (lines.length === 0) return "text";
  const count = (pattern) => lines.filter((l) => pattern.test(l)).length;
  if (/^\s*\[[\w .:"'-]+\]\s*$/m.test(head) && count(/^\s*[\w.-]+\s*[=:]/) > 0) return "ini";
  const dotenv = count(/^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=/);
  if (dotenv > 0 && dotenv >= lines.length * 0.6) return "dotenv";
  const yaml = count(/^\s*(?:- )?[\w.-]+:(?:\s|$)|^\s*- /);
  if (yaml >= 2 && yaml >= lines.length * 0.6) return "yaml";
  return "text";
}

// src/languages/lines.ts
var BOM = "\uFEFF";
function contentStart(text, start = 0) {
  return start === 0 && text.startsWith(BOM) ? 1 : start;
}
function splitLines(text, start = 0, end = text.length) {
  const lines = [];
  let pos = contentStart(text, start);
  let number = 1;
  while (pos < end || pos === end && lines.length === 0) {
    const newline = text.indexOf("\n", pos);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    const next = lineEnd === end ? end : lineEnd + 1;
    const trimmedEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ number, start: pos, end: trimmedEnd, next });
    if (next === pos) break;
    pos = next;
    number += 1;
  }
  return lines;
}
function lineEndAt(text, offset, limit = text.length) {
  const newline = text.indexOf("\n", offset);
  const end = newline === -1 || newline > limit ? limit : newline;
  return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
function skipSpaces(text, start, end) {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
  return i;
}
function trimEndOffset(text, start, end) {
  let i = end;
  while (i > start && /\s/.test(text.charAt(i - 1))) i -= 1;
  return i;
}
function lineLocator(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
function createNewlineFinder(text, limit = text.length) {
  let cached = -1;
  return (at2) => {
    if (at2 > cached) {
      const newline = text.indexOf("\n", at2);
      cached = newline === -1 || newline > limit ? limit : newline;
    }
    return cached;
  };
}

// src/languages/strings.ts
function findClosingQuote(text, open, limit, escapes) {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < limit; i += 1) {
    const c = text.charCodeAt(i);
    if (c === quote) return i;
    if (escapes && c === 92) i += 1;
  }
  return -1;
}
function createQuoteFinder(text, limit) {
  const memo = /* @__PURE__ */ new Map();
  return (open, escapes) => {
    const memoKey = text.charAt(open) + (escapes ? "\\" : "");
    const last = memo.get(memoKey);
    if (last && open > last.from && (last.close === -1 || open < last.close)) return last.close;
    const close = findClosingQuote(text, open, limit, escapes);
    memo.set(memoKey, { from: open, close });
    return close;
  };
}
function createIndexFinder(text, needle) {
  let last = { from: Infinity, found: -1 };
  return (from) => {
    if (from >= last.from && (last.found === -1 || from <= last.found)) return last.found;
    last = { from, found: text.indexOf(needle, from) };
    return last.found;
  };
}
var ESCAPE = /\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|[\s\S])/g;
var SIMPLE_ESCAPES = {
  n: "\n",
  r: "\r",
  t: "	",
  b: "\b",
  f: "\f",
  v: "\v",
  a: "\x07",
  e: "\x1B",
  "\n": "",
  "\r\n": "",
  "\\": "\\",
  '"': '"',
  "'": "'",
  "`": "`",
  "/": "/"
};
function unescapeBackslashes(raw) {
  if (!raw.includes("\\")) return raw;
  return raw.replace(ESCAPE, (whole, body) => {
    const simple = SIMPLE_ESCAPES[body];
    if (simple !== void 0) return simple;
    const first = body.charAt(0);
    if (first === "u" || first === "U" || first === "x") {
      const hex = body.replace(/[{}]/g, "").slice(1);
      const code = Number.parseInt(hex, 16);
      return code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    if (first >= "0" && first <= "7") return String.fromCharCode(Number.parseInt(body, 8));
    return whole;
  });
}
function hasReference(value) {
  return enclosed(value, "${", "}") || enclosed(value, "{{", "}}") || /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(value);
}
function enclosed(value, open, close) {
  const start = value.indexOf(open);
  return start !== -1 && value.indexOf(close, start + open.length) !== -1;
}
function decodeURIComponentSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// src/languages/dotenv.ts
var ENTRY_START = /[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*=(?![=>])[ \t]*/dy;
function parseDotenv(text) {
  return scanEntries(text, 0, text.length, true);
}
function parseKeyValueLines(text, start, end) {
  return scanEntries(text, start, end, false);
}
function scanEntries(text, start, end, multiline) {
  const entries = [];
  const findQuote = createQuoteFinder(text, end);
  let pos = contentStart(text, start);
  let line = 1;
  while (pos < end) {
    const lineEnd = lineEndAt(text, pos, end);
    let next = nextLineStart(text, lineEnd, end);
    ENTRY_START.lastIndex = pos;
    const match = ENTRY_START.exec(text);
    const keyIndices = match?.indices?.[1];
    if (match && keyIndices && ENTRY_START.lastIndex <= lineEnd) {
      const valueAt2 = ENTRY_START.lastIndex;
      const quote = text.charAt(valueAt2);
      const close = quote === '"' || quote === "'" || quote === "`" ? multiline ? findQuote(valueAt2, quote === '"') : findClosingQuote(text, valueAt2, lineEnd, quote === '"') : -1;
      const base = { key: match[1] ?? "", line, keyStart: keyIndices[0] };
      if (close !== -1) {
        const raw = text.slice(valueAt2 + 1, close).replace(/\r\n/g, "\n");
        entries.push({
          ...base,
          value: quote === '"' ? unescapeBackslashes(raw) : raw,
          valueStart: valueAt2 + 1,
          valueEnd: close,
          quoted: true,
          templated: quote === '"' && hasReference(raw)
        });
        const closingLineEnd = lineEndAt(text, close, end);
        line += countNewlines(text, pos, closingLineEnd);
        next = nextLineStart(text, closingLineEnd, end);
      } else {
        const valueEnd = unquotedValueEnd(text, valueAt2, lineEnd, valueAt2 > keyIndices[1] + 1);
        const value = text.slice(valueAt2, valueEnd);
        entries.push({ ...base, value, valueStart: valueAt2, valueEnd, quoted: false, templated: hasReference(value) });
      }
    }
    pos = next;
    line += 1;
  }
  return entries;
}
function unquotedValueEnd(text, valueAt2, lineEnd, spaceBefore) {
  if (spaceBefore && text.charAt(valueAt2) === "#") return valueAt2;
  let end = lineEnd;
  for (let i = valueAt2 + 1; i < lineEnd; i += 1) {
    if (text.charAt(i) === "#" && (text.charAt(i - 1) === " " || text.charAt(i - 1) === "	")) {
      end = i;
      break;
    }
  }
  return trimEndOffset(text, valueAt2, end);
}
function nextLineStart(text, lineEnd, end) {
  const newline = text.indexOf("\n", lineEnd);
  return newline === -1 || newline >= end ? end : newline + 1;
}
function countNewlines(text, start, end) {
  let count = 0;
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}
function isCommittableEnvFile(path) {
  const name = basename(path);
  return (name === ".env" || name.startsWith(".env.")) && !isEnvTemplateName(name);
}

// src/rules/committed-env-file.ts
var committed_env_file_default = defineRule({
  meta: {
    id: "committed-env-file",
    description: "A `.env` file is committed to git (or, outside git, present and not ignored).",
    severity: "error",
    recommended: true,
    scope: "project",
    checklist: ["env-gitignored"],
    cwe: ["CWE-538", "CWE-312"],
    messages: {
      tracked: "`{{path}}` is committed to git. Untrack it with `git rm --cached {{path}}`, add it to .gitignore, and rotate every value it held: they stay in the history.",
      staged: "`{{path}}` is staged for commit. Unstage it with `git restore --staged {{path}}` and add it to .gitignore.",
      unignored: "`{{path}}` is not ignored and would be committed: add it to .gitignore (values in it must stay local)."
    },
    docs: {
      why: 'The guide keeps development credentials in local `.env` files and says: "Never commit `.env` files to version control". A committed `.env` is readable by everyone with a clone, and its values stay in the history after the file is deleted.',
      fix: "Untrack the file (`git rm --cached .env`), add `.env` to `.gitignore`, commit a template such as `.env.example` with placeholder values instead, and rotate every credential the committed file held.",
      bad: { path: ".env", code: "CLICKHOUSE_PASSWORD=s3cr3t-value\n" },
      good: { path: ".env.example", code: "CLICKHOUSE_PASSWORD=changeme\n" }
    }
  },
  create(context) {
    return {
      project(project) {
        let reported = 0;
        for (const file of project.files) {
          if (!isCommittableEnvFile(file.path)) continue;
          const messageId = project.inGit ? file.tracked ? project.scope === "staged" ? "staged" : "tracked" : null : "unignored";
          if (!messageId) continue;
          reported++;
          context.report({ messageId, data: { path: file.path }, path: file.path, loc: { line: 1, column: 1 }, key: file.path });
        }
        if (reported === 0) context.evidence({ checklist: "env-gitignored", status: "pass", message: "no `.env` file is committed" });
      }
    };
  }
});

// src/rules/env-not-gitignored.ts
var SERVICE_MARKERS = /* @__PURE__ */ new Set([
  "package.json",
  "pyproject.toml",
  "requirements.txt",
  "setup.py",
  "setup.cfg",
  "Pipfile",
  "go.mod",
  "Cargo.toml",
  "Dockerfile",
  "docker-compose.yml",
  "docker-compose.yaml",
  "compose.yml",
  "compose.yaml",
  "Gemfile",
  "pom.xml",
  "build.gradle"
]);
var SUGGESTED_LINES = "`.env` and `.env.*` (with `!.env.example` to keep templates)";
function join(dir, name) {
  return dir ? `${dir}/${name}` : name;
}
var env_not_gitignored_default = defineRule({
  meta: {
    id: "env-not-gitignored",
    description: "`.gitignore` would not ignore a `.env` file where one belongs: at the root, beside a template, or in a service.",
    severity: "error",
    recommended: true,
    scope: "project",
    checklist: ["env-gitignored"],
    cwe: ["CWE-538"],
    messages: {
      missingGitignore: "The repository has no .gitignore, so a `.env` would be committed by the first `git add -A`. Create .gitignore with {{lines}}.",
      notIgnored: "{{targets}} would not be ignored by git. Add {{lines}} to .gitignore.",
      unignoredBy: "`{{target}}` is re-included by `{{pattern}}`: a `.env` there would be committed. Remove that line, or narrow it to the template."
    },
    docs: {
      why: 'The guide says: "Add `.env` to `.gitignore`". Without the pattern, `git add -A` commits local credentials. git\'s own rules decide: nested .gitignore files, negations and `**` are all taken into account.',
      fix: "Add these lines to the root .gitignore:\n\n```gitignore\n.env\n.env.*\n!.env.example\n```\n\nAn unanchored `.env` pattern covers every directory.",
      bad: { path: ".gitignore", code: "node_modules/\n__pycache__/\n" },
      good: { path: ".gitignore", code: "node_modules/\n__pycache__/\n.env\n.env.*\n!.env.example\n" }
    }
  },
  create(context) {
    return {
      project(project) {
        if (project.scope === "history") return;
        const gitignores = project.files.filter((f) => basename(f.path) === ".gitignore").map((f) => f.path);
        if (gitignores.length === 0) {
          context.report({ messageId: "missingGitignore", data: { lines: SUGGESTED_LINES }, path: ".gitignore", loc: { line: 1, column: 1 }, key: "missing" });
          return;
        }
        const targets = /* @__PURE__ */ new Set([".env"]);
        for (const file of project.files) {
          const name = basename(file.path);
          const dir = dirname(file.path);
          if (isCommittableEnvFile(file.path)) targets.add(file.path);
          else if ((name.startsWith(".env") || name.startsWith("env.")) && isEnvTemplateName(name)) targets.add(join(dir, ".env"));
          else if (SERVICE_MARKERS.has(name)) targets.add(join(dir, ".env"));
        }
        const passes = [];
        const uncoveredBy = /* @__PURE__ */ new Map();
        for (const target of [...targets].sort()) {
          const verdict = project.isIgnored(target);
          if (verdict.ignored) {
            if (verdict.source) passes.push(`${target} (${verdict.source.path}:${verdict.source.line} \`${verdict.source.pattern}\`)`);
            continue;
          }
          const nearest = nearestGitignore(gitignores, dirname(target));
          if (verdict.source?.negative) {
            context.report({
              messageId: "unignoredBy",
              data: { target, pattern: verdict.source.pattern },
              path: verdict.source.path,
              loc: { line: verdict.source.line, column: 1 },
              key: target
            });
          } else {
            uncoveredBy.set(nearest, [...uncoveredBy.get(nearest) ?? [], target]);
          }
        }
        for (const [path, targets2] of uncoveredBy) {
          context.report({ messageId: "notIgnored", data: { targets: listTargets(targets2), lines: SUGGESTED_LINES }, path, loc: { line: 1, column: 1 }, key: targets2.join(",") });
        }
        if (passes.length > 0) {
          context.evidence({ checklist: "env-gitignored", status: "pass", message: `ignored by git: ${passes.slice(0, 5).join(", ")}${passes.length > 5 ? ", \u2026" : ""}` });
        }
      }
    };
  }
});
function listTargets(targets) {
  const shown2 = targets.slice(0, 3).map((t) => `\`${t}\``);
  if (targets.length > 3) shown2.push(`${targets.length - 3} more`);
  return shown2.length === 1 ? shown2[0] : `${shown2.slice(0, -1).join(", ")} and ${shown2.at(-1)}`;
}
function nearestGitignore(gitignores, dir) {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, ".gitignore");
    if (gitignores.includes(candidate)) return candidate;
    if (d === "") return gitignores.includes(".gitignore") ? ".gitignore" : gitignores[0];
  }
}

// src/languages/binding.ts
function bind(key, keyPath, literal, source) {
  const assignment = {
    key,
    keyPath: [...keyPath],
    value: literal.value,
    valueStart: literal.valueStart,
    valueEnd: literal.valueEnd,
    quoted: literal.quoted,
    source
  };
  if (literal.templated) assignment.templated = true;
  return assignment;
}
function shiftAssignments(assignments, offset) {
  return assignments.map((a) => ({ ...a, valueStart: a.valueStart + offset, valueEnd: a.valueEnd + offset }));
}

// src/languages/code-lines.ts
var PYTHON_STYLE = { hashComments: true, slashComments: false, stringPrefixes: true, annotations: true, fatArrow: false };
var JAVASCRIPT_STYLE = { hashComments: false, slashComments: true, stringPrefixes: false, annotations: true, fatArrow: false };
var TEXT_STYLE = { hashComments: true, slashComments: true, stringPrefixes: true, annotations: false, fatArrow: true };
var NAME = /[A-Za-z_$][\w$]*/y;
var PRIVATE_NAME = /#[A-Za-z_$][\w$]*/y;
var OPERATOR = /[=!<>+\-*/%&|^~:?@]+/y;
var STRING_PREFIX = /^[rbuf]{1,2}$/i;
var BINDING_OPERATORS = /* @__PURE__ */ new Set(["=", ":", ":="]);
function codeLineAssignments(text, style, start = 0, end = text.length) {
  const found = [];
  for (const line of splitLines(text, start, end)) {
    const tokens = tokenizeLine(text, line.start, line.end, style);
    for (let k = 2; k < tokens.length; k += 1) {
      const assignment = bindingAt(tokens, k, style);
      if (assignment) found.push(assignment);
    }
  }
  return found;
}
function bindingAt(tokens, k, style) {
  const value = tokens[k];
  const operator = tokens[k - 1];
  if (value?.kind !== "string" || !value.literal || operator?.kind !== "op") return null;
  if (!BINDING_OPERATORS.has(operator.text) && !(style.fatArrow && operator.text === "=>")) return null;
  const annotations = style.annotations;
  const after2 = tokens[k + 1];
  if (after2 && continuesExpression(after2)) return null;
  const annotated = annotations && operator.text === "=" && isName(tokens[k - 2]) && isOp(tokens[k - 3], ":") && isName(tokens[k - 4]);
  const keyIndex = annotated ? k - 4 : k - 2;
  const keyToken = tokens[keyIndex];
  if (operator.text === ":" && isOp(tokens[keyIndex - 1], "?")) return null;
  const key = keyToken?.kind === "name" ? keyToken.text : keyToken?.kind === "string" ? keyToken.literal?.value : void 0;
  if (key === void 0) return null;
  return bind(key, [...qualifiers(tokens, keyIndex), key], value.literal, "text");
}
function qualifiers(tokens, keyIndex) {
  const names = [];
  for (let i = keyIndex - 1; i >= 1; i -= 2) {
    const dot = tokens[i];
    const name = tokens[i - 1];
    if (dot?.kind !== "punct" || dot.text !== "." || name?.kind !== "name") break;
    names.unshift(name.text);
  }
  return names;
}
function continuesExpression(token2) {
  if (token2.kind === "string") return true;
  if (token2.kind === "op") return token2.text.startsWith("+") || token2.text.startsWith("%");
  return token2.kind === "punct" && (token2.text === "." || token2.text === "[" || token2.text === "(");
}
function isName(token2) {
  return token2?.kind === "name";
}
function isOp(token2, text) {
  return token2?.kind === "op" && token2.text === text;
}
function tokenizeLine(text, start, end, style) {
  const tokens = [];
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "	" || c === "\uFEFF") {
      i += 1;
    } else if (style.hashComments && c === "#" || style.slashComments && c === "/" && (next === "/" || next === "*")) {
      break;
    } else if (c === '"' || c === "'" || c === "`") {
      const string = readString(text, i, end, "");
      if (!string) break;
      tokens.push(string.token);
      i = string.end;
    } else if (c === "#" && matchAt(PRIVATE_NAME, text, i)) {
      tokens.push({ kind: "name", text: text.slice(i, PRIVATE_NAME.lastIndex) });
      i = PRIVATE_NAME.lastIndex;
    } else if (matchAt(NAME, text, i)) {
      const nameEnd = NAME.lastIndex;
      const name = text.slice(i, nameEnd);
      const quote = text.charAt(nameEnd);
      if (style.stringPrefixes && STRING_PREFIX.test(name) && (quote === '"' || quote === "'")) {
        const string = readString(text, nameEnd, end, name.toLowerCase());
        if (!string) break;
        tokens.push(string.token);
        i = string.end;
      } else {
        tokens.push({ kind: "name", text: name });
        i = nameEnd;
      }
    } else if (matchAt(OPERATOR, text, i)) {
      tokens.push({ kind: "op", text: text.slice(i, OPERATOR.lastIndex) });
      i = OPERATOR.lastIndex;
    } else {
      tokens.push({ kind: "punct", text: c });
      i += 1;
    }
  }
  return tokens;
}
function matchAt(pattern, text, at2) {
  pattern.lastIndex = at2;
  return pattern.test(text);
}
function readString(text, open, end, prefix) {
  const quote = text.charAt(open);
  const triple = text.startsWith(quote.repeat(3), open);
  const contentStart2 = open + (triple ? 3 : 1);
  const close = triple ? text.slice(contentStart2, end).indexOf(quote.repeat(3)) : findClosingQuote(text, open, end, !prefix.includes("r"));
  if (close === -1) return null;
  const contentEnd = triple ? contentStart2 + close : close;
  const raw = text.slice(contentStart2, contentEnd);
  const stop = contentEnd + (triple ? 3 : 1);
  if (prefix.includes("f") && /\{(?!\{)/.test(raw.replace(/\{\{/g, "")) || quote === "`" && raw.includes("${")) {
    return { token: { kind: "string", literal: null }, end: stop };
  }
  let value = prefix.includes("r") ? raw : unescapeBackslashes(raw);
  if (prefix.includes("f")) value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  const literal = { value, valueStart: contentStart2, valueEnd: contentEnd, quoted: true };
  if (hasReference(value)) literal.templated = true;
  return { token: { kind: "string", literal }, end: stop };
}

// src/languages/arguments.ts
function literalWord(literal) {
  return {
    value: literal.value,
    tail(length) {
      if (length === 0) return literal;
      const span = {
        value: literal.value.slice(length),
        valueStart: Math.min(literal.valueStart + length, literal.valueEnd),
        valueEnd: literal.valueEnd,
        quoted: literal.quoted
      };
      if (literal.templated) span.templated = true;
      return span;
    }
  };
}
var KEY_VALUE_FLAGS = /* @__PURE__ */ new Set(["--build-arg", "--env", "-e", "--set", "--set-string", "--from-literal", "-var", "--var"]);
var FLAG_WITH_VALUE = /^(--?[A-Za-z][\w.-]*)=/;
var LONG_FLAG = /^--[A-Za-z][\w.-]*$/;
var NAME_VALUE = /^([A-Za-z_][\w.-]*)=/;
function argumentAssignments(words) {
  const found = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (!word) continue;
    const inline = FLAG_WITH_VALUE.exec(word.value);
    if (inline?.[1]) {
      const flag = inline[1];
      const pair = KEY_VALUE_FLAGS.has(flag) ? keyValuePair(flag, word, inline[0].length) : null;
      found.push(pair ?? bind(flag, [flag], word.tail(inline[0].length), "argument"));
      continue;
    }
    const next = words[i + 1];
    const takesNext = LONG_FLAG.test(word.value) || KEY_VALUE_FLAGS.has(word.value);
    if (!takesNext || !next || next.value.startsWith("-")) continue;
    if (KEY_VALUE_FLAGS.has(word.value)) {
      const pair = keyValuePair(word.value, next, 0);
      if (pair) found.push(pair);
    } else {
      found.push(bind(word.value, [word.value], next.tail(0), "argument"));
    }
    i += 1;
  }
  return found;
}
function keyValuePair(flag, word, offset) {
  const pair = NAME_VALUE.exec(word.value.slice(offset));
  if (!pair?.[1]) return null;
  return bind(pair[1], [flag, pair[1]], word.tail(offset + pair[0].length), "argument");
}

// src/languages/shell.ts
var WORD_RUN = /[^\s;&|()<>'"`$\\{]+/y;
var WORD_RUN_NO_OPERATORS = /[^\s<>'"`$\\{]+/y;
var VARIABLE = /\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/y;
var HEREDOC_DELIMITER = /(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z0-9_.-]+))/y;
var EXPANSION_IN_DOUBLE_QUOTES = /\$[{(A-Za-z0-9_@*#?!$-]|`/;
function tokenizeShell(text, start = 0, end = text.length, options = {}) {
  const operators = options.operators ?? true;
  const wordRun = operators ? WORD_RUN : WORD_RUN_NO_OPERATORS;
  const findQuote = createQuoteFinder(text, end);
  const findTemplateEnd = createIndexFinder(text, "}}");
  const findBraceEnd = createIndexFinder(text, "}");
  const commands = [];
  const heredocs = [];
  const pendingHeredocs = [];
  let words = [];
  let parts = null;
  const lineEnd = createNewlineFinder(text, end);
  const endWord = () => {
    if (parts) words.push(makeWord(text, parts));
    parts = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const addPart = (part) => {
    parts ??= [];
    const last = parts[parts.length - 1];
    if (last && last.quote === "" && part.quote === "" && last.end === part.start) {
      parts[parts.length - 1] = {
        ...last,
        end: part.end,
        innerEnd: part.innerEnd,
        value: last.value + part.value,
        templated: last.templated || part.templated
      };
    } else {
      parts.push(part);
    }
  };
  const plain = (from, to, value, templated = false) => addPart({ start: from, end: to, innerStart: from, innerEnd: to, value, quote: "", templated });
  let i = contentStart(text, start);
  while (i < end) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "	" || c === "\r") {
      endWord();
      i += 1;
    } else if (c === "\\" && (next === "\n" || next === "\r" && text.charAt(i + 2) === "\n")) {
      endWord();
      i += next === "\n" ? 2 : 3;
    } else if (c === "\n") {
      endCommand();
      i += 1;
      if (pendingHeredocs.length > 0) i = skipHeredocBodies(text, i, end, pendingHeredocs.splice(0), heredocs);
    } else if (operators && (c === ";" || c === "&" || c === "|" || c === "(" || c === ")")) {
      endCommand();
      i += 1;
    } else if (c === "<" || c === ">") {
      endWord();
      if (c === "<" && next === "<" && text.charAt(i + 2) !== "<") {
        HEREDOC_DELIMITER.lastIndex = i + 2;
        const match = HEREDOC_DELIMITER.exec(text);
        const delimiter = match ? match[2] ?? match[3] ?? match[4] : void 0;
        if (match && delimiter) {
          pendingHeredocs.push({ delimiter, stripTabs: match[1] === "-" });
          i = HEREDOC_DELIMITER.lastIndex;
          continue;
        }
      }
      i += 1;
      while (i < end && "<>&".includes(text.charAt(i))) i += 1;
    } else if (c === "#" && parts === null) {
      i = lineEnd(i);
    } else if (c === "'" || c === '"' || c === "`" || c === "$" && next === "'") {
      const open = c === "$" ? i + 1 : i;
      const close = findQuote(open, c !== "'");
      if (close === -1) {
        plain(i, i + 1, c);
        i += 1;
        continue;
      }
      const raw = text.slice(open + 1, close);
      if (c === "`") {
        plain(i, close + 1, text.slice(i, close + 1), true);
      } else {
        const quote = c === "$" ? "$'" : c === '"' ? '"' : "'";
        addPart({
          start: i,
          end: close + 1,
          innerStart: open + 1,
          innerEnd: close,
          value: quote === "'" ? raw : quote === "$'" ? unescapeBackslashes(raw) : unescapeDoubleQuoted(raw),
          quote,
          templated: quote === '"' && EXPANSION_IN_DOUBLE_QUOTES.test(raw.replace(/\\[\s\S]/g, ""))
        });
      }
      i = close + 1;
    } else if (c === "$" && next === "(") {
      const close = matchingParen(text, i + 1, lineEnd(i));
      const stop = close === -1 ? lineEnd(i) : close + 1;
      plain(i, stop, text.slice(i, stop), true);
      i = stop;
    } else if (c === "$" && next === "{") {
      const close = findBraceEnd(i + 2);
      const stop = close === -1 || close > lineEnd(i) ? i + 1 : close + 1;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "$") {
      VARIABLE.lastIndex = i;
      const stop = VARIABLE.test(text) ? VARIABLE.lastIndex : i + 1;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "{" && next === "{") {
      const close = findTemplateEnd(i + 2);
      const stop = close === -1 || close > lineEnd(i) ? i + 1 : close + 2;
      plain(i, stop, text.slice(i, stop), stop > i + 1);
      i = stop;
    } else if (c === "\\") {
      const stop = Math.min(i + 2, end);
      plain(i, stop, text.slice(i + 1, stop));
      i = stop;
    } else {
      wordRun.lastIndex = i;
      const stop = wordRun.test(text) ? Math.min(wordRun.lastIndex, end) : i + 1;
      plain(i, stop, text.slice(i, stop));
      i = stop;
    }
  }
  endCommand();
  return { commands, heredocs };
}
function shellAssignments(text, start = 0, end = text.length) {
  const script = tokenizeShell(text, start, end);
  const found = script.commands.flatMap(commandAssignments);
  for (const body of script.heredocs) {
    for (const entry of parseKeyValueLines(text, body.start, body.end)) {
      found.push(bind(entry.key, [entry.key], entry, "shell"));
    }
  }
  return found;
}
function argumentListAssignments(text, items) {
  const found = argumentAssignments(items.map((item) => literalWord(item)));
  for (const item of items) {
    if (/\s/.test(item.value) && !ASSIGNMENT_WORD.test(item.value)) {
      found.push(...shellAssignments(text, item.valueStart, item.valueEnd));
    }
  }
  return found;
}
var LEADING_WORDS = /* @__PURE__ */ new Set(["then", "else", "do", "if", "elif", "while", "until", "!", "time", "exec", "sudo", "$", "{"]);
var DECLARATIONS = /* @__PURE__ */ new Set(["export", "local", "declare", "typeset", "readonly", "env", "set"]);
var ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;
function commandAssignments(words) {
  const found = [];
  let k = 0;
  while (k < words.length && LEADING_WORDS.has(words[k]?.raw ?? "")) k += 1;
  for (let a = assignmentOf(words[k]); a; a = assignmentOf(words[k])) {
    found.push(a);
    k += 1;
  }
  if (DECLARATIONS.has(words[k]?.raw ?? "")) {
    for (k += 1; k < words.length; k += 1) {
      const word = words[k];
      if (!word || word.raw.startsWith("-")) continue;
      const a = assignmentOf(word);
      if (a) found.push(a);
    }
  }
  found.push(...argumentAssignments(words));
  return found;
}
function assignmentOf(word) {
  const match = word ? ASSIGNMENT_WORD.exec(word.raw) : null;
  if (!word || !match?.[1]) return null;
  return bind(match[1], [match[1]], word.tail(match[0].length), "shell");
}
function makeWord(text, parts) {
  const first = parts[0];
  const last = parts[parts.length - 1];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  return {
    start,
    end,
    raw: text.slice(start, end),
    parts,
    value: parts.map((p) => p.value).join(""),
    tail: (length) => spanAfter(parts, length, end)
  };
}
function spanAfter(parts, length, wordEnd) {
  const rest = partsAfter(parts, length);
  const first = rest[0];
  const last = rest[rest.length - 1];
  if (!first || !last) return { value: "", valueStart: wordEnd, valueEnd: wordEnd, quoted: false };
  const span = rest.length === 1 ? { value: first.value, valueStart: first.innerStart, valueEnd: first.innerEnd, quoted: first.quote !== "" } : (
    // pa"ss word"  — several parts: all of them as written
    {
      value: rest.map((p) => p.value).join(""),
      valueStart: first.start,
      valueEnd: last.end,
      quoted: rest.some((p) => p.quote !== "")
    }
  );
  if (rest.some((p) => p.templated)) span.templated = true;
  return span;
}
function partsAfter(parts, length) {
  const rest = [];
  let skip = length;
  for (const part of parts) {
    if (skip === 0) {
      rest.push(part);
    } else if (skip >= part.value.length) {
      skip -= part.value.length;
    } else {
      const exact = part.innerEnd - part.innerStart === part.value.length;
      const at2 = exact ? part.innerStart + skip : part.innerStart;
      rest.push({ ...part, start: at2, innerStart: at2, value: part.value.slice(skip) });
      skip = 0;
    }
  }
  return rest;
}
function unescapeDoubleQuoted(raw) {
  return raw.includes("\\") ? raw.replace(/\\(\r?\n|[$`"\\])/g, (_, c) => c.endsWith("\n") ? "" : c) : raw;
}
function matchingParen(text, open, limit) {
  let depth = 0;
  for (let i = open; i < limit; i += 1) {
    const c = text.charAt(i);
    if (c === "(") depth += 1;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}
function skipHeredocBodies(text, from, end, pending, bodies) {
  let pos = from;
  for (const { delimiter, stripTabs } of pending) {
    const bodyStart = pos;
    let bodyEnd = end;
    while (pos < end) {
      const newline = text.indexOf("\n", pos);
      const lineStop = newline === -1 || newline > end ? end : newline;
      let line = text.slice(pos, lineStop).replace(/\r$/, "");
      if (stripTabs) line = line.replace(/^\t+/, "");
      const lineStart = pos;
      pos = lineStop === end ? end : lineStop + 1;
      if (line === delimiter) {
        bodyEnd = lineStart;
        break;
      }
    }
    bodies.push({ start: bodyStart, end: bodyEnd });
  }
  return pos;
}

// src/languages/dockerfile.ts
var INSTRUCTION = /([A-Za-z]+)[ \t]*/y;
var ENV_PAIR = /^([A-Za-z_][\w.-]*)=/;
var COMMANDS = /* @__PURE__ */ new Set(["RUN", "CMD", "ENTRYPOINT"]);
function dockerfileAssignments(text) {
  const found = [];
  let pos = contentStart(text);
  while (pos < text.length) {
    const start = skipSpaces(text, pos, lineEndAt(text, pos));
    const end = instructionEnd(text, start);
    INSTRUCTION.lastIndex = start;
    const match = text.charAt(start) === "#" ? null : INSTRUCTION.exec(text);
    const instruction = match?.[1]?.toUpperCase() ?? "";
    const body = INSTRUCTION.lastIndex;
    if (match && (instruction === "ENV" || instruction === "ARG")) {
      found.push(...variableAssignments(text, body, end, instruction));
    } else if (match && COMMANDS.has(instruction)) {
      found.push(...text.charAt(body) === "[" ? argumentListAssignments(text, execForm(text, body, end)) : shellAssignments(text, body, end));
    }
    pos = nextLine(text, end);
  }
  return found;
}
function variableAssignments(text, start, end, instruction) {
  const words = tokenizeShell(text, start, end, { operators: false }).commands.flat();
  const first = words[0];
  if (!first) return [];
  if (!ENV_PAIR.test(first.raw)) {
    const second = words[1];
    if (instruction !== "ENV" || !second) return [];
    const valueEnd = trimEndOffset(text, second.start, end);
    const literal = words.length === 2 ? second.tail(0) : { value: text.slice(second.start, valueEnd), valueStart: second.start, valueEnd, quoted: false };
    if (hasReference(literal.value)) literal.templated = true;
    return [bind(first.value, [first.value], literal, "dockerfile")];
  }
  const found = [];
  for (const word of words) {
    const pair = ENV_PAIR.exec(word.raw);
    if (pair?.[1]) found.push(bind(pair[1], [pair[1]], word.tail(pair[0].length), "dockerfile"));
  }
  return found;
}
function execForm(text, start, end) {
  const items = [];
  for (let open = start; open < end; open += 1) {
    if (text.charAt(open) !== '"') continue;
    const close = findClosingQuote(text, open, end, true);
    if (close === -1) break;
    items.push({ value: unescapeBackslashes(text.slice(open + 1, close)), valueStart: open + 1, valueEnd: close, quoted: true });
    open = close;
  }
  return items;
}
function instructionEnd(text, start) {
  let end = lineEndAt(text, start);
  let continuing = endsWithBackslash(text, start, end);
  while (continuing && end < text.length) {
    const lineStart = nextLine(text, end);
    end = lineEndAt(text, lineStart);
    const first = skipSpaces(text, lineStart, end);
    if (first === end || text.charAt(first) === "#") continue;
    continuing = endsWithBackslash(text, lineStart, end);
  }
  return end;
}
function endsWithBackslash(text, start, end) {
  const last = trimEndOffset(text, start, end);
  return last > start && text.charAt(last - 1) === "\\";
}
function nextLine(text, lineEnd) {
  const newline = text.indexOf("\n", lineEnd);
  return newline === -1 ? text.length : newline + 1;
}

// src/languages/hcl.ts
var NAME2 = /[A-Za-z_][\w.-]*/y;
var MAX_PATH_FRAMES = 32;
var HEREDOC = /<<-?([A-Za-z_][\w-]*)/y;
function hclAssignments(text) {
  const tokens = tokenizeHcl(text);
  const found = [];
  const frames = [];
  let statement = [];
  for (let t = 0; t < tokens.length; t += 1) {
    const token2 = tokens[t];
    if (!token2) continue;
    if (token2.kind === "newline" || isPunct(token2, ",")) {
      statement = [];
    } else if (isPunct(token2, "{") || isPunct(token2, "[")) {
      frames.push(frameOf(statement));
      statement = [];
    } else if (isPunct(token2, "}") || isPunct(token2, "]")) {
      frames.pop();
      statement = [];
    } else {
      statement.push(token2);
      const [name, operator] = statement;
      const key = name ? keyText(name) : null;
      const next = tokens[t + 1];
      const ends = !next || next.kind === "newline" || isPunct(next, ",") || isPunct(next, "}") || isPunct(next, "]");
      if (statement.length === 3 && key !== null && operator && (isPunct(operator, "=") || isPunct(operator, ":"))) {
        if (token2.kind === "string" && token2.literal && ends) found.push(attribute(frames, key, token2.literal));
      }
    }
  }
  return found;
}
function attribute(frames, key, literal) {
  const path = frames.slice(0, MAX_PATH_FRAMES).flat();
  const block = frames[frames.length - 1];
  if (key === "default" && block?.[0] === "variable" && block[1]) return bind(block[1], [...path, key], literal, "hcl");
  return bind(key, [...path, key], literal, "hcl");
}
function frameOf(statement) {
  const last = statement[statement.length - 1];
  if (last && (isPunct(last, "=") || isPunct(last, ":"))) {
    const key = statement[statement.length - 2];
    const text = key ? keyText(key) : null;
    return text === null ? [] : [text];
  }
  return statement.map(keyText).filter((part) => part !== null);
}
function keyText(token2) {
  if (token2.kind === "name") return token2.text;
  if (token2.kind === "string" && token2.literal) return token2.literal.value;
  return null;
}
function isPunct(token2, text) {
  return token2.kind === "punct" && token2.text === text;
}
function tokenizeHcl(text) {
  const tokens = [];
  const lineEnd = createNewlineFinder(text);
  let i = contentStart(text);
  while (i < text.length) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === " " || c === "	" || c === "\r") {
      i += 1;
    } else if (c === "\n") {
      tokens.push({ kind: "newline" });
      i += 1;
    } else if (c === "#" || c === "/" && next === "/") {
      i = lineEnd(i);
    } else if (c === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (c === '"') {
      const { literal, end } = readString2(text, i, lineEnd(i));
      tokens.push({ kind: "string", literal });
      i = end;
    } else if (c === "<" && next === "<") {
      HEREDOC.lastIndex = i;
      const match = HEREDOC.exec(text);
      tokens.push({ kind: "other" });
      i = match?.[1] ? skipHeredoc(text, HEREDOC.lastIndex, match[1]) : i + 2;
    } else if (c === "=" && (next === "=" || next === ">")) {
      tokens.push({ kind: "other" });
      i += 2;
    } else if ("=:,{}[]".includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i += 1;
    } else {
      NAME2.lastIndex = i;
      if (NAME2.test(text)) {
        tokens.push({ kind: "name", text: text.slice(i, NAME2.lastIndex) });
        i = NAME2.lastIndex;
      } else {
        tokens.push({ kind: "other" });
        i += 1;
      }
    }
  }
  return tokens;
}
function readString2(text, open, lineEnd) {
  let templated = false;
  let i = open + 1;
  while (i < lineEnd) {
    const c = text.charAt(i);
    if (c === '"') {
      const raw = text.slice(open + 1, i);
      const value = unescapeBackslashes(raw.replace(/([$%])\1\{/g, "$1{"));
      const literal = { value, valueStart: open + 1, valueEnd: i, quoted: true };
      if (templated) literal.templated = true;
      return { literal, end: i + 1 };
    }
    if (c === "\\") {
      i += 2;
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === c && text.charAt(i + 2) === "{") {
      i += 3;
    } else if ((c === "$" || c === "%") && text.charAt(i + 1) === "{") {
      templated = true;
      i = templateEnd(text, i + 2, lineEnd);
    } else {
      i += 1;
    }
  }
  return { literal: null, end: lineEnd };
}
function templateEnd(text, start, lineEnd) {
  let depth = 1;
  for (let i = start; i < lineEnd; i += 1) {
    const c = text.charAt(i);
    if (c === "{") depth += 1;
    else if (c === "}" && --depth === 0) return i + 1;
    else if (c === '"') {
      for (i += 1; i < lineEnd && text.charAt(i) !== '"'; i += text.charAt(i) === "\\" ? 2 : 1) ;
    }
  }
  return lineEnd;
}
function skipHeredoc(text, from, delimiter) {
  let pos = text.indexOf("\n", from);
  while (pos !== -1) {
    const start = pos + 1;
    const end = lineEndAt(text, start);
    if (text.slice(start, end).trim() === delimiter) return end;
    pos = text.indexOf("\n", start);
  }
  return text.length;
}

// src/languages/ini.ts
function iniAssignments(text) {
  const found = [];
  let section = [];
  for (const line of splitLines(text)) {
    const start = skipSpaces(text, line.start, line.end);
    const first = text.charAt(start);
    if (start === line.end || first === "#" || first === ";") continue;
    if (first === "[") {
      const close = text.slice(start, line.end).indexOf("]");
      if (close !== -1) section = [text.slice(start + 1, start + close).trim()];
      continue;
    }
    const delimiter = delimiterAt(text, start, line.end);
    if (delimiter === -1) continue;
    const key = text.slice(start, trimEndOffset(text, start, delimiter));
    if (key === "") continue;
    found.push(bind(key, [...section, key], valueAt(text, skipSpaces(text, delimiter + 1, line.end), line.end), "ini"));
  }
  return found;
}
function delimiterAt(text, start, end) {
  const line = text.slice(start, end);
  const equals = line.indexOf("=");
  const limit = equals === -1 ? line.length : equals;
  for (let i = line.indexOf(":"); i !== -1 && i < limit; i = line.indexOf(":", i + 1)) {
    const next = line.charAt(i + 1);
    if (i + 1 === line.length || next === " " || next === "	") return start + i;
  }
  return equals === -1 ? -1 : start + equals;
}
function valueAt(text, start, end) {
  const quote = text.charAt(start);
  if (quote === '"' || quote === "'") {
    const close = findClosingQuote(text, start, end, false);
    if (close !== -1 && trimEndOffset(text, close + 1, commentStart(text, close + 1, end)) === close + 1) {
      const value2 = text.slice(start + 1, close);
      return { value: value2, valueStart: start + 1, valueEnd: close, quoted: true, templated: hasReference(value2) };
    }
  }
  const valueEnd = trimEndOffset(text, start, commentStart(text, start, end));
  const value = text.slice(start, valueEnd);
  return { value, valueStart: start, valueEnd, quoted: false, templated: hasReference(value) };
}
function commentStart(text, start, end) {
  for (let i = start + 1; i < end; i += 1) {
    const c = text.charAt(i);
    const before = text.charAt(i - 1);
    if ((c === ";" || c === "#") && (before === " " || before === "	")) return i;
  }
  return end;
}

// src/languages/typescript.ts
var estree = null;
var keys = null;
var loading = null;
function loadTypeScript() {
  loading ??= Promise.all([import("./chunk-A6665I3O.js"), import("./chunk-F2LER4UT.js")]).then(
    ([parser2, visitor]) => {
      estree = commonJs(parser2, "parse");
      keys = commonJs(visitor, "visitorKeys").visitorKeys;
    },
    (error) => {
      loading = null;
      throw error;
    }
  );
  return loading;
}
function commonJs(namespace, member) {
  if (typeof namespace[member] !== "undefined") return namespace;
  const fallback = namespace.default;
  if (fallback && typeof fallback[member] !== "undefined") return fallback;
  throw new Error(`the TypeScript parser module has no ${String(member)}`);
}
var JSX_EXTENSION = /\.(?:tsx|jsx|js|mjs|cjs)$/i;
function parseTypeScript(text, path) {
  if (!estree) throw new Error("parseTypeScript() needs the parser: await loadTypeScript() first");
  try {
    const ast = estree.parse(text, {
      range: true,
      loc: true,
      jsx: JSX_EXTENSION.test(path),
      filePath: path,
      comment: false,
      tokens: false,
      errorOnUnknownASTType: false,
      loggerFn: false,
      suppressDeprecatedPropertyWarnings: true
    });
    return { ast, error: null };
  } catch (error) {
    return { ast: null, error: describe(error) };
  }
}
function describe(error) {
  if (error && typeof error === "object" && "lineNumber" in error && "message" in error) {
    return `line ${String(error.lineNumber)}: ${String(error.message)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
function walk(node, visit) {
  if (!keys) throw new Error("walk() needs the visitor keys: await loadTypeScript() first");
  const visitorKeys = keys;
  const stack = [{ node, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (!entry || visit(entry.node, entry.parent) === false) continue;
    const children = [];
    for (const key of visitorKeys[entry.node.type] ?? []) {
      const child = entry.node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, parent: entry.node });
    }
  }
}
function isNode(value) {
  return typeof value === "object" && value !== null && typeof value.type === "string";
}

// src/languages/javascript-assignments.ts
var MAX_ENCLOSING = 32;
function javascriptAssignments(ast) {
  const found = [];
  const parents = /* @__PURE__ */ new Map();
  walk(ast, (node, parent) => {
    parents.set(node, parent);
    const binding = bindingOf(node, parents);
    if (binding) found.push(binding);
  });
  return found;
}
function bindingOf(node, parents) {
  switch (node.type) {
    case "VariableDeclarator":
      return node.id.type === "Identifier" ? make([node.id.name], node.init) : null;
    case "AssignmentExpression": {
      if (node.operator !== "=") return null;
      let right = node.right;
      while (right.type === "AssignmentExpression" && right.operator === "=") right = right.right;
      return make(memberPath(node.left), right);
    }
    case "AssignmentPattern":
      return node.left.type === "Identifier" ? make([node.left.name], node.right) : null;
    case "Property": {
      if (parents.get(node)?.type !== "ObjectExpression") return null;
      const key = propertyKey(node.key, node.computed);
      return key === null ? null : make([...enclosingKeys(node, parents), key], node.value);
    }
    case "PropertyDefinition":
    case "AccessorProperty": {
      const key = propertyKey(node.key, node.computed);
      return key === null ? null : make([key], node.value);
    }
    case "JSXAttribute": {
      const value = node.value?.type === "JSXExpressionContainer" ? node.value.expression : node.value;
      return node.name.type === "JSXIdentifier" ? make([node.name.name], value) : null;
    }
    case "TSEnumMember": {
      const key = propertyKey(node.id, false);
      return key === null ? null : make([key], node.initializer);
    }
    case "LogicalExpression": {
      const name = node.operator === "&&" ? null : environmentName(node.left);
      return name === null ? null : make(["process", "env", name], node.right);
    }
    default:
      return null;
  }
}
function make(path, valueNode) {
  const key = path?.[path.length - 1];
  const literal = valueNode ? literalOf(fallbackOf(valueNode)) : null;
  return path && key !== void 0 && literal ? bind(key, path, literal, "javascript") : null;
}
function fallbackOf(node) {
  let inner = node;
  while (inner.type === "LogicalExpression" && inner.operator !== "&&") inner = inner.right;
  return inner;
}
function environmentName(node) {
  let inner = node;
  while (inner.type === "TSNonNullExpression" || inner.type === "TSAsExpression") inner = inner.expression;
  if (inner.type !== "MemberExpression") return null;
  const path = memberPath(inner);
  if (!path || path.at(-2) !== "env") return null;
  return path.length === 2 || path.length === 3 && path[0] === "process" ? path.at(-1) ?? null : null;
}
function literalOf(node) {
  let inner = node;
  while (inner.type === "TSAsExpression" || inner.type === "TSSatisfiesExpression" || inner.type === "TSNonNullExpression" || inner.type === "TSTypeAssertion") {
    inner = inner.expression;
  }
  let literal = null;
  if (inner.type === "Literal" && typeof inner.value === "string") {
    literal = { value: inner.value, valueStart: inner.range[0] + 1, valueEnd: inner.range[1] - 1, quoted: true };
  } else if (inner.type === "TemplateLiteral" && inner.expressions.length === 0) {
    const quasi = inner.quasis[0];
    const value = quasi?.value.cooked ?? quasi?.value.raw ?? "";
    literal = { value, valueStart: inner.range[0] + 1, valueEnd: inner.range[1] - 1, quoted: true };
  }
  if (literal && hasReference(literal.value)) literal.templated = true;
  return literal;
}
function memberPath(target) {
  const path = [];
  for (let node = target; ; ) {
    if (node.type === "Identifier") return [node.name, ...path];
    if (node.type === "ThisExpression") return ["this", ...path];
    if (node.type !== "MemberExpression") return path.length > 0 ? path : null;
    const key = propertyKey(node.property, node.computed);
    if (key === null) return null;
    path.unshift(key);
    node = node.object;
  }
}
function propertyKey(key, computed) {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}
function enclosingKeys(property, parents) {
  const keys2 = [];
  let object = parents.get(property) ?? null;
  let levels = 0;
  for (let owner = object ? parents.get(object) : null; owner && levels < MAX_ENCLOSING; owner = object ? parents.get(object) : null, levels += 1) {
    if (owner.type === "Property" && owner.value === object) {
      const key = propertyKey(owner.key, owner.computed);
      if (key === null) break;
      keys2.unshift(key);
      object = parents.get(owner) ?? null;
      continue;
    }
    if (owner.type === "VariableDeclarator" && owner.id.type === "Identifier") keys2.unshift(owner.id.name);
    if (owner.type === "AssignmentExpression") keys2.unshift(...memberPath(owner.left) ?? []);
    break;
  }
  return keys2;
}

// src/languages/yaml.ts
var import_yaml = __toESM(require_dist(), 1);
function parseYaml(text) {
  const templates = text.includes("{{") ? findTemplates(text) : [];
  return parseMasked(templates.length > 0 ? maskTemplates(text, templates) : text, templates);
}
function parseMasked(source, templates) {
  const tooDeep = nestingBeyond(source, MAX_NESTING);
  if (tooDeep !== -1) {
    const message = `nested more than ${MAX_NESTING} levels deep; not parsed`;
    return { documents: [], errors: [{ message, line: lineLocator(source)(tooDeep) }], templates };
  }
  try {
    const documents = (0, import_yaml.parseAllDocuments)(source, { prettyErrors: false, uniqueKeys: false, strict: false });
    const lineAt = lineLocator(source);
    const errors = documents.flatMap(
      (doc) => doc.errors.map((error) => ({ message: error.message, line: lineAt(error.pos[0]) }))
    );
    return { documents: [...documents], errors, templates };
  } catch (error) {
    return { documents: [], errors: [{ message: error instanceof Error ? error.message : String(error), line: 1 }], templates };
  }
}
var MAX_NESTING = 500;
function nestingBeyond(text, limit) {
  const indents = [];
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (text.charCodeAt(j) === 32) j += 1;
    const first = text.charAt(j);
    if (j < text.length && first !== "\n" && first !== "\r" && first !== "#") {
      const indent = j - i;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] ?? 0) < indent) indents.push(indent);
      let compact = 0;
      while ((text.charAt(j) === "-" || text.charAt(j) === "?") && text.charAt(j + 1) === " ") {
        compact += 1;
        j += 2;
        while (text.charCodeAt(j) === 32) j += 1;
      }
      if (indents.length + compact + flow > limit) return i;
    }
    for (; j < text.length && text.charCodeAt(j) !== 10; j += 1) {
      const c = text.charCodeAt(j);
      if (c === 91 || c === 123) {
        flow += 1;
        if (indents.length + flow > limit) return j;
      } else if ((c === 93 || c === 125) && flow > 0) {
        flow -= 1;
      }
    }
    i = j + 1;
  }
  return -1;
}
function findTemplates(text) {
  const spans = [];
  for (let open = text.indexOf("{{"); open !== -1; ) {
    const close = text.indexOf("}}", open + 2);
    if (close === -1) break;
    spans.push({ start: open, end: close + 2 });
    open = text.indexOf("{{", close + 2);
  }
  return spans;
}
function maskTemplates(text, templates) {
  const blanked = fill(text, templates, () => " ");
  const standalone = standaloneLines(blanked, text, templates);
  return fill(text, templates, (span) => standalone.has(span) ? " " : "_");
}
function fill(text, templates, filler) {
  const pieces = [];
  let at2 = 0;
  for (const span of templates) {
    pieces.push(text.slice(at2, span.start));
    const pad = filler(span);
    pieces.push(text.slice(span.start, span.end).replace(/[^\r\n]/g, pad));
    at2 = span.end;
  }
  pieces.push(text.slice(at2));
  return pieces.join("");
}
function standaloneLines(blanked, text, templates) {
  const standalone = /* @__PURE__ */ new Set();
  const lines = splitLines(blanked);
  const blank = /* @__PURE__ */ new Map();
  let l = 0;
  for (const span of templates) {
    while (l < lines.length - 1 && (lines[l]?.next ?? 0) <= span.start) l += 1;
    const line = lines[l];
    if (line && !blank.has(l)) blank.set(l, blanked.slice(line.start, line.end).trim() === "");
    const multiline = text.slice(span.start, span.end).includes("\n");
    if (multiline || blank.get(l)) standalone.add(span);
  }
  return standalone;
}

// src/languages/json.ts
function parseJson(text) {
  return parseMasked(text.includes("/") ? blankComments(text) : text, []);
}
function blankComments(text) {
  const pieces = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      i = stringEnd(text, i);
    } else if (c === "/" && (text.charAt(i + 1) === "/" || text.charAt(i + 1) === "*")) {
      const block = text.charAt(i + 1) === "*";
      const close = block ? text.indexOf("*/", i + 2) : text.indexOf("\n", i);
      const end = close === -1 ? text.length : block ? close + 2 : close;
      pieces.push(text.slice(copied, i), text.slice(i, end).replace(/[^\r\n]/g, " "));
      copied = end;
      i = end;
    } else {
      i += 1;
    }
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}
function stringEnd(text, open) {
  for (let i = open + 1; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === "\\") i += 1;
    else if (c === '"' || c === "\n") return i + 1;
  }
  return text.length;
}

// src/languages/markdown.ts
var FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
function markdownAssignments(text, readBlock) {
  const found = [];
  const lines = splitLines(text);
  let proseStart = lines[0]?.start ?? 0;
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l];
    const fence = line ? FENCE.exec(text.slice(line.start, line.end)) : null;
    if (!line || !fence?.[1]) continue;
    found.push(...proseAssignments(text, proseStart, line.start));
    const close = closingFence(text, lines, l + 1, fence[1]);
    const blockStart = line.next;
    const blockEnd = close === -1 ? text.length : lines[close]?.start ?? text.length;
    const language = (fence[2] ?? "").replace(/^\{?\.?/, "").replace(/\}$/, "").toLowerCase();
    found.push(...shiftAssignments(readBlock(language, text.slice(blockStart, blockEnd)), blockStart));
    l = close === -1 ? lines.length : close;
    proseStart = close === -1 ? text.length : lines[close]?.next ?? text.length;
  }
  found.push(...proseAssignments(text, proseStart, text.length));
  return found;
}
function proseAssignments(text, start, end) {
  if (end <= start) return [];
  return parseKeyValueLines(text, start, end).map((entry) => bind(entry.key, [entry.key], entry, "text"));
}
function closingFence(text, lines, from, fence) {
  const char = fence.charAt(0);
  for (let l = from; l < lines.length; l += 1) {
    const line = lines[l];
    if (!line) continue;
    const content = text.slice(line.start, line.end).trim();
    if (content.length >= fence.length && content.startsWith(fence) && [...content].every((c) => c === char)) return l;
  }
  return -1;
}

// src/languages/properties.ts
function propertiesAssignments(text) {
  const found = [];
  const lines = splitLines(text);
  for (let l = 0; l < lines.length; l += 1) {
    const line = lines[l];
    if (!line) continue;
    const start = skipWhitespace(text, line.start, line.end);
    const first = text.charAt(start);
    if (start === line.end || first === "#" || first === "!") continue;
    let last = l;
    while (last + 1 < lines.length && continues(text, lines[last])) last += 1;
    const logicalEnd = lines[last]?.end ?? line.end;
    l = last;
    let keyEnd = start;
    while (keyEnd < logicalEnd && !isKeyTerminator(text.charAt(keyEnd))) keyEnd += text.charAt(keyEnd) === "\\" ? 2 : 1;
    keyEnd = Math.min(keyEnd, logicalEnd);
    let valueStart = skipWhitespace(text, keyEnd, logicalEnd);
    if (text.charAt(valueStart) === "=" || text.charAt(valueStart) === ":") {
      valueStart = skipWhitespace(text, valueStart + 1, logicalEnd);
    }
    const key = unescape(text.slice(start, keyEnd));
    const value = unescape(text.slice(valueStart, logicalEnd));
    const templated = hasReference(value);
    found.push(bind(key, [key], { value, valueStart, valueEnd: logicalEnd, quoted: false, templated }, "properties"));
  }
  return found;
}
function isKeyTerminator(c) {
  return c === "=" || c === ":" || c === " " || c === "	" || c === "\f";
}
function skipWhitespace(text, start, end) {
  let i = start;
  while (i < end && (text.charAt(i) === " " || text.charAt(i) === "	" || text.charAt(i) === "\f")) i += 1;
  return i;
}
function continues(text, line) {
  if (!line) return false;
  let count = 0;
  for (let i = line.end - 1; i >= line.start && text.charAt(i) === "\\"; i -= 1) count += 1;
  return count % 2 === 1;
}
var ESCAPES = { t: "	", n: "\n", r: "\r", f: "\f" };
function unescape(raw) {
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\\r?\n[ \t\f]*/g, "").replace(
    /\\(u[0-9a-fA-F]{4}|[\s\S])/g,
    (_, c) => c.length === 5 ? String.fromCharCode(Number.parseInt(c.slice(1), 16)) : ESCAPES[c] ?? c
  );
}

// src/core/vocabulary.ts
var SECRET_WORDS = [
  "password",
  "passwd",
  "passphrase",
  "pwd",
  "pass",
  "pw",
  "secret",
  "secrets",
  "token",
  "apikey",
  "credential",
  "credentials",
  "creds",
  "privatekey",
  "secretkey",
  "accesskey",
  "authtoken",
  "bearer",
  "dsn",
  "connectionstring",
  "connstr",
  "sasl",
  "jaas",
  "webhook",
  "pat"
];
var AMBIGUOUS_SECRET_WORDS = ["pass", "pw", "pwd", "token", "pat", "bearer", "dsn", "sasl", "creds", "webhook"];
var FLAG_WORDS = [
  "is",
  "has",
  "have",
  "use",
  "uses",
  "with",
  "without",
  "no",
  "allow",
  "require",
  "requires",
  "enable",
  "disable",
  "skip",
  "include",
  "omit",
  "should",
  "show",
  "hide",
  "needs",
  "can"
];
var SECRET_SUFFIX_WORDS = [
  "prod",
  "production",
  "dev",
  "development",
  "stage",
  "staging",
  "test",
  "qa",
  "uat",
  "ci",
  "local",
  "live",
  "sandbox",
  "old",
  "new",
  "prev",
  "previous",
  "next",
  "current",
  "primary",
  "secondary",
  "backup",
  "default",
  "value",
  "raw",
  "plain",
  "plaintext",
  "encoded",
  "base64",
  "b64"
];
var KEY_QUALIFIERS = [
  "api",
  "access",
  "secret",
  "private",
  "signing",
  "encryption",
  "master",
  "client",
  "app",
  "service",
  "account",
  "auth",
  "session",
  "storage",
  "shared",
  "hmac",
  "jwt",
  "license",
  "subscription",
  "admin",
  "root",
  "write",
  "read",
  "ingest",
  "deploy"
];
var NOT_A_VALUE_WORDS = [
  "length",
  "len",
  "min",
  "max",
  "minlength",
  "maxlength",
  "size",
  "count",
  "field",
  "fields",
  "header",
  "headers",
  "name",
  "names",
  "label",
  "placeholder",
  "prompt",
  "hint",
  "regex",
  "pattern",
  "format",
  "type",
  "kind",
  "file",
  "filename",
  "path",
  "dir",
  "directory",
  "location",
  "mount",
  "volume",
  "env",
  "var",
  "variable",
  "ref",
  "keyref",
  "secretref",
  "id",
  "ids",
  "arn",
  "url",
  "uri",
  "endpoint",
  "host",
  "port",
  "policy",
  "policies",
  "rotation",
  "ttl",
  "expiry",
  "expires",
  "expiration",
  "lifetime",
  "age",
  "hash",
  "hashed",
  "sha",
  "sha1",
  "sha256",
  "sha512",
  "md5",
  "digest",
  "bcrypt",
  "argon2",
  "hex",
  "enabled",
  "enable",
  "disabled",
  "required",
  "optional",
  "mode",
  "provider",
  "version",
  "strength",
  "reset",
  "forgot",
  "change",
  "changed",
  "confirm",
  "confirmation",
  "validator",
  "validation",
  "generator",
  "command",
  "cmd",
  "source",
  "template",
  "key",
  "keys",
  "list",
  "prefix",
  "suffix",
  "index",
  "column",
  "table",
  "schema",
  "class",
  "handler",
  "method",
  "callback",
  "store",
  "manager",
  "service",
  "client",
  "exchange",
  "request",
  "response",
  "lookup",
  "retrieval",
  "auth",
  "authentication",
  "fingerprint",
  "public",
  "pub",
  "cert",
  "certificate",
  "rule",
  "rules",
  "grant",
  "scope",
  "scopes",
  "audience",
  "issuer",
  "algorithm",
  "alg"
];
var secretWords = new Set(SECRET_WORDS);
var keyQualifiers = new Set(KEY_QUALIFIERS);
var notAValueWords = new Set(NOT_A_VALUE_WORDS);
var wordsByName = /* @__PURE__ */ new Map();
var MAX_REMEMBERED_NAMES = 5e4;
function nameWords(name) {
  let words = wordsByName.get(name);
  if (!words) {
    words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    if (name.length <= 200) {
      if (wordsByName.size >= MAX_REMEMBERED_NAMES) wordsByName.clear();
      wordsByName.set(name, words);
    }
  }
  return [...words];
}
function isSecretLikeKey(name) {
  if (FILE_NAME.test(name)) return false;
  if (/^[A-Z]\w*(?:::[A-Z]\w*)+$/.test(name)) return false;
  const words = nameWords(name.replace(/^-+/, ""));
  if (words.length === 0) return false;
  if (words.length > 1 && flagWords.has(words[0])) return false;
  if (words.length > 1 && words[0] === "existing") return false;
  if (words.length === 1 && /^(?:require|master|admin|root|db|user)?pass(?:word)?$|^masterauth$/.test(words[0])) return true;
  let onlySuffixesAfter = true;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    const previous = i > 0 ? words[i - 1] : "";
    const isSecret2 = secretWords.has(word) || secretWords.has(previous + word) || word === "key" && keyQualifiers.has(previous) || isGluedSecret(word);
    if (isSecret2) return onlySuffixesAfter || !isAmbiguous(word);
    if (notAValueWords.has(word)) return false;
    if (!suffixWords.has(word) && !/^v?[0-9]+$/.test(word)) onlySuffixesAfter = false;
  }
  return false;
}
var FILE_NAME = /^[\w.@/-]*\.(?:ya?ml|json|toml|ini|cfg|conf|txt|md|[cm]?js|[cm]?ts|tsx|jsx|py|sh|xml|properties|lock|html?|env|tf|tfvars)$/i;
var ambiguousWords = new Set(AMBIGUOUS_SECRET_WORDS);
var flagWords = new Set(FLAG_WORDS);
var suffixWords = new Set(SECRET_SUFFIX_WORDS);
function isAmbiguous(word) {
  return ambiguousWords.has(word) || /token$/.test(word) && !/(?:auth|access|refresh|api|bot|bearer)token$/.test(word);
}
function isGluedSecret(word) {
  return /(?:password|passwd|passphrase|secret|token|apikey|privatekey|accesskey|secretkey|credentials?)$/.test(word) && !/^(?:no|is|has|use|with)/.test(word);
}
var NAME_LIST_WORDS = [
  "missing",
  "required",
  "unset",
  "absent",
  "empty",
  "invalid",
  "expected",
  "needed",
  "undefined",
  "blank",
  "optional",
  "mandatory",
  "unknown"
];
var CREDENTIAL_URL_WORDS = [
  "database",
  "db",
  "redis",
  "postgres",
  "postgresql",
  "pg",
  "mysql",
  "mariadb",
  "mongo",
  "mongodb",
  "amqp",
  "rabbitmq",
  "rabbit",
  "broker",
  "celery",
  "clickhouse",
  "sqlalchemy",
  "nats",
  "elasticsearch",
  "opensearch",
  "mssql",
  "oracle"
];
var URL_WORDS = ["url", "uri", "dsn", "conn", "connection", "connstring"];
var SECRET_HEADER_NAMES = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "x-auth-token",
  "x-access-token",
  "x-csrf-token",
  "x-amz-security-token"
];
var LOGGER_WORDS = ["log", "logger", "logging", "structlog", "loguru", "syslog", "slog", "journal"];
var PYTHON_LOG_METHODS = [
  "debug",
  "info",
  "warning",
  "warn",
  "error",
  "exception",
  "critical",
  "fatal",
  "log",
  "msg",
  "trace",
  "success",
  "bind",
  "new",
  "opt"
];
var PYTHON_LOGGER_FACTORIES = ["getLogger", "get_logger", "getChild", "wrap_logger", "bind", "new", "opt", "patch"];
var PYTHON_PRINT_FUNCTIONS = ["print", "pprint", "pp"];
var PYTHON_STREAM_SINKS = [
  "sys.stdout.write",
  "sys.stderr.write",
  "sys.stdout.writelines",
  "sys.stderr.writelines",
  "warnings.warn",
  "click.echo",
  "typer.echo"
];
var LOGGER_CONTROL_METHODS = [
  "on",
  "once",
  "off",
  "flush",
  "isLevelEnabled",
  "setLevel",
  "add",
  "remove",
  "configure",
  "close",
  "end",
  "clear",
  "removeAllListeners",
  "setMaxListeners",
  "enable",
  "disable",
  "enabled"
];
var JS_LOGGER_FACTORIES = ["pino", "createLogger", "child", "debug", "createDebug", "getLogger", "bunyan", "log4js"];
var JS_STREAM_SINKS = ["process.stdout.write", "process.stderr.write"];
var SANITIZER_WORDS = [
  "mask",
  "masked",
  "redact",
  "redacted",
  "obfuscate",
  "obfuscated",
  "sanitize",
  "sanitized",
  "sanitise",
  "scrub",
  "scrubbed",
  "censor",
  "censored",
  "anonymize",
  "anonymise",
  "hash",
  "hashed",
  "hashlib",
  "hmac",
  "sha",
  "sha1",
  "sha256",
  "sha512",
  "md5",
  "digest",
  "hexdigest",
  "fingerprint",
  "bcrypt",
  "argon2",
  "scrypt",
  "pbkdf2",
  "blake2b",
  "len",
  "length",
  "bool",
  "boolean",
  "isinstance",
  "callable",
  "hasattr",
  "type",
  "typeof",
  "id",
  "count",
  "truncate",
  "elide",
  "preview",
  "hint",
  "safe",
  "last4",
  "compare",
  "verify",
  "check",
  "is",
  "has"
];
var PROPAGATING_FUNCTIONS = [
  "str",
  "repr",
  "format",
  "bytes",
  "bytearray",
  "dumps",
  "dump",
  "b64encode",
  "urlsafe_b64encode",
  "b32encode",
  "b16encode",
  "encodebytes",
  "standard_b64encode",
  "quote",
  "quote_plus",
  "urlencode",
  "urlunparse",
  "urlunsplit",
  "urljoin",
  "dict",
  "list",
  "tuple",
  "set",
  "frozenset",
  "sorted",
  "reversed",
  "vars",
  "pformat",
  "join",
  "String",
  "stringify",
  "encodeURIComponent",
  "encodeURI",
  "escape",
  "btoa",
  "from",
  "inspect",
  "assign",
  "entries",
  "values",
  "fromEntries",
  "structuredClone",
  "concat",
  "URL",
  "URLSearchParams",
  "Error",
  "template",
  "render",
  "ChainMap",
  "copy",
  "deepcopy",
  "urlparse",
  "urlsplit",
  "make_url"
];
var CLEAN_METHODS = [
  "startswith",
  "endswith",
  "startsWith",
  "endsWith",
  "includes",
  "indexOf",
  "lastIndexOf",
  "find",
  "rfind",
  "index",
  "rindex",
  "count",
  "isdigit",
  "isalnum",
  "isalpha",
  "isascii",
  "isupper",
  "islower",
  "isspace",
  "isnumeric",
  "test",
  "has",
  "localeCompare",
  "keys",
  "__len__",
  "__bool__",
  "bit_length",
  "search",
  "fullmatch"
];
var DESCRIBING_WORDS = [
  "length",
  "size",
  "count",
  "id",
  "ids",
  "kid",
  "name",
  "type",
  "kind",
  "host",
  "hostname",
  "port",
  "scheme",
  "protocol",
  "username",
  "user",
  "login",
  "database",
  "db",
  "path",
  "pathname",
  "expires",
  "expiry",
  "expiration",
  "exp",
  "in",
  "at",
  "issuer",
  "iss",
  "audience",
  "aud",
  "scope",
  "scopes",
  "algorithm",
  "alg",
  "version",
  "created",
  "updated",
  "status",
  "fingerprint",
  "hash",
  "digest",
  "prefix",
  "last4",
  "region",
  "account",
  "arn",
  "ttl",
  "valid",
  "enabled",
  "provider",
  "source",
  "origin",
  "label",
  "description"
];
var PYTHON_ENV_GETTERS = ["os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault", "environ.setdefault"];
var PYTHON_ENV_MAPPINGS = ["os.environ", "environ"];
var JS_ENV_OBJECTS = ["process.env"];
var PYTHON_APP_FACTORIES = ["FastAPI", "Flask", "Starlette", "Quart", "Sanic", "Litestar", "Celery", "web.Application", "Application"];
var PYTHON_SERVER_RUNS = ["uvicorn.run", "hypercorn.run", "web.run_app", "waitress.serve", "serve", "app.run", "run_app"];
var JS_APP_FACTORIES = ["express", "fastify", "Fastify", "Koa", "Hono", "createServer", "NestFactory.create", "polka", "restify.createServer", "Hapi.server"];
var PYTHON_EXIT_CALLS = ["sys.exit", "exit", "quit", "os._exit", "os.abort", "SystemExit"];
var JS_EXIT_CALLS = ["process.exit", "process.abort"];
var JS_ASSERT_CALLS = ["assert", "assert.ok", "assert.strict", "invariant", "strictAssert"];
var PYTHON_STARTUP_HOOKS = ["on_event", "before_serving", "add_event_handler", "on_startup", "lifespan", "startup"];
var PYTHON_FACTORY_FUNCTIONS = ["create_app", "make_app"];
var ENV_SCHEMA_METHODS = ["parse", "parseAsync", "safeParse", "safeParseAsync", "validate", "validateSync", "validateAsync", "attempt", "assert"];
var ENV_SCHEMA_FUNCTIONS = ["cleanEnv", "createEnv", "envsafe", "bennyEnv"];
var ENVALID_VALIDATORS = ["str", "num", "bool", "url", "host", "port", "email", "json"];
var PYTHON_SETTINGS_BASES = ["BaseSettings", "pydantic_settings.BaseSettings", "pydantic.BaseSettings"];
var PYTHON_MASKED_TYPES = ["SecretStr", "SecretBytes", "Secret"];
var TEST_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|e2e|fixtures|examples?|docs|node_modules|\.venv|venv|site-packages|dist|build)\/|(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/;
var PUBLIC_ENV_PREFIXES = ["NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_", "STORYBOOK_"];

// src/languages/python-assignments.ts
var MAX_ENCLOSING2 = 32;
var BINDINGS = ["assignment", "keyword_argument", "pair", "default_parameter", "typed_default_parameter", "call"];
var ENV_GETTERS = new Set(PYTHON_ENV_GETTERS);
function pythonAssignments(parsed, text) {
  const root = parsed.tree?.rootNode;
  if (!root) return codeLineAssignments(text, PYTHON_STYLE);
  const found = [];
  for (const node of root.descendantsOfType(BINDINGS)) {
    if (node) found.push(...bindingsOf(node, text));
  }
  if (parsed.hasError) found.push(...recovered(root, text, found));
  return found;
}
function bindingsOf(node, text) {
  switch (node.type) {
    case "assignment": {
      const left = node.childForFieldName("left");
      let right = node.childForFieldName("right");
      while (right?.type === "assignment") right = right.childForFieldName("right");
      if (!left || !right) return [];
      if ((left.type === "pattern_list" || left.type === "tuple_pattern") && (right.type === "expression_list" || right.type === "tuple")) {
        const targets = left.namedChildren;
        const values = right.namedChildren;
        return targets.flatMap((target, i) => {
          const value = values[i];
          return target && value && targets.length === values.length ? bindTarget(target, value, text) : [];
        });
      }
      return bindTarget(left, right, text);
    }
    case "call":
      return environmentDefault(node, text);
    case "pair": {
      const key = literalOf2(node.childForFieldName("key"), text);
      const value = literalOf2(node.childForFieldName("value"), text);
      return key && value ? [bind(key.value, [...enclosingKeys2(node, text), key.value], value, "python")] : [];
    }
    default: {
      const name = node.childForFieldName("name");
      const value = literalOf2(fallbackOf2(node.childForFieldName("value")), text);
      return name?.type === "identifier" && value ? [bind(name.text, [name.text], value, "python")] : [];
    }
  }
}
function bindTarget(target, valueNode, text) {
  const value = literalOf2(fallbackOf2(valueNode), text);
  const path = targetPath(target, text);
  const key = path?.[path.length - 1];
  return value && path && key !== void 0 ? [bind(key, path, value, "python")] : [];
}
function fallbackOf2(node) {
  let inner = node;
  while (inner?.type === "boolean_operator" && inner.childForFieldName("operator")?.type === "or") inner = inner.childForFieldName("right");
  return inner;
}
function environmentDefault(call, text) {
  const callee = call.childForFieldName("function");
  if (!callee || !ENV_GETTERS.has(callee.text.replace(/\s+/g, ""))) return [];
  const args = call.childForFieldName("arguments")?.namedChildren.filter((n) => n !== null) ?? [];
  const name = literalOf2(args[0] ?? null, text);
  const keyword = args.find((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "default");
  const fallback = keyword ? keyword.childForFieldName("value") : args[1]?.type === "keyword_argument" ? null : args[1] ?? null;
  const value = literalOf2(fallbackOf2(fallback), text);
  return name && value ? [bind(name.value, [callee.text, name.value], value, "python")] : [];
}
function targetPath(target, text) {
  const path = [];
  for (let node = target; node; ) {
    if (node.type === "identifier") {
      path.unshift(node.text);
      break;
    }
    if (node.type === "attribute") {
      const attribute3 = node.childForFieldName("attribute");
      if (!attribute3) return null;
      path.unshift(attribute3.text);
      node = node.childForFieldName("object");
    } else if (node.type === "subscript") {
      const key = literalOf2(node.childForFieldName("subscript"), text);
      if (!key) return null;
      path.unshift(key.value);
      node = node.childForFieldName("value");
    } else {
      if (path.length === 0) return null;
      break;
    }
  }
  return path;
}
function enclosingKeys2(pair, text) {
  const keys2 = [];
  let levels = 0;
  for (let node = pair.parent?.parent ?? null; node && levels < MAX_ENCLOSING2; node = node.parent?.parent ?? null, levels += 1) {
    if (node.type === "pair") {
      const key = literalOf2(node.childForFieldName("key"), text);
      if (!key) break;
      keys2.unshift(key.value);
      continue;
    }
    if (node.type === "assignment") keys2.unshift(...targetPath(node.childForFieldName("left") ?? node, text) ?? []);
    if (node.type === "keyword_argument") keys2.unshift(node.childForFieldName("name")?.text ?? "");
    break;
  }
  return keys2.filter((k) => k !== "");
}
function literalOf2(outer, text) {
  let node = outer;
  while (node?.type === "parenthesized_expression" && node.namedChildCount === 1) node = node.namedChild(0);
  if (!node) return null;
  if (node.type === "concatenated_string") {
    const parts = node.namedChildren.map((child) => literalOf2(child, text));
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last || parts.some((p) => p === null)) return null;
    const value2 = parts.map((p) => p?.value ?? "").join("");
    return withReference({ value: value2, valueStart: first.valueStart, valueEnd: last.valueEnd, quoted: true });
  }
  if (node.type !== "string") return null;
  const children = node.children;
  if (children.some((child) => child?.type === "interpolation")) return null;
  const start = children.find((child) => child?.type === "string_start");
  const end = children.find((child) => child?.type === "string_end" && !child.isMissing);
  if (!start) return null;
  const prefix = start.text.replace(/["']/g, "").toLowerCase();
  const valueStart = start.endIndex;
  const valueEnd = end?.startIndex ?? node.endIndex;
  const raw = text.slice(valueStart, valueEnd);
  let value = prefix.includes("r") ? raw : unescapeBackslashes(raw);
  if (prefix.includes("f")) value = value.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
  return withReference({ value, valueStart, valueEnd, quoted: true });
}
function withReference(literal) {
  if (hasReference(literal.value)) literal.templated = true;
  return literal;
}
function recovered(root, text, found) {
  const known2 = new Set(found.map((a) => a.valueStart));
  const regions = root.descendantsOfType("ERROR").filter((n) => n !== null).map((n) => ({ start: text.lastIndexOf("\n", n.startIndex - 1) + 1, end: lineEndAt(text, n.endIndex) })).sort((a, b) => a.start - b.start);
  const extra = [];
  let covered = -1;
  for (const region of regions) {
    const start = Math.max(region.start, covered);
    if (region.end <= start) continue;
    for (const a of codeLineAssignments(text, PYTHON_STYLE, start, region.end)) {
      if (!known2.has(a.valueStart)) extra.push(a);
    }
    covered = region.end;
  }
  return extra;
}

// src/languages/toml.ts
var BARE_KEY = /[A-Za-z0-9_-]+/y;
var MAX_INLINE_DEPTH = 8;
function tomlAssignments(text) {
  const reader = {
    text,
    found: [],
    closing: { '"""': createIndexFinder(text, '"""'), "'''": createIndexFinder(text, "'''") }
  };
  let table = [];
  let pos = contentStart(text);
  while (pos < text.length) {
    const lineEnd = lineEndAt(text, pos);
    let resume = lineEnd;
    const i = skipSpaces(text, pos, lineEnd);
    if (text.charAt(i) === "[") {
      const header = readKey(text, i + (text.charAt(i + 1) === "[" ? 2 : 1), lineEnd);
      if (header) table = header.parts;
    } else {
      const key = readKey(text, i, lineEnd);
      const equals = key ? skipSpaces(text, key.end, lineEnd) : -1;
      if (key && text.charAt(equals) === "=") {
        const end = readValue(reader, skipSpaces(text, equals + 1, lineEnd), lineEnd, [...table, ...key.parts], 0);
        if (end !== null) resume = Math.max(lineEnd, end);
      }
    }
    const newline = text.indexOf("\n", resume);
    pos = newline === -1 ? text.length : newline + 1;
  }
  return reader.found;
}
function readKey(text, start, limit) {
  const parts = [];
  let i = start;
  for (; ; ) {
    i = skipSpaces(text, i, limit);
    const c = text.charAt(i);
    if (c === '"' || c === "'") {
      const close = findClosingQuote(text, i, limit, c === '"');
      if (close === -1) return null;
      const raw = text.slice(i + 1, close);
      parts.push(c === '"' ? unescapeBackslashes(raw) : raw);
      i = close + 1;
    } else {
      BARE_KEY.lastIndex = i;
      if (!BARE_KEY.test(text)) return null;
      parts.push(text.slice(i, BARE_KEY.lastIndex));
      i = BARE_KEY.lastIndex;
    }
    const after2 = skipSpaces(text, i, limit);
    if (text.charAt(after2) !== ".") return { parts, end: i };
    i = after2 + 1;
  }
}
function readValue(reader, at2, lineEnd, keyPath, depth) {
  const { text, found } = reader;
  const key = keyPath[keyPath.length - 1] ?? "";
  const emit = (valueStart, valueEnd, value) => {
    found.push(bind(key, keyPath, { value, valueStart, valueEnd, quoted: true, templated: hasReference(value) }, "toml"));
  };
  const delimiter = text.slice(at2, at2 + 3);
  const findClosing = reader.closing[delimiter];
  if (findClosing) {
    const close = findClosing(at2 + 3);
    if (close === -1) return null;
    let start = at2 + 3;
    if (text.startsWith("\r\n", start)) start += 2;
    else if (text.charAt(start) === "\n") start += 1;
    const raw = text.slice(start, close).replace(/\r\n/g, "\n");
    emit(start, close, delimiter === "'''" ? raw : unescapeBackslashes(raw.replace(/\\[ \t]*\n\s*/g, "")));
    return close + 3;
  }
  const c = text.charAt(at2);
  if (c === '"' || c === "'") {
    const close = findClosingQuote(text, at2, lineEnd, c === '"');
    if (close === -1) return null;
    const raw = text.slice(at2 + 1, close);
    emit(at2 + 1, close, c === '"' ? unescapeBackslashes(raw) : raw);
    return close + 1;
  }
  if (c === "{" && depth < MAX_INLINE_DEPTH) return readInlineTable(reader, at2 + 1, lineEnd, keyPath, depth + 1);
  return null;
}
function readInlineTable(reader, start, lineEnd, keyPath, depth) {
  const { text } = reader;
  let i = start;
  while (i < lineEnd) {
    i = skipSpaces(text, i, lineEnd);
    const c = text.charAt(i);
    if (c === "}") return i + 1;
    if (c === ",") {
      i += 1;
      continue;
    }
    const key = readKey(text, i, lineEnd);
    const equals = key ? skipSpaces(text, key.end, lineEnd) : -1;
    if (!key || text.charAt(equals) !== "=") return lineEnd;
    const valueAt2 = skipSpaces(text, equals + 1, lineEnd);
    i = readValue(reader, valueAt2, lineEnd, [...keyPath, ...key.parts], depth) ?? skipScalar(text, valueAt2, lineEnd);
  }
  return lineEnd;
}
function skipScalar(text, start, lineEnd) {
  let depth = 0;
  for (let i = start; i < lineEnd; i += 1) {
    const c = text.charAt(i);
    if (c === '"' || c === "'") {
      const close = findClosingQuote(text, i, lineEnd, c === '"');
      if (close === -1) return lineEnd;
      i = close;
    } else if (c === "[") depth += 1;
    else if (c === "]") depth -= 1;
    else if ((c === "," || c === "}") && depth <= 0) return i;
  }
  return lineEnd;
}

// src/languages/xml.ts
var NAME3 = /[^\s=/>"'<!?]+/y;
var ATTRIBUTE_NAME = /[^\s=/>"']+/y;
var UNQUOTED_ATTRIBUTE = /[^\s>]+/y;
var KEY_ATTRIBUTES = /* @__PURE__ */ new Set(["key", "name"]);
var MAX_DEPTH = 128;
var MAX_CLOSE_SEARCH = 16;
function xmlAssignments(text) {
  const found = [];
  const stack = [];
  const path = () => stack.map((e) => e.name);
  let pos = 0;
  for (let lt = text.indexOf("<", pos); lt !== -1; lt = text.indexOf("<", pos)) {
    if (text.startsWith("<!--", lt)) {
      pos = after(text, "-->", lt + 4);
    } else if (text.startsWith("<![CDATA[", lt)) {
      pos = after(text, "]]>", lt + 9);
    } else if (text.startsWith("<?", lt)) {
      pos = after(text, "?>", lt + 2);
    } else if (text.startsWith("<!", lt)) {
      pos = after(text, ">", lt + 2);
    } else if (text.charAt(lt + 1) === "/") {
      NAME3.lastIndex = lt + 2;
      const name = NAME3.test(text) ? text.slice(lt + 2, NAME3.lastIndex) : "";
      pos = after(text, ">", lt + 2);
      const depth = openElement(stack, name);
      const element = stack[depth];
      if (depth === -1 || !element) continue;
      stack.length = depth;
      const literal = element.hasChildren ? null : textContent(text, element.contentStart, lt);
      if (literal) {
        const keyPath = [...path(), element.name, ...element.key === null ? [] : [element.key]];
        found.push(bind(element.key ?? element.name, keyPath, literal, "xml"));
      }
    } else {
      NAME3.lastIndex = lt + 1;
      if (!NAME3.test(text)) {
        pos = lt + 1;
        continue;
      }
      const name = text.slice(lt + 1, NAME3.lastIndex);
      const tag = readAttributes(text, NAME3.lastIndex);
      pos = tag.end;
      const parent = stack[stack.length - 1];
      if (parent) parent.hasChildren = true;
      const keyAttribute = tag.attributes.find((a) => KEY_ATTRIBUTES.has(a.name.toLowerCase()));
      const valueAttribute = tag.attributes.find((a) => a.name.toLowerCase() === "value");
      const elementPath = [...path(), name];
      for (const attribute3 of tag.attributes) {
        if (keyAttribute && (attribute3 === keyAttribute || attribute3 === valueAttribute)) continue;
        found.push(bind(attribute3.name, [...elementPath, attribute3.name], attribute3.literal, "xml"));
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
function openElement(stack, name) {
  for (let i = stack.length - 1; i >= 0 && i >= stack.length - MAX_CLOSE_SEARCH; i -= 1) {
    if (stack[i]?.name === name) return i;
  }
  return -1;
}
function after(text, close, from) {
  const at2 = text.indexOf(close, from);
  return at2 === -1 ? text.length : at2 + close.length;
}
function readAttributes(text, start) {
  const attributes = [];
  let i = start;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ">") return { attributes, end: i + 1, selfClosing: text.charAt(i - 1) === "/" };
    if (c === "<") return { attributes, end: i, selfClosing: true };
    ATTRIBUTE_NAME.lastIndex = i;
    if (!ATTRIBUTE_NAME.test(text)) {
      i += 1;
      continue;
    }
    const name = text.slice(i, ATTRIBUTE_NAME.lastIndex);
    i = skipWhitespace2(text, ATTRIBUTE_NAME.lastIndex);
    if (text.charAt(i) !== "=") continue;
    i = skipWhitespace2(text, i + 1);
    const quote = text.charAt(i);
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close === -1) return { attributes, end: text.length, selfClosing: true };
      attributes.push({ name, literal: decoded(text, i + 1, close, true) });
      i = close + 1;
    } else {
      UNQUOTED_ATTRIBUTE.lastIndex = i;
      if (!UNQUOTED_ATTRIBUTE.test(text)) continue;
      const end = text.charAt(UNQUOTED_ATTRIBUTE.lastIndex - 1) === "/" ? UNQUOTED_ATTRIBUTE.lastIndex - 1 : UNQUOTED_ATTRIBUTE.lastIndex;
      attributes.push({ name, literal: decoded(text, i, end, false) });
      i = end;
    }
  }
  return { attributes, end: text.length, selfClosing: true };
}
function textContent(text, start, end) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s += 1;
  while (e > s && /\s/.test(text.charAt(e - 1))) e -= 1;
  if (s === e) return null;
  if (text.startsWith("<![CDATA[", s) && text.endsWith("]]>", e) && text.indexOf("]]>", s) === e - 3) {
    const value = text.slice(s + 9, e - 3);
    return { value, valueStart: s + 9, valueEnd: e - 3, quoted: false, templated: hasReference(value) };
  }
  if (text.slice(s, e).includes("<")) return null;
  return decoded(text, s, e, false);
}
function decoded(text, start, end, quoted) {
  const value = decodeEntities(text.slice(start, end));
  return { value, valueStart: start, valueEnd: end, quoted, templated: hasReference(value) };
}
var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeEntities(raw) {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name) => {
    if (!name.startsWith("#")) return ENTITIES[name] ?? whole;
    const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 1114111 ? String.fromCodePoint(code) : whole;
  });
}
function skipWhitespace2(text, start) {
  let i = start;
  while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
  return i;
}

// src/languages/yaml-assignments.ts
var import_yaml3 = __toESM(require_dist(), 1);
var COMMAND_KEYS = /* @__PURE__ */ new Set(["command", "args", "entrypoint"]);
var SCRIPT_KEYS = /* @__PURE__ */ new Set(["run", "script", "before_script", "after_script"]);
var ENV_LIST_KEYS = /* @__PURE__ */ new Set(["environment", "env", "args", "build_args"]);
var ENV_ITEM = /^([A-Za-z_][A-Za-z0-9_.-]*)=/;
var NAME_FIELDS = /* @__PURE__ */ new Set(["name", "key"]);
var VALUE_FIELDS = /* @__PURE__ */ new Set(["value"]);
function yamlAssignments(parsed, text, options) {
  const found = [];
  for (const doc of parsed.documents) {
    new DocumentWalker(doc, text, parsed.templates, options, found).visit(doc.contents, []);
  }
  return found;
}
var DocumentWalker = class {
  constructor(doc, text, templates, options, found) {
    this.doc = doc;
    this.text = text;
    this.templates = templates;
    this.options = options;
    this.found = found;
  }
  doc;
  text;
  templates;
  options;
  found;
  visit(node, path) {
    if ((0, import_yaml3.isMap)(node)) {
      for (const pair of node.items) this.visitPair(pair, path);
    } else if ((0, import_yaml3.isSeq)(node)) {
      for (const item of node.items) {
        if ((0, import_yaml3.isMap)(item) && this.visitEnvVar(item, path)) continue;
        this.visit(item, path);
      }
    }
  }
  visitPair(pair, path) {
    const key = this.keyText(pair.key);
    if (key === null || key === "<<") return;
    const keyPath = [...path, key];
    const name = key.toLowerCase();
    const value = pair.value;
    if ((0, import_yaml3.isSeq)(value)) {
      this.visitSequence(name, value, keyPath);
      this.visit(value, keyPath);
      return;
    }
    if ((0, import_yaml3.isMap)(value)) {
      this.visit(value, keyPath);
      return;
    }
    const literal = this.literalOf(value);
    if (!literal) return;
    if (COMMAND_KEYS.has(name) || SCRIPT_KEYS.has(name)) {
      this.found.push(...shellAssignments(this.text, literal.valueStart, literal.valueEnd));
      return;
    }
    const embedded = (0, import_yaml3.isScalar)(value) && value.type === "BLOCK_LITERAL" ? this.embeddedFile(key, value) : null;
    if (embedded) this.found.push(...embedded);
    else this.found.push(bind(key, keyPath, literal, this.options.source));
  }
  visitSequence(name, seq, keyPath) {
    const literals = seq.items.map((item) => this.literalOf(item));
    const items = literals.filter((l) => l !== null);
    if (ENV_LIST_KEYS.has(name)) {
      for (const literal of items) {
        const match = ENV_ITEM.exec(literal.value);
        if (match?.[1]) {
          this.found.push(bind(match[1], [...keyPath, match[1]], literalWord(literal).tail(match[0].length), this.options.source));
        }
      }
    }
    if (COMMAND_KEYS.has(name)) {
      this.found.push(...argumentListAssignments(this.text, items));
    } else if (SCRIPT_KEYS.has(name)) {
      for (const literal of items) this.found.push(...shellAssignments(this.text, literal.valueStart, literal.valueEnd));
    }
  }
  /** env: [{name: DB_PASSWORD, value: x}] reads as DB_PASSWORD → x; other fields are visited as usual. */
  visitEnvVar(item, path) {
    const field = (names) => item.items.find((p) => (0, import_yaml3.isScalar)(p.key) && names.has(String(p.key.value).toLowerCase()));
    const namePair = field(NAME_FIELDS);
    const valuePair = field(VALUE_FIELDS);
    const envName = namePair && (0, import_yaml3.isScalar)(namePair.value) ? this.keyText(namePair.value) : null;
    if (!namePair || !valuePair || envName === null || (0, import_yaml3.isMap)(valuePair.value) || (0, import_yaml3.isSeq)(valuePair.value)) return false;
    const literal = this.literalOf(valuePair.value);
    if (literal) this.found.push(bind(envName, [...path, envName], literal, this.options.source));
    for (const pair of item.items) {
      if (pair !== namePair && pair !== valuePair) this.visitPair(pair, path);
    }
    return true;
  }
  embeddedFile(key, scalar) {
    const range = scalar.range;
    const newline = range ? this.text.indexOf("\n", range[0]) : -1;
    if (!range || !this.options.embedded || newline === -1 || newline >= range[1]) return null;
    const found = this.options.embedded(key, this.text.slice(newline + 1, range[1]));
    return found ? shiftAssignments(found, newline + 1) : null;
  }
  keyText(node) {
    if (!(0, import_yaml3.isScalar)(node) || node.value === null || node.value === void 0) return null;
    const range = node.range;
    if (range && overlapsAny(this.templates, range[0], range[1])) return this.text.slice(range[0], range[1]);
    return String(node.value);
  }
  /** The scalar (or the scalar an alias names) as a literal; null, booleans and collections are none. */
  literalOf(node) {
    const target = (0, import_yaml3.isAlias)(node) ? node.resolve(this.doc) : node;
    if (!(0, import_yaml3.isScalar)(target) || !target.range) return null;
    const value = target.value;
    if (value === null || value === void 0 || typeof value === "boolean") return null;
    const [start, end] = scalarContent(this.text, target);
    const quoted = target.type === "QUOTE_DOUBLE" || target.type === "QUOTE_SINGLE";
    if (overlapsAny(this.templates, target.range[0], target.range[1])) {
      return { value: this.text.slice(start, end), valueStart: start, valueEnd: end, quoted, templated: true };
    }
    const text = typeof value === "string" ? value : this.text.slice(start, end);
    const literal = { value: text, valueStart: start, valueEnd: end, quoted };
    const customTag = typeof target.tag === "string" && target.tag.startsWith("!");
    if (customTag || hasReference(text)) literal.templated = true;
    return literal;
  }
};
function scalarContent(text, scalar) {
  const [start, end] = scalar.range ?? [0, 0];
  switch (scalar.type) {
    case "QUOTE_DOUBLE":
    case "QUOTE_SINGLE":
      return [start + 1, Math.max(start + 1, end - 1)];
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED": {
      const newline = text.indexOf("\n", start);
      if (newline === -1 || newline >= end) return [end, end];
      let first = newline + 1;
      while (first < end && /\s/.test(text.charAt(first))) first += 1;
      return [first, Math.max(first, trimEndOffset(text, first, end))];
    }
    default:
      return [start, end];
  }
}
function overlapsAny(spans, start, end) {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = low + high >> 1;
    if ((spans[mid]?.end ?? 0) <= start) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  return span !== void 0 && span.start < end;
}

// src/languages/assignments.ts
function extractAssignments(file, parsed = {}) {
  return ordered(byKind(file.kind, file.text, parsed));
}
function byKind(kind, text, parsed) {
  switch (kind) {
    case "dotenv":
      return (parsed.dotenv ?? parseDotenv(text)).map((entry) => bind(entry.key, [entry.key], entry, "dotenv"));
    case "shell":
      return shellAssignments(text);
    case "yaml":
      return yamlAssignments(parsed.yaml ?? parseYaml(text), text, { source: "yaml", embedded: embeddedFile });
    case "json": {
      const json = parsed.json ?? parseJson(text);
      if (json.documents.length === 0) return codeLineAssignments(text, TEXT_STYLE);
      return yamlAssignments(json, text, { source: "json" });
    }
    case "toml":
      return tomlAssignments(text);
    case "ini":
      return iniAssignments(text);
    case "properties":
      return propertiesAssignments(text);
    case "xml":
      return xmlAssignments(text);
    case "dockerfile":
      return dockerfileAssignments(text);
    case "hcl":
      return hclAssignments(text);
    case "python":
      return parsed.python ? pythonAssignments(parsed.python, text) : codeLineAssignments(text, PYTHON_STYLE);
    case "javascript":
      return parsed.typescript?.ast ? javascriptAssignments(parsed.typescript.ast) : codeLineAssignments(text, JAVASCRIPT_STYLE);
    case "markdown":
      return markdownAssignments(text, (language, block) => byKind(kindOfFence(language), block, {}));
    case "text":
      return textAssignments(text);
    case "gitignore":
      return [];
  }
}
function textAssignments(text) {
  return [
    ...codeLineAssignments(text, TEXT_STYLE),
    ...parseKeyValueLines(text, 0, text.length).filter((entry) => entry.quoted || !/[;,]$/.test(entry.value)).map((entry) => bind(entry.key, [entry.key], entry, "text")),
    ...quotedWordLines(text),
    ...environmentDefaults(text)
  ];
}
var ENV_DEFAULT_CALL = /\b(?:env|getenv|getEnv|get_env|fetch|envOr)[ \t]*\([ \t]*(["'])([A-Za-z_][\w.-]{0,127})\1[ \t]*,[ \t]*(["'])([^"'\n\\]{0,1000})\3/g;
function environmentDefaults(text) {
  const found = [];
  for (const match of text.matchAll(ENV_DEFAULT_CALL)) {
    const name = match[2];
    const value = match[4];
    const valueStart = match.index + match[0].length - value.length - 1;
    found.push(bind(name, [name], { value, valueStart, valueEnd: valueStart + value.length, quoted: true }, "text"));
  }
  return found;
}
var QUOTED_WORD_LINE = /^[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]+"([^"\n]{0,1000})"[ \t]*\r?$/gm;
function quotedWordLines(text) {
  const found = [];
  for (const match of text.matchAll(QUOTED_WORD_LINE)) {
    const value = match[2];
    const valueStart = match.index + match[0].lastIndexOf(`"${value}"`) + 1;
    found.push(bind(match[1], [match[1]], { value, valueStart, valueEnd: valueStart + value.length, quoted: true }, "text"));
  }
  return found;
}
function embeddedFile(name, text) {
  const kind = kindOfEmbeddedName(name);
  return kind ? byKind(kind, text, {}) : null;
}
function ordered(assignments) {
  const seen = /* @__PURE__ */ new Set();
  return assignments.sort((a, b) => a.valueStart - b.valueStart || a.valueEnd - b.valueEnd).filter((a) => {
    const identity = `${a.valueStart}:${a.valueEnd}:${a.key}`;
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

// src/languages/python.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// src/languages/python-tree.ts
var SyntaxNode = class {
  constructor(source, id, type, isNamed, startIndex, endIndex) {
    this.source = source;
    this.id = id;
    this.type = type;
    this.isNamed = isNamed;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
  }
  source;
  id;
  type;
  isNamed;
  startIndex;
  endIndex;
  children = [];
  /** This node's field in its parent (`left`, `function`, …), if any. */
  fieldName = null;
  parent = null;
  named = null;
  /** A token the parser inserted to recover from an error (set by the copy, asked only of zero-width leaves). */
  isMissing = false;
  get text() {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }
  get namedChildren() {
    this.named ??= this.children.filter((c) => c.isNamed);
    return this.named;
  }
  get namedChildCount() {
    return this.namedChildren.length;
  }
  namedChild(index) {
    return this.namedChildren[index] ?? null;
  }
  get firstNamedChild() {
    return this.namedChildren[0] ?? null;
  }
  childForFieldName(field) {
    for (const child of this.children) if (child.fieldName === field) return child;
    return null;
  }
  childrenForFieldName(field) {
    return this.children.filter((c) => c.fieldName === field);
  }
  /** Zero-based row and column (UTF-16) of the node's start. */
  get startPosition() {
    return this.source.positionAt(this.startIndex);
  }
  /** Descendants of these types, the node itself included, in source order. */
  descendantsOfType(types) {
    const wanted = typeof types === "string" ? [types] : types;
    const found = [];
    const stack = [this];
    while (stack.length > 0) {
      const node = stack.pop();
      if (wanted.includes(node.type)) found.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
    return found;
  }
};
var PythonTree = class {
  constructor(text, tree) {
    this.text = text;
    this.hasError = tree.rootNode.hasError;
    const cursor = tree.walk();
    try {
      this.rootNode = this.copy(cursor, kindsOf(tree));
    } finally {
      cursor.delete();
    }
  }
  text;
  rootNode;
  /** An ERROR or MISSING node anywhere: the parser recovered from a syntax error. */
  hasError;
  lineOf = null;
  positionAt(index) {
    this.lineOf ??= lineLocator(this.text);
    return { row: this.lineOf(index) - 1, column: index - (index > 0 ? this.text.lastIndexOf("\n", index - 1) + 1 : 0) };
  }
  // Depth first with the cursor, iteratively: deep nesting must not overflow the stack.
  // Every cursor property is a call into wasm: ask for the few numbers and look names up here.
  copy(cursor, kinds) {
    let id = 0;
    const make2 = (parent) => {
      const typeId = cursor.nodeTypeId;
      const node = new SyntaxNode(this, id++, kinds.type(typeId), kinds.isNamed(typeId), cursor.startIndex, cursor.endIndex);
      if (parent) {
        node.fieldName = parent.type === "ERROR" ? null : kinds.field(cursor.currentFieldId);
        node.parent = parent;
        parent.children.push(node);
      }
      return node;
    };
    const root = make2(null);
    let current = root;
    for (; ; ) {
      if (cursor.gotoFirstChild()) {
        current = make2(current);
        continue;
      }
      if (current.startIndex === current.endIndex) current.isMissing = cursor.nodeIsMissing;
      for (; ; ) {
        if (current === root) return root;
        if (cursor.gotoNextSibling()) {
          current = make2(current.parent);
          break;
        }
        cursor.gotoParent();
        current = current.parent;
      }
    }
  }
};
var grammarKinds = /* @__PURE__ */ new WeakMap();
function kindsOf(tree) {
  const language = tree.language;
  let kinds = grammarKinds.get(language);
  if (!kinds) {
    const named = /* @__PURE__ */ new Map();
    kinds = {
      type: (id) => language.types[id] ?? "ERROR",
      isNamed: (id) => {
        let value = named.get(id);
        if (value === void 0) named.set(id, value = language.types[id] === void 0 || language.nodeTypeIsNamed(id));
        return value;
      },
      field: (id) => id > 0 ? language.fields[id] ?? null : null
    };
    grammarKinds.set(language, kinds);
  }
  return kinds;
}

// src/languages/python.ts
var GRAMMAR = "tree-sitter-python.wasm";
var loading2 = null;
var parser = null;
function loadPython(options = {}) {
  if (options.fewFiles && !loading2) setFlagsFromString("--liftoff-only");
  loading2 ??= createParser().catch((error) => {
    loading2 = null;
    throw error;
  });
  return loading2.then((ready) => {
    parser = ready;
  });
}
function parsePython(text) {
  if (!parser) throw new Error("parsePython() needs the grammar: await loadPython() first");
  const parsed = parser.parse(text);
  if (!parsed) return { tree: null, hasError: true, dispose() {
  } };
  try {
    const tree = new PythonTree(text, parsed);
    return { tree, hasError: tree.hasError, dispose() {
    } };
  } finally {
    parsed.delete();
  }
}
async function createParser() {
  const { Parser: ParserClass, Language } = await import("./chunk-MQ76JUQG.js");
  const runtime = besideModule("tree-sitter.wasm");
  await ParserClass.init(runtime ? { locateFile: () => runtime } : void 0);
  const language = await Language.load(grammarPath());
  const created = new ParserClass();
  created.setLanguage(language);
  return created;
}
function grammarPath() {
  return besideModule(GRAMMAR) ?? createRequire(import.meta.url).resolve(`tree-sitter-python/${GRAMMAR}`);
}
function besideModule(file) {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return existsSync(path) ? path : null;
}

// src/languages/views.ts
function yamlView(file) {
  return file.cached("yaml", () => {
    const parsed = file.kind === "json" ? parseJson(file.text) : parseYaml(file.text);
    const first = parsed.errors[0];
    if (first) file.notice(`${file.kind === "json" ? "JSON" : "YAML"} does not parse (line ${first.line}: ${first.message}); text rules still ran`);
    return parsed;
  });
}
function dotenvView(file) {
  return file.cached("dotenv", () => parseDotenv(file.text));
}
var MAX_PARSE_BYTES = 256e3;
function isMinified(text) {
  if (text.length < 2e4) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 5e3 || text.length / lines > 300;
}
function notParsed(file) {
  if (file.text.length > MAX_PARSE_BYTES) return "not parsed: larger than 250 KB of code (a bundle or generated file); text rules still ran";
  if (isMinified(file.text)) return "not parsed: minified or generated code; text rules still ran";
  return null;
}
var FEW_PYTHON_FILES = 200;
function preloadParsers(counts) {
  const python = counts.get("python") ?? 0;
  if (python > 0) loadPython({ fewFiles: python <= FEW_PYTHON_FILES }).catch(() => void 0);
}
async function pythonView(file) {
  const skip = notParsed(file);
  if (skip) {
    file.notice(skip);
    return { tree: null, hasError: true, dispose() {
    } };
  }
  await loadPython();
  return file.cached("python", () => {
    const parsed = parsePython(file.text);
    if (parsed.hasError) file.notice("Python has syntax errors; the parts that parse were read, text rules still ran");
    return parsed;
  });
}
async function typescriptView(file) {
  const skip = notParsed(file);
  if (skip) {
    file.notice(skip);
    return { ast: null, error: skip };
  }
  await loadTypeScript();
  return file.cached("typescript", () => {
    const parsed = parseTypeScript(file.text, file.path);
    if (parsed.error) file.notice(`does not parse (${parsed.error}); text rules still ran`);
    return parsed;
  });
}

// src/analysis/manifests/kubernetes.ts
var import_yaml7 = __toESM(require_dist(), 1);

// src/analysis/manifests/vocabulary.ts
var CONTAINER_LIST_KEYS = ["containers", "initContainers", "ephemeralContainers"];
var SECRET_STORE_KINDS = {
  SealedSecret: { group: /^bitnami\.com\//, label: "a SealedSecret (encrypted for the cluster's controller)", encrypted: true },
  ExternalSecret: { group: /^external-secrets\.io\//, label: "an ExternalSecret (synced from an external store)", encrypted: true },
  ClusterExternalSecret: { group: /^external-secrets\.io\//, label: "a ClusterExternalSecret (synced from an external store)", encrypted: true },
  VaultStaticSecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultStaticSecret (synced from Vault)", encrypted: true },
  VaultDynamicSecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultDynamicSecret (leased from Vault)", encrypted: true },
  VaultPKISecret: { group: /^secrets\.hashicorp\.com\//, label: "a VaultPKISecret (issued by Vault)", encrypted: true },
  HCPVaultSecretsApp: { group: /^secrets\.hashicorp\.com\//, label: "an HCPVaultSecretsApp (synced from HCP Vault Secrets)", encrypted: true },
  SecretProviderClass: { group: /^secrets-store\.csi\.x-k8s\.io\//, label: "a SecretProviderClass (mounted by the Secrets Store CSI driver)", encrypted: true }
};
var PUBLIC_DATA_KEYS = [
  "ca.crt",
  "tls.crt",
  "ca-bundle.crt",
  "ca.pem",
  "service-ca.crt",
  "cert.pem",
  "chain.pem",
  "fullchain.pem",
  "username",
  "user",
  "login",
  "host",
  "hostname",
  "port",
  "database",
  "dbname",
  "db",
  "namespace",
  "region",
  "issuer",
  "audience"
];
var PUBLIC_DATA_LAST_WORDS = ["user", "username", "login", "host", "hostname", "port", "database", "dbname", "db", "namespace", "region", "topic", "cluster", "email"];
var PUBLIC_MATERIAL = /-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL)-----|^ssh-(?:rsa|ed25519|dss) |^ecdsa-sha2-/;
var PRIVATE_MATERIAL = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
var SECRET_REFERENCE_KEY = /^(?:existing|use)[-_]?secret|secret[-_]?(?:name|ref|key[-_]?ref)$|^secretkeyref$/i;
var ENVIRONMENT_ALIASES = {
  dev: "development",
  develop: "development",
  development: "development",
  local: "local",
  test: "test",
  testing: "test",
  ci: "ci",
  qa: "qa",
  uat: "uat",
  int: "integration",
  integration: "integration",
  stg: "staging",
  stage: "staging",
  staging: "staging",
  preprod: "preprod",
  "pre-prod": "preprod",
  preproduction: "preprod",
  prod: "production",
  prd: "production",
  production: "production",
  live: "production",
  sandbox: "sandbox",
  demo: "demo",
  perf: "perf"
};
var ENVIRONMENT_PARENT_DIRS = ["environments", "envs", "overlays", "stages"];
var LOCAL_ENVIRONMENTS = ["development", "local", "test", "ci"];
var LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|[\w-]+\.localhost|host\.docker\.internal)$/i;
var CREDENTIAL_ENDPOINT_KEY_WORDS = [
  "vault",
  "token",
  "oauth",
  "oauth2",
  "oidc",
  "openid",
  "auth",
  "authn",
  "login",
  "jwks",
  "issuer",
  "keycloak",
  "sso",
  "sasl",
  "credential",
  "credentials",
  "password",
  "secret",
  "idp"
];
var CREDENTIAL_ENDPOINT_HOST_WORDS = ["vault", "keycloak", "auth", "sso", "login", "idp", "oauth", "oidc", "schemaregistry"];
var CREDENTIAL_ENDPOINT_PATH = /^\/(?:v1\/(?:auth|secret|sys|kv|database|pki|transit|identity|[\w-]+\/data)|oauth2?|token|auth|login|realms|protocol\/openid-connect|connect\/token|openid|subjects)(?:[/?#]|$)/i;
var UNAUTHENTICATED_PATH = /^\/(?:v1\/sys\/(?:health|seal-status|leader)|healthz?|readyz|livez|metrics)(?:[/?#]|$)/i;
var VAULT_PORT = "8200";
var CLEARTEXT_SCHEMES = { http: "https", redis: "rediss", amqp: "amqps", ldap: "ldaps", ftp: "ftps", mqtt: "mqtts" };
var CLIENT_CREDENTIAL_ARGUMENT = /(?:password|passwd|secret|token|api_?key|apikey|sasl|credentials?|private_key)\w*["']?\s*[:=]/i;
var COOKIE_CONTEXT = /cookie|session/i;
var TLS_SWITCH_KEYS = ["ssl", "tls", "secure", "use_ssl", "usessl", "use_tls", "ssl_enabled", "tls_enabled", "enable_tls", "enable_ssl"];
var AUTH_FAILURE_SIGNAL = /auth(?:entication|n|orization)?[\s_-]*(?:fail|error|denied|reject)|unauthori[sz]ed|unauthenticated|login[\s_-]*(?:fail|error|denied)|failed[\s_-]*(?:login|auth|sign[\s_-]*in)|invalid[\s_-]*(?:credential|token|password|api[\s_-]*key)|permission[\s_-]*denied|(?:code|status|status_code|response_code)\s*=~?\s*["']?[^"'\n]{0,60}\b40[13]\b|sasl[\s_-]*(?:auth|fail)|vault_core_handle_login_request|bad[\s_-]*(?:credential|password)/i;
var EMERGENCY_HEADING = /emergenc|break[\s_-]?glass|compromis|leak(?:ed|s)?\b|exposed (?:secret|credential|key|token)|incident|revoke all|panic/i;
var EMERGENCY_ACTION = /\brotat|\brevok|\bdisabl|\binvalidat|\bregenerat|\bre-?issue|\breset\b|\bvault\s+\w|\bkubectl\s+\w|\bseal\b|\bbreak[\s_-]?glass\b/i;
var VAULT_AUDIT_COMMAND = /\b(?:vault|bao)\s+audit\s+enable\b|\/v1\/sys\/audit\/[\w-]+/;
var READ_ONLY_POLICY_NAME = /(?:^|[-_.])(?:read|reads|readonly|read-only|ro|reader|viewer|view)(?:[-_.]|$)/i;
var WRITE_CAPABILITIES = ["create", "update", "delete", "patch", "sudo"];
var KV_V2_SEGMENTS = ["data", "metadata", "delete", "undelete", "destroy", "subkeys"];
var CERT_MANAGER_DEFAULT_DURATION_HOURS = 2160;

// src/analysis/manifests/yaml-nodes.ts
var import_yaml6 = __toESM(require_dist(), 1);
function parsedYaml(file) {
  return yamlView(file);
}
function resolve(doc, node) {
  return (0, import_yaml6.isAlias)(node) ? node.resolve(doc) : node;
}
function asMap(doc, node) {
  const target = resolve(doc, node);
  return (0, import_yaml6.isMap)(target) ? target : null;
}
function asSeq(doc, node) {
  const target = resolve(doc, node);
  return (0, import_yaml6.isSeq)(target) ? target : null;
}
function keyOf(pair) {
  const key = pair.key;
  if (!(0, import_yaml6.isScalar)(key) || key.value === null || key.value === void 0) return null;
  return String(key.value);
}
function pairOf(doc, map, key) {
  if (!map) return void 0;
  return map.items.find((pair) => keyOf(pair) === key && (pair.value === null || resolve(doc, pair.value) !== void 0));
}
function valueOf(doc, map, key) {
  const pair = pairOf(doc, map, key);
  return pair ? resolve(doc, pair.value) : void 0;
}
function at(doc, map, ...keys2) {
  let node = map;
  for (const key of keys2) {
    const current = asMap(doc, node);
    if (!current) return void 0;
    node = valueOf(doc, current, key);
  }
  return node;
}
function scalarText(doc, node) {
  const target = resolve(doc, node);
  if (!(0, import_yaml6.isScalar)(target) || target.value === null || target.value === void 0) return null;
  return String(target.value);
}
function scalarOf(doc, node) {
  const target = resolve(doc, node);
  return (0, import_yaml6.isScalar)(target) ? target : null;
}
function rangeOf(node) {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}
function contentRange(text, node) {
  const { start, end } = rangeOf(node);
  const scalar = (0, import_yaml6.isScalar)(node) ? node : null;
  if (!scalar) return { start, end };
  if (scalar.type === "QUOTE_DOUBLE" || scalar.type === "QUOTE_SINGLE") return { start: start + 1, end: Math.max(start + 1, end - 1) };
  if (scalar.type === "BLOCK_LITERAL" || scalar.type === "BLOCK_FOLDED") {
    const newline = text.indexOf("\n", start);
    if (newline === -1 || newline >= end) return { start: end, end };
    let first = newline + 1;
    while (first < end && /\s/.test(text.charAt(first))) first += 1;
    let last = end;
    while (last > first && /\s/.test(text.charAt(last - 1))) last -= 1;
    return { start: first, end: last };
  }
  return { start, end };
}
function isTemplated(text, node) {
  const { start, end } = rangeOf(node);
  if (end <= start) return false;
  const open = text.indexOf("{{", start);
  return open !== -1 && open < end;
}
function pairRange(pair) {
  const key = rangeOf(pair.key);
  const value = rangeOf(pair.value);
  return { start: key.start, end: Math.max(key.end, value.end) };
}
function walkPairs(node, visit, path = [], depth = 0) {
  if (depth > 64) return;
  if ((0, import_yaml6.isMap)(node)) {
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key === null || key === "<<") continue;
      const next = [...path, key];
      visit(pair, next);
      walkPairs(pair.value, visit, next, depth + 1);
    }
  } else if ((0, import_yaml6.isSeq)(node)) {
    for (const item of node.items) walkPairs(item, visit, path, depth + 1);
  }
}
function walkMaps(node, visit, path = [], depth = 0) {
  if (depth > 64) return;
  if ((0, import_yaml6.isMap)(node)) {
    visit(node, path);
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key !== null && key !== "<<") walkMaps(pair.value, visit, [...path, key], depth + 1);
    }
  } else if ((0, import_yaml6.isSeq)(node)) {
    for (const item of node.items) walkMaps(item, visit, path, depth + 1);
  }
}

// src/analysis/manifests/kubernetes.ts
var TEMPLATE_FILLER = /^_+$/;
function kubeObjects(file) {
  return file.cached("manifests:kube-objects", () => {
    const objects = [];
    for (const doc of parsedYaml(file).documents) collectObjects(doc, doc.contents, objects, 0);
    return objects;
  });
}
function collectObjects(doc, node, into, depth) {
  const map = asMap(doc, node);
  if (!map || depth > 2) return;
  const kindPair = pairOf(doc, map, "kind");
  const kind = kindPair ? scalarText(doc, kindPair.value) : null;
  if (!kindPair || !kind || TEMPLATE_FILLER.test(kind)) return;
  const apiVersionText = scalarText(doc, valueOf(doc, map, "apiVersion"));
  const apiVersion = apiVersionText && !TEMPLATE_FILLER.test(apiVersionText) ? apiVersionText : null;
  if (apiVersionText === null && !pairOf(doc, map, "apiVersion")) return;
  if (kind === "List" || kind.endsWith("List")) {
    for (const item of asSeq(doc, valueOf(doc, map, "items"))?.items ?? []) collectObjects(doc, item, into, depth + 1);
    return;
  }
  const nameText = scalarText(doc, at(doc, map, "metadata", "name"));
  into.push({
    doc,
    map,
    apiVersion,
    kind,
    name: nameText && !TEMPLATE_FILLER.test(nameText) ? nameText : null,
    kindOffset: rangeOf(kindPair.key).start
  });
}
function isCoreKind(object, kind) {
  return object.kind === kind && (object.apiVersion === null || object.apiVersion === "v1");
}
function containersIn(doc, node) {
  const found = [];
  walkPairs(node, (pair) => {
    const key = keyOf(pair);
    if (!key || !CONTAINER_LIST_KEYS.includes(key)) return;
    for (const item of asSeq(doc, pair.value)?.items ?? []) {
      const map = asMap(doc, item);
      if (!map) continue;
      found.push({ map, name: scalarText(doc, valueOf(doc, map, "name")) ?? "(unnamed)", offset: rangeOf(map).start });
    }
  });
  return found;
}
function envEntries(doc, container) {
  const entries = [];
  for (const item of asSeq(doc, valueOf(doc, container, "env"))?.items ?? []) {
    const map = asMap(doc, item);
    const name = map ? scalarText(doc, valueOf(doc, map, "name")) : null;
    if (!map || !name) continue;
    entries.push({
      name,
      valuePair: pairOf(doc, map, "value"),
      secretKeyRef: asMap(doc, at(doc, map, "valueFrom", "secretKeyRef")),
      offset: rangeOf(map).start
    });
  }
  return entries;
}
function envFromSecretRefs(doc, container) {
  const refs = [];
  for (const item of asSeq(doc, valueOf(doc, container, "envFrom"))?.items ?? []) {
    const ref = asMap(doc, valueOf(doc, asMap(doc, item), "secretRef"));
    if (ref) refs.push({ name: scalarText(doc, valueOf(doc, ref, "name")) ?? "(templated)", offset: rangeOf(item).start });
  }
  return refs;
}
function isComposeFileName(path) {
  return /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}
function composeServices(file) {
  return file.cached("manifests:compose-services", () => {
    const services = [];
    const byName = isComposeFileName(file.path);
    for (const doc of parsedYaml(file).documents) {
      const root = asMap(doc, doc.contents);
      if (!root || pairOf(doc, root, "apiVersion")) continue;
      const entries = asMap(doc, valueOf(doc, root, "services"));
      if (!entries) continue;
      const shaped = entries.items.length > 0 && entries.items.every((pair) => {
        const service = asMap(doc, pair.value);
        return service !== null && (pairOf(doc, service, "image") !== void 0 || pairOf(doc, service, "build") !== void 0);
      });
      if (!byName && !shaped) continue;
      for (const pair of entries.items) {
        const name = keyOf(pair);
        const map = asMap(doc, pair.value);
        if (name && map) services.push({ name, map, doc });
      }
    }
    return services;
  });
}
function isHelmValuesFileName(path) {
  return /^values(?:[.-][\w.-]+)?\.ya?ml$/i.test(basename(path));
}
function isKustomizationFileName(path) {
  return /^kustomization\.ya?ml$/i.test(basename(path));
}
function documentRoots(file) {
  const roots = [];
  for (const doc of parsedYaml(file).documents) {
    const map = asMap(doc, doc.contents);
    if (map) roots.push({ doc, map });
  }
  return roots;
}
function keyValueItems(doc, text, node) {
  const items = [];
  for (const item of asSeq(doc, node)?.items ?? []) {
    if (!(0, import_yaml7.isScalar)(item) || typeof item.value !== "string") continue;
    const match = /^([A-Za-z_][\w.-]*)=/.exec(item.value);
    if (!match?.[1]) continue;
    const { start, end } = rangeOf(item);
    const quoted = item.type === "QUOTE_DOUBLE" || item.type === "QUOTE_SINGLE";
    const contentStart2 = quoted ? start + 1 : start;
    const contentEnd = quoted ? end - 1 : end;
    const written = text.slice(contentStart2, contentEnd);
    const valueStart = written.startsWith(match[0]) ? contentStart2 + match[0].length : contentStart2;
    items.push({ key: match[1], value: item.value.slice(match[0].length), keyStart: contentStart2, valueStart, valueEnd: Math.max(valueStart, contentEnd) });
  }
  return items;
}

// src/analysis/manifests/secret-data.ts
function secretEntries(text, object) {
  const entries = [];
  for (const field of ["data", "stringData"]) {
    const map = asMap(object.doc, valueOf(object.doc, object.map, field));
    if (!map) continue;
    for (const pair of map.items) {
      const key = keyOf(pair);
      const scalar = scalarOf(object.doc, pair.value);
      if (!key || !scalar) continue;
      const { start, end } = contentRange(text, scalar);
      const written = scalar.value === null || scalar.value === void 0 ? "" : String(scalar.value);
      const templated = isTemplated(text, pair.value) || hasReference(written);
      const decoded2 = field === "data" && !templated ? decodeBase642(written) : { text: written, binary: false };
      entries.push({ field, key, pair, written, start, end, decoded: decoded2?.text ?? null, binary: decoded2?.binary ?? false, templated });
    }
  }
  return entries;
}
function decodeBase642(written) {
  const compact = written.replace(/\s+/g, "");
  if (compact.length === 0) return { text: "", binary: false };
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, "base64");
  const text = bytes.toString("utf8");
  const binary = !Buffer.from(text, "utf8").equals(bytes) || /[\u0000-\u0008\u000e-\u001f]/.test(text);
  return { text, binary };
}
function judgeSecretEntry(entry) {
  if (entry.templated) return "templated";
  if (entry.written.trim().startsWith("ENC[")) return "encrypted";
  if (entry.decoded === null) return "not-base64";
  const value = entry.decoded.trim();
  if (value.length === 0) return "empty";
  if (entry.binary) return isPublicDataKey(entry.key) || /\.(?:crt|cer|der|pub)$/i.test(entry.key) ? "public" : "secret";
  if (PRIVATE_MATERIAL.test(value)) return "secret";
  if (PUBLIC_MATERIAL.test(value) || /\.(?:crt|cer|pub)$/i.test(entry.key)) return "public";
  if (isPublicDataKey(entry.key)) return "public";
  if (isStandIn(value)) return "placeholder";
  return "secret";
}
function isStandIn(value) {
  if (hasReference(value)) return true;
  return isPlaceholderValue(value) && deleet(value) === null;
}
function isSopsDocument(doc) {
  const root = asMap(doc, doc.contents);
  const sops = asMap(doc, valueOf(doc, root, "sops"));
  return sops !== null && (valueOf(doc, sops, "mac") !== void 0 || valueOf(doc, sops, "lastmodified") !== void 0);
}
function isPublicDataKey(key) {
  if (PUBLIC_DATA_KEYS.includes(key.toLowerCase())) return true;
  const last = nameWords(key).at(-1);
  return last !== void 0 && PUBLIC_DATA_LAST_WORDS.includes(last);
}

// src/analysis/credential-files.ts
var CRYPT_HASH = /^(?:\$(?:1|2[abxy]?|5|6|apr1|y|7|gy|sha1|md5)\$[./A-Za-z0-9$,=+-]{8,200}|\{(?:SHA|SSHA|SMD5)\}[A-Za-z0-9+/=]{20,100}|[./A-Za-z0-9]{13})$/;
function eachLine(text, visit) {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    visit(text.slice(start, end).replace(/\r$/, ""), start);
    start = end + 1;
  }
}
var FORMATS = [
  {
    // /etc/shadow, .htpasswd, proftpd's ftpd.passwd: user:hash[:...]
    name: "password hash",
    matches: (path) => /^(?:shadow|gshadow|master\.passwd|\.?htpasswd|[\w.-]*passwd[\w.-]*)$/i.test(basename(path)),
    scan(text) {
      const found = [];
      eachLine(text, (line, start) => {
        if (line.startsWith("#")) return;
        const fields = line.split(":");
        const hash = fields[1] ?? "";
        if (fields.length >= 2 && CRYPT_HASH.test(hash)) {
          const offset = start + fields[0].length + 1;
          found.push({ format: "password hash", start: offset, end: offset + hash.length, secret: hash });
        }
      });
      return found;
    }
  },
  {
    // ~/.pgpass: hostname:port:database:username:password
    name: "PostgreSQL password file",
    matches: (path) => basename(path) === ".pgpass" || basename(path) === "pgpass.conf",
    scan(text) {
      const found = [];
      eachLine(text, (line, start) => {
        if (line.startsWith("#")) return;
        const match = /^(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(?:[^:\\]|\\.)*:(.+)$/.exec(line);
        if (match?.[1]) found.push({ format: "PostgreSQL password", start: start + line.length - match[1].length, end: start + line.length, secret: match[1] });
      });
      return found;
    }
  },
  {
    // ~/.netrc: machine host login user password secret (on one line or several)
    name: "netrc password",
    matches: (path) => /^[._]netrc$/.test(basename(path)),
    scan(text) {
      const found = [];
      for (const match of text.matchAll(/\bpassword[ \t]+(\S{1,500})/g)) {
        const secret = match[1];
        const start = match.index + match[0].length - secret.length;
        found.push({ format: "netrc password", start, end: start + secret.length, secret });
      }
      return found;
    }
  },
  {
    // Rails config/master.key and config/credentials/<env>.key: 32 hex characters.
    name: "Rails master key",
    matches: (path) => /(?:^|\/)config\/(?:master|credentials\/[\w-]+)\.key$/.test(path),
    scan(text) {
      const match = /^\s*([0-9a-f]{32})\s*$/.exec(text);
      if (!match) return [];
      const start = text.indexOf(match[1]);
      return [{ format: "Rails master key", start, end: start + 32, secret: match[1] }];
    }
  },
  {
    // ~/.git-credentials: https://user:password@host, one per line; the password may hold '@' and '#'.
    name: "git credential store",
    matches: (path) => basename(path) === ".git-credentials",
    scan(text) {
      const found = [];
      eachLine(text, (line, start) => {
        const scheme = line.indexOf("://");
        const at2 = line.lastIndexOf("@");
        const colon = scheme === -1 ? -1 : line.indexOf(":", scheme + 3);
        if (scheme === -1 || colon === -1 || at2 < colon) return;
        const secret = line.slice(colon + 1, at2);
        if (secret && !isPlaceholderValue(secret)) found.push({ format: "git credential", start: start + colon + 1, end: start + at2, secret });
      });
      return found;
    }
  },
  {
    // A browser profile's saved logins (Firefox logins.json): encrypted with a key that sits beside it.
    name: "saved browser logins",
    matches: (path) => basename(path) === "logins.json",
    scan(text) {
      const found = [];
      for (const match of text.matchAll(/"encrypted(?:Username|Password)"\s*:\s*"([A-Za-z0-9+/=]{16,4096})"/g)) {
        const secret = match[1];
        const start = match.index + match[0].length - secret.length - 1;
        found.push({ format: "saved browser login", start, end: start + secret.length, secret });
      }
      return found;
    }
  },
  {
    // INSERT INTO users (id, username, password) VALUES (1, 'ann', '$2y$12$…'), (…);  a dump of accounts.
    name: "SQL dump with passwords",
    matches: (path) => /\.sql$/i.test(path),
    scan: scanSqlInserts
  }
];
var INSERT_HEADER = /INSERT\s+INTO\s+[`"\[\]\w.]{1,200}\s*\(([^()]{1,4000})\)\s*VALUES\s*/gi;
function scanSqlInserts(text) {
  const found = [];
  for (const header of text.matchAll(INSERT_HEADER)) {
    const columns = header[1].split(",").map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ""));
    const secretColumns = columns.flatMap((c, i) => isSecretLikeKey(c) ? [i] : []);
    if (secretColumns.length === 0) continue;
    const end = text.indexOf(";\n", header.index + header[0].length);
    const body = text.slice(header.index + header[0].length, end === -1 ? text.length : end);
    const bodyStart = header.index + header[0].length;
    for (const tuple of body.matchAll(/\(([^()]*)\)/g)) {
      const values = splitSqlValues(tuple[1], bodyStart + tuple.index + 1);
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
function splitSqlValues(list2, offset) {
  const values = [];
  let i = 0;
  while (i < list2.length) {
    while (list2[i] === " " || list2[i] === "	" || list2[i] === "\n" || list2[i] === "\r") i++;
    if (list2[i] === "'") {
      let j = i + 1;
      while (j < list2.length && !(list2[j] === "'" && list2[j + 1] !== "'")) j += list2[j] === "'" ? 2 : list2[j] === "\\" ? 2 : 1;
      values.push({ text: list2.slice(i + 1, j), start: offset + i + 1, end: offset + j, quoted: true });
      i = list2.indexOf(",", j);
    } else {
      const comma = list2.indexOf(",", i);
      const stop = comma === -1 ? list2.length : comma;
      values.push({ text: list2.slice(i, stop).trim(), start: offset + i, end: offset + stop, quoted: false });
      i = comma;
    }
    if (i === -1) break;
    i++;
  }
  return values;
}
function scanCredentialFile(path, text) {
  const format = FORMATS.find((f) => f.matches(path));
  return format ? format.scan(text) : [];
}

// src/analysis/judge.ts
function judgeContext(path, kind = classify(path)) {
  const name = basename(path);
  const isTemplate = isEnvTemplateName(name) || /[.\-_](?:example|sample|template|tmpl|dist)(?:\.|$)/i.test(name);
  return { path, isDocumentation: kind === "markdown" || isTemplate };
}
var TEST_PATH2 = /(?:^|\/)(?:tests?|spec|specs|__tests__|__mocks__|fixtures?|testdata|mocks?|e2e)(?:\/|$)|(?:^|[._-])(?:test|spec)s?\.[a-z]+$|^test_|_test\.[a-z]+$/i;
var TEST_VALUE = /test|fake|dummy|mock|example|sample|stub|fixture/i;
var URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,256}:([^\s@/]{0,256})@/i;
var NOT_SECRET_SHAPES = [
  // `true;` and `128,` as a line reader takes them from code: `is_pass_through = true;`
  [/^(?:true|false|yes|no|on|off|null|none|nil|undefined|enabled|disabled)[;,]?$/i, "a boolean or null"],
  [/^-?[0-9]+(?:\.[0-9]+)?(?:[smhdwy]|ms|kb|mb|gb)?[;,]?$/i, "a number or duration"],
  // `11.7.1`, `^7.9.0`, `>=0.34.0 <1`: a dependency's version
  [/^(?:[~^v]|[<>]=?|=)?\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z.]+)?(?:\+[0-9A-Za-z.]+)?(?:\s+(?:[<>]=?\s*)?\d+(?:\.\d+)*)?$/, "a version"],
  [/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, "the name of another variable"],
  [/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)[^\s]*$/, "a file path"],
  // `dist/cli.js`, `certs/tls.key`: base64 has no dots, so a slash-separated name with an extension is a path
  [/^[\w@.-]+(?:\/[\w@.-]+)+\.[A-Za-z][A-Za-z0-9]{0,7}$/, "a file path"],
  [/^\$(?:2[abxy]?|argon2(?:id|i|d)|5|6|apr1|pbkdf2[-\w]*|scrypt)\$/, "a password hash"],
  [/^\{(?:SSHA|SHA|SSHA256|SSHA512|CRYPT|BCRYPT)\}/i, "a password hash"],
  [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a UUID"],
  [/^(?:sha(?:1|256|384|512)|md5)[-:]/i, "an integrity hash"],
  [/^data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*(?:;base64)?,/i, "a data URI (an image or file inlined)"],
  // `clickhouse://default@host:9000/db`: a user, but no password
  [/^[a-z][a-z0-9+.-]*:\/\/(?:[^\s:@/]+@)?[^\s:@/]+(?::[0-9]+)?(?:[/?#][^\s@]*)?$/i, "a URL without credentials"],
  [/^(?:arn|projects|vault|secretsmanager|ssm|akv|gcpsm|op|ref\+[a-z0-9]+|k8s|kubernetes):/i, "a reference to a secret store"],
  // GCP Secret Manager resource names: projects/p/secrets/s/versions/latest
  [/^projects\/[^/\s]+\/secrets\/[^/\s]+(?:\/versions\/[^/\s]+)?$/, "a reference to a secret store"]
];
var ENVIRONMENT_READ = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|Deno\.env|System\.getenv|ENV)\b/;
var CODE_SHAPE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:\(.*\)|\[.*\])?;?$/;
var CALL_SHAPE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()]*\);?$/;
var REGEX_SHAPE = /\(\?[:=!<]|\\[dwsbDWSB]|\[\^|\[[A-Za-z0-9]-[A-Za-z0-9]|[\])][*+?]|[\])]\{\d+(?:,\d*)?\}/;
function hasAlphabetRun(value) {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) - value.charCodeAt(i - 1) === 1 ? run + 1 : 1;
    if (run >= 10) return true;
  }
  return false;
}
var TRANSLATION_PATH = /(?:^|\/)(?:locales?|i18n|l10n|translations?)\/|\.(?:po|pot|xliff|xlf)$/i;
var EAST_ASIAN_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
var PROSE_WORD = /^[\p{L}\p{M}'’-]+[.,:;!?…]*$/u;
function isPasswordName(key) {
  return nameWords(key).some((w) => /^(?:password|passwd|passphrase|pwd|pass|pw|requirepass|masterauth)$|password$|passwd$/.test(w));
}
function isStrongPasswordName(key) {
  return nameWords(key).some((w) => /^(?:password|passwd|passphrase|requirepass|masterauth)$|password$|passwd$/.test(w));
}
function isProse(value) {
  if (EAST_ASIAN_TEXT.test(value)) return true;
  const words = value.split(/\s+/);
  return words.length >= 2 && words.every((word) => PROSE_WORD.test(word));
}
function isLabelOfKey(key, value) {
  if (value === value.toLowerCase() && !/\s/.test(value)) return false;
  const valueWords = value.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const keyWords = nameWords(key);
  return valueWords.length > 0 && valueWords.join(" ") === keyWords.slice(-valueWords.length).join(" ");
}
function isFormOfKeyWord(key, value) {
  const lower = value.toLowerCase();
  return nameWords(key).some((word) => word.length >= 3 && lower.startsWith(word) && /^(?:e?s|e?d|ing|ers?)$/.test(lower.slice(word.length)));
}
function isKeyOfStore(key, value) {
  return nameWords(key).at(-1) === "key" && /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/.test(value) && value.split(/[._-]/).some((w) => SECRET_NAME_WORDS.includes(w));
}
function isIdentifierWords(value) {
  const body = value.replace(/^[?@#:%]/, "");
  if (!/^[A-Za-z]{4,64}$/.test(body)) return false;
  const segments = body.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  if (segments.length < 2) return false;
  return segments.every((segment) => /^[A-Z]{2,5}$/.test(segment) || /^[A-Z]?[a-z]+$/.test(segment) && segment.length >= 2 && /[aeiouy]/i.test(segment));
}
function judgeAssignment(key, value, context, options = {}) {
  if (/^_?auth$/i.test(key)) {
    if (isBasicCredential(value)) return { kind: "secret", confidence: "high" };
    return isAuthCredential(value) ? judgeSecretValue(key, value, context, options) : { kind: "not-secret", why: "an auth mode, not a credential" };
  }
  if (!isSecretLikeKey(key)) return { kind: "not-secret", why: "the name does not hold a secret" };
  return judgeSecretValue(key, value, context, options);
}
function judgeSecretValue(key, value, context, options = {}) {
  const trimmed = value.trim();
  if (trimmed.length === 0) return { kind: "not-secret", why: "empty" };
  if (options.templated || hasReference(trimmed) || ENVIRONMENT_READ.test(trimmed)) return { kind: "not-secret", why: "a reference or template" };
  if (TRANSLATION_PATH.test(context.path)) return { kind: "not-secret", why: "text in a translation catalog" };
  const url = URL_WITH_CREDENTIALS.exec(trimmed);
  if (url) return judgeSecretValue("password", decodeURIComponentSafe(url[1]), context);
  if (TEST_PATH2.test(context.path) && (TEST_VALUE.test(trimmed) || isDefaultCredential(trimmed) || isGuessableName(trimmed))) {
    return { kind: "not-secret", why: "a test value in a test file" };
  }
  if (isProse(trimmed)) return { kind: "not-secret", why: "words for people, not a credential" };
  if (isLabelOfKey(key, trimmed)) return { kind: "not-secret", why: "the name as a label" };
  if (isFormOfKeyWord(key, trimmed)) return { kind: "not-secret", why: "a form of the name's own word" };
  if (isKeyOfStore(key, trimmed)) return { kind: "not-secret", why: "the name of a key in a secret store" };
  if (isDefaultCredential(trimmed)) {
    return context.isDocumentation ? { kind: "not-secret", why: "a default in documentation" } : { kind: "weak-default" };
  }
  if (isGuessableName(trimmed)) {
    return context.isDocumentation ? { kind: "not-secret", why: "a name as a placeholder in documentation" } : { kind: "weak-default" };
  }
  if (isPlaceholderValue(trimmed)) return { kind: "not-secret", why: "a placeholder" };
  const decoded2 = decodedText(trimmed);
  if (decoded2 !== null && isPlaceholderValue(decoded2)) return { kind: "not-secret", why: "base64 of a placeholder" };
  if (decoded2 !== null && isDefaultCredential(decoded2)) {
    return context.isDocumentation ? { kind: "not-secret", why: "base64 of a default in documentation" } : { kind: "weak-default" };
  }
  for (const [shape, why] of NOT_SECRET_SHAPES) if (shape.test(trimmed)) return { kind: "not-secret", why };
  if (!/[\s]/.test(trimmed) && CODE_SHAPE.test(trimmed) && /[.([]/.test(trimmed)) return { kind: "not-secret", why: "code, not a literal" };
  if (CALL_SHAPE.test(trimmed)) return { kind: "not-secret", why: "code, not a literal" };
  if (REGEX_SHAPE.test(trimmed)) return { kind: "not-secret", why: "a regular expression" };
  if (hasAlphabetRun(trimmed)) return { kind: "not-secret", why: "an alphabet or character set" };
  if (trimmed.split(/\s+/).length > 3) return { kind: "not-secret", why: "a sentence" };
  if (!isStrongPasswordName(key) && isIdentifierWords(trimmed)) return { kind: "not-secret", why: "an identifier, not a random key" };
  const entropy = shannonEntropy(trimmed);
  if (isPasswordName(key)) {
    if (trimmed.length < 4) return { kind: "not-secret", why: "too short to be a password" };
    if (context.isDocumentation && /^[a-z]{4,12}$/.test(trimmed)) return { kind: "not-secret", why: "a plain word in documentation" };
    return { kind: "secret", confidence: trimmed.length >= 12 && entropy >= 3 ? "high" : "medium" };
  }
  if (trimmed.length < 8) return { kind: "not-secret", why: "too short for a token or key" };
  if (entropy < 2.5) return { kind: "not-secret", why: "too little entropy for a token or key" };
  if (/^[a-z]+(?:[-_][a-z]+)*$/.test(trimmed) && trimmed.length < 24) return { kind: "not-secret", why: "a plain word" };
  return { kind: "secret", confidence: trimmed.length >= 20 && entropy >= 3.5 ? "high" : "medium" };
}
function decodedText(value) {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const decoded2 = Buffer.from(value, "base64").toString("utf8");
  return /^[\x20-\x7e]+$/.test(decoded2) ? decoded2 : null;
}
function isAuthCredential(value) {
  const trimmed = value.trim();
  if (/^[^\s:]{1,64}:[^\s:]{4,}$/.test(trimmed) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return true;
  return trimmed.length >= 20 && !/\s/.test(trimmed) && /[0-9]/.test(trimmed) && /[A-Za-z]/.test(trimmed) && shannonEntropy(trimmed) >= 3.5;
}
function isBasicCredential(value) {
  const trimmed = value.trim();
  if (trimmed.length < 8 || trimmed.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return false;
  const decoded2 = Buffer.from(trimmed, "base64").toString("utf8");
  const colon = decoded2.indexOf(":");
  return colon > 0 && colon < decoded2.length - 1 && /^[\x20-\x7e]+$/.test(decoded2) && !isPlaceholderValue(decoded2.slice(colon + 1));
}

// src/rules/hardcoded-secret.ts
var GENERIC_PREFILTER = /pass|pwd|secret|token|key|auth|cred|dsn|sasl|jaas|webhook|\bpat\b|bearer|connection/i;
var hardcoded_secret_default = defineRule({
  meta: {
    id: "hardcoded-secret",
    description: "A secret is written into a file: a provider token, a private key, credentials in a URL, or a secret-named setting with a literal value.",
    severity: "error",
    recommended: true,
    scope: "file",
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-798", "CWE-259"],
    messages: {
      detected: "{{what}} is hardcoded here. Move it to Vault or a Kubernetes Secret, read it at run time, and rotate it: it stays in the git history.",
      example: "{{what}}: this is the provider's documented example value, not a live credential. Fine in docs; never ship it as a real setting.",
      generic: "`{{key}}` is set to a literal secret. Read it from the environment or a secret store (Vault, Kubernetes Secret) instead, and rotate it.",
      weakDefault: "`{{key}}` uses a well-known default credential. The guide forbids shared and default credentials: generate one per environment and keep it in Vault.",
      kubernetesData: "Secret data `{{key}}` holds a literal credential (base64 is an encoding, not encryption). {{what}}Keep it in Vault or seal it (SealedSecret, SOPS), and rotate it.",
      credentialFile: "This file stores a {{what}}. Credential files do not belong in a repository: remove it, rotate the credential, and purge it from history."
    },
    options: {
      generic: { type: "boolean", default: true, description: "Report secret-named keys bound to literal values, not only known formats." },
      weakDefaults: { type: "boolean", default: true, description: "Report well-known default credentials (`postgres`, `admin`) as warnings." },
      examples: { type: "boolean", default: true, description: "Report providers' documented example keys, at info." }
    },
    docs: {
      why: 'The guide\'s checklist: "No secrets in source code or configuration files". A secret in a repository is readable by everyone with a clone, is copied into every fork and CI cache, and survives in the history after it is deleted. Detection covers provider formats (AWS, GCP, Azure, GitHub, GitLab, Slack, Stripe, OpenAI, Vault\u2026), private keys, credentials in connection strings, and secret-named settings in every file kind. Placeholders (`changeme`, `${VAR}`, `<your-key>`, `ACTUAL_KEY`), references, hashes, encrypted values and public keys are left alone.',
      fix: 'Delete the value, read it at run time (`os.environ["CLICKHOUSE_PASSWORD"]`, `process.env.MISO_API_KEY`, a `secretKeyRef`), store it in Vault or a Kubernetes Secret, and rotate it: removing it from the file does not remove it from history.',
      bad: { path: "services/ingest/config.py", code: 'CLICKHOUSE_PASSWORD = "pr0d-Clickhouse-9f2c"\n' },
      good: { path: "services/ingest/config.py", code: 'import os\n\nCLICKHOUSE_PASSWORD = os.environ["CLICKHOUSE_PASSWORD"]\n' }
    }
  },
  create(context) {
    const options = context.options;
    const allowed = new Set(context.settings.allowlist.values);
    const detectors = withCustomPatterns(context);
    return {
      // Evidence for the checklist: findings of this rule turn the item to fail whatever this says.
      project(project) {
        const scanned = project.files.filter((f) => !f.skipped).length;
        if (scanned > 0) context.evidence({ checklist: "no-secrets-in-source", status: "pass", message: `${scanned} file${scanned === 1 ? "" : "s"} scanned for hardcoded secrets` });
      },
      async file(file) {
        const reported = [];
        const report2 = (range, descriptor) => {
          if (descriptor.secret && allowed.has(descriptor.secret)) return;
          reported.push(range);
          context.report({ ...descriptor, range });
        };
        for (const match of findSecrets(file.text, detectors)) {
          if (match.isExample && !options.examples) continue;
          report2({ start: match.start, end: match.end }, detectorReport(match));
        }
        for (const found of scanCredentialFile(file.path, file.text)) {
          if (overlaps(reported, found)) continue;
          report2(found, { messageId: "credentialFile", data: { what: found.format }, secret: found.secret, confidence: "high" });
        }
        if (!bindsNames(file.kind) || !GENERIC_PREFILTER.test(file.text)) return;
        const decodedData = file.kind === "yaml" ? reportKubernetesData(file, detectors, reported, report2, options.weakDefaults) : [];
        if (!options.generic) return;
        const where = judgeContext(file.path, file.kind);
        for (const assignment of extractAssignments(file, await parsedViews(file))) {
          const range = { start: assignment.valueStart, end: assignment.valueEnd };
          if (overlaps(reported, range) || overlaps(decodedData, range) || isSealedOrReferenced(assignment)) continue;
          const verdict = judgeAssignment(assignment.key, assignment.value, where, { templated: assignment.templated ?? false });
          if (verdict.kind === "secret") {
            report2(range, { messageId: "generic", data: { key: assignment.key }, secret: assignment.value, confidence: verdict.confidence });
          } else if (verdict.kind === "weak-default" && options.weakDefaults) {
            report2(range, { messageId: "weakDefault", data: { key: assignment.key }, secret: assignment.value, severity: "warning", confidence: "medium" });
          }
        }
      }
    };
  }
});
function detectorReport(match) {
  const what = match.detector.description;
  if (match.isExample) return { messageId: "example", data: { what }, secret: match.secret, severity: "info", confidence: "low" };
  return {
    messageId: "detected",
    data: { what },
    secret: match.secret,
    confidence: match.detector.confidence,
    ...match.detector.severity ? { severity: match.detector.severity } : {}
  };
}
function withCustomPatterns(context) {
  const custom = context.settings.customPatterns;
  if (custom.length === 0) return DETECTORS;
  return [...DETECTORS, ...custom.map((p) => createCustomDetector(p))];
}
async function parsedViews(file) {
  switch (file.kind) {
    case "yaml":
      return { yaml: yamlView(file) };
    case "json":
      return { json: yamlView(file) };
    case "dotenv":
      return { dotenv: dotenvView(file) };
    case "python":
      return { python: await pythonView(file) };
    case "javascript":
      return { typescript: await typescriptView(file) };
    default:
      return {};
  }
}
function isSealedOrReferenced(assignment) {
  return assignment.keyPath.includes("encryptedData") || assignment.keyPath[0] === "sops";
}
function reportKubernetesData(file, detectors, reported, report2, weakDefaults) {
  const judged = [];
  for (const object of kubeObjects(file)) {
    if (!isCoreKind(object, "Secret")) continue;
    for (const entry of secretEntries(file.text, object)) {
      if (entry.field !== "data") continue;
      const range = { start: entry.start, end: entry.end };
      judged.push(range);
      if (entry.templated || entry.binary || !entry.decoded) continue;
      if (overlaps(reported, range)) continue;
      const format = findSecrets(entry.decoded, detectors).find((m) => !m.isExample);
      if (format) {
        report2(range, { messageId: "kubernetesData", data: { key: entry.key, what: `It decodes to ${withArticle(format.detector.description)}. ` }, secret: format.secret, confidence: "high" });
        continue;
      }
      const verdict = judgeAssignment(entry.key, entry.decoded, { path: file.path, isDocumentation: false });
      if (verdict.kind === "secret") {
        report2(range, { messageId: "kubernetesData", data: { key: entry.key, what: "" }, secret: entry.decoded, confidence: verdict.confidence });
      } else if (verdict.kind === "weak-default" && weakDefaults) {
        report2(range, { messageId: "weakDefault", data: { key: entry.key }, secret: entry.decoded, severity: "warning", confidence: "medium" });
      }
    }
  }
  return judged;
}
function withArticle(description) {
  return /^[aeiou]/i.test(description) ? `an ${description}` : `a ${description}`;
}
function overlaps(ranges, range) {
  return ranges.some((r) => r.start < range.end && range.start < r.end);
}

// src/core/facts.ts
function shareEvidence(context, file, checklist, offset, message) {
  const fact = { type: "evidence", checklist, message, path: file.path, line: file.positionAt(offset).line };
  context.share(fact);
}
function factsOf(project, type) {
  return project.shared().filter((f) => typeof f === "object" && f !== null && f.type === type);
}
var EVIDENCE_CAP = 10;
function emitEvidence(context, project, checklist) {
  const facts = factsOf(project, "evidence").filter((f) => f.checklist === checklist);
  const seen = /* @__PURE__ */ new Set();
  const unique = facts.filter((f) => {
    const key = `${f.path}:${f.line}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const fact of unique.slice(0, EVIDENCE_CAP)) {
    context.evidence({ checklist, status: "pass", message: fact.message, path: fact.path, line: fact.line });
  }
  if (unique.length > EVIDENCE_CAP) {
    context.evidence({ checklist, status: "pass", message: `and ${unique.length - EVIDENCE_CAP} more like these` });
  }
  return unique.length;
}

// src/analysis/manifests/text.ts
function linesOf(text) {
  const lines = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), start });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}
function isCommentLine(line) {
  return /^\s*(?:#|\/\/|--\s|;|\*|\/\*|<!--|REM\s)/.test(line);
}
var URL_PATTERN = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s"'`<>()\[\]]*)/gi;
function parseUrl(scheme, rest) {
  const authorityEnd = firstOf(rest, ["/", "?", "#"]);
  const authority = rest.slice(0, authorityEnd);
  const at2 = authority.lastIndexOf("@");
  const userinfo = at2 === -1 ? null : authority.slice(0, at2);
  const colon = userinfo === null ? -1 : userinfo.indexOf(":");
  const password = userinfo !== null && colon !== -1 && colon < userinfo.length - 1 ? userinfo.slice(colon + 1) : null;
  const hostPort = at2 === -1 ? authority : authority.slice(at2 + 1);
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::([0-9]+))?/.exec(hostPort);
  return {
    scheme: scheme.toLowerCase(),
    userinfo,
    password,
    passwordOffset: scheme.length + 3 + colon + 1,
    host: (portMatch?.[1] ?? hostPort).toLowerCase(),
    port: portMatch?.[2] ?? null,
    path: rest.slice(authorityEnd)
  };
}
function firstOf(text, needles) {
  let best = text.length;
  for (const needle of needles) {
    const i = text.indexOf(needle);
    if (i !== -1 && i < best) best = i;
  }
  return best;
}
function isLoopbackHost(host) {
  return LOOPBACK_HOST.test(host);
}
var OPENERS = "([{";
var CLOSERS = ")]}";
function enclosingRegion(text, offset, limit = 3e3) {
  let depth = 0;
  let start = -1;
  for (let i = offset - 1; i >= Math.max(0, offset - limit); i--) {
    const c = text.charAt(i);
    if (CLOSERS.includes(c)) depth++;
    else if (OPENERS.includes(c)) {
      if (depth === 0) {
        start = i;
        break;
      }
      depth--;
    }
  }
  if (start !== -1) {
    depth = 0;
    for (let i = start + 1; i < Math.min(text.length, start + 1 + 2 * limit); i++) {
      const c = text.charAt(i);
      if (OPENERS.includes(c)) depth++;
      else if (CLOSERS.includes(c)) {
        if (depth === 0) return { start, end: i + 1 };
        depth--;
      }
    }
  }
  return indentedBlock(text, offset, 40);
}
function indentedBlock(text, offset, maxLines) {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = indentOf(text, lineStart);
  let start = lineStart;
  for (let n = 0; n < maxLines && start > 0; n++) {
    const previous = text.lastIndexOf("\n", start - 2) + 1;
    if (isBlankLine(text, previous)) {
      start = previous;
      continue;
    }
    if (indentOf(text, previous) < indent) break;
    start = previous;
  }
  let end = lineEndOf(text, offset);
  for (let n = 0; n < maxLines && end < text.length; n++) {
    const next = end + 1;
    if (isBlankLine(text, next)) {
      end = lineEndOf(text, next);
      continue;
    }
    if (indentOf(text, next) < indent) break;
    end = lineEndOf(text, next);
  }
  return { start, end };
}
function indentOf(text, lineStart) {
  let i = lineStart;
  while (text.charAt(i) === " " || text.charAt(i) === "	" || text.charAt(i) === "-") i++;
  return i - lineStart;
}
function isBlankLine(text, lineStart) {
  return text.slice(lineStart, lineEndOf(text, lineStart)).trim() === "";
}
function lineEndOf(text, offset) {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline;
}

// src/rules/insecure-transport.ts
var REGION_BUDGET = 200;
var KAFKA_PROTOCOL = /\bsecurity[._-]?protocol["']?\s*[:=]\s*["']?(SASL_PLAINTEXT|PLAINTEXT|SASL_SSL|SSL)\b/i;
var SASL_CREDENTIALS = /sasl[._-]?(?:username|password|plain[._-]?(?:username|password)|jaas)|sasl\.jaas\.config/i;
var BOOTSTRAP = /bootstrap[._-]?servers["']?\s*[:=]\s*["']?([^\s"'#]+)/gi;
var SSLMODE = /\bsslmode["']?\s*[:=]\s*["']?(disable|allow|prefer|require|verify-ca|verify-full)\b/i;
var JDBC_NO_SSL = /\buseSSL\s*=\s*false\b/i;
var VERIFY_OFF = [
  // requests.get(url, verify=False)
  /\bverify\s*=\s*False\b/,
  /\b(?:verify_ssl|ssl_verify|verify_certs|validate_certs|tls_verify|ssl_verification|verify_tls|sslverify)["']?\s*[:=]\s*["']?(?:false|0|no)\b/i,
  /\b(?:ssl_)?cert_reqs\s*[:=]\s*(?:ssl\.)?["']?CERT_NONE\b/,
  /\bcheck_hostname\s*=\s*False\b/,
  /\brejectUnauthorized["']?\s*:\s*false\b/,
  /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*[:=]\s*["']?0\b/,
  /\b(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|tls[_-]?skip[_-]?verify|skip[_-]?tls[_-]?verify|VAULT_SKIP_VERIFY)["']?\s*[:=]\s*["']?(?:true|1|yes)\b/i,
  /(?:^|\s)--?(?:insecure-skip-tls-verify|tls-skip-verify)(?:=true)?(?=\s|$)/
];
var TLS_OFF = new RegExp(`\\b(${TLS_SWITCH_KEYS.join("|")})["']?\\s*[:=]\\s*["']?(?:False|false|0)\\b`);
var TLS_DISABLE = /\btls_disable["']?\s*[:=]\s*["']?(?:1|true)\b/i;
var TLS_CERT_FILE = /\btls_cert_file\s*=/;
var LOOPBACK_ADDRESS = /address["']?\s*[:=]\s*["']?(?:127\.0\.0\.1|localhost|\[::1\])/i;
var CURL = /\b(?:curl|wget)\b/;
var FTP_PROTOCOL = /(?:["']?(?:protocol|transport|type)["']?\s*[:=]\s*["']?(ftp)["']?(?=[\s,;}]|$)|<Protocol>\s*([06])\s*<\/Protocol>)/i;
var SAVED_PASSWORD = /["']?(?:pass|password|passwd)["']?\s*[:=]\s*["']?[^\s"'$<{]|<Pass(?:\s[^>]*)?>[^<\s]/i;
var CURL_INSECURE = /\s(?:--insecure|--no-check-certificate|-[a-jl-zA-Z]*k[a-zA-Z]*)(?=\s|$)/;
var CURL_CREDENTIAL = /authorization|x-vault-token|bearer|\btoken\b|\$\{?\w*token|(?:^|\s)(?:-u|--user)\s|password|api[-_]?key/i;
var insecure_transport_default = defineRule({
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
      curlInsecure: "`{{tool}}` sends a credential with certificate checks off: drop `-k`/`--insecure` and pass `--cacert`."
    },
    options: {
      reportLoopback: {
        type: "boolean",
        default: true,
        description: "Report plaintext to localhost (development setups) as `info`; false drops those findings."
      }
    },
    docs: {
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      why: 'The guide\'s checklist asks for "TLS enabled for all secret transmission" ("Use TLS for all secret transmission"). A Vault token sent to `http://vault:8200`, a SASL password on a `SASL_PLAINTEXT` listener, a database DSN with `sslmode=disable`, or a client told not to verify certificates hands the credential to anyone on the network path. Addresses on localhost (development setups) are reported as `info`, not errors; health-check paths carry no credential and are not reported.',
      fix: 'Use the TLS form of each transport: `https://` for Vault (`VAULT_ADDR`), Schema Registry and token endpoints; `SASL_SSL` for Kafka; `sslmode=verify-full` for Postgres; `rediss://` for Redis; `tls_cert_file`/`tls_key_file` on Vault listeners. Keep certificate verification on and point clients at the CA bundle (`verify="/etc/ssl/certs/ca.pem"`, `VAULT_CACERT`).',
      // carbon-secret-lint-disable-next-line insecure-transport -- the rule's own documentation names the patterns it reports
      bad: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: http://vault.vault.svc:8200\n  KAFKA_SECURITY_PROTOCOL: SASL_PLAINTEXT\n" },
      good: { path: "deploy/k8s/ingest-configmap.yaml", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingest-config\ndata:\n  VAULT_ADDR: https://vault.vault.svc:8200\n  VAULT_CACERT: /vault/tls/ca.crt\n  KAFKA_SECURITY_PROTOCOL: SASL_SSL\n" }
    }
  },
  create(context) {
    const reportLoopback = context.options.reportLoopback !== false;
    return {
      file(file) {
        const ctx = {
          file,
          sasl: SASL_CREDENTIALS.test(file.text),
          kafkaLocal: kafkaIsLocal(file.text),
          savedPassword: SAVED_PASSWORD.test(file.text),
          hits: [],
          passes: [],
          regionBudget: REGION_BUDGET
        };
        const lines = linesOf(file.text);
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i];
          if (line.text.length === 0 || isCommentLine(line.text)) continue;
          checkLine(ctx, line.text, (offset) => line.start + offset);
          if (CURL.test(line.text)) checkCurl(ctx, lines, i);
        }
        if (file.kind === "yaml") for (const entry of splitEnvEntries(file)) checkLine(ctx, entry.line, entry.map);
        const seen = /* @__PURE__ */ new Set();
        for (const hit of ctx.hits) {
          const id = `${hit.messageId}:${hit.start}`;
          if (seen.has(id) || hit.local && !reportLoopback) continue;
          seen.add(id);
          context.report({
            messageId: hit.messageId,
            data: hit.data ?? {},
            range: { start: hit.start, end: hit.end },
            key: `${hit.messageId}:${JSON.stringify(hit.data ?? {})}`,
            ...hit.secret ? { secret: hit.secret } : {},
            ...hit.local ? { severity: "info" } : {}
          });
        }
        for (const pass of ctx.passes) shareEvidence(context, file, "tls-in-transit", pass.offset, pass.message);
        if (ctx.hits.length > 0 || ctx.passes.length > 0) context.share({ type: "transport" });
      },
      project(project) {
        if (emitEvidence(context, project, "tls-in-transit") > 0 || factsOf(project, "transport").length > 0) return;
        const configuration = project.files.some((f) => ["yaml", "json", "ini", "toml", "properties", "hcl", "dotenv", "xml"].includes(f.kind));
        if (!configuration) {
          context.evidence({ checklist: "tls-in-transit", status: "not-applicable", message: "the repository has no configuration files, so no transport carrying credentials is configured in it" });
        }
      }
    };
  }
});
function checkLine(ctx, line, at2) {
  checkUrls(ctx, line, at2);
  const kafka = KAFKA_PROTOCOL.exec(line);
  if (kafka) {
    const protocol = kafka[1].toUpperCase();
    const span = { start: at2(kafka.index), end: at2(kafka.index + kafka[0].length) };
    if (protocol === "SASL_PLAINTEXT") ctx.hits.push({ messageId: "kafkaSaslPlaintext", ...span, local: ctx.kafkaLocal });
    else if (protocol === "PLAINTEXT" && ctx.sasl) ctx.hits.push({ messageId: "kafkaPlaintext", ...span, local: ctx.kafkaLocal });
    else if (protocol === "SASL_SSL" || protocol === "SSL") ctx.passes.push({ offset: span.start, message: `Kafka clients use \`${protocol}\`` });
  }
  const sslmode = SSLMODE.exec(line);
  if (sslmode) {
    const mode = sslmode[1].toLowerCase();
    const span = { start: at2(sslmode.index), end: at2(sslmode.index + sslmode[0].length) };
    if (mode === "disable" || mode === "allow") ctx.hits.push({ messageId: "sslmodeDisabled", ...span, data: { mode }, local: lineIsLocal(line) });
    else if (mode !== "prefer") ctx.passes.push({ offset: span.start, message: `the database connection requires TLS (\`sslmode=${mode}\`)` });
  }
  const ftp = ctx.savedPassword && ctx.regionBudget > 0 ? FTP_PROTOCOL.exec(line) : null;
  if (ftp && SAVED_PASSWORD.test(ftpSiteText(ctx, at2(ftp.index), ftp[2] !== void 0))) {
    const setting = ftp[0].replace(/["'\s]/g, "");
    ctx.hits.push({ messageId: "ftpPlaintext", start: at2(ftp.index), end: at2(ftp.index + ftp[0].length), data: { setting }, local: lineIsLocal(line) });
  }
  const jdbc = JDBC_NO_SSL.exec(line);
  if (jdbc) ctx.hits.push({ messageId: "jdbcNoSsl", start: at2(jdbc.index), end: at2(jdbc.index + jdbc[0].length), local: lineIsLocal(line) });
  for (const pattern of VERIFY_OFF) {
    const match = pattern.exec(line);
    if (!match) continue;
    const setting = match[0].trim().replace(/["']/g, "");
    ctx.hits.push({ messageId: "verifyDisabled", start: at2(match.index), end: at2(match.index + match[0].length), data: { setting } });
    break;
  }
  const tlsOff = TLS_OFF.exec(line);
  if (tlsOff && ctx.regionBudget-- > 0) {
    const offset = at2(tlsOff.index);
    const region = enclosingRegion(ctx.file.text, offset);
    const text = ctx.file.text.slice(region.start, region.end);
    if (CLIENT_CREDENTIAL_ARGUMENT.test(text) && !COOKIE_CONTEXT.test(text)) {
      ctx.hits.push({ messageId: "tlsOff", start: offset, end: at2(tlsOff.index + tlsOff[0].length), data: { setting: tlsOff[0].replace(/["']/g, "").replace(/\s+/g, " ") } });
    }
  }
  const tlsDisable = TLS_DISABLE.exec(line);
  if (tlsDisable) {
    const offset = at2(tlsDisable.index);
    const region = ctx.regionBudget-- > 0 ? enclosingRegion(ctx.file.text, offset) : { start: offset, end: offset };
    const local = LOOPBACK_ADDRESS.test(ctx.file.text.slice(region.start, region.end));
    ctx.hits.push({ messageId: "vaultTlsDisabled", start: offset, end: at2(tlsDisable.index + tlsDisable[0].length), local });
  } else if (TLS_CERT_FILE.test(line)) {
    ctx.passes.push({ offset: at2(line.search(TLS_CERT_FILE)), message: "the Vault listener serves TLS (`tls_cert_file`)" });
  }
}
function ftpSiteText(ctx, offset, fileZilla) {
  ctx.regionBudget--;
  const text = ctx.file.text;
  if (fileZilla) {
    const start = text.lastIndexOf("<Server", offset);
    const end = text.indexOf("</Server>", offset);
    return text.slice(Math.max(0, start, offset - 4e3), end === -1 ? Math.min(text.length, offset + 4e3) : Math.min(end, offset + 4e3));
  }
  const region = enclosingRegion(text, offset);
  return text.slice(region.start, region.end);
}
function checkUrls(ctx, line, at2) {
  if (!line.includes("://")) return;
  for (const match of line.matchAll(URL_PATTERN)) {
    const scheme = match[1].toLowerCase();
    const rest = match[2].replace(/[,;.}]+$/, "");
    if (rest.length === 0) continue;
    const url = parseUrl(scheme, rest);
    const start = at2(match.index);
    const end = at2(match.index + scheme.length + 3 + rest.length);
    const local = isLoopbackHost(url.host);
    const tls = CLEARTEXT_SCHEMES[scheme];
    if (tls && url.password !== null) {
      const password = decodeURIComponentSafe(url.password);
      const literal = !hasReference(password) && !password.startsWith("$");
      ctx.hits.push({ messageId: "urlCredentials", start, end, data: { scheme, tls }, local, ...literal ? { secret: url.password } : {} });
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
  const secureCredentials = /\b(rediss|amqps|ldaps):\/\/[^\s"'@/]*:[^\s"'@/]+@/.exec(line);
  if (secureCredentials) ctx.passes.push({ offset: at2(secureCredentials.index), message: `credentials travel over TLS (\`${secureCredentials[1]}://\`)` });
}
function credentialEndpoint(before, url, line) {
  if (UNAUTHENTICATED_PATH.test(url.path)) return null;
  const key = /([A-Za-z_][\w.-]*)["']?\s*(?:[:=]|\s)\s*["']?$/.exec(before.slice(-120))?.[1] ?? "";
  const keyWords = nameWords(key);
  const hostWords = url.host.split(/[.-]/);
  const vault = keyWords.includes("vault") || hostWords.includes("vault") || url.port === VAULT_PORT || /^\/v1\//.test(url.path);
  if (vault) return "Vault";
  const registry = keyWords.includes("schema") && keyWords.includes("registry") || hostWords.includes("schemaregistry") || /schema-registry/.test(url.host);
  if (registry) return "The Schema Registry";
  if (keyWords.some((w) => CREDENTIAL_ENDPOINT_KEY_WORDS.includes(w)) || hostWords.some((w) => CREDENTIAL_ENDPOINT_HOST_WORDS.includes(w)) || CREDENTIAL_ENDPOINT_PATH.test(url.path)) {
    return "An authentication endpoint";
  }
  if (CURL.test(line) && CURL_CREDENTIAL.test(line)) return "A request carrying a credential";
  return null;
}
function checkCurl(ctx, lines, index) {
  let text = lines[index].text;
  for (let j = index + 1; j < Math.min(lines.length, index + 20) && /\\\s*$/.test(lines[j - 1].text); j++) text += " " + lines[j].text;
  const tool = CURL.exec(text)?.[0] ?? "curl";
  if (CURL_INSECURE.test(text) && CURL_CREDENTIAL.test(text)) {
    const line = lines[index];
    const at2 = line.text.search(CURL);
    ctx.hits.push({ messageId: "curlInsecure", start: line.start + at2, end: line.start + at2 + tool.length, data: { tool } });
  }
}
function lineIsLocal(line) {
  const host = /(?:@|host=|\/\/)(\[[^\]]+\]|[\w.-]+)/.exec(line)?.[1];
  return host !== void 0 && isLoopbackHost(host);
}
function kafkaIsLocal(text) {
  const servers = [];
  for (const match of text.matchAll(BOOTSTRAP)) servers.push(...match[1].split(","));
  return servers.length > 0 && servers.every((s) => isLoopbackHost(s.replace(/^[a-z]+:\/\//i, "").replace(/:[0-9]+$/, "")));
}
function splitEnvEntries(file) {
  const entries = [];
  for (const doc of parsedYaml(file).documents) {
    walkMaps(doc.contents, (map) => {
      const name = scalarOf(doc, valueOf(doc, map, "name"));
      const value = scalarOf(doc, valueOf(doc, map, "value"));
      if (!name || !value || typeof name.value !== "string" || value.value === null || value.value === void 0) return;
      if (file.positionAt(rangeOf(name).start).line === file.positionAt(rangeOf(value).start).line) return;
      const { start, end } = contentRange(file.text, value);
      if (end - start > 2e3) return;
      const prefix = `${name.value}=`;
      const line = prefix + file.text.slice(start, end);
      entries.push({ line, map: (offset) => offset < prefix.length ? start : start + offset - prefix.length });
    });
  }
  return entries;
}

// src/analysis/manifests/literals.ts
function judgeLiteral(key, value, path, templated = false) {
  if (SECRET_REFERENCE_KEY.test(key)) return null;
  const verdict = judgeAssignment(key, value, { path, isDocumentation: false }, { templated });
  return verdict.kind === "not-secret" ? null : verdict.kind;
}
var DEFAULTED_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}$/;
function referenceDefault(value) {
  const match = DEFAULTED_REFERENCE.exec(value.trim());
  if (!match || match[1] === void 0) return null;
  const offset = value.indexOf(match[1], value.indexOf("-"));
  return { value: match[1], offset: Math.max(0, offset) };
}
function isSecretName(key) {
  return isSecretLikeKey(key) && !SECRET_REFERENCE_KEY.test(key);
}

// src/rules/k8s-literal-secret-env.ts
var EMBEDDED_KEY_VALUE_FILE = /\.(?:properties|env|conf|cfg|ini)$|^\.env/i;
var VALUES_ENV_KEY = /^(?:extra)?env(?:vars)?$|^environment$|^extraEnvironmentVars$/i;
var k8s_literal_secret_env_default = defineRule({
  meta: {
    id: "k8s-literal-secret-env",
    description: "A secret-named environment variable or ConfigMap key set to a literal value in a Kubernetes, Helm or compose manifest, instead of a reference to a Secret.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml"],
    keywords: ["env", "configmap", "secret", "password", "token", "key", "credential", "vault", "dsn", "auth"],
    checklist: ["secrets-in-store"],
    cwe: ["CWE-798", "CWE-312"],
    messages: {
      env: "Container `{{container}}` of {{kind}} `{{name}}` sets `{{variable}}` to a literal value: take it from a Secret with `valueFrom.secretKeyRef` (or `envFrom.secretRef`) and keep the value in Vault.",
      configMap: "ConfigMap `{{name}}` holds `{{variable}}` as a literal: a ConfigMap is not a secret store. Move the value into a Secret synced from Vault and reference it with `secretKeyRef`.",
      configMapGenerator: "The kustomize configMapGenerator `{{name}}` has the literal `{{variable}}`: a ConfigMap is not a secret store. Use a Secret synced from Vault instead.",
      compose: "Compose service `{{service}}` sets `{{variable}}` to a literal in `environment`: use compose `secrets:` or `${{{variable}}}` from an untracked `.env`.",
      composeDefault: "Compose service `{{service}}` falls back to a literal `{{variable}}` in `${{{variable}}:-\u2026}`: drop the default so a missing secret fails loudly.",
      helmValues: "Helm values set the environment variable `{{variable}}` to a literal: reference an existing Secret (`valueFrom.secretKeyRef`, or the chart's `existingSecret`) instead."
    },
    options: {
      compose: { type: "boolean", default: true, description: "Also check the `environment` of docker compose services." },
      configMaps: { type: "boolean", default: true, description: "Also check the `data` of ConfigMaps and kustomize configMapGenerators." }
    },
    docs: {
      why: "The guide's checklist asks for \"All secrets stored in Vault or Kubernetes Secrets\", and its deployments take them with `envFrom: - secretRef: name: carbon-ingestion-secrets`. A literal `value:` for a secret-named variable puts the credential in the manifest, in git, and in every `kubectl get deployment -o yaml`. `valueFrom.secretKeyRef` and `envFrom.secretRef` are the prescribed form and count as evidence (Checkov's CKV_K8S_35 discourages `secretKeyRef`; this rule follows the guide instead). Names that only mention a secret (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`, `VAULT_ROLE`), references (`$(DB_PASSWORD)`, `${DB_PASSWORD}`), Helm templates and placeholders are not reported.",
      fix: "Store the value in Vault (or a Secret synced from it) and reference it: `valueFrom: {secretKeyRef: {name: carbon-ingestion-secrets, key: clickhouse_password}}`, or load every key with `envFrom: [{secretRef: {name: carbon-ingestion-secrets}}]`. In compose, use `secrets:` or `${VAR}` from an untracked `.env`. Rotate the value that was committed.",
      bad: {
        path: "deploy/k8s/ingest-deployment.yaml",
        code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingest\nspec:\n  template:\n    spec:\n      containers:\n        - name: ingest\n          image: ghcr.io/254carbon/ingest:1.4.2\n          env:\n            - name: CLICKHOUSE_PASSWORD\n              value: Tg7pW2qLx9vR4mZs\n"
      },
      good: {
        path: "deploy/k8s/ingest-deployment.yaml",
        code: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ingest\nspec:\n  template:\n    spec:\n      containers:\n        - name: ingest\n          image: ghcr.io/254carbon/ingest:1.4.2\n          env:\n            - name: CLICKHOUSE_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: carbon-ingestion-secrets\n                  key: clickhouse_password\n          envFrom:\n            - secretRef:\n                name: carbon-ingestion-secrets\n"
      }
    }
  },
  create(context) {
    const checkCompose = context.options.compose !== false;
    const checkConfigMaps = context.options.configMaps !== false;
    return {
      file(file) {
        const objects = kubeObjects(file);
        for (const object of objects) {
          if (isCoreKind(object, "ConfigMap")) {
            if (checkConfigMaps) configMap(file, object);
          } else if (object.kind === "Kustomization") {
            if (checkConfigMaps) configMapGenerators(file, object.doc, object.map);
          } else {
            workload(file, object);
          }
        }
        if (checkConfigMaps && isKustomizationFileName(file.path)) {
          for (const { doc, map } of documentRoots(file)) if (!pairOf(doc, map, "kind")) configMapGenerators(file, doc, map);
        }
        if (checkCompose) for (const service of composeServices(file)) compose(file, service);
        if (objects.length === 0 && isHelmValuesFileName(file.path)) helmValues(file);
      },
      project(project) {
        if (emitEvidence(context, project, "secrets-in-store") > 0) return;
        const workloads = factsOf(project, "workload");
        if (workloads.length === 0) {
          context.evidence({ checklist: "secrets-in-store", status: "not-applicable", message: "the repository has no Kubernetes workloads, Helm values or compose services that run containers" });
        } else if (!workloads.some((w) => w.takesSecrets)) {
          context.evidence({ checklist: "secrets-in-store", status: "not-applicable", message: `${workloads.length} manifest file${workloads.length === 1 ? "" : "s"} run containers, and none of them takes a secret` });
        }
      }
    };
    function report2(verdict, messageId, data, start, end, secret) {
      context.report({
        messageId,
        data,
        range: { start, end },
        secret,
        key: `${messageId}:${data.variable}`,
        ...verdict === "weak-default" ? { severity: "warning" } : {}
      });
    }
    function literal(file, doc, name, pair, messageId, data) {
      const scalar = scalarOf(doc, pair.value);
      if (!scalar || scalar.value === null || typeof scalar.value === "boolean") return false;
      const value = String(scalar.value);
      const { start, end } = contentRange(file.text, scalar);
      const verdict = judgeLiteral(name, value, file.path, isTemplated(file.text, scalar));
      if (!verdict) return false;
      report2(verdict, messageId, { ...data, variable: name }, start, Math.max(end, start + 1), file.text.slice(start, end) || value);
      return true;
    }
    function workload(file, object) {
      const containers = containersIn(object.doc, object.map);
      if (containers.length === 0) return;
      let takesSecrets = false;
      const where = { kind: object.kind, name: object.name ?? "(templated)" };
      for (const container of containers) {
        for (const entry of envEntries(object.doc, container.map)) {
          if (entry.secretKeyRef) {
            takesSecrets = true;
            const secretName = scalarText(object.doc, valueOf(object.doc, entry.secretKeyRef, "name")) ?? "(templated)";
            shareEvidence(context, file, "secrets-in-store", entry.offset, `\`${entry.name}\` of container \`${container.name}\` comes from Secret \`${secretName}\` (secretKeyRef)`);
          } else if (entry.valuePair && literal(file, object.doc, entry.name, entry.valuePair, "env", { ...where, container: container.name })) {
            takesSecrets = true;
          }
        }
        for (const ref of envFromSecretRefs(object.doc, container.map)) {
          takesSecrets = true;
          shareEvidence(context, file, "secrets-in-store", ref.offset, `container \`${container.name}\` of ${object.kind} \`${where.name}\` loads Secret \`${ref.name}\` (envFrom.secretRef)`);
        }
      }
      if (storeMounts(file, object)) takesSecrets = true;
      context.share({ type: "workload", takesSecrets });
    }
    function storeMounts(file, object) {
      let found = false;
      walkMaps(object.map, (map, path) => {
        const last = path.at(-1);
        if (last === "annotations") {
          const inject = pairOf(object.doc, map, "vault.hashicorp.com/agent-inject");
          if (inject && /^true$/i.test(scalarText(object.doc, inject.value) ?? "")) {
            found = true;
            shareEvidence(context, file, "secrets-in-store", rangeOf(inject.key).start, `${object.kind} \`${object.name ?? "(templated)"}\` gets its secrets from the Vault Agent injector`);
          }
        } else if (last === "volumes") {
          const driver = scalarText(object.doc, valueOf(object.doc, asMap(object.doc, valueOf(object.doc, map, "csi")), "driver"));
          const secretVolume = asMap(object.doc, valueOf(object.doc, map, "secret"));
          if (driver === "secrets-store.csi.k8s.io") {
            found = true;
            shareEvidence(context, file, "secrets-in-store", rangeOf(map).start, `${object.kind} \`${object.name ?? "(templated)"}\` mounts secrets with the Secrets Store CSI driver`);
          } else if (secretVolume) {
            found = true;
            const name = scalarText(object.doc, valueOf(object.doc, secretVolume, "secretName")) ?? "(templated)";
            shareEvidence(context, file, "secrets-in-store", rangeOf(map).start, `${object.kind} \`${object.name ?? "(templated)"}\` mounts Secret \`${name}\` as a volume`);
          }
        }
      });
      return found;
    }
    function configMap(file, object) {
      const data = asMap(object.doc, valueOf(object.doc, object.map, "data"));
      const name = object.name ?? "(templated)";
      for (const pair of data?.items ?? []) {
        const key = keyOf(pair);
        const scalar = scalarOf(object.doc, pair.value);
        if (!key || !scalar) continue;
        if (EMBEDDED_KEY_VALUE_FILE.test(key) && typeof scalar.value === "string" && scalar.value.includes("\n")) {
          const { start, end } = contentRange(file.text, scalar);
          for (const entry of parseKeyValueLines(file.text, start, end)) {
            const verdict = judgeLiteral(entry.key, entry.value, file.path, entry.templated);
            if (verdict) report2(verdict, "configMap", { name, variable: entry.key }, entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1), entry.value);
          }
          continue;
        }
        literal(file, object.doc, key, pair, "configMap", { name });
      }
    }
    function configMapGenerators(file, doc, map) {
      for (const item of asSeq(doc, valueOf(doc, map, "configMapGenerator"))?.items ?? []) {
        const generator = asMap(doc, item);
        const name = scalarText(doc, valueOf(doc, generator, "name")) ?? "(unnamed)";
        for (const entry of keyValueItems(doc, file.text, valueOf(doc, generator, "literals"))) {
          const verdict = judgeLiteral(entry.key, entry.value, file.path);
          if (verdict) report2(verdict, "configMapGenerator", { name, variable: entry.key }, entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1), entry.value);
        }
      }
    }
    function compose(file, service) {
      const { doc, map } = service;
      let takesSecrets = false;
      const secrets = pairOf(doc, map, "secrets");
      if (secrets && asSeq(doc, secrets.value)?.items.length) {
        takesSecrets = true;
        shareEvidence(context, file, "secrets-in-store", rangeOf(secrets.key).start, `compose service \`${service.name}\` takes its secrets from compose \`secrets:\``);
      }
      const environment = valueOf(doc, map, "environment");
      const entries = [];
      const asMapping = asMap(doc, environment);
      if (asMapping) {
        for (const pair of asMapping.items) {
          const key = keyOf(pair);
          const scalar = scalarOf(doc, pair.value);
          if (!key || !scalar || scalar.value === null || typeof scalar.value === "boolean") continue;
          const { start, end } = contentRange(file.text, scalar);
          entries.push({ key, value: String(scalar.value), start, end, templated: isTemplated(file.text, scalar) });
        }
      } else {
        for (const item of keyValueItems(doc, file.text, environment)) entries.push({ key: item.key, value: item.value, start: item.valueStart, end: item.valueEnd, templated: false });
      }
      for (const entry of entries) {
        const fallback = referenceDefault(entry.value);
        if (fallback) {
          const verdict2 = judgeLiteral(entry.key, fallback.value, file.path);
          if (verdict2) {
            const start = entry.start + fallback.offset;
            report2(verdict2, "composeDefault", { service: service.name, variable: entry.key }, start, start + Math.max(1, fallback.value.length), fallback.value);
          }
          takesSecrets ||= isSecretName(entry.key);
          continue;
        }
        const verdict = judgeLiteral(entry.key, entry.value, file.path, entry.templated);
        if (verdict) {
          takesSecrets = true;
          report2(verdict, "compose", { service: service.name, variable: entry.key }, entry.start, Math.max(entry.end, entry.start + 1), entry.value);
        } else if (isSecretName(entry.key)) {
          takesSecrets = true;
        }
      }
      context.share({ type: "workload", takesSecrets });
    }
    function helmValues(file) {
      let runs = false;
      let takesSecrets = false;
      for (const { doc, map } of documentRoots(file)) {
        walkPairs(map, (pair) => {
          const key = keyOf(pair);
          if (!key || !VALUES_ENV_KEY.test(key)) return;
          const list2 = asSeq(doc, pair.value);
          const mapping = asMap(doc, pair.value);
          if (list2 || mapping) runs = true;
          if (list2) {
            for (const item of list2.items) {
              const entry = asMap(doc, item);
              const name = scalarText(doc, valueOf(doc, entry, "name"));
              const value = pairOf(doc, entry, "value");
              if (!entry || !name) continue;
              if (asMap(doc, valueOf(doc, asMap(doc, valueOf(doc, entry, "valueFrom")), "secretKeyRef"))) {
                takesSecrets = true;
                shareEvidence(context, file, "secrets-in-store", rangeOf(entry).start, `Helm values take \`${name}\` from a Secret (secretKeyRef)`);
              } else if (value && literal(file, doc, name, value, "helmValues", {})) takesSecrets = true;
            }
          } else if (mapping) {
            for (const entry of mapping.items) {
              const name = keyOf(entry);
              if (name && asMap(doc, entry.value) === null && literal(file, doc, name, entry, "helmValues", {})) takesSecrets = true;
            }
          }
        });
      }
      if (runs) context.share({ type: "workload", takesSecrets });
    }
  }
});

// src/rules/k8s-plaintext-secret.ts
var FIX = "Commit a SealedSecret or a SOPS-encrypted file instead, or sync it from Vault (VaultStaticSecret, ExternalSecret), and rotate the value";
var k8s_plaintext_secret_default = defineRule({
  meta: {
    id: "k8s-plaintext-secret",
    description: "A Kubernetes Secret (or a kustomize secretGenerator) committed with literal values in `data` or `stringData`.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["yaml"],
    keywords: ["secret", "sops", "encryptionconfiguration", "creation_rules"],
    checklist: ["encrypted-at-rest", "secrets-in-store"],
    cwe: ["CWE-312", "CWE-311"],
    messages: {
      data: "Secret `{{name}}` keeps `{{key}}` in plaintext: base64 in `data` is an encoding, not encryption. " + FIX + ".",
      stringData: "Secret `{{name}}` keeps `{{key}}` in plaintext `stringData`. " + FIX + ".",
      generator: "The kustomize secretGenerator `{{name}}` has `{{key}}` as a literal, so the generated Secret is committed in plaintext. " + FIX + ".",
      etcdIdentity: "This EncryptionConfiguration stores Secrets unencrypted in etcd: its first provider for `secrets` is `identity`. Put `kms` (or `aescbc`, `aesgcm`, `secretbox`) first.",
      etcdKeyCommitted: "This EncryptionConfiguration commits the `{{provider}}` key that encrypts every Secret in etcd: anyone with the repository can decrypt them. Use a `kms` provider (Vault transit), or keep this file out of git and rotate the key."
    },
    options: {
      reportGenerators: {
        type: "boolean",
        default: true,
        description: "Also report literals in kustomize `secretGenerator` entries."
      }
    },
    docs: {
      why: 'The guide requires "Secrets encrypted at rest" and keeps them "in Vault or Kubernetes Secrets" fed from Vault ("HashiCorp Vault + Kubernetes Secrets Operator"). A Secret manifest committed with its `data` is readable by everyone with a clone: base64 is an encoding anyone can reverse (`kubectl get secret \u2026 -o yaml` and `base64 -d`, as the guide\'s troubleshooting shows). Label-only patches, empty values, Helm `{{ }}` templates, SOPS ciphertext (`ENC[\u2026]`) and public certificates (`ca.crt`, `tls.crt`) are not reported; SealedSecret, SOPS files, ExternalSecret and the Vault Secrets Operator\'s resources are the good path and count as evidence.',
      fix: "Remove the Secret from git and rotate what it held. Then either sync it from Vault with the Vault Secrets Operator (a `VaultStaticSecret` whose destination is the Secret) or an `ExternalSecret`, or commit it encrypted: `kubeseal` (SealedSecret) or `sops --encrypt --encrypted-regex '^(data|stringData)$'`.",
      bad: {
        path: "deploy/k8s/secrets.yaml",
        code: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: carbon-ingestion-secrets\ntype: Opaque\ndata:\n  clickhouse_password: czNjcjN0LWZha2UtcGFzc3dvcmQ=\n"
      },
      good: {
        path: "deploy/k8s/secrets.yaml",
        code: "apiVersion: secrets.hashicorp.com/v1beta1\nkind: VaultStaticSecret\nmetadata:\n  name: carbon-ingestion-secrets\n  namespace: carbon-ingestion\nspec:\n  type: kv-v2\n  mount: carbon-ingestion\n  path: production/databases\n  refreshAfter: 1h\n  destination:\n    name: carbon-ingestion-secrets\n    create: true\n"
      }
    }
  },
  create(context) {
    const reportGenerators = context.options.reportGenerators !== false;
    return {
      file(file) {
        let secrets = false;
        if (basename(file.path) === ".sops.yaml") secrets = sopsConfig(file) || secrets;
        const sopsDocs = new Set(parsedYaml(file).documents.filter(isSopsDocument));
        for (const object of kubeObjects(file)) {
          const store = SECRET_STORE_KINDS[object.kind];
          if (store && object.apiVersion && store.group.test(object.apiVersion)) {
            const what = `${store.label}: \`${object.name ?? "(templated)"}\``;
            if (store.encrypted) shareEvidence(context, file, "encrypted-at-rest", object.kindOffset, what);
            shareEvidence(context, file, "secrets-in-store", object.kindOffset, what);
            secrets = true;
          } else if (isCoreKind(object, "Secret")) {
            secrets = secretObject(file, object, sopsDocs.has(object.doc)) || secrets;
          } else if (object.kind === "EncryptionConfiguration") {
            encryptionConfiguration(file, object);
          } else if (object.kind === "Kustomization" && reportGenerators) {
            secrets = generators(file, object.doc, object.map) || secrets;
          }
        }
        if (reportGenerators && isKustomizationFileName(file.path)) {
          for (const { doc, map } of documentRoots(file)) if (!pairOf(doc, map, "kind")) secrets = generators(file, doc, map) || secrets;
        }
        const manifests = kubeObjects(file).length > 0 || composeServices(file).length > 0;
        if (manifests || secrets) context.share({ type: "manifest", secrets });
      },
      project(project) {
        const found = emitEvidence(context, project, "encrypted-at-rest");
        emitEvidence(context, project, "secrets-in-store");
        if (found > 0) return;
        const manifests = factsOf(project, "manifest");
        if (manifests.length === 0) {
          context.evidence({ checklist: "encrypted-at-rest", status: "not-applicable", message: "the repository has no Kubernetes or compose manifests, so no secret is kept at rest in it" });
        } else if (!manifests.some((m) => m.secrets)) {
          context.evidence({
            checklist: "encrypted-at-rest",
            status: "not-applicable",
            message: "no Secret manifest is committed: the secrets the manifests reference are created outside the repository"
          });
        }
      }
    };
    function secretObject(file, object, sops) {
      const entries = secretEntries(file.text, object);
      let encrypted = false;
      for (const entry of entries) {
        const verdict = judgeSecretEntry(entry);
        if (verdict === "encrypted") encrypted = true;
        if (verdict !== "secret") continue;
        const { start } = rangeOf(entry.pair.key);
        context.report({
          messageId: entry.field,
          data: { name: object.name ?? "(templated)", key: entry.key },
          range: { start, end: Math.max(entry.end, start + entry.key.length) },
          secret: entry.written,
          key: `${object.name}/${entry.key}`,
          checklist: ["encrypted-at-rest"]
        });
      }
      if (encrypted || sops && entries.length > 0) {
        shareEvidence(context, file, "encrypted-at-rest", object.kindOffset, `Secret \`${object.name ?? "(templated)"}\` is SOPS-encrypted`);
      }
      return entries.length > 0;
    }
    function encryptionConfiguration(file, object) {
      for (const item of asSeq(object.doc, valueOf(object.doc, object.map, "resources"))?.items ?? []) {
        const resource = asMap(object.doc, item);
        const names = (asSeq(object.doc, valueOf(object.doc, resource, "resources"))?.items ?? []).map((n) => scalarText(object.doc, n));
        if (!names.some((n) => n === "secrets" || n === "*.*" || n === "*.")) continue;
        const first = asMap(object.doc, asSeq(object.doc, valueOf(object.doc, resource, "providers"))?.items[0]);
        const provider = first?.items[0];
        const name = provider ? keyOf(provider) : null;
        if (!provider || !name) continue;
        if (name === "identity") {
          const { start, end } = rangeOf(provider.key);
          context.report({ messageId: "etcdIdentity", range: { start, end }, key: "identity", checklist: ["encrypted-at-rest"] });
        } else {
          shareEvidence(context, file, "encrypted-at-rest", rangeOf(provider.key).start, `etcd encrypts Secrets with \`${name}\` (EncryptionConfiguration)`);
        }
        for (const entry of asSeq(object.doc, valueOf(object.doc, resource, "providers"))?.items ?? []) {
          const providerPair = asMap(object.doc, entry)?.items[0];
          const providerName = providerPair ? keyOf(providerPair) : null;
          if (!providerPair || !providerName || !["aescbc", "aesgcm", "secretbox"].includes(providerName)) continue;
          for (const key of asSeq(object.doc, valueOf(object.doc, asMap(object.doc, providerPair.value), "keys"))?.items ?? []) {
            const secretPair = pairOf(object.doc, asMap(object.doc, key), "secret");
            const written = secretPair ? scalarText(object.doc, secretPair.value) : null;
            if (!secretPair || !written || hasReference(written) || isPlaceholderValue(written) || isTemplated(file.text, secretPair.value)) continue;
            context.report({
              messageId: "etcdKeyCommitted",
              data: { provider: providerName },
              range: pairRange(secretPair),
              secret: written,
              key: `etcd:${providerName}`,
              checklist: ["encrypted-at-rest"]
            });
          }
        }
      }
    }
    function generators(file, doc, map) {
      let any = false;
      for (const item of asSeq(doc, valueOf(doc, map, "secretGenerator"))?.items ?? []) {
        const generator = asMap(doc, item);
        const name = scalarText(doc, valueOf(doc, generator, "name")) ?? "(unnamed)";
        for (const literal of keyValueItems(doc, file.text, valueOf(doc, generator, "literals"))) {
          any = true;
          const value = literal.value.trim();
          if (value.length === 0 || isStandIn(value)) continue;
          context.report({
            messageId: "generator",
            data: { name, key: literal.key },
            range: { start: literal.keyStart, end: literal.valueEnd },
            secret: literal.value,
            key: `${name}/${literal.key}`,
            checklist: ["encrypted-at-rest"]
          });
        }
        if (valueOf(doc, generator, "envs") !== void 0 || valueOf(doc, generator, "files") !== void 0) any = true;
      }
      return any;
    }
    function sopsConfig(file) {
      for (const { doc, map } of documentRoots(file)) {
        const rules = pairOf(doc, map, "creation_rules");
        if (rules && asSeq(doc, rules.value)?.items.length) {
          shareEvidence(context, file, "encrypted-at-rest", rangeOf(rules.key).start, "SOPS creation rules encrypt secret files (`.sops.yaml`)");
          return true;
        }
      }
      return false;
    }
  }
});

// src/analysis/manifests/hcl.ts
var WORD = /[A-Za-z_][\w.-]*/y;
var NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
var HEREDOC_OPEN = /<<(-?)([A-Za-z_][\w]*)[ \t]*\r?\n/y;
function tokenize(text, start, end) {
  const tokens = [];
  let i = start;
  while (i < end) {
    const c = text.charAt(i);
    if (c === "\n") {
      tokens.push({ kind: "newline", text: "\n", start: i, end: i + 1 });
      i += 1;
    } else if (c === " " || c === "	" || c === "\r") {
      i += 1;
    } else if (c === "#" || c === "/" && text.charAt(i + 1) === "/") {
      const newline = text.indexOf("\n", i);
      i = newline === -1 || newline > end ? end : newline;
    } else if (c === "/" && text.charAt(i + 1) === "*") {
      const close = text.indexOf("*/", i + 2);
      const stop = close === -1 || close + 2 > end ? end : close + 2;
      if (text.slice(i, stop).includes("\n")) tokens.push({ kind: "newline", text: "\n", start: i, end: stop });
      i = stop;
    } else if (c === '"') {
      const close = closingQuote(text, i, end);
      tokens.push({ kind: "string", text: unescape2(text.slice(i + 1, close)), start: i + 1, end: close });
      i = Math.min(end, close + 1);
    } else if (c === "<" && text.charAt(i + 1) === "<") {
      HEREDOC_OPEN.lastIndex = i;
      const open = HEREDOC_OPEN.exec(text);
      if (!open || open.index !== i) {
        tokens.push({ kind: "punct", text: "<", start: i, end: i + 1 });
        i += 1;
        continue;
      }
      const bodyStart = HEREDOC_OPEN.lastIndex;
      const { bodyEnd, next } = heredocEnd(text, bodyStart, end, open[2]);
      tokens.push({ kind: "heredoc", text: text.slice(bodyStart, bodyEnd), start: bodyStart, end: bodyEnd });
      tokens.push({ kind: "newline", text: "\n", start: bodyEnd, end: next });
      i = next;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const match = WORD.exec(text);
      tokens.push({ kind: "word", text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (/[-0-9]/.test(c)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (match && match.index === i) {
        tokens.push({ kind: "number", text: match[0], start: i, end: i + match[0].length });
        i += match[0].length;
      } else {
        tokens.push({ kind: "punct", text: c, start: i, end: i + 1 });
        i += 1;
      }
    } else {
      tokens.push({ kind: "punct", text: c, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}
function closingQuote(text, open, end) {
  for (let i = open + 1; i < end; i++) {
    const c = text.charAt(i);
    if (c === "\\") i += 1;
    else if (c === '"' || c === "\n") return i;
  }
  return end;
}
function unescape2(raw) {
  return raw.includes("\\") ? raw.replace(/\\(["\\nt])/g, (_, c) => c === "n" ? "\n" : c === "t" ? "	" : c) : raw;
}
function heredocEnd(text, bodyStart, end, delimiter) {
  let line = bodyStart;
  while (line < end) {
    const newline = text.indexOf("\n", line);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    if (text.slice(line, lineEnd).trim() === delimiter) return { bodyEnd: line, next: lineEnd };
    line = lineEnd + 1;
  }
  return { bodyEnd: end, next: end };
}
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  i = 0;
  body(closing) {
    const body = { attributes: [], blocks: [] };
    while (this.i < this.tokens.length) {
      const token2 = this.tokens[this.i];
      if (token2.kind === "newline" || token2.kind === "punct" && token2.text === ",") {
        this.i++;
        continue;
      }
      if (token2.kind === "punct" && token2.text === "}") {
        if (closing) return body;
        this.i++;
        continue;
      }
      if (token2.kind === "word" || token2.kind === "string") this.item(body);
      else this.skipLine();
    }
    return body;
  }
  // name = value   |   type "label" label {
  item(body) {
    const first = this.tokens[this.i];
    const next = this.tokens[this.i + 1];
    if (next?.kind === "punct" && (next.text === "=" || next.text === ":")) {
      this.i += 2;
      body.attributes.push({ name: first.text, nameStart: first.start, value: this.value() });
      return;
    }
    const labels = [];
    let j = this.i + 1;
    while (j < this.tokens.length && (this.tokens[j].kind === "string" || this.tokens[j].kind === "word")) labels.push(this.tokens[j++].text);
    const open = this.tokens[j];
    if (first.kind === "word" && open?.kind === "punct" && open.text === "{") {
      this.i = j + 1;
      const inner = this.body(true);
      const close = this.tokens[this.i];
      const end = close ? close.end : this.tokens.at(-1)?.end ?? first.end;
      if (close) this.i++;
      body.blocks.push({ type: first.text, labels, start: first.start, end, body: inner });
      return;
    }
    this.skipLine();
  }
  value() {
    while (this.tokens[this.i]?.kind === "newline") this.i++;
    const token2 = this.tokens[this.i];
    if (!token2) return { type: "other", text: "", start: 0, end: 0 };
    if (token2.kind === "string" || token2.kind === "heredoc") {
      this.i++;
      if (token2.kind === "string" && this.continues()) return this.rest(token2.start - 1);
      return { type: token2.kind, value: token2.text, start: token2.start, end: token2.end };
    }
    if (token2.kind === "number") {
      this.i++;
      if (this.continues()) return this.rest(token2.start);
      return { type: "number", value: Number(token2.text), start: token2.start, end: token2.end };
    }
    if (token2.kind === "word" && (token2.text === "true" || token2.text === "false")) {
      this.i++;
      return { type: "bool", value: token2.text === "true", start: token2.start, end: token2.end };
    }
    if (token2.kind === "punct" && token2.text === "[") return this.list();
    if (token2.kind === "punct" && token2.text === "{") {
      this.i++;
      const body = this.body(true);
      const close = this.tokens[this.i];
      if (close) this.i++;
      return { type: "object", body, start: token2.start, end: close?.end ?? token2.end };
    }
    return this.rest(token2.start);
  }
  // An operator or call after a literal: `"a" + var.b`, `file("x")`: keep it as other text.
  continues() {
    const next = this.tokens[this.i];
    return next !== void 0 && next.kind !== "newline" && !(next.kind === "punct" && (next.text === "," || next.text === "}" || next.text === "]"));
  }
  list() {
    const open = this.tokens[this.i++];
    const items = [];
    while (this.i < this.tokens.length) {
      const token2 = this.tokens[this.i];
      if (token2.kind === "newline" || token2.kind === "punct" && token2.text === ",") {
        this.i++;
        continue;
      }
      if (token2.kind === "punct" && token2.text === "]") {
        this.i++;
        return { type: "list", items, start: open.start, end: token2.end };
      }
      if (token2.kind === "punct" && token2.text === "}") break;
      const before = this.i;
      items.push(this.value());
      if (this.i === before) this.i++;
    }
    return { type: "list", items, start: open.start, end: this.tokens[this.i - 1]?.end ?? open.end };
  }
  // Everything to the end of the line at bracket depth zero, as raw text.
  rest(start) {
    let depth = 0;
    let end = start;
    while (this.i < this.tokens.length) {
      const token2 = this.tokens[this.i];
      if (token2.kind === "newline" && depth === 0) break;
      if (token2.kind === "punct" && "([{".includes(token2.text)) depth++;
      if (token2.kind === "punct" && ")]}".includes(token2.text)) {
        if (depth === 0) break;
        depth--;
      }
      end = token2.end;
      this.i++;
    }
    return { type: "other", text: "", start, end };
  }
  skipLine() {
    while (this.i < this.tokens.length && this.tokens[this.i].kind !== "newline") {
      const token2 = this.tokens[this.i];
      if (token2.kind === "punct" && token2.text === "}") return;
      this.i++;
    }
  }
};
function parseHcl(text, start = 0, end = text.length) {
  return new Parser(tokenize(text, start, end)).body(false);
}
function attribute2(body, name) {
  return body.attributes.find((a) => a.name === name);
}
function attributeText(body, name) {
  const value = attribute2(body, name)?.value;
  if (!value) return null;
  if (value.type === "string" || value.type === "heredoc") return value.value;
  if (value.type === "number" || value.type === "bool") return String(value.value);
  return null;
}
function stringList(value) {
  if (!value || value.type !== "list") return [];
  return value.items.flatMap((item) => item.type === "string" ? [item.value] : []);
}
function allBlocks(body) {
  const found = [];
  const visit = (b, depth) => {
    if (depth > 32) return;
    for (const block of b.blocks) {
      found.push(block);
      visit(block.body, depth + 1);
    }
  };
  visit(body, 0);
  return found;
}

// src/analysis/manifests/vault.ts
var POLICY_WRITE = /\b(?:vault|bao)[ \t]+policy[ \t]+write[ \t]+(?:-[\w-]+(?:=\S+)?[ \t]+)*([\w.@/-]+)[ \t]+(-|[^\s;&|<>]+)(?:[ \t]*<<-?[ \t]*['"]?([A-Za-z_]\w*)['"]?)?/g;
function vaultPolicies(file) {
  return file.cached("manifests:vault-policies", () => file.kind === "hcl" ? hclPolicies(file) : commandPolicies(file.text));
}
function policyBindings(file) {
  return file.cached("manifests:vault-policy-bindings", () => {
    const bindings = [];
    if (file.kind === "hcl") {
      for (const block of parseHclCached(file).blocks) {
        if (block.type !== "resource" || block.labels[0] !== "vault_policy") continue;
        const name = attributeText(block.body, "name") ?? block.labels[1];
        const policy = attribute2(block.body, "policy")?.value;
        const fileArg = policy && policy.type === "other" ? /file\(\s*"([^"]+)"\s*\)/.exec(file.text.slice(policy.start, policy.end))?.[1] : void 0;
        if (name && fileArg) bindings.push({ name, file: fileArg.replace(/^\$\{[^}]*\}\//, "") });
      }
      return bindings;
    }
    for (const match of file.text.matchAll(POLICY_WRITE)) {
      if (match[2] && match[2] !== "-" && match[1]) bindings.push({ name: match[1], file: match[2] });
    }
    return bindings;
  });
}
function parseHclCached(file) {
  return file.cached("manifests:hcl", () => parseHcl(file.text));
}
function hclPolicies(file) {
  const body = parseHclCached(file);
  const policies = [];
  const topLevel = rulesOf(body);
  if (topLevel.length > 0) policies.push({ name: basename(file.path).replace(/\.(?:hcl|json)$/, ""), rules: topLevel, start: 0 });
  for (const block of allBlocks(body)) {
    if (block.type === "resource" && block.labels[0] === "vault_policy") {
      const policy = attribute2(block.body, "policy")?.value;
      if (policy?.type === "heredoc" || policy?.type === "string") {
        const name = attributeText(block.body, "name") ?? block.labels[1] ?? null;
        policies.push({ name, rules: rulesOf(parseHcl(file.text, policy.start, policy.end)), start: block.start });
      }
    } else if (block.type === "data" && block.labels[0] === "vault_policy_document") {
      const rules = [];
      for (const rule of block.body.blocks.filter((b) => b.type === "rule")) {
        const path = attribute2(rule.body, "path")?.value;
        const caps = attribute2(rule.body, "capabilities")?.value;
        if (path?.type === "string") rules.push(ruleFrom(path.value, path.start, path.end, caps));
      }
      policies.push({ name: block.labels[1] ?? null, rules, start: block.start });
    }
  }
  return policies;
}
function commandPolicies(text) {
  if (!/policy\s+write/.test(text)) return [];
  const policies = [];
  for (const match of text.matchAll(POLICY_WRITE)) {
    const delimiter = match[3];
    if (match[2] !== "-" || !delimiter || !match[1]) continue;
    const bodyStart = text.indexOf("\n", match.index) + 1;
    if (bodyStart === 0) continue;
    const bodyEnd = heredocBodyEnd(text, bodyStart, delimiter);
    policies.push({ name: match[1], rules: rulesOf(parseHcl(text, bodyStart, bodyEnd)), start: match.index });
  }
  return policies;
}
function heredocBodyEnd(text, start, delimiter) {
  let line = start;
  while (line < text.length) {
    const newline = text.indexOf("\n", line);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(line, end).trim() === delimiter) return line;
    line = end + 1;
  }
  return text.length;
}
function rulesOf(body) {
  const rules = [];
  for (const block of body.blocks) {
    if (block.type !== "path" || block.labels.length === 0) continue;
    const label = block.labels[0];
    const caps = attribute2(block.body, "capabilities")?.value;
    rules.push(ruleFrom(label, block.start, block.start + 4 + label.length + 3, caps));
  }
  return rules;
}
function ruleFrom(path, pathStart, pathEnd, caps) {
  return {
    path,
    pathStart,
    pathEnd,
    capabilities: stringList(caps).map((c) => c.toLowerCase()),
    capabilitiesStart: caps?.start ?? pathStart,
    capabilitiesEnd: caps?.end ?? pathEnd
  };
}

// src/analysis/manifests/platform.ts
var ANCHOR_KEYWORDS = ["secret", "vault", "password", "token", "credential", "key", "storage", "listener"];
function anchorsOf(file) {
  return file.cached("manifests:anchors", () => {
    const found = [];
    const add = (what, rank2, vault, offset) => found.push({ type: "anchor", what, rank: rank2, vault, path: file.path, line: file.positionAt(offset).line });
    switch (file.kind) {
      case "hcl":
        hclAnchors(file, add);
        break;
      case "yaml":
        yamlAnchors(file, add);
        break;
      case "dotenv": {
        const entry = dotenvView(file).find((e) => isSecretLikeKey(e.key));
        if (entry) add(`${isEnvTemplateName(basename(file.path)) ? "the env template" : "the env file"} \`${file.path}\` (\`${entry.key}\`)`, 6, false, entry.keyStart);
        break;
      }
      case "shell":
      case "dockerfile": {
        const command = /\b(?:vault\s+(?:kv\s+put|write|secrets\s+enable|server)|kubectl\s+create\s+secret)\b/.exec(file.text);
        if (command) add(`\`${command[0]}\` in a script`, 3, command[0].startsWith("vault"), command.index);
        break;
      }
    }
    return found;
  });
}
var VAULT_CHART_SERVER_KEYS = ["dataStorage", "auditStorage", "ha", "standalone", "dev"];
function hclAnchors(file, add) {
  const body = parseHclCached(file);
  const server = body.blocks.find((b) => b.type === "storage" || b.type === "listener" || b.type === "seal" || b.type === "ha_storage");
  if (server) add("a Vault server configuration", 0, true, server.start);
  const policy = vaultPolicies(file).find((p) => p.rules.length > 0);
  if (policy) add(`the Vault policy \`${policy.name ?? file.path}\``, 1, true, policy.rules[0].pathStart);
  const resource = allBlocks(body).find((b) => (b.type === "resource" || b.type === "provider") && /^vault(?:_|$)/.test(b.labels[0] ?? ""));
  if (resource) add(`the Terraform resource \`${resource.labels[0]}\``, 1, true, resource.start);
}
function yamlAnchors(file, add) {
  if (isHelmValuesFileName(file.path)) {
    for (const { doc, map } of documentRoots(file)) {
      const server = pairOf(doc, map, "server");
      const serverMap = asMap(doc, server?.value);
      if (server && serverMap && VAULT_CHART_SERVER_KEYS.some((k) => pairOf(doc, serverMap, k))) add("the Vault Helm values", 0, true, rangeOf(server.key).start);
    }
  }
  for (const object of kubeObjects(file)) {
    const store = SECRET_STORE_KINDS[object.kind];
    if (store && object.apiVersion && store.group.test(object.apiVersion)) {
      add(`${object.kind} \`${object.name ?? "(templated)"}\``, object.kind.startsWith("Vault") ? 1 : 2, object.kind.startsWith("Vault"), object.kindOffset);
      continue;
    }
    if (isCoreKind(object, "Secret")) {
      add(`Secret \`${object.name ?? "(templated)"}\``, 2, false, object.kindOffset);
      continue;
    }
    for (const container of containersIn(object.doc, object.map)) {
      const ref = envEntries(object.doc, container.map).find((e) => e.secretKeyRef || isSecretLikeKey(e.name));
      const from = envFromSecretRefs(object.doc, container.map)[0];
      if (ref || from) {
        add(`${object.kind} \`${object.name ?? "(templated)"}\`, whose containers take secrets`, 4, false, ref?.offset ?? from.offset);
        break;
      }
    }
  }
  for (const service of composeServices(file)) {
    const environment = valueOf(service.doc, service.map, "environment");
    const map = asMap(service.doc, environment);
    const keys2 = map ? map.items.flatMap((p) => {
      const key = keyOf(p);
      return key ? [{ key, offset: rangeOf(p.key).start }] : [];
    }) : (asSeq(service.doc, environment)?.items ?? []).flatMap((item) => {
      const text = String(item.value ?? "");
      const key = /^([A-Za-z_][\w.-]*)/.exec(text)?.[1];
      return key ? [{ key, offset: rangeOf(item).start }] : [];
    });
    const secretKey = keys2.find((k) => isSecretLikeKey(k.key));
    const secrets = valueOf(service.doc, service.map, "secrets");
    if (secretKey || secrets) {
      add(`the compose service \`${service.name}\`, which takes secrets`, 5, false, secretKey?.offset ?? rangeOf(secrets).start);
    }
  }
}
function strongestAnchor(anchors, preferVault = false) {
  let best = null;
  for (const anchor of anchors) {
    const score = anchor.rank - (preferVault && anchor.vault ? 10 : 0);
    const bestScore = best ? best.rank - (preferVault && best.vault ? 10 : 0) : Infinity;
    if (score < bestScore) best = anchor;
  }
  return best;
}

// src/rules/missing-audit-logging.ts
var AUDIT_STANZA = /^\s*audit\s+"[\w-]+"(?:\s+"[\w/-]+")?\s*\{/;
var missing_audit_logging_default = defineRule({
  meta: {
    id: "missing-audit-logging",
    description: "The repository keeps or serves secrets, but nothing in it enables access audit logging (a Vault audit device, or an API-server audit policy covering Secrets).",
    severity: "warning",
    recommended: true,
    scope: "project",
    keywords: ["audit", ...ANCHOR_KEYWORDS],
    checklist: ["audit-logging"],
    cwe: ["CWE-778"],
    messages: {
      missing: "Secrets are kept or served here ({{what}}), but nothing in the repository enables access audit logging: enable a Vault audit device (`vault audit enable file file_path=/vault/audit/audit.log`, `server.auditStorage.enabled: true` in the Vault Helm values, or an `audit` stanza in the server config), or an API-server audit policy that logs access to `secrets`."
    },
    docs: {
      why: 'The guide\'s checklist asks for "Access audit logging enabled", and its auditing practices are to "Log all secret access attempts" and "Monitor for unauthorized access". Without an audit device Vault keeps no record of who read which secret, so a leak cannot be traced. This rule passes on a `vault audit enable` in a script, a declarative `audit` stanza or Terraform `vault_audit` resource, `server.auditStorage.enabled: true` in the Vault Helm values, a bank-vaults `externalConfig.audit` list, or a Kubernetes audit `Policy` that logs `secrets`; it is not applicable to a repository with no secret store, Secret, or service given secrets.',
      fix: 'Enable an audit device where Vault is configured: in the bootstrap script `vault audit enable file file_path=/vault/audit/audit.log`, or with the Vault Helm chart `server.auditStorage.enabled: true` plus the `vault audit enable` step, or in Terraform `resource "vault_audit" "file" { type = "file" options = { file_path = "/vault/audit/audit.log" } }`. Ship the log to your SIEM.',
      bad: { path: "vault/bootstrap.sh", code: "vault secrets enable -path=carbon-ingestion kv-v2\nvault policy write carbon-ingestion-read vault/policies/carbon-ingestion-read.hcl\n" },
      good: { path: "vault/bootstrap.sh", code: "vault audit enable file file_path=/vault/audit/audit.log\nvault secrets enable -path=carbon-ingestion kv-v2\nvault policy write carbon-ingestion-read vault/policies/carbon-ingestion-read.hcl\n" }
    }
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        if (file.kind === "markdown" || file.kind === "python" || file.kind === "javascript") return;
        commands(file);
        if (file.kind === "hcl") hcl(file);
        if (file.kind === "yaml") yaml(file);
      },
      project(project) {
        if (emitEvidence(context, project, "audit-logging") > 0) return;
        const anchor = strongestAnchor(factsOf(project, "anchor"), true);
        if (!anchor) {
          context.evidence({ checklist: "audit-logging", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no secret access to audit" });
          return;
        }
        context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      }
    };
    function evidence(file, offset, message) {
      shareEvidence(context, file, "audit-logging", offset, message);
    }
    function commands(file) {
      if (!/audit/.test(file.text)) return;
      for (const line of linesOf(file.text)) {
        if (isCommentLine(line.text)) continue;
        const command = VAULT_AUDIT_COMMAND.exec(line.text);
        if (command) evidence(file, line.start + command.index, command[0].startsWith("/") ? "the Vault audit API enables a device" : `\`${command[0]}\` enables a Vault audit device`);
        else if (file.kind !== "hcl" && AUDIT_STANZA.test(line.text)) evidence(file, line.start, "a declarative `audit` stanza in the Vault server configuration");
      }
    }
    function hcl(file) {
      for (const block of allBlocks(parseHclCached(file))) {
        if (block.type === "audit" && block.labels.length > 0) evidence(file, block.start, `a declarative \`audit "${block.labels[0]}"\` device in the Vault server configuration`);
        if (block.type === "resource" && block.labels[0] === "vault_audit") evidence(file, block.start, `Terraform enables a Vault audit device (\`vault_audit.${block.labels[1] ?? ""}\`)`);
      }
    }
    function yaml(file) {
      for (const doc of parsedYaml(file).documents) {
        walkPairs(doc.contents, (pair, path) => {
          const key = keyOf(pair);
          if (key === "auditStorage") {
            if (scalarText(doc, valueOf(doc, asMap(doc, pair.value), "enabled")) === "true") evidence(file, rangeOf(pair.key).start, "the Vault Helm values enable audit storage (`server.auditStorage.enabled`)");
          } else if (key === "audit" && path.includes("externalConfig") && (asSeq(doc, pair.value)?.items.length ?? 0) > 0) {
            evidence(file, rangeOf(pair.key).start, "bank-vaults `externalConfig.audit` enables a Vault audit device");
          }
        });
      }
      for (const object of kubeObjects(file)) {
        if (object.kind !== "Policy" || !object.apiVersion?.startsWith("audit.k8s.io/")) continue;
        for (const item of asSeq(object.doc, valueOf(object.doc, object.map, "rules"))?.items ?? []) {
          const rule = asMap(object.doc, item);
          const level = scalarText(object.doc, valueOf(object.doc, rule, "level"));
          const text = rule ? file.text.slice(rangeOf(rule).start, rangeOf(rule).end) : "";
          if (level && level !== "None" && /\bsecrets\b/.test(text)) {
            evidence(file, rangeOf(rule).start, `the API-server audit policy logs access to Secrets at level \`${level}\``);
            break;
          }
        }
      }
    }
  }
});

// src/rules/missing-auth-failure-alerts.ts
var missing_auth_failure_alerts_default = defineRule({
  meta: {
    id: "missing-auth-failure-alerts",
    description: "The repository keeps or serves secrets, but no alerting rule (Prometheus rule file, PrometheusRule, Loki ruler) fires on authentication failures.",
    severity: "warning",
    recommended: true,
    scope: "project",
    kinds: ["yaml", "hcl", "dotenv", "shell", "dockerfile"],
    keywords: ["alert", ...ANCHOR_KEYWORDS],
    checklist: ["auth-failure-alerts"],
    cwe: ["CWE-778", "CWE-307"],
    messages: {
      missingAmongRules: 'None of the {{count}} alerting rules in this file covers authentication failures, though the repository keeps or serves secrets: add one, e.g. `alert: VaultLoginFailures` on `increase(vault_core_handle_login_request_count{error!=""}[5m]) > 5`, or on HTTP 401/403 rates.',
      missing: "Secrets are kept or served here ({{what}}), but no alerting rule fires on authentication failures: add a PrometheusRule (or rule file) alerting on failed logins, 401/403 rates or SASL authentication errors."
    },
    docs: {
      why: 'The guide\'s checklist asks for "Monitoring alerts configured for auth failures"; its auditing practices say "Alert on failed authentication attempts", and after every rotation "Monitor for authentication errors". A failed login is the first sign of a leaked, expired or half-rotated credential. This rule passes on an alerting rule (a map with `alert:` and `expr:`, in a `PrometheusRule`, a Prometheus or Loki rule file, or chart values) whose name, expression, labels or annotations are about authentication failures: failed logins, `unauthorized`, 401/403 responses, invalid credentials or tokens, permission denied, SASL authentication errors, Vault login request errors. Recording rules are not alerts. It is not applicable to a repository that keeps no secret store, Secret or service given secrets.',
      fix: 'Add an alerting rule next to the others, for example in a `PrometheusRule`: `alert: IngestionAuthFailures`, `expr: sum(rate(http_requests_total{job="ingest",code=~"401|403"}[5m])) > 1`, `for: 10m`, with a `runbook_url` to the emergency rotation runbook.',
      bad: {
        path: "deploy/monitoring/ingest-rules.yaml",
        code: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ingest\nspec:\n  groups:\n    - name: ingest\n      rules:\n        - alert: IngestHighLatency\n          expr: histogram_quantile(0.99, sum(rate(ingest_duration_seconds_bucket[5m])) by (le)) > 2\n"
      },
      good: {
        path: "deploy/monitoring/ingest-rules.yaml",
        code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ingest\nspec:\n  groups:\n    - name: ingest\n      rules:\n        - alert: IngestAuthFailures\n          expr: sum(rate(http_requests_total{job="ingest",code=~"401|403"}[5m])) > 1\n          for: 10m\n          labels:\n            severity: page\n'
      }
    }
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        if (file.kind === "yaml" && /alert/.test(file.text)) alerts(file);
      },
      project(project) {
        if (emitEvidence(context, project, "auth-failure-alerts") > 0) return;
        const anchor = strongestAnchor(factsOf(project, "anchor"));
        if (!anchor) {
          context.evidence({ checklist: "auth-failure-alerts", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no authentication to watch" });
          return;
        }
        const rules = factsOf(project, "alerts")[0];
        if (rules) context.report({ messageId: "missingAmongRules", data: { count: rules.count }, path: rules.path, loc: { line: rules.line }, key: "missing" });
        else context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      }
    };
    function alerts(file) {
      let first = null;
      let count = 0;
      let covered = false;
      for (const doc of parsedYaml(file).documents) {
        walkMaps(doc.contents, (map) => {
          const alert = scalarText(doc, valueOf(doc, map, "alert"));
          if (!alert || valueOf(doc, map, "expr") === void 0) return;
          const { start, end } = rangeOf(map);
          first ??= start;
          count++;
          if (AUTH_FAILURE_SIGNAL.test(alert) || AUTH_FAILURE_SIGNAL.test(file.text.slice(start, end))) {
            covered = true;
            shareEvidence(context, file, "auth-failure-alerts", start, `the alerting rule \`${alert}\` fires on authentication failures`);
          }
        });
      }
      if (first !== null && !covered) {
        context.share({ type: "alerts", path: file.path, line: file.positionAt(first).line, count });
      }
    }
  }
});

// src/analysis/manifests/runbooks.ts
function sectionsOf(text) {
  const lines = linesOf(text);
  const headings = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text;
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const atx = /^(#{1,6})[ \t]+(\S.*)$/.exec(line) ?? /^(={1,6})[ \t]+(\S.*)$/.exec(line);
    if (atx) {
      let end = atx[2].length;
      while (end > 0 && " 	#".includes(atx[2].charAt(end - 1))) end--;
      const heading = atx[2].slice(0, end) || atx[2];
      headings.push({ heading, level: atx[1].length, start: lines[i].start, line: i, bodyLine: i + 1 });
      continue;
    }
    const next = lines[i + 1]?.text ?? "";
    if (line.trim().length > 0 && !/^\s*[-*+]\s/.test(line) && /^(?:={3,}|-{3,}|~{3,}|\^{3,})\s*$/.test(next) && next.trim().length >= Math.min(3, line.trim().length)) {
      headings.push({ heading: line.trim(), level: next.startsWith("=") ? 1 : 2, start: lines[i].start, line: i, bodyLine: i + 2 });
      i += 1;
    }
  }
  const ends = new Array(headings.length).fill(lines.length);
  const open = [];
  headings.forEach((h, index) => {
    while (open.length > 0 && headings[open.at(-1)].level >= h.level) ends[open.pop()] = h.line;
    open.push(index);
  });
  return headings.map((h, index) => ({
    heading: h.heading,
    level: h.level,
    start: h.start,
    end: lines[ends[index]]?.start ?? text.length,
    body: lines.slice(h.bodyLine, ends[index]).map((l) => l.text).join("\n")
  }));
}
function isProcedure(body) {
  const numbered = (body.match(/^\s*(?:\d+[.)]|\.)\s+\S/gm) ?? []).length;
  const fenced = /^\s*(?:```|~~~)/m.test(body) || /^-{4,}\s*$/m.test(body) || /^(?: {4}|\t)\S/m.test(body);
  const commandBullets = (body.match(/^[ \t]*[-*+][ \t]+[^`\n]*`[^`\n]+`/gm) ?? []).length;
  return numbered >= 2 || fenced || commandBullets >= 2;
}
function emergencySections(text) {
  const found = sectionsOf(text).filter((s) => EMERGENCY_HEADING.test(s.heading) && isProcedure(s.body) && EMERGENCY_ACTION.test(s.body));
  return found.filter((outer) => !found.some((inner) => inner !== outer && inner.start > outer.start && inner.start < outer.end)).map((section) => ({
    section,
    kind: /break[\s_-]?glass/i.test(section.heading + "\n" + section.body) && !/rotat/i.test(section.heading) ? "break-glass access" : "emergency rotation"
  }));
}

// src/rules/missing-emergency-procedures.ts
var missing_emergency_procedures_default = defineRule({
  meta: {
    id: "missing-emergency-procedures",
    description: "The repository keeps or serves secrets, but no runbook documents an emergency rotation or break-glass procedure.",
    severity: "warning",
    recommended: true,
    scope: "project",
    keywords: ["emergenc", "break-glass", "break glass", "breakglass", "compromis", "leak", "exposed", "incident", ...ANCHOR_KEYWORDS],
    checklist: ["emergency-procedures"],
    cwe: ["CWE-1059"],
    messages: {
      missing: "Secrets are kept or served here ({{what}}), but no runbook documents what to do when one leaks: add a section such as `## Emergency rotation` with the steps to rotate and revoke each credential, and `## Break-glass access` with how to reach Vault when normal access fails."
    },
    docs: {
      why: `The guide's checklist asks for "Emergency procedures documented": "Document emergency rotation procedures", "Maintain break-glass access procedures", "Keep backup admin credentials in secure location". When a credential leaks, nobody should be working out the steps for the first time. This rule passes on a document section whose heading names an emergency, a compromise, a leak, an incident or break-glass access, and whose body is a procedure (numbered steps or commands) that rotates, revokes or breaks glass. A list that only says procedures should exist (like the guide's own "Emergency Procedures" bullets) is not one. It is not applicable to a repository that keeps no secret store, Secret or service given secrets.`,
      fix: "Write the runbook next to the platform code (for example `docs/runbooks/secrets-emergency.md`): a `## Emergency rotation` section with numbered steps (`vault kv put \u2026` with the new value, `kubectl annotate vaultstaticsecret \u2026 secrets.hashicorp.com/refresh=\u2026`, `kubectl rollout restart \u2026`, revoke the old credential at the provider) and a `## Break-glass access` section saying who holds the backup admin credentials, where, and how their use is audited.",
      bad: { path: "docs/secrets.md", code: "## Emergency Procedures\n\n- Document emergency rotation procedures\n- Maintain break-glass access procedures\n" },
      good: {
        path: "docs/runbooks/secrets-emergency.md",
        code: "## Emergency rotation of a leaked credential\n\n1. Generate a new credential at the provider.\n2. Store it: `vault kv put carbon-ingestion/production/connectors caiso_api_key=\u2026`\n3. Refresh and restart: `kubectl rollout restart deployment -n carbon-ingestion`\n4. Revoke the old credential and check the audit log for its use.\n"
      }
    }
  },
  create(context) {
    return {
      file(file) {
        for (const anchor of anchorsOf(file)) context.share(anchor);
        if (file.kind !== "markdown" && file.kind !== "text") return;
        for (const { section, kind } of emergencySections(file.text)) {
          shareEvidence(context, file, "emergency-procedures", section.start, `the runbook section "${section.heading.replace(/[`*_]/g, "")}" documents ${kind}`);
        }
      },
      project(project) {
        if (emitEvidence(context, project, "emergency-procedures") > 0) return;
        const anchor = strongestAnchor(factsOf(project, "anchor"));
        if (!anchor) {
          context.evidence({ checklist: "emergency-procedures", status: "not-applicable", message: "the repository keeps no secret store, Secret or service given secrets, so there is no credential to rotate in an emergency" });
          return;
        }
        context.report({ messageId: "missing", data: { what: anchor.what }, path: anchor.path, loc: { line: anchor.line }, key: "missing" });
      }
    };
  }
});

// src/analysis/code/shared.ts
var CLEAN = { state: "clean" };
var UNKNOWN = { state: "unknown" };
function tainted(source, container) {
  return container ? { state: "tainted", source, container } : { state: "tainted", source };
}
function union(flows) {
  let unknown = false;
  for (const flow of flows) {
    if (flow.state === "tainted") return flows.length === 1 ? flow : tainted(flow.source);
    if (flow.state === "unknown") unknown = true;
  }
  return unknown ? UNKNOWN : CLEAN;
}
function memberFlow(owner, name) {
  if (owner.state !== "tainted") return owner.state === "clean" ? CLEAN : UNKNOWN;
  if (owner.container === "environment") return isSecretName2(name) ? tainted(name) : CLEAN;
  if (owner.container === "headers") return isSecretHeaderName(name) ? tainted(name) : CLEAN;
  return isDescribingName(name) ? CLEAN : tainted(owner.source);
}
function isSecretValueName(name) {
  if (!isSecretLikeKey(name)) return false;
  const first = nameWords(name)[0];
  return first === void 0 || !nameListWords.has(first);
}
function isCredentialUrlName(name) {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === void 0 || !urlWords.has(last)) return false;
  return words.slice(0, -1).some((w) => credentialUrlWords.has(w));
}
function isSecretName2(name) {
  if (PUBLIC_ENV_PREFIXES.some((p) => name.startsWith(p))) return false;
  return isSecretValueName(name) || isCredentialUrlName(name);
}
function isSecretHeaderName(name) {
  return secretHeaders.has(name.toLowerCase()) || isSecretName2(name);
}
function isDescribingName(name) {
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last !== void 0 && describingWords.has(last);
}
function isSanitizerName(name, extra = EMPTY) {
  if (extra.has(name)) return true;
  return nameWords(name).some((w) => sanitizerWords.has(w));
}
function isPropagatingFunction(name) {
  return propagating.has(name);
}
function isCleanMethod(name) {
  return cleanMethods.has(name) || /^is[A-Z_]/.test(name);
}
function isLoggerName(name, extra = EMPTY) {
  if (extra.has(name)) return true;
  const words = nameWords(name);
  const last = words[words.length - 1];
  return last !== void 0 && loggerWords.has(last);
}
var MAX_SHOWN_CHARACTERS = 8;
function isShortEnd(start, end) {
  if ((start === null || start === 0) && end !== null && end > 0 && end <= MAX_SHOWN_CHARACTERS) return true;
  if (start !== null && start < 0 && start >= -MAX_SHOWN_CHARACTERS && (end === null || end === 0)) return true;
  return false;
}
function parseRedactPath(path) {
  const parts = [];
  for (const match of path.matchAll(/\[\s*["']([^"']*)["']\s*\]|\[\s*\*\s*\]|\[\s*\d+\s*\]|[^.[\]]+/g)) {
    const [whole, quoted] = match;
    if (quoted !== void 0) parts.push(quoted);
    else if (whole.includes("*")) parts.push("*");
    else if (whole.startsWith("[")) parts.push("*");
    else parts.push(whole.trim());
  }
  return parts;
}
function isRedacted(path, redactions) {
  return redactions.some((r) => r.length === path.length && r.every((part, i) => part === "*" || part === path[i]));
}
function shown(source) {
  const compact = source.replace(/\s+/g, " ");
  return compact.length > 60 ? `${compact.slice(0, 57)}\u2026` : compact;
}
var EMPTY = /* @__PURE__ */ new Set();
var nameListWords = new Set(NAME_LIST_WORDS);
var credentialUrlWords = new Set(CREDENTIAL_URL_WORDS);
var urlWords = new Set(URL_WORDS);
var secretHeaders = new Set(SECRET_HEADER_NAMES);
var describingWords = new Set(DESCRIBING_WORDS);
var sanitizerWords = new Set(SANITIZER_WORDS);
var propagating = new Set(PROPAGATING_FUNCTIONS);
var cleanMethods = new Set(CLEAN_METHODS);
var loggerWords = new Set(LOGGER_WORDS);
function emptyFacts(path, language) {
  return { type: "code", path, language, unparsed: false, entries: [], reads: [], checks: [], calls: [], functions: [], hooks: [], constants: {} };
}
function moduleScope(path) {
  return `${path}#module`;
}
function isVariableName(value) {
  return /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(value);
}
function variableNameOf(value) {
  return value !== null && isVariableName(value) ? value : null;
}

// src/analysis/code/javascript.ts
var FEED_METHODS = /* @__PURE__ */ new Set(["push", "unshift", "add", "set", "concat"]);
function isFunction(node) {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}
function buildJavaScriptModel(program, path) {
  const module = { kind: "module", node: program, parent: null, name: "<module>", bindings: /* @__PURE__ */ new Map(), params: [], factScope: moduleScope(path), feeds: /* @__PURE__ */ new Map() };
  const model = {
    program,
    module,
    parents: /* @__PURE__ */ new Map(),
    scopes: /* @__PURE__ */ new Map(),
    functions: /* @__PURE__ */ new Map(),
    instance: /* @__PURE__ */ new Map(),
    calls: [],
    throws: [],
    ifs: [],
    members: [],
    patterns: [],
    redactions: []
  };
  const inner = /* @__PURE__ */ new Map();
  walk(program, (node, parent) => {
    model.parents.set(node, parent);
    const outer = parent ? inner.get(parent) ?? module : module;
    model.scopes.set(node, outer);
    let own = outer;
    if (isFunction(node)) {
      const name = functionName(node, parent);
      const invoked = parent?.type === "CallExpression" && parent.callee === node;
      const factScope = invoked ? outer.factScope : `${path}#${name ?? "<anonymous>"}@${node.loc.start.line}`;
      own = { kind: "function", node, parent: outer, name: name ?? "<anonymous>", bindings: /* @__PURE__ */ new Map(), params: [], factScope, feeds: /* @__PURE__ */ new Map() };
      model.functions.set(node, own);
      node.params.forEach((param) => bindPattern(own, param, null, own.node.range[0], "param"));
    }
    inner.set(node, own);
    record(model, node, outer);
  });
  return model;
}
function functionName(node, parent) {
  if ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.id) return node.id.name;
  if (!parent) return null;
  if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent.type === "Property" || parent.type === "MethodDefinition" || parent.type === "PropertyDefinition") && !parent.computed) return keyName(parent.key);
  if (parent.type === "AssignmentExpression" && parent.left.type === "MemberExpression") return keyName(parent.left.property, parent.left.computed);
  if (parent.type === "AssignmentExpression" && parent.left.type === "Identifier") return parent.left.name;
  return null;
}
function record(model, node, scope) {
  switch (node.type) {
    case "VariableDeclarator":
      model.patterns.push(node);
      if (node.init) bindPattern(scope, node.id, node.init, node.range[1], "assign");
      break;
    case "AssignmentExpression": {
      const left = node.left;
      if (left.type === "Identifier") {
        addBinding(scope, left.name, { pos: node.range[1], kind: node.operator === "=" ? "assign" : "augment", value: node.right, scope });
      } else if (left.type === "MemberExpression") {
        const key = keyName(left.property, left.computed);
        if (left.object.type === "ThisExpression" && key) {
          const list2 = model.instance.get(key) ?? [];
          list2.push({ name: key, pos: node.range[1], kind: "assign", value: node.right, scope });
          model.instance.set(key, list2);
        } else if (left.object.type === "Identifier") {
          addBinding(scope, left.object.name, { pos: node.range[1], kind: "mutate", value: node.right, key, scope });
        }
      } else {
        bindPattern(scope, left, node.right, node.range[1], "assign");
      }
      break;
    }
    case "ForOfStatement":
    case "ForInStatement": {
      const left = node.left.type === "VariableDeclaration" ? node.left.declarations[0]?.id : node.left;
      if (left) bindPattern(scope, left, node.right, node.left.range[1], node.type === "ForInStatement" ? "keys" : "iter");
      break;
    }
    case "CatchClause":
      if (node.param) bindPattern(scope, node.param, null, node.range[0], "param");
      break;
    case "CallExpression":
    case "NewExpression": {
      model.calls.push(node);
      const callee = node.callee;
      if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
        const method = keyName(callee.property, callee.computed);
        if (method && FEED_METHODS.has(method)) {
          const list2 = scope.feeds.get(callee.object.name) ?? [];
          list2.push(node);
          scope.feeds.set(callee.object.name, list2);
        }
      }
      collectRedactions(model, node);
      break;
    }
    case "ThrowStatement":
      model.throws.push(node);
      break;
    case "IfStatement":
      model.ifs.push(node);
      break;
    case "MemberExpression":
      model.members.push(node);
      break;
  }
}
function addBinding(scope, name, init) {
  const binding = { name, ...init };
  const list2 = scope.bindings.get(name);
  if (list2) list2.push(binding);
  else scope.bindings.set(name, [binding]);
}
function bindPattern(scope, pattern, value, pos, kind, key, fallback) {
  switch (pattern.type) {
    case "Identifier":
      if (scope.kind === "function" && kind === "param") scope.params.push(pattern.name);
      addBinding(scope, pattern.name, { pos, kind, value, ...key !== void 0 ? { key } : {}, ...fallback ? { fallback } : {}, scope });
      break;
    case "AssignmentPattern":
      bindPattern(scope, pattern.left, value, pos, kind, key, pattern.right);
      break;
    case "ObjectPattern":
      for (const property of pattern.properties) {
        if (property.type === "RestElement") {
          bindPattern(scope, property.argument, value, pos, kind === "param" ? "param" : "assign");
          continue;
        }
        const name = keyName(property.key, property.computed);
        bindPattern(scope, property.value, value, pos, kind === "param" ? "param" : "member", name);
      }
      break;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element) bindPattern(scope, element, value, pos, kind === "param" ? "param" : "iter");
      break;
    case "RestElement":
      bindPattern(scope, pattern.argument, value, pos, kind);
      break;
    case "TSParameterProperty":
      bindPattern(scope, pattern.parameter, value, pos, kind);
      break;
    default:
      break;
  }
}
function collectRedactions(model, call) {
  const name = calleeName(call.callee);
  const requiredPino = call.callee.type === "CallExpression" && isRequireOf(call.callee, "pino");
  if (!requiredPino && !["pino", "Pino", "fastify", "Fastify", "pinoHttp", "pinoHttpLogger", "createLogger", "LoggerModule"].includes(name ?? "")) return;
  const stack = call.arguments.map((a) => ({ node: a, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop();
    if (node.type !== "ObjectExpression" || depth > 3) continue;
    for (const property of node.properties) {
      if (property.type !== "Property") continue;
      const key = keyName(property.key, property.computed);
      if (key === "redact") {
        const list2 = property.value.type === "ObjectExpression" ? propertyValue(property.value, "paths") : property.value;
        if (list2?.type === "ArrayExpression") {
          for (const element of list2.elements) {
            const path = element ? stringValue(element) : null;
            if (path !== null) model.redactions.push(parseRedactPath(path));
          }
        }
      } else {
        stack.push({ node: property.value, depth: depth + 1 });
      }
    }
  }
}
function keyName(key, computed = false) {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return key.name;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}
function dottedName(node) {
  const parts = [];
  for (let n = node ? unwrap(node) : null; n; ) {
    if (n.type === "Identifier") return [n.name, ...parts].join(".");
    if (n.type === "ThisExpression") return ["this", ...parts].join(".");
    if (n.type === "MetaProperty") return [`${n.meta.name}.${n.property.name}`, ...parts].join(".");
    if (n.type !== "MemberExpression") return null;
    const key = keyName(n.property, n.computed);
    if (key === null) return null;
    parts.unshift(key);
    n = unwrap(n.object);
  }
  return null;
}
function calleeName(callee) {
  const c = unwrap(callee);
  if (c.type === "Identifier") return c.name;
  if (c.type === "MemberExpression") return keyName(c.property, c.computed);
  return null;
}
function unwrap(node) {
  let n = node;
  while (n.type === "TSNonNullExpression" || n.type === "TSAsExpression" || n.type === "TSSatisfiesExpression" || n.type === "TSTypeAssertion" || n.type === "ChainExpression") {
    n = n.expression;
  }
  return n;
}
function stringValue(node) {
  const n = unwrap(node);
  if (n.type === "Literal" && typeof n.value === "string") return n.value;
  if (n.type === "TemplateLiteral" && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? null;
  return null;
}
function numberValue(node) {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "number") return node.value;
  if (node.type === "UnaryExpression" && node.operator === "-" && node.argument.type === "Literal" && typeof node.argument.value === "number") return -node.argument.value;
  return null;
}
function propertyValue(object, name) {
  for (const property of object.properties) {
    if (property.type === "Property" && keyName(property.key, property.computed) === name) return property.value;
  }
  return null;
}
function isRequireOf(call, module) {
  const first = call.arguments[0];
  return call.callee.type === "Identifier" && call.callee.name === "require" && first !== void 0 && stringValue(first) === module;
}
function isEnvObject(node) {
  const dotted = dottedName(node);
  return dotted !== null && (ENV_OBJECTS.has(dotted) || dotted === "import.meta.env");
}
function envMemberName(node) {
  return isEnvObject(node.object) ? keyName(node.property, node.computed) : null;
}
var ENV_OBJECTS = new Set(JS_ENV_OBJECTS);
var STREAM_SINKS = new Set(JS_STREAM_SINKS);
var CONTROL_METHODS = new Set(LOGGER_CONTROL_METHODS);
var LOGGER_FACTORIES = new Set(JS_LOGGER_FACTORIES);
var REQUEST_NAMES = /^(?:req|request|ctx|ctx\.request|context\.req|c\.req|event)$/;
var MAX_DEPTH2 = 60;
var JavaScriptFlow = class {
  constructor(model, options) {
    this.model = model;
    this.options = options;
  }
  model;
  options;
  memo = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  bindings = /* @__PURE__ */ new Map();
  depth = 0;
  /** Evaluates every binding in source order, so that long chains of assignments stay shallow. */
  warmUp() {
    const all = [];
    for (const scope of [this.model.module, ...this.model.functions.values()]) for (const list2 of scope.bindings.values()) all.push(...list2);
    all.sort((a, b) => a.pos - b.pos);
    for (const binding of all) this.binding(binding);
  }
  evaluate(node) {
    if (!node) return UNKNOWN;
    const cached = this.memo.get(node);
    if (cached) return cached;
    if (this.active.has(node) || this.depth > MAX_DEPTH2) return UNKNOWN;
    this.active.add(node);
    this.depth += 1;
    let flow;
    try {
      flow = this.compute(node);
    } finally {
      this.depth -= 1;
      this.active.delete(node);
    }
    this.memo.set(node, flow);
    return flow;
  }
  compute(node) {
    switch (node.type) {
      case "Identifier":
        return this.identifier(node);
      case "MemberExpression":
        return this.member(node);
      case "CallExpression":
        return this.call(node);
      case "NewExpression": {
        const name = calleeName(node.callee) ?? "";
        return isPropagatingFunction(name) || /Error$/.test(name) ? union(node.arguments.map((a) => this.evaluate(a))) : UNKNOWN;
      }
      case "TemplateLiteral":
        return node.expressions.length === 0 ? CLEAN : union(node.expressions.map((e) => this.evaluate(e)));
      case "BinaryExpression":
        return node.operator === "+" ? union([this.evaluate(node.left), this.evaluate(node.right)]) : CLEAN;
      case "LogicalExpression":
        return union([this.evaluate(node.left), this.evaluate(node.right)]);
      case "ConditionalExpression":
        return union([this.evaluate(node.consequent), this.evaluate(node.alternate)]);
      case "AssignmentExpression":
        return this.evaluate(node.right);
      case "SequenceExpression":
        return this.evaluate(node.expressions[node.expressions.length - 1]);
      case "AwaitExpression":
      case "SpreadElement":
        return this.evaluate(node.argument);
      case "TSNonNullExpression":
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSTypeAssertion":
      case "ChainExpression":
        return this.evaluate(node.expression);
      case "ObjectExpression":
        return this.object(node, null, []);
      case "ArrayExpression":
        return union(node.elements.map((e) => e ? this.evaluate(e) : CLEAN));
      case "Literal":
      case "UnaryExpression":
      // !token, typeof token, !!token
      case "UpdateExpression":
      case "ArrowFunctionExpression":
      case "FunctionExpression":
      case "ClassExpression":
        return CLEAN;
      default:
        return UNKNOWN;
    }
  }
  identifier(node) {
    if (node.name === "undefined") return CLEAN;
    const scope = this.model.scopes.get(node) ?? this.model.module;
    const binding = lookup(scope, node.name, node.range[0]);
    let flow = binding ? this.binding(binding) : UNKNOWN;
    if (flow.state === "unknown" && isSecretName2(node.name)) flow = tainted(node.name);
    return flow;
  }
  binding(binding) {
    const cached = this.bindings.get(binding);
    if (cached) return cached;
    if (this.depth > MAX_DEPTH2) return UNKNOWN;
    this.depth += 1;
    this.bindings.set(binding, UNKNOWN);
    try {
      const flow = this.computeBinding(binding);
      this.bindings.set(binding, flow);
      return flow;
    } finally {
      this.depth -= 1;
    }
  }
  computeBinding(binding) {
    switch (binding.kind) {
      case "param":
        return UNKNOWN;
      case "keys":
        return CLEAN;
      case "assign":
        return this.evaluate(binding.value);
      case "iter": {
        const flow = this.evaluate(binding.value);
        return flow.state === "tainted" && flow.container ? CLEAN : flow;
      }
      case "member": {
        const key = binding.key ?? null;
        const owner = binding.value && isEnvObject(binding.value) ? tainted("process.env", "environment") : this.evaluate(binding.value);
        const flow = key === null ? owner : isSecretName2(key) ? tainted(key) : memberFlow(owner, key);
        return binding.fallback ? union([flow, this.evaluate(binding.fallback)]) : flow;
      }
      case "augment":
      case "mutate": {
        const list2 = binding.scope.bindings.get(binding.name) ?? [];
        const before = list2[list2.indexOf(binding) - 1];
        let added = this.evaluate(binding.value);
        if (binding.kind === "mutate" && binding.key && isSecretHeaderName(binding.key) && added.state !== "clean") added = tainted(binding.key);
        return union([before ? this.binding(before) : UNKNOWN, added]);
      }
    }
  }
  member(node) {
    const key = keyName(node.property, node.computed);
    if (isEnvObject(node.object)) return key === null ? UNKNOWN : isSecretName2(key) ? tainted(key) : CLEAN;
    if (isEnvObject(node)) return tainted(dottedName(node) ?? "process.env", "environment");
    const objectText = dottedName(node.object);
    if (key === "headers" && objectText !== null && REQUEST_NAMES.test(objectText)) return tainted(`${objectText}.headers`, "headers");
    if (key !== null && isSecretHeaderName(key)) return tainted(dottedName(node) ?? key);
    if (key !== null && node.object.type === "ThisExpression") {
      const flow = union((this.model.instance.get(key) ?? []).map((b) => this.binding(b)));
      if (flow.state === "tainted") return flow;
    }
    const owner = this.evaluate(node.object);
    if (key === null) return owner.state === "tainted" && owner.container ? UNKNOWN : owner;
    return memberFlow(owner, key);
  }
  call(node) {
    const callee = unwrap(node.callee);
    const name = calleeName(callee) ?? "";
    const args = node.arguments;
    const all = () => args.map((a) => this.evaluate(a));
    if (callee.type === "MemberExpression") {
      const receiver = callee.object;
      const receiverName = dottedName(receiver);
      if (isSanitizerName(name, this.options.sanitizers) || receiverName !== null && !receiverName.includes(".") && isSanitizerName(receiverName, this.options.sanitizers) && receiverName !== "JSON") return CLEAN;
      if (isCleanMethod(name)) return CLEAN;
      if ((name === "slice" || name === "substring" || name === "substr") && args.length > 0) {
        const start = numberValue(args[0]);
        const end = args[1] ? numberValue(args[1]) : null;
        if (start !== null && isShortEnd(start, name === "substr" && end !== null ? start + end : end)) return CLEAN;
      }
      if (name === "get" && args[0]) {
        const key = stringValue(args[0]);
        if (key !== null) {
          const last = key.split(".").pop() ?? key;
          if (isSecretHeaderName(key) || isSecretName2(last)) return tainted(key);
          return memberFlow(this.evaluate(receiver), key);
        }
      }
      if (receiverName === "JSON" || receiverName === "Object" || receiverName === "Buffer" || receiverName === "util" || receiverName === "querystring" || receiverName === "qs") {
        if (name === "keys") return CLEAN;
        if (!isPropagatingFunction(name) && name !== "stringify" && name !== "format") return UNKNOWN;
        const flow = union(all());
        return flow.state === "tainted" && flow.container && name !== "stringify" ? tainted(flow.source) : flow;
      }
      const owner = this.evaluate(receiver);
      if (owner.state === "tainted") {
        if (!owner.container) return tainted(owner.source);
        return ["entries", "values", "toJSON", "toString"].includes(name) ? tainted(owner.source) : UNKNOWN;
      }
      if (name === "concat" || name === "join" || name === "replace" || name === "format") return union([owner, ...all()]);
      if (isSecretName2(name)) return tainted(`${dottedName(callee) ?? name}()`);
      return UNKNOWN;
    }
    if (isSanitizerName(name, this.options.sanitizers) || name === "Boolean" || name === "Number" || name === "isNaN") return CLEAN;
    if (isPropagatingFunction(name)) return union(all());
    if (isSecretName2(name)) return tainted(`${name}()`);
    return UNKNOWN;
  }
  /**
   * { apiKey }   { headers: { Authorization: `Bearer ${token}` } }   { ...headers }
   * With a pino `redact` list, paths it removes do not count.
   */
  object(node, redactions, path) {
    const flows = [];
    let headers = false;
    for (const property of node.properties) {
      if (property.type === "SpreadElement") {
        flows.push(this.evaluate(property.argument));
        continue;
      }
      const key = keyName(property.key, property.computed);
      const at2 = key === null ? [...path, "*"] : [...path, key];
      if (redactions && isRedacted(at2, redactions)) continue;
      const value = property.value;
      let flow2 = value.type === "ObjectExpression" ? this.object(value, redactions, at2) : this.evaluate(value);
      if (redactions && flow2.state === "tainted" && flow2.container && redactions.some((r) => r.length === at2.length + 1 && at2.every((p, i) => r[i] === "*" || r[i] === p) && (r[at2.length] === "*" || isSecretHeaderName(r[at2.length])))) {
        flow2 = CLEAN;
      }
      if (key !== null && isSecretHeaderName(key) && !isSecretName2(key)) headers = true;
      if (key !== null && isSecretHeaderName(key) && flow2.state === "unknown") flows.push(tainted(key));
      else flows.push(flow2);
    }
    const flow = union(flows);
    return flow.state === "tainted" && headers ? tainted(flow.source, "headers") : flow;
  }
  /** `logger`, `log`, `this.logger`, `fastify.log`, `req.log`, `pino()`, `logger.child({…})`, a `debug("app")` function. */
  isLogger(node) {
    const n = unwrap(node);
    if (n.type === "Identifier") {
      if (isLoggerName(n.name, this.options.loggers)) return true;
      const binding = lookup(this.model.scopes.get(n) ?? this.model.module, n.name, n.range[0]);
      return binding?.kind === "assign" && binding.value !== null && this.isLoggerFactory(binding.value);
    }
    if (n.type === "MemberExpression") {
      const key = keyName(n.property, n.computed);
      if (key !== null && isLoggerName(key, this.options.loggers)) return true;
      if (key !== null && n.object.type === "ThisExpression") return (this.model.instance.get(key) ?? []).some((b) => b.value !== null && this.isLoggerFactory(b.value));
      return false;
    }
    return this.isLoggerFactory(n);
  }
  isLoggerFactory(node) {
    const n = unwrap(node);
    if (n.type === "AwaitExpression") return this.isLoggerFactory(n.argument);
    if (n.type !== "CallExpression" && n.type !== "NewExpression") return false;
    if (n.callee.type === "CallExpression" && (isRequireOf(n.callee, "debug") || isRequireOf(n.callee, "pino") || isRequireOf(n.callee, "bunyan"))) return true;
    const name = calleeName(n.callee);
    if (!name || !LOGGER_FACTORIES.has(name)) return false;
    const callee = unwrap(n.callee);
    if (name === "child" && callee.type === "MemberExpression") return this.isLogger(callee.object);
    return true;
  }
};
function lookup(scope, name, pos) {
  let own = true;
  for (let s = scope; s; s = s.parent) {
    const list2 = s.bindings.get(name);
    if (list2 && list2.length > 0) {
      if (!own) return list2[list2.length - 1];
      let found = null;
      for (const b of list2) if (b.pos <= pos) found = b;
      if (found) return found;
      return list2[list2.length - 1];
    }
    own = false;
  }
  return null;
}
function javascriptLeaks(model, options) {
  const flow = new JavaScriptFlow(model, options);
  const sinks = model.calls.flatMap((call) => {
    const sink = call.type === "CallExpression" ? sinkOf(call, flow, options) : null;
    return sink && call.type === "CallExpression" ? [{ call, sink }] : [];
  });
  const throws = options.exceptions ? model.throws : [];
  if (sinks.length === 0 && throws.length === 0) return [];
  flow.warmUp();
  const leaks = [];
  for (const { call, sink } of sinks) {
    const found = leakingArgument(call.arguments, flow, sink.redacted ? model.redactions : null);
    if (found) leaks.push({ start: call.range[0], end: call.range[1], sink: sink.name, ...found, exception: false });
  }
  for (const statement of throws) {
    const thrown = unwrap(statement.argument);
    if (thrown.type !== "NewExpression" && thrown.type !== "CallExpression") continue;
    const found = leakingArgument(thrown.arguments, flow, null);
    const name = dottedName(thrown.callee) ?? "Error";
    if (found) leaks.push({ start: statement.range[0], end: thrown.range[1], sink: `throw ${thrown.type === "NewExpression" ? "new " : ""}${name}`, ...found, exception: true });
  }
  return leaks.sort((a, b) => a.start - b.start);
}
function sinkOf(call, flow, options) {
  const callee = unwrap(call.callee);
  const dotted = dottedName(callee);
  if (callee.type === "Identifier") {
    return flow.isLogger(callee) ? { name: callee.name, redacted: false } : null;
  }
  if (callee.type !== "MemberExpression") return null;
  const method = keyName(callee.property, callee.computed);
  if (method === null) return null;
  const receiver = dottedName(callee.object);
  if (receiver === "console") return options.prints ? { name: `console.${method}`, redacted: false } : null;
  if (dotted && STREAM_SINKS.has(dotted)) return options.prints ? { name: dotted, redacted: false } : null;
  if (CONTROL_METHODS.has(method) || !flow.isLogger(callee.object)) return null;
  return { name: receiver ? `${receiver}.${method}` : `${calleeName(unwrap(callee.object)) ?? "logger"}().${method}`, redacted: true };
}
function leakingArgument(args, flow, redactions) {
  for (const arg of args) {
    const value = unwrap(arg);
    const result = value.type === "ObjectExpression" && redactions && redactions.length > 0 ? flow.object(value, redactions, []) : flow.evaluate(arg);
    if (result.state !== "tainted") continue;
    const text = dottedName(value);
    return { source: result.source, via: text !== null && text !== result.source && !text.endsWith(`.${result.source}`) ? text : null };
  }
  return null;
}
var APP_FACTORIES = new Set(JS_APP_FACTORIES);
var EXIT_CALLS = new Set(JS_EXIT_CALLS);
var ASSERT_CALLS = new Set(JS_ASSERT_CALLS);
var SCHEMA_METHODS = new Set(ENV_SCHEMA_METHODS);
var SCHEMA_FUNCTIONS = new Set(ENV_SCHEMA_FUNCTIONS);
var THROWING_SCHEMA_METHODS = /* @__PURE__ */ new Set(["parse", "parseAsync", "validateSync", "validateAsync", "attempt", "assert"]);
var ENVALID = new Set(ENVALID_VALIDATORS);
var MAX_COLLECT = 400;
function javascriptStartupFacts(model, path, positionAt) {
  const facts = emptyFacts(path, "javascript");
  const scopeOf = (node) => (model.scopes.get(node) ?? model.module).factScope;
  const line = (node) => positionAt(node.range[0]).line;
  for (const [node, scope] of model.functions) {
    if (scope.factScope === model.scopes.get(node)?.factScope) continue;
    const parent = model.parents.get(node);
    const method = parent?.type === "MethodDefinition" ? parent : null;
    const classNode = method ? model.parents.get(model.parents.get(method) ?? method) : null;
    const owner = classNode && (classNode.type === "ClassDeclaration" || classNode.type === "ClassExpression") ? classNode.id?.name ?? null : null;
    facts.functions.push({ scope: scope.factScope, name: scope.name, owner });
  }
  for (const [name, bindings] of model.module.bindings) {
    const names = bindings.flatMap((b) => b.kind === "assign" && b.value ? literalNames(b.value) : []);
    if (names.length > 0) facts.constants[name] = names;
  }
  for (const call of model.calls) {
    const callee = unwrap(call.callee);
    const name = calleeName(callee);
    const dotted = dottedName(callee);
    if (name) {
      const at2 = positionAt(call.range[0]);
      facts.calls.push({ scope: scopeOf(call), callee: name, args: call.arguments.map((a) => variableNameOf(stringValue(a))), line: at2.line, column: at2.column });
    }
    if (dotted && APP_FACTORIES.has(dotted) || name && APP_FACTORIES.has(name) && callee.type === "Identifier") facts.entries.push({ line: line(call), what: `${dotted ?? name}()` });
    if (name === "listen" && callee.type === "MemberExpression" && call.arguments.length > 0) facts.entries.push({ line: line(call), what: `${dotted ?? "server.listen"}()` });
    if (call.type !== "CallExpression") continue;
    if (dotted && ASSERT_CALLS.has(dotted) && call.arguments[0]) {
      const covered = collectNames(call.arguments[0], model);
      if (covered.names.length + covered.refs.length + covered.parameters.length > 0) facts.checks.push({ scope: scopeOf(call), line: line(call), ...covered, what: `${dotted}()` });
    }
    const schema = schemaCall(call, model);
    if (schema) {
      for (const key of schema.keys) {
        const at2 = positionAt(key.node.range[0]);
        facts.reads.push({ name: key.name, line: at2.line, column: at2.column, via: schema.what, scope: scopeOf(call), fallback: key.fallback, failFast: key.required && schema.throws });
      }
      if (schema.throws) facts.checks.push({ scope: scopeOf(call), line: line(call), names: schema.keys.filter((k) => k.required).map((k) => k.name), refs: [], parameters: [], what: schema.what });
    }
  }
  for (const node of model.members) {
    const name = envMemberName(node);
    if (name === null || !isVariableName(name)) continue;
    const parent = model.parents.get(node);
    if (parent?.type === "AssignmentExpression" && parent.left === node) continue;
    if (parent?.type === "UnaryExpression" && parent.operator === "delete") continue;
    facts.reads.push(read(name, node, "process.env", scopeOf(node), fallbackOf3(node, model), positionAt));
  }
  for (const declarator of model.patterns) {
    if (declarator.id.type !== "ObjectPattern" || !declarator.init || !isEnvObject(declarator.init)) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== "Property") continue;
      const name = keyName(property.key, property.computed);
      if (name === null || !isVariableName(name)) continue;
      const fallback = property.value.type === "AssignmentPattern" && isFallbackValue(property.value.right);
      facts.reads.push(read(name, property, "process.env", scopeOf(declarator), fallback, positionAt));
    }
  }
  for (const statement of model.ifs) {
    if (!fails(statement.consequent)) continue;
    const covered = collectNames(statement.test, model);
    if (covered.names.length + covered.refs.length + covered.parameters.length === 0) continue;
    const scope = model.scopes.get(statement) ?? model.module;
    const what = scope.kind === "function" ? `${scope.name}()` : `the check at line ${line(statement)}`;
    facts.checks.push({ scope: scope.factScope, line: line(statement), ...covered, what });
  }
  return facts;
}
function read(name, node, via2, scope, fallback, positionAt) {
  const at2 = positionAt(node.range[0]);
  return { name, line: at2.line, column: at2.column, via: via2, scope, fallback, failFast: false };
}
function fallbackOf3(node, model) {
  let child = node;
  let parent = model.parents.get(node) ?? null;
  while (parent && (parent.type === "TSNonNullExpression" || parent.type === "TSAsExpression" || parent.type === "ChainExpression")) {
    child = parent;
    parent = model.parents.get(parent) ?? null;
  }
  return parent?.type === "LogicalExpression" && parent.left === child && (parent.operator === "??" || parent.operator === "||") && isFallbackValue(parent.right);
}
function isFallbackValue(node) {
  const value = stringValue(node);
  if (value !== null) return value !== "";
  const n = unwrap(node);
  return n.type === "Literal" && typeof n.value === "number";
}
function fails(node) {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n !== node && isFunction(n)) return false;
    if (n.type === "ThrowStatement") found = true;
    if (n.type === "CallExpression") {
      const dotted = dottedName(n.callee);
      const code = n.arguments[0];
      if (dotted && EXIT_CALLS.has(dotted) && !(code?.type === "Literal" && code.value === 0)) found = true;
    }
    return !found;
  });
  return found;
}
function childrenOf(node) {
  const children = [];
  walk(node, (n) => {
    if (n === node) return true;
    children.push(n);
    return false;
  });
  return children;
}
function collectNames(condition, model) {
  const names = /* @__PURE__ */ new Set();
  const refs = /* @__PURE__ */ new Set();
  const parameters = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const stack = [condition];
  while (stack.length > 0 && seen.size < MAX_COLLECT) {
    const node = stack.pop();
    if (seen.has(node)) continue;
    seen.add(node);
    if (isFunction(node)) continue;
    const scope = model.scopes.get(node) ?? model.module;
    const literal = stringValue(node);
    if (literal !== null) {
      if (isVariableName(literal)) names.add(literal);
      continue;
    }
    if (node.type === "Identifier") {
      const parameter = scope.kind === "function" ? scope.params.indexOf(node.name) : -1;
      if (parameter >= 0) parameters.add(parameter);
      const bindings = allBindings(scope, node.name);
      for (const b of bindings) {
        if (b.value) stack.push(b.value);
        if (b.kind === "member" && b.key && b.value && isEnvObject(b.value)) names.add(b.key);
      }
      for (let s = scope; s; s = s.parent) for (const feed of s.feeds.get(node.name) ?? []) stack.push(feed);
      if (bindings.length === 0 && parameter < 0) {
        refs.add(node.name);
        if (/^[A-Z][A-Z0-9_]*$/.test(node.name)) names.add(node.name);
      }
      continue;
    }
    if (node.type === "MemberExpression") {
      if (isEnvObject(node)) continue;
      const env = envMemberName(node);
      if (env !== null) names.add(env);
      else if (isEnvObject(node.object) && node.computed) stack.push(node.property);
      else {
        const key = keyName(node.property, node.computed);
        if (key !== null && key !== "length" && !/^(?:success|error|size)$/.test(key)) names.add(key);
        if (!isEnvObject(node.object)) stack.push(node.object);
      }
      continue;
    }
    if (node.type === "CallExpression") {
      const schema = schemaCall(node, model);
      if (schema) {
        for (const key of schema.keys) if (key.required) names.add(key.name);
        continue;
      }
      for (const arg of node.arguments) stack.push(arg);
      const callee = unwrap(node.callee);
      if (callee.type === "MemberExpression") stack.push(callee.object);
      continue;
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
  return { names: [...names], refs: [...refs], parameters: [...parameters] };
}
function allBindings(scope, name) {
  for (let s = scope; s; s = s.parent) {
    const list2 = s.bindings.get(name);
    if (list2 && list2.length > 0) return list2.filter((b) => b.kind !== "param");
  }
  return [];
}
function literalNames(value) {
  let node = unwrap(value);
  if ((node.type === "NewExpression" || node.type === "CallExpression") && node.arguments[0]) node = unwrap(node.arguments[0]);
  if (node.type !== "ArrayExpression") return [];
  return node.elements.flatMap((e) => {
    const v = e ? stringValue(e) : null;
    return v !== null && isVariableName(v) ? [v] : [];
  });
}
function schemaCall(call, model) {
  const callee = unwrap(call.callee);
  const name = calleeName(callee);
  if (!name) return null;
  if (SCHEMA_FUNCTIONS.has(name)) {
    const [first2, second2] = call.arguments;
    if (name === "createEnv" && first2?.type === "ObjectExpression") {
      const keys2 = ["server", "shared", "client"].flatMap((section) => {
        const object = propertyValue(first2, section);
        return object?.type === "ObjectExpression" ? objectKeys(object, "zod") : [];
      });
      return { keys: keys2, throws: true, what: "createEnv() (t3-env)" };
    }
    const spec = second2 ? resolveObject(second2, model) : null;
    if (first2 && isEnvObject(first2) && spec) return { keys: objectKeys(spec, "envalid"), throws: true, what: `${name}() (envalid)` };
    return null;
  }
  if (callee.type !== "MemberExpression" || !SCHEMA_METHODS.has(name)) return null;
  const [first, second] = call.arguments;
  if ((name === "attempt" || name === "assert") && first && isEnvObject(first) && second) {
    const schema2 = schemaObject(second, model);
    return schema2 ? { keys: objectKeys(schema2.object, schema2.library), throws: true, what: `${dottedName(callee) ?? name}()` } : null;
  }
  if (!first || !isEnvObject(first)) return null;
  const schema = schemaObject(callee.object, model);
  if (!schema) return null;
  return { keys: objectKeys(schema.object, schema.library), throws: THROWING_SCHEMA_METHODS.has(name), what: `${schema.library} schema .${name}(process.env)` };
}
function schemaObject(node, model, depth = 0) {
  const n = unwrap(node);
  if (depth > 8) return null;
  if (n.type === "Identifier") {
    const binding = allBindings(model.scopes.get(n) ?? model.module, n.name).find((b) => b.kind === "assign");
    return binding?.value ? schemaObject(binding.value, model, depth + 1) : null;
  }
  if (n.type !== "CallExpression") return null;
  const callee = unwrap(n.callee);
  const name = calleeName(callee);
  const root = rootName(callee);
  const library = root === "Joi" || root === "joi" ? "joi" : root === "yup" || root === "Yup" ? "yup" : "zod";
  const arg = n.arguments[0];
  if ((name === "object" || name === "strictObject" || name === "keys" || name === "shape" || name === "extend") && arg) {
    const object = resolveObject(arg, model);
    if (object) {
      const base = name === "extend" && callee.type === "MemberExpression" ? schemaObject(callee.object, model, depth + 1) : null;
      if (!base) return { object, library };
      return { object: { ...object, properties: [...base.object.properties, ...object.properties] }, library: base.library };
    }
  }
  return callee.type === "MemberExpression" ? schemaObject(callee.object, model, depth + 1) : null;
}
function resolveObject(node, model) {
  const n = unwrap(node);
  if (n.type === "ObjectExpression") return n;
  if (n.type === "Identifier") {
    const binding = allBindings(model.scopes.get(n) ?? model.module, n.name).find((b) => b.kind === "assign");
    return binding?.value && unwrap(binding.value).type === "ObjectExpression" ? unwrap(binding.value) : null;
  }
  return null;
}
function rootName(node) {
  let n = unwrap(node);
  for (let i = 0; i < 64; i += 1) {
    if (n.type === "Identifier") return n.name;
    if (n.type === "MemberExpression") n = unwrap(n.object);
    else if (n.type === "CallExpression") n = unwrap(n.callee);
    else return null;
  }
  return null;
}
function objectKeys(object, library) {
  const keys2 = [];
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property.key, property.computed);
    if (name === null || !isVariableName(name)) continue;
    const methods = chainMethods(property.value);
    let required;
    let fallbackNode = null;
    if (library === "envalid") {
      const call = unwrap(property.value);
      const options = call.type === "CallExpression" && ENVALID.has(calleeName(call.callee) ?? "") && call.arguments[0]?.type === "ObjectExpression" ? call.arguments[0] : null;
      fallbackNode = options ? propertyValue(options, "default") : null;
      required = fallbackNode === null;
    } else {
      fallbackNode = methods.get("default") ?? methods.get("catch") ?? null;
      const optional = methods.has("optional") || methods.has("nullish") || methods.has("nullable") || fallbackNode !== null;
      required = library === "zod" ? !optional : methods.has("required") && !optional;
    }
    keys2.push({ name, node: property.key, required, fallback: fallbackNode !== null && isFallbackValue(fallbackNode) });
  }
  return keys2;
}
function chainMethods(value) {
  const methods = /* @__PURE__ */ new Map();
  let n = unwrap(value);
  for (let i = 0; i < 64 && n.type === "CallExpression"; i += 1) {
    const callee = unwrap(n.callee);
    if (callee.type !== "MemberExpression") break;
    const name = keyName(callee.property, callee.computed);
    if (name !== null) methods.set(name, n.arguments[0] ?? null);
    n = unwrap(callee.object);
  }
  return methods;
}
async function javascriptModelOf(file) {
  const parsed = await typescriptView(file);
  const ast = parsed.ast;
  if (!ast) return null;
  return file.cached("code:javascript-model", () => buildJavaScriptModel(ast, file.path));
}

// src/analysis/code/python.ts
var SCOPE_NODES = {
  function_definition: "function",
  lambda: "lambda",
  class_definition: "class",
  list_comprehension: "comprehension",
  set_comprehension: "comprehension",
  dictionary_comprehension: "comprehension",
  generator_expression: "comprehension"
};
var FEED_METHODS2 = /* @__PURE__ */ new Set(["append", "extend", "add", "insert", "update", "appendleft"]);
function buildPythonModel(tree, path) {
  const root = tree.rootNode;
  const moduleId = moduleScope(path);
  const module = { kind: "module", node: root, parent: null, name: "<module>", bindings: /* @__PURE__ */ new Map(), params: [], factScope: moduleId, feeds: /* @__PURE__ */ new Map() };
  const model = {
    root,
    module,
    scopes: /* @__PURE__ */ new Map(),
    instance: /* @__PURE__ */ new Map(),
    maskedFields: /* @__PURE__ */ new Set(),
    calls: [],
    raises: [],
    ifs: [],
    subscripts: [],
    classes: [],
    decorated: []
  };
  const stack = [{ node: root, scope: module }];
  while (stack.length > 0) {
    const { node, scope: outer } = stack.pop();
    let scope = outer;
    const kind = SCOPE_NODES[node.type];
    if (kind) {
      const name = node.childForFieldName("name")?.text ?? `<${kind}>`;
      const factScope = kind === "function" ? `${path}#${name}@${node.startPosition.row + 1}` : outer.factScope;
      scope = { kind, node, parent: outer, name, bindings: /* @__PURE__ */ new Map(), params: [], factScope, feeds: /* @__PURE__ */ new Map() };
      model.scopes.set(node.id, scope);
      if (kind === "function" || kind === "lambda") bindParameters(scope, node.childForFieldName("parameters"));
      if (kind === "class") model.classes.push({ node, scope: outer });
    }
    switch (node.type) {
      case "assignment":
        bindAssignment(model, scope, node);
        break;
      case "augmented_assignment": {
        const left = node.childForFieldName("left");
        if (left?.type === "identifier") addBinding2(scope, left.text, { pos: node.endIndex, kind: "augment", value: node.childForFieldName("right"), scope });
        break;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left) for (const target of targetsOf(left)) addBinding2(scope, target.text, { pos: left.endIndex, kind: "iter", value: right, scope });
        break;
      }
      case "as_pattern": {
        const alias = node.childForFieldName("alias");
        const value = node.namedChildren[0] ?? null;
        const target = alias?.namedChildren[0] ?? alias;
        if (target?.type === "identifier" && node.parent?.type === "with_item") addBinding2(scope, target.text, { pos: node.endIndex, kind: "assign", value, scope });
        break;
      }
      case "named_expression": {
        const name = node.childForFieldName("name");
        if (name) addBinding2(scope, name.text, { pos: node.endIndex, kind: "assign", value: node.childForFieldName("value"), scope });
        break;
      }
      case "call": {
        model.calls.push({ node, scope });
        const fn = node.childForFieldName("function");
        const target = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
        const method = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : void 0;
        if (target?.type === "identifier" && method && FEED_METHODS2.has(method)) {
          const list2 = scope.feeds.get(target.text) ?? [];
          list2.push(node);
          scope.feeds.set(target.text, list2);
        }
        break;
      }
      case "raise_statement":
        model.raises.push({ node, scope });
        break;
      case "if_statement":
      case "elif_clause":
        model.ifs.push({ node, scope });
        break;
      case "subscript":
        model.subscripts.push({ node, scope });
        break;
      case "decorated_definition":
        model.decorated.push({ node, scope });
        break;
    }
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, scope });
    }
  }
  return model;
}
function addBinding2(scope, name, init) {
  const binding = { name, ...init };
  const list2 = scope.bindings.get(name);
  if (list2) list2.push(binding);
  else scope.bindings.set(name, [binding]);
}
function bindParameters(scope, parameters) {
  if (!parameters) return;
  for (const parameter of parameters.namedChildren) {
    if (!parameter) continue;
    const name = parameter.type === "identifier" ? parameter : parameter.childForFieldName("name") ?? parameter.namedChildren.find((c) => c?.type === "identifier") ?? null;
    if (name?.type !== "identifier") continue;
    scope.params.push(name.text);
    addBinding2(scope, name.text, { pos: scope.node.startIndex, kind: "param", value: null, scope });
  }
}
function bindAssignment(model, scope, node) {
  const left = node.childForFieldName("left");
  let right = node.childForFieldName("right");
  while (right?.type === "assignment") right = right.childForFieldName("right");
  const type = node.childForFieldName("type");
  if (scope.kind === "class" && left?.type === "identifier" && type && PYTHON_MASKED_TYPES.some((t) => type.text.includes(t))) {
    model.maskedFields.add(left.text);
  }
  if (!left || !right) return;
  const pos = node.endIndex;
  if (left.type === "identifier") {
    addBinding2(scope, left.text, { pos, kind: "assign", value: right, scope });
    return;
  }
  if (left.type === "attribute") {
    const object = left.childForFieldName("object");
    const attribute3 = left.childForFieldName("attribute");
    if (attribute3 && (object?.text === "self" || object?.text === "cls")) {
      const list2 = model.instance.get(attribute3.text) ?? [];
      list2.push({ name: attribute3.text, pos, kind: "assign", value: right, scope });
      model.instance.set(attribute3.text, list2);
    }
    return;
  }
  if (left.type === "subscript") {
    const container = left.childForFieldName("value");
    if (container?.type === "identifier") {
      const key = stringValue2(left.childForFieldName("subscript"));
      addBinding2(scope, container.text, { pos, kind: "mutate", value: right, key, scope });
    }
    return;
  }
  const targets = targetsOf(left);
  const values = right.type === "expression_list" || right.type === "tuple" || right.type === "list" ? right.namedChildren : [];
  targets.forEach((target, i) => {
    const value = values.length === targets.length ? values[i] ?? null : right;
    addBinding2(scope, target.text, { pos, kind: values.length === targets.length ? "assign" : "iter", value, scope });
  });
}
function targetsOf(target) {
  if (target.type === "identifier") return [target];
  if (["pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple", "list", "list_splat_pattern", "parenthesized_expression"].includes(target.type)) {
    return target.namedChildren.flatMap((c) => c ? targetsOf(c) : []);
  }
  return [];
}
function dottedName2(node) {
  const parts = [];
  for (let n = node; n; ) {
    if (n.type === "identifier") {
      parts.unshift(n.text);
      return parts.join(".");
    }
    if (n.type !== "attribute") return null;
    const attribute3 = n.childForFieldName("attribute");
    if (!attribute3) return null;
    parts.unshift(attribute3.text);
    n = n.childForFieldName("object");
  }
  return null;
}
function calleeName2(fn) {
  if (!fn) return null;
  if (fn.type === "identifier") return fn.text;
  if (fn.type === "attribute") return fn.childForFieldName("attribute")?.text ?? null;
  return null;
}
function stringValue2(node) {
  let n = node ?? null;
  while (n?.type === "parenthesized_expression") n = n.namedChildren[0] ?? null;
  if (!n) return null;
  if (n.type === "concatenated_string") {
    const parts = n.namedChildren.map((c) => stringValue2(c));
    return parts.every((p) => p !== null) ? parts.join("") : null;
  }
  if (n.type !== "string") return null;
  let value = "";
  for (const child of n.namedChildren) {
    if (!child) continue;
    if (child.type === "interpolation") return null;
    if (child.type === "string_content" || child.type === "escape_sequence") value += child.text;
  }
  return value;
}
function argumentsOf(call) {
  const args = call.childForFieldName("arguments");
  const result = { positional: [], keywords: [], splats: [] };
  if (!args) return result;
  if (args.type === "generator_expression") {
    result.positional.push(args);
    return result;
  }
  for (const arg of args.namedChildren) {
    if (!arg || arg.type === "comment") continue;
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      const value = arg.childForFieldName("value");
      if (name && value) result.keywords.push({ name, value });
    } else if (arg.type === "list_splat" || arg.type === "dictionary_splat") {
      result.splats.push(arg);
    } else {
      result.positional.push(arg);
    }
  }
  return result;
}
function integerValue(node) {
  if (!node) return null;
  if (node.type === "integer") return Number.parseInt(node.text, 10);
  if (node.type === "unary_operator" && node.text.startsWith("-")) {
    const inner = integerValue(node.childForFieldName("argument"));
    return inner === null ? null : -inner;
  }
  return null;
}
var ENV_GETTERS2 = new Set(PYTHON_ENV_GETTERS);
var ENV_MAPPINGS = new Set(PYTHON_ENV_MAPPINGS);
var LOG_METHODS = new Set(PYTHON_LOG_METHODS);
var LOGGER_FACTORIES2 = new Set(PYTHON_LOGGER_FACTORIES);
var PRINTS = new Set(PYTHON_PRINT_FUNCTIONS);
var STREAM_SINKS2 = new Set(PYTHON_STREAM_SINKS);
var REQUEST_NAMES2 = /^(?:request|req|self\.request|ctx\.request|context\.request)$/;
var CONFIG_KEYWORDS = /* @__PURE__ */ new Set(["exc_info", "stack_info", "stacklevel", "file", "end", "sep", "flush", "category", "level", "status_code", "err"]);
var MAX_DEPTH3 = 60;
var PythonFlow = class {
  constructor(model, options) {
    this.model = model;
    this.options = options;
  }
  model;
  options;
  memo = /* @__PURE__ */ new Map();
  bindings = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  depth = 0;
  /**
   * Evaluates every binding in source order, so that each finds the bindings it depends on
   * already known: a chain of a thousand assignments then costs a thousand shallow steps, not
   * a thousand nested ones.
   */
  warmUp() {
    const all = [];
    for (const scope of [this.model.module, ...this.model.scopes.values()]) for (const list2 of scope.bindings.values()) all.push(...list2);
    all.sort((a, b) => a.pos - b.pos);
    for (const binding of all) this.binding(binding);
  }
  scopeOf(node, fallback) {
    return this.model.scopes.get(node.id) ?? fallback;
  }
  evaluate(node, scope) {
    if (!node) return UNKNOWN;
    const cached = this.memo.get(node.id);
    if (cached) return cached;
    if (this.active.has(node.id) || this.depth > MAX_DEPTH3) return UNKNOWN;
    this.active.add(node.id);
    this.depth += 1;
    let flow;
    try {
      flow = this.compute(node, scope);
    } finally {
      this.depth -= 1;
      this.active.delete(node.id);
    }
    this.memo.set(node.id, flow);
    return flow;
  }
  compute(node, scope) {
    switch (node.type) {
      case "identifier":
        return this.identifier(node, scope);
      case "attribute":
        return this.attribute(node, scope);
      case "subscript":
        return this.subscript(node, scope);
      case "call":
        return this.call(node, scope);
      case "string": {
        const parts = node.namedChildren.filter((c) => c?.type === "interpolation");
        return parts.length === 0 ? CLEAN : union(parts.map((p) => this.evaluate(p.childForFieldName("expression") ?? p.namedChildren[0], scope)));
      }
      case "concatenated_string":
      case "list":
      case "tuple":
      case "set":
      case "expression_list":
        return union(node.namedChildren.map((c) => this.evaluate(c, scope)));
      case "binary_operator": {
        const operator = node.childForFieldName("operator")?.type;
        if (operator !== "+" && operator !== "%") return CLEAN;
        return union([this.evaluate(node.childForFieldName("left"), scope), this.evaluate(node.childForFieldName("right"), scope)]);
      }
      case "boolean_operator":
        return union([this.evaluate(node.childForFieldName("left"), scope), this.evaluate(node.childForFieldName("right"), scope)]);
      case "conditional_expression": {
        const [then, , otherwise] = node.namedChildren;
        return union([this.evaluate(then, scope), this.evaluate(otherwise, scope)]);
      }
      case "comparison_operator":
      // x is None, x == y
      case "not_operator":
      case "unary_operator":
      case "lambda":
      case "integer":
      case "float":
      case "true":
      case "false":
      case "none":
      case "ellipsis":
        return CLEAN;
      case "parenthesized_expression":
      case "await":
      case "list_splat":
      case "dictionary_splat":
        return this.evaluate(node.namedChildren[0], scope);
      case "keyword_argument":
      case "named_expression":
        return this.evaluate(node.childForFieldName("value"), scope);
      case "dictionary":
        return this.dictionary(node, scope);
      case "list_comprehension":
      case "set_comprehension":
      case "generator_expression":
      case "dictionary_comprehension": {
        const inner = this.scopeOf(node, scope);
        return this.evaluate(node.childForFieldName("body"), inner);
      }
      case "pair":
        return this.evaluate(node.childForFieldName("value"), scope);
      default:
        return UNKNOWN;
    }
  }
  identifier(node, scope) {
    const name = node.text;
    const binding = lookup2(scope, name, node.startIndex);
    let flow = binding ? this.binding(binding) : UNKNOWN;
    if (!binding && ENV_MAPPINGS.has(name)) return tainted(name, "environment");
    if (flow.state === "unknown" && isSecretName2(name)) flow = tainted(name);
    return flow;
  }
  binding(binding) {
    const cached = this.bindings.get(binding);
    if (cached) return cached;
    if (this.depth > MAX_DEPTH3) return UNKNOWN;
    this.depth += 1;
    this.bindings.set(binding, UNKNOWN);
    try {
      const flow = this.computeBinding(binding);
      this.bindings.set(binding, flow);
      return flow;
    } finally {
      this.depth -= 1;
    }
  }
  computeBinding(binding) {
    switch (binding.kind) {
      case "param":
        return UNKNOWN;
      case "assign":
        return this.evaluate(binding.value, binding.scope);
      case "iter": {
        const flow = this.evaluate(binding.value, binding.scope);
        return flow.state === "tainted" && flow.container ? CLEAN : flow;
      }
      case "augment":
      case "mutate": {
        const previous = this.previous(binding);
        let added = this.evaluate(binding.value, binding.scope);
        if (binding.kind === "mutate" && binding.key && isSecretHeaderName(binding.key) && added.state !== "clean") {
          added = tainted(binding.key);
        }
        return union([previous, added]);
      }
    }
  }
  previous(binding) {
    const list2 = binding.scope.bindings.get(binding.name) ?? [];
    const before = list2[list2.indexOf(binding) - 1];
    return before ? this.binding(before) : UNKNOWN;
  }
  attribute(node, scope) {
    const object = node.childForFieldName("object");
    const name = node.childForFieldName("attribute")?.text ?? "";
    const dotted = dottedName2(node);
    if (dotted && ENV_MAPPINGS.has(dotted)) return tainted(dotted, "environment");
    if (name === "headers" && object && REQUEST_NAMES2.test(object.text)) return tainted(node.text, "headers");
    if (this.model.maskedFields.has(name)) return CLEAN;
    if (isSecretName2(name)) return tainted(node.text);
    if (object && (object.text === "self" || object.text === "cls")) {
      const bindings = this.model.instance.get(name) ?? [];
      const flow = union(bindings.map((b) => this.binding(b)));
      if (flow.state === "tainted") return flow;
    }
    return memberFlow(this.evaluate(object, scope), name);
  }
  subscript(node, scope) {
    const value = node.childForFieldName("value");
    const index = node.childForFieldName("subscript");
    const key = stringValue2(index);
    const dotted = dottedName2(value);
    if (dotted && ENV_MAPPINGS.has(dotted)) return key === null ? UNKNOWN : isSecretName2(key) ? tainted(key) : CLEAN;
    if (key !== null && isSecretHeaderName(key)) return tainted(key);
    if (index?.type === "slice") {
      const bounds = index.children.filter((c) => c !== null);
      const colon = bounds.findIndex((c) => c.type === ":");
      const start = colon > 0 ? integerValue(bounds[colon - 1] ?? null) : null;
      const end = colon >= 0 && colon + 1 < bounds.length && bounds[colon + 1]?.type !== ":" ? integerValue(bounds[colon + 1] ?? null) : null;
      if (isShortEnd(start, end)) return CLEAN;
    }
    const container = this.evaluate(value, scope);
    if (key !== null) return memberFlow(container, key);
    return container.state === "tainted" && container.container ? UNKNOWN : container;
  }
  call(node, scope) {
    const fn = node.childForFieldName("function");
    const dotted = dottedName2(fn);
    const name = calleeName2(fn) ?? "";
    const args = argumentsOf(node);
    const first = args.positional[0];
    if (dotted && ENV_GETTERS2.has(dotted)) {
      const variable = stringValue2(first);
      return variable === null ? UNKNOWN : isSecretName2(variable) ? tainted(variable) : CLEAN;
    }
    if (isSanitizerName(name, this.options.sanitizers) || dotted !== null && dotted !== name && isSanitizerName(dotted.slice(0, dotted.lastIndexOf(".")), this.options.sanitizers)) {
      return CLEAN;
    }
    const all = () => [...args.positional, ...args.keywords.map((k) => k.value), ...args.splats].map((a) => this.evaluate(a, scope));
    if (fn?.type === "attribute") {
      const receiver = fn.childForFieldName("object");
      if (name === "get_secret_value") return tainted(receiver?.text ?? name);
      if (name === "format" || name === "join" || name === "format_map") return union([this.evaluate(receiver, scope), ...all()]);
      if (isCleanMethod(name)) return CLEAN;
      const owner = this.evaluate(receiver, scope);
      if (name === "get" && first) {
        const key = stringValue2(first);
        if (key !== null) {
          if (isSecretHeaderName(key)) return tainted(key);
          return memberFlow(owner, key);
        }
      }
      if (owner.state === "tainted") {
        if (!owner.container) return tainted(owner.source);
        return ["items", "values", "copy", "to_dict", "dict"].includes(name) ? tainted(owner.source) : UNKNOWN;
      }
      if (isPropagatingFunction(name)) return union(all());
      if (isSecretName2(name)) return tainted(`${fn.text}()`);
      return UNKNOWN;
    }
    if (isPropagatingFunction(name)) return union(all());
    if (isSecretName2(name)) return tainted(`${name}()`);
    return UNKNOWN;
  }
  dictionary(node, scope) {
    const flows = [];
    let headers = false;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === "dictionary_splat") {
        flows.push(this.evaluate(child, scope));
        continue;
      }
      if (child.type !== "pair") continue;
      const key = stringValue2(child.childForFieldName("key"));
      const value = this.evaluate(child.childForFieldName("value"), scope);
      if (key !== null && isSecretHeaderName(key) && !isSecretName2(key)) headers = true;
      if (key !== null && isSecretHeaderName(key) && value.state === "unknown") flows.push(tainted(key));
      else flows.push(value);
    }
    const flow = union(flows);
    return flow.state === "tainted" && headers ? tainted(flow.source, "headers") : flow;
  }
  /** Is this receiver a logger: `logger`, `log`, `self.logger`, `logging`, `structlog.get_logger()`, `log.bind(x=1)`? */
  isLogger(node, scope) {
    if (!node) return false;
    if (node.type === "identifier") {
      if (isLoggerName(node.text, this.options.loggers)) return true;
      const binding = lookup2(scope, node.text, node.startIndex);
      return binding?.kind === "assign" && binding.value?.type === "call" && this.isLoggerFactory(binding.value, binding.scope);
    }
    if (node.type === "attribute") return isLoggerName(node.childForFieldName("attribute")?.text ?? "", this.options.loggers) || isLoggerName(node.text, this.options.loggers);
    if (node.type === "call") return this.isLoggerFactory(node, scope);
    return false;
  }
  isLoggerFactory(call, scope) {
    const fn = call.childForFieldName("function");
    const name = calleeName2(fn);
    if (!name || !LOGGER_FACTORIES2.has(name)) return false;
    if (fn?.type === "attribute" && ["bind", "new", "opt", "patch"].includes(name)) return this.isLogger(fn.childForFieldName("object"), scope);
    return true;
  }
};
function lookup2(scope, name, pos) {
  let own = true;
  for (let s = scope; s; s = s.parent) {
    if (s.kind === "class" && !own) continue;
    const list2 = s.bindings.get(name);
    if (list2 && list2.length > 0) {
      if (!own) return list2[list2.length - 1];
      let found = null;
      for (const b of list2) if (b.pos <= pos) found = b;
      if (found) return found;
      if (s.kind === "module") return list2[list2.length - 1];
    }
    own = false;
  }
  return null;
}
function pythonLeaks(model, options) {
  const flow = new PythonFlow(model, options);
  const sinks = model.calls.flatMap(({ node, scope }) => {
    const sink = sinkOf2(node, scope, flow, options);
    return sink ? [{ node, scope, sink }] : [];
  });
  const raises = options.exceptions ? model.raises : [];
  if (sinks.length === 0 && raises.length === 0) return [];
  flow.warmUp();
  const leaks = [];
  for (const { node, scope, sink } of sinks) {
    const found = leakingArgument2(node, scope, flow);
    if (found) leaks.push({ start: node.startIndex, end: node.endIndex, sink, ...found, exception: false });
  }
  for (const { node, scope } of raises) {
    const raised = node.namedChildren[0];
    if (raised?.type !== "call") continue;
    const found = leakingArgument2(raised, scope, flow);
    if (found) leaks.push({ start: node.startIndex, end: raised.endIndex, sink: `raise ${raised.childForFieldName("function")?.text ?? "exception"}`, ...found, exception: true });
  }
  return leaks.sort((a, b) => a.start - b.start);
}
function sinkOf2(call, scope, flow, options) {
  const fn = call.childForFieldName("function");
  if (!fn) return null;
  if (fn.type === "identifier") return options.prints && PRINTS.has(fn.text) && !lookup2(scope, fn.text, call.startIndex) ? fn.text : null;
  if (fn.type !== "attribute") return null;
  const dotted = dottedName2(fn);
  if (dotted && STREAM_SINKS2.has(dotted)) return dotted === "warnings.warn" || options.prints ? dotted : null;
  const method = fn.childForFieldName("attribute")?.text ?? "";
  const receiver = fn.childForFieldName("object");
  if (!LOG_METHODS.has(method) || !flow.isLogger(receiver, scope)) return null;
  return receiver?.type === "call" ? `${calleeName2(receiver.childForFieldName("function")) ?? "logger"}().${method}` : fn.text.replace(/\s+/g, "");
}
function leakingArgument2(call, scope, flow) {
  const args = argumentsOf(call);
  for (const arg of [...args.positional, ...args.splats]) {
    const result = flow.evaluate(arg, scope);
    if (result.state === "tainted") return via(result.source, arg);
  }
  for (const { name, value } of args.keywords) {
    if (CONFIG_KEYWORDS.has(name)) continue;
    const result = flow.evaluate(value, scope);
    if (result.state === "tainted") return via(result.source, value);
    if (result.state === "unknown" && isSecretName2(name)) return { source: name, via: null };
  }
  return null;
}
function via(source, argument) {
  const text = argument.text;
  const named = argument.type === "identifier" || argument.type === "attribute";
  return { source, via: named && text !== source && !text.endsWith(`.${source}`) ? text : null };
}
var EXIT_CALLS2 = new Set(PYTHON_EXIT_CALLS);
var APP_FACTORIES2 = new Set(PYTHON_APP_FACTORIES);
var SERVER_RUNS = new Set(PYTHON_SERVER_RUNS);
var STARTUP_HOOKS = new Set(PYTHON_STARTUP_HOOKS);
var SETTINGS_BASES = new Set(PYTHON_SETTINGS_BASES);
var MAX_COLLECT2 = 400;
function pythonStartupFacts(model, path, positionAt) {
  const facts = emptyFacts(path, "python");
  const line = (node) => positionAt(node.startIndex).line;
  const imports = importedNames(model.root);
  for (const scope of model.scopes.values()) {
    if (scope.kind !== "function") continue;
    const owner = scope.parent?.kind === "class" ? scope.parent.name : null;
    facts.functions.push({ scope: scope.factScope, name: scope.name, owner });
    if (PYTHON_FACTORY_FUNCTIONS.includes(scope.name)) facts.hooks.push(scope.name);
  }
  for (const [name, bindings] of model.module.bindings) {
    const names = bindings.flatMap((b) => b.kind === "assign" && b.value ? literalNames2(b.value) : []);
    if (names.length > 0) facts.constants[name] = names;
  }
  for (const { node, scope } of model.calls) {
    const fn = node.childForFieldName("function");
    const dotted = dottedName2(fn);
    const name = calleeName2(fn);
    const args = argumentsOf(node);
    if (name) {
      const at2 = positionAt(node.startIndex);
      facts.calls.push({ scope: scope.factScope, callee: name, args: args.positional.map((a) => variableNameOf(stringValue2(a))), line: at2.line, column: at2.column });
    }
    if (dotted && APP_FACTORIES2.has(dotted) || name && APP_FACTORIES2.has(name) && fn?.type === "identifier") facts.entries.push({ line: line(node), what: `${dotted ?? name}()` });
    if (dotted && SERVER_RUNS.has(dotted) && (dotted !== "serve" || imports.get("serve") === "waitress")) facts.entries.push({ line: line(node), what: `${dotted}()` });
    for (const { name: keyword, value } of args.keywords) {
      if (keyword === "lifespan" || keyword === "on_startup") facts.hooks.push(...identifiersIn(value));
    }
    if (name === "add_event_handler" && stringValue2(args.positional[0]) === "startup" && args.positional[1]) facts.hooks.push(...identifiersIn(args.positional[1]));
    const read2 = envRead(node, dotted, name, args, imports, model);
    if (read2) {
      const at2 = positionAt(node.startIndex);
      facts.reads.push({ name: read2.name, line: at2.line, column: at2.column, via: read2.via, scope: scope.factScope, fallback: read2.fallback || orFallback(node), failFast: read2.failFast });
    }
  }
  for (const { node, scope } of model.subscripts) {
    const dotted = dottedName2(node.childForFieldName("value"));
    const name = stringValue2(node.childForFieldName("subscript"));
    if (!dotted || !ENV_MAPPINGS.has(dotted) || name === null) continue;
    const parent = node.parent;
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id) continue;
    if (parent?.type === "delete_statement") continue;
    const at2 = positionAt(node.startIndex);
    facts.reads.push({ name, line: at2.line, column: at2.column, via: `${dotted}[]`, scope: scope.factScope, fallback: false, failFast: true });
  }
  for (const { node } of model.ifs) {
    const condition = node.childForFieldName("condition");
    if (node.type === "if_statement" && condition && /^__name__\s*==\s*["']__main__["']$|^["']__main__["']\s*==\s*__name__$/.test(condition.text)) {
      facts.entries.push({ line: line(node), what: 'if __name__ == "__main__"' });
    }
  }
  for (const { node, scope } of model.ifs) {
    const consequence = node.childForFieldName("consequence");
    const condition = node.childForFieldName("condition");
    if (!consequence || !condition || !fails2(consequence)) continue;
    const covered = collectNames2(condition, scope, model);
    if (covered.names.length === 0 && covered.refs.length === 0 && covered.parameters.length === 0) continue;
    const what = scope.kind === "function" ? `${scope.name}()` : `the check at line ${line(node)}`;
    facts.checks.push({ scope: scope.factScope, line: line(node), ...covered, what });
  }
  for (const { node } of model.decorated) {
    const definition = node.childForFieldName("definition");
    const name = definition?.childForFieldName("name")?.text;
    if (!name || definition?.type !== "function_definition") continue;
    for (const decorator of node.namedChildren) {
      if (decorator?.type !== "decorator") continue;
      const expression = decorator.namedChildren[0];
      const call = expression?.type === "call" ? expression : null;
      const hook = calleeName2(call ? call.childForFieldName("function") : expression ?? null);
      if (!hook || !STARTUP_HOOKS.has(hook)) continue;
      if (hook === "on_event" && stringValue2(call ? argumentsOf(call).positional[0] : null) !== "startup") continue;
      facts.hooks.push(name);
    }
  }
  for (const { node, scope } of model.classes) settingsReads(node, scope, facts, positionAt);
  return facts;
}
function importedNames(root) {
  const names = /* @__PURE__ */ new Map();
  for (const node of root.namedChildren) {
    if (node?.type !== "import_from_statement") continue;
    const module = node.childForFieldName("module_name")?.text ?? "";
    for (const name of node.childrenForFieldName("name")) {
      const imported = name?.type === "aliased_import" ? name.childForFieldName("alias") : name;
      if (imported) names.set(imported.text, module);
    }
  }
  return names;
}
function envRead(call, dotted, name, args, imports, model) {
  const variable = stringValue2(args.positional[0]);
  if (variable === null || !isVariableName(variable)) return null;
  const defaultArgument = args.positional[1] ?? args.keywords.find((k) => k.name === "default")?.value;
  if (dotted && ENV_GETTERS2.has(dotted)) {
    return { name: variable, via: dotted, fallback: isFallbackValue2(defaultArgument), failFast: false };
  }
  if (dotted === "config" && imports.get("config") === "decouple") {
    return { name: variable, via: "decouple config()", fallback: isFallbackValue2(defaultArgument), failFast: defaultArgument === void 0 };
  }
  const fn = call.childForFieldName("function");
  const receiver = fn?.type === "attribute" ? fn.childForFieldName("object") : fn;
  if (receiver?.type === "identifier" && name && isEnvironsReader(receiver.text, model)) {
    return { name: variable, via: "environs", fallback: isFallbackValue2(defaultArgument), failFast: defaultArgument === void 0 };
  }
  return null;
}
function isEnvironsReader(name, model) {
  const bindings = model.module.bindings.get(name) ?? [];
  return bindings.some((b) => b.value?.type === "call" && b.value.childForFieldName("function")?.text === "Env");
}
function isFallbackValue2(node) {
  if (!node) return false;
  const value = stringValue2(node);
  if (value !== null) return value !== "";
  return node.type === "integer" || node.type === "float";
}
function orFallback(call) {
  const parent = call.parent;
  if (parent?.type !== "boolean_operator" || parent.childForFieldName("left")?.id !== call.id) return false;
  if (parent.childForFieldName("operator")?.type !== "or") return false;
  return isFallbackValue2(parent.childForFieldName("right"));
}
function fails2(block) {
  const stack = [block];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === "raise_statement") return true;
    if (node.type === "call") {
      const dotted = dottedName2(node.childForFieldName("function"));
      if (dotted && EXIT_CALLS2.has(dotted)) {
        const code = argumentsOf(node).positional[0];
        if (!(code?.type === "integer" && code.text === "0")) return true;
      }
    }
    if (node !== block && (node.type === "function_definition" || node.type === "lambda" || node.type === "class_definition")) continue;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}
function collectNames2(condition, scope, model) {
  const names = /* @__PURE__ */ new Set();
  const refs = /* @__PURE__ */ new Set();
  const parameters = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  const stack = [{ node: condition, scope }];
  while (stack.length > 0 && seen.size < MAX_COLLECT2) {
    const { node, scope: at2 } = stack.pop();
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const inner = model.scopes.get(node.id);
    const here = inner && inner.kind === "comprehension" ? inner : at2;
    if (node.type === "string") {
      const value = stringValue2(node);
      if (value !== null && isVariableName(value)) names.add(value);
      continue;
    }
    if (node.type === "identifier") {
      const name = node.text;
      const parameter = here.kind === "function" ? here.params.indexOf(name) : -1;
      if (parameter >= 0) parameters.add(parameter);
      const bindings = allBindings2(here, name);
      for (const b of bindings) if (b.value) stack.push({ node: b.value, scope: b.scope });
      for (const s of scopesUp(here)) for (const feed of s.feeds.get(name) ?? []) stack.push({ node: feed, scope: s });
      if (bindings.length === 0 && parameter < 0) {
        refs.add(name);
        if (/^[A-Z][A-Z0-9_]*$/.test(name)) names.add(name);
      } else if (bindings.some((b) => b.scope.kind === "module") && /^[A-Z][A-Z0-9_]*$/.test(name)) {
        names.add(name);
      }
      continue;
    }
    if (node.type === "attribute") {
      const attribute3 = node.childForFieldName("attribute")?.text;
      const dotted = dottedName2(node);
      if (attribute3 && !(dotted && ENV_MAPPINGS.has(dotted))) names.add(attribute3);
      const object = node.childForFieldName("object");
      if (object && object.type !== "identifier") stack.push({ node: object, scope: here });
      continue;
    }
    if (node.type === "call") {
      const fn = node.childForFieldName("function");
      const args = node.childForFieldName("arguments");
      if (args) stack.push({ node: args, scope: here });
      const receiver = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
      if (receiver && dottedName2(receiver) === null) stack.push({ node: receiver, scope: here });
      else if (receiver?.type === "identifier" && !ENV_MAPPINGS.has(receiver.text)) stack.push({ node: receiver, scope: here });
      continue;
    }
    if (node.type === "function_definition" || node.type === "lambda") continue;
    for (const child of node.namedChildren) if (child) stack.push({ node: child, scope: here });
  }
  return { names: [...names], refs: [...refs], parameters: [...parameters] };
}
function allBindings2(scope, name) {
  for (const s of scopesUp(scope)) {
    const list2 = s.bindings.get(name);
    if (list2 && list2.length > 0) return list2.filter((b) => b.kind !== "param");
  }
  return [];
}
function* scopesUp(scope) {
  let own = true;
  for (let s = scope; s; s = s.parent) {
    if (s.kind === "class" && !own) continue;
    own = false;
    yield s;
  }
}
function literalNames2(value) {
  let node = value;
  if (node.type === "call" && ["frozenset", "set", "tuple", "list"].includes(node.childForFieldName("function")?.text ?? "")) {
    node = argumentsOf(node).positional[0] ?? null;
  }
  if (!node || !["list", "tuple", "set"].includes(node.type)) return [];
  const names = [];
  for (const child of node.namedChildren) {
    const v = stringValue2(child);
    if (v !== null && isVariableName(v)) names.push(v);
  }
  return names;
}
function identifiersIn(node) {
  if (node.type === "identifier") return [node.text];
  if (node.type === "attribute") return [node.childForFieldName("attribute")?.text ?? ""].filter(Boolean);
  if (node.type === "list" || node.type === "tuple") return node.namedChildren.flatMap((c) => c ? identifiersIn(c) : []);
  return [];
}
function settingsReads(node, scope, facts, positionAt) {
  const bases = node.childForFieldName("superclasses");
  if (!bases || !bases.namedChildren.some((b) => b !== null && SETTINGS_BASES.has(b.text))) return;
  const className = node.childForFieldName("name")?.text ?? "Settings";
  const body = node.childForFieldName("body");
  if (!body) return;
  let prefix = "";
  let validateDefault = false;
  const validated = /* @__PURE__ */ new Set();
  const fields = [];
  for (const statement of body.namedChildren) {
    if (!statement) continue;
    const assignment = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type === "assignment") {
      const left = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      const type = assignment.childForFieldName("type");
      if (left?.type !== "identifier") continue;
      if (left.text === "model_config" && value?.type === "call") {
        const options = argumentsOf(value);
        prefix = stringValue2(options.keywords.find((k) => k.name === "env_prefix")?.value) ?? prefix;
        validateDefault ||= options.keywords.some((k) => k.name === "validate_default" && k.value.type === "true");
        continue;
      }
      if (!type || /ClassVar/.test(type.text)) continue;
      fields.push({ name: left.text, node: left, type, value });
    } else if (statement.type === "class_definition" && statement.childForFieldName("name")?.text === "Config") {
      const configBody = statement.childForFieldName("body");
      for (const inner of configBody?.namedChildren ?? []) {
        const a = inner?.namedChildren[0];
        if (a?.type === "assignment" && a.childForFieldName("left")?.text === "env_prefix") prefix = stringValue2(a.childForFieldName("right")) ?? prefix;
      }
    } else if (statement.type === "decorated_definition") {
      const definition = statement.childForFieldName("definition");
      const raises = definition ? fails2(definition) : false;
      for (const decorator of statement.namedChildren) {
        const call = decorator?.type === "decorator" ? decorator.namedChildren[0] : null;
        if (call?.type !== "call") continue;
        const which = calleeName2(call.childForFieldName("function"));
        if (which !== "field_validator" && which !== "validator") continue;
        const args = argumentsOf(call);
        const always = args.keywords.some((k) => (k.name === "always" || k.name === "validate_default") && k.value.type === "true");
        if (raises) for (const arg of args.positional) {
          const field = stringValue2(arg);
          if (field !== null) validated.add(always ? `${field}!` : field);
        }
      }
    }
  }
  for (const field of fields) {
    const shape = fieldShape(field.value);
    const environmentName2 = shape.alias ?? `${prefix}${field.name}`.toUpperCase();
    const optional = shape.optional || /\bOptional\[|\|\s*None\b|\bNone\s*\|/.test(field.type?.text ?? "");
    const alwaysValidated = validated.has(`${field.name}!`) || validateDefault && validated.has(field.name);
    const at2 = positionAt(field.node.startIndex);
    facts.reads.push({
      name: environmentName2,
      line: at2.line,
      column: at2.column,
      via: `${className} (BaseSettings)`,
      scope: scope.factScope,
      fallback: shape.fallback && !alwaysValidated,
      failFast: shape.required && !optional || alwaysValidated,
      needs: className,
      field: field.name
    });
  }
}
function fieldShape(value) {
  if (!value) return { required: true, fallback: false, optional: false, alias: null };
  if (value.type === "call" && calleeName2(value.childForFieldName("function")) === "Field") {
    const args = argumentsOf(value);
    const alias = stringValue2(args.keywords.find((k) => ["alias", "validation_alias", "env"].includes(k.name))?.value);
    const defaultValue = args.positional[0] ?? args.keywords.find((k) => k.name === "default")?.value;
    const factory = args.keywords.some((k) => k.name === "default_factory");
    if (factory) return { required: false, fallback: true, optional: false, alias };
    if (!defaultValue || defaultValue.type === "ellipsis") return { required: true, fallback: false, optional: false, alias };
    return { required: false, fallback: isFallbackValue2(defaultValue), optional: !isFallbackValue2(defaultValue), alias };
  }
  if (value.type === "ellipsis") return { required: true, fallback: false, optional: false, alias: null };
  return { required: false, fallback: isFallbackValue2(value), optional: !isFallbackValue2(value), alias: null };
}
async function pythonModelOf(file) {
  const parsed = await pythonView(file);
  const tree = parsed.tree;
  if (!tree) return null;
  return file.cached("code:python-model", () => buildPythonModel(tree, file.path));
}

// src/rules/missing-startup-validation.ts
var SERVICE_MARKERS2 = /* @__PURE__ */ new Set(["package.json", "pyproject.toml", "requirements.txt", "setup.py", "setup.cfg", "Pipfile", "Dockerfile", "Containerfile", "go.mod"]);
var CONSTRUCTORS = ["__init__", "__post_init__", "model_post_init", "constructor"];
var missing_startup_validation_default = defineRule({
  meta: {
    id: "missing-startup-validation",
    description: "A service reads secrets from the environment but nothing checks them at start-up, before it serves; or it falls back to a default when one is missing.",
    severity: "error",
    recommended: true,
    scope: "project",
    kinds: ["python", "javascript", "dockerfile", "json"],
    // Files without one of these hold no read, entry point, check or start-up call; package.json and Dockerfiles say `main`/`start`/`CMD`.
    keywords: [
      "environ",
      "getenv",
      "process.env",
      "basesettings",
      "__main__",
      "uvicorn",
      "fastapi",
      "flask",
      "starlette",
      "listen",
      "createserver",
      "cleanenv",
      "createenv",
      "z.object",
      "joi",
      "raise",
      "throw",
      "exit",
      "valid",
      "check",
      "require",
      "main",
      "boot",
      "start",
      "setup",
      "init",
      "lifespan",
      "cmd",
      "entrypoint",
      "serve",
      "decouple",
      "environs",
      "settings",
      "config"
    ],
    checklist: ["startup-validation"],
    cwe: ["CWE-754", "CWE-1188"],
    messages: {
      unvalidated: 'The service `{{service}}` reads {{names}} but {{hint}}. The guide says "All services validate required secrets on startup": check them when the service starts (a `validate_secrets()` that raises, required pydantic settings, a zod/envalid schema parsed at start-up) so a missing secret stops the deploy instead of failing the first request.',
      fallback: "`{{name}}` falls back to {{what}} when it is not set, so the service `{{service}}` starts without its secret and nothing notices. Remove the default and fail at start-up when it is missing."
    },
    options: {
      environMappingValidates: {
        type: "boolean",
        default: true,
        description: 'Count `os.environ["X"]` read at start-up (module level or a start-up function) as validation: it raises KeyError when X is missing.'
      },
      fallbacks: { type: "boolean", default: true, description: 'Report secrets that fall back to a literal default (`os.getenv("X", "dev")`, `process.env.X ?? "dev"`).' },
      validators: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Names of validating functions from outside the repository (a shared library): called at start-up with variable names, they validate those; called without, every secret the service reads."
      }
    },
    docs: {
      why: 'The guide: "All services validate required secrets on startup", with a `validate_secrets()` that raises on the missing ones. A service that starts without a secret passes its health checks and fails later, on the first request that needs it, far from the deploy that broke it; a silent fallback (`os.getenv("CLICKHOUSE_PASSWORD", "changeme")`) is worse, running on a default credential. A service is a directory with an entry point (`if __name__ == "__main__"`, FastAPI/Flask/Starlette apps, `uvicorn.run`, a Dockerfile `CMD`, a package.json `main`/`start`, `express()`/`fastify()`/`listen()`), or one named in the config\'s `services`. Its secret reads are `os.getenv`, `os.environ`, pydantic `BaseSettings` fields and `process.env`, with secret-like names or names the config lists as required (default: `KAFKA_BOOTSTRAP_SERVERS`, `CLICKHOUSE_DSN`, `REDIS_URL`). Validation counts when it runs at start-up and fails on a missing value: a check that raises or exits, reached from module level, the entry point or a start-up hook (defined but never called does not count); required pydantic settings instantiated at start-up; zod, envalid, joi or t3-env schemas parsed at start-up; `os.environ["X"]` at start-up. `process.env.X!`, a default, or a warning that carries on are not validation.',
      fix: "Check every required secret when the service starts and stop if one is missing: call a `validate_secrets()` that raises from the entry point, make the pydantic settings fields required and instantiate the settings at import, or parse `process.env` with a zod/envalid schema before `listen()`. Remove defaults for secrets. Configure `services: [{ path, entry, required }]` for secrets read by libraries (boto3, Kafka clients) that no code names.",
      bad: {
        path: "services/ingest/main.py",
        code: 'import os\n\nimport uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\nCLICKHOUSE_DSN = os.getenv("CLICKHOUSE_DSN")\nREDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379")\n\nif __name__ == "__main__":\n    uvicorn.run(app)\n'
      },
      good: {
        path: "services/ingest/main.py",
        code: 'import os\n\nimport uvicorn\nfrom fastapi import FastAPI\n\nREQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN", "REDIS_URL"]\n\n\ndef validate_secrets():\n    missing = [s for s in REQUIRED_SECRETS if not os.getenv(s)]\n    if missing:\n        raise ValueError(f"Missing required secrets: {missing}")\n\n\nvalidate_secrets()\napp = FastAPI()\nCLICKHOUSE_DSN = os.getenv("CLICKHOUSE_DSN")\n\nif __name__ == "__main__":\n    uvicorn.run(app)\n'
      }
    }
  },
  create(context) {
    const options = {
      environMappingValidates: context.options.environMappingValidates !== false,
      fallbacks: context.options.fallbacks !== false,
      validators: new Set(Array.isArray(context.options.validators) ? context.options.validators : [])
    };
    return {
      async file(file) {
        if (TEST_PATH.test(file.path)) return;
        switch (file.kind) {
          case "python": {
            const model = await pythonModelOf(file);
            context.share(model ? pythonStartupFacts(model, file.path, (o) => file.positionAt(o)) : { ...emptyFacts(file.path, "python"), unparsed: true });
            break;
          }
          case "javascript": {
            const model = await javascriptModelOf(file);
            context.share(model ? javascriptStartupFacts(model, file.path, (o) => file.positionAt(o)) : { ...emptyFacts(file.path, "javascript"), unparsed: true });
            break;
          }
          case "dockerfile":
            for (const fact of containerEntries(file)) context.share(fact);
            break;
          case "json":
            if (basename(file.path) === "package.json") for (const fact of packageEntries(file)) context.share(fact);
            break;
        }
      },
      project(project) {
        const code = factsOf(project, "code");
        const services = findServices(project, context, code);
        if (services.length === 0) {
          context.evidence({
            checklist: "startup-validation",
            status: "not-applicable",
            message: 'no service in the repository (no entry point: `if __name__ == "__main__"`, FastAPI/Flask app, `uvicorn.run`, Dockerfile CMD, package.json main/start, `listen()`)'
          });
          return;
        }
        const required = new Set(context.settings.requiredSecrets.map((n) => n.toUpperCase()));
        const passing = [];
        let judged = 0;
        let undecided = 0;
        for (const service of services) {
          if (service.files.some((f) => f.unparsed)) {
            undecided += 1;
            continue;
          }
          const verdict = judge(service, /* @__PURE__ */ new Set([...required, ...service.required.map((n) => n.toUpperCase())]), options);
          if (verdict.reads === 0 && verdict.validators.length === 0) continue;
          judged += 1;
          if (verdict.unvalidated.length === 0) {
            passing.push(`\`${service.root || "."}\` (${verdict.validators.slice(0, 3).join(", ") || "every secret read fails fast"})`);
            continue;
          }
          report(context, service, verdict, options.fallbacks);
        }
        if (passing.length > 0) {
          context.evidence({ checklist: "startup-validation", status: "pass", message: `services that validate their secrets at start-up: ${passing.join("; ")}` });
        } else if (judged === 0 && undecided === 0) {
          context.evidence({
            checklist: "startup-validation",
            status: "not-applicable",
            message: services.length === 1 ? "the service reads no secret from the environment" : `none of the ${services.length} services reads a secret from the environment`
          });
        }
      }
    };
  }
});
function findServices(project, context, code) {
  const configured = context.settings.services;
  let services;
  if (configured.length > 0) {
    services = configured.map((setting) => {
      const root = normalise(setting.path);
      const path = setting.entry ? project.has(setting.entry) ? setting.entry : join2(root, normalise(setting.entry)) : null;
      return { root, entry: path ? { path, line: 1, what: "configured entry" } : null, required: setting.required ?? [], files: [] };
    });
  } else {
    const roots = /* @__PURE__ */ new Map();
    const markers = new Set(project.files.filter((f) => SERVICE_MARKERS2.has(basename(f.path))).map((f) => dirname(f.path)));
    const add = (root, entry) => {
      if (!roots.has(root)) roots.set(root, entry);
    };
    for (const fact of code) for (const entry of fact.entries.slice(0, 1)) add(markedRoot(dirname(fact.path), markers), { path: fact.path, ...entry });
    for (const fact of [...factsOf(project, "container"), ...factsOf(project, "package")]) add(dirname(fact.path), fact);
    services = [...roots].map(([root, entry]) => ({ root, entry: { path: entry.path, line: entry.line, what: entry.what }, required: [], files: [] }));
  }
  const byDepth = [...services].sort((a, b) => b.root.length - a.root.length);
  for (const fact of code) {
    const owner = byDepth.find((s) => contains(s.root, fact.path));
    owner?.files.push(fact);
  }
  return services.sort((a, b) => a.root.localeCompare(b.root));
}
function markedRoot(dir, markers) {
  for (let d = dir; ; d = dirname(d)) {
    if (markers.has(d)) return d;
    if (d === "") return dir;
  }
}
function contains(root, path) {
  return root === "" || path === root || path.startsWith(`${root}/`);
}
function normalise(path) {
  return path.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "").replace(/^\.$/, "");
}
function join2(dir, name) {
  return dir ? `${dir}/${name}` : name;
}
function judge(service, required, options) {
  const functions = /* @__PURE__ */ new Map();
  const calls = /* @__PURE__ */ new Map();
  const constants = /* @__PURE__ */ new Map();
  for (const file of service.files) {
    for (const f of file.functions) {
      const keys2 = [f.name, ...f.owner && CONSTRUCTORS.includes(f.name) ? [f.owner] : []];
      for (const key of keys2) functions.set(key, [...functions.get(key) ?? [], f.scope]);
    }
    for (const call of file.calls) calls.set(call.scope, [...calls.get(call.scope) ?? [], call]);
    for (const [name, names] of Object.entries(file.constants)) constants.set(name, [...constants.get(name) ?? [], ...names]);
  }
  const reached = /* @__PURE__ */ new Set();
  const calledAtStartup = /* @__PURE__ */ new Set();
  const queue = service.files.map((f) => moduleScope(f.path));
  for (const file of service.files) for (const hook of file.hooks) queue.push(...functions.get(hook) ?? []);
  while (queue.length > 0) {
    const scope = queue.pop();
    if (reached.has(scope)) continue;
    reached.add(scope);
    for (const call of calls.get(scope) ?? []) {
      calledAtStartup.add(call.callee);
      for (const target of functions.get(call.callee) ?? []) if (!reached.has(target)) queue.push(target);
    }
  }
  const parametric = /* @__PURE__ */ new Map();
  const functionOfScope = /* @__PURE__ */ new Map();
  for (const file of service.files) for (const f of file.functions) functionOfScope.set(f.scope, f.name);
  for (const file of service.files) {
    for (const check of file.checks) {
      const name = functionOfScope.get(check.scope);
      if (name && check.parameters.length > 0) parametric.set(name, [...parametric.get(name) ?? [], ...check.parameters]);
    }
  }
  const coverage = /* @__PURE__ */ new Map();
  const validators = /* @__PURE__ */ new Set();
  let all = false;
  const cover = (name, by) => {
    const key = name.toUpperCase();
    coverage.set(key, (coverage.get(key) ?? /* @__PURE__ */ new Set()).add(by));
  };
  for (const file of service.files) {
    for (const check of file.checks) {
      if (!reached.has(check.scope)) continue;
      const names = [...check.names, ...check.refs.flatMap((r) => constants.get(r) ?? [])];
      for (const name of names) cover(name, `${check.what} in ${file.path}`);
    }
  }
  for (const [scope, list2] of calls) {
    if (!reached.has(scope)) continue;
    for (const call of list2) {
      const indexes = parametric.get(call.callee);
      if (indexes) {
        for (const i of indexes) if (call.args[i]) cover(call.args[i], `${call.callee}()`);
      }
      if (options.validators.has(call.callee)) {
        const literal = call.args.filter((a) => a !== null);
        for (const name of literal) cover(name, `${call.callee}()`);
        if (literal.length === 0) {
          all = true;
          validators.add(`${call.callee}()`);
        }
      }
    }
  }
  const isSecret2 = (name) => isSecretName2(name) || required.has(name.toUpperCase());
  const reads = [];
  for (const file of service.files) {
    for (const read2 of file.reads) if (isSecret2(read2.name)) reads.push({ ...read2, path: file.path });
    for (const call of file.calls) {
      const indexes = parametric.get(call.callee) ?? [];
      for (const i of indexes) {
        const name = call.args[i];
        if (name && isSecret2(name)) reads.push({ name, line: call.line, column: call.column, via: `${call.callee}()`, scope: call.scope, fallback: false, failFast: true, path: file.path });
      }
    }
  }
  for (const read2 of reads) {
    const failFast = read2.failFast && (options.environMappingValidates || !read2.via.endsWith("[]"));
    if (failFast && reached.has(read2.scope) && (!read2.needs || calledAtStartup.has(read2.needs))) {
      cover(read2.name, read2.needs ? `${read2.via} instantiated at start-up` : `${read2.via} in ${read2.path}`);
    }
  }
  const at2 = service.entry ?? { path: service.files[0]?.path ?? (service.root || "."), line: 1 };
  for (const name of service.required) {
    if (!reads.some((r) => r.name.toUpperCase() === name.toUpperCase())) {
      reads.push({ name, line: at2.line, column: 1, via: "configuration", scope: "", fallback: false, failFast: false, path: at2.path });
    }
  }
  const coveredBy = (read2) => coverage.get(read2.name.toUpperCase()) ?? (read2.field ? coverage.get(read2.field.toUpperCase()) : void 0);
  for (const read2 of reads) for (const by of coveredBy(read2) ?? []) validators.add(by);
  const unvalidated = all ? [] : reads.filter((r) => !coveredBy(r));
  unvalidated.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column);
  return { unvalidated, validators: [...validators], reads: reads.length };
}
function report(context, service, verdict, fallbacks) {
  const serviceName = service.root || ".";
  const fallbackNames = /* @__PURE__ */ new Set();
  if (fallbacks) {
    for (const read2 of verdict.unvalidated) {
      if (!read2.fallback || fallbackNames.has(read2.name)) continue;
      fallbackNames.add(read2.name);
      context.report({
        messageId: "fallback",
        data: { name: read2.name, service: serviceName, what: isSecretValueName(read2.name) ? "a default credential" : "a default value" },
        path: read2.path,
        loc: { line: read2.line, column: read2.column },
        key: `fallback:${service.root}:${read2.name}`
      });
    }
  }
  const rest = verdict.unvalidated.filter((r) => !fallbackNames.has(r.name));
  const first = rest[0];
  if (!first) return;
  const names = [...new Set(rest.map((r) => r.name))];
  const shownNames = names.slice(0, 8).map((n) => `\`${n}\``);
  if (names.length > 8) shownNames.push(`${names.length - 8} more`);
  const list2 = shownNames.length === 1 ? shownNames[0] : `${shownNames.slice(0, -1).join(", ")} and ${shownNames.at(-1)}`;
  const hint = verdict.validators.length > 0 ? `its start-up checks (${verdict.validators.slice(0, 2).join(", ")}) do not cover ${names.length === 1 ? "it" : "them"}` : `nothing checks ${names.length === 1 ? "it" : "them"} before it serves${service.entry ? ` (entry: ${service.entry.path}:${service.entry.line}, ${service.entry.what})` : ""}`;
  context.report({
    messageId: "unvalidated",
    data: { service: serviceName, names: list2, hint },
    path: first.path,
    loc: { line: first.line, column: first.column },
    key: `service:${service.root}`
  });
}
function containerEntries(file) {
  const facts = [];
  const lines = file.text.split("\n");
  lines.forEach((text, i) => {
    const match = /^\s*(CMD|ENTRYPOINT)\s/i.exec(text);
    if (match) facts.push({ type: "container", path: file.path, line: i + 1, what: `Dockerfile ${match[1].toUpperCase()}` });
  });
  return facts.slice(-1);
}
function packageEntries(file) {
  const document = yamlView(file).documents[0];
  const json = document?.toJS();
  if (!json || typeof json !== "object") return [];
  const what = typeof json.scripts?.start === "string" ? "start" : typeof json.main === "string" ? "main" : null;
  if (!what) return [];
  const offset = file.text.indexOf(`"${what}"`);
  return [{ type: "package", path: file.path, line: offset >= 0 ? file.positionAt(offset).line : 1, what: `package.json ${what}` }];
}

// src/analysis/manifests/durations.ts
var UNIT_HOURS = {
  ns: 1 / 36e11,
  us: 1 / 36e8,
  "\xB5s": 1 / 36e8,
  ms: 1 / 36e5,
  s: 1 / 3600,
  m: 1 / 60,
  h: 1,
  d: 24,
  w: 168
};
var PART = /([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h|d|w)/y;
function durationHours(text) {
  if (text === null || text === void 0) return null;
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? text / 3600 : null;
  const trimmed = text.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) / 3600;
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  let hours = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const at2 = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== at2) return null;
    hours += Number(match[1]) * UNIT_HOURS[match[2]];
  }
  return hours;
}
function describeHours(hours) {
  if (hours < 24) return `${round(hours)} hour${hours === 1 ? "" : "s"}`;
  const days = hours / 24;
  return `${round(days)} day${days === 1 ? "" : "s"}`;
}
function round(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, "");
}

// src/rules/rotation-policy-violation.ts
var VAULT_WRITE_ROLE = /\b(?:vault|bao)\s+write\s+(?:-[\w-]+(?:=\S+)?\s+)*((?:[\w-]+\/)*?)(roles|static-roles)\/([\w.-]+)/;
var VAULT_PARAMETER = /(?:^|\s)(default_ttl|rotation_period|ttl|max_ttl)=["']?([\w.]+)["']?/g;
var rotation_policy_violation_default = defineRule({
  meta: {
    id: "rotation-policy-violation",
    description: "Certificates, Vault roles and secret syncs that break the rotation policy: lifetimes above the guide's table, no renewBefore, no refresh of synced secrets.",
    severity: "warning",
    recommended: true,
    scope: "file",
    kinds: ["yaml", "hcl", "shell", "dockerfile"],
    keywords: ["certificate", "vaultstaticsecret", "vaultdynamicsecret", "externalsecret", "ttl", "rotation_period", "rotat"],
    checklist: ["rotation-automated"],
    cwe: ["CWE-324"],
    messages: {
      certDuration: "Certificate `{{name}}` lives {{actual}} (`duration: {{setting}}`), longer than the {{policy}} the rotation policy allows for service certificates: set `duration: {{hours}}h` or less.",
      certDefaultDuration: "Certificate `{{name}}` sets no `duration`, so cert-manager issues it for 90 days, longer than the {{policy}} the rotation policy allows for service certificates: set `duration: {{hours}}h` or less.",
      certNoRenewBefore: "Certificate `{{name}}` has no `renewBefore`: set it (e.g. `renewBefore: {{renew}}h`) so the automated renewal point is explicit and reviewed.",
      vssNoRefresh: "VaultStaticSecret `{{name}}` has no `refreshAfter`: a value rotated in Vault never reaches the cluster. Set `refreshAfter` (e.g. `1h`).",
      esNoRefresh: "{{kind}} `{{name}}` has `refreshInterval: {{setting}}`, which syncs once and never again: a rotated value never reaches the cluster. Set an interval such as `1h`.",
      dbTtl: "Vault database role `{{name}}` keeps credentials for {{actual}} (`{{parameter}}`), longer than the {{policy}} the rotation policy allows for database passwords.",
      pkiTtl: "Vault PKI role `{{name}}` issues certificates for {{actual}} (`{{parameter}}`), longer than the {{policy}} the rotation policy allows for service certificates."
    },
    options: {
      requireRenewBefore: { type: "boolean", default: true, description: "Report cert-manager Certificates without `renewBefore` (or `renewBeforePercentage`)." },
      requireRefreshAfter: { type: "boolean", default: true, description: "Report VaultStaticSecrets without `refreshAfter` (or `syncConfig.instantUpdates`)." }
    },
    docs: {
      why: "The guide's checklist asks for a \"Rotation schedule defined and automated\", and its table sets the schedule: API keys every 90 days, database passwords every 60, service certificates every 30 (automated), admin credentials every 30. A cert-manager Certificate that lives longer than 30 days (cert-manager's default is 90), a VaultStaticSecret that never refreshes (the guide's rotation procedure relies on the operator picking up the new value), an ExternalSecret with `refreshInterval: 0`, or a Vault database role whose credentials outlive 60 days breaks that schedule. The table is the default policy; `rotation:` in the config overrides it.",
      fix: "Set `duration` within the policy and an explicit `renewBefore` on each Certificate; give VaultStaticSecrets a `refreshAfter`; give ExternalSecrets a non-zero `refreshInterval`; keep Vault database roles' `default_ttl` and static roles' `rotation_period` within the policy for database passwords. To change the policy, set `rotation: { serviceCertificates: 45 }` (days) in `.carbon-secret-lint.yaml`.",
      bad: { path: "deploy/k8s/ingest-certificate.yaml", code: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ingest-mtls\nspec:\n  secretName: ingest-mtls\n  duration: 8760h\n  issuerRef:\n    name: internal-ca\n    kind: ClusterIssuer\n  dnsNames:\n    - ingest.carbon-ingestion.svc\n" },
      good: { path: "deploy/k8s/ingest-certificate.yaml", code: "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ingest-mtls\nspec:\n  secretName: ingest-mtls\n  duration: 720h\n  renewBefore: 240h\n  issuerRef:\n    name: internal-ca\n    kind: ClusterIssuer\n  dnsNames:\n    - ingest.carbon-ingestion.svc\n" }
    }
  },
  create(context) {
    const policy = context.settings.rotation;
    const requireRenewBefore = context.options.requireRenewBefore !== false;
    const requireRefreshAfter = context.options.requireRefreshAfter !== false;
    const certHours = policy.serviceCertificates * 24;
    const dbHours = policy.databasePasswords * 24;
    return {
      file(file) {
        let relevant = false;
        if (file.kind === "yaml") {
          for (const object of kubeObjects(file)) relevant = kube(file, object) || relevant;
        } else if (file.kind === "hcl") {
          relevant = terraform(file);
        }
        if (file.kind !== "hcl") relevant = vaultCommands(file) || relevant;
        if (relevant) context.share({ type: "rotation" });
      },
      project(project) {
        if (emitEvidence(context, project, "rotation-automated") > 0 || factsOf(project, "rotation").length > 0) return;
        if (!project.files.some((f) => f.kind === "yaml" || f.kind === "hcl")) {
          context.evidence({ checklist: "rotation-automated", status: "not-applicable", message: "the repository has no manifests or Vault configuration, so no rotation is configured in it" });
        }
      }
    };
    function evidence(file, offset, message) {
      shareEvidence(context, file, "rotation-automated", offset, message);
    }
    function kube(file, object) {
      const { doc, map } = object;
      const name = object.name ?? "(templated)";
      const spec = asMap(doc, valueOf(doc, map, "spec"));
      const group = object.apiVersion ?? "";
      if (object.kind === "Certificate" && (group.startsWith("cert-manager.io/") || object.apiVersion === null)) {
        const durationPair = pairOf(doc, spec, "duration");
        const templated = durationPair !== void 0 && isTemplated(file.text, durationPair.value);
        const written = durationPair ? scalarText(doc, durationPair.value) : null;
        const hours = durationPair ? durationHours(written) : CERT_MANAGER_DEFAULT_DURATION_HOURS;
        let ok = true;
        const base = { name, policy: describeHours(certHours), hours: String(certHours) };
        if (!templated && hours !== null && hours > certHours) {
          ok = false;
          if (durationPair) context.report({ messageId: "certDuration", data: { ...base, actual: describeHours(hours), setting: written ?? "" }, range: pairRange(durationPair), key: `${name}:duration` });
          else context.report({ messageId: "certDefaultDuration", data: base, range: kindRange(object), key: `${name}:duration` });
        }
        const renew = pairOf(doc, spec, "renewBefore") ?? pairOf(doc, spec, "renewBeforePercentage");
        if (!renew && requireRenewBefore) {
          ok = false;
          const lifetime = hours ?? certHours;
          context.report({ messageId: "certNoRenewBefore", data: { name, renew: String(Math.max(1, Math.round(Math.min(lifetime, certHours) / 3))) }, range: kindRange(object), key: `${name}:renewBefore` });
        }
        if (ok) {
          const renewal = renew ? `${keyOf(renew)} ${scalarText(doc, renew.value) ?? "(templated)"}` : "";
          evidence(file, object.kindOffset, `Certificate \`${name}\` is renewed automatically (duration ${written ?? "(templated)"}, ${renewal})`);
        }
        return true;
      }
      if (object.kind === "VaultStaticSecret" && group.startsWith("secrets.hashicorp.com/")) {
        const refresh = scalarText(doc, valueOf(doc, spec, "refreshAfter"));
        const instant = scalarText(doc, at(doc, spec, "syncConfig", "instantUpdates")) === "true";
        if (!refresh && !instant && requireRefreshAfter) {
          context.report({ messageId: "vssNoRefresh", data: { name }, range: kindRange(object), key: `${name}:refreshAfter` });
        } else if (refresh || instant) {
          evidence(file, object.kindOffset, `VaultStaticSecret \`${name}\` picks up rotated values (${refresh ? `refreshAfter ${refresh}` : "instant updates"})`);
        }
        return true;
      }
      if ((object.kind === "ExternalSecret" || object.kind === "ClusterExternalSecret") && group.startsWith("external-secrets.io/")) {
        const target = object.kind === "ClusterExternalSecret" ? asMap(doc, valueOf(doc, spec, "externalSecretSpec")) : spec;
        const pair = pairOf(doc, target, "refreshInterval");
        const interval = pair ? scalarText(doc, pair.value) : null;
        if (pair && interval !== null && durationHours(interval) === 0) {
          context.report({ messageId: "esNoRefresh", data: { kind: object.kind, name, setting: interval }, range: pairRange(pair), key: `${name}:refreshInterval` });
        } else {
          evidence(file, object.kindOffset, `${object.kind} \`${name}\` refreshes every ${interval ?? "1h (the default)"}`);
        }
        return true;
      }
      if (object.kind === "VaultDynamicSecret" && group.startsWith("secrets.hashicorp.com/")) {
        evidence(file, object.kindOffset, `VaultDynamicSecret \`${name}\` leases short-lived credentials that Vault rotates`);
        return true;
      }
      if (object.kind === "CronJob" && (/rotat/i.test(name) || containersIn(doc, map).some((c) => /rotat/i.test(file.text.slice(rangeOf(c.map).start, rangeOf(c.map).end))))) {
        evidence(file, object.kindOffset, `CronJob \`${name}\` rotates credentials on a schedule${scheduleOf(object)}`);
        return true;
      }
      return false;
    }
    function scheduleOf(object) {
      const schedule = scalarText(object.doc, at(object.doc, object.map, "spec", "schedule"));
      return schedule ? ` (\`${schedule}\`)` : "";
    }
    function kindRange(object) {
      return { start: object.kindOffset, end: object.kindOffset + 4 };
    }
    function terraform(file) {
      let relevant = false;
      for (const block of allBlocks(parseHclCached(file))) {
        if (block.type !== "resource") continue;
        const type = block.labels[0] ?? "";
        const name = attributeText(block.body, "name") ?? block.labels[1] ?? type;
        const checks = type === "vault_database_secret_backend_role" ? [["default_ttl", dbHours, "dbTtl", policy.databasePasswords + " days"]] : type === "vault_database_secret_backend_static_role" ? [["rotation_period", dbHours, "dbTtl", policy.databasePasswords + " days"]] : type === "vault_pki_secret_backend_role" ? [["ttl", certHours, "pkiTtl", policy.serviceCertificates + " days"]] : [];
        if (checks.length === 0) continue;
        relevant = true;
        for (const [parameter, limit, messageId] of checks) {
          const found = attribute2(block.body, parameter);
          const hours = found ? hclHours(found.value) : null;
          if (!found || hours === null) continue;
          if (hours > limit) {
            context.report({
              messageId,
              data: { name, parameter, actual: describeHours(hours), policy: describeHours(limit) },
              range: { start: found.nameStart, end: found.value.end },
              key: `${name}:${parameter}`
            });
          } else {
            evidence(file, found.nameStart, `Vault role \`${name}\` keeps \`${parameter}\` within the policy (${describeHours(hours)})`);
          }
        }
      }
      return relevant;
    }
    function vaultCommands(file) {
      if (!/\bwrite\b/.test(file.text)) return false;
      let relevant = false;
      const lines = linesOf(file.text);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (isCommentLine(line.text)) continue;
        const command = VAULT_WRITE_ROLE.exec(line.text);
        if (!command) continue;
        let text = line.text;
        for (let j = i + 1; j < Math.min(lines.length, i + 30) && /\\\s*$/.test(lines[j - 1].text); j++) text += " " + lines[j].text;
        const mount = command[1] ?? "";
        const name = command[3];
        const database = /database/i.test(mount) || command[2] === "static-roles";
        const pki = /pki/i.test(mount);
        if (!database && !pki) continue;
        relevant = true;
        for (const parameter of text.matchAll(VAULT_PARAMETER)) {
          const key = parameter[1];
          const hours = durationHours(parameter[2]);
          if (hours === null) continue;
          const [limit, messageId] = database ? [dbHours, "dbTtl"] : [certHours, "pkiTtl"];
          if (database && key !== "default_ttl" && key !== "rotation_period" || pki && key !== "ttl") continue;
          if (hours > limit) {
            const at2 = line.text.search(/\bwrite\b/);
            context.report({
              messageId,
              data: { name, parameter: `${key}=${parameter[2]}`, actual: describeHours(hours), policy: describeHours(limit) },
              range: { start: line.start + at2, end: line.start + at2 + 5 },
              key: `${name}:${key}`
            });
          } else {
            evidence(file, line.start, `Vault role \`${name}\` keeps \`${key}\` within the policy (${describeHours(hours)})`);
          }
        }
      }
      return relevant;
    }
  }
});
function hclHours(value) {
  if (value.type === "number") return durationHours(value.value);
  if (value.type === "string") return durationHours(value.value);
  return null;
}

// src/rules/secret-in-log.ts
var SOURCE_HINT = /pass|pwd|secret|token|key|auth|cred|dsn|sasl|bearer|cookie|environ|getenv|process\.env|url|uri|conn|header/i;
var secret_in_log_default = defineRule({
  meta: {
    id: "secret-in-log",
    description: "A secret, or a value built from one, reaches a logger, print/console, stdout/stderr, or an exception message (Python and TypeScript/JavaScript).",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["python", "javascript"],
    keywords: ["log", "print", "raise", "throw", "console", "stdout", "stderr", "warn", "echo", "debug"],
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-532", "CWE-209"],
    messages: {
      leak: '`{{source}}`{{via}} reaches `{{sink}}`. The guide says "Never log secrets": log that it is set, its length, or a masked form (`mask()`, a hash), never the value.',
      exception: '`{{source}}`{{via}} goes into an exception message (`{{sink}}`). The guide says never to "include [secrets] in error messages": messages end up in logs, tracebacks and HTTP responses. Name the setting, not its value.'
    },
    options: {
      exceptions: { type: "boolean", default: true, description: 'Report secrets in exception messages (`raise X(f"\u2026{token}")`, ``throw new Error(`\u2026${token}`)``).' },
      prints: { type: "boolean", default: true, description: "Report `print()`, `console.*` and writes to stdout/stderr, not only loggers." },
      loggers: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "More receiver names that are loggers (names with the word log or logger, and objects made by getLogger/pino/createLogger, are already)."
      },
      sanitizers: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "More function names whose result is safe to log (names with mask, redact, obfuscate, hash, fingerprint\u2026 are already)."
      }
    },
    docs: {
      why: 'The guide\'s best practices: "Never log secrets or include in error messages". Logs are shipped to aggregators, kept for months and read by far more people than the secret store; a token in a log line is a leaked token. The rule follows values within a function and its module: secret-named variables, attributes, dict keys and object properties (`api_key`, `settings.clickhouse_password`, `headers["Authorization"]`), environment reads with secret-like names (`os.getenv("CAISO_API_KEY")`, `process.env.MISO_API_KEY`), connection URLs of databases and brokers (`DATABASE_URL`, `REDIS_URL`), request headers and the whole environment, through assignments, f-strings, `%` and `.format`, template literals, concatenation, keyword arguments, object shorthand and spreads, to `logging`/structlog/loguru loggers, `print`, `sys.stdout.write`, `warnings.warn`, `console.*`, pino/winston/bunyan/debug loggers, `process.stdout.write`, and `raise`/`throw` messages. Not a leak: `len(x)`, `bool(x)`, `x is None`, `x.length`, `!!x`, hashes and fingerprints, `mask()`/`redact()`/`obfuscate()` wrappers, a few characters of a key (`key[:4]`), the names of missing variables, a key id, a URL\'s host, pydantic `SecretStr` fields, and paths a pino `redact` list removes.',
      fix: "Log that the secret is present, its length, a short prefix or a fingerprint, never the value; raise errors that name the variable (`Missing CAISO_API_KEY`), not its content. For structured loggers, configure redaction (pino `redact`, a structlog processor) as a second line of defence. If the flagged value is not a secret, rename it or suppress the line with a reason.",
      bad: {
        path: "services/ingest/connectors/caiso.py",
        code: 'import logging\nimport os\n\nlogger = logging.getLogger(__name__)\napi_key = os.getenv("CAISO_API_KEY")\nlogger.info(f"Connecting to CAISO with key {api_key}")\n'
      },
      good: {
        path: "services/ingest/connectors/caiso.py",
        code: 'import logging\nimport os\n\nlogger = logging.getLogger(__name__)\napi_key = os.getenv("CAISO_API_KEY")\nlogger.info("Connecting to CAISO (key set: %s, %d chars)", bool(api_key), len(api_key or ""))\n'
      }
    }
  },
  create(context) {
    const options = {
      exceptions: context.options.exceptions !== false,
      prints: context.options.prints !== false,
      loggers: new Set(Array.isArray(context.options.loggers) ? context.options.loggers : []),
      sanitizers: new Set(Array.isArray(context.options.sanitizers) ? context.options.sanitizers : [])
    };
    return {
      async file(file) {
        if (!SOURCE_HINT.test(file.text)) return;
        let leaks = [];
        if (file.kind === "python") {
          const model = await pythonModelOf(file);
          if (model) leaks = pythonLeaks(model, options);
        } else {
          const model = await javascriptModelOf(file);
          if (model) leaks = javascriptLeaks(model, options);
        }
        for (const leak of leaks) {
          context.report({
            messageId: leak.exception ? "exception" : "leak",
            data: { source: shown(leak.source), via: leak.via ? ` (in \`${shown(leak.via)}\`)` : "", sink: shown(leak.sink) },
            range: { start: leak.start, end: leak.end },
            key: `${leak.sink}:${leak.source}`
          });
        }
      }
    };
  }
});

// src/rules/shared-env-credentials.ts
import { createHash } from "node:crypto";

// src/analysis/manifests/environments.ts
function environmentOf(path) {
  const segments = path.split("/");
  const name = basename(path);
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i].toLowerCase();
    const child = segments[i + 1];
    if (ENVIRONMENT_PARENT_DIRS.includes(segment) && child && i + 1 < segments.length - 1) return canonical(child);
  }
  const values = /^values[.-]([\w-]+)\.ya?ml$/i.exec(name);
  if (values?.[1]) return known(values[1]);
  const dotenv = /^\.env\.([\w-]+)(?:\.[\w.-]+)?$/.exec(name);
  if (dotenv?.[1] && !isEnvTemplateName(name)) return known(dotenv[1]);
  const stem = /^([\w-]+)\.(?:env|ya?ml|json|properties|ini|toml)$/i.exec(name);
  if (stem?.[1]) {
    const env = known(stem[1]);
    if (env) return env;
  }
  for (const segment of segments.slice(0, -1)) {
    const env = known(segment);
    if (env) return env;
  }
  return null;
}
function canonical(name) {
  return ENVIRONMENT_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
}
function known(name) {
  return ENVIRONMENT_ALIASES[name.toLowerCase()] ?? null;
}

// src/rules/shared-env-credentials.ts
var shared_env_credentials_default = defineRule({
  meta: {
    id: "shared-env-credentials",
    description: "The same secret value appears in the configuration of two environments (configs/environments/<env>/, overlays/<env>/, values-<env>.yaml, .env.<env>).",
    severity: "error",
    recommended: true,
    scope: "project",
    kinds: ["dotenv", "yaml", "json", "toml", "ini", "properties"],
    checklist: ["no-secrets-in-source"],
    cwe: ["CWE-798", "CWE-1391"],
    messages: {
      shared: "`{{key}}` in {{environment}} has the same value as {{others}}: the guide forbids shared credentials between environments. Give {{environment}} its own credential, kept in its own store path, and rotate both."
    },
    options: {
      localEnvironments: {
        type: "array",
        items: { type: "string" },
        default: [...LOCAL_ENVIRONMENTS],
        description: "Environments where a throwaway credential may repeat: a value shared only among these is not reported."
      }
    },
    docs: {
      why: 'The guide\'s "Separation of Concerns" asks for "Different secrets for different environments" and "No shared credentials between environments", and its development setup says "Use different credentials than production". When staging and production share a password, a leak of the weaker environment opens the stronger one, and neither can be rotated alone. Values are compared by SHA-256 hash; no value is kept or printed. Placeholders, references (`${DB_PASSWORD}`) and values shared only among development, local, test and CI are not reported.',
      fix: "Generate a separate credential for each environment, store each under its environment's path (`carbon-ingestion/staging/\u2026`, `carbon-ingestion/production/\u2026` in Vault), reference it from the manifests, and rotate the value that was shared. Remove the literal values from the configuration files.",
      bad: { path: "configs/environments/production/app.env", code: "CLICKHOUSE_PASSWORD=Tg7pW2qLx9vR4mZs\n# and configs/environments/staging/app.env has the same value\n" },
      good: { path: "configs/environments/production/app.env", code: "CLICKHOUSE_PASSWORD=${CLICKHOUSE_PASSWORD}\n# the value comes from Vault: carbon-ingestion/production/databases\n" }
    }
  },
  create(context) {
    const local = new Set(Array.isArray(context.options.localEnvironments) ? context.options.localEnvironments : LOCAL_ENVIRONMENTS);
    return {
      file(file) {
        const environment = environmentOf(file.path);
        if (!environment) return;
        for (const candidate of candidatesOf(file)) {
          const position = file.positionAt(candidate.start);
          context.share({
            type: "value",
            environment,
            path: file.path,
            line: position.line,
            column: position.column,
            start: candidate.start,
            end: candidate.end,
            key: candidate.key,
            hash: createHash("sha256").update(candidate.value).digest("hex")
          });
        }
      },
      project(project) {
        const byHash = /* @__PURE__ */ new Map();
        for (const fact of factsOf(project, "value")) byHash.set(fact.hash, [...byHash.get(fact.hash) ?? [], fact]);
        for (const facts of byHash.values()) {
          const environments = new Set(facts.map((f) => f.environment));
          if (environments.size < 2 || [...environments].every((e) => local.has(e))) continue;
          for (const fact of facts) {
            const others = facts.filter((f) => f.environment !== fact.environment);
            const shown2 = others.slice(0, 3).map((f) => `${f.environment} (\`${f.key}\` at ${f.path}:${f.line})`);
            if (others.length > 3) shown2.push(`${others.length - 3} more`);
            const secret = project.read(fact.path)?.text.slice(fact.start, fact.end);
            context.report({
              messageId: "shared",
              data: { key: fact.key, environment: fact.environment, others: shown2.join(", ") },
              path: fact.path,
              range: { start: fact.start, end: fact.end },
              loc: { line: fact.line, column: fact.column },
              ...secret ? { secret } : {},
              key: `${fact.key}:${fact.hash}`
            });
          }
        }
      }
    };
  }
});
function candidatesOf(file) {
  const found = [];
  const add = (key, value, start, end, templated = false) => {
    if (judgeLiteral(key, value, file.path, templated)) found.push({ key, value, start, end });
  };
  switch (file.kind) {
    case "dotenv":
      for (const e of dotenvView(file)) add(e.key, e.value, e.valueStart, e.valueEnd, e.templated);
      break;
    case "yaml": {
      const seen = /* @__PURE__ */ new Set();
      for (const object of kubeObjects(file)) {
        if (!isCoreKind(object, "Secret")) continue;
        for (const entry of secretEntries(file.text, object)) {
          seen.add(entry.start);
          if (judgeSecretEntry(entry) === "secret" && entry.decoded !== null) found.push({ key: entry.key, value: entry.decoded.trim(), start: entry.start, end: entry.end });
        }
      }
      const assignments = file.cached("manifests:yaml-assignments", () => yamlAssignments(parsedYaml(file), file.text, { source: "yaml" }));
      for (const a of assignments) if (!seen.has(a.valueStart)) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    }
    case "json": {
      const assignments = file.cached("manifests:json-assignments", () => yamlAssignments(parsedYaml(file), file.text, { source: "json" }));
      for (const a of assignments) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    }
    case "toml":
      for (const a of file.cached("manifests:toml-assignments", () => tomlAssignments(file.text))) add(a.key, a.value, a.valueStart, a.valueEnd, a.templated);
      break;
    case "ini":
    case "properties":
      for (const e of file.cached("manifests:key-value-lines", () => parseKeyValueLines(file.text, 0, file.text.length))) add(e.key, e.value, e.valueStart, e.valueEnd, e.templated);
      break;
  }
  return found;
}

// src/rules/vault-policy-too-broad.ts
var vault_policy_too_broad_default = defineRule({
  meta: {
    id: "vault-policy-too-broad",
    description: "A Vault policy that grants a wildcard over a whole mount or all of Vault, grants `sudo`, or writes while it is named or used as read-only.",
    severity: "error",
    recommended: true,
    scope: "file",
    kinds: ["hcl", "shell", "yaml", "dockerfile"],
    keywords: ["capabilities", "policy"],
    checklist: ["secrets-in-store"],
    cwe: ["CWE-250", "CWE-732"],
    messages: {
      wildcardPath: "Vault policy `{{policy}}` grants {{capabilities}} on `{{path}}`, which reaches {{reach}}: scope it to this service's own path (like `carbon-ingestion/data/production/*`).",
      sudo: "Vault policy `{{policy}}` grants `sudo` on `{{path}}`: root-protected endpoints belong in a separate admin policy, not in a service's.",
      writeInReadOnly: "Vault policy `{{policy}}` is named read-only but grants {{capabilities}} on `{{path}}`: keep it to `read` and `list`, and give writers their own policy."
    },
    options: {
      minPathDepth: {
        type: "integer",
        minimum: 1,
        default: 2,
        description: "How many literal path segments (not counting KV v2's `data/` and `metadata/`) a wildcard path needs: `secret/*` has one."
      },
      adminPolicies: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Names of admin or break-glass policies that may hold `sudo` and broad paths."
      }
    },
    docs: {
      why: 'The guide asks for the "Principle of Least Privilege": "Grant minimum necessary permissions", "Use separate credentials for each service", "Implement read-only credentials where possible", and "Separate admin and service credentials". Its own policy is the model: `carbon-ingestion-read` grants `["read", "list"]` on `carbon-ingestion/data/production/*` only. A policy on `*` or a whole mount (`secret/*`) lets one leaked token read every team\'s secrets in every environment; `sudo` opens root-protected endpoints; a "read" policy that can write lets a reader replace a credential. Paths whose capabilities are `deny` are not reported.',
      fix: 'Grant each service\'s policy only its own path, for one environment, with the capabilities it uses: `path "carbon-ingestion/data/production/*" { capabilities = ["read", "list"] }`. Move `sudo` and `sys/*` grants into an admin policy listed in `adminPolicies`, and give writers a policy of their own.',
      bad: { path: "vault/policies/carbon-ingestion-read.hcl", code: 'path "secret/*" {\n  capabilities = ["create", "read", "update", "delete", "list"]\n}\n' },
      good: { path: "vault/policies/carbon-ingestion-read.hcl", code: 'path "carbon-ingestion/data/production/*" {\n  capabilities = ["read", "list"]\n}\n' }
    }
  },
  create(context) {
    const minDepth = typeof context.options.minPathDepth === "number" ? context.options.minPathDepth : 2;
    const admin = new Set(Array.isArray(context.options.adminPolicies) ? context.options.adminPolicies : []);
    return {
      file(file) {
        for (const binding of policyBindings(file)) context.share({ type: "binding", name: binding.name, file: binding.file });
        for (const policy of vaultPolicies(file)) check(file, policy);
      },
      project(project) {
        const bindings = factsOf(project, "binding");
        for (const fact of factsOf(project, "policy-file")) {
          const names = bindings.filter((b) => basename(b.file) === basename(fact.path)).map((b) => b.name);
          const readOnly = names.find((n) => READ_ONLY_POLICY_NAME.test(n) && !admin.has(n));
          if (!readOnly || READ_ONLY_POLICY_NAME.test(fact.name)) continue;
          for (const write of fact.writes) {
            context.report({
              messageId: "writeInReadOnly",
              data: { policy: readOnly, capabilities: list(write.capabilities), path: write.path },
              path: fact.path,
              range: { start: write.start, end: write.end },
              loc: { line: write.line },
              key: `${readOnly}:${write.path}:write`
            });
          }
        }
        emitEvidence(context, project, "secrets-in-store");
      }
    };
    function check(file, policy) {
      const name = policy.name ?? basename(file.path);
      const isAdmin = admin.has(name);
      const readOnly = READ_ONLY_POLICY_NAME.test(name);
      const writes = [];
      let clean = true;
      for (const rule of policy.rules) {
        if (rule.capabilities.includes("deny") || rule.capabilities.length === 0) continue;
        const granted = rule.capabilities.filter((c) => WRITE_CAPABILITIES.includes(c));
        if (!isAdmin && /[*+]/.test(rule.path)) {
          const depth = literalSegments(rule.path);
          if (depth < minDepth) {
            clean = false;
            const reach = depth === 0 ? "every path in Vault" : `the whole \`${rule.path.split("/")[0]}/\` mount`;
            report2(rule, "wildcardPath", { policy: name, capabilities: list(rule.capabilities), path: rule.path, reach }, "path");
          }
        }
        if (!isAdmin && rule.capabilities.includes("sudo")) {
          clean = false;
          report2(rule, "sudo", { policy: name, path: rule.path }, "capabilities");
        }
        if (granted.length > 0) {
          writes.push({ path: rule.path, capabilities: granted, start: rule.capabilitiesStart, end: rule.capabilitiesEnd, line: file.positionAt(rule.capabilitiesStart).line });
          if (readOnly && !isAdmin) {
            clean = false;
            report2(rule, "writeInReadOnly", { policy: name, capabilities: list(granted), path: rule.path }, "capabilities");
          }
        }
      }
      if (file.kind === "hcl" && policy.start === 0 && writes.length > 0) context.share({ type: "policy-file", path: file.path, name, writes });
      const first = policy.rules[0];
      if (clean && first) {
        shareEvidence(context, file, "secrets-in-store", first.pathStart, `Vault policy \`${name}\` grants ${list(first.capabilities)} on \`${first.path}\`${policy.rules.length > 1 ? ` and ${policy.rules.length - 1} more path${policy.rules.length > 2 ? "s" : ""}` : ""}`);
      }
    }
    function report2(rule, messageId, data, at2) {
      const range = at2 === "path" ? { start: rule.pathStart, end: rule.pathEnd } : { start: rule.capabilitiesStart, end: rule.capabilitiesEnd };
      context.report({ messageId, data, range, key: `${data.policy}:${rule.path}:${messageId}` });
    }
  }
});
function literalSegments(path) {
  return path.split("/").filter((segment) => segment.length > 0 && !/[*+]/.test(segment) && !KV_V2_SEGMENTS.includes(segment)).length;
}
function list(capabilities) {
  return capabilities.map((c) => `\`${c}\``).join(", ");
}

// src/rules/index.ts
var RULES = [
  committed_env_file_default,
  env_not_gitignored_default,
  hardcoded_secret_default,
  insecure_transport_default,
  k8s_literal_secret_env_default,
  k8s_plaintext_secret_default,
  missing_audit_logging_default,
  missing_auth_failure_alerts_default,
  missing_emergency_procedures_default,
  missing_startup_validation_default,
  rotation_policy_violation_default,
  secret_in_log_default,
  shared_env_credentials_default,
  vault_policy_too_broad_default
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
function findRule(id) {
  return RULES.find((r) => r.meta.id === id);
}

// src/config/schema.ts
var SEVERITY = { enum: ["off", "info", "warning", "error"], description: "off, info, warning or error" };
var FAIL_ON = { enum: ["error", "warning", "info", "none"] };
var GLOBS = { type: "array", items: { type: "string", minLength: 1 }, description: "gitignore-style patterns, relative to the scan root" };
function buildConfigSchema(rules) {
  const ruleEntries = Object.fromEntries(
    rules.map((rule) => {
      const options = {
        type: "object",
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([key, schema]) => [key, schema]))
      };
      return [
        rule.meta.id,
        {
          description: rule.meta.description,
          oneOf: [
            SEVERITY,
            { type: "object", additionalProperties: false, properties: { severity: SEVERITY, options } }
          ]
        }
      ];
    })
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://carbon-secret-lint.dev/schema/carbon-secret-lint.schema.json",
    title: "carbon-secret-lint configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      extends: {
        description: "Presets to start from, applied in order: recommended, strict.",
        oneOf: [{ enum: ["recommended", "strict"] }, { type: "array", items: { enum: ["recommended", "strict"] } }]
      },
      rules: { type: "object", additionalProperties: false, properties: ruleEntries, description: "Per-rule severity and options." },
      include: { ...GLOBS, description: "Only files matching one of these are scanned (gitignore-style patterns)." },
      exclude: { ...GLOBS, description: "Files matching one of these are not scanned (gitignore-style patterns)." },
      failOn: { ...FAIL_ON, description: "The lowest severity that fails the run (exit 1)." },
      maxFileSize: {
        description: "Files larger than this are skipped for content rules (bytes, or a size like 5MB).",
        oneOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$" }]
      },
      allowlist: {
        type: "object",
        additionalProperties: false,
        properties: {
          fingerprints: { type: "array", items: { type: "string", pattern: "^[0-9a-f]{32}$" }, description: "Findings to accept, by fingerprint." },
          values: { type: "array", items: { type: "string" }, description: "Literal values that are known not to be secrets." },
          paths: { ...GLOBS, description: "Files whose findings are accepted." }
        }
      },
      patterns: {
        type: "array",
        description: "Custom secret formats, checked for catastrophic backtracking before use.",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "pattern"],
          properties: {
            id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
            description: { type: "string" },
            pattern: { type: "string", minLength: 1 },
            keywords: { type: "array", items: { type: "string", minLength: 1 } },
            severity: { enum: ["info", "warning", "error"] }
          }
        }
      },
      requiredSecrets: { type: "array", items: { type: "string" }, description: "Names that count as secrets when a service reads them (default: the guide's KAFKA_BOOTSTRAP_SERVERS, CLICKHOUSE_DSN, REDIS_URL); services[].required must be validated even when no code reads them." },
      services: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["path"],
          properties: { path: { type: "string" }, entry: { type: "string" }, required: { type: "array", items: { type: "string" } } }
        }
      },
      rotation: {
        type: "object",
        additionalProperties: false,
        description: "Maximum age in days per secret type; the guide's table is the default.",
        properties: Object.fromEntries(
          ["apiKeys", "databasePasswords", "serviceCertificates", "adminCredentials"].map((k) => [k, { type: "integer", minimum: 1 }])
        )
      },
      checklist: {
        type: "object",
        additionalProperties: false,
        properties: { skip: { type: "array", items: { enum: [...CHECKLIST_IDS] }, description: "Items this repository does not enforce." } }
      },
      reportUnusedSuppressions: { type: "boolean", description: "Report suppression comments that silence nothing." }
    }
  };
}

// src/config/load.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { join as join3, relative, resolve as resolve2 } from "node:path";

// src/core/redact.ts
import { createHash as createHash2 } from "node:crypto";
function redact(secret) {
  const chars = [...secret];
  if (chars.length < 12) return "****";
  const keep = chars.length < 20 ? 2 : 4;
  return `${chars.slice(0, keep).join("")}\u2026${chars.slice(-keep).join("")}`;
}
function scrub(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(redact(secret));
  }
  return out;
}
function sha256(text) {
  return createHash2("sha256").update(text).digest("hex");
}
function fingerprint(ruleId, path, identity) {
  return sha256(`${ruleId}\0${path}\0${identity}`).slice(0, 32);
}

// src/config/presets.ts
function preset(name, rules) {
  if (name === "strict") return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity])), failOn: "warning" };
  return { rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.recommended ? r.meta.severity : "off"])) };
}

// src/config/validator.generated.ts
var validator_generated_default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://carbon-secret-lint.dev/schema/carbon-secret-lint.schema.json", "title": "carbon-secret-lint configuration", "type": "object", "additionalProperties": false, "properties": { "$schema": { "type": "string" }, "extends": { "description": "Presets to start from, applied in order: recommended, strict.", "oneOf": [{ "enum": ["recommended", "strict"] }, { "type": "array", "items": { "enum": ["recommended", "strict"] } }] }, "rules": { "type": "object", "additionalProperties": false, "properties": { "committed-env-file": { "description": "A `.env` file is committed to git (or, outside git, present and not ignored).", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": {} } } }] }, "env-not-gitignored": { "description": "`.gitignore` would not ignore a `.env` file where one belongs: at the root, beside a template, or in a service.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": {} } } }] }, "hardcoded-secret": { "description": "A secret is written into a file: a provider token, a private key, credentials in a URL, or a secret-named setting with a literal value.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "generic": { "type": "boolean", "default": true, "description": "Report secret-named keys bound to literal values, not only known formats." }, "weakDefaults": { "type": "boolean", "default": true, "description": "Report well-known default credentials (`postgres`, `admin`) as warnings." }, "examples": { "type": "boolean", "default": true, "description": "Report providers' documented example keys, at info." } } } } }] }, "insecure-transport": { "description": "Credentials sent in clear: http:// to Vault or auth endpoints, Kafka SASL_PLAINTEXT, sslmode=disable, certificate checks turned off, passwords in redis:// URLs, Vault listeners with tls_disable.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "reportLoopback": { "type": "boolean", "default": true, "description": "Report plaintext to localhost (development setups) as `info`; false drops those findings." } } } } }] }, "k8s-literal-secret-env": { "description": "A secret-named environment variable or ConfigMap key set to a literal value in a Kubernetes, Helm or compose manifest, instead of a reference to a Secret.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "compose": { "type": "boolean", "default": true, "description": "Also check the `environment` of docker compose services." }, "configMaps": { "type": "boolean", "default": true, "description": "Also check the `data` of ConfigMaps and kustomize configMapGenerators." } } } } }] }, "k8s-plaintext-secret": { "description": "A Kubernetes Secret (or a kustomize secretGenerator) committed with literal values in `data` or `stringData`.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "reportGenerators": { "type": "boolean", "default": true, "description": "Also report literals in kustomize `secretGenerator` entries." } } } } }] }, "missing-audit-logging": { "description": "The repository keeps or serves secrets, but nothing in it enables access audit logging (a Vault audit device, or an API-server audit policy covering Secrets).", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": {} } } }] }, "missing-auth-failure-alerts": { "description": "The repository keeps or serves secrets, but no alerting rule (Prometheus rule file, PrometheusRule, Loki ruler) fires on authentication failures.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": {} } } }] }, "missing-emergency-procedures": { "description": "The repository keeps or serves secrets, but no runbook documents an emergency rotation or break-glass procedure.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": {} } } }] }, "missing-startup-validation": { "description": "A service reads secrets from the environment but nothing checks them at start-up, before it serves; or it falls back to a default when one is missing.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "environMappingValidates": { "type": "boolean", "default": true, "description": 'Count `os.environ["X"]` read at start-up (module level or a start-up function) as validation: it raises KeyError when X is missing.' }, "fallbacks": { "type": "boolean", "default": true, "description": 'Report secrets that fall back to a literal default (`os.getenv("X", "dev")`, `process.env.X ?? "dev"`).' }, "validators": { "type": "array", "items": { "type": "string" }, "default": [], "description": "Names of validating functions from outside the repository (a shared library): called at start-up with variable names, they validate those; called without, every secret the service reads." } } } } }] }, "rotation-policy-violation": { "description": "Certificates, Vault roles and secret syncs that break the rotation policy: lifetimes above the guide's table, no renewBefore, no refresh of synced secrets.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "requireRenewBefore": { "type": "boolean", "default": true, "description": "Report cert-manager Certificates without `renewBefore` (or `renewBeforePercentage`)." }, "requireRefreshAfter": { "type": "boolean", "default": true, "description": "Report VaultStaticSecrets without `refreshAfter` (or `syncConfig.instantUpdates`)." } } } } }] }, "secret-in-log": { "description": "A secret, or a value built from one, reaches a logger, print/console, stdout/stderr, or an exception message (Python and TypeScript/JavaScript).", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "exceptions": { "type": "boolean", "default": true, "description": 'Report secrets in exception messages (`raise X(f"\u2026{token}")`, ``throw new Error(`\u2026${token}`)``).' }, "prints": { "type": "boolean", "default": true, "description": "Report `print()`, `console.*` and writes to stdout/stderr, not only loggers." }, "loggers": { "type": "array", "items": { "type": "string" }, "default": [], "description": "More receiver names that are loggers (names with the word log or logger, and objects made by getLogger/pino/createLogger, are already)." }, "sanitizers": { "type": "array", "items": { "type": "string" }, "default": [], "description": "More function names whose result is safe to log (names with mask, redact, obfuscate, hash, fingerprint\u2026 are already)." } } } } }] }, "shared-env-credentials": { "description": "The same secret value appears in the configuration of two environments (configs/environments/<env>/, overlays/<env>/, values-<env>.yaml, .env.<env>).", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "localEnvironments": { "type": "array", "items": { "type": "string" }, "default": ["development", "local", "test", "ci"], "description": "Environments where a throwaway credential may repeat: a value shared only among these is not reported." } } } } }] }, "vault-policy-too-broad": { "description": "A Vault policy that grants a wildcard over a whole mount or all of Vault, grants `sudo`, or writes while it is named or used as read-only.", "oneOf": [{ "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["off", "info", "warning", "error"], "description": "off, info, warning or error" }, "options": { "type": "object", "additionalProperties": false, "properties": { "minPathDepth": { "type": "integer", "minimum": 1, "default": 2, "description": "How many literal path segments (not counting KV v2's `data/` and `metadata/`) a wildcard path needs: `secret/*` has one." }, "adminPolicies": { "type": "array", "items": { "type": "string" }, "default": [], "description": "Names of admin or break-glass policies that may hold `sudo` and broad paths." } } } } }] } }, "description": "Per-rule severity and options." }, "include": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Only files matching one of these are scanned (gitignore-style patterns)." }, "exclude": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Files matching one of these are not scanned (gitignore-style patterns)." }, "failOn": { "enum": ["error", "warning", "info", "none"], "description": "The lowest severity that fails the run (exit 1)." }, "maxFileSize": { "description": "Files larger than this are skipped for content rules (bytes, or a size like 5MB).", "oneOf": [{ "type": "integer", "minimum": 1 }, { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$" }] }, "allowlist": { "type": "object", "additionalProperties": false, "properties": { "fingerprints": { "type": "array", "items": { "type": "string", "pattern": "^[0-9a-f]{32}$" }, "description": "Findings to accept, by fingerprint." }, "values": { "type": "array", "items": { "type": "string" }, "description": "Literal values that are known not to be secrets." }, "paths": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Files whose findings are accepted." } } }, "patterns": { "type": "array", "description": "Custom secret formats, checked for catastrophic backtracking before use.", "items": { "type": "object", "additionalProperties": false, "required": ["id", "pattern"], "properties": { "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" }, "description": { "type": "string" }, "pattern": { "type": "string", "minLength": 1 }, "keywords": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "severity": { "enum": ["info", "warning", "error"] } } } }, "requiredSecrets": { "type": "array", "items": { "type": "string" }, "description": "Names that count as secrets when a service reads them (default: the guide's KAFKA_BOOTSTRAP_SERVERS, CLICKHOUSE_DSN, REDIS_URL); services[].required must be validated even when no code reads them." }, "services": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "path": { "type": "string" }, "entry": { "type": "string" }, "required": { "type": "array", "items": { "type": "string" } } } } }, "rotation": { "type": "object", "additionalProperties": false, "description": "Maximum age in days per secret type; the guide's table is the default.", "properties": { "apiKeys": { "type": "integer", "minimum": 1 }, "databasePasswords": { "type": "integer", "minimum": 1 }, "serviceCertificates": { "type": "integer", "minimum": 1 }, "adminCredentials": { "type": "integer", "minimum": 1 } } }, "checklist": { "type": "object", "additionalProperties": false, "properties": { "skip": { "type": "array", "items": { "enum": ["secrets-in-store", "no-secrets-in-source", "env-gitignored", "encrypted-at-rest", "tls-in-transit", "rotation-automated", "audit-logging", "emergency-procedures", "startup-validation", "auth-failure-alerts"] }, "description": "Items this repository does not enforce." } } }, "reportUnusedSuppressions": { "type": "boolean", "description": "Report suppression comments that silence nothing." } } };
var func2 = Object.prototype.hasOwnProperty;
var func4 = ((text) => [...text].length);
var pattern0 = new RegExp("^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$", "u");
var pattern1 = new RegExp("^[0-9a-f]{32}$", "u");
var pattern2 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      if (typeof data.$schema !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.extends !== void 0) {
      let data1 = data.extends;
      const _errs5 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs6 = errors;
      if (!(data1 === "recommended" || data1 === "strict")) {
        const err2 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.extends.oneOf[0].enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var _valid0 = _errs6 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
      }
      const _errs7 = errors;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (!(data2 === "recommended" || data2 === "strict")) {
            const err3 = { instancePath: instancePath + "/extends/" + i0, schemaPath: "#/properties/extends/oneOf/1/items/enum", keyword: "enum", params: { allowedValues: schema11.properties.extends.oneOf[1].items.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
      } else {
        const err4 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
      var _valid0 = _errs7 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err5 = { instancePath: instancePath + "/extends", schemaPath: "#/properties/extends/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.rules !== void 0) {
      let data3 = data.rules;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          if (!func2.call(schema11.properties.rules.properties, key1)) {
            const err6 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data3["committed-env-file"] !== void 0) {
          let data4 = data3["committed-env-file"];
          const _errs14 = errors;
          let valid5 = false;
          let passing1 = null;
          const _errs15 = errors;
          if (!(data4 === "off" || data4 === "info" || data4 === "warning" || data4 === "error")) {
            const err7 = { instancePath: instancePath + "/rules/committed-env-file", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["committed-env-file"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          var _valid1 = _errs15 === errors;
          if (_valid1) {
            valid5 = true;
            passing1 = 0;
          }
          const _errs16 = errors;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key2 in data4) {
              if (!(key2 === "severity" || key2 === "options")) {
                const err8 = { instancePath: instancePath + "/rules/committed-env-file", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data4.severity !== void 0) {
              let data5 = data4.severity;
              if (!(data5 === "off" || data5 === "info" || data5 === "warning" || data5 === "error")) {
                const err9 = { instancePath: instancePath + "/rules/committed-env-file/severity", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["committed-env-file"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
            }
            if (data4.options !== void 0) {
              let data6 = data4.options;
              if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                for (const key3 in data6) {
                  const err10 = { instancePath: instancePath + "/rules/committed-env-file/options", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              } else {
                const err11 = { instancePath: instancePath + "/rules/committed-env-file/options", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/rules/committed-env-file", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
          var _valid1 = _errs16 === errors;
          if (_valid1 && valid5) {
            valid5 = false;
            passing1 = [passing1, 1];
          } else {
            if (_valid1) {
              valid5 = true;
              passing1 = 1;
            }
          }
          if (!valid5) {
            const err13 = { instancePath: instancePath + "/rules/committed-env-file", schemaPath: "#/properties/rules/properties/committed-env-file/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          } else {
            errors = _errs14;
            if (vErrors !== null) {
              if (_errs14) {
                vErrors.length = _errs14;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["env-not-gitignored"] !== void 0) {
          let data7 = data3["env-not-gitignored"];
          const _errs24 = errors;
          let valid7 = false;
          let passing2 = null;
          const _errs25 = errors;
          if (!(data7 === "off" || data7 === "info" || data7 === "warning" || data7 === "error")) {
            const err14 = { instancePath: instancePath + "/rules/env-not-gitignored", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["env-not-gitignored"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
          var _valid2 = _errs25 === errors;
          if (_valid2) {
            valid7 = true;
            passing2 = 0;
          }
          const _errs26 = errors;
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            for (const key4 in data7) {
              if (!(key4 === "severity" || key4 === "options")) {
                const err15 = { instancePath: instancePath + "/rules/env-not-gitignored", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
            if (data7.severity !== void 0) {
              let data8 = data7.severity;
              if (!(data8 === "off" || data8 === "info" || data8 === "warning" || data8 === "error")) {
                const err16 = { instancePath: instancePath + "/rules/env-not-gitignored/severity", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["env-not-gitignored"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data7.options !== void 0) {
              let data9 = data7.options;
              if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                for (const key5 in data9) {
                  const err17 = { instancePath: instancePath + "/rules/env-not-gitignored/options", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
              } else {
                const err18 = { instancePath: instancePath + "/rules/env-not-gitignored/options", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
          } else {
            const err19 = { instancePath: instancePath + "/rules/env-not-gitignored", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
          var _valid2 = _errs26 === errors;
          if (_valid2 && valid7) {
            valid7 = false;
            passing2 = [passing2, 1];
          } else {
            if (_valid2) {
              valid7 = true;
              passing2 = 1;
            }
          }
          if (!valid7) {
            const err20 = { instancePath: instancePath + "/rules/env-not-gitignored", schemaPath: "#/properties/rules/properties/env-not-gitignored/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          } else {
            errors = _errs24;
            if (vErrors !== null) {
              if (_errs24) {
                vErrors.length = _errs24;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["hardcoded-secret"] !== void 0) {
          let data10 = data3["hardcoded-secret"];
          const _errs34 = errors;
          let valid9 = false;
          let passing3 = null;
          const _errs35 = errors;
          if (!(data10 === "off" || data10 === "info" || data10 === "warning" || data10 === "error")) {
            const err21 = { instancePath: instancePath + "/rules/hardcoded-secret", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["hardcoded-secret"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
          var _valid3 = _errs35 === errors;
          if (_valid3) {
            valid9 = true;
            passing3 = 0;
          }
          const _errs36 = errors;
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            for (const key6 in data10) {
              if (!(key6 === "severity" || key6 === "options")) {
                const err22 = { instancePath: instancePath + "/rules/hardcoded-secret", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data10.severity !== void 0) {
              let data11 = data10.severity;
              if (!(data11 === "off" || data11 === "info" || data11 === "warning" || data11 === "error")) {
                const err23 = { instancePath: instancePath + "/rules/hardcoded-secret/severity", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["hardcoded-secret"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            }
            if (data10.options !== void 0) {
              let data12 = data10.options;
              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                for (const key7 in data12) {
                  if (!(key7 === "generic" || key7 === "weakDefaults" || key7 === "examples")) {
                    const err24 = { instancePath: instancePath + "/rules/hardcoded-secret/options", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err24];
                    } else {
                      vErrors.push(err24);
                    }
                    errors++;
                  }
                }
                if (data12.generic !== void 0) {
                  if (typeof data12.generic !== "boolean") {
                    const err25 = { instancePath: instancePath + "/rules/hardcoded-secret/options/generic", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/options/properties/generic/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err25];
                    } else {
                      vErrors.push(err25);
                    }
                    errors++;
                  }
                }
                if (data12.weakDefaults !== void 0) {
                  if (typeof data12.weakDefaults !== "boolean") {
                    const err26 = { instancePath: instancePath + "/rules/hardcoded-secret/options/weakDefaults", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/options/properties/weakDefaults/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
                if (data12.examples !== void 0) {
                  if (typeof data12.examples !== "boolean") {
                    const err27 = { instancePath: instancePath + "/rules/hardcoded-secret/options/examples", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/options/properties/examples/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err27];
                    } else {
                      vErrors.push(err27);
                    }
                    errors++;
                  }
                }
              } else {
                const err28 = { instancePath: instancePath + "/rules/hardcoded-secret/options", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
          } else {
            const err29 = { instancePath: instancePath + "/rules/hardcoded-secret", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
          var _valid3 = _errs36 === errors;
          if (_valid3 && valid9) {
            valid9 = false;
            passing3 = [passing3, 1];
          } else {
            if (_valid3) {
              valid9 = true;
              passing3 = 1;
            }
          }
          if (!valid9) {
            const err30 = { instancePath: instancePath + "/rules/hardcoded-secret", schemaPath: "#/properties/rules/properties/hardcoded-secret/oneOf", keyword: "oneOf", params: { passingSchemas: passing3 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          } else {
            errors = _errs34;
            if (vErrors !== null) {
              if (_errs34) {
                vErrors.length = _errs34;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["insecure-transport"] !== void 0) {
          let data16 = data3["insecure-transport"];
          const _errs50 = errors;
          let valid12 = false;
          let passing4 = null;
          const _errs51 = errors;
          if (!(data16 === "off" || data16 === "info" || data16 === "warning" || data16 === "error")) {
            const err31 = { instancePath: instancePath + "/rules/insecure-transport", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["insecure-transport"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          var _valid4 = _errs51 === errors;
          if (_valid4) {
            valid12 = true;
            passing4 = 0;
          }
          const _errs52 = errors;
          if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
            for (const key8 in data16) {
              if (!(key8 === "severity" || key8 === "options")) {
                const err32 = { instancePath: instancePath + "/rules/insecure-transport", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data16.severity !== void 0) {
              let data17 = data16.severity;
              if (!(data17 === "off" || data17 === "info" || data17 === "warning" || data17 === "error")) {
                const err33 = { instancePath: instancePath + "/rules/insecure-transport/severity", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["insecure-transport"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data16.options !== void 0) {
              let data18 = data16.options;
              if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                for (const key9 in data18) {
                  if (!(key9 === "reportLoopback")) {
                    const err34 = { instancePath: instancePath + "/rules/insecure-transport/options", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err34];
                    } else {
                      vErrors.push(err34);
                    }
                    errors++;
                  }
                }
                if (data18.reportLoopback !== void 0) {
                  if (typeof data18.reportLoopback !== "boolean") {
                    const err35 = { instancePath: instancePath + "/rules/insecure-transport/options/reportLoopback", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/properties/options/properties/reportLoopback/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                }
              } else {
                const err36 = { instancePath: instancePath + "/rules/insecure-transport/options", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
          } else {
            const err37 = { instancePath: instancePath + "/rules/insecure-transport", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err37];
            } else {
              vErrors.push(err37);
            }
            errors++;
          }
          var _valid4 = _errs52 === errors;
          if (_valid4 && valid12) {
            valid12 = false;
            passing4 = [passing4, 1];
          } else {
            if (_valid4) {
              valid12 = true;
              passing4 = 1;
            }
          }
          if (!valid12) {
            const err38 = { instancePath: instancePath + "/rules/insecure-transport", schemaPath: "#/properties/rules/properties/insecure-transport/oneOf", keyword: "oneOf", params: { passingSchemas: passing4 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          } else {
            errors = _errs50;
            if (vErrors !== null) {
              if (_errs50) {
                vErrors.length = _errs50;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["k8s-literal-secret-env"] !== void 0) {
          let data20 = data3["k8s-literal-secret-env"];
          const _errs62 = errors;
          let valid15 = false;
          let passing5 = null;
          const _errs63 = errors;
          if (!(data20 === "off" || data20 === "info" || data20 === "warning" || data20 === "error")) {
            const err39 = { instancePath: instancePath + "/rules/k8s-literal-secret-env", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["k8s-literal-secret-env"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
          var _valid5 = _errs63 === errors;
          if (_valid5) {
            valid15 = true;
            passing5 = 0;
          }
          const _errs64 = errors;
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            for (const key10 in data20) {
              if (!(key10 === "severity" || key10 === "options")) {
                const err40 = { instancePath: instancePath + "/rules/k8s-literal-secret-env", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err40];
                } else {
                  vErrors.push(err40);
                }
                errors++;
              }
            }
            if (data20.severity !== void 0) {
              let data21 = data20.severity;
              if (!(data21 === "off" || data21 === "info" || data21 === "warning" || data21 === "error")) {
                const err41 = { instancePath: instancePath + "/rules/k8s-literal-secret-env/severity", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["k8s-literal-secret-env"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data20.options !== void 0) {
              let data22 = data20.options;
              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                for (const key11 in data22) {
                  if (!(key11 === "compose" || key11 === "configMaps")) {
                    const err42 = { instancePath: instancePath + "/rules/k8s-literal-secret-env/options", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
                if (data22.compose !== void 0) {
                  if (typeof data22.compose !== "boolean") {
                    const err43 = { instancePath: instancePath + "/rules/k8s-literal-secret-env/options/compose", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/properties/options/properties/compose/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err43];
                    } else {
                      vErrors.push(err43);
                    }
                    errors++;
                  }
                }
                if (data22.configMaps !== void 0) {
                  if (typeof data22.configMaps !== "boolean") {
                    const err44 = { instancePath: instancePath + "/rules/k8s-literal-secret-env/options/configMaps", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/properties/options/properties/configMaps/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err44];
                    } else {
                      vErrors.push(err44);
                    }
                    errors++;
                  }
                }
              } else {
                const err45 = { instancePath: instancePath + "/rules/k8s-literal-secret-env/options", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
          } else {
            const err46 = { instancePath: instancePath + "/rules/k8s-literal-secret-env", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          var _valid5 = _errs64 === errors;
          if (_valid5 && valid15) {
            valid15 = false;
            passing5 = [passing5, 1];
          } else {
            if (_valid5) {
              valid15 = true;
              passing5 = 1;
            }
          }
          if (!valid15) {
            const err47 = { instancePath: instancePath + "/rules/k8s-literal-secret-env", schemaPath: "#/properties/rules/properties/k8s-literal-secret-env/oneOf", keyword: "oneOf", params: { passingSchemas: passing5 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          } else {
            errors = _errs62;
            if (vErrors !== null) {
              if (_errs62) {
                vErrors.length = _errs62;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["k8s-plaintext-secret"] !== void 0) {
          let data25 = data3["k8s-plaintext-secret"];
          const _errs76 = errors;
          let valid18 = false;
          let passing6 = null;
          const _errs77 = errors;
          if (!(data25 === "off" || data25 === "info" || data25 === "warning" || data25 === "error")) {
            const err48 = { instancePath: instancePath + "/rules/k8s-plaintext-secret", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["k8s-plaintext-secret"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
          var _valid6 = _errs77 === errors;
          if (_valid6) {
            valid18 = true;
            passing6 = 0;
          }
          const _errs78 = errors;
          if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key12 in data25) {
              if (!(key12 === "severity" || key12 === "options")) {
                const err49 = { instancePath: instancePath + "/rules/k8s-plaintext-secret", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
            if (data25.severity !== void 0) {
              let data26 = data25.severity;
              if (!(data26 === "off" || data26 === "info" || data26 === "warning" || data26 === "error")) {
                const err50 = { instancePath: instancePath + "/rules/k8s-plaintext-secret/severity", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["k8s-plaintext-secret"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            }
            if (data25.options !== void 0) {
              let data27 = data25.options;
              if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                for (const key13 in data27) {
                  if (!(key13 === "reportGenerators")) {
                    const err51 = { instancePath: instancePath + "/rules/k8s-plaintext-secret/options", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err51];
                    } else {
                      vErrors.push(err51);
                    }
                    errors++;
                  }
                }
                if (data27.reportGenerators !== void 0) {
                  if (typeof data27.reportGenerators !== "boolean") {
                    const err52 = { instancePath: instancePath + "/rules/k8s-plaintext-secret/options/reportGenerators", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/properties/options/properties/reportGenerators/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err52];
                    } else {
                      vErrors.push(err52);
                    }
                    errors++;
                  }
                }
              } else {
                const err53 = { instancePath: instancePath + "/rules/k8s-plaintext-secret/options", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
          } else {
            const err54 = { instancePath: instancePath + "/rules/k8s-plaintext-secret", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
          var _valid6 = _errs78 === errors;
          if (_valid6 && valid18) {
            valid18 = false;
            passing6 = [passing6, 1];
          } else {
            if (_valid6) {
              valid18 = true;
              passing6 = 1;
            }
          }
          if (!valid18) {
            const err55 = { instancePath: instancePath + "/rules/k8s-plaintext-secret", schemaPath: "#/properties/rules/properties/k8s-plaintext-secret/oneOf", keyword: "oneOf", params: { passingSchemas: passing6 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          } else {
            errors = _errs76;
            if (vErrors !== null) {
              if (_errs76) {
                vErrors.length = _errs76;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["missing-audit-logging"] !== void 0) {
          let data29 = data3["missing-audit-logging"];
          const _errs88 = errors;
          let valid21 = false;
          let passing7 = null;
          const _errs89 = errors;
          if (!(data29 === "off" || data29 === "info" || data29 === "warning" || data29 === "error")) {
            const err56 = { instancePath: instancePath + "/rules/missing-audit-logging", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-audit-logging"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          }
          var _valid7 = _errs89 === errors;
          if (_valid7) {
            valid21 = true;
            passing7 = 0;
          }
          const _errs90 = errors;
          if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
            for (const key14 in data29) {
              if (!(key14 === "severity" || key14 === "options")) {
                const err57 = { instancePath: instancePath + "/rules/missing-audit-logging", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            if (data29.severity !== void 0) {
              let data30 = data29.severity;
              if (!(data30 === "off" || data30 === "info" || data30 === "warning" || data30 === "error")) {
                const err58 = { instancePath: instancePath + "/rules/missing-audit-logging/severity", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-audit-logging"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err58];
                } else {
                  vErrors.push(err58);
                }
                errors++;
              }
            }
            if (data29.options !== void 0) {
              let data31 = data29.options;
              if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                for (const key15 in data31) {
                  const err59 = { instancePath: instancePath + "/rules/missing-audit-logging/options", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
              } else {
                const err60 = { instancePath: instancePath + "/rules/missing-audit-logging/options", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err60];
                } else {
                  vErrors.push(err60);
                }
                errors++;
              }
            }
          } else {
            const err61 = { instancePath: instancePath + "/rules/missing-audit-logging", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
          var _valid7 = _errs90 === errors;
          if (_valid7 && valid21) {
            valid21 = false;
            passing7 = [passing7, 1];
          } else {
            if (_valid7) {
              valid21 = true;
              passing7 = 1;
            }
          }
          if (!valid21) {
            const err62 = { instancePath: instancePath + "/rules/missing-audit-logging", schemaPath: "#/properties/rules/properties/missing-audit-logging/oneOf", keyword: "oneOf", params: { passingSchemas: passing7 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          } else {
            errors = _errs88;
            if (vErrors !== null) {
              if (_errs88) {
                vErrors.length = _errs88;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["missing-auth-failure-alerts"] !== void 0) {
          let data32 = data3["missing-auth-failure-alerts"];
          const _errs98 = errors;
          let valid23 = false;
          let passing8 = null;
          const _errs99 = errors;
          if (!(data32 === "off" || data32 === "info" || data32 === "warning" || data32 === "error")) {
            const err63 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-auth-failure-alerts"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
          var _valid8 = _errs99 === errors;
          if (_valid8) {
            valid23 = true;
            passing8 = 0;
          }
          const _errs100 = errors;
          if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            for (const key16 in data32) {
              if (!(key16 === "severity" || key16 === "options")) {
                const err64 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data32.severity !== void 0) {
              let data33 = data32.severity;
              if (!(data33 === "off" || data33 === "info" || data33 === "warning" || data33 === "error")) {
                const err65 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts/severity", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-auth-failure-alerts"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err65];
                } else {
                  vErrors.push(err65);
                }
                errors++;
              }
            }
            if (data32.options !== void 0) {
              let data34 = data32.options;
              if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
                for (const key17 in data34) {
                  const err66 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts/options", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key17 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              } else {
                const err67 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts/options", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err67];
                } else {
                  vErrors.push(err67);
                }
                errors++;
              }
            }
          } else {
            const err68 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
          var _valid8 = _errs100 === errors;
          if (_valid8 && valid23) {
            valid23 = false;
            passing8 = [passing8, 1];
          } else {
            if (_valid8) {
              valid23 = true;
              passing8 = 1;
            }
          }
          if (!valid23) {
            const err69 = { instancePath: instancePath + "/rules/missing-auth-failure-alerts", schemaPath: "#/properties/rules/properties/missing-auth-failure-alerts/oneOf", keyword: "oneOf", params: { passingSchemas: passing8 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          } else {
            errors = _errs98;
            if (vErrors !== null) {
              if (_errs98) {
                vErrors.length = _errs98;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["missing-emergency-procedures"] !== void 0) {
          let data35 = data3["missing-emergency-procedures"];
          const _errs108 = errors;
          let valid25 = false;
          let passing9 = null;
          const _errs109 = errors;
          if (!(data35 === "off" || data35 === "info" || data35 === "warning" || data35 === "error")) {
            const err70 = { instancePath: instancePath + "/rules/missing-emergency-procedures", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-emergency-procedures"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
          var _valid9 = _errs109 === errors;
          if (_valid9) {
            valid25 = true;
            passing9 = 0;
          }
          const _errs110 = errors;
          if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
            for (const key18 in data35) {
              if (!(key18 === "severity" || key18 === "options")) {
                const err71 = { instancePath: instancePath + "/rules/missing-emergency-procedures", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key18 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err71];
                } else {
                  vErrors.push(err71);
                }
                errors++;
              }
            }
            if (data35.severity !== void 0) {
              let data36 = data35.severity;
              if (!(data36 === "off" || data36 === "info" || data36 === "warning" || data36 === "error")) {
                const err72 = { instancePath: instancePath + "/rules/missing-emergency-procedures/severity", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-emergency-procedures"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err72];
                } else {
                  vErrors.push(err72);
                }
                errors++;
              }
            }
            if (data35.options !== void 0) {
              let data37 = data35.options;
              if (data37 && typeof data37 == "object" && !Array.isArray(data37)) {
                for (const key19 in data37) {
                  const err73 = { instancePath: instancePath + "/rules/missing-emergency-procedures/options", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key19 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err73];
                  } else {
                    vErrors.push(err73);
                  }
                  errors++;
                }
              } else {
                const err74 = { instancePath: instancePath + "/rules/missing-emergency-procedures/options", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
            }
          } else {
            const err75 = { instancePath: instancePath + "/rules/missing-emergency-procedures", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
          var _valid9 = _errs110 === errors;
          if (_valid9 && valid25) {
            valid25 = false;
            passing9 = [passing9, 1];
          } else {
            if (_valid9) {
              valid25 = true;
              passing9 = 1;
            }
          }
          if (!valid25) {
            const err76 = { instancePath: instancePath + "/rules/missing-emergency-procedures", schemaPath: "#/properties/rules/properties/missing-emergency-procedures/oneOf", keyword: "oneOf", params: { passingSchemas: passing9 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          } else {
            errors = _errs108;
            if (vErrors !== null) {
              if (_errs108) {
                vErrors.length = _errs108;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["missing-startup-validation"] !== void 0) {
          let data38 = data3["missing-startup-validation"];
          const _errs118 = errors;
          let valid27 = false;
          let passing10 = null;
          const _errs119 = errors;
          if (!(data38 === "off" || data38 === "info" || data38 === "warning" || data38 === "error")) {
            const err77 = { instancePath: instancePath + "/rules/missing-startup-validation", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-startup-validation"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
          var _valid10 = _errs119 === errors;
          if (_valid10) {
            valid27 = true;
            passing10 = 0;
          }
          const _errs120 = errors;
          if (data38 && typeof data38 == "object" && !Array.isArray(data38)) {
            for (const key20 in data38) {
              if (!(key20 === "severity" || key20 === "options")) {
                const err78 = { instancePath: instancePath + "/rules/missing-startup-validation", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key20 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err78];
                } else {
                  vErrors.push(err78);
                }
                errors++;
              }
            }
            if (data38.severity !== void 0) {
              let data39 = data38.severity;
              if (!(data39 === "off" || data39 === "info" || data39 === "warning" || data39 === "error")) {
                const err79 = { instancePath: instancePath + "/rules/missing-startup-validation/severity", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["missing-startup-validation"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
            if (data38.options !== void 0) {
              let data40 = data38.options;
              if (data40 && typeof data40 == "object" && !Array.isArray(data40)) {
                for (const key21 in data40) {
                  if (!(key21 === "environMappingValidates" || key21 === "fallbacks" || key21 === "validators")) {
                    const err80 = { instancePath: instancePath + "/rules/missing-startup-validation/options", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key21 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err80];
                    } else {
                      vErrors.push(err80);
                    }
                    errors++;
                  }
                }
                if (data40.environMappingValidates !== void 0) {
                  if (typeof data40.environMappingValidates !== "boolean") {
                    const err81 = { instancePath: instancePath + "/rules/missing-startup-validation/options/environMappingValidates", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/properties/environMappingValidates/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err81];
                    } else {
                      vErrors.push(err81);
                    }
                    errors++;
                  }
                }
                if (data40.fallbacks !== void 0) {
                  if (typeof data40.fallbacks !== "boolean") {
                    const err82 = { instancePath: instancePath + "/rules/missing-startup-validation/options/fallbacks", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/properties/fallbacks/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err82];
                    } else {
                      vErrors.push(err82);
                    }
                    errors++;
                  }
                }
                if (data40.validators !== void 0) {
                  let data43 = data40.validators;
                  if (Array.isArray(data43)) {
                    const len1 = data43.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                      if (typeof data43[i1] !== "string") {
                        const err83 = { instancePath: instancePath + "/rules/missing-startup-validation/options/validators/" + i1, schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/properties/validators/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err83];
                        } else {
                          vErrors.push(err83);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err84 = { instancePath: instancePath + "/rules/missing-startup-validation/options/validators", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/properties/validators/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err84];
                    } else {
                      vErrors.push(err84);
                    }
                    errors++;
                  }
                }
              } else {
                const err85 = { instancePath: instancePath + "/rules/missing-startup-validation/options", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
          } else {
            const err86 = { instancePath: instancePath + "/rules/missing-startup-validation", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err86];
            } else {
              vErrors.push(err86);
            }
            errors++;
          }
          var _valid10 = _errs120 === errors;
          if (_valid10 && valid27) {
            valid27 = false;
            passing10 = [passing10, 1];
          } else {
            if (_valid10) {
              valid27 = true;
              passing10 = 1;
            }
          }
          if (!valid27) {
            const err87 = { instancePath: instancePath + "/rules/missing-startup-validation", schemaPath: "#/properties/rules/properties/missing-startup-validation/oneOf", keyword: "oneOf", params: { passingSchemas: passing10 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err87];
            } else {
              vErrors.push(err87);
            }
            errors++;
          } else {
            errors = _errs118;
            if (vErrors !== null) {
              if (_errs118) {
                vErrors.length = _errs118;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["rotation-policy-violation"] !== void 0) {
          let data45 = data3["rotation-policy-violation"];
          const _errs136 = errors;
          let valid32 = false;
          let passing11 = null;
          const _errs137 = errors;
          if (!(data45 === "off" || data45 === "info" || data45 === "warning" || data45 === "error")) {
            const err88 = { instancePath: instancePath + "/rules/rotation-policy-violation", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["rotation-policy-violation"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err88];
            } else {
              vErrors.push(err88);
            }
            errors++;
          }
          var _valid11 = _errs137 === errors;
          if (_valid11) {
            valid32 = true;
            passing11 = 0;
          }
          const _errs138 = errors;
          if (data45 && typeof data45 == "object" && !Array.isArray(data45)) {
            for (const key22 in data45) {
              if (!(key22 === "severity" || key22 === "options")) {
                const err89 = { instancePath: instancePath + "/rules/rotation-policy-violation", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key22 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err89];
                } else {
                  vErrors.push(err89);
                }
                errors++;
              }
            }
            if (data45.severity !== void 0) {
              let data46 = data45.severity;
              if (!(data46 === "off" || data46 === "info" || data46 === "warning" || data46 === "error")) {
                const err90 = { instancePath: instancePath + "/rules/rotation-policy-violation/severity", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["rotation-policy-violation"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
            if (data45.options !== void 0) {
              let data47 = data45.options;
              if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
                for (const key23 in data47) {
                  if (!(key23 === "requireRenewBefore" || key23 === "requireRefreshAfter")) {
                    const err91 = { instancePath: instancePath + "/rules/rotation-policy-violation/options", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key23 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err91];
                    } else {
                      vErrors.push(err91);
                    }
                    errors++;
                  }
                }
                if (data47.requireRenewBefore !== void 0) {
                  if (typeof data47.requireRenewBefore !== "boolean") {
                    const err92 = { instancePath: instancePath + "/rules/rotation-policy-violation/options/requireRenewBefore", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/properties/options/properties/requireRenewBefore/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err92];
                    } else {
                      vErrors.push(err92);
                    }
                    errors++;
                  }
                }
                if (data47.requireRefreshAfter !== void 0) {
                  if (typeof data47.requireRefreshAfter !== "boolean") {
                    const err93 = { instancePath: instancePath + "/rules/rotation-policy-violation/options/requireRefreshAfter", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/properties/options/properties/requireRefreshAfter/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err93];
                    } else {
                      vErrors.push(err93);
                    }
                    errors++;
                  }
                }
              } else {
                const err94 = { instancePath: instancePath + "/rules/rotation-policy-violation/options", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
            }
          } else {
            const err95 = { instancePath: instancePath + "/rules/rotation-policy-violation", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err95];
            } else {
              vErrors.push(err95);
            }
            errors++;
          }
          var _valid11 = _errs138 === errors;
          if (_valid11 && valid32) {
            valid32 = false;
            passing11 = [passing11, 1];
          } else {
            if (_valid11) {
              valid32 = true;
              passing11 = 1;
            }
          }
          if (!valid32) {
            const err96 = { instancePath: instancePath + "/rules/rotation-policy-violation", schemaPath: "#/properties/rules/properties/rotation-policy-violation/oneOf", keyword: "oneOf", params: { passingSchemas: passing11 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          } else {
            errors = _errs136;
            if (vErrors !== null) {
              if (_errs136) {
                vErrors.length = _errs136;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["secret-in-log"] !== void 0) {
          let data50 = data3["secret-in-log"];
          const _errs150 = errors;
          let valid35 = false;
          let passing12 = null;
          const _errs151 = errors;
          if (!(data50 === "off" || data50 === "info" || data50 === "warning" || data50 === "error")) {
            const err97 = { instancePath: instancePath + "/rules/secret-in-log", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["secret-in-log"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err97];
            } else {
              vErrors.push(err97);
            }
            errors++;
          }
          var _valid12 = _errs151 === errors;
          if (_valid12) {
            valid35 = true;
            passing12 = 0;
          }
          const _errs152 = errors;
          if (data50 && typeof data50 == "object" && !Array.isArray(data50)) {
            for (const key24 in data50) {
              if (!(key24 === "severity" || key24 === "options")) {
                const err98 = { instancePath: instancePath + "/rules/secret-in-log", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key24 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
            if (data50.severity !== void 0) {
              let data51 = data50.severity;
              if (!(data51 === "off" || data51 === "info" || data51 === "warning" || data51 === "error")) {
                const err99 = { instancePath: instancePath + "/rules/secret-in-log/severity", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["secret-in-log"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err99];
                } else {
                  vErrors.push(err99);
                }
                errors++;
              }
            }
            if (data50.options !== void 0) {
              let data52 = data50.options;
              if (data52 && typeof data52 == "object" && !Array.isArray(data52)) {
                for (const key25 in data52) {
                  if (!(key25 === "exceptions" || key25 === "prints" || key25 === "loggers" || key25 === "sanitizers")) {
                    const err100 = { instancePath: instancePath + "/rules/secret-in-log/options", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key25 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err100];
                    } else {
                      vErrors.push(err100);
                    }
                    errors++;
                  }
                }
                if (data52.exceptions !== void 0) {
                  if (typeof data52.exceptions !== "boolean") {
                    const err101 = { instancePath: instancePath + "/rules/secret-in-log/options/exceptions", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/exceptions/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err101];
                    } else {
                      vErrors.push(err101);
                    }
                    errors++;
                  }
                }
                if (data52.prints !== void 0) {
                  if (typeof data52.prints !== "boolean") {
                    const err102 = { instancePath: instancePath + "/rules/secret-in-log/options/prints", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/prints/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    if (vErrors === null) {
                      vErrors = [err102];
                    } else {
                      vErrors.push(err102);
                    }
                    errors++;
                  }
                }
                if (data52.loggers !== void 0) {
                  let data55 = data52.loggers;
                  if (Array.isArray(data55)) {
                    const len2 = data55.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                      if (typeof data55[i2] !== "string") {
                        const err103 = { instancePath: instancePath + "/rules/secret-in-log/options/loggers/" + i2, schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/loggers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err103];
                        } else {
                          vErrors.push(err103);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err104 = { instancePath: instancePath + "/rules/secret-in-log/options/loggers", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/loggers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err104];
                    } else {
                      vErrors.push(err104);
                    }
                    errors++;
                  }
                }
                if (data52.sanitizers !== void 0) {
                  let data57 = data52.sanitizers;
                  if (Array.isArray(data57)) {
                    const len3 = data57.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      if (typeof data57[i3] !== "string") {
                        const err105 = { instancePath: instancePath + "/rules/secret-in-log/options/sanitizers/" + i3, schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/sanitizers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err105];
                        } else {
                          vErrors.push(err105);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err106 = { instancePath: instancePath + "/rules/secret-in-log/options/sanitizers", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/properties/sanitizers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err106];
                    } else {
                      vErrors.push(err106);
                    }
                    errors++;
                  }
                }
              } else {
                const err107 = { instancePath: instancePath + "/rules/secret-in-log/options", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err107];
                } else {
                  vErrors.push(err107);
                }
                errors++;
              }
            }
          } else {
            const err108 = { instancePath: instancePath + "/rules/secret-in-log", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
          var _valid12 = _errs152 === errors;
          if (_valid12 && valid35) {
            valid35 = false;
            passing12 = [passing12, 1];
          } else {
            if (_valid12) {
              valid35 = true;
              passing12 = 1;
            }
          }
          if (!valid35) {
            const err109 = { instancePath: instancePath + "/rules/secret-in-log", schemaPath: "#/properties/rules/properties/secret-in-log/oneOf", keyword: "oneOf", params: { passingSchemas: passing12 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err109];
            } else {
              vErrors.push(err109);
            }
            errors++;
          } else {
            errors = _errs150;
            if (vErrors !== null) {
              if (_errs150) {
                vErrors.length = _errs150;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["shared-env-credentials"] !== void 0) {
          let data59 = data3["shared-env-credentials"];
          const _errs172 = errors;
          let valid42 = false;
          let passing13 = null;
          const _errs173 = errors;
          if (!(data59 === "off" || data59 === "info" || data59 === "warning" || data59 === "error")) {
            const err110 = { instancePath: instancePath + "/rules/shared-env-credentials", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["shared-env-credentials"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
          var _valid13 = _errs173 === errors;
          if (_valid13) {
            valid42 = true;
            passing13 = 0;
          }
          const _errs174 = errors;
          if (data59 && typeof data59 == "object" && !Array.isArray(data59)) {
            for (const key26 in data59) {
              if (!(key26 === "severity" || key26 === "options")) {
                const err111 = { instancePath: instancePath + "/rules/shared-env-credentials", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key26 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err111];
                } else {
                  vErrors.push(err111);
                }
                errors++;
              }
            }
            if (data59.severity !== void 0) {
              let data60 = data59.severity;
              if (!(data60 === "off" || data60 === "info" || data60 === "warning" || data60 === "error")) {
                const err112 = { instancePath: instancePath + "/rules/shared-env-credentials/severity", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["shared-env-credentials"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err112];
                } else {
                  vErrors.push(err112);
                }
                errors++;
              }
            }
            if (data59.options !== void 0) {
              let data61 = data59.options;
              if (data61 && typeof data61 == "object" && !Array.isArray(data61)) {
                for (const key27 in data61) {
                  if (!(key27 === "localEnvironments")) {
                    const err113 = { instancePath: instancePath + "/rules/shared-env-credentials/options", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key27 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err113];
                    } else {
                      vErrors.push(err113);
                    }
                    errors++;
                  }
                }
                if (data61.localEnvironments !== void 0) {
                  let data62 = data61.localEnvironments;
                  if (Array.isArray(data62)) {
                    const len4 = data62.length;
                    for (let i4 = 0; i4 < len4; i4++) {
                      if (typeof data62[i4] !== "string") {
                        const err114 = { instancePath: instancePath + "/rules/shared-env-credentials/options/localEnvironments/" + i4, schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/properties/options/properties/localEnvironments/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err114];
                        } else {
                          vErrors.push(err114);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err115 = { instancePath: instancePath + "/rules/shared-env-credentials/options/localEnvironments", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/properties/options/properties/localEnvironments/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err115];
                    } else {
                      vErrors.push(err115);
                    }
                    errors++;
                  }
                }
              } else {
                const err116 = { instancePath: instancePath + "/rules/shared-env-credentials/options", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err116];
                } else {
                  vErrors.push(err116);
                }
                errors++;
              }
            }
          } else {
            const err117 = { instancePath: instancePath + "/rules/shared-env-credentials", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err117];
            } else {
              vErrors.push(err117);
            }
            errors++;
          }
          var _valid13 = _errs174 === errors;
          if (_valid13 && valid42) {
            valid42 = false;
            passing13 = [passing13, 1];
          } else {
            if (_valid13) {
              valid42 = true;
              passing13 = 1;
            }
          }
          if (!valid42) {
            const err118 = { instancePath: instancePath + "/rules/shared-env-credentials", schemaPath: "#/properties/rules/properties/shared-env-credentials/oneOf", keyword: "oneOf", params: { passingSchemas: passing13 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err118];
            } else {
              vErrors.push(err118);
            }
            errors++;
          } else {
            errors = _errs172;
            if (vErrors !== null) {
              if (_errs172) {
                vErrors.length = _errs172;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data3["vault-policy-too-broad"] !== void 0) {
          let data64 = data3["vault-policy-too-broad"];
          const _errs186 = errors;
          let valid47 = false;
          let passing14 = null;
          const _errs187 = errors;
          if (!(data64 === "off" || data64 === "info" || data64 === "warning" || data64 === "error")) {
            const err119 = { instancePath: instancePath + "/rules/vault-policy-too-broad", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["vault-policy-too-broad"].oneOf[0].enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err119];
            } else {
              vErrors.push(err119);
            }
            errors++;
          }
          var _valid14 = _errs187 === errors;
          if (_valid14) {
            valid47 = true;
            passing14 = 0;
          }
          const _errs188 = errors;
          if (data64 && typeof data64 == "object" && !Array.isArray(data64)) {
            for (const key28 in data64) {
              if (!(key28 === "severity" || key28 === "options")) {
                const err120 = { instancePath: instancePath + "/rules/vault-policy-too-broad", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key28 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err120];
                } else {
                  vErrors.push(err120);
                }
                errors++;
              }
            }
            if (data64.severity !== void 0) {
              let data65 = data64.severity;
              if (!(data65 === "off" || data65 === "info" || data65 === "warning" || data65 === "error")) {
                const err121 = { instancePath: instancePath + "/rules/vault-policy-too-broad/severity", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.properties["vault-policy-too-broad"].oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err121];
                } else {
                  vErrors.push(err121);
                }
                errors++;
              }
            }
            if (data64.options !== void 0) {
              let data66 = data64.options;
              if (data66 && typeof data66 == "object" && !Array.isArray(data66)) {
                for (const key29 in data66) {
                  if (!(key29 === "minPathDepth" || key29 === "adminPolicies")) {
                    const err122 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key29 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err122];
                    } else {
                      vErrors.push(err122);
                    }
                    errors++;
                  }
                }
                if (data66.minPathDepth !== void 0) {
                  let data67 = data66.minPathDepth;
                  if (!(typeof data67 == "number" && (!(data67 % 1) && !isNaN(data67)))) {
                    const err123 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options/minPathDepth", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/properties/minPathDepth/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                    if (vErrors === null) {
                      vErrors = [err123];
                    } else {
                      vErrors.push(err123);
                    }
                    errors++;
                  }
                  if (typeof data67 == "number") {
                    if (data67 < 1 || isNaN(data67)) {
                      const err124 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options/minPathDepth", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/properties/minPathDepth/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                      if (vErrors === null) {
                        vErrors = [err124];
                      } else {
                        vErrors.push(err124);
                      }
                      errors++;
                    }
                  }
                }
                if (data66.adminPolicies !== void 0) {
                  let data68 = data66.adminPolicies;
                  if (Array.isArray(data68)) {
                    const len5 = data68.length;
                    for (let i5 = 0; i5 < len5; i5++) {
                      if (typeof data68[i5] !== "string") {
                        const err125 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options/adminPolicies/" + i5, schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/properties/adminPolicies/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err125];
                        } else {
                          vErrors.push(err125);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err126 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options/adminPolicies", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/properties/adminPolicies/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                      vErrors = [err126];
                    } else {
                      vErrors.push(err126);
                    }
                    errors++;
                  }
                }
              } else {
                const err127 = { instancePath: instancePath + "/rules/vault-policy-too-broad/options", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err127];
                } else {
                  vErrors.push(err127);
                }
                errors++;
              }
            }
          } else {
            const err128 = { instancePath: instancePath + "/rules/vault-policy-too-broad", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err128];
            } else {
              vErrors.push(err128);
            }
            errors++;
          }
          var _valid14 = _errs188 === errors;
          if (_valid14 && valid47) {
            valid47 = false;
            passing14 = [passing14, 1];
          } else {
            if (_valid14) {
              valid47 = true;
              passing14 = 1;
            }
          }
          if (!valid47) {
            const err129 = { instancePath: instancePath + "/rules/vault-policy-too-broad", schemaPath: "#/properties/rules/properties/vault-policy-too-broad/oneOf", keyword: "oneOf", params: { passingSchemas: passing14 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
              vErrors = [err129];
            } else {
              vErrors.push(err129);
            }
            errors++;
          } else {
            errors = _errs186;
            if (vErrors !== null) {
              if (_errs186) {
                vErrors.length = _errs186;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err130 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err130];
        } else {
          vErrors.push(err130);
        }
        errors++;
      }
    }
    if (data.include !== void 0) {
      let data70 = data.include;
      if (Array.isArray(data70)) {
        const len6 = data70.length;
        for (let i6 = 0; i6 < len6; i6++) {
          let data71 = data70[i6];
          if (typeof data71 === "string") {
            if (func4(data71) < 1) {
              const err131 = { instancePath: instancePath + "/include/" + i6, schemaPath: "#/properties/include/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err131];
              } else {
                vErrors.push(err131);
              }
              errors++;
            }
          } else {
            const err132 = { instancePath: instancePath + "/include/" + i6, schemaPath: "#/properties/include/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err132];
            } else {
              vErrors.push(err132);
            }
            errors++;
          }
        }
      } else {
        const err133 = { instancePath: instancePath + "/include", schemaPath: "#/properties/include/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err133];
        } else {
          vErrors.push(err133);
        }
        errors++;
      }
    }
    if (data.exclude !== void 0) {
      let data72 = data.exclude;
      if (Array.isArray(data72)) {
        const len7 = data72.length;
        for (let i7 = 0; i7 < len7; i7++) {
          let data73 = data72[i7];
          if (typeof data73 === "string") {
            if (func4(data73) < 1) {
              const err134 = { instancePath: instancePath + "/exclude/" + i7, schemaPath: "#/properties/exclude/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err134];
              } else {
                vErrors.push(err134);
              }
              errors++;
            }
          } else {
            const err135 = { instancePath: instancePath + "/exclude/" + i7, schemaPath: "#/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err135];
            } else {
              vErrors.push(err135);
            }
            errors++;
          }
        }
      } else {
        const err136 = { instancePath: instancePath + "/exclude", schemaPath: "#/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err136];
        } else {
          vErrors.push(err136);
        }
        errors++;
      }
    }
    if (data.failOn !== void 0) {
      let data74 = data.failOn;
      if (!(data74 === "error" || data74 === "warning" || data74 === "info" || data74 === "none")) {
        const err137 = { instancePath: instancePath + "/failOn", schemaPath: "#/properties/failOn/enum", keyword: "enum", params: { allowedValues: schema11.properties.failOn.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err137];
        } else {
          vErrors.push(err137);
        }
        errors++;
      }
    }
    if (data.maxFileSize !== void 0) {
      let data75 = data.maxFileSize;
      const _errs211 = errors;
      let valid56 = false;
      let passing15 = null;
      const _errs212 = errors;
      if (!(typeof data75 == "number" && (!(data75 % 1) && !isNaN(data75)))) {
        const err138 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/oneOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err138];
        } else {
          vErrors.push(err138);
        }
        errors++;
      }
      if (typeof data75 == "number") {
        if (data75 < 1 || isNaN(data75)) {
          const err139 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/oneOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          if (vErrors === null) {
            vErrors = [err139];
          } else {
            vErrors.push(err139);
          }
          errors++;
        }
      }
      var _valid15 = _errs212 === errors;
      if (_valid15) {
        valid56 = true;
        passing15 = 0;
      }
      const _errs214 = errors;
      if (typeof data75 === "string") {
        if (!pattern0.test(data75)) {
          const err140 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$" }, message: 'must match pattern "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|KiB|MiB|GiB)$"' };
          if (vErrors === null) {
            vErrors = [err140];
          } else {
            vErrors.push(err140);
          }
          errors++;
        }
      } else {
        const err141 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err141];
        } else {
          vErrors.push(err141);
        }
        errors++;
      }
      var _valid15 = _errs214 === errors;
      if (_valid15 && valid56) {
        valid56 = false;
        passing15 = [passing15, 1];
      } else {
        if (_valid15) {
          valid56 = true;
          passing15 = 1;
        }
      }
      if (!valid56) {
        const err142 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/oneOf", keyword: "oneOf", params: { passingSchemas: passing15 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err142];
        } else {
          vErrors.push(err142);
        }
        errors++;
      } else {
        errors = _errs211;
        if (vErrors !== null) {
          if (_errs211) {
            vErrors.length = _errs211;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.allowlist !== void 0) {
      let data76 = data.allowlist;
      if (data76 && typeof data76 == "object" && !Array.isArray(data76)) {
        for (const key30 in data76) {
          if (!(key30 === "fingerprints" || key30 === "values" || key30 === "paths")) {
            const err143 = { instancePath: instancePath + "/allowlist", schemaPath: "#/properties/allowlist/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key30 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err143];
            } else {
              vErrors.push(err143);
            }
            errors++;
          }
        }
        if (data76.fingerprints !== void 0) {
          let data77 = data76.fingerprints;
          if (Array.isArray(data77)) {
            const len8 = data77.length;
            for (let i8 = 0; i8 < len8; i8++) {
              let data78 = data77[i8];
              if (typeof data78 === "string") {
                if (!pattern1.test(data78)) {
                  const err144 = { instancePath: instancePath + "/allowlist/fingerprints/" + i8, schemaPath: "#/properties/allowlist/properties/fingerprints/items/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"' };
                  if (vErrors === null) {
                    vErrors = [err144];
                  } else {
                    vErrors.push(err144);
                  }
                  errors++;
                }
              } else {
                const err145 = { instancePath: instancePath + "/allowlist/fingerprints/" + i8, schemaPath: "#/properties/allowlist/properties/fingerprints/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err145];
                } else {
                  vErrors.push(err145);
                }
                errors++;
              }
            }
          } else {
            const err146 = { instancePath: instancePath + "/allowlist/fingerprints", schemaPath: "#/properties/allowlist/properties/fingerprints/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err146];
            } else {
              vErrors.push(err146);
            }
            errors++;
          }
        }
        if (data76.values !== void 0) {
          let data79 = data76.values;
          if (Array.isArray(data79)) {
            const len9 = data79.length;
            for (let i9 = 0; i9 < len9; i9++) {
              if (typeof data79[i9] !== "string") {
                const err147 = { instancePath: instancePath + "/allowlist/values/" + i9, schemaPath: "#/properties/allowlist/properties/values/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err147];
                } else {
                  vErrors.push(err147);
                }
                errors++;
              }
            }
          } else {
            const err148 = { instancePath: instancePath + "/allowlist/values", schemaPath: "#/properties/allowlist/properties/values/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err148];
            } else {
              vErrors.push(err148);
            }
            errors++;
          }
        }
        if (data76.paths !== void 0) {
          let data81 = data76.paths;
          if (Array.isArray(data81)) {
            const len10 = data81.length;
            for (let i10 = 0; i10 < len10; i10++) {
              let data82 = data81[i10];
              if (typeof data82 === "string") {
                if (func4(data82) < 1) {
                  const err149 = { instancePath: instancePath + "/allowlist/paths/" + i10, schemaPath: "#/properties/allowlist/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err149];
                  } else {
                    vErrors.push(err149);
                  }
                  errors++;
                }
              } else {
                const err150 = { instancePath: instancePath + "/allowlist/paths/" + i10, schemaPath: "#/properties/allowlist/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err150];
                } else {
                  vErrors.push(err150);
                }
                errors++;
              }
            }
          } else {
            const err151 = { instancePath: instancePath + "/allowlist/paths", schemaPath: "#/properties/allowlist/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err151];
            } else {
              vErrors.push(err151);
            }
            errors++;
          }
        }
      } else {
        const err152 = { instancePath: instancePath + "/allowlist", schemaPath: "#/properties/allowlist/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err152];
        } else {
          vErrors.push(err152);
        }
        errors++;
      }
    }
    if (data.patterns !== void 0) {
      let data83 = data.patterns;
      if (Array.isArray(data83)) {
        const len11 = data83.length;
        for (let i11 = 0; i11 < len11; i11++) {
          let data84 = data83[i11];
          if (data84 && typeof data84 == "object" && !Array.isArray(data84)) {
            if (data84.id === void 0) {
              const err153 = { instancePath: instancePath + "/patterns/" + i11, schemaPath: "#/properties/patterns/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
              if (vErrors === null) {
                vErrors = [err153];
              } else {
                vErrors.push(err153);
              }
              errors++;
            }
            if (data84.pattern === void 0) {
              const err154 = { instancePath: instancePath + "/patterns/" + i11, schemaPath: "#/properties/patterns/items/required", keyword: "required", params: { missingProperty: "pattern" }, message: "must have required property 'pattern'" };
              if (vErrors === null) {
                vErrors = [err154];
              } else {
                vErrors.push(err154);
              }
              errors++;
            }
            for (const key31 in data84) {
              if (!(key31 === "id" || key31 === "description" || key31 === "pattern" || key31 === "keywords" || key31 === "severity")) {
                const err155 = { instancePath: instancePath + "/patterns/" + i11, schemaPath: "#/properties/patterns/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key31 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err155];
                } else {
                  vErrors.push(err155);
                }
                errors++;
              }
            }
            if (data84.id !== void 0) {
              let data85 = data84.id;
              if (typeof data85 === "string") {
                if (!pattern2.test(data85)) {
                  const err156 = { instancePath: instancePath + "/patterns/" + i11 + "/id", schemaPath: "#/properties/patterns/items/properties/id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9-]*$" }, message: 'must match pattern "^[a-z0-9][a-z0-9-]*$"' };
                  if (vErrors === null) {
                    vErrors = [err156];
                  } else {
                    vErrors.push(err156);
                  }
                  errors++;
                }
              } else {
                const err157 = { instancePath: instancePath + "/patterns/" + i11 + "/id", schemaPath: "#/properties/patterns/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err157];
                } else {
                  vErrors.push(err157);
                }
                errors++;
              }
            }
            if (data84.description !== void 0) {
              if (typeof data84.description !== "string") {
                const err158 = { instancePath: instancePath + "/patterns/" + i11 + "/description", schemaPath: "#/properties/patterns/items/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err158];
                } else {
                  vErrors.push(err158);
                }
                errors++;
              }
            }
            if (data84.pattern !== void 0) {
              let data87 = data84.pattern;
              if (typeof data87 === "string") {
                if (func4(data87) < 1) {
                  const err159 = { instancePath: instancePath + "/patterns/" + i11 + "/pattern", schemaPath: "#/properties/patterns/items/properties/pattern/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err159];
                  } else {
                    vErrors.push(err159);
                  }
                  errors++;
                }
              } else {
                const err160 = { instancePath: instancePath + "/patterns/" + i11 + "/pattern", schemaPath: "#/properties/patterns/items/properties/pattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err160];
                } else {
                  vErrors.push(err160);
                }
                errors++;
              }
            }
            if (data84.keywords !== void 0) {
              let data88 = data84.keywords;
              if (Array.isArray(data88)) {
                const len12 = data88.length;
                for (let i12 = 0; i12 < len12; i12++) {
                  let data89 = data88[i12];
                  if (typeof data89 === "string") {
                    if (func4(data89) < 1) {
                      const err161 = { instancePath: instancePath + "/patterns/" + i11 + "/keywords/" + i12, schemaPath: "#/properties/patterns/items/properties/keywords/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err161];
                      } else {
                        vErrors.push(err161);
                      }
                      errors++;
                    }
                  } else {
                    const err162 = { instancePath: instancePath + "/patterns/" + i11 + "/keywords/" + i12, schemaPath: "#/properties/patterns/items/properties/keywords/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err162];
                    } else {
                      vErrors.push(err162);
                    }
                    errors++;
                  }
                }
              } else {
                const err163 = { instancePath: instancePath + "/patterns/" + i11 + "/keywords", schemaPath: "#/properties/patterns/items/properties/keywords/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err163];
                } else {
                  vErrors.push(err163);
                }
                errors++;
              }
            }
            if (data84.severity !== void 0) {
              let data90 = data84.severity;
              if (!(data90 === "info" || data90 === "warning" || data90 === "error")) {
                const err164 = { instancePath: instancePath + "/patterns/" + i11 + "/severity", schemaPath: "#/properties/patterns/items/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.patterns.items.properties.severity.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err164];
                } else {
                  vErrors.push(err164);
                }
                errors++;
              }
            }
          } else {
            const err165 = { instancePath: instancePath + "/patterns/" + i11, schemaPath: "#/properties/patterns/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err165];
            } else {
              vErrors.push(err165);
            }
            errors++;
          }
        }
      } else {
        const err166 = { instancePath: instancePath + "/patterns", schemaPath: "#/properties/patterns/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err166];
        } else {
          vErrors.push(err166);
        }
        errors++;
      }
    }
    if (data.requiredSecrets !== void 0) {
      let data91 = data.requiredSecrets;
      if (Array.isArray(data91)) {
        const len13 = data91.length;
        for (let i13 = 0; i13 < len13; i13++) {
          if (typeof data91[i13] !== "string") {
            const err167 = { instancePath: instancePath + "/requiredSecrets/" + i13, schemaPath: "#/properties/requiredSecrets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err167];
            } else {
              vErrors.push(err167);
            }
            errors++;
          }
        }
      } else {
        const err168 = { instancePath: instancePath + "/requiredSecrets", schemaPath: "#/properties/requiredSecrets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err168];
        } else {
          vErrors.push(err168);
        }
        errors++;
      }
    }
    if (data.services !== void 0) {
      let data93 = data.services;
      if (Array.isArray(data93)) {
        const len14 = data93.length;
        for (let i14 = 0; i14 < len14; i14++) {
          let data94 = data93[i14];
          if (data94 && typeof data94 == "object" && !Array.isArray(data94)) {
            if (data94.path === void 0) {
              const err169 = { instancePath: instancePath + "/services/" + i14, schemaPath: "#/properties/services/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'" };
              if (vErrors === null) {
                vErrors = [err169];
              } else {
                vErrors.push(err169);
              }
              errors++;
            }
            for (const key32 in data94) {
              if (!(key32 === "path" || key32 === "entry" || key32 === "required")) {
                const err170 = { instancePath: instancePath + "/services/" + i14, schemaPath: "#/properties/services/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key32 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err170];
                } else {
                  vErrors.push(err170);
                }
                errors++;
              }
            }
            if (data94.path !== void 0) {
              if (typeof data94.path !== "string") {
                const err171 = { instancePath: instancePath + "/services/" + i14 + "/path", schemaPath: "#/properties/services/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err171];
                } else {
                  vErrors.push(err171);
                }
                errors++;
              }
            }
            if (data94.entry !== void 0) {
              if (typeof data94.entry !== "string") {
                const err172 = { instancePath: instancePath + "/services/" + i14 + "/entry", schemaPath: "#/properties/services/items/properties/entry/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err172];
                } else {
                  vErrors.push(err172);
                }
                errors++;
              }
            }
            if (data94.required !== void 0) {
              let data97 = data94.required;
              if (Array.isArray(data97)) {
                const len15 = data97.length;
                for (let i15 = 0; i15 < len15; i15++) {
                  if (typeof data97[i15] !== "string") {
                    const err173 = { instancePath: instancePath + "/services/" + i14 + "/required/" + i15, schemaPath: "#/properties/services/items/properties/required/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err173];
                    } else {
                      vErrors.push(err173);
                    }
                    errors++;
                  }
                }
              } else {
                const err174 = { instancePath: instancePath + "/services/" + i14 + "/required", schemaPath: "#/properties/services/items/properties/required/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                  vErrors = [err174];
                } else {
                  vErrors.push(err174);
                }
                errors++;
              }
            }
          } else {
            const err175 = { instancePath: instancePath + "/services/" + i14, schemaPath: "#/properties/services/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err175];
            } else {
              vErrors.push(err175);
            }
            errors++;
          }
        }
      } else {
        const err176 = { instancePath: instancePath + "/services", schemaPath: "#/properties/services/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err176];
        } else {
          vErrors.push(err176);
        }
        errors++;
      }
    }
    if (data.rotation !== void 0) {
      let data99 = data.rotation;
      if (data99 && typeof data99 == "object" && !Array.isArray(data99)) {
        for (const key33 in data99) {
          if (!(key33 === "apiKeys" || key33 === "databasePasswords" || key33 === "serviceCertificates" || key33 === "adminCredentials")) {
            const err177 = { instancePath: instancePath + "/rotation", schemaPath: "#/properties/rotation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key33 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err177];
            } else {
              vErrors.push(err177);
            }
            errors++;
          }
        }
        if (data99.apiKeys !== void 0) {
          let data100 = data99.apiKeys;
          if (!(typeof data100 == "number" && (!(data100 % 1) && !isNaN(data100)))) {
            const err178 = { instancePath: instancePath + "/rotation/apiKeys", schemaPath: "#/properties/rotation/properties/apiKeys/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err178];
            } else {
              vErrors.push(err178);
            }
            errors++;
          }
          if (typeof data100 == "number") {
            if (data100 < 1 || isNaN(data100)) {
              const err179 = { instancePath: instancePath + "/rotation/apiKeys", schemaPath: "#/properties/rotation/properties/apiKeys/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err179];
              } else {
                vErrors.push(err179);
              }
              errors++;
            }
          }
        }
        if (data99.databasePasswords !== void 0) {
          let data101 = data99.databasePasswords;
          if (!(typeof data101 == "number" && (!(data101 % 1) && !isNaN(data101)))) {
            const err180 = { instancePath: instancePath + "/rotation/databasePasswords", schemaPath: "#/properties/rotation/properties/databasePasswords/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err180];
            } else {
              vErrors.push(err180);
            }
            errors++;
          }
          if (typeof data101 == "number") {
            if (data101 < 1 || isNaN(data101)) {
              const err181 = { instancePath: instancePath + "/rotation/databasePasswords", schemaPath: "#/properties/rotation/properties/databasePasswords/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err181];
              } else {
                vErrors.push(err181);
              }
              errors++;
            }
          }
        }
        if (data99.serviceCertificates !== void 0) {
          let data102 = data99.serviceCertificates;
          if (!(typeof data102 == "number" && (!(data102 % 1) && !isNaN(data102)))) {
            const err182 = { instancePath: instancePath + "/rotation/serviceCertificates", schemaPath: "#/properties/rotation/properties/serviceCertificates/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err182];
            } else {
              vErrors.push(err182);
            }
            errors++;
          }
          if (typeof data102 == "number") {
            if (data102 < 1 || isNaN(data102)) {
              const err183 = { instancePath: instancePath + "/rotation/serviceCertificates", schemaPath: "#/properties/rotation/properties/serviceCertificates/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err183];
              } else {
                vErrors.push(err183);
              }
              errors++;
            }
          }
        }
        if (data99.adminCredentials !== void 0) {
          let data103 = data99.adminCredentials;
          if (!(typeof data103 == "number" && (!(data103 % 1) && !isNaN(data103)))) {
            const err184 = { instancePath: instancePath + "/rotation/adminCredentials", schemaPath: "#/properties/rotation/properties/adminCredentials/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err184];
            } else {
              vErrors.push(err184);
            }
            errors++;
          }
          if (typeof data103 == "number") {
            if (data103 < 1 || isNaN(data103)) {
              const err185 = { instancePath: instancePath + "/rotation/adminCredentials", schemaPath: "#/properties/rotation/properties/adminCredentials/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
              if (vErrors === null) {
                vErrors = [err185];
              } else {
                vErrors.push(err185);
              }
              errors++;
            }
          }
        }
      } else {
        const err186 = { instancePath: instancePath + "/rotation", schemaPath: "#/properties/rotation/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err186];
        } else {
          vErrors.push(err186);
        }
        errors++;
      }
    }
    if (data.checklist !== void 0) {
      let data104 = data.checklist;
      if (data104 && typeof data104 == "object" && !Array.isArray(data104)) {
        for (const key34 in data104) {
          if (!(key34 === "skip")) {
            const err187 = { instancePath: instancePath + "/checklist", schemaPath: "#/properties/checklist/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key34 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err187];
            } else {
              vErrors.push(err187);
            }
            errors++;
          }
        }
        if (data104.skip !== void 0) {
          let data105 = data104.skip;
          if (Array.isArray(data105)) {
            const len16 = data105.length;
            for (let i16 = 0; i16 < len16; i16++) {
              let data106 = data105[i16];
              if (!(data106 === "secrets-in-store" || data106 === "no-secrets-in-source" || data106 === "env-gitignored" || data106 === "encrypted-at-rest" || data106 === "tls-in-transit" || data106 === "rotation-automated" || data106 === "audit-logging" || data106 === "emergency-procedures" || data106 === "startup-validation" || data106 === "auth-failure-alerts")) {
                const err188 = { instancePath: instancePath + "/checklist/skip/" + i16, schemaPath: "#/properties/checklist/properties/skip/items/enum", keyword: "enum", params: { allowedValues: schema11.properties.checklist.properties.skip.items.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err188];
                } else {
                  vErrors.push(err188);
                }
                errors++;
              }
            }
          } else {
            const err189 = { instancePath: instancePath + "/checklist/skip", schemaPath: "#/properties/checklist/properties/skip/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
              vErrors = [err189];
            } else {
              vErrors.push(err189);
            }
            errors++;
          }
        }
      } else {
        const err190 = { instancePath: instancePath + "/checklist", schemaPath: "#/properties/checklist/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err190];
        } else {
          vErrors.push(err190);
        }
        errors++;
      }
    }
    if (data.reportUnusedSuppressions !== void 0) {
      if (typeof data.reportUnusedSuppressions !== "boolean") {
        const err191 = { instancePath: instancePath + "/reportUnusedSuppressions", schemaPath: "#/properties/reportUnusedSuppressions/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err191];
        } else {
          vErrors.push(err191);
        }
        errors++;
      }
    }
  } else {
    const err192 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err192];
    } else {
      vErrors.push(err192);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/config/load.ts
var CONFIG_FILE_NAMES = [".carbon-secret-lint.yaml", ".carbon-secret-lint.yml", ".carbon-secret-lint.json"];
var ConfigError = class extends Error {
  name = "ConfigError";
};
var DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
var DEFAULT_ROTATION = { apiKeys: 90, databasePasswords: 60, serviceCertificates: 30, adminCredentials: 30 };
var DEFAULT_REQUIRED_SECRETS = ["KAFKA_BOOTSTRAP_SERVERS", "CLICKHOUSE_DSN", "REDIS_URL"];
var validator = validator_generated_default;
function validate(data) {
  return validator(data) ? [] : validator.errors ?? [];
}
function findConfigFile(root, explicit) {
  if (explicit) {
    const path = resolve2(explicit);
    if (!existsSync2(path)) throw new ConfigError(`config file not found: ${explicit}`);
    return path;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const path = join3(root, name);
    if (existsSync2(path)) return path;
  }
  return null;
}
function loadConfig(root, explicit) {
  const file = findConfigFile(root, explicit);
  if (!file) return resolveConfig({ extends: "recommended" }, null);
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${error.message}`);
  }
  return parseConfig(text, file, root);
}
function parseConfig(text, file, root = process.cwd()) {
  const shown2 = relative(root, file) || file;
  const lineCounter = new import_yaml8.LineCounter();
  const doc = (0, import_yaml8.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new ConfigError(`${shown2}:${line}: the config is not valid YAML/JSON: ${error.message.split("\n")[0]}`);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigError(`${shown2}:1: the config must be a mapping of keys (extends, rules, include, exclude, \u2026)`);
  }
  const errors = validate(data);
  if (errors.length > 0) {
    const messages = dedupeErrors(errors).map((e) => `${shown2}:${lineOf(doc, lineCounter, e)}: ${describeError(e)}`);
    throw new ConfigError(`invalid configuration:
  ${messages.join("\n  ")}`);
  }
  const raw = data;
  checkCustomPatterns(raw.patterns ?? [], shown2);
  return resolveConfig(raw, file);
}
function resolveConfig(raw, source) {
  const presets = raw.extends === void 0 ? ["recommended"] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  const rules = new Map(RULES.map((r) => [r.meta.id, { severity: "off", options: defaultOptions(r) }]));
  let failOn = "error";
  for (const name of presets) {
    const p = preset(name, RULES);
    for (const [id, severity] of Object.entries(p.rules)) rules.get(id).severity = severity;
    if (p.failOn) failOn = p.failOn;
  }
  for (const [id, value] of Object.entries(raw.rules ?? {})) {
    const setting = rules.get(id);
    if (typeof value === "string") setting.severity = value;
    else {
      if (value.severity) setting.severity = value.severity;
      else if (setting.severity === "off") setting.severity = RULES.find((r) => r.meta.id === id).meta.severity;
      Object.assign(setting.options, value.options ?? {});
    }
  }
  return {
    source,
    rules,
    include: raw.include ?? [],
    exclude: raw.exclude ?? [],
    failOn: raw.failOn ?? failOn,
    maxFileSize: parseSize(raw.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE,
    reportUnusedSuppressions: raw.reportUnusedSuppressions ?? true,
    settings: {
      allowlist: { fingerprints: raw.allowlist?.fingerprints ?? [], values: raw.allowlist?.values ?? [], paths: raw.allowlist?.paths ?? [] },
      customPatterns: raw.patterns ?? [],
      requiredSecrets: raw.requiredSecrets ?? DEFAULT_REQUIRED_SECRETS,
      services: raw.services ?? [],
      rotation: { ...DEFAULT_ROTATION, ...raw.rotation },
      skippedChecklist: raw.checklist?.skip ?? []
    }
  };
}
function defaultConfig() {
  return resolveConfig({ extends: "recommended" }, null);
}
function defaultOptions(rule) {
  return Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([key, schema]) => [key, structuredClone(schema.default)]));
}
var SIZE_UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
function parseSize(value) {
  if (value === void 0) return void 0;
  if (typeof value === "number") return value;
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value.trim());
  if (!match) return void 0;
  const unit = Object.keys(SIZE_UNITS).find((u) => u.toLowerCase() === (match[2] ?? "B").toLowerCase());
  return Math.round(Number(match[1]) * SIZE_UNITS[unit]);
}
var NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;
function checkCustomPatterns(patterns, shown2) {
  for (const p of patterns) {
    try {
      new RegExp(p.pattern);
    } catch (error) {
      throw new ConfigError(`${shown2}: patterns.${p.id}: not a valid regular expression: ${error.message}`);
    }
    if (NESTED_QUANTIFIER.test(p.pattern) || /\\[1-9]/.test(p.pattern)) {
      throw new ConfigError(
        `${shown2}: patterns.${p.id}: refused: the pattern has a nested quantifier or a backreference, which can take exponential time on a crafted line. Rewrite it without repeating a repeated group.`
      );
    }
  }
}
function dedupeErrors(errors) {
  const byPath = /* @__PURE__ */ new Map();
  for (const e of errors) {
    const key = e.instancePath + (e.keyword === "additionalProperties" ? `/${e.params.additionalProperty}` : "");
    const current = byPath.get(key);
    if (!current || rank(e) > rank(current)) byPath.set(key, e);
  }
  const keys2 = [...byPath.keys()];
  return [...byPath.entries()].filter(([key]) => !keys2.some((k) => k !== key && k.startsWith(key + "/"))).map(([, e]) => e);
}
function rank(e) {
  return { additionalProperties: 5, enum: 4, pattern: 3, type: 2, oneOf: 0 }[e.keyword] ?? 1;
}
function pathOf(e) {
  const parts = e.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (e.keyword === "additionalProperties") parts.push(e.params.additionalProperty);
  return parts;
}
function describeError(e) {
  const path = pathOf(e);
  const key = path.join(".") || "(top level)";
  const got = (value) => value === void 0 ? "" : ` (got ${typeof value === "string" && value.length >= 12 ? JSON.stringify(redact(value)) : typeof value === "object" && value !== null ? Array.isArray(value) ? "a list" : "a mapping" : JSON.stringify(value)})`;
  switch (e.keyword) {
    case "additionalProperties": {
      const parent = path.slice(0, -1).join(".");
      if (parent === "rules") return `unknown rule "${path.at(-1)}"; known rules: ${RULES.map((r) => r.meta.id).join(", ")}`;
      return `unknown key "${key}"${parent ? ` in ${parent}` : ""}; allowed: ${allowedKeys(path.slice(0, -1)).join(", ")}`;
    }
    case "enum":
      return `${key} must be one of ${e.params.allowedValues.join(", ")}${got(e.data)}`;
    case "oneOf":
      return path[0] === "rules" ? `${key} must be a severity (off, info, warning, error) or { severity, options }${got(e.data)}` : `${key} has the wrong shape${got(e.data)}`;
    default:
      return `${key} ${e.message ?? "is invalid"}${got(e.data)}`;
  }
}
function allowedKeys(path) {
  let schema = buildConfigSchema(RULES);
  for (const part of path) {
    const next = schema.properties?.[part];
    if (!next) return [];
    schema = next.properties ? next : next.oneOf?.find((o) => o.properties) ?? {};
  }
  return Object.keys(schema.properties ?? {}).filter((k) => k !== "$schema");
}
function lineOf(doc, lineCounter, e) {
  const path = pathOf(e);
  let node = doc.contents;
  let offset = 0;
  for (const part of path) {
    if ((0, import_yaml8.isSeq)(node)) {
      const item = node.items[Number(part)];
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
      continue;
    }
    if (!(0, import_yaml8.isMap)(node)) break;
    const pair = node.items.find((item) => (0, import_yaml8.isPair)(item) && (0, import_yaml8.isScalar)(item.key) && String(item.key.value) === part);
    if (!pair || !(0, import_yaml8.isPair)(pair)) break;
    offset = ((0, import_yaml8.isScalar)(pair.key) ? pair.key.range?.[0] : void 0) ?? offset;
    node = pair.value;
  }
  return lineCounter.linePos(offset).line;
}

// src/core/decode.ts
var utf8Strict = new TextDecoder("utf-8", { fatal: true });
var utf8Lenient = new TextDecoder("utf-8");
function decode(bytes) {
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  if (bytes.subarray(0, 8e3).includes(0)) return { skipped: "binary file" };
  const body = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8Strict.decode(body) };
  } catch {
    return { text: utf8Lenient.decode(body), notice: "invalid UTF-8: scanned with replacement characters" };
  }
}

// src/core/source-file.ts
function createSourceFile(init) {
  const { text } = init;
  let lineStarts;
  const starts = () => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    return lineStarts;
  };
  const cache = /* @__PURE__ */ new Map();
  const notices = [];
  return {
    ...init,
    positionAt(offset) {
      const s = starts();
      const clamped = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = s.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (s[mid] <= clamped) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: clamped - s[lo] + 1 };
    },
    offsetAt(line, column = 1) {
      const s = starts();
      const start = s[Math.max(0, Math.min(line - 1, s.length - 1))];
      return Math.min(text.length, start + column - 1);
    },
    lineCount: () => starts().length,
    lineText(line) {
      const s = starts();
      if (line < 1 || line > s.length) return "";
      const end = line < s.length ? s[line] - 1 : text.length;
      return text.slice(s[line - 1], end).replace(/\r$/, "");
    },
    cached(key, compute) {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key);
    },
    notices,
    notice(message) {
      if (!notices.includes(message)) notices.push(message);
    },
    dispose() {
      for (const value of cache.values()) {
        if (value && typeof value.dispose === "function") value.dispose();
      }
      cache.clear();
    }
  };
}

// src/engine/suppressions.ts
var SUPPRESSION_MARKER = "carbon-secret-lint-disable";
var DIRECTIVE = /(?:^|\s)(?:#|\/\/|\/\*+|<!--|--|;|%|\{#)\s*carbon-secret-lint-disable-(next-line|line)\b([^\n]*)/g;
var MARKDOWN_DIRECTIVE = /<!--\s*carbon-secret-lint-disable-(next-line|line)\b([^\n]*)/g;
function parseSuppressions(text, kind) {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const directives = [];
  const lines = text.split("\n");
  lines.forEach((lineText, index) => {
    if (!lineText.includes(SUPPRESSION_MARKER)) return;
    for (const match of lineText.matchAll(kind === "markdown" ? MARKDOWN_DIRECTIVE : DIRECTIVE)) {
      const [, form, rest = ""] = match;
      const cleaned = rest.replace(/\s*(\*\/|-->|%>|#}|\}\})\s*$/, "");
      const separator = cleaned.indexOf("--");
      const ids = (separator === -1 ? cleaned : cleaned.slice(0, separator)).split(/[\s,]+/).filter((s) => /^[a-z0-9][a-z0-9-]*$/.test(s));
      const reason = separator === -1 ? null : cleaned.slice(separator + 2).trim() || null;
      const line = index + 1;
      directives.push({ line, targetLine: form === "next-line" ? line + 1 : line, ruleIds: ids, reason, used: false });
    }
  });
  return directives;
}

// src/engine/file-pass.ts
var SNIPPET_WIDTH = 160;
var OWN_REPORT = /^\s*\{[\s\S]{0,400}"(?:name|tool)"\s*:\s*"carbon-secret-lint"/;
function isOwnReport(text) {
  if (text.trimStart()[0] !== "{") return false;
  const head = text.slice(0, 2e3);
  return OWN_REPORT.test(head) && /"(?:findings|runs|checklist)"\s*:/.test(head);
}
function sourceFromBytes(file, bytes) {
  const decoded2 = decode(bytes);
  if ("skipped" in decoded2) return decoded2;
  const kind = file.kind === "text" ? sniffKind(decoded2.text) : file.kind;
  const source = createSourceFile({ path: file.path, kind, text: decoded2.text, size: file.size, tracked: file.tracked });
  return decoded2.notice ? { file: source, notice: decoded2.notice } : { file: source };
}
function unreadableOutcome(task, error) {
  const reason = error.code ?? error.message;
  return { index: task.index, path: task.path, skipped: `could not be read: ${reason}`, reports: [], shared: [], evidence: [], notices: [], directives: [] };
}
function enabledRules(rules, config, overrides) {
  const enabled = [];
  for (const rule of rules) {
    const setting = overrides[rule.meta.id] ?? config.rules.get(rule.meta.id)?.severity ?? rule.meta.severity;
    if (setting !== "off") enabled.push({ rule, severity: setting });
  }
  return enabled;
}
var FilePass = class {
  active = [];
  outcome = null;
  file = null;
  constructor(rules, config) {
    for (const { rule, severity } of rules) {
      const handlers = rule.create({
        ruleId: rule.meta.id,
        options: config.rules.get(rule.meta.id)?.options ?? defaultOptions(rule),
        settings: config.settings,
        report: (descriptor) => this.report(rule.meta.id, descriptor),
        evidence: (descriptor) => this.outcome?.evidence.push(descriptor),
        share: (fact) => this.outcome?.shared.push({ ruleId: rule.meta.id, fact })
      });
      if (!handlers.file) continue;
      this.active.push({ rule, severity, handlers, keywords: rule.meta.keywords?.map((k) => k.toLowerCase()) ?? null });
    }
  }
  /** Decodes and scans one file; never throws for the file's content or a rule's failure. */
  async process(task, bytes) {
    const outcome = { index: task.index, path: task.path, reports: [], shared: [], evidence: [], notices: [], directives: [] };
    const read2 = sourceFromBytes(task, bytes);
    if ("skipped" in read2) return { ...outcome, skipped: read2.skipped };
    if (read2.notice) outcome.notices.push(read2.notice);
    const { file } = read2;
    if (isOwnReport(file.text)) return { ...outcome, skipped: "a carbon-secret-lint report or baseline (its findings are already reported)" };
    this.outcome = outcome;
    this.file = file;
    try {
      await this.runHandlers(file, outcome, task.factsOnly === true);
    } finally {
      this.outcome = null;
      this.file = null;
    }
    if (file.text.includes(SUPPRESSION_MARKER)) outcome.directives = parseSuppressions(file.text, file.kind);
    outcome.notices.push(...file.notices);
    maskSnippets(outcome.reports);
    file.dispose();
    return outcome;
  }
  async runHandlers(file, outcome, factsOnly) {
    let lower;
    for (const active of this.active) {
      if (factsOnly && active.rule.meta.scope !== "project") continue;
      const kinds = active.rule.meta.kinds;
      if (kinds && !kinds.includes(file.kind)) continue;
      if (active.keywords) {
        lower ??= file.text.toLowerCase();
        if (!active.keywords.some((k) => lower.includes(k))) continue;
      }
      try {
        await active.handlers.file(file);
      } catch (error) {
        outcome.notices.push(`rule ${active.rule.meta.id} failed on this file: ${error.message}`);
      }
    }
  }
  report(ruleId, descriptor) {
    const { outcome, file } = this;
    if (!outcome || !file) return;
    if (descriptor.path && descriptor.path !== file.path) {
      outcome.notices.push(`rule ${ruleId} reported on another file from a file handler; ignored`);
      return;
    }
    outcome.reports.push(resolveReport(ruleId, descriptor, file, file.path));
  }
};
function resolveReport(ruleId, descriptor, file, path) {
  const { range, loc, ...rest } = descriptor;
  let line = loc?.line ?? 1;
  let column = loc?.column ?? 1;
  let endLine = loc?.endLine ?? line;
  let endColumn = loc?.endColumn ?? column;
  if (range && file) {
    const start = file.positionAt(range.start);
    const end = file.positionAt(range.end);
    ({ line, column } = start);
    endLine = end.line;
    endColumn = end.column;
  }
  const resolved = { ruleId, descriptor: rest, path, line, column, endLine, endColumn };
  if (file) resolved.snippet = file.lineText(line);
  return resolved;
}
function maskSnippets(reports) {
  const secrets = reports.flatMap((r) => r.descriptor.secret ? [r.descriptor.secret] : []);
  for (const report2 of reports) {
    if (report2.snippet === void 0) continue;
    let text = report2.snippet;
    if (text.length > SNIPPET_WIDTH * 4) {
      const start = Math.max(0, report2.column - 1 - SNIPPET_WIDTH / 2);
      text = text.slice(start, start + SNIPPET_WIDTH * 2);
    }
    const masked = scrub(text, secrets);
    report2.snippet = masked.length > SNIPPET_WIDTH * 2 ? masked.slice(0, SNIPPET_WIDTH * 2) + "\u2026" : masked;
  }
}

// src/engine/pool.ts
import { existsSync as existsSync3 } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { Worker } from "node:worker_threads";
function serializeConfig(config) {
  return { ...config, rules: [...config.rules] };
}
function deserializeConfig(config) {
  return { ...config, rules: new Map(config.rules) };
}
var BATCH = 16;
var MIN_FILES = 300;
var MIN_BYTES = 4 * 1024 * 1024;
var STEAL_MIN = 150;
var WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };
function threadsFor(files, bytes) {
  const forced = process.env.CSL_THREADS;
  if (forced !== void 0 && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES && bytes < MIN_BYTES) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 8) : 0;
}
function workerScript() {
  const path = fileURLToPath2(new URL("./worker.js", import.meta.url));
  return existsSync3(path) ? path : null;
}
var HEAVY = ["typescript", "python"];
function laneOf(kind) {
  if (kind === "javascript") return "typescript";
  if (kind === "python") return "python";
  return "light";
}
var LaneQueue = class {
  lanes = new Map(HEAVY.concat("light").map((lane) => [lane, []]));
  serving = /* @__PURE__ */ new Map();
  constructor(items) {
    for (const item of items) this.lanes.get(item.read ? "light" : laneOf(item.task.kind)).push(item);
  }
  serve(lane, delta) {
    this.serving.set(lane, (this.serving.get(lane) ?? 0) + delta);
  }
  /** The next batch for a worker that favours `own`: its lane, then light files, then another heavy lane worth warming up for. */
  take(own) {
    for (const lane of [own, "light"]) {
      const batch = this.lanes.get(lane).splice(0, BATCH);
      if (batch.length > 0) return batch;
    }
    for (const lane of HEAVY) {
      const queue = this.lanes.get(lane);
      if (lane === own || queue.length === 0) continue;
      if (queue.length >= STEAL_MIN || (this.serving.get(lane) ?? 0) === 0) return queue.splice(0, BATCH);
    }
    return [];
  }
  /** Whatever no worker took (they all stopped). */
  drain() {
    return [...this.lanes.values()].flatMap((queue) => queue.splice(0));
  }
};
function toWorkerItem(item) {
  if (item.absolutePath) return { message: { task: item.task, absolutePath: item.absolutePath }, transfer: [] };
  let bytes;
  try {
    bytes = item.read();
  } catch (error) {
    return { message: { task: item.task, unreadable: error.code ?? error.message }, transfer: [] };
  }
  const owned = new Uint8Array(bytes);
  return { message: { task: item.task, bytes: owned }, transfer: [owned.buffer] };
}
async function runInWorkers(items, init, threads, script, onOutcomes) {
  const queue = new LaneQueue(items);
  const outcomes = [];
  const leftover = [];
  const runOne = (own) => new Promise((resolveWorker) => {
    const worker = new Worker(script, { workerData: init, resourceLimits: WORKER_LIMITS });
    let current = [];
    let done = false;
    queue.serve(own, 1);
    const finish = () => {
      if (done) return;
      done = true;
      leftover.push(...current);
      current = [];
      queue.serve(own, -1);
      resolveWorker();
    };
    const next = () => {
      current = queue.take(own);
      if (current.length === 0) {
        void worker.terminate();
        finish();
        return;
      }
      const prepared = current.map(toWorkerItem);
      worker.postMessage(
        prepared.map((p) => p.message),
        prepared.flatMap((p) => p.transfer)
      );
    };
    worker.on("message", (batch) => {
      if (done) return;
      outcomes.push(...batch);
      onOutcomes?.(outcomes.length);
      current = [];
      next();
    });
    worker.on("error", finish);
    worker.on("exit", finish);
    next();
  });
  await Promise.all(Array.from({ length: Math.max(1, threads) }, (_, i) => runOne(HEAVY[i % HEAVY.length])));
  return { outcomes, leftover: [...leftover, ...queue.drain()] };
}

export {
  redact,
  scrub,
  sha256,
  fingerprint,
  SEVERITY_RANK,
  docsFenceFor,
  basename,
  dirname,
  classify,
  DETECTORS,
  preloadParsers,
  RULES,
  findRule,
  buildConfigSchema,
  ConfigError,
  loadConfig,
  parseConfig,
  defaultConfig,
  defaultOptions,
  parseSize,
  SUPPRESSION_MARKER,
  parseSuppressions,
  sourceFromBytes,
  unreadableOutcome,
  enabledRules,
  FilePass,
  resolveReport,
  maskSnippets,
  serializeConfig,
  deserializeConfig,
  threadsFor,
  workerScript,
  runInWorkers
};
