// A Python syntax tree as plain JavaScript objects, copied out of tree-sitter's wasm memory in
// one cursor walk. Every property a web-tree-sitter Node offers costs a call into wasm and a new
// wrapper object; the rules ask for types, fields and children tens of thousands of times a file,
// so they read this copy instead. It offers the subset of the Node API the rules use, with the
// same meaning: indices in UTF-16 code units, fields by name, anonymous nodes included. One
// difference: a field tree-sitter inherits through a hidden node (match_statement's
// `alternative`, on case clauses inside its hidden block) is found on the block's children only.
import type { Tree, TreeCursor } from "web-tree-sitter";
import { lineLocator } from "./lines.js";

export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  /** This node's field in its parent (`left`, `function`, …), if any. */
  fieldName: string | null = null;
  parent: SyntaxNode | null = null;
  private named: SyntaxNode[] | null = null;

  constructor(
    private readonly source: PythonTree,
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

  /** A token the parser inserted to recover from an error (set by the copy, asked only of zero-width leaves). */
  isMissing = false;

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    this.named ??= this.children.filter((c) => c.isNamed);
    return this.named;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  namedChild(index: number): SyntaxNode | null {
    return this.namedChildren[index] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  childForFieldName(field: string): SyntaxNode | null {
    for (const child of this.children) if (child.fieldName === field) return child;
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.fieldName === field);
  }

  /** Zero-based row and column (UTF-16) of the node's start. */
  get startPosition(): { row: number; column: number } {
    return this.source.positionAt(this.startIndex);
  }

  /** Descendants of these types, the node itself included, in source order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = typeof types === "string" ? [types] : types;
    const found: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [this];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (wanted.includes(node.type)) found.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    return found;
  }
}

export class PythonTree {
  readonly rootNode: SyntaxNode;
  /** An ERROR or MISSING node anywhere: the parser recovered from a syntax error. */
  readonly hasError: boolean;
  private lineOf: ((offset: number) => number) | null = null;

  constructor(readonly text: string, tree: Tree) {
    this.hasError = tree.rootNode.hasError;
    const cursor = tree.walk();
    try {
      this.rootNode = this.copy(cursor, kindsOf(tree));
    } finally {
      cursor.delete();
    }
  }

  positionAt(index: number): { row: number; column: number } {
    this.lineOf ??= lineLocator(this.text);
    return { row: this.lineOf(index) - 1, column: index - (index > 0 ? this.text.lastIndexOf("\n", index - 1) + 1 : 0) };
  }

  // Depth first with the cursor, iteratively: deep nesting must not overflow the stack.
  // Every cursor property is a call into wasm: ask for the few numbers and look names up here.
  private copy(cursor: TreeCursor, kinds: GrammarKinds): SyntaxNode {
    let id = 0;
    const make = (parent: SyntaxNode | null) => {
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
      if (current.startIndex === current.endIndex) current.isMissing = cursor.nodeIsMissing;
      // A leaf: move to the next sibling, climbing as far as needed.
      for (;;) {
        if (current === root) return root;
        if (cursor.gotoNextSibling()) {
          current = make(current.parent);
          break;
        }
        cursor.gotoParent();
        current = current.parent!;
      }
    }
  }
}

interface GrammarKinds {
  type(id: number): string;
  isNamed(id: number): boolean;
  field(id: number): string | null;
}

const grammarKinds = new WeakMap<object, GrammarKinds>();

/** Type and field names by id, asked of the grammar once per id. */
function kindsOf(tree: Tree): GrammarKinds {
  const language = tree.language;
  let kinds = grammarKinds.get(language);
  if (!kinds) {
    const named = new Map<number, boolean>();
    kinds = {
      type: (id) => language.types[id] ?? "ERROR",
      isNamed: (id) => {
        let value = named.get(id);
        // ERROR (the one id past the grammar's types) is named, as tree-sitter's nodes say.
        if (value === undefined) named.set(id, (value = language.types[id] === undefined || language.nodeTypeIsNamed(id)));
        return value;
      },
      field: (id) => (id > 0 ? (language.fields[id] ?? null) : null),
    };
    grammarKinds.set(language, kinds);
  }
  return kinds;
}
