/**
 * Runs `work` on every item, a few at a time: a day's worth of records in parallel would meet
 * DynamoDB's per-partition limits and the Lambda's sockets at once, one by one would not finish.
 */
export async function inTurns<T>(items: readonly T[], work: (item: T) => Promise<unknown>, width = 16) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
