// The upper bound of every wait in the engines: a browser or driver that stops answering fails its
// test at once, saying what it waited for, instead of holding the run until the suite's limit
// (CI once waited 590 s on WebKitWebDriver that never answered a new session).
export function within(promise, ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
