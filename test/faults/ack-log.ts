// What the writer children said was durable, across every child of one session: each line must
// still be true of the data directory after any later kill.
export class AckLog {
  /** runs 0 … runCount-1 were recorded (both session files held them) */
  runCount = 0;
  readonly prompts = new Set<number>();
  readonly rewinds = new Set<number>();
  readonly selected = new Map<number, string>();
  readonly notes = new Set<number>();
  readonly recipes = new Set<string>();
  /** recipe puts RecipeStore refused (its lock still held by a killed writer), with why */
  readonly recipesRefused: string[] = [];
  /** files a writer found corrupt when it opened (there must be none) */
  readonly quarantined: string[] = [];
  /** the prompt_count each writer started from */
  readonly opens: number[] = [];

  /** Takes one stdout line of a writer; returns a problem when the line contradicts what was acknowledged before. */
  record(line: string): string | null {
    const [kind, first, second] = line.split(' ');
    const index = Number(first);
    switch (kind) {
      case 'open':
        this.opens.push(index);
        return index < this.runCount ? `a writer started from prompt_count ${index}, below the ${this.runCount} runs acknowledged` : null;
      case 'prompt':
        this.prompts.add(index);
        return null;
      case 'run':
        this.runCount = Math.max(this.runCount, index + 1);
        return null;
      case 'rewind':
        this.rewinds.add(index);
        return null;
      case 'selected':
        this.selected.set(index, second);
        return null;
      case 'note':
        this.notes.add(index);
        return null;
      case 'recipe':
        this.recipes.add(first);
        return null;
      case 'recipe-refused':
        this.recipesRefused.push(line.slice(kind.length + 1));
        return null;
      case 'quarantined':
        this.quarantined.push(first);
        return null;
      default:
        return null;
    }
  }

  /** Every acknowledgement counted once, for the report. */
  get total(): number {
    return this.runCount + this.prompts.size + this.rewinds.size + this.selected.size + this.notes.size + this.recipes.size;
  }
}
