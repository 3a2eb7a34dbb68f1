import { createHash } from 'node:crypto';

/**
 * A piece of SQL with its parameters, written as a tagged template: `sql\`… WHERE o.id = ${id}\``.
 * Each interpolated value becomes a parameter; an interpolated Sql is inlined with its own
 * parameters, renumbered. So a parameter exists only where the text uses it, and nothing a
 * request sends is ever spliced into the text. Text that is not a parameter (a column chosen
 * by the code) comes only from `identifier`, which takes names from a typed union.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement for pg: `$n` placeholders in order, and the values they stand for. */
  compile(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0];
    this.values.forEach((value, index) => {
      if (value instanceof Sql) text += value.render(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[index + 1];
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Fragments joined by a separator: `join([a, b], ' AND ')`. */
export function join(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return sql``;
  return new Sql(['', ...fragments.slice(1).map(() => separator), ''], fragments);
}

/** A name of the code's choosing (a column, an alias), never a value from a request: `T` is a union of literal names. */
export function identifier<T extends string>(name: T): Sql {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return new Sql([name], []);
}

/**
 * Constants of the code's own vocabulary (statuses, kinds: upper-case words) written into the
 * text as literals, so that the planner matches them against partial indexes and checks.
 */
export function constants(values: readonly string[]): Sql {
  for (const value of values) if (!/^[A-Z_]+$/.test(value)) throw new Error(`not a vocabulary constant: ${value}`);
  return new Sql([values.map((value) => `'${value}'`).join(', ')], []);
}

/** A statement to run as a named prepared statement: Postgres parses and plans it once per connection. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** Names the statement after a hash of its text, so each distinct text is its own prepared statement. */
export function named(statement: Sql): NamedStatement {
  const { text, values } = statement.compile();
  return { name: `q_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`, text, values };
}
