/** A growable typed column: append-only storage for one per-document fact. */
export class Column<T extends Int32Array | Float64Array | Uint8Array | Uint32Array> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T, initial = 1024) {
    this.data = make(initial);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(position: number): number {
    return this.data[position] as number;
  }

  set(position: number, value: number): void {
    this.data[position] = value;
  }

  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  load(values: T): void {
    this.data = this.make(Math.max(1024, values.length * 2));
    this.data.set(values);
    this.length = values.length;
  }
}

/** Strings stored once, referred to by a small integer (chat ids, senders, sources, languages). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  /** Ids of every value for which `accept` holds. */
  matching(accept: (value: string) => boolean): Set<number> {
    const found = new Set<number>();
    this.values.forEach((value, id) => {
      if (accept(value)) found.add(id);
    });
    return found;
  }

  load(values: string[]): void {
    this.values.length = 0;
    this.ids.clear();
    for (const value of values) this.idOf(value);
  }
}
