// Blind mode: each run's models become `Model A`, `Model B`, … in a random order drawn for that run, and
// their names are masked in everything the run shows until the pick reveals them.
import { randomInt } from 'node:crypto';

export interface BlindLabels {
  /** model ids in the order their panels and labels go: Model A first */
  order: readonly string[];
  labelOf: ReadonlyMap<string, string>;
}

/** `Model A` … `Model Z`, then `Model 27` on: a run rarely has more than a handful of models. */
function label(index: number): string {
  return index < 26 ? `Model ${String.fromCharCode(65 + index)}` : `Model ${index + 1}`;
}

/** A fresh random order (Fisher–Yates with the system's cryptographic random numbers). */
export function blindLabels(models: readonly string[], pick: (below: number) => number = randomInt): BlindLabels {
  const order = [...new Set(models)];
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { order, labelOf: new Map(order.map((model, index) => [model, label(index)])) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text with every model id, and the name after its provider (`demo/alpha` → `alpha`), replaced by the
 * model's label, ignoring case. A model that describes itself in other words cannot be masked.
 */
export function maskNames(labels: BlindLabels, text: string): string {
  const names: [string, string][] = [];
  for (const [model, modelLabel] of labels.labelOf) {
    names.push([model, modelLabel]);
    const bare = model.slice(model.lastIndexOf('/') + 1);
    if (bare.length >= 3 && bare !== model) names.push([bare, modelLabel]);
  }
  if (names.length === 0 || text === '') return text;
  // longest first, so `demo/alpha` is replaced whole before `alpha`
  names.sort(([a], [b]) => b.length - a.length);
  const byName = new Map(names.map(([name, modelLabel]) => [name.toLowerCase(), modelLabel]));
  const pattern = new RegExp(names.map(([name]) => escapeRegExp(name)).join('|'), 'gi');
  return text.replace(pattern, (found) => byName.get(found.toLowerCase()) ?? found);
}

/** What the feed says once the pick is made: which label was which model. */
export function revealLine(labels: BlindLabels): string {
  return `Blind run revealed: ${labels.order.map((model) => `${labels.labelOf.get(model)} was ${model}`).join(', ')}.`;
}

/** One model's part as blind mode shows it (a live panel, a headless report's block). */
interface NamedPart {
  modelId: string;
  text: string;
  error?: string;
}

/**
 * The parts in the run's label order (Model A first), each called by its label, with the names masked in its
 * text and error. `mask` defaults to maskNames over these labels (the app passes its memoized one).
 */
export function disguised<T extends NamedPart>(labels: BlindLabels, parts: readonly T[], mask: (text: string) => string = (text) => maskNames(labels, text)): T[] {
  return inLabelOrder(labels, parts).map((part) => ({
    ...part,
    modelId: labels.labelOf.get(part.modelId) ?? mask(part.modelId),
    text: mask(part.text),
    ...(part.error ? { error: mask(part.error) } : {}),
  }));
}

/** The parts in the run's label order: Model A first. */
export function inLabelOrder<T extends { modelId: string }>(labels: BlindLabels, parts: readonly T[]): T[] {
  const position = (part: T) => labels.order.indexOf(part.modelId);
  return [...parts].sort((a, b) => position(a) - position(b));
}
