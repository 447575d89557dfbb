// Runs `work` over `items`, at most `size` at a time (the browser keeps six connections per host),
// and returns the results in the items' order.
export async function inBatches(items, size, work) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
