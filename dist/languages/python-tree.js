import { lineLocator } from "./lines.js";
export class SyntaxNode {
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
    constructor(source, id, type, isNamed, startIndex, endIndex) {
        this.source = source;
        this.id = id;
        this.type = type;
        this.isNamed = isNamed;
        this.startIndex = startIndex;
        this.endIndex = endIndex;
    }
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
        for (const child of this.children)
            if (child.fieldName === field)
                return child;
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
            if (wanted.includes(node.type))
                found.push(node);
            for (let i = node.children.length - 1; i >= 0; i--)
                stack.push(node.children[i]);
        }
        return found;
    }
}
export class PythonTree {
    text;
    rootNode;
    /** An ERROR or MISSING node anywhere: the parser recovered from a syntax error. */
    hasError;
    lineOf = null;
    constructor(text, tree) {
        this.text = text;
        this.hasError = tree.rootNode.hasError;
        const cursor = tree.walk();
        try {
            this.rootNode = this.copy(cursor, kindsOf(tree));
        }
        finally {
            cursor.delete();
        }
    }
    positionAt(index) {
        this.lineOf ??= lineLocator(this.text);
        return { row: this.lineOf(index) - 1, column: index - (index > 0 ? this.text.lastIndexOf("\n", index - 1) + 1 : 0) };
    }
    // Depth first with the cursor, iteratively: deep nesting must not overflow the stack.
    // Every cursor property is a call into wasm: ask for the few numbers and look names up here.
    copy(cursor, kinds) {
        let id = 0;
        const make = (parent) => {
            const typeId = cursor.nodeTypeId;
            const node = new SyntaxNode(this, id++, kinds.type(typeId), kinds.isNamed(typeId), cursor.startIndex, cursor.endIndex);
            if (parent) {
                // tree-sitter names no fields inside an ERROR node.
                node.fieldName = parent.type === "ERROR" ? null : kinds.field(cursor.currentFieldId);
                node.parent = parent;
                parent.children.push(node);
            }
            return node;
        };
        const root = make(null);
        let current = root;
        for (;;) {
            if (cursor.gotoFirstChild()) {
                current = make(current);
                continue;
            }
            // Only a zero-width leaf can be a token the parser inserted; empty blocks are zero-width too.
            if (current.startIndex === current.endIndex)
                current.isMissing = cursor.nodeIsMissing;
            // A leaf: move to the next sibling, climbing as far as needed.
            for (;;) {
                if (current === root)
                    return root;
                if (cursor.gotoNextSibling()) {
                    current = make(current.parent);
                    break;
                }
                cursor.gotoParent();
                current = current.parent;
            }
        }
    }
}
const grammarKinds = new WeakMap();
/** Type and field names by id, asked of the grammar once per id. */
function kindsOf(tree) {
    const language = tree.language;
    let kinds = grammarKinds.get(language);
    if (!kinds) {
        const named = new Map();
        kinds = {
            type: (id) => language.types[id] ?? "ERROR",
            isNamed: (id) => {
                let value = named.get(id);
                // ERROR (the one id past the grammar's types) is named, as tree-sitter's nodes say.
                if (value === undefined)
                    named.set(id, (value = language.types[id] === undefined || language.nodeTypeIsNamed(id)));
                return value;
            },
            field: (id) => (id > 0 ? (language.fields[id] ?? null) : null),
        };
        grammarKinds.set(language, kinds);
    }
    return kinds;
}
