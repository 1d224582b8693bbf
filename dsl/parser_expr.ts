// The expression half of the .tfpy grammar (chevrotain): Python's precedence levels, displays, calls, slices.
import { EmbeddedActionsParser, tokenMatcher, type IOrAlt, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type { BinaryOp, Comprehension, Expr, Loc, Param } from './ast.ts';
import {
  vocabulary, K, Identifier, NumberLit, StringLit, Ellipsis, LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Comma, Colon, Dot, Assign, Star, Pow, Slash, Plus, Minus, Tilde, CompOp, BinOpTok,
} from './lexer.ts';
import { locOf } from './layout.ts';
import { decodeEscapes, decodeNumber, splitString } from './strings.ts';
import {
  syntaxError, checkTarget, buildBinary, buildCall, buildParams, buildDisplay, type ArgItem, type DisplayItem, type RawParam,
} from './parser_checks.ts';

/** An f-string node whose parts are filled in after the parse (parsing its fields re-enters the parser). */
export interface PendingFString { node: Extract<Expr, { kind: 'FString' }>; tokens: IToken[] }

const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'BinOp', loc: left.loc, op, left, right });
const isComparison = (t: IToken) => tokenMatcher(t, CompOp) || tokenMatcher(t, K.in) || tokenMatcher(t, K.not) || tokenMatcher(t, K.is);

export class ExprParser extends EmbeddedActionsParser {
  file = '<stdin>';
  pending: PendingFString[] = [];

  constructor() {
    super(vocabulary, { recoveryEnabled: false, maxLookahead: 3 });
  }

  protected fail(message: string, at: Loc): never {
    throw syntaxError(message, at, this.file);
  }

  /** `a, *b, c`: a Tuple when there is a comma, else the single expression; starred items allowed. */
  testListStar = this.RULE('testListStar', (): Expr => {
    const items: Expr[] = [];
    let comma = false;
    items.push(this.SUBRULE(this.testOrStar));
    this.MANY(() => {
      this.CONSUME(Comma);
      items.push(this.SUBRULE2(this.testOrStar));
      comma = true;
    });
    this.OPTION(() => { this.CONSUME2(Comma); comma = true; });
    return comma ? { kind: 'Tuple', loc: items[0]!.loc, elts: items } : items[0]!;
  });

  /** Targets of `for` and comprehensions: bitwise-or level, so that `in` ends the target. */
  targetList = this.RULE('targetList', (ctx: 'assign' | 'del'): Expr => {
    const items: Expr[] = [];
    let comma = false;
    items.push(this.SUBRULE(this.exprOrStar));
    this.MANY(() => {
      this.CONSUME(Comma);
      items.push(this.SUBRULE2(this.exprOrStar));
      comma = true;
    });
    this.OPTION(() => { this.CONSUME2(Comma); comma = true; });
    const target: Expr = comma ? { kind: 'Tuple', loc: items[0]!.loc, elts: items } : items[0]!;
    this.ACTION(() => checkTarget(target, ctx, this.file));
    return target;
  });

  testOrStar = this.RULE('testOrStar', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => this.SUBRULE(this.starExpr) },
    { ALT: () => this.SUBRULE(this.test) },
  ]));

  exprOrStar = this.RULE('exprOrStar', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => this.SUBRULE(this.starExpr) },
    { ALT: () => this.SUBRULE(this.binary, { ARGS: [false] }) },
  ]));

  starExpr = this.RULE('starExpr', (): Expr => {
    const star = this.CONSUME(Star);
    return { kind: 'Starred', loc: locOf(star), value: this.SUBRULE(this.binary, { ARGS: [false] }) };
  });

  test = this.RULE('test', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => this.SUBRULE(this.lambdef) },
    {
      ALT: () => {
        const body = this.SUBRULE(this.orTest);
        let result = body;
        this.OPTION(() => {
          this.CONSUME(K.if);
          const test = this.SUBRULE2(this.orTest);
          this.CONSUME(K.else);
          const orelse = this.SUBRULE(this.test);
          result = { kind: 'IfExp', loc: body.loc, test, body, orelse };
        });
        return result;
      },
    },
  ]));

  lambdef = this.RULE('lambdef', (): Expr => {
    const kw = this.CONSUME(K.lambda);
    let params: Param[] = [];
    this.OPTION(() => { params = this.SUBRULE(this.params, { ARGS: [false] }); });
    this.CONSUME(Colon);
    return { kind: 'Lambda', loc: locOf(kw), params, body: this.SUBRULE(this.test) };
  });

  /** Parameters of `def` (annotations allowed, then dropped) or `lambda`. */
  params = this.RULE('params', (annotations: boolean): Param[] => {
    const raw: RawParam[] = [];
    raw.push(this.SUBRULE(this.param, { ARGS: [annotations] }));
    this.MANY(() => {
      this.CONSUME(Comma);
      raw.push(this.SUBRULE2(this.param, { ARGS: [annotations] }));
    });
    this.OPTION(() => this.CONSUME2(Comma));
    return this.ACTION(() => buildParams(raw, this.file));
  });

  param = this.RULE('param', (annotations: boolean): RawParam => {
    const annotation = () => this.OPTION({ GATE: () => annotations, DEF: () => { this.CONSUME(Colon); this.SUBRULE(this.test); } });
    return this.OR<IOrAlt<RawParam>[]>([
      { ALT: () => { const t = this.CONSUME(Pow); const n = this.CONSUME(Identifier); annotation(); return { mark: '**', name: n.image, loc: locOf(t), default: null }; } },
      {
        ALT: () => {
          const t = this.CONSUME(Star);
          let name: string | null = null;
          this.OPTION2(() => {
            name = this.CONSUME2(Identifier).image;
            this.OPTION3({ GATE: () => annotations, DEF: () => { this.CONSUME2(Colon); this.SUBRULE2(this.test); } });
          });
          return { mark: '*', name, loc: locOf(t), default: null };
        },
      },
      { ALT: () => { const t = this.CONSUME(Slash); return { mark: '/', name: null, loc: locOf(t), default: null }; } },
      {
        ALT: () => {
          const n = this.CONSUME3(Identifier);
          this.OPTION4({ GATE: () => annotations, DEF: () => { this.CONSUME3(Colon); this.SUBRULE3(this.test); } });
          let dflt: Expr | null = null;
          this.OPTION5(() => { this.CONSUME(Assign); dflt = this.SUBRULE4(this.test); });
          return { mark: '', name: n.image, loc: locOf(n), default: dflt };
        },
      },
    ]);
  });

  orTest = this.RULE('orTest', (): Expr => {
    const values = [this.SUBRULE(this.andTest)];
    this.MANY(() => { this.CONSUME(K.or); values.push(this.SUBRULE2(this.andTest)); });
    return values.length === 1 ? values[0]! : { kind: 'BoolOp', loc: values[0]!.loc, op: 'or', values };
  });

  andTest = this.RULE('andTest', (): Expr => {
    const values = [this.SUBRULE(this.notTest)];
    this.MANY(() => { this.CONSUME(K.and); values.push(this.SUBRULE2(this.notTest)); });
    return values.length === 1 ? values[0]! : { kind: 'BoolOp', loc: values[0]!.loc, op: 'and', values };
  });

  notTest = this.RULE('notTest', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => { const t = this.CONSUME(K.not); return { kind: 'UnaryOp', loc: locOf(t), op: 'not', operand: this.SUBRULE(this.notTest) }; } },
    { ALT: () => this.SUBRULE(this.binary, { ARGS: [true] }) },
  ]));

  /**
   * Every binary operator from `|` down to `* / // % @`, plus comparisons when `compare` (else `expr` level,
   * where `in` ends a `for` target): one flat loop, precedence applied by buildBinary (a shallower stack).
   */
  binary = this.RULE('binary', (compare: boolean): Expr => {
    const operands = [this.SUBRULE(this.factor)];
    const ops: string[] = [];
    this.MANY({
      GATE: () => compare || !isComparison(this.LA(1)),
      DEF: () => {
        ops.push(this.OR<IOrAlt<string>[]>([
          { ALT: () => this.CONSUME(BinOpTok).image },
          { ALT: () => this.CONSUME(CompOp).image },
          { ALT: () => { this.CONSUME(K.in); return 'in'; } },
          { ALT: () => { this.CONSUME(K.not); this.CONSUME2(K.in); return 'not in'; } },
          { ALT: () => { this.CONSUME(K.is); let op = 'is'; this.OPTION(() => { this.CONSUME2(K.not); op = 'is not'; }); return op; } },
        ]));
        operands.push(this.SUBRULE2(this.factor));
      },
    });
    return this.ACTION(() => buildBinary(operands, ops)) ?? operands[0]!;
  });

  /** Unary minus binds looser than `**` on its right: -2**2 is -(2**2). */
  factor = this.RULE('factor', (): Expr => this.OR<IOrAlt<Expr>[]>([
    {
      ALT: () => {
        const op = this.OR2([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }, { ALT: () => this.CONSUME(Tilde) }]);
        return { kind: 'UnaryOp', loc: locOf(op), op: op.image as '-' | '+' | '~', operand: this.SUBRULE(this.factor) };
      },
    },
    { ALT: () => this.SUBRULE(this.power) },
  ]));

  /** `**` is right-associative through `factor`: 2**-1 and 2**3**2 work as in Python. */
  power = this.RULE('power', (): Expr => {
    let result = this.SUBRULE(this.atomExpr);
    this.OPTION(() => { this.CONSUME(Pow); result = bin('**', result, this.SUBRULE(this.factor)); });
    return result;
  });

  atomExpr = this.RULE('atomExpr', (): Expr => {
    let e = this.SUBRULE(this.atom);
    this.MANY(() => this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          const items: ArgItem[] = [];
          this.OPTION(() => {
            items.push(this.SUBRULE(this.argument));
            this.MANY2(() => { this.CONSUME(Comma); items.push(this.SUBRULE2(this.argument)); });
            this.OPTION2(() => this.CONSUME2(Comma));
          });
          this.CONSUME(RParen);
          e = this.ACTION(() => buildCall(e, items, this.file)) ?? e; // ACTION gives undefined while recording
        },
      },
      {
        ALT: () => {
          this.CONSUME(LBracket);
          const index = this.SUBRULE(this.subscriptList);
          this.CONSUME(RBracket);
          e = { kind: 'Subscript', loc: e.loc, value: e, index };
        },
      },
      { ALT: () => { this.CONSUME(Dot); e = { kind: 'Attribute', loc: e.loc, value: e, attr: this.CONSUME(Identifier).image }; } },
    ]));
    return e;
  });

  argument = this.RULE('argument', (): ArgItem => this.OR<IOrAlt<ArgItem>[]>([
    { ALT: () => { const t = this.CONSUME(Star); return { mark: '*', value: this.SUBRULE(this.test), loc: locOf(t), comp: null }; } },
    { ALT: () => { const t = this.CONSUME(Pow); return { mark: '**', value: this.SUBRULE2(this.test), loc: locOf(t), comp: null }; } },
    {
      ALT: () => {
        const value = this.SUBRULE3(this.test);
        let item: ArgItem = { mark: '', value, loc: value.loc, comp: null };
        this.OPTION(() => this.OR2([
          { ALT: () => { item = { mark: '', value, loc: value.loc, comp: this.SUBRULE(this.compFor) }; } },
          { ALT: () => { this.CONSUME(Assign); item = { mark: '=', value: this.SUBRULE4(this.test), loc: value.loc, comp: null, name: value }; } },
        ]));
        return item;
      },
    },
  ]));

  subscriptList = this.RULE('subscriptList', (): Expr => {
    const items = [this.SUBRULE(this.subscript)];
    let comma = false;
    this.MANY(() => { this.CONSUME(Comma); items.push(this.SUBRULE2(this.subscript)); comma = true; });
    this.OPTION(() => { this.CONSUME2(Comma); comma = true; });
    return comma ? { kind: 'Tuple', loc: items[0]!.loc, elts: items } : items[0]!;
  });

  /** `i`, `a:b`, `::-1`, `a:b:c`: a Slice whenever a colon appears. */
  subscript = this.RULE('subscript', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => this.SUBRULE(this.sliceRest, { ARGS: [null] }) },
    {
      ALT: () => {
        const lower = this.SUBRULE(this.test);
        let result = lower;
        this.OPTION(() => { result = this.SUBRULE2(this.sliceRest, { ARGS: [lower] }); });
        return result;
      },
    },
  ]));

  sliceRest = this.RULE('sliceRest', (lower: Expr | null): Expr => {
    const colon = this.CONSUME(Colon);
    const loc = lower ? lower.loc : locOf(colon);
    let upper: Expr | null = null;
    let step: Expr | null = null;
    this.OPTION(() => { upper = this.SUBRULE(this.test); });
    this.OPTION2(() => {
      this.CONSUME2(Colon);
      this.OPTION3(() => { step = this.SUBRULE2(this.test); });
    });
    return { kind: 'Slice', loc, lower, upper, step };
  });

  /** `for t in it if c for u in v ...`: each `for` opens a generator, each `if` filters the latest one. */
  compFor = this.RULE('compFor', (): Comprehension[] => {
    const gens: Comprehension[] = [];
    this.CONSUME(K.for);
    const target = this.SUBRULE(this.targetList, { ARGS: ['assign'] });
    this.CONSUME(K.in);
    gens.push({ target, iter: this.SUBRULE(this.orTest), ifs: [] });
    this.MANY(() => this.OR([
      {
        ALT: () => {
          this.CONSUME2(K.for);
          const t = this.SUBRULE2(this.targetList, { ARGS: ['assign'] });
          this.CONSUME2(K.in);
          gens.push({ target: t, iter: this.SUBRULE2(this.orTest), ifs: [] });
        },
      },
      { ALT: () => { this.CONSUME(K.if); const c = this.SUBRULE3(this.orTest); this.ACTION(() => gens[gens.length - 1]!.ifs.push(c)); } },
    ]));
    return gens;
  });

  atom = this.RULE('atom', (): Expr => this.OR<IOrAlt<Expr>[]>([
    { ALT: () => this.display(LParen, RParen, 1) },
    { ALT: () => this.display(LBracket, RBracket, 2) },
    { ALT: () => this.display(LBrace, RBrace, 3) },
    { ALT: () => { const t = this.CONSUME(Identifier); return { kind: 'Name', loc: locOf(t), id: t.image }; } },
    {
      ALT: () => {
        const t = this.CONSUME(NumberLit);
        return this.ACTION(() => ({ kind: 'Num', loc: locOf(t), ...decodeNumber(t.image, locOf(t), this.file) }) as Expr);
      },
    },
    {
      ALT: () => {
        const toks: IToken[] = [];
        this.AT_LEAST_ONE(() => toks.push(this.CONSUME(StringLit)));
        return this.ACTION(() => this.stringNode(toks));
      },
    },
    { ALT: () => ({ kind: 'Ellipsis', loc: locOf(this.CONSUME(Ellipsis)) }) },
    { ALT: () => ({ kind: 'Const', loc: locOf(this.CONSUME(K.None)), value: null }) },
    { ALT: () => ({ kind: 'Const', loc: locOf(this.CONSUME(K.True)), value: true }) },
    { ALT: () => ({ kind: 'Const', loc: locOf(this.CONSUME(K.False)), value: false }) },
  ]));

  /** `( )`, `[ ]`, `{ }` displays and comprehensions; `idx` keeps chevrotain's occurrence indices distinct. */
  private display(open: TokenType, close: TokenType, idx: 1 | 2 | 3): Expr {
    const o = this.consumeAt(idx, open);
    const items: DisplayItem[] = [];
    let comp: Comprehension[] | null = null;
    let commas = 0;
    this.optionAt(idx, () => {
      items.push(this.subruleAt(idx, this.displayItem));
      this.optionAt(idx + 3, () => { comp = this.subruleAt(idx, this.compFor); });
      this.manyAt(idx, () => { this.consumeAt(idx + 3, Comma); commas++; items.push(this.subruleAt(idx + 3, this.displayItem)); });
      this.optionAt(idx + 6, () => { this.consumeAt(idx + 6, Comma); commas++; });
    });
    this.consumeAt(idx, close);
    return this.ACTION(() => buildDisplay(open === LParen ? '(' : open === LBracket ? '[' : '{', locOf(o), items, comp, commas, this.file));
  }

  /** A display element: `x`, `*xs`, `**d`, or `k: v` (the kind is checked by buildDisplay). */
  displayItem = this.RULE('displayItem', (): DisplayItem => this.OR<IOrAlt<DisplayItem>[]>([
    { ALT: () => { const t = this.CONSUME(Pow); return { mark: '**', value: this.SUBRULE(this.binary, { ARGS: [false] }), key: null, loc: locOf(t) }; } },
    { ALT: () => { const t = this.CONSUME(Star); return { mark: '*', value: this.SUBRULE2(this.binary, { ARGS: [false] }), key: null, loc: locOf(t) }; } },
    {
      ALT: () => {
        const first = this.SUBRULE(this.test);
        let item: DisplayItem = { mark: '', value: first, key: null, loc: first.loc };
        this.OPTION(() => { this.CONSUME(Colon); item = { mark: ':', value: this.SUBRULE2(this.test), key: first, loc: first.loc }; });
        return item;
      },
    },
  ]));

  private stringNode(toks: IToken[]): Expr {
    const loc = locOf(toks[0]!);
    if (!toks.some((t) => splitString(t).f)) {
      return { kind: 'Str', loc, value: this.strValue(toks) };
    }
    const node: Extract<Expr, { kind: 'FString' }> = { kind: 'FString', loc, parts: [] };
    this.pending.push({ node, tokens: toks });
    return node;
  }

  /** Decoded, concatenated value of plain string tokens (implicit concatenation of adjacent literals). */
  private strValue(toks: IToken[]): string {
    return toks.map((t) => { const s = splitString(t); return decodeEscapes(s, s.body, 0, this.file); }).join('');
  }

  // chevrotain needs distinct occurrence indices for repeated DSL calls in one rule; these pick them by number.
  private consumeAt(i: number, t: TokenType): IToken {
    return [this.CONSUME1, this.CONSUME2, this.CONSUME3, this.CONSUME4, this.CONSUME5, this.CONSUME6, this.CONSUME7, this.CONSUME8, this.CONSUME9][i - 1]!.call(this, t);
  }
  private optionAt(i: number, f: () => void): void {
    [this.OPTION1, this.OPTION2, this.OPTION3, this.OPTION4, this.OPTION5, this.OPTION6, this.OPTION7, this.OPTION8, this.OPTION9][i - 1]!.call(this, f);
  }
  private manyAt(i: number, f: () => void): void {
    [this.MANY1, this.MANY2, this.MANY3][i - 1]!.call(this, f);
  }
  private subruleAt<R>(i: number, rule: ParserMethod<[], R>): R {
    const subs = [this.SUBRULE1, this.SUBRULE2, this.SUBRULE3, this.SUBRULE4, this.SUBRULE5, this.SUBRULE6];
    return (subs[i - 1] as unknown as (r: typeof rule) => R).call(this, rule);
  }
}
