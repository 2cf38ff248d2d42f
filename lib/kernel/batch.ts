// Natural batching ("group commit") for the statements every tracking request runs. Callers hand
// in one item and get one result; items that arrive while earlier batches are still in the
// database are sent together as one statement. An idle server sends each item at once (after
// the current I/O phase, so requests read together go together), a busy one sends tens per round
// trip: fewer statements, commits and socket writes, with no timer and no added wait.
// Nothing is acknowledged before its batch has committed, and nothing is kept beyond the
// requests in flight, so two instances behave like one.

import { countBatch } from "@/lib/ops/metrics";

export interface BatcherOptions {
  /** The statement's name in the metrics (`partnerloop_batch_statement_items{statement}`). */
  name?: string;
  /** Most items per statement. */
  maxBatch?: number;
  /** Batches in the database at once (each holds one pooled connection). */
  maxInFlight?: number;
  /**
   * When a batch of several items fails, each item is retried alone so one bad item cannot fail
   * its neighbours — unless this says the failure is not about the items (database unreachable).
   */
  retryAlone?: (error: unknown) => boolean;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * `run` receives the items of one batch and returns one result per item, in order; a result that
 * is an Error rejects only its own caller.
 */
export function createBatcher<I, O>(run: (items: I[]) => Promise<Array<O | Error>>, options: BatcherOptions = {}): (item: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? 100;
  const maxInFlight = options.maxInFlight ?? 2;
  const queue: Array<Pending<I, O>> = [];
  let inFlight = 0;
  let scheduled = false;

  const settle = (pending: Array<Pending<I, O>>, results: Array<O | Error>) => {
    pending.forEach((p, i) => {
      const result = results[i];
      if (result instanceof Error) p.reject(result);
      else if (results.length !== pending.length)
        p.reject(new Error(`batch returned ${results.length} results for ${pending.length} items`));
      else p.resolve(result as O);
    });
  };

  const name = options.name ?? "unnamed";
  const execute = async (pending: Array<Pending<I, O>>) => {
    countBatch(name, pending.length);
    try {
      settle(pending, await run(pending.map((p) => p.item)));
    } catch (error) {
      if (pending.length > 1 && (options.retryAlone?.(error) ?? true)) {
        await Promise.all(pending.map((p) => run([p.item]).then((results) => settle([p], results), p.reject)));
      } else {
        for (const p of pending) p.reject(error);
      }
    }
  };

  const drain = () => {
    scheduled = false;
    while (queue.length && inFlight < maxInFlight) {
      const batch = queue.splice(0, maxBatch);
      inFlight += 1;
      void execute(batch).finally(() => {
        inFlight -= 1;
        drain();
      });
    }
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < maxInFlight) {
        scheduled = true;
        setImmediate(drain);
      }
    });
}
