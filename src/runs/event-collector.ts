// The store's EventCollector: each model's events of one run, handed to persistRunState.
import type { EventCollector, EventEntry } from '../../store/index.js';

export class RunEventCollector implements EventCollector {
  private readonly byModel = new Map<string, EventEntry[]>();

  record(modelId: string, e: EventEntry): void {
    const events = this.byModel.get(modelId) ?? [];
    events.push(e);
    this.byModel.set(modelId, events);
  }

  /** A model's events in the order they happened; [] for a model with none. */
  events(modelId: string): EventEntry[] {
    return [...(this.byModel.get(modelId) ?? [])];
  }
}
